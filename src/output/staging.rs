//! The staging folder beside the output, and the swap that puts it in place.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};

use super::Sink;
use crate::i18n::Msg;

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
    fn write_bytes(&self, path: &str, bytes: &[u8]) -> Result<()> {
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

impl Sink for Staging {
    fn write(&self, path: &str, bytes: Arc<[u8]>) -> Result<()> {
        self.write_bytes(path, &bytes)
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
