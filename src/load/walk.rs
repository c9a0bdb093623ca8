//! Finding the content files: every Markdown file of a known content folder with its kind, and a
//! diagnostic for each file that is in the wrong place or not content at all.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{CONFIG_FILE, display};
use crate::diagnostics::{Diagnostic, Diagnostics};
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
                let (code, help) = if err.loop_ancestor().is_some() {
                    (
                        "symlink-loop",
                        "remove the link that points back into one of its own parent folders",
                    )
                } else {
                    (
                        "unreadable",
                        "check the file's permissions, or whether a link points to a missing file",
                    )
                };
                diagnostics.push(
                    Diagnostic::error(code, format!("cannot read `{path}`: {err}")).help(help),
                );
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
        if components.len() == 1 && (name == CONFIG_FILE || name == "README.md") {
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
            (Some(kind), true) => diagnostics.push(Diagnostic::error(
                "misplaced-file",
                format!("`{}` is in a sub-folder of `{}/`", display(root, path), kind.info().folder),
            ).help(format!("move it directly into `content/{}/`; only articles may be grouped in sub-folders", kind.info().folder))),
            (_, false) => diagnostics.push(Diagnostic::warning(
                "stray-file",
                format!("`{}` is not a Markdown file and is ignored", display(root, path)),
            ).help("content files end in `.md`; images, CSS and scripts belong in `themes/<theme>/static/`")),
            (None, true) => diagnostics.push(Diagnostic::error(
                "misplaced-file",
                format!("`{}` is not in a known content folder", display(root, path)),
            ).help(format!(
                "move it into one of: {}",
                Kind::ALL.map(|k| format!("`content/{}/`", k.info().folder)).join(", ")
            ))),
        }
    }
    (files, diagnostics)
}
