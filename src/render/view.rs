//! The data templates see: plain serialisable views of graph records, with URLs and labels
//! already worked out so templates stay free of logic.
//!
//! This is the contract between the generator and a theme; themes/README.md lists it.

use serde::Serialize;

use super::evidence::{self as ev, DirectionView, KindView, SignalView, TagView};
use crate::config::label_of;
use crate::evidence::{self, Item};
use crate::graph::{FindingRef, KnowledgeGraph, PageRef, QuoteRef};
use crate::model::{Article, Effect, Id, Kind, Provenance, Source, ValueRow};

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
    /// Dutch kind label: Effect, Waarde, Bron, Artikel, Begrip, Pagina.
    pub kind: &'static str,
    pub summary: Option<String>,
}

impl Link {
    pub fn to(graph: &KnowledgeGraph, page: PageRef) -> Link {
        let record = graph.records.get(page);
        Link {
            title: record.link_title().into_owned(),
            url: graph.url(page),
            kind: page.kind().info().label,
            summary: record.description().map(str::to_string),
        }
    }

    pub fn all(graph: &KnowledgeGraph, pages: impl IntoIterator<Item = PageRef>) -> Vec<Link> {
        pages.into_iter().map(|p| Link::to(graph, p)).collect()
    }
}

/// A key with its Dutch label and the URL of its overview page.
#[derive(Debug, Clone, Serialize)]
pub struct Label {
    pub key: String,
    pub label: String,
    pub url: String,
}

pub fn tag(graph: &KnowledgeGraph, key: &str) -> Label {
    Label {
        key: key.to_string(),
        label: label_of(&graph.config.tags, key).to_string(),
        url: format!("{}thema/{key}/", graph.config.base_path()),
    }
}

pub fn sector(graph: &KnowledgeGraph, key: &str) -> Label {
    Label {
        key: key.to_string(),
        label: label_of(&graph.config.sectors, key).to_string(),
        url: format!("{}sector/{key}/", graph.config.base_path()),
    }
}

pub fn tags(graph: &KnowledgeGraph, keys: &[String]) -> Vec<Label> {
    keys.iter().map(|k| tag(graph, k)).collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    pub anchor: String,
    /// URL of the finding on its source page.
    pub url: String,
    pub text: String,
    pub note: Option<String>,
    pub source: Link,
    pub source_label: String,
    pub source_year: Option<i32>,
    pub co_sources: Vec<Link>,
    /// The Platform's links first, then the editors'; each says who made it.
    pub effects: Vec<TagView>,
    pub rows: Vec<TagView>,
    pub evidence: KindView,
    /// The study design in words, where known.
    pub design: Option<String>,
    pub sectors: Vec<Label>,
    /// How the finding bears on the effect or row of the page it is listed on, when it does not
    /// simply support it; `None` on its source's page.
    pub direction: Option<DirectionView>,
    /// Who linked it to the effect or row of the page it is listed on: `platform` or `redactie`;
    /// `None` on its source's page (there each link says it).
    pub origin: Option<&'static str>,
}

/// A finding as listed under an effect or row: with its direction towards it.
pub fn finding_item(graph: &KnowledgeGraph, item: &Item) -> FindingView {
    FindingView {
        direction: ev::direction(item.direction),
        origin: Some(item.provenance.key()),
        ..finding(graph, item.finding)
    }
}

pub fn finding(graph: &KnowledgeGraph, f: FindingRef) -> FindingView {
    let source = &graph[f.source];
    let data = &source.data.findings[f.finding];
    let anchor = graph.index.finding_anchors[f.source][f.finding].clone();
    let source_page = PageRef::Source(f.source);
    let refs = |kind, keys: &[String]| -> Vec<Link> {
        keys.iter()
            .filter_map(|k| graph.find(kind, k))
            .map(|p| Link::to(graph, p))
            .collect()
    };
    let facts = graph.index.facts(f);
    FindingView {
        url: format!("{}#{anchor}", graph.url(source_page)),
        anchor,
        text: data.text.clone(),
        note: data.note.clone(),
        source: Link::to(graph, source_page),
        source_label: source.data.label.clone(),
        source_year: source.data.year,
        co_sources: refs(Kind::Source, &data.co_sources),
        effects: ev::tags(graph, &facts.effects, PageRef::Effect),
        rows: ev::tags(graph, &facts.rows, PageRef::Row),
        evidence: ev::kind(graph, facts.evidence),
        design: facts.design.clone(),
        sectors: facts.sectors.iter().map(|s| sector(graph, s)).collect(),
        direction: None,
        origin: None,
    }
}

/// Findings grouped under their source, in source order.
#[derive(Debug, Clone, Serialize)]
pub struct SourceFindings {
    pub source: Link,
    /// The full reference of the source, as in the bibliography.
    pub citation: String,
    pub findings: Vec<FindingView>,
}

