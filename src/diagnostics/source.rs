//! Where a diagnostic points: the file's text, shared by all its diagnostics, and a byte span in it;
//! positions are counted in characters, as editors count them.

use std::path::PathBuf;
use std::sync::Arc;

use miette::SourceSpan;

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
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = self.breaks(0, offset) + 1;
        let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }

    /// The 1-based lines of ascending byte offsets, counted in one pass over the text: a file
    /// with many marks to place (control characters in a file saved as UTF-16) stays linear.
    pub fn lines_of(
        &self,
        offsets: impl IntoIterator<Item = usize>,
    ) -> impl Iterator<Item = usize> {
        let (mut line, mut counted) = (1, 0);
        offsets.into_iter().map(move |offset| {
            let offset = offset.min(self.text.len());
            if offset > counted {
                line += self.breaks(counted, offset);
                counted = offset;
            }
            line
        })
    }

    /// Line breaks starting in `from..to`; a `\r` right before `\n` is one break with it.
    fn breaks(&self, from: usize, to: usize) -> usize {
        let bytes = self.text.as_bytes();
        (from..to)
            .filter(|&i| match bytes[i] {
                b'\n' => true,
                b'\r' => bytes.get(i + 1) != Some(&b'\n'),
                _ => false,
            })
            .count()
    }
}

pub(super) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
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
