//! YAML with positions: the front-matter tree ([`crate::source::Node`]) built from yaml-rust2's
//! event stream, and the final typing of a checked tree with serde_yaml.
//!
//! serde_yaml gives typed records but no node positions, and it stops at the first problem. The
//! tree fills both gaps: `check` finds *every* duplicate key, unknown key and wrong value in a file
//! against its shape, each at its own span, so serde only types what is known to fit.

use serde::de::DeserializeOwned;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::diagnostics::{Diagnostic, SourceFile, Span};
use crate::i18n::Code;
use crate::source::{Entry, Node, ScalarStyle};

/// Parses YAML text that starts at byte `offset` of `file` into a node tree.
/// An empty document becomes an empty mapping.
pub fn parse(file: &SourceFile, yaml: &str, offset: usize) -> Result<Node, Diagnostic> {
    let lines = LineIndex::new(yaml, offset);
    let mut builder = TreeBuilder {
        lines: &lines,
        yaml,
        stack: Vec::new(),
        root: None,
    };
    let mut parser = Parser::new_from_str(yaml);
    if let Err(err) = parser.load(&mut builder, false) {
        let marker = err.marker();
        let at = lines.offset(marker.line(), marker.col());
        return Err(Code::YamlSyntax
            .error()
            .arg("reason", err.info())
            .at(file, Span::new(at, 1)));
    }
    Ok(builder.root.unwrap_or(Node::Map {
        entries: Vec::new(),
        span: Span::new(offset, 0),
    }))
}

/// Deserialises YAML into a typed record. The tree was checked against the record's shape first,
/// so an error here means the shape and the struct disagree: it is reported as it is, without a
/// hint (the schema test in `check` keeps the two in step).
pub fn typed<T: DeserializeOwned>(
    file: &SourceFile,
    yaml: &str,
    offset: usize,
) -> Result<T, Diagnostic> {
    // An empty front matter is an empty mapping, so that "missing field" errors name the field.
    let yaml = if yaml.trim().is_empty() { "{}" } else { yaml };
    serde_yaml::from_str(yaml).map_err(|err| {
        let lines = LineIndex::new(yaml, offset);
        let at = err.location().map_or(offset, |loc| {
            lines.offset(loc.line(), loc.column().saturating_sub(1))
        });
        // The location is shown by the caret; serde_yaml appends it to its message as well.
        let message = err.to_string();
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        Code::WrongType
            .error()
            .arg("problem", "typing")
            .arg("reason", message)
            .at(file, Span::new(at, 1))
    })
}

/// Maps yaml (line, column) positions to byte offsets in the file.
struct LineIndex<'a> {
    yaml: &'a str,
    offset: usize,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(yaml: &'a str, offset: usize) -> Self {
        let mut starts = vec![0];
        starts.extend(yaml.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            yaml,
            offset,
            starts,
        }
    }

    /// `line` is 1-based, `col` a 0-based count of characters.
    fn offset(&self, line: usize, col: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.offset + self.yaml.len();
        };
        let rest = &self.yaml[start..];
        let within = rest.char_indices().nth(col).map_or(rest.len(), |(i, _)| i);
        self.offset + start + within
    }

    fn marker_offset(&self, mark: &Marker) -> usize {
        self.offset(mark.line(), mark.col())
    }
}

struct TreeBuilder<'a> {
    lines: &'a LineIndex<'a>,
    yaml: &'a str,
    stack: Vec<Frame>,
    root: Option<Node>,
}

enum Frame {
    Seq {
        items: Vec<Node>,
        start: usize,
    },
    Map {
        entries: Vec<Entry>,
        pending_key: Option<(String, Span)>,
        start: usize,
    },
}

impl TreeBuilder<'_> {
    fn attach(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                pending_key,
                ..
            }) => match pending_key.take() {
                None => {
                    let (key, key_span) = match node {
                        Node::Scalar { value, span, .. } => (value, span),
                        other => ("<complex key>".to_string(), other.span()),
                    };
                    *pending_key = Some((key, key_span));
                }
                Some((key, key_span)) => entries.push(Entry {
                    key,
                    key_span,
                    value: node,
                }),
            },
        }
    }

    fn scalar_span(&self, value: &str, style: TScalarStyle, mark: &Marker) -> Span {
        let start = self.lines.marker_offset(mark);
        let line_end = self.yaml[start.saturating_sub(self.lines.offset).min(self.yaml.len())..]
            .find('\n')
            .map_or(self.yaml.len(), |i| i + start - self.lines.offset);
        let available = (line_end + self.lines.offset).saturating_sub(start);
        let len = match style {
            TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => value.len() + 2,
            TScalarStyle::Literal | TScalarStyle::Folded => {
                value.lines().next().map_or(0, str::len)
            }
            _ => value.len(),
        };
        Span::new(start, len.min(available).max(1))
    }
}