pub fn grouped_findings(graph: &KnowledgeGraph, items: &[Item]) -> Vec<SourceFindings> {
    let mut groups: Vec<SourceFindings> = Vec::new();
    let mut sorted = items.to_vec();
    sorted.sort_by_key(|i| i.finding);
    for item in sorted {
        let f = item.finding;
        let view = finding_item(graph, &item);
        match groups.last_mut() {
            Some(g) if g.source.url == view.source.url => g.findings.push(view),
            _ => groups.push(SourceFindings {
                source: view.source.clone(),
                citation: citation(graph, f.source),
                findings: vec![view],
            }),
        }
    }
    groups
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    pub anchor: String,
    pub text: String,
    pub role: String,
    pub organisation: Option<String>,
    pub name: Option<String>,
    pub source: Option<Link>,
    pub url: Option<String>,
    pub note: Option<String>,
    pub row: Link,
}

pub fn quote(graph: &KnowledgeGraph, q: QuoteRef) -> QuoteView {
    let data = &graph[q.row].data.quotes[q.quote];
    QuoteView {
        anchor: format!("praktijk-{}", q.quote + 1),
        text: data.text.clone(),
        role: data.role.clone(),
        organisation: data.organisation.clone(),
        name: data.name.clone(),
        source: data
            .source
            .as_deref()
            .and_then(|k| graph.find(Kind::Source, k))
            .map(|p| Link::to(graph, p)),
        url: data.url.clone(),
        note: data.note.clone(),
        row: Link::to(graph, PageRef::Row(q.row)),
    }
}

/// An effect as a card in the schema.
#[derive(Debug, Clone, Serialize)]
pub struct EffectCard {
    pub key: String,
    pub title: String,
    pub url: String,
    pub summary: String,
    pub order: i64,
    pub source_count: usize,
    pub finding_count: usize,
    pub signal: SignalView,
}

