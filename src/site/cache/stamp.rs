//! Fingerprints that tell, without reading a file's contents, whether a build's inputs and its
//! output folder are still what they were: one SHA-256 over what `stat` says of every file.
//!
//! **Inputs**: every file under `content/` (pages, `site.yaml`, thesaurus, ledger) and `themes/`
//! by path, size, modification and change time and inode; the Git commit and `git status` of the
//! content (the pages' dates come from them); the build options; and kennisbank itself: its version
//! and the size, modification time and inode of the running program. Cargo writes a new file at
//! every link, so a rebuilt binary never passes for the last one; hashing its 20 MB would cost
//! more than the whole no-change build may. The change time (`ctime`) cannot be set back by tools
//! that restore a modification time (`touch -d`, `rsync -t`), so an edit that keeps size and
//! modification time is still seen.
//!
//! **Output**: every file under the output folder by path, size, modification time and inode, so
//! a file edited, added or removed there since the last build is seen. Not the change time: the
//! hard links of the next build and the removal of the previous site change it without touching
//! the file.

use std::path::Path;
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

use super::super::BuildOptions;
use crate::digest::short_sha256;

/// The fingerprint of everything a build of `options` into `output` reads.
pub fn inputs(options: &BuildOptions, output: &Path) -> String {
    let text = |hasher: &mut Sha256, text: &str| {
        hasher.update((text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    };
    short_sha256(32, |hasher| {
        text(hasher, env!("CARGO_PKG_VERSION"));
        match std::env::current_exe().and_then(std::fs::metadata) {
            Ok(meta) => file(hasher, &meta, true),
            Err(_) => text(hasher, "no program"),
        }
        text(hasher, &format!("{:?}", options.drafts));
        text(hasher, options.base_url.as_deref().unwrap_or("\0"));
        text(hasher, &output.to_string_lossy());
        for dir in ["content", "themes"] {
            text(hasher, dir);
            tree(hasher, &options.root.join(dir), true);
        }
        git(hasher, &options.root);
    })
}

/// The fingerprint of the files in the output folder (`None` when it is not there).
pub fn output(output: &Path) -> Option<String> {
    output
        .is_dir()
        .then(|| short_sha256(32, |hasher| tree(hasher, output, false)))
}

/// Every entry below `dir` in name order: its relative path, type and [`file`] stamp.
fn tree(hasher: &mut Sha256, dir: &Path, with_ctime: bool) {
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walk {
        match entry {
            Ok(entry) => {
                let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                hasher.update(relative.to_string_lossy().as_bytes());
                hasher.update([0, u8::from(entry.file_type().is_dir())]);
                if entry.file_type().is_file() {
                    match entry.metadata() {
                        Ok(meta) => file(hasher, &meta, with_ctime),
                        Err(_) => hasher.update(b"unreadable"),
                    }
                }
            }
            // A folder that cannot be read, or is missing, is part of the state too.
            Err(err) => hasher.update(err.to_string().as_bytes()),
        }
    }
}

#[cfg(unix)]
fn file(hasher: &mut Sha256, meta: &std::fs::Metadata, with_ctime: bool) {
    use std::os::unix::fs::MetadataExt;
    let mut stamp = vec![meta.len(), meta.mtime() as u64, meta.mtime_nsec() as u64];
    stamp.push(meta.ino());
    if with_ctime {
        stamp.extend([meta.ctime() as u64, meta.ctime_nsec() as u64]);
    }
    for value in stamp {
        hasher.update(value.to_le_bytes());
    }
}

#[cfg(not(unix))]
fn file(hasher: &mut Sha256, meta: &std::fs::Metadata, _with_ctime: bool) {
    hasher.update(meta.len().to_le_bytes());
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .unwrap_or_default();
    hasher.update(modified.as_nanos().to_le_bytes());
}

/// The commit and the uncommitted changes of the content, as the dates on the pages see them.
/// Without Git (or outside a repository) what Git answers is the stamp: the same every time.
fn git(hasher: &mut Sha256, root: &Path) {
    let run = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .env("GIT_NO_LAZY_FETCH", "1")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
    };
    for args in [
        &["rev-parse", "-q", "--verify", "HEAD"][..],
        &[
            "status",
            "--porcelain=v2",
            "-z",
            "--no-renames",
            "--untracked-files=all",
            "--ignore-submodules=all",
            "--",
            "content",
        ][..],
    ] {
        match run(args) {
            Ok(out) => {
                hasher.update([u8::from(out.status.success())]);
                hasher.update((out.stdout.len() as u64).to_le_bytes());
                hasher.update(&out.stdout);
            }
            Err(_) => hasher.update(b"no git"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_that_keeps_the_size_changes_the_inputs_and_an_untouched_tree_does_not() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/a.md"), "one").unwrap();
        let options = BuildOptions::new(dir.path());
        let out = dir.path().join("public");
        let before = inputs(&options, &out);
        assert_eq!(inputs(&options, &out), before);
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(dir.path().join("content/a.md"), "two").unwrap();
        assert_ne!(inputs(&options, &out), before);
        let drafts = BuildOptions {
            drafts: true,
            ..options.clone()
        };
        assert_ne!(inputs(&drafts, &out), inputs(&options, &out));
    }

    #[test]
    fn a_file_added_to_the_output_changes_its_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(output(&dir.path().join("none")), None);
        std::fs::write(dir.path().join("index.html"), "x").unwrap();
        let before = output(dir.path());
        assert_eq!(output(dir.path()), before);
        std::fs::write(dir.path().join("extra.html"), "y").unwrap();
        assert_ne!(output(dir.path()), before);
    }
}
