//! One diagnostic type for every problem found in content or themes, and its rendering.
//!
//! Every stage pushes into a [`Diagnostics`] collection instead of returning early, so a run reports
//! all mistakes at once. Spans are byte offsets into the *whole file* (never into the front-matter
//! slice: see getzola/zola#1133), and `miette` turns them into `file:line:col` with a caret.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};
use serde::Serialize;

use crate::i18n::{Arg, Code, Lang, Message, Msg};

/// How bad a problem is. Errors stop the build; warnings are reported and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// The text of a file a diagnostic points into, shared between all diagnostics of that file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, as the user should see it.
    pub path: PathBuf,
    pub text: Arc<str>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset. Lines end in `\n`, `\r\n` or a
    /// lone `\r`, as in editors and in miette's rendering.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(&self.text, offset)];
        let lone_cr = before
            .match_indices('\r')
            .filter(|(i, _)| self.text.as_bytes().get(i + 1) != Some(&b'\n'));
        let line = before.matches('\n').count() + lone_cr.count() + 1;
        let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A byte range in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub len: usize,
}

impl Span {
    pub fn new(start: usize, len: usize) -> Self {
        Span { start, len }
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
const WIDTH: usize = 100;

impl Severity {
    /// `error` or `warning`: the value in JSON, and the key the catalogue's `severity` selects on.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
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
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    texts: &'a Texts,
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

impl miette::SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let contents = (*self.text).read_span(span, context_lines_before, context_lines_after)?;
        // miette counts the column in bytes (it is set only without context lines, for the
        // `file:line:col` header); editors, `line_col` and the JSON count characters.
        let column = if context_lines_before == 0 {
            self.line_col(span.offset()).1 - 1
        } else {
            contents.column()
        };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.path.display().to_string(),
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
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

/// The closest candidate to a mistyped name, if one is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(input, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A hint naming the closest valid value, or listing the allowed values when there are few:
/// [`Msg::DidYouMean`], [`Msg::ValidValues`] or [`Msg::ManyValidValues`]. `what` names the values
/// in the plural (a [`Msg`], so it reads in the language of the hint).
pub fn suggestion<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
    what: impl Into<Arg>,
) -> Option<Message> {
    if let Some(best) = closest(input, candidates.clone()) {
        return Some(Msg::DidYouMean.with("suggestion", best));
    }
    let all: Vec<&str> = candidates.into_iter().collect();
    match all.len() {
        0 => None,
        1..=12 => Some(
            Msg::ValidValues.with("what", what).with(
                "list",
                all.iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ),
        n => Some(Msg::ManyValidValues.with("what", what).with("count", n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("x.md", "é: a\nkey: é b\n");
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(4), (1, 4));
        let b = file.text.find(" b").unwrap() + 1;
        assert_eq!(file.line_col(b), (2, 8));
        let crlf = SourceFile::new("x.md", "a\r\nb\rc");
        assert_eq!(crlf.line_col(3), (2, 1));
        assert_eq!(crlf.line_col(5), (3, 1));
    }

    #[test]
    fn suggestion_reads_in_the_language_of_the_hint() {
        let keys = ["primair", "secundair", "tertiair"];
        let typo = suggestion("primiar", keys, "categories").unwrap();
        assert_eq!(typo.text(Lang::Nl), "Bedoel je `primair`?");
        assert_eq!(typo.text(Lang::En), "did you mean `primair`?");
        let list = suggestion("zzz", keys, "categorieën").unwrap();
        assert_eq!(
            list.text(Lang::Nl),
            "Geldige categorieën: `primair`, `secundair`, `tertiair`."
        );
    }

    fn unclosed() -> Diagnostic {
        let file = SourceFile::new("content/begrippen/a.md", "---\ntitle: A\n");
        Code::UnclosedFrontMatter.error().at(&file, Span::new(0, 3))
    }

    #[test]
    fn a_code_brings_its_message_label_and_hint_in_either_language() {
        let d = unclosed();
        let nl = d.texts(Lang::Nl);
        assert_eq!(nl.message, "De front matter wordt nergens afgesloten.");
        assert_eq!(nl.label.as_deref(), Some("hier geopend"));
        assert!(nl.help.unwrap().starts_with("Zet na het laatste veld"));
        let en = d.texts(Lang::En);
        assert_eq!(en.message, "the front matter is never closed");
        assert_eq!(en.label.as_deref(), Some("opened here"));

        let rendered = d.render(Lang::Nl, false);
        assert!(
            rendered.contains("kennisbank::unclosed-front-matter"),
            "{rendered}"
        );
        assert!(
            rendered.contains("content/begrippen/a.md:1:1"),
            "{rendered}"
        );
        assert!(
            rendered.contains("  tip: Zet na het laatste veld"),
            "{rendered}"
        );
        assert!(!rendered.contains("help:"), "{rendered}");
        assert!(d.render(Lang::En, false).contains("  help: add a line"));
        assert_eq!(
            d.one_line_in(Lang::Nl),
            "fout[unclosed-front-matter]: content/begrippen/a.md:1:1: De front matter wordt nergens afgesloten."
        );
        assert_eq!(
            d.one_line_in(Lang::En),
            "error[unclosed-front-matter]: content/begrippen/a.md:1:1: the front matter is never closed"
        );
    }

    #[test]
    fn a_suggestion_comes_before_the_hint_and_a_given_hint_replaces_it() {
        let d = unclosed().suggest(Some(Msg::DidYouMean.with("suggestion", "x")));
        let help = d.texts(Lang::Nl).help.unwrap();
        assert!(
            help.starts_with("Bedoel je `x`? Zet na het laatste veld"),
            "{help}"
        );
        let d = unclosed().help(Msg::DidYouMean.with("suggestion", "y"));
        assert_eq!(d.texts(Lang::En).help.as_deref(), Some("did you mean `y`?"));
    }

    /// The hint is wrapped by our code, not by miette (which would print `help:`): for English,
    /// the report must be exactly the one miette makes itself, long hints and colour included.
    #[test]
    fn the_hint_is_laid_out_as_miette_lays_it_out() {
        struct WithHelp<'a>(Report<'a>, &'a str);
        impl fmt::Debug for WithHelp<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }
        impl fmt::Display for WithHelp<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
        impl std::error::Error for WithHelp<'_> {}
        impl miette::Diagnostic for WithHelp<'_> {
            fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
                self.0.code()
            }
            fn severity(&self) -> Option<miette::Severity> {
                self.0.severity()
            }
            fn source_code(&self) -> Option<&dyn miette::SourceCode> {
                self.0.source_code()
            }
            fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
                self.0.labels()
            }
            fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
                Some(Box::new(self.1))
            }
        }
        // The longest hint of the catalogue wraps over several lines.
        let file = SourceFile::new("content/bronnen/a.md", "---\nurl: https://a.test/\n---\n");
        let d = Code::ExternalRefused
            .warning()
            .arg("url", "https://a.test/")
            .arg("status", "403 Forbidden")
            .at(&file, Span::new(9, 15));
        for color in [false, true] {
            let ours = d.render(Lang::En, color);
            let theme = if color {
                GraphicalTheme::unicode()
            } else {
                GraphicalTheme::unicode_nocolor()
            };
            let texts = d.texts(Lang::En);
            let theirs = {
                let mut out = String::new();
                let report = WithHelp(
                    Report {
                        diagnostic: &d,
                        texts: &texts,
                    },
                    texts.help.as_deref().unwrap(),
                );
                GraphicalReportHandler::new_themed(theme)
                    .with_context_lines(1)
                    .with_width(WIDTH)
                    .render_report(&mut out, &report)
                    .unwrap();
                out
            };
            assert_eq!(ours, theirs);
            let hint = ours.lines().skip_while(|l| !l.contains("help:")).count();
            assert!(hint > 1, "the hint wraps: {ours}");
        }
    }

    #[test]
    fn rendered_report_names_file_line_and_column() {
        let file = SourceFile::new("content/effecten/a.md", "---\ncategory: primiar\n---\n");
        let d = Code::UnknownCategory
            .error()
            .arg("value", "primiar")
            .at(&file, Span::new(14, 7))
            .suggest(suggestion("primiar", ["primair"], Msg::KeysCategory));
        let text = d.render(Lang::En, false);
        assert!(text.contains("content/effecten/a.md:2:11"), "{text}");
        assert!(text.contains("did you mean `primair`?"), "{text}");
        assert_eq!(
            d.one_line_in(Lang::En),
            "error[unknown-category]: content/effecten/a.md:2:11: unknown category `primiar`"
        );
    }

    #[test]
    fn rendered_column_counts_characters_as_line_col_does() {
        let text = "---\ntitle: T\n---\nÉén café [[bron:x]]\n";
        let file = SourceFile::new("content/paginas/t.md", text);
        let at = text.find("[[").unwrap();
        let d = Code::UnknownSource
            .error()
            .arg("key", "x")
            .at(&file, Span::new(at, 10));
        assert_eq!(d.line_col(), Some((4, 10)));
        let rendered = d.render(Lang::En, false);
        assert!(
            rendered.contains("content/paginas/t.md:4:10]"),
            "{rendered}"
        );
    }
}
