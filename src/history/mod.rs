//! When each content file was added and last changed, read from the Git history of the project.
//!
//! This module owns reading the history and deciding what can truthfully be said about each file;
//! it stops there. Showing the dates, front-matter dates that override them, the change log and
//! the feed are built on top of [`History`] elsewhere.
//!
//! # Where the dates come from
//! One `git log` for the whole site (plus a `git rev-parse` and a `git status`), never one call per
//! file: the first-parent line of `HEAD`, each commit's tree compared with its first parent's by
//! blob ids only (`--raw --no-renames`). Comparing ids never opens a file's contents, so a
//! *blobless* clone (`--filter=blob:none`, what Netlify does) has everything it needs and Git never
//! goes back to the remote for a blob; `GIT_NO_LAZY_FETCH` makes sure of that. Rename detection,
//! on by default in `git log`, would fetch old blobs one by one.
//!
//! # Decisions
//! - **Which commits**: the first-parent line of `HEAD`. A merge counts as one change on the date
//!   it was merged, which is when the change reached the line that is published; a side branch's
//!   own commits, often written days before, are not looked at.
//! - **Which date**: the committer date (when the commit was made on this line: a rebased or squashed
//!   change gets its landing date, not the date it was first written), in the committer's own UTC
//!   offset as Git recorded it. The calendar day is therefore the day where the editor was: a
//!   commit at 00:30 Dutch time on 3 March is 3 March, although it is 2 March in UTC.
//! - **What is a change**: a commit that gives the file different contents (a different blob id).
//!   A rename that keeps the contents and a change of file mode are not.
//! - **Renames**: a file's earlier paths (derived by the caller from `aliases`) count as the same
//!   file until the commit that deletes them; a path reused later by another file does not feed the
//!   old one. A file deleted from all its paths and added again starts afresh.
//! - **Shallow clones** (`--depth`): the oldest commit looks as if it added every file. What it
//!   shows is [`Dated::AtOrBefore`] (an upper bound, not a date) and one warning names the cause.
//! - **Uncommitted work**: a file that differs from `HEAD` (edited, staged, or new and never
//!   committed) has [`Dated::Uncommitted`] as its changed date, and as its added date too when no
//!   commit has it. `build` and `serve` say the same (nothing) about it rather than "today": the
//!   output then depends on the files alone, not on the clock.
//! - **No history** (no `git` program, a folder that is not in a repository, Git failing): every
//!   date is [`Dated::Unknown`], with one [`Warning`]; reading the history never fails the build.

mod dating;
mod git;
mod parse;

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use time::OffsetDateTime;

use crate::diagnostics::Diagnostic;
use crate::i18n::Code;

/// A content file to date: its path and the paths it had before, all relative to the project root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentFile {
    pub path: PathBuf,
    /// Where the same record lived before a rename (from its `aliases`); their commits count.
    pub earlier: Vec<PathBuf>,
}

impl ContentFile {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        ContentFile {
            path: path.into(),
            earlier: Vec::new(),
        }
    }

    pub fn with_earlier(mut self, earlier: impl IntoIterator<Item = impl Into<PathBuf>>) -> Self {
        self.earlier.extend(earlier.into_iter().map(Into::into));
        self
    }
}

/// One commit: its id and committer date (in the committer's own UTC offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The full hexadecimal id.
    pub id: Arc<str>,
    pub time: OffsetDateTime,
}

impl Commit {
    /// The calendar day of the commit where it was made.
    pub fn date(&self) -> time::Date {
        self.time.date()
    }
}

/// What the history can say about one moment in a file's life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dated {
    /// This commit did it.
    In(Commit),
    /// This commit, the oldest of a shallow clone, or one before it that the clone does not hold:
    /// an upper bound only, so a page should say nothing.
    AtOrBefore(Commit),
    /// Only in the working tree: changed since the last commit, or never committed at all.
    Uncommitted,
    /// Nothing to go on: no history was read, or the file is not in it (e.g. ignored by Git).
    Unknown,
}

impl Dated {
    /// The commit, if the date is exact; a page shows a date only then.
    pub fn exact(&self) -> Option<&Commit> {
        match self {
            Dated::In(commit) => Some(commit),
            _ => None,
        }
    }
}

/// When a file was added and when it last changed. Equal when it never changed after being added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDates {
    pub added: Dated,
    pub changed: Dated,
}

static UNKNOWN: FileDates = FileDates {
    added: Dated::Unknown,
    changed: Dated::Unknown,
};

