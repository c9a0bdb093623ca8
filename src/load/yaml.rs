//! YAML with positions: a small node tree built from yaml-rust2's event stream.
//!
//! serde_yaml gives typed records but no node positions, and it stops at the first problem. The
//! tree fills both gaps: it finds *every* duplicate and unknown key in a file, and it lets later
//! stages ask "where is `findings[2].effects[0]`?" to put a caret under a bad reference.

use serde::de::DeserializeOwned;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile, Span, suggest};

/// A YAML node and where it stands in the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Scalar { value: String, span: Span },
    Seq { items: Vec<Node>, span: Span },
    Map { entries: Vec<Entry>, span: Span },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

/// One step of a path into the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl Node {
    pub fn span(&self) -> Span {
        match self {
            Node::Scalar { span, .. } | Node::Seq { span, .. } | Node::Map { span, .. } => *span,
        }
    }

    /// The node at `path`, if it exists.
    pub fn get(&self, path: &[Step<'_>]) -> Option<&Node> {
        let Some((first, rest)) = path.split_first() else {
            return Some(self);
        };
        let child = match (self, first) {
            (Node::Map { entries, .. }, Step::Key(k)) => {
                entries.iter().find(|e| e.key == *k).map(|e| &e.value)
            }
            (Node::Seq { items, .. }, Step::Index(i)) => items.get(*i),
            _ => None,
        }?;
        child.get(rest)
    }

    /// The span of the node at `path`, or of its nearest existing ancestor.
    pub fn span_at(&self, path: &[Step<'_>]) -> Span {
        let mut node = self;
        for step in path {
            match node.get(std::slice::from_ref(step)) {
                Some(child) => node = child,
                None => break,
            }
        }
        node.span()
    }

    /// The span of a map key, for problems with the key itself.
    pub fn key_span(&self, key: &str) -> Option<Span> {
        match self {
            Node::Map { entries, .. } => entries.iter().find(|e| e.key == key).map(|e| e.key_span),
            _ => None,
        }
    }
}

/// The allowed keys of a mapping, and the shape of nested values worth checking.
pub enum Shape {
    /// Anything; types are checked by serde.
    Any,
    Map(&'static [(&'static str, Shape)]),
    ListOf(&'static Shape),
}

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
        return Err(Diagnostic::error(
            "yaml-syntax",
            format!("the front matter is not valid YAML: {}", err.info()),
        )
        .at(file, Span::new(at, 1))
        .help("check the indentation and quoting on this line; a value containing `: ` or starting with `[`, `{`, `*`, `&`, `!`, `%`, `@` or a backquote needs quotes"));
    }
    Ok(builder.root.unwrap_or(Node::Map {
        entries: Vec::new(),
        span: Span::new(offset, 0),
    }))
}

/// Reports duplicate keys and keys the shape does not allow, all of them.
pub fn check_keys(file: &SourceFile, node: &Node, shape: &Shape, diagnostics: &mut Diagnostics) {
    match (node, shape) {
        (Node::Map { entries, .. }, Shape::Map(allowed)) => {
            for (i, entry) in entries.iter().enumerate() {
                if let Some(first) = entries[..i].iter().find(|e| e.key == entry.key) {
                    let (line, _) = file.line_col(first.key_span.start);
                    diagnostics.push(
                        Diagnostic::error(
                            "duplicate-key",
                            format!("the key `{}` appears twice", entry.key),
                        )
                        .at(file, entry.key_span)
                        .label("second time here")
                        .help(format!("keep one of the two; the first is on line {line}")),
                    );
                    continue;
                }
                match allowed.iter().find(|(k, _)| *k == entry.key) {
                    Some((_, inner)) => check_keys(file, &entry.value, inner, diagnostics),
                    None => diagnostics.push(
                        Diagnostic::error("unknown-key", format!("unknown key `{}`", entry.key))
                            .at(file, entry.key_span)
                            .label("not a known field")
                            .help_opt(suggest(
                                &entry.key,
                                allowed.iter().map(|(k, _)| *k),
                                "keys here",
                            )),
                    ),
                }
            }
        }
        (Node::Seq { items, .. }, Shape::ListOf(inner)) => {
            for item in items {
                check_keys(file, item, inner, diagnostics);
            }
        }
        _ => {}
    }
}

/// Deserialises YAML into a typed record, turning serde_yaml's error into a diagnostic.
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
        let message = err.to_string();
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        let help = type_help(&message);
        Diagnostic::error("wrong-type", format!("in the front matter: {message}"))
            .at(file, Span::new(at, 1))
            .help_opt(help)
    })
}

fn type_help(message: &str) -> Option<String> {
    if message.contains("invalid type: map, expected a string") {
        Some("this text contains `: `, which YAML reads as a new field; put the whole text in double quotes".into())
    } else if message.contains("expected a sequence") {
        Some("this field takes a list: write `[a, b]` or one `- item` per line".into())
    } else if message.contains("expected a string") {
        Some(
            "this field takes text; put it in quotes if it looks like a number, date or list"
                .into(),
        )
    } else if message.contains("missing field") {
        Some("add the field to the front matter; content/README.md shows a complete example".into())
    } else if message.contains("expected i") || message.contains("expected u") {
        Some("this field takes a whole number, without quotes".into())
    } else if message.contains("expected a boolean") {
        Some("write `true` or `false`".into())
    } else {
        None
    }
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
                        Node::Scalar { value, span } => (value, span),
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
            Event::Scalar(value, style, _, _) => {
                let span = self.scalar_span(&value, style, &mark);
                let value =
                    if style == TScalarStyle::Plain && matches!(value.as_str(), "~" | "null") {
                        String::new()
                    } else {
                        value
                    };
                self.attach(Node::Scalar { value, span });
            }
            Event::Alias(_) => self.attach(Node::Scalar {
                value: String::new(),
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
    fn reports_every_unknown_and_duplicate_key() {
        static SHAPE: Shape = Shape::Map(&[("title", Shape::Any), ("summary", Shape::Any)]);
        let (file, node) = tree("titel: a\nsummary: b\nsumary: c\nsummary: d\n");
        let mut diagnostics = Diagnostics::new();
        check_keys(&file, &node, &SHAPE, &mut diagnostics);
        let codes: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.code, d.line_col().unwrap().0))
            .collect();
        assert_eq!(
            codes,
            [("unknown-key", 2), ("unknown-key", 4), ("duplicate-key", 5)]
        );
        let first = diagnostics.iter().next().unwrap();
        assert_eq!(first.help.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let file = SourceFile::new("t.md", "---\na: [b\nc: d\n---\n");
        let err = parse(&file, "a: [b\nc: d\n", 4).unwrap_err();
        assert_eq!(err.code, "yaml-syntax");
        assert_eq!(err.line_col().unwrap().0, 3);
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
        assert!(err.message.contains("tags"), "{}", err.message);
    }
}
