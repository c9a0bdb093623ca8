//! Finding the content files: every Markdown file of a known content folder with its kind, and a
//! diagnostic for each file that is in the wrong place or not content at all.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{CONFIG_FILE, LEDGER_FILE, THESAURUS_FILE, display};
use crate::diagnostics::Diagnostics;
use crate::i18n::Code;
use crate::model::Kind;
use crate::source::is_ignored_name;

/// Walks the content folder: every Markdown file with its kind, and diagnostics for the rest.
pub(super) fn collect_files(
    root: &Path,
    content_dir: &Path,
) -> (Vec<(Kind, PathBuf)>, Diagnostics) {
    let mut files = Vec::new();
    let mut diagnostics = Diagnostics::new();
    let walker = WalkDir::new(content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| display(root, p)).unwrap_or_default();
                let code = if err.loop_ancestor().is_some() {
                    Code::SymlinkLoop
                } else {
                    Code::Unreadable
                };
                let reason = err.io_error().map_or(err.to_string(), ToString::to_string);
                diagnostics.push(code.error().arg("path", path).arg("reason", reason));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let relative = path.strip_prefix(content_dir).unwrap_or(path);
        let name = entry.file_name().to_string_lossy();
        let components: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if components.len() == 1
            && (name == CONFIG_FILE
                || name == THESAURUS_FILE
                || name == LEDGER_FILE
                || name == "README.md")
        {
            continue;
        }
        if name == "README.md" {
            continue;
        }
        let is_markdown = path.extension().is_some_and(|e| e == "md");
        let kind = components.first().and_then(|f| Kind::from_folder(f));
        match (kind, is_markdown) {
            (Some(kind), true) if components.len() == 2 || kind.info().subfolders => {
                files.push((kind, path.to_path_buf()));
            }
            (Some(kind), true) => diagnostics.push(
                Code::MisplacedFile
                    .error()
                    .arg("problem", "subfolder")
                    .arg("path", display(root, path))
                    .arg("folder", kind.info().folder),
            ),
            (_, false) => {
                diagnostics.push(Code::StrayFile.warning().arg("path", display(root, path)))
            }
            (None, true) => {
                let folders = Kind::ALL.map(|k| format!("`content/{}/`", k.info().folder));
                diagnostics.push(
                    Code::MisplacedFile
                        .error()
                        .arg("problem", "elsewhere")
                        .arg("path", display(root, path))
                        .arg("folders", folders.join(", ")),
                );
            }
        }
    }
    (files, diagnostics)
}
