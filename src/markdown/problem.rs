//! What a body gets wrong that only the Markdown reading can see: references that are not
//! references, comments left open, control characters. Reported by the check; rendering
//! tolerates each (shows the text as written, drops nothing an editor can see).

use std::ops::Range;

/// Something in a body that is almost certainly a mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte range in the body.
    pub span: Range<usize>,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// `[[rug-2017]]`: double brackets around something that is not `kind:key`. Shown as written.
    MissingKind { target: String },
    /// `[[]]`.
    EmptyReference,
    /// `[[bron:x` with no `]]` in the same paragraph, or a reference broken by Markdown inside it
    /// (`[[bron:x|[tekst](url)]]`). Shown as written.
    UnclosedReference,
    /// `<!--` without `-->`: everything after it would be a comment, so it is shown instead.
    UnclosedComment,
}

/// A control character in a body: NUL, the other C0 controls except tab and line ends, DEL, C1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Control {
    /// Byte offset in the body.
    pub offset: usize,
    pub char: char,
}

pub(crate) fn controls(body: &str) -> Vec<Control> {
    body.char_indices()
        .filter(|&(_, c)| super::label::is_control(c))
        .map(|(offset, char)| Control { offset, char })
        .collect()
}
