//! The `[[kind:key]]` references in every Markdown body: a known kind, and a key of that kind;
//! and what the reading found wrong with the brackets and comments of a body.

use super::Context;
use crate::diagnostics::{Diagnostic, Span, suggestion};
use crate::i18n::{Code, Msg};
use crate::markdown::{Problem, ProblemKind};
use crate::model::{Kind, Origin, Records};

pub(super) fn check(records: &Records, cx: &mut Context) {
    for (from, record) in records.iter() {
        let origin = record.origin();
        for problem in origin.markdown.problems() {
            let diagnostic = problem_diagnostic(origin, problem, cx);
            cx.diagnostics
                .push(diagnostic.at(&origin.file, span(origin, &problem.span)));
        }
        for reference in origin.markdown.references() {
            let span = span(origin, &reference.span);
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

/// A range of a body as a span of its file.
pub(super) fn span(origin: &Origin, range: &std::ops::Range<usize>) -> Span {
    Span::new(origin.body_offset + range.start, range.len())
}

fn problem_diagnostic(origin: &Origin, problem: &Problem, cx: &Context) -> Diagnostic {
    match &problem.kind {
        ProblemKind::MissingKind { target } => {
            let words: Vec<String> = Kind::ALL
                .iter()
                .map(|k| format!("`{}`", k.info().word))
                .collect();
            // `[[rug-2017]]`: if exactly one kind has that key, that is what was meant.
            let key = target.split(['#', '|']).next().unwrap_or(target).trim();
            let mut kinds = Kind::ALL
                .into_iter()
                .filter(|&k| matches!(cx.keys.find(k, key), Ok(Some(_))));
            let meant = match (kinds.next(), kinds.next()) {
                (Some(kind), None) => {
                    let written = origin.body.get(problem.span.clone()).unwrap_or_default();
                    let open = if written.starts_with('!') {
                        "![["
                    } else {
                        "[["
                    };
                    let fixed = written.replacen(open, &format!("{open}{}:", kind.info().word), 1);
                    Some(Msg::DidYouMean.with("suggestion", fixed))
                }
                _ => None,
            };
            Code::MissingReferenceKind
                .error()
                .arg("kinds", words.join(", "))
                .suggest(meant)
        }
        ProblemKind::EmptyReference => Code::EmptyReference.error(),
        ProblemKind::UnclosedReference => Code::UnclosedReference.error(),
        ProblemKind::UnclosedComment => Code::UnclosedComment.error(),
    }
}
