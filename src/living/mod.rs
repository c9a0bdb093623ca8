//! A living evidence base: when each record was added and last changed, the change log editors
//! write (`changes:`), and the version of the dataset. Read from the checked graph and the Git
//! history ([`crate::history`]); pages, the change-log pages, the feed and the open data all read
//! the one [`ChangeLog`], so a date cannot differ between them.
//!
//! # What a page may say
//! - **Added**: the front matter's `added`, else the commit that added the file, when the history
//!   knows it exactly. A shallow clone's oldest commit is only an upper bound: nothing is said.
//! - **Updated**: the newest of the front matter's `updated`, the last commit that changed the
//!   file and the newest `changes:` entry, and only when it is after the added day. A file with
//!   uncommitted edits shows no commit date as its last change: that date would be false.
//! - Nothing depends on the clock: the same files and history give the same site.
//!
//! [`check`] validates what editors wrote (whole days, `updated` not before `added`, known kinds,
//! findings that exist) and reports in the catalogue's words; [`ledger`] keeps the history of each
//! headline signal.

mod check;
pub mod ledger;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::Digest;

use crate::graph::{FindingRef, KnowledgeGraph, PageRef};
use crate::history::{ContentFile, Dated, History};
use crate::model::{Effect, Id, Kind, PartialDate, Records, Source};
pub use check::check;
pub use ledger::{Ledger, SignalChange};

/// What kind of change an entry records: the `kind` editors write, or a change of a headline
/// signal the build found in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    Finding,
    Classification,
    Strength,
    Contradiction,
    Correction,
    Other,
    Signal,
}

impl ChangeKind {
    /// The kinds editors may write, in the order the editors' guide lists them.
    pub const WRITTEN: [ChangeKind; 5] = [
        ChangeKind::Finding,
        ChangeKind::Classification,
        ChangeKind::Strength,
        ChangeKind::Contradiction,
        ChangeKind::Correction,
    ];

    /// What editors write in `kind:`, and what open data and CSS classes use.
    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Finding => "bevinding",
            ChangeKind::Classification => "indeling",
            ChangeKind::Strength => "sterkte",
            ChangeKind::Contradiction => "tegenspraak",
            ChangeKind::Correction => "correctie",
            ChangeKind::Other => "wijziging",
            ChangeKind::Signal => "signaal",
        }
    }

    /// Dutch, as visitors read it.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Finding => "Nieuwe bevinding",
            ChangeKind::Classification => "Indeling gewijzigd",
            ChangeKind::Strength => "Sterkte gewijzigd",
            ChangeKind::Contradiction => "Tegenspraak gevonden",
            ChangeKind::Correction => "Correctie",
            ChangeKind::Other => "Wijziging",
            ChangeKind::Signal => "Bewijs veranderd",
        }
    }

    pub fn from_key(key: &str) -> Option<ChangeKind> {
        ChangeKind::WRITTEN.into_iter().find(|k| k.key() == key)
    }
}

/// When a record was added and last changed, as far as anything known says so truthfully.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordDates {
    pub added: Option<PartialDate>,
    pub updated: Option<PartialDate>,
}

impl RecordDates {
    /// "toegevoegd op 3 maart 2026, bijgewerkt op 1 december 2026", or the part that is known.
    pub fn dutch(&self) -> Option<String> {
        let added = self.added.map(|d| format!("toegevoegd op {}", d.dutch()));
        let updated = self.updated.map(|d| format!("bijgewerkt op {}", d.dutch()));
        match (added, updated) {
            (Some(a), Some(u)) => Some(format!("{a}, {u}")),
            (a, u) => a.or(u),
        }
    }
}

/// One entry of the change log.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub page: PageRef,
    pub date: PartialDate,
    pub kind: ChangeKind,
    /// What the editor wrote, or for a signal change the from-to sentence.
    pub text: String,
    /// The finding it is about, on a source.
    pub finding: Option<FindingRef>,
    /// The effects it bears on, for the filter by effect.
    pub effects: Vec<Id<Effect>>,
    /// For a signal change: from what to what.
    pub signal: Option<SignalChange>,
}

/// The version of the whole dataset: changes with any content file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dataset {
    /// The first 12 hexadecimal digits of a SHA-256 over every content file.
    pub version: String,
    /// The newest day any record or change-log entry gives; `None` when nothing is dated.
    pub date: Option<PartialDate>,
}

