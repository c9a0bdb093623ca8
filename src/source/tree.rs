//! A front-matter document as a tree of nodes, each with its span in the whole file.
//!
//! Values stay text as written: what a scalar means (text, number, date) is decided against a
//! [`crate::source::Shape`] by `load`, which alone knows YAML's rules.

use crate::diagnostics::Span;

/// A node and where it stands in the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Scalar {
        value: String,
        style: ScalarStyle,
        span: Span,
    },
    Seq {
        items: Vec<Node>,
        span: Span,
    },
    Map {
        entries: Vec<Entry>,
        span: Span,
    },
}

/// How a scalar was written, which decides what it can mean: only a plain scalar can be a number,
/// a boolean or empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarStyle {
    Plain,
    /// In single or double quotes: always text.
    Quoted,
    /// A `|` or `>` block: always text.
    Block,
    /// An alias (`*name`) or an explicitly tagged value (`!!str 5`): editors do not write these,
    /// so their meaning is left to the final typing.
    Other,
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

    /// A plain scalar YAML reads as "no value": empty, `~` or `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Node::Scalar { value, style: ScalarStyle::Plain, .. }
            if matches!(value.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }
}
