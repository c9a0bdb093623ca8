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
                .at(&file, Span::new(valid, 1)))
        }
    }
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
    fn decode_strips_bom_and_rejects_latin1() {
        let p = std::path::Path::new("x.md");
        assert_eq!(decode(p, b"\xef\xbb\xbf---".to_vec()).unwrap(), "---");
        let err = decode(p, b"---\ntitle: caf\xe9\n---\n".to_vec()).unwrap_err();
        assert_eq!(err.code, "not-utf8");
        assert_eq!(err.line_col(), Some((2, 11)));
    }
}