/// Why the history is missing or incomplete; at most one per [`History`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// There is no `git` program to run.
    NoGit,
    /// The project is not inside a Git work tree (a tarball, a copied folder).
    NoRepository,
    /// Git ran and failed: the command and the first line of what it said.
    GitFailed { command: String, message: String },
    /// A shallow clone: `undated` files are at least as old as its oldest commit, `boundary`.
    Shallow { boundary: Commit, undated: usize },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NoGit => write!(
                f,
                "no `git` program found: pages show no added or changed dates"
            ),
            Warning::NoRepository => write!(
                f,
                "the site is not in a Git repository: pages show no added or changed dates"
            ),
            Warning::GitFailed { command, message } => write!(
                f,
                "`{command}` failed ({message}): pages show no added or changed dates"
            ),
            Warning::Shallow { boundary, undated } => write!(
                f,
                "this is a shallow Git clone starting at {} ({}): {undated} file(s) are that old or older and show no added date",
                boundary.date(),
                &boundary.id[..boundary.id.len().min(12)],
            ),
        }
    }
}

impl Warning {
    /// The warning as a build diagnostic, with a stable code and a hint.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let unavailable = Code::HistoryUnavailable.warning();
        match self {
            Warning::NoGit => unavailable.arg("problem", "no-git"),
            Warning::NoRepository => unavailable.arg("problem", "no-repository"),
            Warning::GitFailed { command, message } => unavailable
                .arg("problem", "git-failed")
                .arg("command", command)
                .arg("reason", message),
            Warning::Shallow { boundary, undated } => Code::HistoryShallow
                .warning()
                .arg("date", boundary.date().to_string())
                .arg("commit", &boundary.id[..boundary.id.len().min(12)])
                .arg("undated", *undated),
        }
    }
}

/// The dates of every content file asked about, and why some may be missing.
#[derive(Debug, Clone, Default)]
pub struct History {
    files: HashMap<String, FileDates>,
    pub warning: Option<Warning>,
}

impl History {
    /// Reads the history of `files` (relative to `root`) with the `git` on `PATH`.
    ///
    /// Never fails: without Git or a repository every date is [`Dated::Unknown`] and
    /// [`History::warning`] says why.
    pub fn read(root: &Path, files: &[ContentFile]) -> History {
        History::read_using(OsStr::new("git"), root, files)
    }

    /// [`History::read`] with another Git program (a path, or a name looked up on `PATH`).
    pub fn read_using(git: &OsStr, root: &Path, files: &[ContentFile]) -> History {
        let wanted: Vec<Wanted> = files
            .iter()
            .filter_map(|file| {
                Some(Wanted {
                    path: normal(&file.path)?,
                    earlier: file.earlier.iter().filter_map(|p| normal(p)).collect(),
                })
            })
            .collect();
        match git::read(git, root, &wanted) {
            Ok(read) => {
                let dated = dating::date(&read, &wanted);
                let warning = dated
                    .shallow
                    .map(|(boundary, undated)| Warning::Shallow { boundary, undated });
                History {
                    files: wanted
                        .into_iter()
                        .map(|file| file.path)
                        .zip(dated.files)
                        .collect(),
                    warning,
                }
            }
            Err(warning) => History {
                files: HashMap::new(),
                warning: Some(warning),
            },
        }
    }

    /// The dates of `path` (relative to the root, as given to [`History::read`]); both
    /// [`Dated::Unknown`] for a file that was not asked about.
    pub fn dates(&self, path: &Path) -> &FileDates {
        normal(path)
            .and_then(|path| self.files.get(&path))
            .unwrap_or(&UNKNOWN)
    }
}

/// A file to date, its paths in Git's form relative to the project root.
struct Wanted {
    path: String,
    earlier: Vec<String>,
}

/// Wanted files from `(path, earlier paths)`, for the unit tests.
#[cfg(test)]
fn wanted(paths: &[(&str, &[&str])]) -> Vec<Wanted> {
    paths
        .iter()
        .map(|(path, earlier)| Wanted {
            path: path.to_string(),
            earlier: earlier.iter().map(|p| p.to_string()).collect(),
        })
        .collect()
}

/// A relative path as Git writes it (`/` between parts), or `None` for one that leaves the root.
fn normal(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_compared_in_gits_form() {
        assert_eq!(
            normal(Path::new("content/bronnen/a.md")).as_deref(),
            Some("content/bronnen/a.md")
        );
        assert_eq!(
            normal(Path::new("./content//a.md")).as_deref(),
            Some("content/a.md")
        );
        assert_eq!(normal(Path::new("../elsewhere.md")), None);
        assert_eq!(normal(Path::new("/etc/passwd")), None);
        assert_eq!(normal(Path::new("")), None);
    }

    #[test]
    fn a_file_not_asked_about_has_no_dates() {
        let history = History::default();
        assert_eq!(history.dates(Path::new("content/x.md")), &UNKNOWN);
    }
}
