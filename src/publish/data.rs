//! Open data: the knowledge graph as one JSON document (schema in `kennisgraaf.schema.json`, shipped
//! beside it) and the findings as CSV, one row per finding.
//!
//! Keys are the ones editors write, so the export can be joined with the content files. Lists of
//! keys in the CSV are joined with `;` because spreadsheet users expect one row per finding.

use serde::Serialize;

use crate::config::{Category, Level};
use crate::graph::{FindingRef, KnowledgeGraph, PageRef};
use crate::model::Quote;

#[derive(Serialize)]
struct GraphExport<'g> {
    #[serde(rename = "$schema")]
    schema: String,
    site: SiteExport<'g>,
    categories: &'g [Category],
    levels: &'g [Level],
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
    findings: Vec<String>,
    sources: Vec<&'g str>,
    rows: Vec<&'g str>,
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
    findings: Vec<String>,
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
    effects: Vec<String>,
    rows: Vec<String>,
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
fn finding_id(graph: &KnowledgeGraph, f: FindingRef) -> String {
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
fn absolute_url(graph: &KnowledgeGraph, page: PageRef) -> String {
    let base = graph.config.absolute_base();
    if super::is_absolute(&base) {
        format!("{base}{}", graph.path(page))
    } else {
        graph.url(page)
    }
}

pub fn graph_json(graph: &KnowledgeGraph) -> anyhow::Result<String> {
    let g = graph;
    let findings_of = |refs: &[FindingRef]| refs.iter().map(|&f| finding_id(g, f)).collect();
    let export = GraphExport {
        schema: "kennisgraaf.schema.json".into(),
        site: SiteExport {
            title: &g.config.title,
            base_url: g.config.absolute_base(),
            language: &g.config.language,
            generator: format!("kennisbank {}", env!("CARGO_PKG_VERSION")),
        },
        categories: &g.config.categories,
        levels: &g.config.levels,
        effects: (g.records.effects.enumerate())
            .map(|(i, e)| EffectExport {
                key: &e.key,
                url: absolute_url(g, PageRef::Effect(i)),
                title: &e.data.title,
                category: &e.data.category,
                order: e.data.order,
                summary: &e.data.summary,
                tags: &e.data.tags,
                findings: findings_of(&g.index.effect_findings[i]),
                sources: g.index.effect_sources[i]
                    .iter()
                    .map(|&s| g[s].key.as_str())
                    .collect(),
                rows: g.index.effect_rows[i]
                    .iter()
                    .map(|&r| g[r].data.id.as_str())
                    .collect(),
            })
            .collect(),
        rows: (g.records.rows.enumerate())
            .map(|(i, r)| RowExport {
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
                findings: findings_of(&g.index.row_findings[i]),
                quotes: &r.data.quotes,
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
                            FindingExport {
                                id: finding_id(g, at),
                                url: finding_url(g, at),
                                text: &finding.text,
                                effects: finding.all_effects(),
                                rows: finding.all_rows(),
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

/// The CSV header; one row per finding follows.
pub const CSV_COLUMNS: [&str; 10] = [
    "finding_id",
    "source_key",
    "source_label",
    "source_year",
    "text",
    "effects",
    "rows",
    "co_sources",
    "note",
    "url",
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
            writer.write_record([
                finding_id(graph, at),
                source.key.clone(),
                source.data.label.clone(),
                source.data.year.map(|y| y.to_string()).unwrap_or_default(),
                finding.text.trim().to_string(),
                finding.all_effects().join(";"),
                finding.all_rows().join(";"),
                finding.co_sources.join(";"),
                finding.note.clone().unwrap_or_default(),
                finding_url(graph, at),
            ])?;
        }
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}