impl MarkedEventReceiver for TreeBuilder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let at = self.lines.marker_offset(&mark);
        match event {
            Event::Scalar(value, written, _, tag) => {
                let span = self.scalar_span(&value, written, &mark);
                let style = match written {
                    _ if tag.is_some() => ScalarStyle::Other,
                    TScalarStyle::Plain => ScalarStyle::Plain,
                    TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => ScalarStyle::Quoted,
                    _ => ScalarStyle::Block,
                };
                self.attach(Node::Scalar { value, style, span });
            }
            Event::Alias(_) => self.attach(Node::Scalar {
                value: String::new(),
                style: ScalarStyle::Other,
                span: Span::new(at, 1),
            }),
            Event::SequenceStart(..) => self.stack.push(Frame::Seq {
                items: Vec::new(),
                start: at,
            }),
            Event::MappingStart(..) => self.stack.push(Frame::Map {
                entries: Vec::new(),
                pending_key: None,
                start: at,
            }),
            Event::SequenceEnd => {
                if let Some(Frame::Seq { items, start }) = self.stack.pop() {
                    let span = Span::new(start, at.saturating_sub(start).max(1));
                    self.attach(Node::Seq { items, span });
                }
            }
            Event::MappingEnd => {
                if let Some(Frame::Map { entries, start, .. }) = self.stack.pop() {
                    // yaml-rust2 marks a block mapping where its first `:` is; it starts at its
                    // first key.
                    let start = entries
                        .first()
                        .map_or(start, |e| e.key_span.start.min(start));
                    let span = Span::new(start, at.saturating_sub(start).max(1));
                    self.attach(Node::Map { entries, span });
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Step;

    fn tree(text: &str) -> (SourceFile, Node) {
        let file = SourceFile::new("t.md", format!("---\n{text}---\n"));
        let node = parse(&file, text, 4).unwrap();
        (file, node)
    }

    #[test]
    fn spans_point_into_the_whole_file() {
        let (file, node) = tree("title: Één\nfindings:\n  - text: a\n    effects: [x, yy]\n");
        let span = node.span_at(&[
            Step::Key("findings"),
            Step::Index(0),
            Step::Key("effects"),
            Step::Index(1),
        ]);
        assert_eq!(&file.text[span.start..span.start + span.len], "yy");
        assert_eq!(file.line_col(span.start), (5, 18));
        let title = node.span_at(&[Step::Key("title")]);
        assert_eq!(&file.text[title.start..title.start + title.len], "Één");
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let file = SourceFile::new("t.md", "---\na: [b\nc: d\n---\n");
        let err = parse(&file, "a: [b\nc: d\n", 4).unwrap_err();
        assert_eq!(err.code, "yaml-syntax");
        assert_eq!(err.line_col().unwrap().0, 3);
    }

    #[test]
    fn a_syntax_error_at_a_curly_quote_covers_the_whole_character() {
        // Found by fuzzing: the caret was one byte, ending inside `‘`.
        let yaml = "title: a\nin de rubriek\n‘Inspiratie’ over ([[be  - text: tie]]).\nkind: b\n";
        let file = SourceFile::new("t.md", format!("---\n{yaml}---\n"));
        let err = parse(&file, yaml, 4).unwrap_err();
        let (file, span) = err.location.as_ref().unwrap();
        let under = &file.text[span.start..span.start + span.len];
        assert!(!under.is_empty(), "{span:?}");
    }

    #[test]
    fn typed_errors_point_at_the_value() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            title: String,
            tags: Vec<String>,
        }
        let file = SourceFile::new("t.md", "---\ntitle: a\ntags: nope\n---\n");
        let err = typed::<T>(&file, "title: a\ntags: nope\n", 4).unwrap_err();
        assert_eq!(err.code, "wrong-type");
        assert_eq!(err.line_col(), Some((3, 7)));
        let message = err.texts(crate::i18n::Lang::En).message;
        assert!(message.contains("tags"), "{message}");
    }
}