pub fn effect_card(graph: &KnowledgeGraph, e: Id<Effect>) -> EffectCard {
    let effect = &graph[e];
    EffectCard {
        key: effect.key.clone(),
        title: effect.data.title.clone(),
        url: graph.url(PageRef::Effect(e)),
        summary: effect.data.summary.clone(),
        order: effect.data.order,
        source_count: graph.index.effect_sources[e].len(),
        finding_count: graph.index.effect_findings[e].len(),
        signal: ev::signal(graph, &evidence::effect_items(graph, e)),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoryView {
    pub key: String,
    pub label: String,
    pub column_title: String,
    pub description: Option<String>,
    pub effects: Vec<EffectCard>,
}

pub fn categories(graph: &KnowledgeGraph) -> Vec<CategoryView> {
    graph
        .config
        .categories
        .iter()
        .map(|c| CategoryView {
            key: c.key.clone(),
            label: c.label.clone(),
            column_title: c.column_title.clone(),
            description: c.description.clone(),
            effects: (graph.records.effects.enumerate())
                .filter(|(_, effect)| effect.data.category == c.key)
                .map(|(e, _)| effect_card(graph, e))
                .collect(),
        })
        .collect()
}

/// A value row with everything the table and the row page show.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub id: String,
    pub anchor: String,
    pub title: String,
    pub url: String,
    pub summary: Option<String>,
    pub level_key: String,
    pub level_label: String,
    pub conditions: Vec<String>,
    pub signal: SignalView,
    /// The findings the Platform's own table names for the row.
    pub platform_findings: Vec<FindingView>,
    /// The findings the editors added.
    pub added_findings: Vec<FindingView>,
    pub quotes: Vec<QuoteView>,
    pub effects: Vec<Link>,
    pub articles: Vec<Link>,
    pub sources: Vec<Link>,
    pub tags: Vec<Label>,
    pub note: Option<String>,
}

pub fn row(graph: &KnowledgeGraph, r: Id<ValueRow>) -> RowView {
    let data = &graph[r].data;
    let mut items = evidence::row_items(graph, r);
    items.sort_by_key(|i| i.finding);
    let of = |p: Provenance| -> Vec<FindingView> {
        (evidence::by(&items, p).iter())
            .map(|i| finding_item(graph, i))
            .collect()
    };
    RowView {
        id: data.id.clone(),
        anchor: format!("rij-{}", crate::graph::row_slug(&data.id)),
        title: data.title.clone(),
        url: graph.url(PageRef::Row(r)),
        summary: data.summary.clone(),
        level_key: data.level.clone(),
        level_label: graph
            .config
            .level(&data.level)
            .map_or(data.level.clone(), |l| l.label.clone()),
        conditions: data.conditions.clone(),
        signal: ev::signal(graph, &items),
        platform_findings: of(Provenance::Platform),
        added_findings: of(Provenance::Editors),
        quotes: (0..data.quotes.len())
            .map(|q| quote(graph, QuoteRef { row: r, quote: q }))
            .collect(),
        effects: Link::all(
            graph,
            graph.index.row_effects[r]
                .iter()
                .map(|&e| PageRef::Effect(e)),
        ),
        articles: Link::all(
            graph,
            graph.index.row_articles[r]
                .iter()
                .map(|&a| PageRef::Article(a)),
        ),
        sources: Link::all(
            graph,
            graph.index.row_sources[r]
                .iter()
                .map(|&s| PageRef::Source(s)),
        ),
        tags: tags(graph, &data.tags),
        note: data.note.clone(),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct LevelView {
    pub key: String,
    pub number: u32,
    pub label: String,
    pub description: Option<String>,
    pub rows: Vec<RowView>,
}

pub fn levels(graph: &KnowledgeGraph) -> Vec<LevelView> {
    graph
        .config
        .levels
        .iter()
        .map(|l| LevelView {
            key: l.key.clone(),
            number: l.number,
            label: l.label.clone(),
            description: l.description.clone(),
            rows: (graph.records.rows.enumerate())
                .filter(|(_, row)| row.data.level == l.key)
                .map(|(r, _)| row(graph, r))
                .collect(),
        })
        .collect()
}

/// A source as a line in the bibliography.
#[derive(Debug, Clone, Serialize)]
pub struct SourceCard {
    pub key: String,
    pub label: String,
    pub url: String,
    pub authors: Vec<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    pub kind: Label,
    pub citation: String,
    pub finding_count: usize,
    pub effects: Vec<String>,
    /// The schema.org type of its JSON-LD: research is a `ScholarlyArticle`.
    pub schema_type: &'static str,
}

pub fn source_card(graph: &KnowledgeGraph, s: Id<Source>) -> SourceCard {
    let data = &graph[s].data;
    SourceCard {
        key: graph[s].key.clone(),
        label: data.label.clone(),
        url: graph.url(PageRef::Source(s)),
        authors: data.authors.clone(),
        year: data.year,
        title: data.title.clone(),
        kind: Label {
            key: data.kind.clone(),
            label: label_of(&graph.config.source_kinds, &data.kind).to_string(),
            url: format!("{}bronnen/soort/{}/", graph.config.base_path(), data.kind),
        },
        citation: citation(graph, s),
        finding_count: data.findings.len(),
        effects: graph.index.source_effects[s]
            .iter()
            .map(|&e| graph[e].key.clone())
            .collect(),
        schema_type: match data.kind.as_str() {
            "wetenschappelijk" | "praktijkonderzoek" => "ScholarlyArticle",
            _ => "CreativeWork",
        },
    }
}

/// A plain-text citation in the style the platform uses: authors (year). Title. Publisher.
pub fn citation(graph: &KnowledgeGraph, s: Id<Source>) -> String {
    let data = &graph[s].data;
    let mut parts = Vec::new();
    let who = if data.authors.is_empty() {
        data.label.clone()
    } else {
        data.authors.join(", ")
    };
    // A label such as "Loopbaanmonitor (2020)" already carries the year; don't say it twice.
    parts.push(match data.year {
        Some(year) if who.contains(&format!("({year})")) => format!("{who}."),
        Some(year) => format!("{who} ({year})."),
        None => format!("{who} (z.j.)."),
    });
    if let Some(title) = &data.title {
        parts.push(format!("{}.", title.trim_end_matches('.')));
    }
    if let Some(publisher) = &data.publisher {
        parts.push(format!("{}.", publisher.trim_end_matches('.')));
    }
    parts.join(" ")
}

/// An article as a line in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleCard {
    pub key: String,
    pub title: String,
    pub url: String,
    pub date: String,
    pub date_label: String,
    pub summary: Option<String>,
    pub tags: Vec<Label>,
    pub sectors: Vec<Label>,
    pub parent: Option<Link>,
    pub child_count: usize,
}

pub fn article_card(graph: &KnowledgeGraph, a: Id<Article>) -> ArticleCard {
    let data = &graph[a].data;
    ArticleCard {
        key: graph[a].key.clone(),
        title: data.title.clone(),
        url: graph.url(PageRef::Article(a)),
        date: data.date.to_string(),
        date_label: data.date.dutch(),
        summary: data.summary.clone(),
        tags: tags(graph, &data.tags),
        sectors: data.sectors.iter().map(|s| sector(graph, s)).collect(),
        parent: graph.index.article_parent[a].map(|p| Link::to(graph, PageRef::Article(p))),
        child_count: graph.index.article_children[a].len(),
    }
}
