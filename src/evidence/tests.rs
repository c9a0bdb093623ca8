//! The rule, the words and the gap map on small graphs: the test fixture site plus an effect
//! `proef` and one source per study, each with the findings the test needs.

use super::*;
use crate::graph::{Options, PageRef, resolve};
use crate::load;

/// The fixture with effect `proef` and source `s1-2020`, `s2-2020`, … with `sources[i]` as the
/// rest of its front matter.
fn graph(sources: &[&str]) -> crate::graph::Checked<KnowledgeGraph> {
    let dir = crate::testing::fixture(false);
    let write = |file: &str, text: String| std::fs::write(dir.path().join(file), text).unwrap();
    write(
        "content/effecten/proef.md",
        "---\ntitle: Proef\ncategory: secundair\norder: 5\nsummary: S\n---\n".into(),
    );
    for (i, rest) in sources.iter().enumerate() {
        let n = i + 1;
        write(
            &format!("content/bronnen/s{n}-2020.md"),
            format!("---\nlabel: S{n} (2020)\nkind: beleid\n{rest}---\n"),
        );
    }
    let loaded = load::load(dir.path(), &dir.path().join("content"));
    match resolve(loaded, Options::default()) {
        Ok(graph) => graph,
        Err(d) => panic!("{:#?}", d.iter().map(|d| d.one_line()).collect::<Vec<_>>()),
    }
}

fn proef(g: &KnowledgeGraph) -> Id<Effect> {
    match g.find(crate::model::Kind::Effect, "proef") {
        Some(PageRef::Effect(e)) => e,
        other => panic!("{other:?}"),
    }
}

fn signal(sources: &[&str]) -> Signal {
    let g = graph(sources);
    effect_signal(&g, proef(&g))
}

const EMPIRICAL: &str = "evidence: empirisch\nfindings:\n  - text: t\n    effects: [proef]\n";
const REVIEW: &str = "evidence: review\nfindings:\n  - text: t\n    effects: [proef]\n";
const THEORY: &str = "evidence: theorie\nfindings:\n  - text: t\n    effects: [proef]\n";
const PRACTICE: &str = "evidence: praktijk\nfindings:\n  - text: t\n    added_effects: [proef]\n";
const POLICY: &str = "evidence: beleid\nfindings:\n  - text: t\n    effects: [proef]\n";

fn with_direction(direction: &str, kind: &str) -> String {
    format!(
        "evidence: {kind}\nfindings:\n  - text: t\n    effects: [proef]\n    direction: {direction}\n"
    )
}

#[test]
fn each_mix_of_findings_gets_its_label_and_its_words() {
    let two_findings = "evidence: empirisch\nfindings:\n  - text: t\n    effects: [proef]\n  - text: u\n    added_effects: [proef]\n";
    // (findings, label, counts in words, reason; "" where the case does not pin the words)
    let cases: &[(&[&str], Strength, &str, &str)] = &[
        (
            &[],
            Strength::Insufficient,
            "geen bevindingen",
            "Geen bevindingen.",
        ),
        (
            &[PRACTICE, PRACTICE, POLICY, POLICY, POLICY],
            Strength::Insufficient,
            "2 bevindingen uit de praktijk, 3 uit beleid of advies",
            "",
        ),
        (
            &[THEORY, THEORY, THEORY, THEORY, PRACTICE],
            Strength::WellFounded,
            "4 theoretische bevindingen, 1 uit de praktijk",
            "Geen gemeten onderzoek, wel een theoretische onderbouwing.",
        ),
        // One study however many findings; practice never raises it.
        (
            &[two_findings, PRACTICE, PRACTICE, POLICY],
            Strength::First,
            "2 empirische bevindingen uit 1 onderzoek, 2 uit de praktijk, 1 uit beleid of advies",
            "Onderzoek uit 1 bron.",
        ),
        (&[EMPIRICAL, EMPIRICAL], Strength::Good, "", ""),
        (&[EMPIRICAL, EMPIRICAL, EMPIRICAL], Strength::Good, "", ""),
        // A review is one study.
        (
            &[EMPIRICAL, REVIEW],
            Strength::Good,
            "1 empirische bevinding uit 1 onderzoek, 1 uit een review",
            "",
        ),
        (
            &[EMPIRICAL, EMPIRICAL, EMPIRICAL, EMPIRICAL],
            Strength::Strong,
            "",
            "Onderzoek uit 4 bronnen.",
        ),
        (
            &[EMPIRICAL, EMPIRICAL, REVIEW],
            Strength::Strong,
            "",
            "Onderzoek uit 3 bronnen, waaronder een review.",
        ),
    ];
    for (sources, label, counts, reason) in cases {
        let s = signal(sources);
        assert_eq!(s.strength(), *label, "{sources:?}");
        if !counts.is_empty() {
            assert_eq!(s.counts_text(), *counts);
        }
        if !reason.is_empty() {
            assert_eq!(s.reason_text(), *reason);
        }
    }
    assert_eq!(signal(&[]).origin_text(), "");
    assert_eq!(signal(&[two_findings]).counts.studies, 1);
}

