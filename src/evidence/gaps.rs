//! The gap map: for each effect (grouped by category) the findings per kind of evidence, per
//! sector and per level of the value table, and the same per value row (grouped by level) for
//! kind and sector. A cell without findings is a real gap: no finding in the knowledge base is
//! about that combination. (A source that is not about an effect is not a gap, so sources are not
//! an axis.)
//!
//! A finding is in an effect's level cell when it is tagged with the effect and with a row of that
//! level; in a sector cell when it (or its source) names the sector.

use super::{Item, effect_items, row_items};
use crate::graph::{FindingRef, KnowledgeGraph, PageRef};
use crate::model::{Evidence, Provenance};

/// The findings of one combination.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub findings: Vec<FindingRef>,
    /// How many of them the Platform itself links to the effect or row.
    pub platform: usize,
}

impl Cell {
    pub fn count(&self) -> usize {
        self.findings.len()
    }

    /// No finding at all for this combination.
    pub fn is_gap(&self) -> bool {
        self.findings.is_empty()
    }

    fn add(&mut self, item: &Item) {
        if !self.findings.contains(&item.finding) {
            self.findings.push(item.finding);
            self.platform += usize::from(item.provenance == Provenance::Platform);
        }
    }
}

/// One effect or row across the axes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub subject: PageRef,
    /// In the order of [`Evidence::ALL`].
    pub by_kind: [Cell; 5],
    /// In the order of `sectors` in site.yaml.
    pub by_sector: Vec<Cell>,
    /// Findings that name no sector.
    pub without_sector: Cell,
    /// In the order of `levels` in site.yaml; empty for a row (it has one level).
    pub by_level: Vec<Cell>,
}

impl Line {
    pub fn kind(&self, kind: Evidence) -> &Cell {
        &self.by_kind[kind.index()]
    }
}

/// Lines under a heading: a category's effects, or a level's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Key of the category or level.
    pub key: String,
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapMap {
    /// Effects by category, in the order of site.yaml, each in page order.
    pub effects: Vec<Group>,
    /// Value rows by level.
    pub rows: Vec<Group>,
}

impl GapMap {
    pub fn of(graph: &KnowledgeGraph) -> GapMap {
        let config = &graph.config;
        let effects = (config.categories.iter())
            .map(|category| Group {
                key: category.key.clone(),
                lines: (graph.records.effects.enumerate())
                    .filter(|(_, effect)| effect.data.category == category.key)
                    .map(|(e, _)| {
                        let mut line = line(graph, PageRef::Effect(e), &effect_items(graph, e));
                        line.by_level = by_level(graph, &effect_items(graph, e));
                        line
                    })
                    .collect(),
            })
            .collect();
        let rows = (config.levels.iter())
            .map(|level| Group {
                key: level.key.clone(),
                lines: (graph.records.rows.enumerate())
                    .filter(|(_, row)| row.data.level == level.key)
                    .map(|(r, _)| line(graph, PageRef::Row(r), &row_items(graph, r)))
                    .collect(),
            })
            .collect();
        GapMap { effects, rows }
    }

    /// Every line, effects first.
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        (self.effects.iter().chain(&self.rows)).flat_map(|g| &g.lines)
    }
}

fn line(graph: &KnowledgeGraph, subject: PageRef, items: &[Item]) -> Line {
    let sectors = &graph.config.sectors;
    let mut line = Line {
        subject,
        by_kind: Default::default(),
        by_sector: vec![Cell::default(); sectors.len()],
        without_sector: Cell::default(),
        by_level: Vec::new(),
    };
    for item in items {
        line.by_kind[item.evidence.index()].add(item);
        let named = &graph.index.facts(item.finding).sectors;
        if named.is_empty() {
            line.without_sector.add(item);
        }
        for (cell, sector) in line.by_sector.iter_mut().zip(sectors) {
            if named.contains(&sector.key) {
                cell.add(item);
            }
        }
    }
    line
}

/// An effect's findings by the level of the rows they are also tagged with.
fn by_level(graph: &KnowledgeGraph, items: &[Item]) -> Vec<Cell> {
    let levels = &graph.config.levels;
    let mut cells = vec![Cell::default(); levels.len()];
    for item in items {
        for tag in &graph.index.facts(item.finding).rows {
            let level = &graph[tag.to].data.level;
            if let Some(i) = levels.iter().position(|l| &l.key == level) {
                cells[i].add(item);
            }
        }
    }
    cells
}
