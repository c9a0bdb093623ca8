//! What the evidence for an effect or a value row amounts to, read from the checked graph: the
//! findings tagged with it ([`items`]), their counts ([`Counts`]), the strength label by the
//! published rule ([`rule`]), the headline signal in words ([`words`]), and the gap map of
//! effects against kinds of evidence, sectors and the levels of the value table ([`gaps`]).
//!
//! No stage owns it: pages, search and open data all read it, so the label a visitor sees, the
//! facet they filter on and the figure in the export cannot disagree. It makes no HTML.
//!
//! Editorial links count for the label: the label is the knowledge base's own reading of all the
//! evidence it gathered, not the Platform's. The words always say how much of it the Platform
//! itself links ([`Counts::platform`]).

pub mod gaps;
pub mod rule;
pub mod words;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use crate::graph::{FindingFacts, FindingRef, KnowledgeGraph};
use crate::model::{Direction, Effect, Evidence, Id, Provenance, Source, ValueRow};
pub use gaps::GapMap;
pub use rule::{Assessment, Strength};

/// One finding as evidence for one effect or row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub finding: FindingRef,
    pub evidence: Evidence,
    pub provenance: Provenance,
    pub direction: Direction,
}

/// The findings tagged with effect `e`, in the index's order (by source, then position).
pub fn effect_items(graph: &KnowledgeGraph, e: Id<Effect>) -> Vec<Item> {
    items(graph, &graph.index.effect_findings[e], |facts| {
        facts.effect(e).map(|t| (t.provenance, t.direction))
    })
}

/// The findings tagged with row `r`, in the index's order.
pub fn row_items(graph: &KnowledgeGraph, r: Id<ValueRow>) -> Vec<Item> {
    items(graph, &graph.index.row_findings[r], |facts| {
        facts.row(r).map(|t| (t.provenance, t.direction))
    })
}

fn items(
    graph: &KnowledgeGraph,
    findings: &[FindingRef],
    tag: impl Fn(&FindingFacts) -> Option<(Provenance, Direction)>,
) -> Vec<Item> {
    (findings.iter())
        .filter_map(|&f| {
            let facts = graph.index.facts(f);
            let (provenance, direction) = tag(facts)?;
            Some(Item {
                finding: f,
                evidence: facts.evidence,
                provenance,
                direction,
            })
        })
        .collect()
}

/// The items one party linked, in order: pages list the Platform's first, the editors' apart.
pub fn by(items: &[Item], provenance: Provenance) -> Vec<Item> {
    (items.iter().copied())
        .filter(|i| i.provenance == provenance)
        .collect()
}

/// Counts of one kind of evidence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindCount {
    pub findings: usize,
    /// Distinct sources with a finding of this kind.
    pub sources: usize,
}

/// What the words of a signal and the rule read: counts over the findings of one effect or row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub findings: usize,
    /// Per kind, in the order of [`Evidence::ALL`].
    pub kinds: [KindCount; 5],
    /// Distinct sources with any finding.
    pub sources: usize,
    /// Distinct sources with empirical or review findings: the studies the rule counts.
    pub studies: usize,
    /// Findings the Platform's own overview or table links.
    pub platform: usize,
    /// Findings the editors added.
    pub editors: usize,
    pub mixed: usize,
    pub contradicting: usize,
    /// Mixed findings among research and theory: the ones that lower the label.
    pub weighed_mixed: usize,
    /// Contradicting findings among research and theory.
    pub weighed_contradicting: usize,
    /// Theory findings that support.
    pub supporting_theory: usize,
}

impl Counts {
    pub fn of(items: &[Item]) -> Counts {
        let mut counts = Counts {
            findings: items.len(),
            ..Counts::default()
        };
        let mut all_sources: BTreeSet<Id<Source>> = BTreeSet::new();
        let mut studies: BTreeSet<Id<Source>> = BTreeSet::new();
        let mut per_kind: [BTreeSet<Id<Source>>; 5] = Default::default();
        for item in items {
            let source = item.finding.source;
            let kind = item.evidence;
            counts.kinds[kind.index()].findings += 1;
            per_kind[kind.index()].insert(source);
            all_sources.insert(source);
            if kind.is_research() {
                studies.insert(source);
            }
            match item.provenance {
                Provenance::Platform => counts.platform += 1,
                Provenance::Editors => counts.editors += 1,
            }
            let weighed = kind.is_research() || kind == Evidence::Theory;
            match item.direction {
                Direction::Supports => {
                    if kind == Evidence::Theory {
                        counts.supporting_theory += 1;
                    }
                }
                Direction::Mixed => {
                    counts.mixed += 1;
                    counts.weighed_mixed += usize::from(weighed);
                }
                Direction::Contradicts => {
                    counts.contradicting += 1;
                    counts.weighed_contradicting += usize::from(weighed);
                }
            }
        }
        for (count, sources) in counts.kinds.iter_mut().zip(&per_kind) {
            count.sources = sources.len();
        }
        counts.sources = all_sources.len();
        counts.studies = studies.len();
        counts
    }

    pub fn kind(&self, kind: Evidence) -> &KindCount {
        &self.kinds[kind.index()]
    }
}

/// The headline signal of an effect or row: its counts and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signal {
    pub counts: Counts,
    pub assessment: Assessment,
}

impl Signal {
    pub fn of(items: &[Item]) -> Signal {
        let counts = Counts::of(items);
        let assessment = rule::assess(&counts);
        Signal { counts, assessment }
    }

    pub fn strength(&self) -> Strength {
        self.assessment.strength
    }

    /// "4 empirische bevindingen uit 3 onderzoeken, 1 theoretisch; 1 tegenstrijdig".
    pub fn counts_text(&self) -> String {
        words::counts(&self.counts)
    }

    /// How much of it the Platform itself links: "2 daarvan koppelt het Platform zelf, …".
    pub fn origin_text(&self) -> String {
        words::origin(&self.counts)
    }

    /// Why the label is what it is: "Onderzoek uit 3 bronnen; een trede lager door …".
    pub fn reason_text(&self) -> String {
        words::reason(&self.counts, &self.assessment)
    }
}

pub fn effect_signal(graph: &KnowledgeGraph, e: Id<Effect>) -> Signal {
    Signal::of(&effect_items(graph, e))
}

pub fn row_signal(graph: &KnowledgeGraph, r: Id<ValueRow>) -> Signal {
    Signal::of(&row_items(graph, r))
}
