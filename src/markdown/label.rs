//! Writing a resolved reference: the link's opening tag and a target's title as link text,
//! through pulldown-cmark's own HTML writer so the markup is the body's markup.

use std::borrow::Cow;
use std::iter;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, html};

/// `<a href="…">` exactly as pulldown-cmark writes a link.
pub(crate) fn open_link(out: &mut String, href: &str) {
    open_link_titled(out, href, "");
}

/// `<a href="…" title="…">` (no title attribute when `title` is empty).
pub(crate) fn open_link_titled(out: &mut String, href: &str, title: &str) {
    let start = Event::Start(Tag::Link {
        link_type: LinkType::Inline,
        dest_url: CowStr::from(href),
        title: CowStr::from(title),
        id: CowStr::from(""),
    });
    html::push_html(out, iter::once(start));
}

/// `text` escaped as pulldown-cmark escapes body text.
pub(crate) fn push_text_html(out: &mut String, text: &str) {
    html::push_html(out, iter::once(Event::Text(CowStr::from(text))));
}

/// A title with the body's typography (curly quotes, en and em dashes, ellipsis), as it reads
/// when it stands in running text. Everything else stays as written: a title is text, not
/// Markdown.
pub(crate) fn typographic(text: &str) -> Cow<'_, str> {
    if !(text.contains(['\'', '"']) || text.contains("--") || text.contains("...")) {
        return Cow::Borrowed(text);
    }
    // pulldown-cmark decides which way a quote curls from its neighbours; between brackets it
    // sees what it saw when a reference became `[title](url)` in the body.
    let mut source = String::with_capacity(text.len() * 2 + 2);
    source.push('[');
    for c in text.chars() {
        if c.is_ascii_punctuation() && !matches!(c, '\'' | '"' | '-' | '.') {
            source.push('\\');
        }
        source.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    source.push(']');
    let mut out = String::with_capacity(text.len() + 8);
    for event in Parser::new_ext(&source, Options::ENABLE_SMART_PUNCTUATION) {
        if let Event::Text(t) = event {
            out.push_str(&t);
        }
    }
    let out = out.strip_prefix('[').unwrap_or(&out);
    let out = out.strip_suffix(']').unwrap_or(out);
    Cow::Owned(out.to_string())
}

/// NUL and the other control characters (tab and line ends aside) never reach a page or the
/// search index: each becomes U+FFFD, as CommonMark asks for NUL. The check reports them where
/// they stand.
pub(crate) fn without_controls(text: String) -> String {
    // Bytes first: every control character starts with a byte below 0x20, 0x7F or 0xC2 (C1).
    let suspect =
        |&b: &u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') || b == 0x7f || b == 0xc2;
    if !text.as_bytes().iter().any(suspect) || !text.chars().any(is_control) {
        return text;
    }
    text.chars()
        .map(|c| if is_control(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
pub fn is_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || ('\u{7f}'..='\u{9f}').contains(&c)
}
