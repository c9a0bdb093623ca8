//! The staging folder beside the output, and the swap that puts it in place.

use std::io::{self, Write};
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
    linked: std::sync::atomic::AtomicUsize,
    finished: bool,
}

impl Staging {
    pub fn create(output: &Path) -> Result<Staging> {
        let dir = staging_path(output)?;
        remove_stale_staging(output, &dir);
        std::fs::create_dir_all(&dir).with_context(|| Msg::CannotCreate.with("path", &dir))?;
        Ok(Staging {
            dir,
            output: output.to_path_buf(),
            bytes: std::sync::atomic::AtomicU64::new(0),
            linked: std::sync::atomic::AtomicUsize::new(0),
            finished: false,
        })
    }

    /// Puts one file, `path` relative to the site's root, into the staging folder. A file the
    /// published site holds with the same bytes is hard-linked from there instead of written: a
    /// rebuild then writes only what changed, and removing the previous site afterwards unlinks
    /// names instead of freeing data. Both stay safe because no file is ever written into: a
    /// staged file is always new (`create_new`), so a path handed over twice fails the build, and
    /// the published site is only ever replaced whole.
    fn write_bytes(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let target = self.dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| Msg::CannotCreate.with("path", parent))?;
        }
        self.bytes
            .fetch_add(bytes.len() as u64, std::sync::atomic::Ordering::Relaxed);
        let published = self.output.join(path);
        if holds(&published, bytes) && std::fs::hard_link(&published, &target).is_ok() {
            self.linked
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return Ok(());
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
            .with_context(|| Msg::CannotWrite.with("path", &target))?;
        file.write_all(bytes)
            .with_context(|| Msg::CannotWrite.with("path", &target))?;
        Ok(())
    }

    /// How many files were hard-linked from the published site so far.
    pub fn linked(&self) -> usize {
        self.linked.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Puts the written site in place of the output. The previous site, if there was one, comes
    /// back as [`Swapped::retired`]: removing 20,000 files takes seconds, and the new site is in
    /// place already.
    pub fn finish(mut self) -> Result<Swapped> {
        self.finished = true;
        let result = swap_in(&self.dir, &self.output);
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
        let retired = result?;
        Ok(Swapped {
            bytes: self.bytes.load(std::sync::atomic::Ordering::Relaxed),
            retired,
        })
    }
}

/// A site swapped in.
#[must_use]
pub struct Swapped {
    /// Bytes written.
    pub bytes: u64,
    /// The previous site, out of the way.
    pub retired: Option<Retired>,
}

/// The previous site after a swap, under a hidden name beside the output (`.public.old-<pid>`).
/// Dropped, it is removed on the spot; [`Retired::remove_in_background`] leaves that to another
/// process, so the build can end now. Either way, what is still there when the next build starts
/// is removed by it.
pub struct Retired {
    dir: Option<PathBuf>,
}

impl Retired {
    /// Removes the folder in a process of its own (`rm -rf`, in its own process group so that
    /// Ctrl-C in the terminal does not stop it), which goes on after this one ends; removes it
    /// here when no such process can be started.
    pub fn remove_in_background(mut self) {
        let Some(dir) = self.dir.take() else { return };
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            use std::process::{Command, Stdio};
            let spawned = Command::new("rm")
                .arg("-rf")
                .arg("--")
                .arg(&dir)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn();
            if let Ok(mut child) = spawned {
                // Reaped by a thread while this process lives; after that by init.
                let _ = std::thread::Builder::new()
                    .name("kennisbank-retired".into())
                    .spawn(move || child.wait());
                return;
            }
        }
        let _ = std::fs::remove_dir_all(dir);
    }
}

impl Drop for Retired {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
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

/// Whether `path` is a plain file (not a link) holding exactly `bytes`. Reading a file back costs
/// less than writing a new one, and a size that differs settles it without reading.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            std::fs::read(path).is_ok_and(|on_disk| on_disk == bytes)
        }
        _ => false,
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

/// Removes what earlier builds left beside `output` (as [`Staging::create`] does), for a build that
/// leaves the output as it is and so makes no staging folder of its own.
pub fn remove_leftovers(output: &Path) {
    if let Ok(own) = staging_path(output) {
        remove_stale_staging(output, &own);
    }
}

/// Removes the staging folders a killed build left behind, and retired sites whose removal did not
/// finish, in the background ([`Retired::remove_in_background`]): the new staging folder has a
/// name of its own, so nothing waits for them.
fn remove_stale_staging(output: &Path, own: &Path) {
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
        if entry.path() == own {
            // This process's own name, left by an earlier process of the same id: ours is fresh.
            let _ = std::fs::remove_dir_all(own);
        } else if prefixes.iter().any(|p| entry_name.starts_with(p)) {
            Retired {
                dir: Some(entry.path()),
            }
            .remove_in_background();
        }
    }
}

/// Puts `staging` where `output` is, and returns the previous site, if any. On Linux both folders
/// trade places in one atomic rename, so a reader (a web server, `serve`) never sees a missing or
/// half-written site.
fn swap_in(staging: &Path, output: &Path) -> Result<Option<Retired>> {
    if !output.exists() {
        std::fs::rename(staging, output)
            .with_context(|| Msg::OutputCannotMove.with("path", output))?;
        return Ok(None);
    }
    if !output.is_dir() {
        bail!(Msg::OutputNotFolder.with("path", output));
    }
    let retired = staging.with_file_name(format!(
        ".{}.old-{}",
        output.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    match exchange(staging, output) {
        Ok(()) => {
            // `staging` now holds the previous site. The new one is already in place, so failing to
            // rename or remove the old one is no reason to fail the build: the next build removes
            // leftovers under either name.
            let dir = match std::fs::rename(staging, &retired) {
                Ok(()) => retired,
                Err(_) => staging.to_path_buf(),
            };
            Ok(Some(Retired { dir: Some(dir) }))
        }
        Err(_) => {
            // Without an atomic exchange: retire the old folder, then rename; the gap is two renames.
            std::fs::rename(output, &retired)
                .with_context(|| Msg::OutputCannotMoveAside.with("path", output))?;
            if let Err(err) = std::fs::rename(staging, output) {
                let _ = std::fs::rename(&retired, output);
                return Err(err).with_context(|| Msg::OutputCannotMove.with("path", output));
            }
            Ok(Some(Retired { dir: Some(retired) }))
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
