//! Stage 2, **resolve**: one knowledge graph of effects, value rows, sources, findings, quotes,
//! articles, terms and pages, with every reference checked and indexed in both directions.
//!
//! The graph owns the records `load` produced. Later stages only read it.

pub mod links;
mod resolve;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::config::SiteConfig;
use crate::model::{Article, Effect, Page, Source, Term, ValueRow};
pub use links::RefKind;
pub use resolve::{Options, resolve};

/// A page of the site that a record produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum PageRef {
    Effect(usize),
    Row(usize),
    Source(usize),
    Article(usize),
    Term(usize),
    Page(usize),
}

/// A finding: source index and position in that source's `findings` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FindingRef {
    pub source: usize,
    pub finding: usize,
}

/// A practice quote: value-row index and position in its `quotes` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct QuoteRef {
    pub row: usize,
    pub quote: usize,
}

/// The resolved site. Index vectors run parallel to the record vectors (`effect_findings[i]` belongs
/// to `effects[i]`); records are sorted in the order visitors see them.
#[derive(Debug, Clone)]
pub struct KnowledgeGraph {
    pub config: SiteConfig,
    pub effects: Vec<Effect>,
    pub rows: Vec<ValueRow>,
    pub sources: Vec<Source>,
    pub articles: Vec<Article>,
    pub terms: Vec<Term>,
    /// Plain pages; those whose key names an overview page are that overview's introduction.
    pub pages: Vec<Page>,

    /// Anchor (without `#`) of each finding on its source page, parallel to `findings`.
    pub finding_anchors: Vec<Vec<String>>,

    pub effect_findings: Vec<Vec<FindingRef>>,
    pub effect_sources: Vec<Vec<usize>>,
    pub effect_rows: Vec<Vec<usize>>,
    pub effect_articles: Vec<Vec<usize>>,

    pub row_findings: Vec<Vec<FindingRef>>,
    pub row_sources: Vec<Vec<usize>>,
    pub row_effects: Vec<Vec<usize>>,
    pub row_articles: Vec<Vec<usize>>,

    pub source_effects: Vec<Vec<usize>>,
    pub source_rows: Vec<Vec<usize>>,
    pub source_articles: Vec<Vec<usize>>,
    /// Findings of other sources that name this source as a co-source.
    pub source_co_findings: Vec<Vec<FindingRef>>,
    /// Quotes that name this source as their origin.
    pub source_quotes: Vec<Vec<QuoteRef>>,

    pub article_parent: Vec<Option<usize>>,
    pub article_children: Vec<Vec<usize>>,

    /// Tag key → pages carrying it, in page order.
    pub tag_pages: BTreeMap<String, Vec<PageRef>>,
    /// Sector key → articles.
    pub sector_articles: BTreeMap<String, Vec<usize>>,

    /// Page → pages whose body or front matter links to it ("what links here").
    pub backlinks: HashMap<PageRef, BTreeSet<PageRef>>,

    lookup: HashMap<(RefKind, String), PageRef>,
}

impl KnowledgeGraph {
    /// The page a reference of `kind` with `key` points at.
    pub fn find(&self, kind: RefKind, key: &str) -> Option<PageRef> {
        self.lookup.get(&(kind, key.to_string())).copied()
    }

    /// Site-relative path of a page, without the base path: `effecten/x/`.
    pub fn path(&self, page: PageRef) -> String {
        match page {
            PageRef::Effect(i) => format!("effecten/{}/", self.effects[i].key),
            PageRef::Row(i) => format!(
                "waarde-en-randvoorwaarden/{}/",
                row_slug(&self.rows[i].data.id)
            ),
            PageRef::Source(i) => format!("bronnen/{}/", self.sources[i].key),
            PageRef::Article(i) => format!("kennisbank/{}/", self.articles[i].key),
            PageRef::Term(i) => format!("begrippen/{}/", self.terms[i].key),
            PageRef::Page(i) => match self.pages[i].key.as_str() {
                "index" => String::new(),
                key => format!("{key}/"),
            },
        }
    }

    /// Root-relative URL of a page, with the base path: `/effecten/x/`.
    pub fn url(&self, page: PageRef) -> String {
        format!("{}{}", self.config.base_path(), self.path(page))
    }

    pub fn title(&self, page: PageRef) -> &str {
        match page {
            PageRef::Effect(i) => &self.effects[i].data.title,
            PageRef::Row(i) => &self.rows[i].data.title,
            PageRef::Source(i) => &self.sources[i].data.label,
            PageRef::Article(i) => &self.articles[i].data.title,
            PageRef::Term(i) => &self.terms[i].data.title,
            PageRef::Page(i) => &self.pages[i].data.title,
        }
    }

    /// The Dutch name of the kind of page, as shown in lists and search results.
    pub fn kind_label(page: PageRef) -> &'static str {
        match page {
            PageRef::Effect(_) => "Effect",
            PageRef::Row(_) => "Waarde",
            PageRef::Source(_) => "Bron",
            PageRef::Article(_) => "Artikel",
            PageRef::Term(_) => "Begrip",
            PageRef::Page(_) => "Pagina",
        }
    }

    /// Every page that gets its own HTML file, in a stable order.
    pub fn all_pages(&self) -> Vec<PageRef> {
        let mut pages = Vec::new();
        pages.extend((0..self.effects.len()).map(PageRef::Effect));
        pages.extend((0..self.rows.len()).map(PageRef::Row));
        pages.extend((0..self.sources.len()).map(PageRef::Source));
        pages.extend((0..self.articles.len()).map(PageRef::Article));
        pages.extend((0..self.terms.len()).map(PageRef::Term));
        pages.extend(
            (0..self.pages.len())
                .filter(|&i| !is_overview_key(&self.pages[i].key))
                .map(PageRef::Page),
        );
        pages
    }

    /// The introduction text for an overview page (`effecten`, `bronnen`, …), if an editor wrote one.
    pub fn intro(&self, overview: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.key == overview)
    }

    pub fn finding(&self, f: FindingRef) -> &crate::model::Finding {
        &self.sources[f.source].data.findings[f.finding]
    }

    /// Number of findings in the whole graph.
    pub fn finding_count(&self) -> usize {
        self.sources.iter().map(|s| s.data.findings.len()).sum()
    }
}

/// Overview pages that a `paginas/` file of the same key introduces instead of being its own page.
pub const OVERVIEW_KEYS: [&str; 6] = [
    "index",
    "effecten",
    "waarde-en-randvoorwaarden",
    "bronnen",
    "kennisbank",
    "begrippen",
];

pub fn is_overview_key(key: &str) -> bool {
    OVERVIEW_KEYS.contains(&key)
}

/// `1.1` → `1-1`: row ids in URLs.
pub fn row_slug(id: &str) -> String {
    id.replace('.', "-")
}
