//! Open data: the knowledge graph as one JSON document (schema in `kennisgraaf.schema.json`, shipped
//! beside it) and the findings as CSV, one row per finding.
//!
//! Keys are the ones editors write, so the export can be joined with the content files. Lists of
//! keys in the CSV are joined with `;` because spreadsheet users expect one row per finding.
//!
//! Every link of a finding to an effect or row says who made it (`platform`: the Platform's own
//! overview or table; `redactie`: the editors) and how the finding bears on it; every effect and
//! row carries its headline signal ([`crate::evidence`]), so the export says what the pages say.

use serde::Serialize;

use crate::config::{Category, EvidenceKind, Level, label_of};
use crate::evidence::{self, Item, Signal};
use crate::graph::{FindingRef, KnowledgeGraph, PageRef, Tag};
use crate::model::{Direction, Evidence, Provenance, Quote};

#[derive(Serialize)]
struct GraphExport<'g> {
    #[serde(rename = "$schema")]
    schema: String,
    site: SiteExport<'g>,
    dataset: super::changes::DatasetExport<'g>,
    categories: &'g [Category],
    levels: &'g [Level],
    evidence_kinds: &'g [EvidenceKind],
    effects: Vec<EffectExport<'g>>,
    rows: Vec<RowExport<'g>>,
    sources: Vec<SourceExport<'g>>,
    articles: Vec<ArticleExport<'g>>,
    terms: Vec<TermExport<'g>>,
}

#[derive(Serialize)]
struct SiteExport<'g> {
    title: &'g str,
    base_url: String,
    language: &'g str,
    generator: String,
}

#[derive(Serialize)]
struct EffectExport<'g> {
    key: &'g str,
    url: String,
    title: &'g str,
    category: &'g str,
    order: i64,
    summary: &'g str,
    tags: &'g [String],
    findings: Vec<LinkedFinding>,
    signal: SignalExport,
    sources: Vec<&'g str>,
    rows: Vec<&'g str>,
}

/// A finding on an effect's or row's side of a link.
#[derive(Serialize)]
struct LinkedFinding {
    finding: String,
    origin: &'static str,
    direction: &'static str,
}

/// A finding's link to an effect (`effect`) or a row (`row`).
#[derive(Serialize)]
struct LinkExport<'g> {
    #[serde(skip_serializing_if = "Option::is_none")]
    effect: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    row: Option<&'g str>,
    origin: &'static str,
    direction: &'static str,
}

#[derive(Serialize)]
struct SignalExport {
    strength: StrengthExport,
    /// The counts in words, as on the page.
    text: String,
    /// How much of it the Platform itself links, in words.
    origin_text: String,
    /// Why the rule gives this label, in words.
    reason: String,
    findings: usize,
    sources: usize,
    studies: usize,
    platform: usize,
    editors: usize,
    mixed: usize,
    contradicting: usize,
    kinds: Vec<KindCountExport>,
}

#[derive(Serialize)]
struct StrengthExport {
    key: &'static str,
    label: &'static str,
    level: u8,
}

#[derive(Serialize)]
struct KindCountExport {
    kind: &'static str,
    findings: usize,
    sources: usize,
}

#[derive(Serialize)]
struct KindExport<'g> {
    key: &'static str,
    label: &'g str,
}

#[derive(Serialize)]
struct RowExport<'g> {
    id: &'g str,
    url: String,
    title: &'g str,
    level: &'g str,
    summary: Option<&'g str>,
    conditions: &'g [String],
    effects: Vec<&'g str>,
    tags: &'g [String],
    findings: Vec<LinkedFinding>,
    signal: SignalExport,
    quotes: &'g [Quote],
}

#[derive(Serialize)]
struct SourceExport<'g> {
    key: &'g str,
    url: String,
    label: &'g str,
    authors: &'g [String],
    year: Option<i32>,
    title: Option<&'g str>,
    kind: &'g str,
    publisher: Option<&'g str>,
    external_url: Option<&'g str>,
    tags: &'g [String],
    effects: Vec<&'g str>,
    rows: Vec<&'g str>,
    findings: Vec<FindingExport<'g>>,
}

#[derive(Serialize)]
struct FindingExport<'g> {
    id: String,
    url: String,
    text: &'g str,
    evidence: KindExport<'g>,
    design: Option<&'g str>,
    sectors: &'g [String],
    effects: Vec<LinkExport<'g>>,
    rows: Vec<LinkExport<'g>>,
    co_sources: &'g [String],
    note: Option<&'g str>,
}

#[derive(Serialize)]
struct ArticleExport<'g> {
    key: &'g str,
    url: String,
    title: &'g str,
    date: String,
    summary: Option<&'g str>,
    authors: &'g [String],
    tags: &'g [String],
    sectors: &'g [String],
    effects: &'g [String],
    rows: &'g [String],
    sources: &'g [String],
    parent: Option<&'g str>,
}

#[derive(Serialize)]
struct TermExport<'g> {
    key: &'g str,
    url: String,
    title: &'g str,
    summary: &'g str,
    synonyms: &'g [String],
}

