//! The change log as open data (`data/wijzigingen.json`, schema in `wijzigingen.schema.json`) and
//! as an Atom feed of its own (`wijzigingen/atom.xml`), both from [`crate::living::ChangeLog`]:
//! the pages, the feed and the data say the same.

use serde::Serialize;

use super::feed::{Head, feed, link, text};
use crate::graph::{KnowledgeGraph, PageRef};
use crate::living::{Dataset, Entry};
use crate::model::PartialDate;

/// `version` and `date` of the dataset, as every export carries them.
#[derive(Serialize)]
pub(super) struct DatasetExport<'g> {
    version: &'g str,
    date: Option<PartialDate>,
}

impl<'g> DatasetExport<'g> {
    pub(super) fn of(dataset: &'g Dataset) -> Self {
        DatasetExport {
            version: &dataset.version,
            date: dataset.date,
        }
    }
}

#[derive(Serialize)]
struct ChangesExport<'g> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    dataset: DatasetExport<'g>,
    records: Vec<RecordExport<'g>>,
    changes: Vec<ChangeExport<'g>>,
}

#[derive(Serialize)]
struct RecordExport<'g> {
    kind: &'static str,
    key: &'g str,
    url: String,
    added: Option<PartialDate>,
    updated: Option<PartialDate>,
}

#[derive(Serialize)]
struct ChangeExport<'g> {
    date: PartialDate,
    kind: &'static str,
    text: &'g str,
    record_kind: &'static str,
    record: &'g str,
    url: String,
    finding: Option<String>,
    effects: Vec<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signal: Option<SignalChangeExport<'g>>,
}

#[derive(Serialize)]
struct SignalChangeExport<'g> {
    from: SnapshotExport<'g>,
    to: SnapshotExport<'g>,
}

#[derive(Serialize)]
struct SnapshotExport<'g> {
    date: PartialDate,
    strength: &'g str,
    findings: i64,
    sources: i64,
    studies: i64,
    contradicting: i64,
}

impl<'g> SnapshotExport<'g> {
    fn of(s: &'g crate::model::Snapshot) -> Self {
        SnapshotExport {
            date: s.date,
            strength: &s.strength,
            findings: s.findings,
            sources: s.sources,
            studies: s.studies,
            contradicting: s.contradicting,
        }
    }
}

/// The record kind's name in open data: the folder's word (`effect`, `waarde`, `bron`, …).
fn kind_word(page: PageRef) -> &'static str {
    page.kind().info().word
}

fn address(graph: &KnowledgeGraph, entry: &Entry) -> String {
    let url = super::data::absolute_url(graph, entry.page);
    match entry.finding {
        Some(f) => format!("{url}#{}", graph.index.finding_anchors[f.source][f.finding]),
        None => url,
    }
}

pub fn changes_json(graph: &KnowledgeGraph) -> anyhow::Result<String> {
    let g = graph;
    let log = &g.changes;
    let export = ChangesExport {
        schema: "wijzigingen.schema.json",
        dataset: DatasetExport::of(&log.dataset),
        records: (g.records.iter())
            .filter(|(page, _)| !matches!(page, PageRef::Page(_)))
            .map(|(page, record)| {
                let dates = log.dates(page);
                RecordExport {
                    kind: kind_word(page),
                    key: record.reference_key(),
                    url: super::data::absolute_url(g, page),
                    added: dates.added,
                    updated: dates.updated,
                }
            })
            .collect(),
        changes: (log.entries.iter())
            .map(|e| ChangeExport {
                date: e.date,
                kind: e.kind.key(),
                text: &e.text,
                record_kind: kind_word(e.page),
                record: g.records.get(e.page).reference_key(),
                url: address(g, e),
                finding: e.finding.map(|f| super::data::finding_id(g, f)),
                effects: e.effects.iter().map(|&x| g[x].key.as_str()).collect(),
                signal: e.signal.as_ref().map(|s| SignalChangeExport {
                    from: SnapshotExport::of(&s.from),
                    to: SnapshotExport::of(&s.to),
                }),
            })
            .collect(),
    };
    Ok(serde_json::to_string_pretty(&export)? + "\n")
}

/// The Atom feed of the change log, newest first; one entry per change, its id stable across
/// builds (the record's address, the date and the entry's place among that record's changes).
pub fn changes_atom(graph: &KnowledgeGraph, base: &str) -> anyhow::Result<String> {
    let log = &graph.changes;
    let title = &graph.config.title;
    let page = format!("{base}wijzigingen/");
    // The newest entry; with none yet, the dataset's date (a feed must say when it last changed).
    let updated = (log.entries.first().map(|e| e.date))
        .or(log.dataset.date)
        .map_or("1970-01-01T00:00:00Z".to_string(), PartialDate::rfc3339);
    let head = Head {
        page: page.clone(),
        title: format!("{title}: wat is er veranderd"),
        subtitle: None,
        updated,
        path: super::CHANGES_FEED_PATH,
    };
    feed(graph, base, &head, |w| {
        for (n, entry) in log.entries.iter().enumerate() {
            let url = address(graph, entry);
            // Which of its record's changes on that day this is, counted oldest first, so
            // adding a newer change does not renumber the older ones.
            let same_day = (log.entries[n + 1..].iter())
                .filter(|e| e.page == entry.page && e.date == entry.date)
                .count();
            let record_title = graph.records.get(entry.page).link_title().into_owned();
            w.create_element("entry").write_inner_content(|w| {
                text(
                    w,
                    "id",
                    &format!(
                        "{}#wijziging-{}-{}",
                        super::data::absolute_url(graph, entry.page),
                        entry.date,
                        same_day + 1
                    ),
                )?;
                text(
                    w,
                    "title",
                    &format!("{}: {record_title}", entry.kind.label()),
                )?;
                text(w, "updated", &entry.date.rfc3339())?;
                link(w, "alternate", &url)?;
                text(w, "summary", &entry.text)?;
                Ok(())
            })?;
        }
        Ok(())
    })
}
