//! One diagnostic type for every problem found in content or themes, and its rendering.
//!
//! Every stage pushes into a [`Diagnostics`] collection instead of returning early, so a run reports
//! all mistakes at once. Spans are byte offsets into the *whole file* (never into the front-matter
//! slice: see getzola/zola#1133), and `miette` turns them into `file:line:col` with a caret.
//!
//! [`source`]: the file and span a diagnostic points at; [`report`]: the terminal report and the
//! JSON record; [`suggest`]: "did you mean" hints.

mod report;
mod source;
mod suggest;
#[cfg(test)]
mod tests;

use std::path::Path;

use serde::Serialize;

use crate::i18n::{Arg, Code, Lang, Message, Msg};
pub use report::{DiagnosticRecord, color_on_stderr};
use source::floor_char_boundary;
pub use source::{SourceFile, Span};
pub use suggest::{closest, suggestion};

/// How bad a problem is. Errors stop the build; warnings are reported and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    /// `error` or `warning`: the value in JSON, and the key the catalogue's `severity` selects on.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem, with where it is and how to fix it.
///
/// Made from its [`Code`], which is also the id of its message in the catalogue ([`crate::i18n`]):
/// `Code::UnknownEffect.error().arg("key", key).at(&file, span)`. The caret label and the hint are
/// the message's `.label` and `.help` attributes, unless [`Diagnostic::label`] or
/// [`Diagnostic::help`] give another message; [`Diagnostic::suggest`] puts a suggestion before
/// the hint. The texts are formatted only when shown, in the language of the run
/// ([`Diagnostic::texts`]).
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable code such as `unknown-effect`, so tests and editors can match on it.
    pub code: &'static str,
    /// The file and the span inside it; `None` for problems without a place (e.g. a missing folder).
    pub location: Option<(SourceFile, Span)>,
    /// The catalogue texts; boxed, so a diagnostic stays small on the error paths that return it.
    texts: Box<Catalogued>,
}

#[derive(Debug, Clone)]
struct Catalogued {
    /// The message of `code` with its arguments.
    message: Message,
    label: Option<Message>,
    help: Option<Message>,
    suggestion: Option<Message>,
}

/// The texts of a diagnostic in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
}

impl Code {
    /// A diagnostic with this code that stops the build.
    pub fn error(self) -> Diagnostic {
        Diagnostic::new(Severity::Error, self)
    }

    /// A diagnostic with this code that is reported while the build goes on.
    pub fn warning(self) -> Diagnostic {
        Diagnostic::new(Severity::Warning, self)
    }
}

impl Diagnostic {
    pub fn new(severity: Severity, code: Code) -> Self {
        Diagnostic {
            severity,
            code: code.id(),
            location: None,
            texts: Box::new(Catalogued {
                message: Message::from_code(code),
                label: None,
                help: None,
                suggestion: None,
            }),
        }
    }

    /// Sets the argument `$name` of the message (and of its label and hint).
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.texts.message.set(name, value);
        self
    }

    /// Places the diagnostic at `span` of `file`, widened to whole characters and kept inside
    /// the file: parsers count positions their own way (yaml-rust2 in characters, a caret of
    /// one byte), and a span that ends inside `‘` would cut it in the excerpt.
    pub fn at(mut self, file: &SourceFile, span: Span) -> Self {
        let text = &file.text;
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let mut end = (span.start + span.len).clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        self.location = Some((file.clone(), Span::new(start, end - start)));
        self
    }

    /// The text under the caret, instead of the message's `.label`.
    pub fn label(mut self, label: impl Into<Message>) -> Self {
        self.texts.label = Some(label.into());
        self
    }

    /// The hint, instead of the message's `.help`.
    pub fn help(mut self, help: impl Into<Message>) -> Self {
        self.texts.help = Some(help.into());
        self
    }

    pub fn help_opt(self, help: Option<impl Into<Message>>) -> Self {
        match help {
            Some(help) => self.help(help),
            None => self,
        }
    }

    /// A suggestion said before the hint, such as [`Msg::DidYouMean`]; `None` leaves the hint alone.
    pub fn suggest(mut self, suggestion: Option<Message>) -> Self {
        if suggestion.is_some() {
            self.texts.suggestion = suggestion;
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The file path relative to the site root, if the diagnostic has a place.
    pub fn path(&self) -> Option<&Path> {
        self.location.as_ref().map(|(file, _)| file.path.as_path())
    }

    /// 1-based line and column, if the diagnostic has a place.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        self.location
            .as_ref()
            .map(|(file, span)| file.line_col(span.start))
    }

    /// The message, label and hint in `lang`.
    pub fn texts(&self, lang: Lang) -> Texts {
        let c = &*self.texts;
        let part = |given: &Option<Message>, attribute: &str| match given {
            Some(text) => Some(text.text(lang)),
            None => c.message.attribute(lang, attribute),
        };
        let help = match (
            c.suggestion.as_ref().map(|s| s.text(lang)),
            part(&c.help, "help"),
        ) {
            (Some(suggestion), Some(help)) => Some(format!("{suggestion} {help}")),
            (suggestion, help) => suggestion.or(help),
        };
        Texts {
            message: c.message.text(lang),
            label: part(&c.label, "label"),
            help,
        }
    }

    /// A plain one-line form: `fout[code]: path:line:col: message`, in the process's language.
    pub fn one_line(&self) -> String {
        self.one_line_in(crate::i18n::process_lang())
    }

    /// [`Diagnostic::one_line`] in `lang`.
    pub fn one_line_in(&self, lang: Lang) -> String {
        let severity = Msg::Severity
            .with("severity", self.severity.key())
            .text(lang);
        let message = self.texts(lang).message;
        match (self.path(), self.line_col()) {
            (Some(path), Some((line, col))) => format!(
                "{severity}[{}]: {}:{line}:{col}: {message}",
                self.code,
                path.display(),
            ),
            _ => format!("{severity}[{}]: {message}", self.code),
        }
    }
}

/// Every diagnostic of one run, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorted by file, then position, errors before warnings: the order a reader fixes them in.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by_key(|d| {
            (
                d.path().map(Path::to_path_buf),
                d.location.as_ref().map(|(_, s)| s.start),
                std::cmp::Reverse(d.severity),
            )
        });
        items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}
