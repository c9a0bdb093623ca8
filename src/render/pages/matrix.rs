//! The evidence matrices: effects × sources, and value rows × effects; each count links to its
//! findings.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::graph::{FindingRef, KnowledgeGraph, PageRef};
use crate::model::{Effect, Id, Source};
use crate::render::view::Link;

/// The evidence matrices: effects × sources, and value rows × effects.
#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    pub effects: Vec<Link>,
    pub source_rows: Vec<MatrixRow>,
    pub value_rows: Vec<MatrixRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub head: Link,
    pub cells: Vec<MatrixCell>,
    pub total: usize,
}

/// One cell: how many findings connect the row to the column, and where they are.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixCell {
    pub count: usize,
    /// Where the findings behind the cell are listed; `None` when there are none.
    pub url: Option<String>,
}

pub fn matrix(g: &KnowledgeGraph) -> Matrix {
    let effects = Link::all(g, g.records.effects.ids().map(PageRef::Effect));
    // One pass over the findings per effect instead of one per cell: looking them up per
    // (source, effect) cell was quadratic (sources × findings; minutes at 50k pages).
    let mut per_cell: HashMap<(Id<Source>, Id<Effect>), (usize, FindingRef)> = HashMap::new();
    let mut effect_sets: Vec<HashSet<FindingRef>> = Vec::with_capacity(g.records.effects.len());
    for (e, findings) in g.index.effect_findings.enumerate() {
        for &f in findings {
            per_cell.entry((f.source, e)).or_insert((0, f)).0 += 1;
        }
        effect_sets.push(findings.iter().copied().collect());
    }
    let source_rows = (g.records.sources.ids())
        .filter(|&s| !g.index.source_effects[s].is_empty())
        .map(|s| {
            let cells: Vec<MatrixCell> = (g.records.effects.ids())
                .map(|e| match per_cell.get(&(s, e)) {
                    Some(&(count, first)) => MatrixCell {
                        count,
                        url: Some(format!(
                            "{}#{}",
                            g.url(PageRef::Source(s)),
                            g.index.finding_anchors[first.source][first.finding]
                        )),
                    },
                    None => MatrixCell {
                        count: 0,
                        url: None,
                    },
                })
                .collect();
            MatrixRow {
                head: Link::to(g, PageRef::Source(s)),
                total: cells.iter().map(|c| c.count).sum(),
                cells,
            }
        })
        .collect();
    let value_rows = (g.records.rows.ids())
        .map(|r| {
            let cells: Vec<MatrixCell> = (g.records.effects.ids())
                .map(|e| {
                    let count = g.index.row_findings[r]
                        .iter()
                        .filter(|f| effect_sets[e.index()].contains(f))
                        .count();
                    MatrixCell {
                        count,
                        url: (count > 0).then(|| format!("{}#onderzoek", g.url(PageRef::Row(r)))),
                    }
                })
                .collect();
            MatrixRow {
                head: Link::to(g, PageRef::Row(r)),
                total: cells.iter().map(|c| c.count).sum(),
                cells,
            }
        })
        .collect();
    Matrix {
        effects,
        source_rows,
        value_rows,
    }
}
