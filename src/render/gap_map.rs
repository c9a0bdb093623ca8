//! The gap map as pages show it: `/bewijs/` with three tables (effects by category against the
//! kinds of evidence, the sectors and the levels of the value table), and one page per effect,
//! `/bewijs/<effect>/`, with a section per column: the place each cell links to. Both read the
//! same [`axes`], so a cell and the section it links to cannot disagree about what they hold.

use serde::Serialize;

use super::evidence::guide_url;
use super::view::{self, FindingView, Link};
use crate::evidence::gaps::{Cell, GapMap, Line};
use crate::evidence::{Item, effect_items};
use crate::graph::{KnowledgeGraph, PageRef};
use crate::model::{Effect, Evidence, Id};

/// One column of a table of the gap map.
#[derive(Debug, Clone)]
pub struct Column {
    /// The fragment of its section on an effect's evidence page.
    pub anchor: String,
    /// Its head in the table and the title of its section.
    pub head: String,
    of: Of,
}

#[derive(Debug, Clone, Copy)]
enum Of {
    Kind(Evidence),
    Sector(usize),
    WithoutSector,
    Level(usize),
}

impl Column {
    pub fn cell<'l>(&self, line: &'l Line) -> &'l Cell {
        match self.of {
            Of::Kind(kind) => line.kind(kind),
            Of::Sector(i) => &line.by_sector[i],
            Of::WithoutSector => &line.without_sector,
            Of::Level(i) => &line.by_level[i],
        }
    }

    /// An empty cell is a gap, except under "no sector named": none there is no gap.
    fn empty_is_gap(&self) -> bool {
        !matches!(self.of, Of::WithoutSector)
    }
}

/// One table of the gap map, and one group of sections on an effect's evidence page.
#[derive(Debug, Clone)]
pub struct Axis {
    /// `soort`, `sector`, `niveau`: the fragments `per-<key>` and `kaart-<key>`.
    pub key: &'static str,
    pub title: &'static str,
    pub caption: &'static str,
    pub columns: Vec<Column>,
}

/// The three axes: kinds of evidence, sectors (and "none named"), levels of the value table.
pub fn axes(graph: &KnowledgeGraph) -> Vec<Axis> {
    let config = &graph.config;
    let kinds = (Evidence::ALL.iter())
        .map(|&k| Column {
            anchor: format!("soort-{}", k.key()),
            head: super::evidence::kind(graph, k).label,
            of: Of::Kind(k),
        })
        .collect();
    let mut sectors: Vec<Column> = (config.sectors.iter().enumerate())
        .map(|(i, s)| Column {
            anchor: format!("sector-{}", s.key),
            head: s.label.clone(),
            of: Of::Sector(i),
        })
        .collect();
    sectors.push(Column {
        anchor: "sector-geen".to_string(),
        head: "Geen sector genoemd".to_string(),
        of: Of::WithoutSector,
    });
    let levels = (config.levels.iter().enumerate())
        .map(|(i, l)| Column {
            anchor: format!("niveau-{}", l.key),
            head: format!("{}. {}", l.number, l.label),
            of: Of::Level(i),
        })
        .collect();
    vec![
        Axis {
            key: "soort",
            title: "Per soort bewijs",
            caption: "Aantal bevindingen per effect (rijen) en soort bewijs (kolommen)",
            columns: kinds,
        },
        Axis {
            key: "sector",
            title: "Per sector",
            caption: "Aantal bevindingen per effect (rijen) en sector (kolommen)",
            columns: sectors,
        },
        Axis {
            key: "niveau",
            title: "Per niveau van de tabel",
            caption: "Aantal bevindingen per effect (rijen) en niveau van de tabel Waarde en \
                      randvoorwaarden (kolommen); een bevinding telt bij een niveau als ze ook aan \
                      een waarde van dat niveau is gekoppeld",
            columns: levels,
        },
    ]
}

/// Site-relative path of an effect's evidence page.
pub fn evidence_path(graph: &KnowledgeGraph, e: Id<Effect>) -> String {
    format!("bewijs/{}/", graph[e].key)
}

