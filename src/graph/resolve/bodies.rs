//! The `[[kind:key]]` references in every Markdown body: a known kind, and a key of that kind.

use super::Context;
use crate::diagnostics::{Span, suggestion};
use crate::i18n::{Code, Msg};
use crate::model::{Kind, Records};

pub(super) fn check(records: &Records, cx: &mut Context) {
    for (from, record) in records.iter() {
        let origin = record.origin();
        for reference in origin.markdown.references() {
            let span = Span::new(
                origin.body_offset + reference.span.start,
                reference.span.len(),
            );
            let Some(kind) = Kind::from_word(&reference.kind_word) else {
                let words = Kind::ALL.map(|k| k.info().word);
                cx.diagnostics.push(
                    Code::UnknownReferenceKind
                        .error()
                        .arg("word", &reference.kind_word)
                        .at(&origin.file, span)
                        .suggest(suggestion(
                            &reference.kind_word,
                            words,
                            Msg::KeysReferenceKind,
                        )),
                );
                continue;
            };
            match cx.keys.find(kind, &reference.key) {
                Ok(Some(to)) => cx.index.link(from, to),
                Ok(None) => {}
                Err(missing) => cx.diagnostics.push(missing.at(&origin.file, span)),
            }
        }
    }
}