#[test]
fn a_mixed_finding_lowers_the_label_one_step_and_is_named() {
    let mixed = with_direction("gemengd", "empirisch");
    let s = signal(&[EMPIRICAL, EMPIRICAL, EMPIRICAL, &mixed]);
    assert_eq!(s.assessment.base, Strength::Strong);
    assert_eq!(s.strength(), Strength::Good);
    assert_eq!(
        s.counts_text(),
        "4 empirische bevindingen uit 4 onderzoeken; 1 gemengd"
    );
    assert_eq!(
        s.reason_text(),
        "Onderzoek uit 4 bronnen; een trede lager door gemengde uitkomsten."
    );
}

#[test]
fn mixed_and_contradicting_findings_lower_it_a_step_each() {
    let mixed = with_direction("gemengd", "empirisch");
    let against = with_direction("tegenstrijdig", "empirisch");
    let s = signal(&[EMPIRICAL, EMPIRICAL, &mixed, &against]);
    assert_eq!(s.strength(), Strength::First);
    assert_eq!(
        s.counts_text(),
        "4 empirische bevindingen uit 4 onderzoeken; 1 gemengd, 1 tegenstrijdig"
    );
    assert_eq!(
        s.reason_text(),
        "Onderzoek uit 4 bronnen; twee treden lager door gemengde uitkomsten en een tegenstrijdige bevinding."
    );
    let s = signal(&[EMPIRICAL, EMPIRICAL, &against]);
    assert_eq!(s.strength(), Strength::First, "three studies, one against");
    let s = signal(&[EMPIRICAL, EMPIRICAL, EMPIRICAL, EMPIRICAL, &against]);
    assert_eq!(s.strength(), Strength::Good, "strong, but one against");
}

#[test]
fn below_first_indications_a_step_lands_on_theory_or_on_insufficient() {
    let mixed = with_direction("gemengd", "empirisch");
    assert_eq!(signal(&[&mixed]).strength(), Strength::Insufficient);
    assert_eq!(signal(&[&mixed, THEORY]).strength(), Strength::WellFounded);
    let theory_against = with_direction("tegenstrijdig", "theorie");
    assert_eq!(
        signal(&[THEORY, &theory_against]).strength(),
        Strength::Insufficient
    );
}

#[test]
fn doubts_from_practice_and_policy_are_named_but_do_not_lower_it() {
    let practice_against = with_direction("tegenstrijdig", "praktijk");
    let s = signal(&[EMPIRICAL, EMPIRICAL, &practice_against]);
    assert_eq!(s.strength(), Strength::Good);
    assert!(s.counts_text().ends_with("; 1 tegenstrijdig"), "{s:?}");
}

#[test]
fn a_direction_per_effect_applies_to_that_effect_only() {
    let g = graph(&[
        "evidence: empirisch\nfindings:\n  - text: t\n    effects: [proef, behoud]\n    rows: [\"1.1\"]\n    direction: {proef: tegenstrijdig}\n",
        "evidence: empirisch\nfindings:\n  - text: t\n    effects: [proef]\n    added_rows: [\"1.1\"]\n    direction: gemengd\n",
    ]);
    let directions: Vec<Direction> = effect_items(&g, proef(&g))
        .iter()
        .map(|i| i.direction)
        .collect();
    assert_eq!(directions, [Direction::Contradicts, Direction::Mixed]);
    let Some(PageRef::Effect(behoud)) = g.find(crate::model::Kind::Effect, "behoud") else {
        panic!()
    };
    assert!(
        effect_items(&g, behoud)
            .iter()
            .all(|i| i.direction == Direction::Supports)
    );
    let Some(PageRef::Row(row)) = g.find(crate::model::Kind::Row, "1.1") else {
        panic!()
    };
    let on_row: Vec<(Provenance, Direction)> = row_items(&g, row)
        .iter()
        .filter(|i| g[i.finding.source].key.starts_with('s'))
        .map(|i| (i.provenance, i.direction))
        .collect();
    assert_eq!(
        on_row,
        [
            (Provenance::Platform, Direction::Supports),
            (Provenance::Editors, Direction::Mixed)
        ]
    );
}

