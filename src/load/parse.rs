//! One content file to one record: decode, split off the front matter, check it against the
//! kind's shape, type it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::cache::ParsedFile;
use super::{check, display, front_matter, yaml};
use crate::diagnostics::{Diagnostics, SourceFile, Span};
use crate::i18n::Code;
use crate::markdown;
use crate::model::{Doc, ForKind, Kind, Origin, Record, RecordData};
use crate::source::{Node, Shape, is_valid_key};

pub(super) fn parse_bytes(root: &Path, kind: Kind, path: &Path, bytes: Vec<u8>) -> ParsedFile {
    let shown = PathBuf::from(display(root, path));
    let (record, diagnostics) = match front_matter::decode(&shown, bytes) {
        Ok(text) => parse_file(kind, &shown, text),
        Err(d) => {
            let mut diagnostics = Diagnostics::new();
            diagnostics.push(d);
            (None, diagnostics)
        }
    };
    ParsedFile {
        record,
        diagnostics,
    }
}

/// Parses the text of a content file of `kind`, shown to editors as `path`: the record, if the
/// file could be typed, and every problem found in it.
fn parse_file(kind: Kind, path: &Path, mut text: String) -> (Option<Arc<dyn Record>>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    if let Some(d) = front_matter::take_controls(path, &mut text) {
        diagnostics.push(d);
    }
    let file = SourceFile::new(path, text);
    let record = kind.with(ParseRecord {
        file: &file,
        path,
        diagnostics: &mut diagnostics,
    });
    (record, diagnostics)
}

struct ParseRecord<'a> {
    file: &'a SourceFile,
    path: &'a Path,
    diagnostics: &'a mut Diagnostics,
}

impl ForKind for ParseRecord<'_> {
    type Output = Option<Arc<dyn Record>>;

    fn call<D: RecordData>(self) -> Self::Output {
        let ParseRecord {
            file,
            path,
            diagnostics,
        } = self;
        let split = match front_matter::split(file) {
            Ok(split) => split,
            Err(d) => {
                diagnostics.push(d);
                return None;
            }
        };
        let key = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_valid_key(&key) {
            diagnostics.push(
                Code::BadFileName
                    .error()
                    .arg("key", &key)
                    .arg("suggestion", slug::slugify(&key))
                    .at(file, Span::new(0, 3)),
            );
        }
        let shape = D::KIND.info().shape;
        let (data, tree) =
            typed_yaml::<D>(file, split.yaml, split.yaml_offset, shape, diagnostics)?;
        let origin = Origin {
            file: file.clone(),
            tree,
            body: split.body.to_string(),
            body_offset: split.body_offset,
            markdown: Arc::new(markdown::parse(split.body)),
        };
        Some(Arc::new(Doc { key, origin, data }))
    }
}

/// Parses YAML into a tree (for positions), checks it against `shape`, and types it.
pub(super) fn typed_yaml<T: DeserializeOwned>(
    file: &SourceFile,
    yaml_text: &str,
    offset: usize,
    shape: &Shape,
    diagnostics: &mut Diagnostics,
) -> Option<(T, Node)> {
    let tree = match yaml::parse(file, yaml_text, offset) {
        Ok(tree) => tree,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    if !matches!(tree, Node::Map { .. }) {
        diagnostics.push(Code::NotAMapping.error().at(file, tree.span()));
        return None;
    }
    if !check::check(file, &tree, shape, diagnostics) {
        return None;
    }
    match yaml::typed::<T>(file, yaml_text, offset) {
        Ok(data) => Some((data, tree)),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    }
}
