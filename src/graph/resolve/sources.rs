//! Sources: a known kind, the effects and rows the source names, and each finding: its anchor and
//! the effects, rows and co-sources it names.

use std::collections::HashSet;

use super::Context;
use crate::graph::FindingRef;
use crate::i18n::{Code, Msg};
use crate::model::{EffectData, Id, Origin, PageRef, Records, Source, SourceData, ValueRowData};
use crate::source::{Step, is_valid_key};

pub(super) fn check(records: &Records, cx: &mut Context) {
    for (s, source) in records.sources.enumerate() {
        let (origin, data) = (&source.origin, &source.data);
        let me = PageRef::Source(s);
        let kinds: Vec<&str> = cx
            .config
            .source_kinds
            .iter()
            .map(|k| k.key.as_str())
            .collect();
        if !kinds.contains(&data.kind.as_str()) {
            cx.unknown(
                origin,
                &[Step::Key("kind")],
                Code::UnknownKind,
                Msg::KeysSourceKind,
                &data.kind,
                kinds,
            );
        }
        cx.refs::<EffectData>(
            me,
            origin,
            &[Step::Key("effects")],
            &data.effects,
            |index, e| index.source_effect(s, e),
        );
        cx.refs::<ValueRowData>(me, origin, &[Step::Key("rows")], &data.rows, |index, r| {
            index.source_row(s, r)
        });
        let anchors = findings(cx, s, origin, data);
        cx.index.finding_anchors[s] = anchors;
    }
}

/// Checks each finding of `source` and returns their anchors.
fn findings(cx: &mut Context, s: Id<Source>, origin: &Origin, source: &SourceData) -> Vec<String> {
    let me = PageRef::Source(s);
    let mut anchors = Vec::with_capacity(source.findings.len());
    let mut seen = HashSet::new();
    for (f, finding) in source.findings.iter().enumerate() {
        let here = FindingRef {
            source: s,
            finding: f,
        };
        let at = |field: &'static str| [Step::Key("findings"), Step::Index(f), Step::Key(field)];
        let anchor = match &finding.id {
            Some(id) => {
                if !is_valid_key(id) {
                    cx.report(
                        origin,
                        &at("id"),
                        Code::BadId.error().arg("problem", "finding").arg("id", id),
                    );
                }
                format!("bevinding-{id}")
            }
            None => format!("bevinding-{}", f + 1),
        };
        if !seen.insert(anchor.clone()) {
            cx.report(
                origin,
                &at("id"),
                Code::DuplicateId
                    .error()
                    .arg("problem", "finding")
                    .arg("anchor", &anchor),
            );
        }
        anchors.push(anchor);
        // Until the pages show them apart (the Platform's own links first), links the editors
        // added count like the Platform's.
        for (field, keys) in [
            ("effects", &finding.effects),
            ("added_effects", &finding.added_effects),
        ] {
            cx.refs::<EffectData>(me, origin, &at(field), keys, |index, e| {
                index.finding_effect(here, e)
            });
        }
        for (field, keys) in [("rows", &finding.rows), ("added_rows", &finding.added_rows)] {
            cx.refs::<ValueRowData>(me, origin, &at(field), keys, |index, r| {
                index.finding_row(here, r)
            });
        }
        cx.refs::<SourceData>(
            me,
            origin,
            &at("co_sources"),
            &finding.co_sources,
            |index, other| index.finding_co_source(here, other),
        );
    }
    anchors
}
