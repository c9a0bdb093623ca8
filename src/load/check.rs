//! Checking a front-matter tree against its shape ([`crate::model::schema`]), before the final
//! typing: every duplicate key, unknown key, missing field and value of the wrong type, each at
//! its own span and with a hint that names the fix.
//!
//! What a scalar can be follows YAML 1.2's core schema, the rules serde_yaml types by: only a
//! plain scalar is a number, a boolean or empty; quoted and block scalars are always text. The
//! test at the bottom keeps this check and the typing in agreement, field by field.

use crate::diagnostics::{Diagnostics, SourceFile, closest, suggestion};
use crate::i18n::{Code, Msg};
use crate::model::PartialDate;
use crate::source::{Entry, Node, ScalarStyle, Shape, Step};

/// What a value should have been, as the `$expected` of `wrong-type`.
#[derive(Clone, Copy)]
enum Expected {
    Text,
    Number,
    Bool,
    Date,
    List,
    Fields,
}

impl Expected {
    fn key(self) -> &'static str {
        match self {
            Expected::Text => "text",
            Expected::Number => "number",
            Expected::Bool => "bool",
            Expected::Date => "date",
            Expected::List => "list",
            Expected::Fields => "fields",
        }
    }
}

/// Checks `tree` against `shape` and reports every problem. Returns whether the tree can be
/// typed: unknown keys are reported but do not stop it (the typing ignores them, so references
/// in the rest of the file still count); duplicate keys and wrong values do.
pub fn check(file: &SourceFile, tree: &Node, shape: &Shape, diagnostics: &mut Diagnostics) -> bool {
    let mut checker = Checker {
        file,
        diagnostics,
        typable: true,
        path: Vec::new(),
    };
    checker.value(tree, shape);
    checker.typable
}

struct Checker<'a, 't> {
    file: &'a SourceFile,
    diagnostics: &'a mut Diagnostics,
    typable: bool,
    /// Where in the tree the checker is, for messages: `findings[0].effects`.
    path: Vec<Step<'t>>,
}

