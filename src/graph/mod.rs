//! Stage 2, **resolve**: one knowledge graph of effects, value rows, sources, findings, quotes,
//! articles, terms and pages, with every reference checked and indexed in both directions.
//!
//! The graph owns the records `load` produced ([`Records`]) and the relations between them
//! ([`Index`]). [`resolve`] is the only way to make one, and it makes one only when nothing is
//! wrong ([`Checked`]): later stages only read it.

pub mod diff;
pub mod index;
pub mod links;
pub mod paths;
mod resolve;
pub mod tags;

use std::collections::HashMap;
use std::ops::Deref;
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostics;
pub use crate::model::PageRef;
use crate::model::kinds::HOME_KEY;
pub use crate::model::kinds::row_slug;
use crate::model::{Doc, Finding, Id, Kind, Origin, Page, RecordData, Records, Source, ValueRow};
pub use index::Index;
pub use resolve::{Options, resolve};
pub use tags::{FindingFacts, Tag};

/// A finding: its source and its position in that source's `findings` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FindingRef {
    pub source: Id<Source>,
    pub finding: usize,
}

/// A practice quote: its value row and its position in that row's `quotes` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuoteRef {
    pub row: Id<ValueRow>,
    pub quote: usize,
}

/// A value that passed every check, with the warnings found on the way. Only [`resolve`] makes
/// one, and only when it found no error: code that holds a `Checked` graph cannot render an
/// erroneous one.
#[derive(Debug, Clone)]
pub struct Checked<T> {
    value: T,
    warnings: Diagnostics,
}

impl<T> Checked<T> {
    fn new(value: T, warnings: Diagnostics) -> Self {
        debug_assert!(!warnings.has_errors());
        Checked { value, warnings }
    }

    /// Problems that do not stop the build.
    pub fn warnings(&self) -> &Diagnostics {
        &self.warnings
    }

    pub fn into_parts(self) -> (T, Diagnostics) {
        (self.value, self.warnings)
    }
}

impl Checked<KnowledgeGraph> {
    /// The checked graph behind an `Arc`, to share with other threads.
    pub fn shared(self) -> Checked<Arc<KnowledgeGraph>> {
        Checked {
            value: Arc::new(self.value),
            warnings: self.warnings,
        }
    }
}

impl Checked<Arc<KnowledgeGraph>> {
    /// The same graph with new origins for some records (`serve`, after an edit), when every new
    /// origin differs from the old one only in its body and that body references the same pages
    /// and has the same Markdown links, in the same order, and nothing the reading reports: then
    /// every check of the resolve stage still holds and no relation changes (anchors and site
    /// paths are checked after every render). `Err(self)`, unchanged, otherwise.
    pub fn with_bodies(self, edits: Vec<(PageRef, Origin)>) -> Result<Self, Self> {
        let same = |page: PageRef, new: &Origin| {
            let old = self.value.records.get(page).origin();
            let front_matter = |o: &Origin| o.file.text.get(..o.body_offset).map(str::to_owned);
            // What the references point at, in order; their labels and places may change freely.
            let references = |o: &Origin| {
                o.markdown
                    .references()
                    .iter()
                    .map(|r| (r.kind_word.clone(), r.key.clone()))
                    .collect::<Vec<_>>()
            };
            // Markdown links too (they are checked and may be backlinks), and no new problem.
            let links = |o: &Origin| {
                o.markdown
                    .links()
                    .iter()
                    .map(|l| (l.dest.clone(), l.image))
                    .collect::<Vec<_>>()
            };
            old.file.path == new.file.path
                && front_matter(old) == front_matter(new)
                && references(old) == references(new)
                && links(old) == links(new)
                && new.markdown.problems().is_empty()
        };
        if !edits.iter().all(|(page, new)| same(*page, new)) {
            return Err(self);
        }
        let Checked { value, warnings } = self;
        let mut graph = Arc::unwrap_or_clone(value);
        for (page, origin) in edits {
            *graph.records.origin_mut(page) = origin;
        }
        Ok(Checked {
            value: Arc::new(graph),
            warnings,
        })
    }
}

impl<T> Deref for Checked<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// The resolved site: its records, sorted in the order visitors see them, and every relation
/// between them.
#[derive(Debug, Clone)]
pub struct KnowledgeGraph {
    pub config: SiteConfig,
    pub records: Records,
    pub index: Index,
    /// Groups of terms that mean the same when searching (`content/thesaurus.yaml`), as written.
    pub thesaurus: Vec<Vec<String>>,
    /// When each record was added and changed, the change log and the dataset's version.
    pub changes: crate::living::ChangeLog,
    lookup: HashMap<(Kind, String), PageRef>,
    /// Each record by its file, relative to `content/` ([`paths::content_relative`]).
    files: HashMap<String, PageRef>,
}

impl<D: RecordData> std::ops::Index<Id<Doc<D>>> for KnowledgeGraph {
    type Output = Doc<D>;
    fn index(&self, id: Id<Doc<D>>) -> &Doc<D> {
        &self.records[id]
    }
}

impl KnowledgeGraph {
    /// The page a reference of `kind` with `key` points at.
    pub fn find(&self, kind: Kind, key: &str) -> Option<PageRef> {
        self.lookup.get(&(kind, key.to_string())).copied()
    }

    /// The record of a Markdown file of `content/` (`bronnen/x.md`).
    pub fn page_of_file(&self, file: &str) -> Option<PageRef> {
        self.files.get(file).copied()
    }

    /// Site-relative path of a page, without the base path: `effecten/x/`.
    pub fn path(&self, page: PageRef) -> String {
        page.kind().path(self.records.get(page).reference_key())
    }

    /// Root-relative URL of a page, with the base path: `/effecten/x/`.
    pub fn url(&self, page: PageRef) -> String {
        format!("{}{}", self.config.base_path(), self.path(page))
    }

    pub fn title(&self, page: PageRef) -> &str {
        self.records.get(page).title()
    }

    /// Every page that gets its own HTML file, in a stable order: kind by kind, then in the order
    /// of the records.
    pub fn all_pages(&self) -> Vec<PageRef> {
        self.records
            .iter()
            .filter(|(page, record)| {
                !matches!(page, PageRef::Page(_)) || !is_overview_key(record.key())
            })
            .map(|(page, _)| page)
            .collect()
    }

    /// The introduction text for an overview page (`effecten`, `bronnen`, …), if an editor wrote one.
    pub fn intro(&self, overview: &str) -> Option<&Page> {
        self.records.pages.iter().find(|p| p.key == overview)
    }

    pub fn finding(&self, f: FindingRef) -> &Finding {
        &self[f.source].data.findings[f.finding]
    }

    /// Number of findings in the whole graph.
    pub fn finding_count(&self) -> usize {
        self.records
            .sources
            .iter()
            .map(|s| s.data.findings.len())
            .sum()
    }
}

/// Overview pages that a `paginas/` file of the same key introduces instead of being its own
/// page: the home page and the overview of each kind's section.
pub fn is_overview_key(key: &str) -> bool {
    key == HOME_KEY
        || Kind::ALL
            .iter()
            .any(|k| !k.info().section.is_empty() && k.info().section == key)
}
