//! The history of every headline signal, kept in a committed file, `content/signalen.yaml`.
//!
//! Why a file and not the Git history: the signal of an effect is computed from many files
//! (every source with a finding on it), and reconstructing it for past commits would mean
//! reading old file contents, which a blobless clone (Netlify's) does not have and a shallow one
//! lacks altogether. A ledger of dated snapshots is the same on every checkout.
//!
//! `kennisbank signals` appends a snapshot, dated today, for each effect and row whose signal
//! differs from its last one ([`Ledger::updated`]); the build never writes it and never uses
//! the clock. Two consecutive snapshots that differ are one change-log entry, "from what to
//! what", on the later one's date. A ledger behind the computed signals is one warning with the
//! command; the pages show the computed signal and no entry claims a date for the difference.

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostics, suggestion};
use crate::evidence::{self, Signal, Strength};
use crate::graph::{KnowledgeGraph, PageRef};
use crate::i18n::{Code, Msg};
use crate::load::LedgerSource;
use crate::model::{Kind, LedgerData, PartialDate, Snapshot};
use crate::source::Step;

use super::{ChangeKind, Entry};

/// The ledger as loaded (empty when there is no file).
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    source: Option<LedgerSource>,
}

/// What a signal change went from and to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalChange {
    pub from: Snapshot,
    pub to: Snapshot,
}

impl SignalChange {
    /// "Van ‘eerste aanwijzingen’ (2 bevindingen uit 2 bronnen) naar ‘goede aanwijzingen’ (4
    /// bevindingen uit 3 bronnen, 1 tegenstrijdig)."
    pub fn dutch(&self) -> String {
        format!("Van {} naar {}.", describe(&self.from), describe(&self.to))
    }
}

fn describe(s: &Snapshot) -> String {
    let label = match strength(&s.strength) {
        Some(known) => known.label(),
        None => s.strength.as_str(),
    };
    let plural = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut text = format!(
        "‘{label}’ ({} uit {}",
        plural(s.findings, "bevinding", "bevindingen"),
        plural(s.sources, "bron", "bronnen")
    );
    if s.contradicting > 0 {
        text.push_str(&format!(", {} tegenstrijdig", s.contradicting));
    }
    text.push(')');
    text
}

fn strength(key: &str) -> Option<Strength> {
    Strength::ALL.into_iter().find(|s| s.key() == key)
}

/// The subject of a snapshot, as `(kind, key)`.
fn subject(s: &Snapshot) -> Option<(Kind, &str)> {
    match (&s.effect, &s.row) {
        (Some(e), None) => Some((Kind::Effect, e)),
        (None, Some(r)) => Some((Kind::Row, r)),
        _ => None,
    }
}

/// Whether two snapshots say the same about a signal (their dates aside).
fn same(a: &Snapshot, b: &Snapshot) -> bool {
    (
        &a.strength,
        a.findings,
        a.sources,
        a.studies,
        a.contradicting,
    ) == (
        &b.strength,
        b.findings,
        b.sources,
        b.studies,
        b.contradicting,
    )
}

/// The current signal of every effect and row, as snapshots dated `date`, in the graph's order.
fn current(graph: &KnowledgeGraph, date: PartialDate) -> Vec<(PageRef, Snapshot)> {
    let snapshot = |signal: Signal, effect: Option<String>, row: Option<String>| Snapshot {
        effect,
        row,
        date,
        strength: signal.strength().key().to_string(),
        findings: signal.counts.findings as i64,
        sources: signal.counts.sources as i64,
        studies: signal.counts.studies as i64,
        contradicting: signal.counts.contradicting as i64,
    };
    let effects = (graph.records.effects.ids()).map(|e| {
        let signal = evidence::effect_signal(graph, e);
        (
            PageRef::Effect(e),
            snapshot(signal, Some(graph[e].key.clone()), None),
        )
    });
    let rows = (graph.records.rows.ids()).map(|r| {
        let signal = evidence::row_signal(graph, r);
        (
            PageRef::Row(r),
            snapshot(signal, None, Some(graph[r].data.id.clone())),
        )
    });
    effects.chain(rows).collect()
}

impl Ledger {
    pub fn new(source: Option<LedgerSource>) -> Ledger {
        Ledger { source }
    }

    fn snapshots(&self) -> &[Snapshot] {
        self.source.as_ref().map_or(&[], |s| &s.data.signals)
    }

    /// The file's text, for the dataset's version.
    pub fn text(&self) -> &str {
        self.source.as_ref().map_or("", |s| &s.file.text)
    }

