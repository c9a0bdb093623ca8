//! What is not wrong but probably unintended: an effect without findings, a source connected to
//! nothing, a tag of site.yaml nobody uses.

use super::Context;
use crate::diagnostics::SourceFile;
use crate::i18n::Code;
use crate::model::{Origin, PageRef, Records};
use crate::source::{Node, Step};

pub(super) fn check(records: &Records, cx: &mut Context, config_file: &SourceFile, tree: &Node) {
    // Each warning names the record by its key, at the field that names it to visitors.
    let mut warn = |code: Code, key: &str, origin: &Origin, field: &str| {
        let span = origin.span(&[Step::Key(field)]);
        let warning = code.warning().arg("key", key).at(&origin.file, span);
        cx.diagnostics.push(warning);
    };
    let index = &*cx.index;
    for (e, effect) in records.effects.enumerate() {
        if index.effect_findings[e].is_empty() {
            warn(
                Code::EffectWithoutEvidence,
                &effect.key,
                &effect.origin,
                "title",
            );
        }
    }
    for (s, source) in records.sources.enumerate() {
        let linked = index
            .backlinks
            .get(&PageRef::Source(s))
            .is_some_and(|b| !b.is_empty());
        if index.source_effects[s].is_empty()
            && index.source_rows[s].is_empty()
            && index.source_articles[s].is_empty()
            && !linked
        {
            warn(Code::OrphanSource, &source.key, &source.origin, "label");
        }
    }
    for (i, tag) in cx.config.tags.iter().enumerate() {
        if !cx.used_tags.contains(&tag.key) {
            let span = tree.span_at(&[Step::Key("tags"), Step::Index(i), Step::Key("key")]);
            let warning = Code::UnusedTag.warning().arg("key", &tag.key);
            cx.diagnostics.push(warning.at(config_file, span));
        }
    }
}