/// Dates of every record, the whole change log newest first, and the dataset's version.
#[derive(Debug, Clone, Default)]
pub struct ChangeLog {
    dates: HashMap<PageRef, RecordDates>,
    /// Newest first; on one day in the order of the records.
    pub entries: Vec<Entry>,
    pub dataset: Dataset,
    /// The ledger of signals as loaded, for `kennisbank signals` to append to.
    pub ledger: Ledger,
}

impl ChangeLog {
    /// Whether the pages see the same in both: the dates and the entries (the dataset's
    /// version, which changes with every file, is for the exports).
    pub fn same_for_pages(&self, other: &ChangeLog) -> bool {
        self.dates == other.dates && self.entries == other.entries
    }

    /// The dates of a record's page (nothing known: both `None`).
    pub fn dates(&self, page: PageRef) -> RecordDates {
        self.dates.get(&page).copied().unwrap_or_default()
    }

    /// The entries of one record, newest first.
    pub fn of(&self, page: PageRef) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.page == page)
    }

    /// The entries that bear on an effect, newest first.
    pub fn of_effect(&self, effect: Id<Effect>) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(move |e| e.effects.contains(&effect))
    }
}

/// Every content file to ask the history about, with the paths its `aliases` say it had.
pub fn content_files(records: &Records) -> Vec<ContentFile> {
    records
        .iter()
        .map(|(page, record)| {
            let path = &record.origin().file.path;
            ContentFile::new(path).with_earlier(earlier_paths(page.kind(), path, record.aliases()))
        })
        .collect()
}

/// The files a record lived in before, by its aliases: an old key in the same folder, or an old
/// address (`/bronnen/oud/`) in the folder of the section it names.
fn earlier_paths(kind: Kind, path: &Path, aliases: &[String]) -> Vec<PathBuf> {
    let folder = path.parent().unwrap_or(Path::new(""));
    let content = (folder.ancestors())
        .find(|a| a.file_name().is_some_and(|n| n == "content"))
        .unwrap_or(Path::new("content"));
    let file = |kind: Kind, key: &str| {
        let name = match kind {
            Kind::Row => crate::model::kinds::row_slug(key),
            _ => key.to_string(),
        };
        format!("{name}.md")
    };
    aliases
        .iter()
        .filter_map(|alias| match alias.strip_prefix('/') {
            None => Some(folder.join(file(kind, alias.trim_matches('/')))),
            Some(address) => {
                let mut parts = address.trim_matches('/').split('/');
                let (first, second) = (parts.next()?, parts.next());
                let (kind, key) = match second {
                    Some(key) => (
                        Kind::ALL.into_iter().find(|k| k.info().section == first)?,
                        key,
                    ),
                    None => (Kind::Page, first),
                };
                Some(content.join(kind.info().folder).join(file(kind, key)))
            }
        })
        .collect()
}

/// The change log of a checked graph: dates from `history` overridden by the front matter, the
/// entries editors wrote, and the signal changes of `ledger`. Assumes [`check`] found nothing.
pub fn build(graph: &KnowledgeGraph, history: &History, ledger: Ledger) -> ChangeLog {
    let mut dates = HashMap::new();
    let mut entries = Vec::new();
    for (page, record) in graph.records.iter() {
        let timeline = record.timeline();
        for change in timeline.changes {
            let finding = change.finding.as_deref().and_then(|id| match page {
                PageRef::Source(s) => (graph[s].data.findings.iter())
                    .position(|f| f.id.as_deref() == Some(id))
                    .map(|finding| FindingRef { source: s, finding }),
                _ => None,
            });
            entries.push(Entry {
                page,
                date: change.date,
                kind: change
                    .kind
                    .as_deref()
                    .and_then(ChangeKind::from_key)
                    .unwrap_or(ChangeKind::Other),
                text: change.text.trim().to_string(),
                finding,
                effects: effects_of(graph, page, finding),
                signal: None,
            });
        }
        let written = entries.len();
        if let PageRef::Source(s) = page {
            entries.extend(added_findings(graph, s, &entries));
        }
        let newest_finding = entries[written..].iter().map(|e| e.date).max();
        let file = history.dates(&record.origin().file.path);
        let added = timeline.added.or_else(|| day(&file.added));
        let committed = match file.changed {
            Dated::In(_) => day(&file.changed),
            _ => None,
        };
        let newest_change = (timeline.changes.iter().map(|c| c.date))
            .chain(newest_finding)
            .max();
        let updated = [timeline.updated.or(committed), newest_change]
            .into_iter()
            .flatten()
            .max()
            .filter(|u| added.is_none_or(|a| *u > a));
        dates.insert(page, RecordDates { added, updated });
    }
    entries.extend(ledger.entries(graph));
    // Newest first; the order of the records, then of the file, on one day.
    entries.sort_by(|a, b| b.date.cmp(&a.date).then(a.page.cmp(&b.page)));
    let dataset = Dataset {
        version: version(&graph.records, &ledger),
        date: (dates.values())
            .flat_map(|d| [d.added, d.updated])
            .chain(entries.iter().map(|e| Some(e.date)))
            .flatten()
            .max(),
    };
    ChangeLog {
        dates,
        entries,
        dataset,
        ledger,
    }
}