    /// Each subject's snapshots, oldest first, keyed by its page; unknown subjects left out.
    fn by_page(&self, graph: &KnowledgeGraph) -> BTreeMap<PageRef, Vec<&Snapshot>> {
        let mut pages: BTreeMap<PageRef, Vec<&Snapshot>> = BTreeMap::new();
        for snapshot in self.snapshots() {
            if let Some((kind, key)) = subject(snapshot)
                && let Some(page) = graph.find(kind, key)
            {
                pages.entry(page).or_default().push(snapshot);
            }
        }
        for list in pages.values_mut() {
            list.sort_by_key(|s| s.date);
        }
        pages
    }

    /// Problems in the ledger: a snapshot of no or two subjects, an unknown strength or subject,
    /// a date that is not a day; and one warning when it is behind the computed signals.
    pub fn check(&self, graph: &KnowledgeGraph, diagnostics: &mut Diagnostics) {
        let Some(source) = &self.source else {
            return;
        };
        let at = |i: usize, key| {
            source
                .tree
                .span_at(&[Step::Key("signals"), Step::Index(i), Step::Key(key)])
        };
        for (i, snapshot) in source.data.signals.iter().enumerate() {
            let Some((kind, key)) = subject(snapshot) else {
                diagnostics.push(Code::LedgerSubject.error().at(
                    &source.file,
                    source.tree.span_at(&[Step::Key("signals"), Step::Index(i)]),
                ));
                continue;
            };
            if graph.find(kind, key).is_none() {
                let field = if kind == Kind::Effect {
                    "effect"
                } else {
                    "row"
                };
                diagnostics.push(
                    Code::LedgerUnknown
                        .warning()
                        .arg("kind", field)
                        .arg("key", key)
                        .at(&source.file, at(i, field)),
                );
            }
            if strength(&snapshot.strength).is_none() {
                let keys = Strength::ALL.map(Strength::key);
                diagnostics.push(
                    Code::LedgerStrength
                        .error()
                        .arg("value", &snapshot.strength)
                        .at(&source.file, at(i, "strength"))
                        .suggest(suggestion(&snapshot.strength, keys, Msg::KeysStrength)),
                );
            }
            if !snapshot.date.is_day() {
                diagnostics.push(
                    Code::DateNotADay
                        .error()
                        .arg("field", "date")
                        .arg("text", snapshot.date.to_string())
                        .at(&source.file, at(i, "date")),
                );
            }
        }
        if diagnostics.has_errors() {
            return;
        }
        let recorded = self.by_page(graph);
        // Any day will do: only the counts and labels are compared.
        let stale: Vec<PageRef> = current(graph, PartialDate::from_day(time::Date::MIN))
            .into_iter()
            .filter(|(page, now)| {
                (recorded.get(page).and_then(|list| list.last()))
                    .is_none_or(|last| !same(last, now))
            })
            .map(|(page, _)| page)
            .collect();
        if let Some(&first) = stale.first() {
            diagnostics.push(
                Code::LedgerStale
                    .warning()
                    .arg("count", stale.len())
                    .arg("first", graph.records.get(first).link_title().into_owned())
                    .at(&source.file, source.tree.span_at(&[])),
            );
        }
    }

    /// One entry for each pair of consecutive snapshots of a subject that differ.
    pub fn entries(&self, graph: &KnowledgeGraph) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (page, list) in self.by_page(graph) {
            for pair in list.windows(2) {
                let (from, to) = (pair[0], pair[1]);
                if same(from, to) {
                    continue;
                }
                let change = SignalChange {
                    from: from.clone(),
                    to: to.clone(),
                };
                let effects = match page {
                    PageRef::Effect(e) => vec![e],
                    PageRef::Row(r) => graph.index.row_effects[r].iter().copied().collect(),
                    _ => Vec::new(),
                };
                entries.push(Entry {
                    page,
                    date: to.date,
                    kind: ChangeKind::Signal,
                    text: change.dutch(),
                    finding: None,
                    effects,
                    signal: Some(change),
                });
            }
        }
        entries
    }

    /// The ledger with a snapshot dated `today` for every effect and row whose signal is not its
    /// last one (`kennisbank signals`); `None` when nothing changed.
    pub fn updated(
        &self,
        graph: &KnowledgeGraph,
        today: PartialDate,
    ) -> Option<(LedgerData, usize)> {
        let recorded = self.by_page(graph);
        let mut data = self
            .source
            .as_ref()
            .map(|s| s.data.clone())
            .unwrap_or_default();
        let before = data.signals.len();
        for (page, now) in current(graph, today) {
            if (recorded.get(&page).and_then(|l| l.last())).is_none_or(|last| !same(last, &now)) {
                data.signals.push(now);
            }
        }
        let added = data.signals.len() - before;
        (added > 0).then_some((data, added))
    }
}
