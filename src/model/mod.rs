//! The typed records editors write: effects, value rows, sources with findings, articles, glossary
//! terms and plain pages. Field names match the front-matter keys documented in content/README.md.
//!
//! Records hold references as plain keys; `graph` checks them and turns them into typed ids.
//! [`kinds`] is the table of what sets each kind apart; [`schema`] the shape of each kind's front
//! matter; [`id`] the typed indexes; [`date`] the one date type.

pub mod date;
pub mod evidence;
pub mod id;
pub mod kinds;
pub mod schema;

use std::borrow::Cow;
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostics::{SourceFile, Span};
use crate::markdown;
use crate::source::{Node, Step};
pub use date::PartialDate;
pub use evidence::{Direction, Evidence, Provenance};
pub use id::{Id, IdVec, Reads, Table};
pub use kinds::{ForKind, Kind, PageRef, Record, RecordData, Records, Timeline};

/// Where a record came from: its file, its front-matter tree (for spans) and its Markdown body.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: SourceFile,
    pub tree: Node,
    pub body: String,
    /// Byte offset of the body in the file, so references in the body get exact positions.
    pub body_offset: usize,
    /// The body, read once at load: its references, links, headings and the HTML and text the
    /// render stage finishes (spans relative to the body).
    pub markdown: Arc<markdown::Parsed>,
}

