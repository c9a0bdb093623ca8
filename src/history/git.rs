//! Running the `git` program: three commands for the whole site, whatever its size.
//!
//! `git rev-parse` finds the repository and whether the clone is shallow, `git status` what the work
//! tree changes, `git log` the first-parent history. The calling environment is cleaned of
//! variables that point Git at another repository (a Git hook sets `GIT_DIR` and `GIT_INDEX_FILE`)
//! and of prompts; the user's configuration is overridden where it would change the output.

use std::collections::{BTreeSet, HashSet};
use std::ffi::{OsStr, OsString};
use std::io;
use std::path::Path;
use std::process::{Command, Stdio};

use super::parse::{self, LogCommit};
use super::{Wanted, Warning};

/// The history as Git printed it, every path relative to the project root.
#[derive(Debug, Default)]
pub(super) struct Read {
    /// First-parent commits that touched the wanted folders, newest first.
    pub commits: Vec<LogCommit>,
    /// Commits whose parents a shallow clone left out.
    pub shallow: HashSet<String>,
    /// Paths that differ from `HEAD` in the work tree or the index.
    pub dirty: HashSet<String>,
}

/// The variables `git rev-parse --local-env-vars` lists: each would make Git use some other
/// repository, index or object store than the one holding the project root.
const REPOSITORY_VARIABLES: &[&str] = &[
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_OBJECT_DIRECTORY",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_IMPLICIT_WORK_TREE",
    "GIT_GRAFT_FILE",
    "GIT_INDEX_FILE",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_REPLACE_REF_BASE",
    "GIT_PREFIX",
    "GIT_SHALLOW_FILE",
    "GIT_COMMON_DIR",
];

/// Past this many folders the log and status look at the whole project instead, to keep the
/// command line short.
const MAX_PATHSPECS: usize = 200;

struct Git<'a> {
    program: &'a OsStr,
    root: &'a Path,
}

