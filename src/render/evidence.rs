//! What templates see of the evidence: the headline signal of an effect or row, a finding's kind
//! of evidence, direction and the origin of each of its links, the legend of the page
//! *Hoe lees je het bewijs* ([`super::gap_map`] shapes the gap map). The figures and words come from
//! [`crate::evidence`]; this only shapes them, with URLs, for a theme.

use serde::Serialize;

use super::view::Link;
use crate::evidence::{Counts, Item, Signal, Strength};
use crate::graph::{KnowledgeGraph, PageRef, Tag};
use crate::model::{Direction, Evidence, Id, Kind, Provenance};

/// The page that explains the signals, the kinds of evidence and the gap map (`paginas/`).
pub const GUIDE_KEY: &str = "hoe-lees-je-het-bewijs";

/// The address of the guide, if the site has it.
pub fn guide_url(graph: &KnowledgeGraph) -> Option<String> {
    graph.find(Kind::Page, GUIDE_KEY).map(|p| graph.url(p))
}

/// The headline signal of an effect or row.
#[derive(Debug, Clone, Serialize)]
pub struct SignalView {
    pub strength: StrengthView,
    /// "4 empirische bevindingen uit 3 onderzoeken, 1 theoretisch; 1 tegenstrijdig".
    pub counts: String,
    /// How many of them the Platform itself links, in words.
    pub origin: String,
    /// Why the rule gives this label.
    pub reason: String,
    pub findings: usize,
    pub platform: usize,
    pub editors: usize,
    /// Where the rule is explained; every signal links to it.
    pub guide_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StrengthView {
    pub key: &'static str,
    pub label: &'static str,
    /// 0 (onvoldoende bewijs) to 4 (sterke aanwijzingen): how many of the four marks are filled.
    pub level: u8,
}

impl StrengthView {
    pub fn of(strength: Strength) -> StrengthView {
        StrengthView {
            key: strength.key(),
            label: strength.label(),
            level: strength.level(),
        }
    }
}

pub fn signal(graph: &KnowledgeGraph, items: &[Item]) -> SignalView {
    let signal = Signal::of(items);
    let Counts {
        findings,
        platform,
        editors,
        ..
    } = signal.counts;
    SignalView {
        strength: StrengthView::of(signal.strength()),
        counts: signal.counts_text(),
        origin: signal.origin_text(),
        reason: signal.reason_text(),
        findings,
        platform,
        editors,
        guide_url: guide_url(graph),
    }
}

/// A kind of evidence with its Dutch label from site.yaml.
#[derive(Debug, Clone, Serialize)]
pub struct KindView {
    pub key: &'static str,
    pub label: String,
    pub definition: String,
}

pub fn kind(graph: &KnowledgeGraph, kind: Evidence) -> KindView {
    let entry = (graph.config.evidence_kinds.iter()).find(|k| k.key == kind.key());
    KindView {
        key: kind.key(),
        label: entry.map_or(kind.key().to_string(), |k| k.label.clone()),
        definition: entry.map(|k| k.definition.clone()).unwrap_or_default(),
    }
}

/// A direction a visitor needs to know about: mixed or contradicting (supporting says nothing).
#[derive(Debug, Clone, Serialize)]
pub struct DirectionView {
    pub key: &'static str,
    pub label: &'static str,
}

pub fn direction(direction: Direction) -> Option<DirectionView> {
    let label = match direction {
        Direction::Supports => return None,
        Direction::Mixed => "gemengde uitkomst",
        Direction::Contradicts => "spreekt dit tegen",
    };
    Some(DirectionView {
        key: direction.key(),
        label,
    })
}

/// A finding's link to an effect or row: the link, who made it and how the finding bears on it.
#[derive(Debug, Clone, Serialize)]
pub struct TagView {
    #[serde(flatten)]
    pub link: Link,
    /// `platform` or `redactie`.
    pub origin: &'static str,
    /// True when the editors added the link.
    pub added: bool,
    pub direction: Option<DirectionView>,
}

pub fn tags<T>(
    graph: &KnowledgeGraph,
    tags: &[Tag<T>],
    page: fn(Id<T>) -> PageRef,
) -> Vec<TagView> {
    (tags.iter())
        .map(|t| TagView {
            link: Link::to(graph, page(t.to)),
            origin: t.provenance.key(),
            added: t.provenance == Provenance::Editors,
            direction: direction(t.direction),
        })
        .collect()
}

/// The legend of the guide: the kinds of evidence (from site.yaml), the labels of the rule, the
/// directions and the two origins.
#[derive(Debug, Clone, Serialize)]
pub struct Legend {
    pub kinds: Vec<KindView>,
    pub strengths: Vec<StrengthView>,
}

pub fn legend(graph: &KnowledgeGraph) -> Legend {
    Legend {
        kinds: Evidence::ALL.iter().map(|&k| kind(graph, k)).collect(),
        strengths: Strength::ALL.iter().map(|&s| StrengthView::of(s)).collect(),
    }
}
