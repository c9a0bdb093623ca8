//! The `[[kind:key#fragment|label]]` references editors type, as pulldown-cmark's wiki links
//! deliver them, and what a caller hands back to finish one (its URL and default label).

use std::ops::Range;

/// One `[[kind:key#fragment|label]]` in a body.
///
/// The kind stays the word as written: which words name which record kinds is the graph's
/// table, so an unknown word (`bronn`) is kept here for the check to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WikiRef {
    /// Byte range of the whole `[[…]]` (with a leading `!` when written `![[…]]`) in the body.
    pub span: Range<usize>,
    /// The word before the colon, trimmed.
    pub kind_word: String,
    pub key: String,
    pub fragment: Option<String>,
    /// The text after `|`, trimmed, as written (still Markdown); `None` when absent or empty,
    /// so the target's title becomes the link text.
    pub label: Option<String>,
    /// Written `![[…]]`. Rendered as a plain link (a page is not an image).
    pub embed: bool,
}

/// What a resolved reference becomes: the caller's answer for one [`WikiRef`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Root-relative URL of the target page, without the reference's fragment.
    pub url: String,
    /// Link text when the reference has no label of its own (a title, a row's "1.1 …"): plain
    /// text, not Markdown.
    pub label: String,
}

impl Target {
    /// The `href` of a reference to this target: its URL plus the reference's fragment.
    pub(crate) fn href(&self, reference: &WikiRef) -> String {
        let mut url = self.url.clone();
        if let Some(fragment) = &reference.fragment {
            url.push('#');
            url.push_str(fragment);
        }
        // As the former Markdown substitution wrote it, so hrefs stay byte-identical.
        url.replace(' ', "%20").replace(')', "%29")
    }
}

/// `kind:key#fragment` split into its parts: `None` unless a non-empty ASCII word stands before
/// the first colon (the rule the references have always had).
pub(crate) fn split_target(dest: &str) -> Option<(&str, &str, Option<&str>)> {
    // `[[a\|b]]`, the pipe escaped as tables require, leaves the backslash on the target; a key
    // never ends in one.
    let dest = dest.strip_suffix('\\').unwrap_or(dest);
    let (kind_word, rest) = dest.split_once(':')?;
    let kind_word = kind_word.trim();
    if kind_word.is_empty() || !kind_word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    Some(match rest.split_once('#') {
        Some((key, fragment)) => (kind_word, key.trim(), Some(fragment.trim())),
        None => (kind_word, rest.trim(), None),
    })
}
