//! Parsing what the two Git commands print: `git log -z --raw` and `git status --porcelain=v2 -z`.
//! Both are NUL-separated, so any path (spaces, quotes, newlines) comes through unchanged.

use std::collections::HashSet;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Starts each commit header in the log (`%x01` in the format), which no raw line can start with.
pub(super) const HEADER: u8 = 0x01;

/// One commit of the log and the files it gave new contents or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LogCommit {
    pub id: String,
    pub time: OffsetDateTime,
    pub changes: Vec<Change>,
}

/// A file a commit touched: its path and its new blob id, `None` when the commit deleted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Change {
    pub path: String,
    pub blob: Option<String>,
}

/// Parses `git log -z --raw --no-renames --no-abbrev --format=%x01%H%x20%cI`, newest commit first.
///
/// Entries for submodules and paths that are not UTF-8 (no content file has one) are skipped.
pub(super) fn log(output: &[u8]) -> Result<Vec<LogCommit>, String> {
    let mut commits: Vec<LogCommit> = Vec::new();
    let mut tokens = output.split(|&b| b == 0);
    while let Some(token) = tokens.next() {
        let token = token.strip_prefix(b"\n").unwrap_or(token);
        match token.first() {
            None => {}
            Some(&HEADER) => commits.push(header(&token[1..])?),
            Some(b':') => {
                let path = tokens
                    .next()
                    .ok_or("a raw diff line without a path at the end of the log")?;
                let commit = commits
                    .last_mut()
                    .ok_or("a raw diff line before any commit")?;
                if let Some(change) = raw(token, path)? {
                    commit.changes.push(change);
                }
            }
            Some(_) => {
                return Err(format!(
                    "unexpected log line `{}`",
                    String::from_utf8_lossy(token)
                ));
            }
        }
    }
    Ok(commits)
}

fn header(text: &[u8]) -> Result<LogCommit, String> {
    let text = std::str::from_utf8(text).map_err(|_| "a commit header that is not UTF-8")?;
    let (id, time) = text
        .split_once(' ')
        .ok_or_else(|| format!("unexpected commit header `{text}`"))?;
    let time = OffsetDateTime::parse(time, &Rfc3339)
        .map_err(|err| format!("unexpected commit date `{time}`: {err}"))?;
    Ok(LogCommit {
        id: id.to_string(),
        time,
        changes: Vec::new(),
    })
}

/// `:100644 100644 <old id> <new id> M` and its path.
fn raw(line: &[u8], path: &[u8]) -> Result<Option<Change>, String> {
    let line = std::str::from_utf8(&line[1..]).map_err(|_| "a raw diff line that is not UTF-8")?;
    let fields: Vec<&str> = line.split(' ').collect();
    let [_, new_mode, _, new_blob, status] = fields[..] else {
        return Err(format!("unexpected raw diff line `:{line}`"));
    };
    const SUBMODULE: &str = "160000";
    let Ok(path) = std::str::from_utf8(path) else {
        return Ok(None);
    };
    if new_mode == SUBMODULE || line.starts_with(SUBMODULE) {
        return Ok(None);
    }
    let blob = match status {
        "D" => None,
        _ => Some(new_blob.to_string()),
    };
    Ok(Some(Change {
        path: path.to_string(),
        blob,
    }))
}

/// What `git status --porcelain=v2 -z --branch` says about the work tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Status {
    /// The branch has no commit yet (`git init` and nothing committed).
    pub unborn: bool,
    /// Every path that differs from `HEAD`: edited, staged, deleted, unmerged or untracked.
    pub dirty: HashSet<String>,
}

