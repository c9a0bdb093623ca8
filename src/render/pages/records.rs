//! One page per record: effect, value row, source, article, term, plain page. Each kind has its
//! own function and its own template variables; what every record page has (body, contents,
//! breadcrumbs, backlinks) is planned once, in [`Planner::record_page`].

use serde::Serialize;

use super::{Crumb, PageView, PlannedPage, Planner, Template};
use crate::config::Category;
use crate::evidence::by;
use crate::graph::{FindingRef, KnowledgeGraph, PageRef};
use crate::markdown::Heading;
use crate::model::{Article, Effect, Id, Kind, Page, Provenance, Source, Term};
use crate::render::evidence::{self, Legend};
use crate::render::gap_map;
use crate::render::view::{
    self, ArticleCard, EffectCard, FindingView, Label, Link, QuoteView, RowView, SourceCard,
    SourceFindings,
};

/// What every record page has: its Markdown body and the headings in it.
#[derive(Serialize)]
struct Body {
    body: String,
    toc: Vec<Heading>,
}

#[derive(Serialize)]
struct EffectPage<'g> {
    #[serde(flatten)]
    body: Body,
    effect: EffectCard,
    category: Option<&'g Category>,
    note: &'g Option<String>,
    tags: Vec<Label>,
    /// The findings the Platform's overview links to the effect, by source.
    platform_findings: Vec<SourceFindings>,
    /// The findings the editors added, by source.
    added_findings: Vec<SourceFindings>,
    /// The effect's findings by kind of evidence, sector and level (`/bewijs/<effect>/`).
    evidence_url: String,
    rows: Vec<Link>,
    articles: Vec<ArticleCard>,
    sources: Vec<Link>,
}

template!(EffectPage<'_> => "effect.html");

#[derive(Serialize)]
struct RowPage {
    #[serde(flatten)]
    body: Body,
    row: RowView,
}

template!(RowPage => "row.html");

#[derive(Serialize)]
struct SourcePage<'g> {
    #[serde(flatten)]
    body: Body,
    source: SourceCard,
    note: &'g Option<String>,
    publisher: &'g Option<String>,
    external_url: &'g Option<String>,
    tags: Vec<Label>,
    findings: Vec<FindingView>,
    co_findings: Vec<FindingView>,
    quotes: Vec<QuoteView>,
    effects: Vec<Link>,
    rows: Vec<Link>,
    articles: Vec<ArticleCard>,
}

template!(SourcePage<'_> => "source.html");

#[derive(Serialize)]
struct ArticlePage<'g> {
    #[serde(flatten)]
    body: Body,
    article: ArticleCard,
    authors: &'g [String],
    effects: Vec<Link>,
    rows: Vec<Link>,
    sources: Vec<Link>,
    children: Vec<ArticleCard>,
    previous: Option<Link>,
    next: Option<Link>,
}

template!(ArticlePage<'_> => "article.html");

#[derive(Serialize)]
struct TermPage<'g> {
    #[serde(flatten)]
    body: Body,
    term: Link,
    synonyms: &'g [String],
    tags: Vec<Label>,
}

template!(TermPage<'_> => "term.html");

#[derive(Serialize)]
struct PlainPage {
    #[serde(flatten)]
    body: Body,
    /// On the page *Hoe lees je het bewijs* only: the kinds of evidence and the labels.
    legend: Option<Legend>,
}

template!(PlainPage => "page.html");

fn links<T>(
    g: &KnowledgeGraph,
    ids: impl IntoIterator<Item = Id<T>>,
    page: fn(Id<T>) -> PageRef,
) -> Vec<Link> {
    Link::all(g, ids.into_iter().map(page))
}

fn article_cards<'a>(
    g: &KnowledgeGraph,
    ids: impl IntoIterator<Item = &'a Id<Article>>,
) -> Vec<ArticleCard> {
    ids.into_iter().map(|&a| view::article_card(g, a)).collect()
}