/// A finding's id across the graph: `source-key#anchor`, the anchor on the source's page.
pub(super) fn finding_id(graph: &KnowledgeGraph, f: FindingRef) -> String {
    format!(
        "{}#{}",
        graph[f.source].key, graph.index.finding_anchors[f.source][f.finding]
    )
}

fn finding_url(graph: &KnowledgeGraph, f: FindingRef) -> String {
    format!(
        "{}#{}",
        absolute_url(graph, PageRef::Source(f.source)),
        graph.index.finding_anchors[f.source][f.finding]
    )
}

/// Absolute when the site has an absolute base URL, root-relative otherwise.
pub(super) fn absolute_url(graph: &KnowledgeGraph, page: PageRef) -> String {
    let base = graph.config.absolute_base();
    if super::is_absolute(&base) {
        format!("{base}{}", graph.path(page))
    } else {
        graph.url(page)
    }
}

fn linked(graph: &KnowledgeGraph, items: &[Item]) -> Vec<LinkedFinding> {
    (items.iter())
        .map(|i| LinkedFinding {
            finding: finding_id(graph, i.finding),
            origin: i.provenance.key(),
            direction: i.direction.key(),
        })
        .collect()
}

fn signal(items: &[Item]) -> SignalExport {
    let s = Signal::of(items);
    let c = &s.counts;
    SignalExport {
        strength: StrengthExport {
            key: s.strength().key(),
            label: s.strength().label(),
            level: s.strength().level(),
        },
        text: s.counts_text(),
        origin_text: s.origin_text(),
        reason: s.reason_text(),
        findings: c.findings,
        sources: c.sources,
        studies: c.studies,
        platform: c.platform,
        editors: c.editors,
        mixed: c.mixed,
        contradicting: c.contradicting,
        kinds: (Evidence::ALL.into_iter())
            .map(|k| KindCountExport {
                kind: k.key(),
                findings: c.kind(k).findings,
                sources: c.kind(k).sources,
            })
            .collect(),
    }
}

fn links<'g, T>(tags: &[Tag<T>], key: impl Fn(&Tag<T>) -> LinkExport<'g>) -> Vec<LinkExport<'g>> {
    tags.iter().map(key).collect()
}

/// The Dutch label of a kind of evidence, from site.yaml.
fn kind_label(graph: &KnowledgeGraph, kind: Evidence) -> &str {
    (graph.config.evidence_kinds.iter())
        .find(|k| k.key == kind.key())
        .map_or(kind.key(), |k| k.label.as_str())
}

pub fn graph_json(graph: &KnowledgeGraph) -> anyhow::Result<String> {
    let g = graph;
    let export = GraphExport {
        schema: "kennisgraaf.schema.json".into(),
        site: SiteExport {
            title: &g.config.title,
            base_url: g.config.absolute_base(),
            language: &g.config.language,
            generator: format!("kennisbank {}", env!("CARGO_PKG_VERSION")),
        },
        dataset: super::changes::DatasetExport::of(&g.changes.dataset),
        categories: &g.config.categories,
        levels: &g.config.levels,
        evidence_kinds: &g.config.evidence_kinds,
        effects: (g.records.effects.enumerate())
            .map(|(i, e)| {
                let items = evidence::effect_items(g, i);
                EffectExport {
                    key: &e.key,
                    url: absolute_url(g, PageRef::Effect(i)),
                    title: &e.data.title,
                    category: &e.data.category,
                    order: e.data.order,
                    summary: &e.data.summary,
                    tags: &e.data.tags,
                    findings: linked(g, &items),
                    signal: signal(&items),
                    sources: g.index.effect_sources[i]
                        .iter()
                        .map(|&s| g[s].key.as_str())
                        .collect(),
                    rows: g.index.effect_rows[i]
                        .iter()
                        .map(|&r| g[r].data.id.as_str())
                        .collect(),
                }
            })
            .collect(),
        rows: (g.records.rows.enumerate())
            .map(|(i, r)| {
                let items = evidence::row_items(g, i);
                RowExport {
                    id: &r.data.id,
                    url: absolute_url(g, PageRef::Row(i)),
                    title: &r.data.title,
                    level: &r.data.level,
                    summary: r.data.summary.as_deref(),
                    conditions: &r.data.conditions,
                    effects: g.index.row_effects[i]
                        .iter()
                        .map(|&e| g[e].key.as_str())
                        .collect(),
                    tags: &r.data.tags,
                    findings: linked(g, &items),
                    signal: signal(&items),
                    quotes: &r.data.quotes,
                }
            })
            .collect(),
        sources: (g.records.sources.enumerate())
            .map(|(s, source)| {
                let d = &source.data;
                SourceExport {
                    key: &source.key,
                    url: absolute_url(g, PageRef::Source(s)),
                    label: &d.label,
                    authors: &d.authors,
                    year: d.year,
                    title: d.title.as_deref(),
                    kind: &d.kind,
                    publisher: d.publisher.as_deref(),
                    external_url: d.url.as_deref(),
                    tags: &d.tags,
                    effects: g.index.source_effects[s]
                        .iter()
                        .map(|&e| g[e].key.as_str())
                        .collect(),
                    rows: g.index.source_rows[s]
                        .iter()
                        .map(|&r| g[r].data.id.as_str())
                        .collect(),
                    findings: d
                        .findings
                        .iter()
                        .enumerate()
                        .map(|(f, finding)| {
                            let at = FindingRef {
                                source: s,
                                finding: f,
                            };
                            let facts = g.index.facts(at);
                            FindingExport {
                                id: finding_id(g, at),
                                url: finding_url(g, at),
                                text: &finding.text,
                                evidence: KindExport {
                                    key: facts.evidence.key(),
                                    label: kind_label(g, facts.evidence),
                                },
                                design: facts.design.as_deref(),
                                sectors: &facts.sectors,
                                effects: links(&facts.effects, |t| LinkExport {
                                    effect: Some(&g[t.to].key),
                                    row: None,
                                    origin: t.provenance.key(),
                                    direction: t.direction.key(),
                                }),
                                rows: links(&facts.rows, |t| LinkExport {
                                    effect: None,
                                    row: Some(&g[t.to].data.id),
                                    origin: t.provenance.key(),
                                    direction: t.direction.key(),
                                }),
                                co_sources: &finding.co_sources,
                                note: finding.note.as_deref(),
                            }
                        })
                        .collect(),
                }
            })
            .collect(),
        articles: (g.records.articles.enumerate())
            .map(|(a, article)| {
                let d = &article.data;
                ArticleExport {
                    key: &article.key,
                    url: absolute_url(g, PageRef::Article(a)),
                    title: &d.title,
                    date: d.date.to_string(),
                    summary: d.summary.as_deref(),
                    authors: &d.authors,
                    tags: &d.tags,
                    sectors: &d.sectors,
                    effects: &d.effects,
                    rows: &d.rows,
                    sources: &d.sources,
                    parent: g.index.article_parent[a].map(|p| g[p].key.as_str()),
                }
            })
            .collect(),
        terms: (g.records.terms.enumerate())
            .map(|(t, term)| TermExport {
                key: &term.key,
                url: absolute_url(g, PageRef::Term(t)),
                title: &term.data.title,
                summary: &term.data.summary,
                synonyms: &term.data.synonyms,
            })
            .collect(),
    };
    Ok(serde_json::to_string_pretty(&export)?)
}