pub(super) fn status(output: &[u8]) -> Result<Status, String> {
    let mut status = Status::default();
    let mut tokens = output.split(|&b| b == 0);
    while let Some(token) = tokens.next() {
        if token.is_empty() {
            continue;
        }
        let Ok(line) = std::str::from_utf8(token) else {
            continue; // a path that is not UTF-8 is no content file
        };
        // The number of space-separated fields before the path, by entry type.
        let fields = match line.as_bytes()[0] {
            b'#' => {
                if line == "# branch.oid (initial)" {
                    status.unborn = true;
                }
                continue;
            }
            b'1' => 8,
            b'2' => 9,
            b'u' => 10,
            b'?' | b'!' => 1,
            _ => return Err(format!("unexpected status line `{line}`")),
        };
        let path = line
            .splitn(fields + 1, ' ')
            .nth(fields)
            .ok_or_else(|| format!("unexpected status line `{line}`"))?;
        if line.starts_with('2') {
            tokens.next(); // the path before the rename
        }
        if !line.starts_with('!') {
            status.dirty.insert(path.to_string());
        }
    }
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "1111111111111111111111111111111111111111";
    const B: &str = "2222222222222222222222222222222222222222";
    const ZERO: &str = "0000000000000000000000000000000000000000";

    fn log_text(parts: &[&str]) -> Vec<u8> {
        parts.join("\0").replace('@', "\u{1}").into_bytes()
    }

    #[test]
    fn reads_commits_and_their_changes_newest_first() {
        // The shape git 2.47 prints: header, NUL, newline, then `raw NUL path NUL` per file.
        let text = log_text(&[
            "@c2 2026-12-01T09:30:00+01:00",
            &format!("\n:100644 100644 {A} {B} M"),
            "content/a b.md",
            &format!(":100644 000000 {A} {ZERO} D"),
            "content/old.md",
            "@c1 2026-03-03T00:30:00+01:00",
            &format!("\n:000000 100644 {ZERO} {A} A"),
            "content/a b.md",
            "",
        ]);
        let commits = log(&text).unwrap();
        assert_eq!(commits.len(), 2);
        assert_eq!(commits[0].id, "c2");
        assert_eq!(
            commits[0].changes,
            vec![
                Change {
                    path: "content/a b.md".into(),
                    blob: Some(B.into())
                },
                Change {
                    path: "content/old.md".into(),
                    blob: None
                },
            ]
        );
        assert_eq!(commits[1].time.offset().whole_hours(), 1);
        assert_eq!(
            commits[1].time.date().day(),
            3,
            "the day where the commit was made"
        );
    }

    #[test]
    fn a_commit_without_changes_and_a_utc_date_parse() {
        let text = log_text(&[
            "@c3 2026-12-01T23:45:46Z",
            "\n@c2 2026-12-01T09:30:00+00:00",
            "",
        ]);
        let commits = log(&text).unwrap();
        assert_eq!(commits.len(), 2);
        assert!(commits.iter().all(|c| c.changes.is_empty()));
    }

    #[test]
    fn submodules_are_skipped() {
        let text = log_text(&[
            "@c1 2026-03-03T10:00:00+01:00",
            &format!("\n:000000 160000 {ZERO} {A} A"),
            "vendor/lib",
        ]);
        assert!(log(&text).unwrap()[0].changes.is_empty());
    }

    #[test]
    fn unexpected_output_is_an_error_not_a_wrong_date() {
        assert!(log(b"commit abc\nAuthor: x").is_err());
        assert!(log(&log_text(&["@c1 yesterday"])).is_err());
        assert!(
            log(&log_text(&[
                &format!(":000000 100644 {ZERO} {A} A"),
                "x.md"
            ]))
            .is_err()
        );
    }

    #[test]
    fn status_lists_every_path_that_differs_from_head() {
        let text = [
            "# branch.oid 1111111111111111111111111111111111111111",
            "# branch.head main",
            &format!("1 .M N... 100644 100644 100644 {A} {A} content/edited file.md"),
            &format!("1 A. N... 000000 100644 100644 {ZERO} {B} content/staged.md"),
            &format!("2 R. N... 100644 100644 100644 {A} {A} R100 content/new.md"),
            "content/old.md",
            &format!("u UU N... 100644 100644 100644 100644 {A} {B} {A} content/conflict.md"),
            "? content/untracked.md",
            "! content/ignored.md",
            "",
        ]
        .join("\0");
        let status = status(text.as_bytes()).unwrap();
        assert!(!status.unborn);
        let mut dirty: Vec<&str> = status.dirty.iter().map(String::as_str).collect();
        dirty.sort();
        assert_eq!(
            dirty,
            [
                "content/conflict.md",
                "content/edited file.md",
                "content/new.md",
                "content/staged.md",
                "content/untracked.md"
            ]
        );
    }

    #[test]
    fn status_of_a_repository_without_commits() {
        let status = status(b"# branch.oid (initial)\0# branch.head main\0? a.md\0").unwrap();
        assert!(status.unborn);
        assert!(status.dirty.contains("a.md"));
    }
}