impl Git<'_> {
    fn run(&self, args: &[OsString]) -> Result<Vec<u8>, Warning> {
        let mut command = Command::new(self.program);
        for variable in REPOSITORY_VARIABLES {
            command.env_remove(variable);
        }
        let output = command
            .args(args)
            .current_dir(self.root)
            // Never reach the network for a missing blob of a partial clone, never ask for a
            // password, never take the index lock `git status` would otherwise take to refresh it.
            .env("GIT_NO_LAZY_FETCH", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_OPTIONAL_LOCKS", "0")
            // Git's messages in English, so "not a git repository" can be recognised.
            .env("LC_ALL", "C")
            .stdin(Stdio::null())
            .output()
            .map_err(|err| match err.kind() {
                io::ErrorKind::NotFound => Warning::NoGit,
                _ => self.failed(args, &err.to_string()),
            })?;
        if output.status.success() {
            return Ok(output.stdout);
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        if stderr.contains("not a git repository") {
            return Err(Warning::NoRepository);
        }
        let first = stderr.lines().find(|line| !line.trim().is_empty());
        let message = first.map_or_else(
            || output.status.to_string(),
            |line| line.trim_start_matches("fatal: ").trim().to_string(),
        );
        Err(self.failed(args, &message))
    }

    fn failed(&self, args: &[OsString], message: &str) -> Warning {
        let verb = args
            .iter()
            .map(|arg| arg.to_string_lossy())
            .find(|arg| !arg.starts_with('-') && !arg.contains('='))
            .unwrap_or_default();
        Warning::GitFailed {
            command: format!("git {verb}"),
            message: message.to_string(),
        }
    }
}

/// Reads the history of the wanted files.
pub(super) fn read(program: &OsStr, root: &Path, wanted: &[Wanted]) -> Result<Read, Warning> {
    if wanted.is_empty() {
        return Ok(Read::default());
    }
    if !root.is_dir() {
        return Err(Warning::NoRepository);
    }
    let git = Git { program, root };
    let located = git.run(&os(&[
        "rev-parse",
        "--is-inside-work-tree",
        "--show-prefix",
        "--git-path",
        "shallow",
    ]))?;
    let located = String::from_utf8_lossy(&located);
    let mut lines = located.lines();
    if lines.next() != Some("true") {
        return Err(Warning::NoRepository);
    }
    let prefix = lines.next().unwrap_or_default().to_string();
    let shallow = lines
        .next()
        .and_then(|path| std::fs::read_to_string(root.join(path)).ok())
        .map(|text| text.lines().map(str::to_string).collect())
        .unwrap_or_default();

    let pathspecs = pathspecs(&prefix, wanted);
    let mut args = os(&[
        "status",
        "--porcelain=v2",
        "-z",
        "--branch",
        "--no-renames",
        "--untracked-files=all",
        "--ignore-submodules=all",
        "--",
    ]);
    args.extend(pathspecs.iter().map(OsString::from));
    let status = parse::status(&git.run(&args)?).map_err(|err| git.failed(&args, &err))?;
    if status.unborn {
        return Ok(Read {
            commits: Vec::new(),
            shallow,
            dirty: relative(&prefix, status.dirty.into_iter()).collect(),
        });
    }

    let mut args = os(&[
        // The user's configuration must not add signatures, follow one file or cut paths short.
        "-c",
        "log.showSignature=false",
        "-c",
        "log.follow=false",
        "-c",
        "diff.relative=false",
        "log",
        "-z",
        "--raw",
        // Rename detection compares contents, which a blobless clone fetches one blob at a time.
        "--no-renames",
        "--no-abbrev",
        "--first-parent",
        "--diff-merges=first-parent",
        "--root",
        "--no-color",
        "--format=%x01%H%x20%cI",
        "HEAD",
        "--",
    ]);
    args.extend(pathspecs.iter().map(OsString::from));
    let mut commits = parse::log(&git.run(&args)?).map_err(|err| git.failed(&args, &err))?;
    for commit in &mut commits {
        let changes = std::mem::take(&mut commit.changes);
        commit.changes = changes
            .into_iter()
            .filter_map(|mut change| {
                change.path = change.path.strip_prefix(&prefix)?.to_string();
                Some(change)
            })
            .collect();
    }
    Ok(Read {
        commits,
        shallow,
        dirty: relative(&prefix, status.dirty.into_iter()).collect(),
    })
}

/// The folders holding the wanted files and their earlier paths, as literal pathspecs from the top
/// of the repository; the whole project when they are many.
fn pathspecs(prefix: &str, wanted: &[Wanted]) -> Vec<String> {
    let folders: BTreeSet<&str> = wanted
        .iter()
        .flat_map(|file| std::iter::once(&file.path).chain(&file.earlier))
        .map(|path| {
            path.rsplit_once('/')
                .map_or(path.as_str(), |(folder, _)| folder)
        })
        .collect();
    if folders.len() > MAX_PATHSPECS {
        return vec![format!(":(top,literal){prefix}")];
    }
    folders
        .into_iter()
        .map(|folder| format!(":(top,literal){prefix}{folder}"))
        .collect()
}

fn relative(prefix: &str, paths: impl Iterator<Item = String>) -> impl Iterator<Item = String> {
    paths.filter_map(move |path| Some(path.strip_prefix(prefix)?.to_string()))
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

#[cfg(test)]
mod tests {
    use super::super::wanted;
    use super::*;

    #[test]
    fn one_pathspec_per_folder_of_files_and_earlier_paths() {
        let files = wanted(&[
            ("content/bronnen/a.md", &["content/oud/a.md"]),
            ("content/bronnen/b.md", &[]),
            ("site.yaml", &[]),
        ]);
        assert_eq!(
            pathspecs("site/", &files),
            [
                ":(top,literal)site/content/bronnen",
                ":(top,literal)site/content/oud",
                ":(top,literal)site/site.yaml",
            ]
        );
    }

    #[test]
    fn many_folders_become_the_whole_project() {
        let files: Vec<Wanted> = (0..=MAX_PATHSPECS)
            .map(|i| Wanted {
                path: format!("content/{i}/a.md"),
                earlier: Vec::new(),
            })
            .collect();
        assert_eq!(pathspecs("", &files), [":(top,literal)"]);
    }
}
