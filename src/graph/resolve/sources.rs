//! Sources: a known kind, the effects and rows the source names, and each finding: its anchor,
//! the effects, rows and co-sources it names (each link once, as the Platform's or the editors'),
//! and what kind of evidence it is ([`super::evidence`]).

use std::collections::HashSet;

use super::Context;
use super::evidence;
use super::vocabulary::Allowed;
use crate::config::keys;
use crate::graph::{FindingFacts, FindingRef, Tag};
use crate::i18n::{Code, Msg};
use crate::model::{
    Direction, Doc, EffectData, Evidence, Finding, Id, Origin, PageRef, Provenance, RecordData,
    Records, Source, SourceData, ValueRowData,
};
use crate::source::{Step, is_valid_key};

pub(super) fn check(records: &Records, cx: &mut Context) {
    let kinds = keys(&cx.config.source_kinds);
    let kinds = Allowed::new(kinds, Code::UnknownKind, Msg::KeysSourceKind);
    for (s, source) in records.sources.enumerate() {
        let (origin, data) = (&source.origin, &source.data);
        let me = PageRef::Source(s);
        cx.expect(&kinds, origin, &[Step::Key("kind")], &data.kind);
        let mut refs = cx.from(me, origin);
        refs.list::<EffectData>("effects", &data.effects, |ix, e| ix.source_effect(s, e));
        refs.list::<ValueRowData>("rows", &data.rows, |ix, r| ix.source_row(s, r));
        let (anchors, facts) = findings(cx, s, origin, data);
        cx.index.finding_anchors[s] = anchors;
        cx.index.finding_facts[s] = facts;
    }
}

/// Checks each finding of `source` and returns their anchors and facts.
fn findings(
    cx: &mut Context,
    s: Id<Source>,
    origin: &Origin,
    source: &SourceData,
) -> (Vec<String>, Vec<FindingFacts>) {
    let me = PageRef::Source(s);
    let defaults = evidence::defaults(cx, origin, source);
    let mut anchors = Vec::with_capacity(source.findings.len());
    let mut all_facts = Vec::with_capacity(source.findings.len());
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
        // A finding that gets no kind is reported; the placeholder never reaches a graph.
        let kind = evidence::finding_kind(cx, origin, f, finding, &defaults);
        let directions = evidence::directions(cx, origin, f, finding);
        let effects = links::<EffectData>(cx, me, origin, f, finding, Links::Effects);
        let rows = links::<ValueRowData>(cx, me, origin, f, finding, Links::Rows);
        for &(e, _, _) in &effects {
            cx.index.finding_effect(here, e);
        }
        for &(r, _, _) in &rows {
            cx.index.finding_row(here, r);
        }
        all_facts.push(FindingFacts {
            evidence: kind.unwrap_or(Evidence::Empirical),
            design: (finding.design.as_deref())
                .or(defaults.design_for(kind))
                .map(str::to_string),
            sectors: if finding.sectors.is_empty() {
                defaults.sectors.to_vec()
            } else {
                finding.sectors.clone()
            },
            effects: tags(effects, |key| directions.of_effect(key)),
            rows: tags(rows, |_| directions.of_rows()),
        });
        let co_sources = &finding.co_sources;
        cx.from(me, origin)
            .list_at::<SourceData>(&at("co_sources"), co_sources, |ix, other| {
                ix.finding_co_source(here, other)
            });
    }
    (anchors, all_facts)
}

/// A finding's links to effects or to rows.
#[derive(Clone, Copy)]
enum Links {
    Effects,
    Rows,
}

/// The links of `finding` of one sort that resolve, with who made each (`effects` the Platform,
/// `added_effects` the editors) and its key. A key given twice, in one list or in both, is an
/// error: a link is either the Platform's or the editors'.
fn links<'f, D: RecordData>(
    cx: &mut Context,
    me: PageRef,
    origin: &Origin,
    f: usize,
    finding: &'f Finding,
    which: Links,
) -> Vec<(Id<Doc<D>>, Provenance, &'f str)> {
    let lists = match which {
        Links::Effects => [
            ("effects", &finding.effects, Provenance::Platform),
            ("added_effects", &finding.added_effects, Provenance::Editors),
        ],
        Links::Rows => [
            ("rows", &finding.rows, Provenance::Platform),
            ("added_rows", &finding.added_rows, Provenance::Editors),
        ],
    };
    let mut seen: Vec<(&str, &str)> = Vec::new();
    let mut found = Vec::new();
    for (field, keys, provenance) in lists {
        for (i, key) in keys.iter().enumerate() {
            let path = [
                Step::Key("findings"),
                Step::Index(f),
                Step::Key(field),
                Step::Index(i),
            ];
            if let Some(&(_, earlier)) = seen.iter().find(|(k, _)| *k == key.as_str()) {
                let problem = if earlier == field { "same" } else { "both" };
                let diagnostic = (Code::DuplicateLink.error())
                    .arg("problem", problem)
                    .arg("key", key.as_str())
                    .arg("field", field)
                    .arg("earlier", earlier);
                cx.report(origin, &path, diagnostic);
                continue;
            }
            seen.push((key, field));
            if let Some(id) = cx.from(me, origin).one::<D>(&path, key) {
                found.push((id, provenance, key.as_str()));
            }
        }
    }
    found
}

fn tags<T>(
    links: Vec<(Id<T>, Provenance, &str)>,
    direction: impl Fn(&str) -> Direction,
) -> Vec<Tag<T>> {
    (links.into_iter())
        .map(|(to, provenance, key)| Tag {
            to,
            provenance,
            direction: direction(key),
        })
        .collect()
}
