//! A diagnostic shown: the terminal report miette draws (with the hint wrapped as miette would
//! wrap it) and the record of `--format json` and the serve overlay.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};
use serde::Serialize;

use super::{Diagnostic, Severity, Texts};
use crate::i18n::{Lang, Msg};

impl Diagnostic {
    /// The full report with source excerpt and caret, as printed in the terminal, in `lang`.
    ///
    /// miette draws the excerpt and the caret; the hint is added here, because miette writes
    /// the word `help:` itself. It is wrapped exactly as miette wraps it (same width, same
    /// indent under the first word), so the layout does not change with the language.
    pub fn render(&self, lang: Lang, color: bool) -> String {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let help_style = theme.styles.help;
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_context_lines(1)
            .with_width(WIDTH);
        let texts = self.texts(lang);
        let mut out = String::new();
        let report = Report {
            diagnostic: self,
            texts: &texts,
        };
        if handler.render_report(&mut out, &report).is_err() {
            return self.one_line_in(lang);
        }
        if let Some(help) = &texts.help {
            let prefix = format!("  {}: ", Msg::HelpPrefix.text(lang));
            let styled = help_style.style(&prefix).to_string();
            let indent = " ".repeat(textwrap::core::display_width(&prefix));
            let options = textwrap::Options::new(WIDTH - 2)
                .initial_indent(&styled)
                .subsequent_indent(&indent);
            out.push_str(&textwrap::fill(help, options));
            out.push('\n');
        }
        out
    }

    /// The serialisable form used by the browser overlay and `--format json`, in `lang`.
    pub fn to_record(&self, lang: Lang) -> DiagnosticRecord {
        let (line, column) = self.line_col().unwrap_or((0, 0));
        let Texts {
            message,
            label,
            help,
        } = self.texts(lang);
        DiagnosticRecord {
            severity: self.severity,
            code: self.code,
            message,
            file: self.path().map(|p| p.display().to_string()),
            line,
            column,
            label,
            help,
            rendered: self.render(lang, false),
        }
    }
}

/// The width miette wraps reports to.
pub(super) const WIDTH: usize = 100;

/// Whether reports on stderr get colour: only on a terminal, and never with `NO_COLOR` set
/// (<https://no-color.org>).
pub fn color_on_stderr() -> bool {
    use std::io::IsTerminal as _;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// A diagnostic as data: one line of `--format json`, and an entry of the serve overlay. The
/// texts are in the language of the run; `severity` and `code` never change with it.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticRecord {
    /// `error` or `warning`.
    pub severity: Severity,
    /// The stable code, e.g. `unknown-effect`.
    pub code: &'static str,
    pub message: String,
    /// Relative to the site root; `null` for problems without a file.
    pub file: Option<String>,
    /// 1-based, in characters; 0 when the problem has no position.
    pub line: usize,
    pub column: usize,
    /// The text under the caret.
    pub label: Option<String>,
    /// The hint.
    pub help: Option<String>,
    /// The whole terminal report without colour.
    pub rendered: String,
}

/// Adapter so miette can render our diagnostic, with its texts in one language and without the
/// hint (see [`Diagnostic::render`]).
pub(super) struct Report<'a> {
    pub(super) diagnostic: &'a Diagnostic,
    pub(super) texts: &'a Texts,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.texts.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("kennisbank::{}", self.diagnostic.code)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.diagnostic
            .location
            .as_ref()
            .map(|(file, _)| file as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (_, span) = self.diagnostic.location.as_ref()?;
        let span = SourceSpan::new(span.start.into(), span.len);
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            self.texts.label.clone(),
            span,
        ))))
    }
}
