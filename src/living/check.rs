//! What editors write about a record's history, checked: whole days, `updated` not before
//! `added`, a change with a text, a known kind and (on a source) a finding that exists. The
//! shape check of `load` has made sure each date is a date; here it must also be a day.

use crate::diagnostics::{Diagnostic, Diagnostics, suggestion};
use crate::graph::{KnowledgeGraph, PageRef};
use crate::i18n::{Code, Msg};
use crate::model::PartialDate;
use crate::source::Step;

use super::ChangeKind;

/// Every problem with the dates and change logs of the graph's records.
pub fn check(graph: &KnowledgeGraph, diagnostics: &mut Diagnostics) {
    for (page, record) in graph.records.iter() {
        let origin = record.origin();
        let mut report = |path: &[Step<'_>], d: Diagnostic| {
            diagnostics.push(d.at(&origin.file, origin.span(path)));
        };
        let timeline = record.timeline();
        let added = whole_day(timeline.added, "added", &[Step::Key("added")], &mut report);
        let updated = whole_day(
            timeline.updated,
            "updated",
            &[Step::Key("updated")],
            &mut report,
        );
        if let (Some(added), Some(updated)) = (added, updated)
            && updated < added
        {
            report(
                &[Step::Key("updated")],
                Code::UpdatedBeforeAdded
                    .error()
                    .arg("added", added.to_string())
                    .arg("updated", updated.to_string()),
            );
        }
        for (i, change) in timeline.changes.iter().enumerate() {
            let at = |key| [Step::Key("changes"), Step::Index(i), Step::Key(key)];
            whole_day(Some(change.date), "date", &at("date"), &mut report);
            if change.text.trim().is_empty() {
                report(&at("text"), Code::EmptyChangeText.error());
            }
            if let Some(kind) = &change.kind
                && ChangeKind::from_key(kind).is_none()
            {
                let keys = ChangeKind::WRITTEN.map(ChangeKind::key);
                report(
                    &at("kind"),
                    Code::UnknownChangeKind
                        .error()
                        .arg("value", kind)
                        .suggest(suggestion(kind, keys, Msg::KeysChangeKind)),
                );
            }
            if let Some(id) = &change.finding {
                check_finding(graph, page, id, &at("finding"), &mut report);
            }
        }
    }
    for source in &graph.records.sources {
        let origin = &source.origin;
        for (f, finding) in source.data.findings.iter().enumerate() {
            let path = [Step::Key("findings"), Step::Index(f), Step::Key("added")];
            whole_day(finding.added, "added", &path, &mut |path, d: Diagnostic| {
                diagnostics.push(d.at(&origin.file, origin.span(path)));
            });
        }
    }
}

/// `finding:` of a change: only on a source, and the id of one of its findings.
fn check_finding(
    graph: &KnowledgeGraph,
    page: PageRef,
    id: &str,
    path: &[Step<'_>],
    report: &mut dyn FnMut(&[Step<'_>], Diagnostic),
) {
    let PageRef::Source(s) = page else {
        report(path, Code::ChangeFindingElsewhere.error());
        return;
    };
    let ids: Vec<&str> = (graph[s].data.findings.iter())
        .filter_map(|f| f.id.as_deref())
        .collect();
    if !ids.contains(&id) {
        report(
            path,
            Code::UnknownChangeFinding
                .error()
                .arg("value", id)
                .suggest(suggestion(id, ids.iter().copied(), Msg::KeysFindingId)),
        );
    }
}

/// The date if it is a whole day; reported (as `field`, at `path`) if it is a year or a month.
fn whole_day(
    date: Option<PartialDate>,
    field: &str,
    path: &[Step<'_>],
    report: &mut dyn FnMut(&[Step<'_>], Diagnostic),
) -> Option<PartialDate> {
    let date = date?;
    if date.is_day() {
        return Some(date);
    }
    report(
        path,
        Code::DateNotADay
            .error()
            .arg("field", field)
            .arg("text", date.to_string()),
    );
    None
}
