//! Parsed content files kept between loads (by `serve`), each under its path with the hash of the
//! bytes it was parsed from.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::display;
use super::parse::parse_bytes;
use crate::diagnostics::Diagnostics;
use crate::i18n::Code;
use crate::model::{Kind, Record};

/// What one content file gave: its record, if it parsed, and its problems.
#[derive(Clone)]
pub(super) struct ParsedFile {
    pub record: Option<Arc<dyn Record>>,
    pub diagnostics: Diagnostics,
}

/// Parsed files by path; see [`super::load_cached`].
#[derive(Default)]
pub struct LoadCache {
    files: HashMap<PathBuf, CachedFile>,
}

struct CachedFile {
    hash: [u8; 32],
    parsed: ParsedFile,
}

/// Where a file's result came from, and so what to remember of it.
enum Fresh {
    Cached,
    Parsed([u8; 32]),
    /// The file could not be read: nothing to remember.
    Unreadable,
}

impl LoadCache {
    /// Every file of `files`, in order: from the cache when `changed` does not name it (or a folder
    /// above it), or when its bytes hash as before; parsed otherwise. Files that are gone drop out
    /// of the cache; parsed ones replace their entry.
    pub(super) fn refresh(
        &mut self,
        root: &Path,
        files: &[(Kind, PathBuf)],
        changed: Option<&HashSet<PathBuf>>,
    ) -> Vec<ParsedFile> {
        let results: Vec<(ParsedFile, Fresh)> = files
            .par_iter()
            .map(|(kind, path)| self.get(root, *kind, path, changed))
            .collect();
        let mut kept = HashMap::with_capacity(files.len());
        let mut parsed = Vec::with_capacity(files.len());
        for ((_, path), (file, fresh)) in files.iter().zip(results) {
            let entry = match fresh {
                Fresh::Cached => self.files.remove(path),
                Fresh::Parsed(hash) => Some(CachedFile {
                    hash,
                    parsed: file.clone(),
                }),
                Fresh::Unreadable => None,
            };
            if let Some(entry) = entry {
                kept.insert(path.clone(), entry);
            }
            parsed.push(file);
        }
        self.files = kept;
        parsed
    }

    fn get(
        &self,
        root: &Path,
        kind: Kind,
        path: &Path,
        changed: Option<&HashSet<PathBuf>>,
    ) -> (ParsedFile, Fresh) {
        let cached = self.files.get(path);
        if let (Some(cached), Some(changed)) = (cached, changed)
            && !changed.iter().any(|c| path.starts_with(c))
        {
            return (cached.parsed.clone(), Fresh::Cached);
        }
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) => {
                let mut diagnostics = Diagnostics::new();
                diagnostics.push(
                    Code::Unreadable
                        .error()
                        .arg("path", display(root, path))
                        .arg("reason", err.to_string()),
                );
                let file = ParsedFile {
                    record: None,
                    diagnostics,
                };
                return (file, Fresh::Unreadable);
            }
        };
        let hash: [u8; 32] = Sha256::digest(&bytes).into();
        if let Some(cached) = cached.filter(|c| c.hash == hash) {
            return (cached.parsed.clone(), Fresh::Cached);
        }
        (parse_bytes(root, kind, path, bytes), Fresh::Parsed(hash))
    }
}