/// The CSV header; one row per finding follows. `effects`/`rows` are the Platform's own links,
/// `added_effects`/`added_rows` the editors'; `directions` has `effect=direction` for every
/// effect that the finding does not simply support.
pub const CSV_COLUMNS: [&str; 20] = [
    "finding_id",
    "source_key",
    "source_label",
    "source_year",
    "text",
    "evidence",
    "evidence_label",
    "design",
    "sectors",
    "sector_labels",
    "effects",
    "added_effects",
    "rows",
    "added_rows",
    "directions",
    "co_sources",
    "note",
    "url",
    "dataset_version",
    "dataset_date",
];

pub fn findings_csv(graph: &KnowledgeGraph) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_COLUMNS)?;
    for (s, source) in graph.records.sources.enumerate() {
        for (f, finding) in source.data.findings.iter().enumerate() {
            let at = FindingRef {
                source: s,
                finding: f,
            };
            let facts = graph.index.facts(at);
            let effects = |p: Provenance| {
                let keys = (facts.effects.iter()).filter(|t| t.provenance == p);
                keys.map(|t| graph[t.to].key.as_str())
                    .collect::<Vec<_>>()
                    .join(";")
            };
            let rows = |p: Provenance| {
                let ids = (facts.rows.iter()).filter(|t| t.provenance == p);
                ids.map(|t| graph[t.to].data.id.as_str())
                    .collect::<Vec<_>>()
                    .join(";")
            };
            let directions = (facts.effects.iter())
                .filter(|t| t.direction != Direction::Supports)
                .map(|t| format!("{}={}", graph[t.to].key, t.direction.key()))
                .collect::<Vec<_>>()
                .join(";");
            let sector_labels = (facts.sectors.iter())
                .map(|s| label_of(&graph.config.sectors, s))
                .collect::<Vec<_>>()
                .join(";");
            writer.write_record([
                finding_id(graph, at),
                source.key.clone(),
                source.data.label.clone(),
                source.data.year.map(|y| y.to_string()).unwrap_or_default(),
                finding.text.trim().to_string(),
                facts.evidence.key().to_string(),
                kind_label(graph, facts.evidence).to_string(),
                facts.design.clone().unwrap_or_default(),
                facts.sectors.join(";"),
                sector_labels,
                effects(Provenance::Platform),
                effects(Provenance::Editors),
                rows(Provenance::Platform),
                rows(Provenance::Editors),
                directions,
                finding.co_sources.join(";"),
                finding.note.clone().unwrap_or_default(),
                finding_url(graph, at),
                graph.changes.dataset.version.clone(),
                (graph.changes.dataset.date)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ])?;
        }
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}