/// An entry "Nieuwe bevinding" for each finding of source `s` that has its own `added`, unless
/// an entry the editors wrote on that source names the finding already.
fn added_findings(graph: &KnowledgeGraph, s: Id<Source>, written: &[Entry]) -> Vec<Entry> {
    let index = &graph.index;
    (graph[s].data.findings.iter().enumerate())
        .filter_map(|(finding, data)| {
            let f = FindingRef { source: s, finding };
            let named = written.iter().any(|e| e.finding == Some(f));
            let date = data.added.filter(|_| !named)?;
            Some(Entry {
                page: PageRef::Source(s),
                date,
                kind: ChangeKind::Finding,
                text: format!("Nieuwe bevinding: {}", data.text.trim()),
                finding: Some(f),
                effects: index.facts(f).effects.iter().map(|t| t.to).collect(),
                signal: None,
            })
        })
        .collect()
}

fn day(dated: &Dated) -> Option<PartialDate> {
    dated.exact().map(|c| PartialDate::from_day(c.date()))
}

/// The effects an entry of `page` bears on: the effect itself; a row's, a source's (or its one
/// finding's) and an article's effects.
fn effects_of(
    graph: &KnowledgeGraph,
    page: PageRef,
    finding: Option<FindingRef>,
) -> Vec<Id<Effect>> {
    let index = &graph.index;
    match (page, finding) {
        (PageRef::Effect(e), _) => vec![e],
        (PageRef::Row(r), _) => index.row_effects[r].iter().copied().collect(),
        (_, Some(f)) => index.facts(f).effects.iter().map(|t| t.to).collect(),
        (PageRef::Source(s), None) => index.source_effects[s].iter().copied().collect(),
        (PageRef::Article(a), _) => (graph[a].data.effects.iter())
            .filter_map(|key| match graph.find(Kind::Effect, key) {
                Some(PageRef::Effect(e)) => Some(e),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A digest of every content file's text and of the ledger: any edit gives another version.
fn version(records: &Records, ledger: &Ledger) -> String {
    let mut files: Vec<(&Path, &str)> = records
        .iter()
        .map(|(_, r)| (r.origin().file.path.as_path(), &*r.origin().file.text))
        .collect();
    files.sort();
    crate::digest::short_sha256(6, |hasher| {
        for (path, text) in files {
            hasher.update(path.to_string_lossy().as_bytes());
            hasher.update([0]);
            hasher.update(text.as_bytes());
            hasher.update([0]);
        }
        hasher.update(ledger.text().as_bytes());
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_dutch() {
        let d = |t| PartialDate::parse(t);
        let both = RecordDates {
            added: d("2026-03-03"),
            updated: d("2026-12-01"),
        };
        assert_eq!(
            both.dutch().as_deref(),
            Some("toegevoegd op 3 maart 2026, bijgewerkt op 1 december 2026")
        );
        let updated = RecordDates {
            added: None,
            updated: d("2026-12-01"),
        };
        assert_eq!(
            updated.dutch().as_deref(),
            Some("bijgewerkt op 1 december 2026")
        );
        assert_eq!(RecordDates::default().dutch(), None);
    }

    #[test]
    fn aliases_give_the_earlier_files() {
        let earlier = |kind, path: &str, aliases: &[&str]| {
            let aliases: Vec<String> = aliases.iter().map(|a| a.to_string()).collect();
            earlier_paths(kind, Path::new(path), &aliases)
        };
        assert_eq!(
            earlier(Kind::Source, "content/bronnen/nieuw.md", &["oud"]),
            [PathBuf::from("content/bronnen/oud.md")]
        );
        assert_eq!(
            earlier(Kind::Row, "content/waarden/1-7.md", &["1.6"]),
            [PathBuf::from("content/waarden/1-6.md")]
        );
        assert_eq!(
            earlier(
                Kind::Article,
                "content/kennisbank/a/b.md",
                &["/bronnen/c/", "/over/"]
            ),
            [
                PathBuf::from("content/bronnen/c.md"),
                PathBuf::from("content/paginas/over.md")
            ]
        );
    }
}
