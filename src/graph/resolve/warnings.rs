//! What is not wrong but probably unintended: an effect without findings, a source connected to
//! nothing, a tag of site.yaml nobody uses.

use super::Context;
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::model::{PageRef, Records};
use crate::source::{Node, Step};

pub(super) fn check(records: &Records, cx: &mut Context, config_file: &SourceFile, tree: &Node) {
    for (e, effect) in records.effects.enumerate() {
        if cx.index.effect_findings[e].is_empty() {
            let origin = &effect.origin;
            cx.diagnostics.push(
                Diagnostic::warning("effect-without-evidence", format!("effect `{}` has no findings", effect.key))
                    .at(&origin.file, origin.span(&[Step::Key("title")]))
                    .help("tag a finding in a source with this effect, or say on the page that evidence is missing"),
            );
        }
    }
    for (s, source) in records.sources.enumerate() {
        let index = &*cx.index;
        let linked = index
            .backlinks
            .get(&PageRef::Source(s))
            .is_some_and(|b| !b.is_empty());
        if index.source_effects[s].is_empty()
            && index.source_rows[s].is_empty()
            && index.source_articles[s].is_empty()
            && !linked
        {
            let origin = &source.origin;
            cx.diagnostics.push(
                Diagnostic::warning("orphan-source", format!("source `{}` is not connected to anything", source.key))
                    .at(&origin.file, origin.span(&[Step::Key("label")]))
                    .help("tag one of its findings with an effect or row, list it in an article's `sources`, or link it with [[bron:…]]"),
            );
        }
    }
    for (i, tag) in cx.config.tags.iter().enumerate() {
        if !cx.used_tags.contains(&tag.key) {
            cx.diagnostics.push(
                Diagnostic::warning(
                    "unused-tag",
                    format!("tag `{}` is defined in site.yaml but used nowhere", tag.key),
                )
                .help("use it in some `tags:` list, or remove it from site.yaml")
                .at(
                    config_file,
                    tree.span_at(&[Step::Key("tags"), Step::Index(i), Step::Key("key")]),
                ),
            );
        }
    }
}
