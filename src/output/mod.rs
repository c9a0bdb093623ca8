//! Stage 6, **write**: where the finished files of a site go. Every earlier stage hands its files
//! to a [`Sink`]: the [`Staging`] folder beside the output for `build` (swapped in whole at the
//! end), a [`MemorySite`] for `serve`, [`Discard`] for `check`. The sinks receive the same bytes;
//! only where they end up differs.
//!
//! The published folder is never written into. A build that fails (content error, template error,
//! full disk, killed process) leaves it exactly as it was: the worst it leaves behind is a stale
//! staging folder, which the next build removes.

mod staging;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Result, bail};

use crate::i18n::Msg;

pub use staging::{Retired, Staging, Swapped, remove_leftovers};

/// A file of the finished site, by its path relative to the output folder.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where the stages hand each finished file: its path relative to the site's root and its bytes.
/// Called from several threads at once; an `Err` stops the build.
pub trait Sink: Sync {
    fn write(&self, path: &str, bytes: Arc<[u8]>) -> Result<()>;
}

/// `check`: every file is made, and dropped.
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: Arc<[u8]>) -> Result<()> {
        Ok(())
    }
}

/// `serve`: the files in memory, in the order they came (per thread).
#[derive(Default)]
pub struct MemorySite {
    files: Mutex<Vec<(String, Arc<[u8]>)>>,
}

impl MemorySite {
    pub fn into_files(self) -> Vec<(String, Arc<[u8]>)> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySite {
    fn write(&self, path: &str, bytes: Arc<[u8]>) -> Result<()> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.push((path.to_string(), bytes));
        Ok(())
    }
}

/// Refuses output folders whose replacement would destroy something that is not a build: the
/// content, the project root or one of its parents, `/`, or the home folder.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<()> {
    let absolute = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalise(&p)
    };
    let root = absolute(root);
    let output = absolute(output);
    let content = root.join("content");
    let themes = root.join("themes");
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .map(|h| normalise(&h));
    let reason = if output.parent().is_none() {
        Some(Msg::OutputIsRoot)
    } else if home.as_deref() == Some(output.as_path()) {
        Some(Msg::OutputIsHome)
    } else if root.starts_with(&output) {
        Some(Msg::OutputIsProject)
    } else if output.starts_with(&content) || content.starts_with(&output) {
        Some(Msg::OutputIsContent)
    } else if output.starts_with(&themes) {
        Some(Msg::OutputInThemes)
    } else if output.join(".git").exists() {
        Some(Msg::OutputHasGit)
    } else {
        None
    };
    if let Some(reason) = reason {
        bail!(
            Msg::OutputRefused
                .with("path", output.as_path())
                .with("reason", reason)
        );
    }
    Ok(())
}

/// Lexical normalisation (no symlink resolution): removes `.` and folds `..`.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    /// Writes `files` into a fresh staging folder next to `output`, then swaps it in.
    fn write_site(output: &Path, files: &[OutputFile]) -> Result<u64> {
        let staging = Staging::create(output)?;
        for file in files {
            staging.write(&file.path, Arc::from(file.bytes.as_slice()))?;
        }
        // Removed at once (dropped), so the test sees what is left beside the output.
        Ok(staging.finish()?.bytes)
    }

    #[test]
    fn swaps_in_a_new_site_and_removes_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a/index.html", "one"), file("old.html", "x")]).unwrap();
        write_site(&out, &[file("a/index.html", "two")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "two"
        );
        assert!(!out.join("old.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn the_previous_site_is_removed_in_the_background_after_the_swap() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a/index.html", "one")]).unwrap();
        let staging = Staging::create(&out).unwrap();
        staging
            .write("a/index.html", Arc::from(&b"two"[..]))
            .unwrap();
        let swapped = staging.finish().unwrap();
        assert_eq!(swapped.bytes, 3);
        // The new site is in place before the old one goes.
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "two"
        );
        swapped.retired.unwrap().remove_in_background();
        let beside = || std::fs::read_dir(dir.path()).unwrap().count();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while beside() > 1 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(beside(), 1, "the previous site was not removed");
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_linked_from_the_previous_site_and_changed_ones_written_anew() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(
            &out,
            &[file("same.html", "same"), file("a/changed.html", "old")],
        )
        .unwrap();
        let inode = |path: &str| std::fs::metadata(out.join(path)).unwrap().ino();
        let (same, changed) = (inode("same.html"), inode("a/changed.html"));
        let staging = Staging::create(&out).unwrap();
        staging.write("same.html", Arc::from(&b"same"[..])).unwrap();
        // The same size, other bytes: compared by content, not by size.
        staging
            .write("a/changed.html", Arc::from(&b"new"[..]))
            .unwrap();
        staging
            .write("added.html", Arc::from(&b"added"[..]))
            .unwrap();
        assert_eq!(staging.linked(), 1);
        // Until the swap the published site is as it was.
        let read = |path: &str| std::fs::read_to_string(out.join(path)).unwrap();
        assert_eq!(read("a/changed.html"), "old");
        drop(staging.finish().unwrap());
        assert_eq!(
            inode("same.html"),
            same,
            "an unchanged file was written again"
        );
        assert_ne!(inode("a/changed.html"), changed);
        assert_eq!(
            (
                read("same.html"),
                read("a/changed.html"),
                read("added.html")
            ),
            ("same".into(), "new".into(), "added".into())
        );
    }

    #[test]
    fn a_path_written_twice_fails_instead_of_writing_into_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let staging = Staging::create(&out).unwrap();
        staging.write("a.html", Arc::from(&b"one"[..])).unwrap();
        assert!(staging.write("a.html", Arc::from(&b"two"[..])).is_err());
    }

    #[test]
    fn a_failed_write_leaves_the_previous_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("index.html", "good")]).unwrap();
        // A file path that cannot be created (a file where a folder must go) fails mid-write.
        let err = write_site(&out, &[file("x", "1"), file("x/y.html", "2")]);
        assert!(err.is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "good"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_dangerous_output_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        for bad in [
            root.clone(),
            root.join("content"),
            root.join("content/x"),
            PathBuf::from("/"),
            dir.path().to_path_buf(),
        ] {
            assert!(check_output_dir(&root, &bad).is_err(), "{}", bad.display());
        }
        assert!(check_output_dir(&root, &root.join("public")).is_ok());
        assert!(check_output_dir(&root, &root.join("x/../content")).is_err());
    }
}
