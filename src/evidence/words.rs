//! The headline signal in Dutch words, for visitors: counts by kind of evidence, how much of it
//! the Platform itself links, and why the label is what it is.

use super::{Assessment, Counts};
use crate::model::Evidence;

/// "4 empirische bevindingen uit 3 onderzoeken, 1 theoretisch, 2 uit de praktijk; 1 tegenstrijdig".
/// The first kind named carries the noun; the others lean on it.
pub fn counts(counts: &Counts) -> String {
    if counts.findings == 0 {
        return "geen bevindingen".to_string();
    }
    let mut parts = Vec::new();
    for kind in Evidence::ALL {
        let c = counts.kind(kind);
        if c.findings == 0 {
            continue;
        }
        let (n, s) = (c.findings, c.sources);
        let first = parts.is_empty();
        parts.push(match (kind, first) {
            (Evidence::Empirical, _) => format!(
                "{n} empirische {} uit {s} {}",
                findings(n),
                plural(s, "onderzoek", "onderzoeken")
            ),
            (Evidence::Review, true) => {
                format!("{n} {} uit {}", findings(n), reviews(s))
            }
            (Evidence::Review, false) => format!("{n} uit {}", reviews(s)),
            (Evidence::Theory, true) => format!(
                "{n} {}",
                plural(n, "theoretische bevinding", "theoretische bevindingen")
            ),
            (Evidence::Theory, false) => format!("{n} theoretisch"),
            (Evidence::Practice, true) => format!("{n} {} uit de praktijk", findings(n)),
            (Evidence::Practice, false) => format!("{n} uit de praktijk"),
            (Evidence::Policy, true) => format!("{n} {} uit beleid of advies", findings(n)),
            (Evidence::Policy, false) => format!("{n} uit beleid of advies"),
        });
    }
    let mut text = parts.join(", ");
    let mut doubts = Vec::new();
    if counts.mixed > 0 {
        doubts.push(format!("{} gemengd", counts.mixed));
    }
    if counts.contradicting > 0 {
        doubts.push(format!("{} tegenstrijdig", counts.contradicting));
    }
    if !doubts.is_empty() {
        text.push_str("; ");
        text.push_str(&doubts.join(", "));
    }
    text
}

/// How many of the findings the Platform itself links, and how many the editors added.
pub fn origin(counts: &Counts) -> String {
    let (p, r) = (counts.platform, counts.editors);
    match (p, r) {
        (0, 0) => String::new(),
        (_, 0) if p == 1 => "Het Platform legt deze koppeling zelf.".to_string(),
        (_, 0) => format!("Het Platform koppelt ze {} zelf.", all(p)),
        (0, 1) => "Het Platform koppelt er zelf geen; de redactie voegde deze toe.".to_string(),
        (0, _) => format!(
            "Het Platform koppelt er zelf geen; de redactie voegde ze {} toe.",
            all(r)
        ),
        _ => format!("{p} daarvan koppelt het Platform zelf, {r} voegde de redactie toe."),
    }
}

/// Why the rule gives this label: what the studies give, and each step down.
pub fn reason(counts: &Counts, assessment: &Assessment) -> String {
    let review_sources = counts.kind(Evidence::Review).sources;
    let mut text = match counts.studies {
        0 if counts.supporting_theory > 0 => {
            "Geen gemeten onderzoek, wel een theoretische onderbouwing".to_string()
        }
        0 if counts.findings > 0 => {
            "Geen gemeten onderzoek en geen theoretische onderbouwing".to_string()
        }
        0 => "Geen bevindingen".to_string(),
        s => {
            let mut t = format!("Onderzoek uit {s} {}", plural(s, "bron", "bronnen"));
            if review_sources > 0 {
                t.push_str(&format!(", waaronder {}", reviews(review_sources)));
            }
            t
        }
    };
    let against = plural(
        counts.weighed_contradicting,
        "een tegenstrijdige bevinding",
        "tegenstrijdige bevindingen",
    );
    match (
        assessment.lowered_for_mixed,
        assessment.lowered_for_contradicting,
    ) {
        (true, true) => text.push_str(&format!(
            "; twee treden lager door gemengde uitkomsten en {against}"
        )),
        (true, false) => text.push_str("; een trede lager door gemengde uitkomsten"),
        (false, true) => text.push_str(&format!("; een trede lager door {against}")),
        (false, false) => {}
    }
    text.push('.');
    text
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// "allebei", "alle 3".
fn all(n: usize) -> String {
    if n == 2 {
        "allebei".to_string()
    } else {
        format!("alle {n}")
    }
}

fn findings(n: usize) -> &'static str {
    plural(n, "bevinding", "bevindingen")
}

fn reviews(s: usize) -> String {
    if s == 1 {
        "een review".to_string()
    } else {
        format!("{s} reviews")
    }
}
