//! Stage 6, **write**: put the rendered site in a staging folder beside the output, then swap it in.
//!
//! The published folder is never written into. A build that fails (content error, template error,
//! full disk, killed process) leaves it exactly as it was: the worst it leaves behind is a stale
//! staging folder, which the next build removes.

use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::i18n::Msg;
use crate::render::OutputFile;

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

/// Writes `files` and the static folder into a fresh staging folder next to `output`, then swaps
/// it with `output`. Returns the number of bytes written.
pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<u64> {
    let staging = Staging::create(output)?;
    for file in files {
        staging.write(&file.path, &file.bytes)?;
    }
    staging.finish()
}

/// A site being written: files go into a fresh staging folder next to the output as they come
/// (from several threads at once), and [`Staging::finish`] swaps it in. Dropped unfinished (an
/// error anywhere in the build), it removes the staging folder and the output stays as it was.
/// `build` streams pages into it as they are rendered, so no stage holds the whole site in memory.
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    bytes: std::sync::atomic::AtomicU64,
    finished: bool,
}

impl Staging {
    pub fn create(output: &Path) -> Result<Staging> {
        let dir = staging_path(output)?;
        remove_stale_staging(output);
        std::fs::create_dir_all(&dir).with_context(|| Msg::CannotCreate.with("path", &dir))?;
        Ok(Staging {
            dir,
            output: output.to_path_buf(),
            bytes: std::sync::atomic::AtomicU64::new(0),
            finished: false,
        })
    }

    /// Writes one file, `path` relative to the site's root.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let path = self.dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| Msg::CannotCreate.with("path", parent))?;
        }
        std::fs::write(&path, bytes).with_context(|| Msg::CannotWrite.with("path", &path))?;
        self.bytes
            .fetch_add(bytes.len() as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Puts the written site in place of the output. Returns the number of bytes written.
    pub fn finish(mut self) -> Result<u64> {
        self.finished = true;
        let result = swap_in(&self.dir, &self.output);
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
        result.map(|()| self.bytes.load(std::sync::atomic::Ordering::Relaxed))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn staging_path(output: &Path) -> Result<PathBuf> {
    let name = output
        .file_name()
        .with_context(|| Msg::OutputNoName.with("path", output))?;
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| Msg::CannotCreate.with("path", parent))?;
    Ok(parent.join(format!(
        ".{}.staging-{}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// Removes staging and retired folders a killed build left behind.
fn remove_stale_staging(output: &Path) {
    let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else {
        return;
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let prefixes = [
        format!(".{}.staging-", name.to_string_lossy()),
        format!(".{}.old-", name.to_string_lossy()),
    ];
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let entry_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| entry_name.starts_with(p)) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Puts `staging` where `output` is. On Linux both folders trade places in one atomic rename, so
/// a reader (a web server, `serve`) never sees a missing or half-written site.
fn swap_in(staging: &Path, output: &Path) -> Result<()> {
    if !output.exists() {
        return std::fs::rename(staging, output)
            .with_context(|| Msg::OutputCannotMove.with("path", output));
    }
    if !output.is_dir() {
        bail!(Msg::OutputNotFolder.with("path", output));
    }
    match exchange(staging, output) {
        Ok(()) => {
            // `staging` now holds the previous site. The new one is already in place, so failing to
            // remove the old one is no reason to fail the build: the next build removes leftovers.
            // (Unlinking from several threads was tried: on this file system it was slower.)
            let _ = std::fs::remove_dir_all(staging);
            Ok(())
        }
        Err(_) => {
            // Without an atomic exchange: retire the old folder, then rename; the gap is two renames.
            let retired = staging.with_file_name(format!(
                ".{}.old-{}",
                output.file_name().unwrap_or_default().to_string_lossy(),
                std::process::id()
            ));
            std::fs::rename(output, &retired)
                .with_context(|| Msg::OutputCannotMoveAside.with("path", output))?;
            if let Err(err) = std::fs::rename(staging, output) {
                let _ = std::fs::rename(&retired, output);
                return Err(err).with_context(|| Msg::OutputCannotMove.with("path", output));
            }
            let _ = std::fs::remove_dir_all(&retired);
            Ok(())
        }
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no atomic exchange",
    ))
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