/// `/bewijs/`: one table per axis.
#[derive(Debug, Clone, Serialize)]
pub struct GapMapView {
    pub tables: Vec<GapTable>,
    pub guide_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GapTable {
    pub key: &'static str,
    pub title: &'static str,
    pub caption: &'static str,
    pub heads: Vec<String>,
    pub groups: Vec<GapGroup>,
}

/// A category's effects.
#[derive(Debug, Clone, Serialize)]
pub struct GapGroup {
    pub key: String,
    pub label: String,
    pub lines: Vec<GapLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GapLine {
    pub effect: Link,
    pub cells: Vec<CellView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    pub count: usize,
    /// 0 when empty, then 1 (one finding), 2 (2–3), 3 (4–7), 4 (8 or more): the size of the mark.
    pub size: u8,
    /// The section of the evidence page that lists these findings; `None` when empty.
    pub url: Option<String>,
    /// The column, for screen readers: "Empirisch onderzoek".
    pub about: String,
    /// Empty, and that is a gap: no finding for this combination.
    pub gap: bool,
}

fn size(count: usize) -> u8 {
    match count {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        4..=7 => 3,
        _ => 4,
    }
}

/// The effect of a line of the gap map's effects.
fn effect_of(line: &Line) -> Id<Effect> {
    match line.subject {
        PageRef::Effect(e) => e,
        other => unreachable!("effect lines hold effects, not {other:?}"),
    }
}

pub fn gap_map(graph: &KnowledgeGraph) -> GapMapView {
    let map = GapMap::of(graph);
    let table = |axis: Axis| GapTable {
        key: axis.key,
        title: axis.title,
        caption: axis.caption,
        heads: axis.columns.iter().map(|c| c.head.clone()).collect(),
        groups: (map.effects.iter())
            .map(|group| GapGroup {
                key: group.key.clone(),
                label: (graph.config.category(&group.key))
                    .map_or(group.key.clone(), |c| c.label.clone()),
                lines: (group.lines.iter())
                    .map(|line| gap_line(graph, &axis, line))
                    .collect(),
            })
            .collect(),
    };
    GapMapView {
        tables: axes(graph).into_iter().map(table).collect(),
        guide_url: guide_url(graph),
    }
}

/// An effect's line of one table: a cell per column, each linking to its section of the
/// effect's evidence page.
fn gap_line(graph: &KnowledgeGraph, axis: &Axis, line: &Line) -> GapLine {
    let page = format!(
        "{}{}",
        graph.config.base_path(),
        evidence_path(graph, effect_of(line))
    );
    GapLine {
        effect: Link::to(graph, line.subject),
        cells: (axis.columns.iter())
            .map(|column| {
                let cell = column.cell(line);
                CellView {
                    count: cell.count(),
                    size: size(cell.count()),
                    url: (!cell.is_gap()).then(|| format!("{page}#{}", column.anchor)),
                    about: column.head.clone(),
                    gap: cell.is_gap() && column.empty_is_gap(),
                }
            })
            .collect(),
    }
}

/// A group of sections on an effect's evidence page: one axis of the gap map.
#[derive(Debug, Clone, Serialize)]
pub struct SectionGroup {
    pub key: &'static str,
    pub title: &'static str,
    pub sections: Vec<Section>,
}

/// The findings of one cell of the gap map.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub anchor: String,
    pub title: String,
    pub findings: Vec<FindingView>,
    /// No findings, and that is a gap (as [`CellView::gap`]).
    pub gap: bool,
}

/// An effect's line of the gap map as sections, each listing the findings of its cell.
pub fn effect_sections(graph: &KnowledgeGraph, line: &Line, items: &[Item]) -> Vec<SectionGroup> {
    (axes(graph).into_iter())
        .map(|axis| SectionGroup {
            key: axis.key,
            title: axis.title,
            sections: (axis.columns.iter())
                .map(|column| {
                    let cell = column.cell(line);
                    Section {
                        anchor: column.anchor.clone(),
                        title: column.head.clone(),
                        findings: (items.iter())
                            .filter(|i| cell.findings.contains(&i.finding))
                            .map(|i| view::finding_item(graph, i))
                            .collect(),
                        gap: cell.is_gap() && column.empty_is_gap(),
                    }
                })
                .collect(),
        })
        .collect()
}

/// Every effect's line of the gap map with its effect and that effect's findings.
pub fn effect_lines(graph: &KnowledgeGraph) -> Vec<(Id<Effect>, Line, Vec<Item>)> {
    (GapMap::of(graph).effects.into_iter())
        .flat_map(|group| group.lines)
        .map(|line| {
            let e = effect_of(&line);
            (e, line, effect_items(graph, e))
        })
        .collect()
}