impl<'t> Checker<'_, 't> {
    fn value(&mut self, node: &'t Node, shape: &Shape) {
        match (shape, node) {
            (Shape::Any, _) => {}
            (
                _,
                Node::Scalar {
                    style: ScalarStyle::Other,
                    ..
                },
            ) => {}
            (Shape::Text, Node::Scalar { .. }) => {}
            (Shape::Text, Node::Map { .. }) => self.wrong(node, Expected::Text, Msg::HintColon),
            (Shape::Text, Node::Seq { .. }) => self.wrong(node, Expected::Text, Msg::HintText),
            (Shape::Integer, _) if plain(node).and_then(yaml_int).is_some() => {}
            (Shape::Integer, _) => self.wrong(node, Expected::Number, Msg::HintNumber),
            (Shape::Bool, _) if plain(node).is_some_and(is_yaml_bool) => {}
            (Shape::Bool, _) => self.wrong(node, Expected::Bool, Msg::HintBool),
            (Shape::Date, Node::Scalar { value, .. }) => self.date(node, value),
            (Shape::Date, _) => self.wrong(node, Expected::Date, Msg::HintDate),
            (Shape::List(item), Node::Seq { items, .. }) => {
                for (i, child) in items.iter().enumerate() {
                    self.path.push(Step::Index(i));
                    self.value(child, item);
                    self.path.pop();
                }
            }
            (Shape::List(_), _) if plain(node) == Some("") => {}
            (Shape::List(_), _) => self.wrong(node, Expected::List, Msg::HintList),
            (Shape::Map(_), Node::Map { entries, .. }) => self.map(node, entries, shape),
            (Shape::Map(_), _) if plain(node) == Some("") => self.map(node, &[], shape),
            (Shape::Map(_), _) => self.wrong(node, Expected::Fields, Msg::HintFields),
        }
    }

    fn map(&mut self, node: &'t Node, entries: &'t [Entry], shape: &Shape) {
        let fields = shape.fields();
        // The fields unknown keys look like: a typo in a required key is one mistake, reported
        // at the typo ("did you mean"), not also as the field missing.
        let mut meant: Vec<&str> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            if let Some(first) = entries[..i].iter().find(|e| e.key == entry.key) {
                let (line, _) = self.file.line_col(first.key_span.start);
                self.typable = false;
                self.diagnostics.push(
                    Code::DuplicateKey
                        .error()
                        .arg("key", &entry.key)
                        .arg("line", line)
                        .at(self.file, entry.key_span),
                );
                continue;
            }
            let Some(field) = fields.iter().find(|f| f.key == entry.key) else {
                let keys = fields.iter().map(|f| f.key);
                meant.extend(closest(&entry.key, keys.clone()));
                self.diagnostics.push(
                    Code::UnknownKey
                        .error()
                        .arg("key", &entry.key)
                        .at(self.file, entry.key_span)
                        .suggest(suggestion(&entry.key, keys, Msg::FieldsHere)),
                );
                continue;
            };
            if field.nullable && entry.value.is_null() {
                continue;
            }
            self.path.push(Step::Key(&entry.key));
            self.value(&entry.value, &field.shape);
            self.path.pop();
        }
        for field in fields.iter().filter(|f| f.required) {
            if !entries.iter().any(|e| e.key == field.key) {
                self.typable = false;
                if meant.contains(&field.key) {
                    continue;
                }
                let diagnostic = match self.path_text() {
                    Some(path) => Code::WrongType
                        .error()
                        .arg("problem", "missing-in")
                        .arg("path", path),
                    None => Code::WrongType.error().arg("problem", "missing"),
                };
                self.diagnostics.push(
                    diagnostic
                        .arg("field", field.key)
                        .at(self.file, node.span())
                        .help(Msg::HintMissing),
                );
            }
        }
    }

    fn date(&mut self, node: &Node, value: &str) {
        // YAML reads `2018` as a number; its digits are the year.
        let text = match plain(node).and_then(yaml_int) {
            Some(year) => year.to_string(),
            None => value.to_string(),
        };
        if PartialDate::parse(&text).is_none() {
            self.typable = false;
            self.diagnostics.push(
                Code::BadDate
                    .error()
                    .arg("text", text)
                    .at(self.file, node.span()),
            );
        }
    }

    fn wrong(&mut self, node: &Node, expected: Expected, hint: Msg) {
        self.typable = false;
        let (found, value) = match node {
            Node::Scalar { value, .. } if value.is_empty() => ("empty", ""),
            Node::Scalar { value, .. } => ("value", value.as_str()),
            Node::Seq { .. } => ("list", ""),
            Node::Map { .. } => ("fields", ""),
        };
        let diagnostic = match self.path_text() {
            Some(path) => Code::WrongType.error().arg("what", format!("`{path}`")),
            None => Code::WrongType.error().arg("what", Msg::ThisValue),
        };
        self.diagnostics.push(
            diagnostic
                .arg("problem", "value")
                .arg("expected", expected.key())
                .arg("found", found)
                .arg("value", value)
                .at(self.file, node.span())
                .help(hint),
        );
    }

    fn path_text(&self) -> Option<String> {
        let mut text = String::new();
        for step in &self.path {
            match step {
                Step::Key(key) if text.is_empty() => text.push_str(key),
                Step::Key(key) => {
                    text.push('.');
                    text.push_str(key);
                }
                Step::Index(i) => text.push_str(&format!("[{i}]")),
            }
        }
        (!text.is_empty()).then_some(text)
    }
}

/// The text of a plain scalar: the only kind that can be a number, a boolean or empty.
fn plain(node: &Node) -> Option<&str> {
    match node {
        Node::Scalar {
            value,
            style: ScalarStyle::Plain,
            ..
        } => Some(value),
        _ => None,
    }
}

/// A YAML 1.2 integer: decimal without leading zeros, or `0x`, `0o`, `0b`, with an optional sign.
fn yaml_int(text: &str) -> Option<i128> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) = [("0x", 16), ("0o", 8), ("0b", 2)]
        .into_iter()
        .find_map(|(prefix, radix)| unsigned.strip_prefix(prefix).map(|d| (radix, d)))
        .unwrap_or((10, unsigned));
    // `007` is text to YAML 1.2, not seven.
    let leading_zero = radix == 10 && digits.len() > 1 && digits.starts_with('0');
    if digits.is_empty() || digits.starts_with(['+', '-']) || leading_zero {
        return None;
    }
    let value = i128::from_str_radix(digits, radix).ok()?;
    Some(if negative { -value } else { value })
}

fn is_yaml_bool(text: &str) -> bool {
    matches!(text, "true" | "True" | "TRUE" | "false" | "False" | "FALSE")
}

#[cfg(test)]
mod tests;