impl Origin {
    /// The span of a front-matter value, for diagnostics.
    pub fn span(&self, path: &[Step<'_>]) -> Span {
        self.tree.span_at(path)
    }
}

/// A record of kind `T` with its key (from the file name) and origin.
#[derive(Debug, Clone)]
pub struct Doc<T> {
    pub key: String,
    pub origin: Origin,
    pub data: T,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EffectData {
    pub title: String,
    pub category: String,
    pub order: i64,
    pub summary: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub editor_note: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub added: Option<PartialDate>,
    #[serde(default)]
    pub updated: Option<PartialDate>,
    #[serde(default)]
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ValueRowData {
    pub id: String,
    pub title: String,
    pub level: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub conditions: Vec<String>,
    #[serde(default)]
    pub effects: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub editor_note: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub added: Option<PartialDate>,
    #[serde(default)]
    pub updated: Option<PartialDate>,
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// A practice example, paraphrased and attributed.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Quote {
    pub text: String,
    pub role: String,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SourceData {
    pub label: String,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub title: Option<String>,
    pub kind: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub effects: Vec<String>,
    #[serde(default)]
    pub rows: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// Default kind of evidence (a key of `evidence_kinds` in site.yaml) for the findings.
    #[serde(default)]
    pub evidence: Option<String>,
    /// Default study design, in words, for the findings.
    #[serde(default)]
    pub design: Option<String>,
    /// Default sectors (po, vo, mbo) of the findings.
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// For editors only: never published.
    #[serde(default)]
    pub editor_note: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub added: Option<PartialDate>,
    #[serde(default)]
    pub updated: Option<PartialDate>,
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// One claim of a source, tagged to the effects and value rows it supports.
#[derive(Debug, Clone, Deserialize)]
pub struct Finding {
    #[serde(default)]
    pub id: Option<String>,
    pub text: String,
    #[serde(default)]
    pub effects: Vec<String>,
    #[serde(default)]
    pub rows: Vec<String>,
    /// Effects editors linked beyond the Platform's overview (`effects` are the overview's own).
    #[serde(default)]
    pub added_effects: Vec<String>,
    /// Rows editors linked beyond the Platform's table (`rows` are the table's own).
    #[serde(default)]
    pub added_rows: Vec<String>,
    #[serde(default)]
    pub co_sources: Vec<String>,
    /// Kind of evidence; the source's `evidence` when absent.
    #[serde(default)]
    pub evidence: Option<String>,
    #[serde(default)]
    pub design: Option<String>,
    #[serde(default)]
    pub sectors: Vec<String>,
    /// How the finding bears on its effects; `ondersteunt` when absent.
    #[serde(default)]
    pub direction: Option<DirectionSpec>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub editor_note: Option<String>,
    /// When the finding was added, if an editor says so; otherwise its source's dates stand.
    #[serde(default)]
    pub added: Option<PartialDate>,
}

impl Finding {
    /// Every effect the finding is tagged with: the Platform's, then the editors' additions.
    pub fn all_effects(&self) -> Vec<String> {
        self.effects
            .iter()
            .chain(&self.added_effects)
            .cloned()
            .collect()
    }

    /// Every value row the finding is tagged with: the Platform's, then the editors' additions.
    pub fn all_rows(&self) -> Vec<String> {
        self.rows.iter().chain(&self.added_rows).cloned().collect()
    }
}

/// `direction: gemengd` (every effect of the finding) or `direction: {effect-key: tegenstrijdig}`.
/// Anything else types as `Invalid`, so that `resolve` can report it at its place in the tree.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum DirectionSpec {
    All(String),
    PerEffect(std::collections::BTreeMap<String, String>),
    Invalid(serde::de::IgnoredAny),
}

#[derive(Debug, Clone, Deserialize)]
pub struct ArticleData {
    pub title: String,
    pub date: PartialDate,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub effects: Vec<String>,
    #[serde(default)]
    pub rows: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub order: Option<i64>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub editor_note: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub added: Option<PartialDate>,
    #[serde(default)]
    pub updated: Option<PartialDate>,
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// One entry of a record's change log (`changes:`): what changed that a visitor should know.
#[derive(Debug, Clone, Deserialize)]
pub struct Change {
    /// The day it changed: a full date.
    pub date: PartialDate,
    pub text: String,
    /// What kind of change (`bevinding`, `indeling`, `sterkte`, `tegenspraak`, `correctie`).
    #[serde(default)]
    pub kind: Option<String>,
    /// On a source: the `id` of the finding the change is about.
    #[serde(default)]
    pub finding: Option<String>,
}

/// `content/signalen.yaml`: dated snapshots of each effect's and row's headline signal, which
/// `kennisbank signals` appends to and the build compares with the signal it computes.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
pub struct LedgerData {
    #[serde(default)]
    pub signals: Vec<Snapshot>,
}

/// The headline signal of one effect or row on one day.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Snapshot {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    pub date: PartialDate,
    /// The key of the strength label (`goede-aanwijzingen`).
    pub strength: String,
    pub findings: i64,
    pub sources: i64,
    pub studies: i64,
    pub contradicting: i64,
}

/// `content/thesaurus.yaml`: groups of terms that mean the same when searching.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ThesaurusData {
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TermData {
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub editor_note: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub added: Option<PartialDate>,
    #[serde(default)]
    pub updated: Option<PartialDate>,
    #[serde(default)]
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PageData {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub editor_note: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub added: Option<PartialDate>,
    #[serde(default)]
    pub updated: Option<PartialDate>,
    #[serde(default)]
    pub changes: Vec<Change>,
}

pub type Effect = Doc<EffectData>;
pub type ValueRow = Doc<ValueRowData>;
pub type Source = Doc<SourceData>;
pub type Article = Doc<ArticleData>;
pub type Term = Doc<TermData>;
pub type Page = Doc<PageData>;

/// What every kind's `RecordData` impl has in common: its kind, its table in [`Records`], its
/// title field, and its tags if it has any.
macro_rules! record_data {
    ($kind:ident in $table:ident, title: $title:ident $(, tags: $tags:ident)?) => {
        const KIND: Kind = Kind::$kind;
        fn title(&self) -> &str {
            &self.$title
        }
        $(
            fn tags(&self) -> &[String] {
                &self.$tags
            }
        )?
        fn aliases(&self) -> &[String] {
            &self.aliases
        }
        fn timeline(&self) -> Timeline<'_> {
            Timeline {
                added: self.added,
                updated: self.updated,
                changes: &self.changes,
            }
        }
        fn table(records: &Records) -> &Table<Doc<Self>> {
            &records.$table
        }
        fn table_mut(records: &mut Records) -> &mut Table<Doc<Self>> {
            &mut records.$table
        }
        fn page(id: Id<Doc<Self>>) -> PageRef {
            PageRef::$kind(id)
        }
        fn id_of(page: PageRef) -> Option<Id<Doc<Self>>> {
            match page {
                PageRef::$kind(id) => Some(id),
                _ => None,
            }
        }
    };
}

impl RecordData for EffectData {
    record_data!(Effect in effects, title: title, tags: tags);
    fn description(&self) -> Option<&str> {
        Some(&self.summary)
    }
}

impl RecordData for ValueRowData {
    record_data!(Row in rows, title: title, tags: tags);
    fn link_title(&self) -> Cow<'_, str> {
        Cow::Owned(format!("{} {}", self.id, self.title))
    }
    fn description(&self) -> Option<&str> {
        self.summary.as_deref()
    }
    fn key_field(&self) -> Option<(&'static str, &str)> {
        Some(("id", &self.id))
    }
}

impl RecordData for SourceData {
    record_data!(Source in sources, title: label, tags: tags);
    fn description(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

impl RecordData for ArticleData {
    record_data!(Article in articles, title: title, tags: tags);
    fn description(&self) -> Option<&str> {
        self.summary.as_deref()
    }
}

impl RecordData for TermData {
    record_data!(Term in terms, title: title, tags: tags);
    fn description(&self) -> Option<&str> {
        Some(&self.summary)
    }
}

impl RecordData for PageData {
    record_data!(Page in pages, title: title);
    fn description(&self) -> Option<&str> {
        self.summary.as_deref()
    }
}
