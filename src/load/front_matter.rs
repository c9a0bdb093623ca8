//! Splitting a content file into YAML front matter and a Markdown body.
//!
//! Offsets stay relative to the whole file so that diagnostics point at the right line (the
//! mistake behind getzola/zola#1133 was counting lines from the front-matter slice).

use crate::diagnostics::{Diagnostic, SourceFile, Span};
use crate::i18n::Code;

/// The two parts of a content file, with where each starts in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Byte offset of `yaml` in the file text.
    pub yaml_offset: usize,
    pub body: &'a str,
    /// Byte offset of `body` in the file text.
    pub body_offset: usize,
}

/// Decodes a file's bytes as UTF-8 and removes a leading byte-order mark.
pub fn decode(path: &std::path::Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(text)
        }
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // Show the file up to the bad byte so the caret lands on it.
            let shown = String::from_utf8_lossy(&bytes[..valid]).into_owned() + "\u{fffd}";
            let file = SourceFile::new(path, shown);
            Err(Code::NotUtf8
                .error()
                .arg("offset", valid)
                .at(&file, Span::new(valid, '\u{fffd}'.len_utf8())))
        }
    }
}

/// NUL and the other control characters (tab and line ends aside) in a file's text: editors
/// cannot see them, so the first is reported at its place, with the lines of the others, and
/// each is replaced by spaces of its length (positions stay) so no later stage ever sees one.
/// One diagnostic per file: a file full of them (saved as UTF-16, say) is one mistake.
pub fn take_controls(path: &std::path::Path, text: &mut String) -> Option<Diagnostic> {
    let found: Vec<(usize, char)> = text
        .char_indices()
        .filter(|&(_, c)| crate::markdown::is_control(c))
        .collect();
    let &(first, char) = found.first()?;
    let mut cleaned = String::with_capacity(text.len());
    let mut last = 0;
    for &(at, c) in &found {
        cleaned.push_str(&text[last..at]);
        cleaned.extend(std::iter::repeat_n(' ', c.len_utf8()));
        last = at + c.len_utf8();
    }
    cleaned.push_str(&text[last..]);
    *text = cleaned;
    let file = SourceFile::new(path, text.as_str());
    let mut lines: Vec<usize> = file
        .lines_of(found[1..].iter().map(|&(at, _)| at))
        .collect();
    lines.dedup();
    let shown: Vec<String> = lines.iter().take(8).map(usize::to_string).collect();
    let more = if lines.len() > shown.len() {
        ", …"
    } else {
        ""
    };
    Some(
        Code::ControlCharacter
            .error()
            .arg("char", format!("U+{:04X}", u32::from(char)))
            .arg("more", found.len() - 1)
            .arg("lines", format!("{}{more}", shown.join(", ")))
            .at(&file, Span::new(first, char.len_utf8())),
    )
}

/// Splits `file` into front matter and body.
pub fn split(file: &SourceFile) -> Result<Split<'_>, Diagnostic> {
    let text: &str = &file.text;
    if text.trim().is_empty() {
        return Err(Code::EmptyFile.error().at(file, Span::new(0, 0)));
    }
    let mut lines = line_spans(text);
    let (first_start, first_end) = lines.next().unwrap_or((0, 0));
    if text[first_start..first_end].trim_end() != "---" {
        return Err(Code::MissingFrontMatter
            .error()
            .at(file, Span::new(first_start, first_end - first_start)));
    }
    let yaml_offset = next_line_start(text, first_end);
    for (start, end) in lines {
        if text[start..end].trim_end() == "---" {
            let body_offset = next_line_start(text, end);
            return Ok(Split {
                yaml: &text[yaml_offset..start],
                yaml_offset,
                body: &text[body_offset..],
                body_offset,
            });
        }
    }
    Err(Code::UnclosedFrontMatter
        .error()
        .at(file, Span::new(first_start, 3)))
}

/// (start, end) byte offsets of each line, without its line break.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_end = if text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        let item = (start, line_end);
        start = end + 1;
        Some(item)
    })
}

fn next_line_start(text: &str, line_end: usize) -> usize {
    match text[line_end..].find('\n') {
        Some(i) => line_end + i + 1,
        None => text.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("t.md", text)
    }

    #[test]
    fn splits_lf_and_crlf_files() {
        for text in [
            "---\ntitle: a\n---\nbody\n",
            "---\r\ntitle: a\r\n---\r\nbody\r\n",
        ] {
            let f = file(text);
            let s = split(&f).unwrap();
            assert_eq!(s.yaml.trim_end(), "title: a");
            assert_eq!(s.body.trim_end(), "body");
            assert_eq!(&text[s.body_offset..], s.body);
            assert_eq!(&text[s.yaml_offset..s.yaml_offset + 8], "title: a");
        }
    }

    #[test]
    fn empty_body_and_trailing_spaces_on_fences() {
        let f = file("---  \ntitle: a\n--- \n");
        let s = split(&f).unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.body, "");
    }

    #[test]
    fn errors_name_the_problem() {
        assert_eq!(split(&file("")).unwrap_err().code, "empty-file");
        assert_eq!(split(&file("  \n\n")).unwrap_err().code, "empty-file");
        assert_eq!(
            split(&file("title: a\n")).unwrap_err().code,
            "missing-front-matter"
        );
        let err = split(&file("---\ntitle: a\nbody\n")).unwrap_err();
        assert_eq!(err.code, "unclosed-front-matter");
        assert_eq!(err.line_col(), Some((1, 1)));
    }

    #[test]
    fn control_characters_are_one_error_and_never_stay() {
        let p = std::path::Path::new("x.md");
        let mut text = "---\ntitle: a\0b\n---\nTekst\u{85} \0\nnog\0\0\n".to_string();
        let len = text.len();
        let d = take_controls(p, &mut text).unwrap();
        assert_eq!(d.code, "control-character");
        assert_eq!(d.line_col(), Some((2, 9)));
        assert_eq!(text.len(), len);
        assert_eq!(text, "---\ntitle: a b\n---\nTekst    \nnog  \n");
        let mut clean = "---\ntitle: a\tb\r\n---\n".to_string();
        assert!(take_controls(p, &mut clean).is_none());
    }

    #[test]
    fn decode_strips_bom_and_rejects_latin1() {
        let p = std::path::Path::new("x.md");
        assert_eq!(decode(p, b"\xef\xbb\xbf---".to_vec()).unwrap(), "---");
        let err = decode(p, b"---\ntitle: caf\xe9\n---\n".to_vec()).unwrap_err();
        assert_eq!(err.code, "not-utf8");
        assert_eq!(err.line_col(), Some((2, 11)));
        // The caret covers the whole replacement character (found by fuzzing: a span of one
        // byte ended inside it).
        let (file, span) = err.location.as_ref().unwrap();
        assert_eq!(&file.text[span.start..span.start + span.len], "\u{fffd}");
    }
}
