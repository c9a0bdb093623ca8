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
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable code such as `unknown-effect`, so tests and editors can match on it.
    pub code: &'static str,
    pub message: String,
    /// The file and the span inside it; `None` for problems without a place (e.g. a missing folder).
    pub location: Option<(SourceFile, Span)>,
    /// A short text under the caret, e.g. "no effect has this key".
    pub label: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            location: None,
            label: None,
            help: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn at(mut self, file: &SourceFile, span: Span) -> Self {
        self.location = Some((file.clone(), span));
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
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

    /// A plain one-line form: `error[code]: path:line:col: message`.
    pub fn one_line(&self) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match (self.path(), self.line_col()) {
            (Some(path), Some((line, col))) => format!(
                "{severity}[{}]: {}:{line}:{col}: {}",
                self.code,
                path.display(),
                self.message
            ),
            _ => format!("{severity}[{}]: {}", self.code, self.message),
        }
    }

    /// The full report with source excerpt and caret, as printed in the terminal.
    pub fn render(&self, color: bool) -> String {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_context_lines(1)
            .with_width(100);
        let mut out = String::new();
        let report = Report(self);
        if handler.render_report(&mut out, &report).is_err() {
            out = self.one_line();
        }
        out
    }

    /// The serialisable form used by the browser overlay and `--format json`.
    pub fn to_record(&self) -> DiagnosticRecord {
        let (line, column) = self.line_col().unwrap_or((0, 0));
        DiagnosticRecord {
            severity: self.severity,
            code: self.code,
            message: self.message.clone(),
            file: self.path().map(|p| p.display().to_string()),
            line,
            column,
            label: self.label.clone(),
            help: self.help.clone(),
            rendered: self.render(false),
        }
    }
}

/// A diagnostic as data: for JSON output and the live-reload overlay.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticRecord {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub file: Option<String>,
    pub line: usize,
    pub column: usize,
    pub label: Option<String>,
    pub help: Option<String>,
    pub rendered: String,
}

/// Adapter so miette can render our diagnostic.
struct Report<'a>(&'a Diagnostic);

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("kennisbank::{}", self.0.code)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.0.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.0
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.0
            .location
            .as_ref()
            .map(|(file, _)| file as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (_, span) = self.0.location.as_ref()?;
        let span = SourceSpan::new(span.start.into(), span.len);
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            self.0.label.clone(),
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

/// A hint naming the closest valid value, or listing the allowed values when there are few.
pub fn suggest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
    what: &str,
) -> Option<String> {
    if let Some(best) = closest(input, candidates.clone()) {
        return Some(format!("did you mean `{best}`?"));
    }
    let all: Vec<&str> = candidates.into_iter().collect();
    match all.len() {
        0 => None,
        1..=12 => Some(format!(
            "valid {what}: {}",
            all.iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        n => Some(format!(
            "there are {n} valid {what}; see the list in the site's overview pages"
        )),
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
    fn suggest_finds_typos_and_lists_small_sets() {
        let keys = ["primair", "secundair", "tertiair"];
        assert_eq!(
            suggest("primiar", keys, "categories").as_deref(),
            Some("did you mean `primair`?")
        );
        assert_eq!(
            suggest("zzz", keys, "categories").as_deref(),
            Some("valid categories: `primair`, `secundair`, `tertiair`")
        );
    }

    #[test]
    fn rendered_report_names_file_line_and_column() {
        let file = SourceFile::new("content/effecten/a.md", "---\ncategory: primiar\n---\n");
        let d = Diagnostic::error("unknown-category", "unknown category `primiar`")
            .at(&file, Span::new(14, 7))
            .help("did you mean `primair`?");
        let text = d.render(false);
        assert!(text.contains("content/effecten/a.md:2:11"), "{text}");
        assert!(text.contains("did you mean `primair`?"), "{text}");
        assert_eq!(
            d.one_line(),
            "error[unknown-category]: content/effecten/a.md:2:11: unknown category `primiar`"
        );
    }

    #[test]
    fn rendered_column_counts_characters_as_line_col_does() {
        let text = "---\ntitle: T\n---\nÉén café [[bron:x]]\n";
        let file = SourceFile::new("content/paginas/t.md", text);
        let at = text.find("[[").unwrap();
        let d = Diagnostic::error("unknown-source", "no source `x`").at(&file, Span::new(at, 10));
        assert_eq!(d.line_col(), Some((4, 10)));
        let rendered = d.render(false);
        assert!(
            rendered.contains("content/paginas/t.md:4:10]"),
            "{rendered}"
        );
    }
}