#[test]
fn the_words_say_how_much_the_platform_itself_links() {
    let platform_only = signal(&[EMPIRICAL, EMPIRICAL]);
    assert_eq!(
        platform_only.origin_text(),
        "Het Platform koppelt ze allebei zelf."
    );
    assert_eq!(
        signal(&[EMPIRICAL]).origin_text(),
        "Het Platform legt deze koppeling zelf."
    );
    assert_eq!(
        signal(&[EMPIRICAL, EMPIRICAL, THEORY]).origin_text(),
        "Het Platform koppelt ze alle 3 zelf."
    );
    let editors_only = signal(&[PRACTICE, PRACTICE]);
    assert_eq!(
        editors_only.origin_text(),
        "Het Platform koppelt er zelf geen; de redactie voegde ze allebei toe."
    );
    let both = signal(&[EMPIRICAL, PRACTICE, PRACTICE]);
    assert_eq!(
        both.origin_text(),
        "1 daarvan koppelt het Platform zelf, 2 voegde de redactie toe."
    );
    assert_eq!((both.counts.platform, both.counts.editors), (1, 2));
}

#[test]
fn the_label_weighs_editorial_additions_too() {
    let added = "evidence: empirisch\nfindings:\n  - text: t\n    added_effects: [proef]\n";
    let s = signal(&[added, added]);
    assert_eq!(s.strength(), Strength::Good);
    assert_eq!(s.counts.platform, 0);
}

#[test]
fn the_gap_map_counts_findings_per_kind_sector_and_level() {
    let g = graph(&[
        "evidence: empirisch\nsectors: [vo]\nfindings:\n  - text: t\n    effects: [proef]\n    rows: [\"2.1\"]\n  - text: u\n    added_effects: [proef]\n    sectors: [po, vo]\n",
        "evidence: praktijk\nfindings:\n  - text: t\n    added_effects: [proef]\n    added_rows: [\"1.1\", \"2.1\"]\n",
    ]);
    let map = GapMap::of(&g);
    let secundair = map.effects.iter().find(|c| c.key == "secundair").unwrap();
    let line = &secundair.lines[0];
    assert_eq!(line.subject, PageRef::Effect(proef(&g)));
    let counts: Vec<usize> = line.by_kind.iter().map(|c| c.count()).collect();
    assert_eq!(counts, [2, 0, 0, 1, 0]);
    assert!(line.kind(Evidence::Review).is_gap());
    assert_eq!(line.kind(Evidence::Empirical).platform, 1);
    // Sectors po, vo: the second finding names both, the first inherits vo from its source.
    let sectors: Vec<usize> = line.by_sector.iter().map(|c| c.count()).collect();
    assert_eq!(sectors, [1, 2]);
    assert_eq!(line.without_sector.count(), 1);
    // Levels onderwijsregio, partnerschap: a finding tagged with two rows counts once per level.
    let levels: Vec<usize> = line.by_level.iter().map(|c| c.count()).collect();
    assert_eq!(levels, [1, 2]);
    let tertiair = map.effects.iter().find(|c| c.key == "tertiair").unwrap();
    assert!(
        tertiair.lines.iter().all(|l| l.by_level.len() == 2),
        "every effect has a cell per level"
    );
    let rows: Vec<&str> = (map.rows.iter())
        .flat_map(|group| &group.lines)
        .map(|l| g.title(l.subject))
        .collect();
    assert_eq!(rows.len(), g.records.rows.len(), "{rows:?}");
}

#[test]
fn a_finding_of_another_kind_than_its_source_does_not_inherit_its_design() {
    let g = graph(&[
        "evidence: empirisch\ndesign: vragenlijst\nsectors: [po]\nfindings:\n  - text: t\n    effects: [proef]\n  - text: u\n    effects: [proef]\n    evidence: theorie\n",
    ]);
    let items = effect_items(&g, proef(&g));
    let facts: Vec<_> = items.iter().map(|i| g.index.facts(i.finding)).collect();
    assert_eq!(facts[0].design.as_deref(), Some("vragenlijst"));
    assert_eq!(
        facts[1].design, None,
        "a theory the source cites is not its survey"
    );
    assert_eq!(facts[1].sectors, ["po"], "the sectors still hold");
}
