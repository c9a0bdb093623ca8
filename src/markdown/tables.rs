//! References with a label inside table rows: `| [[begrip:x|tekst]] | … |`.
//!
//! GFM splits a row at every unescaped `|` before it reads the cells' inline Markdown, so the
//! label's pipe cuts the reference in two and the row loses its last cell. Editors write
//! references this way (the former pre-parse substitution accepted it), and asking them for
//! `\|` inside a reference only in tables is a trap. So a body whose rows hold such a pipe is
//! read again with the pipe escaped in those rows, and every span is mapped back. Only rows
//! the first reading found are touched, and only between `[[kind:` and `]]`.

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

pub(crate) struct Repaired {
    pub text: String,
    /// Offsets in `text` of the inserted backslashes, ascending.
    pub inserted: Vec<usize>,
}

/// The body with the pipes inside references in table rows escaped, or `None` when no row has
/// one (nearly every body).
pub(crate) fn repair(body: &str, events: &[(Event<'_>, Range<usize>)]) -> Option<Repaired> {
    let mut pipes = Vec::new();
    for (event, range) in events {
        if matches!(event, Event::Start(Tag::TableHead | Tag::TableRow)) {
            pipes_in_references(body, range.clone(), &mut pipes);
        }
    }
    if pipes.is_empty() {
        return None;
    }
    let mut text = String::with_capacity(body.len() + pipes.len());
    let mut inserted = Vec::with_capacity(pipes.len());
    let mut last = 0;
    for at in pipes {
        text.push_str(&body[last..at]);
        inserted.push(text.len());
        text.push('\\');
        last = at;
    }
    text.push_str(&body[last..]);
    Some(Repaired { text, inserted })
}

fn pipes_in_references(body: &str, row: Range<usize>, pipes: &mut Vec<usize>) {
    let text = &body[row.clone()];
    let mut from = 0;
    while let Some(open) = text[from..].find("[[").map(|i| from + i) {
        let inner_start = open + 2;
        let Some(close) = text[inner_start..].find("]]").map(|i| inner_start + i) else {
            return;
        };
        let inner = &text[inner_start..close];
        let word = inner.bytes().take_while(u8::is_ascii_alphabetic).count();
        if word > 0 && inner.as_bytes().get(word) == Some(&b':') {
            for (i, b) in inner.bytes().enumerate() {
                if b == b'|' && (i == 0 || inner.as_bytes()[i - 1] != b'\\') {
                    pipes.push(row.start + inner_start + i);
                }
            }
        }
        from = close + 2;
    }
}
