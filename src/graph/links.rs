//! The `[[kind:key#fragment|label]]` reference syntax editors type in Markdown bodies.
//!
//! One parser serves both the check (`graph`, which needs positions) and the renderer (which
//! swaps each reference for a link), so the two can never disagree about what a reference is.

use std::ops::Range;

use crate::model::Kind;

/// One `[[…]]` occurrence in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'a> {
    /// Byte range of the whole `[[…]]` in the text.
    pub range: Range<usize>,
    /// The word before the colon, as written.
    pub kind_word: &'a str,
    pub kind: Option<Kind>,
    pub key: &'a str,
    pub fragment: Option<&'a str>,
    pub label: Option<&'a str>,
}

/// Every reference in `text`, skipping fenced code blocks and inline code.
pub fn references(text: &str) -> Vec<Reference<'_>> {
    let mut found = Vec::new();
    let mut in_fence = false;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        } else if !in_fence {
            scan_line(line, line_start, &mut found);
        }
        line_start += line.len();
    }
    found
}

fn scan_line<'a>(line: &'a str, offset: usize, found: &mut Vec<Reference<'a>>) {
    let mut i = 0;
    let mut in_code = false;
    let bytes = line.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'`' {
            in_code = !in_code;
            i += 1;
            continue;
        }
        let end = (!in_code && bytes[i..].starts_with(b"[["))
            .then(|| line[i + 2..].find("]]"))
            .flatten();
        if let Some(end) = end {
            let inner = &line[i + 2..i + 2 + end];
            if let Some(reference) = parse_inner(inner, offset + i..offset + i + end + 4) {
                found.push(reference);
                i += end + 4;
                continue;
            }
        }
        i += 1;
    }
}

fn parse_inner(inner: &str, range: Range<usize>) -> Option<Reference<'_>> {
    let (target, label) = match inner.split_once('|') {
        Some((t, l)) => (t, Some(l.trim())),
        None => (inner, None),
    };
    let (kind_word, rest) = target.split_once(':')?;
    let kind_word = kind_word.trim();
    if kind_word.is_empty() || !kind_word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let (key, fragment) = match rest.split_once('#') {
        Some((k, f)) => (k.trim(), Some(f.trim())),
        None => (rest.trim(), None),
    };
    Some(Reference {
        range,
        kind_word,
        kind: Kind::from_word(kind_word),
        key,
        fragment,
        label: label.filter(|l| !l.is_empty()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_references_with_fragment_and_label() {
        let text = "Zie [[bron:rug-2017]] en [[waarde:1.1#randvoorwaarden|rij 1.1]].\n";
        let refs = references(text);
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].kind, Some(Kind::Source));
        assert_eq!(refs[0].key, "rug-2017");
        assert_eq!(&text[refs[0].range.clone()], "[[bron:rug-2017]]");
        assert_eq!(refs[1].kind, Some(Kind::Row));
        assert_eq!(refs[1].key, "1.1");
        assert_eq!(refs[1].fragment, Some("randvoorwaarden"));
        assert_eq!(refs[1].label, Some("rij 1.1"));
    }

    #[test]
    fn unknown_kind_is_kept_for_the_check() {
        let refs = references("[[bronn:rug-2017]]");
        assert_eq!(refs[0].kind, None);
        assert_eq!(refs[0].kind_word, "bronn");
    }

    #[test]
    fn code_is_not_scanned() {
        let text = "`[[bron:a]]`\n```\n[[bron:b]]\n```\n[[bron:c]] [[geen referentie]]\n";
        let keys: Vec<_> = references(text).iter().map(|r| r.key).collect();
        assert_eq!(keys, ["c"]);
    }
}