impl Planner<'_> {
    pub(super) fn record_page(&self, page: PageRef) -> PlannedPage {
        let g = self.graph;
        let path = g.path(page);
        let output_path = format!("{path}index.html");
        let view = self.record_view(page, &path);
        let rendered = g.render_body(g.records.get(page).origin());
        let body = Body {
            body: rendered.html,
            toc: rendered.headings,
        };
        let planned = match page {
            PageRef::Effect(e) => self.planned(output_path, &view, &effect(g, e, body)),
            PageRef::Row(r) => self.planned(
                output_path,
                &view,
                &RowPage {
                    body,
                    row: view::row(g, r),
                },
            ),
            PageRef::Source(s) => self.planned(output_path, &view, &source(g, s, body)),
            PageRef::Article(a) => self.planned(output_path, &view, &article(g, a, body)),
            PageRef::Term(t) => self.planned(output_path, &view, &term(g, t, body)),
            PageRef::Page(p) => self.planned(output_path, &view, &plain(g, p, body)),
        };
        debug_assert_eq!(planned.template, page.kind().info().template);
        planned
    }

    /// A record's page view: crumbs home, to its section and (for an article) its ancestors;
    /// its backlinks, which it always shows.
    fn record_view(&self, page: PageRef, path: &str) -> PageView {
        let g = self.graph;
        let kind = page.kind().info();
        let section = kind.section;
        let mut crumbs = vec![self.crumb("Home", "")];
        if !section.is_empty() {
            crumbs.push(self.crumb(kind.section_title, &format!("{section}/")));
        }
        if let PageRef::Article(a) = page {
            let mut ancestors = Vec::new();
            let mut at = g.index.article_parent[a];
            while let Some(p) = at {
                ancestors.push(Crumb {
                    title: g[p].data.title.clone(),
                    url: g.url(PageRef::Article(p)),
                });
                at = g.index.article_parent[p];
            }
            crumbs.extend(ancestors.into_iter().rev());
        }
        let link = Link::to(g, page);
        let mut view = self.page_view(g.title(page), path, section, link.kind, crumbs);
        view.description = link.summary;
        let mut from = g.index.backlinks.get(&page).cloned().unwrap_or_default();
        if Some(page) == g.find(Kind::Page, evidence::GUIDE_KEY) {
            // Every effect and row links the guide from its signal (a template link, not a body
            // reference, so the graph does not know it).
            let signals = (g.records.effects.ids().map(PageRef::Effect))
                .chain(g.records.rows.ids().map(PageRef::Row));
            from.extend(signals);
        }
        view.backlinks = Link::all(g, from);
        view.shows_backlinks = true;
        view.living = super::changes::record(g, page);
        view
    }
}

fn effect(g: &KnowledgeGraph, e: Id<Effect>, body: Body) -> EffectPage<'_> {
    let data = &g[e].data;
    let items = crate::evidence::effect_items(g, e);
    EffectPage {
        body,
        effect: view::effect_card(g, e),
        category: g.config.category(&data.category),
        note: &data.note,
        tags: view::tags(g, &data.tags),
        platform_findings: view::grouped_findings(g, &by(&items, Provenance::Platform)),
        added_findings: view::grouped_findings(g, &by(&items, Provenance::Editors)),
        evidence_url: format!("{}{}", g.config.base_path(), gap_map::evidence_path(g, e)),
        rows: links(g, g.index.effect_rows[e].iter().copied(), PageRef::Row),
        articles: article_cards(g, &g.index.effect_articles[e]),
        sources: links(
            g,
            g.index.effect_sources[e].iter().copied(),
            PageRef::Source,
        ),
    }
}

fn source(g: &KnowledgeGraph, s: Id<Source>, body: Body) -> SourcePage<'_> {
    let data = &g[s].data;
    SourcePage {
        body,
        source: view::source_card(g, s),
        note: &data.note,
        publisher: &data.publisher,
        external_url: &data.url,
        tags: view::tags(g, &data.tags),
        findings: (0..data.findings.len())
            .map(|finding| view::finding(g, FindingRef { source: s, finding }))
            .collect(),
        co_findings: (g.index.source_co_findings[s].iter())
            .map(|&f| view::finding(g, f))
            .collect(),
        quotes: (g.index.source_quotes[s].iter())
            .map(|&q| view::quote(g, q))
            .collect(),
        effects: links(
            g,
            g.index.source_effects[s].iter().copied(),
            PageRef::Effect,
        ),
        rows: links(g, g.index.source_rows[s].iter().copied(), PageRef::Row),
        articles: article_cards(g, &g.index.source_articles[s]),
    }
}

fn article(g: &KnowledgeGraph, a: Id<Article>, body: Body) -> ArticlePage<'_> {
    let data = &g[a].data;
    let refs = |kind, keys: &[String]| -> Vec<Link> {
        (keys.iter())
            .filter_map(|k| g.find(kind, k))
            .map(|p| Link::to(g, p))
            .collect()
    };
    let siblings: &[Id<Article>] = match g.index.article_parent[a] {
        Some(p) => &g.index.article_children[p],
        None => &[],
    };
    let pos = siblings.iter().position(|&s| s == a);
    let sibling = |p: usize| Link::to(g, PageRef::Article(siblings[p]));
    ArticlePage {
        body,
        article: view::article_card(g, a),
        authors: &data.authors,
        effects: refs(Kind::Effect, &data.effects),
        rows: refs(Kind::Row, &data.rows),
        sources: refs(Kind::Source, &data.sources),
        children: article_cards(g, &g.index.article_children[a]),
        previous: pos.and_then(|p| p.checked_sub(1)).map(sibling),
        next: pos
            .filter(|&p| p + 1 < siblings.len())
            .map(|p| sibling(p + 1)),
    }
}

fn term(g: &KnowledgeGraph, t: Id<Term>, body: Body) -> TermPage<'_> {
    let data = &g[t].data;
    TermPage {
        body,
        term: Link::to(g, PageRef::Term(t)),
        synonyms: &data.synonyms,
        tags: view::tags(g, &data.tags),
    }
}

fn plain(g: &KnowledgeGraph, p: Id<Page>, body: Body) -> PlainPage {
    PlainPage {
        body,
        legend: (g[p].key == evidence::GUIDE_KEY).then(|| evidence::legend(g)),
    }
}
