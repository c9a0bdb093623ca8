//! What is not wrong but probably unintended: an effect without findings, a source connected to
//! nothing, a tag of site.yaml nobody uses.

use super::Context;
use crate::diagnostics::SourceFile;
use crate::i18n::Code;
use crate::model::{PageRef, Records};
use crate::source::{Node, Step};

pub(super) fn check(records: &Records, cx: &mut Context, config_file: &SourceFile, tree: &Node) {
    for (e, effect) in records.effects.enumerate() {
        if cx.index.effect_findings[e].is_empty() {
            let origin = &effect.origin;
            cx.diagnostics.push(
                Code::EffectWithoutEvidence
                    .warning()
                    .arg("key", &effect.key)
                    .at(&origin.file, origin.span(&[Step::Key("title")])),
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
                Code::OrphanSource
                    .warning()
                    .arg("key", &source.key)
                    .at(&origin.file, origin.span(&[Step::Key("label")])),
            );
        }
    }
    for (i, tag) in cx.config.tags.iter().enumerate() {
        if !cx.used_tags.contains(&tag.key) {
            cx.diagnostics
                .push(Code::UnusedTag.warning().arg("key", &tag.key).at(
                    config_file,
                    tree.span_at(&[Step::Key("tags"), Step::Index(i), Step::Key("key")]),
                ));
        }
    }
}
