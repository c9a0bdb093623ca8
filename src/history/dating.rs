//! From the log to each file's dates: what the history shows, and nothing it does not.
//!
//! The commits are replayed oldest first. A file is followed by the blob id its paths hold, so a
//! commit counts as a change only when it gives the file other contents; see the module doc of
//! `history` for the rules on renames, shallow clones and the work tree.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::git::Read;
use super::{Commit, Dated, FileDates, Wanted};

/// The dates of each wanted file, in order, and for a shallow clone that hid some of them its
/// oldest commit and how many files it left without an added date.
pub(super) struct Dating {
    pub files: Vec<FileDates>,
    pub shallow: Option<(Commit, usize)>,
}

/// One file's state while the commits are replayed.
#[derive(Default)]
struct Track<'a> {
    added: Option<Dated>,
    changed: Option<Dated>,
    /// The contents last given to the file, by blob id.
    blob: Option<&'a str>,
    /// Its paths that exist after the commit being replayed.
    live: HashSet<&'a str>,
    /// Earlier paths deleted once: what comes there later is another file's.
    retired: HashSet<&'a str>,
}

pub(super) fn date(read: &Read, wanted: &[Wanted]) -> Dating {
    // Which files each path belongs to, and whether it is their current path.
    let mut owners: HashMap<&str, Vec<(usize, bool)>> = HashMap::new();
    for (i, file) in wanted.iter().enumerate() {
        owners.entry(&file.path).or_default().push((i, true));
        for old in file.earlier.iter().filter(|old| **old != file.path) {
            owners.entry(old).or_default().push((i, false));
        }
    }
    let mut tracks: Vec<Track> = wanted.iter().map(|_| Track::default()).collect();
    let mut boundary = None;
    for entry in read.commits.iter().rev() {
        let commit = Commit {
            id: Arc::from(entry.id.as_str()),
            time: entry.time,
        };
        let stamp = if read.shallow.contains(&entry.id) {
            boundary = Some(commit.clone());
            Dated::AtOrBefore(commit)
        } else {
            Dated::In(commit)
        };
        let mut deleted = Vec::new();
        for change in &entry.changes {
            let Some(owners) = owners.get(change.path.as_str()) else {
                continue;
            };
            for &(i, current) in owners {
                let track = &mut tracks[i];
                let path = change.path.as_str();
                if !current && track.retired.contains(path) {
                    continue;
                }
                match &change.blob {
                    Some(blob) => {
                        track.live.insert(path);
                        if track.blob != Some(blob.as_str()) {
                            track.blob = Some(blob);
                            track.added.get_or_insert_with(|| stamp.clone());
                            track.changed = Some(stamp.clone());
                        }
                    }
                    None => {
                        track.live.remove(path);
                        if !current {
                            track.retired.insert(path);
                        }
                        deleted.push(i);
                    }
                }
            }
        }
        // Gone from all its paths by the end of the commit: whatever comes back is added anew.
        for i in deleted {
            if tracks[i].live.is_empty() {
                tracks[i] = Track {
                    retired: std::mem::take(&mut tracks[i].retired),
                    ..Track::default()
                };
            }
        }
    }

    let files: Vec<FileDates> = wanted
        .iter()
        .zip(tracks)
        .map(|(file, track)| {
            let dirty = read.dirty.contains(&file.path);
            let unknown = if dirty {
                Dated::Uncommitted
            } else {
                Dated::Unknown
            };
            FileDates {
                added: track.added.unwrap_or_else(|| unknown.clone()),
                changed: if dirty {
                    Dated::Uncommitted
                } else {
                    track.changed.unwrap_or(unknown)
                },
            }
        })
        .collect();
    let undated = files
        .iter()
        .filter(|dates| matches!(dates.added, Dated::AtOrBefore(_)))
        .count();
    Dating {
        shallow: boundary
            .filter(|_| undated > 0)
            .map(|commit| (commit, undated)),
        files,
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::{Change, LogCommit};
    use super::super::wanted;
    use super::*;
    use time::OffsetDateTime;
    use time::format_description::well_known::Rfc3339;

    /// A log from `(id, [(path, blob or "" for a deletion)])`, oldest first as written here,
    /// one day apart from 1 March 2026.
    fn log(commits: &[(&str, &[(&str, &str)])]) -> Vec<LogCommit> {
        let first = OffsetDateTime::parse("2026-03-01T12:00:00+01:00", &Rfc3339).unwrap();
        let mut log: Vec<LogCommit> = commits
            .iter()
            .enumerate()
            .map(|(day, (id, changes))| LogCommit {
                id: id.to_string(),
                time: first + time::Duration::days(day as i64),
                changes: changes
                    .iter()
                    .map(|(path, blob)| Change {
                        path: path.to_string(),
                        blob: (!blob.is_empty()).then(|| blob.to_string()),
                    })
                    .collect(),
            })
            .collect();
        log.reverse(); // git prints the newest first
        log
    }

    /// `added/changed` as commit ids, `?` for unknown, `≤id` for at-or-before, `*` for uncommitted.
    fn summary(dates: &FileDates) -> String {
        let one = |dated: &Dated| match dated {
            Dated::In(commit) => commit.id.to_string(),
            Dated::AtOrBefore(commit) => format!("≤{}", commit.id),
            Dated::Uncommitted => "*".into(),
            Dated::Unknown => "?".into(),
        };
        format!("{}/{}", one(&dates.added), one(&dates.changed))
    }

    fn run(read: &Read, paths: &[(&str, &[&str])]) -> Vec<String> {
        date(read, &wanted(paths))
            .files
            .iter()
            .map(summary)
            .collect()
    }

    fn full(commits: &[(&str, &[(&str, &str)])]) -> Read {
        Read {
            commits: log(commits),
            ..Read::default()
        }
    }

    #[test]
    fn added_then_changed() {
        let read = full(&[
            ("c1", &[("a", "x1"), ("b", "y1")]),
            ("c2", &[("a", "x2")]),
            ("c3", &[("a", "x3")]),
        ]);
        assert_eq!(run(&read, &[("a", &[]), ("b", &[])]), ["c1/c3", "c1/c1"]);
    }

    #[test]
    fn a_rename_keeping_the_contents_is_no_change() {
        let read = full(&[
            ("c1", &[("old", "x1")]),
            ("c2", &[("old", "x2")]),
            ("c3", &[("new", "x2"), ("old", "")]),
        ]);
        assert_eq!(run(&read, &[("new", &["old"])]), ["c1/c2"]);
        assert_eq!(
            run(&read, &[("new", &[])]),
            ["c3/c3"],
            "without the alias it starts at the rename"
        );
    }

    #[test]
    fn a_rename_with_an_edit_is_a_change() {
        let read = full(&[
            ("c1", &[("old", "x1")]),
            ("c2", &[("new", "x2"), ("old", "")]),
        ]);
        assert_eq!(run(&read, &[("new", &["old"])]), ["c1/c2"]);
    }

    #[test]
    fn a_path_reused_after_a_rename_belongs_to_the_new_file() {
        let read = full(&[
            ("c1", &[("x", "a1")]),
            ("c2", &[("x", ""), ("y", "a1")]),
            ("c3", &[("x", "b1")]),
            ("c4", &[("x", "b2")]),
        ]);
        assert_eq!(run(&read, &[("y", &["x"]), ("x", &[])]), ["c1/c1", "c3/c4"]);
    }

    #[test]
    fn renamed_there_and_back() {
        let read = full(&[
            ("c1", &[("x", "a1")]),
            ("c2", &[("x", ""), ("y", "a1")]),
            ("c3", &[("x", "a1"), ("y", "")]),
        ]);
        assert_eq!(run(&read, &[("x", &["y"])]), ["c1/c1"]);
    }

    #[test]
    fn deleted_and_added_again_starts_afresh() {
        let read = full(&[
            ("c1", &[("a", "x1")]),
            ("c2", &[("a", "")]),
            ("c3", &[("a", "x1")]),
        ]);
        assert_eq!(run(&read, &[("a", &[])]), ["c3/c3"]);
    }

    #[test]
    fn the_boundary_of_a_shallow_clone_is_only_an_upper_bound() {
        let mut read = full(&[
            ("c1", &[("a", "x1"), ("b", "y1")]),
            ("c2", &[("a", "x2"), ("c", "z1")]),
        ]);
        read.shallow.insert("c1".into());
        let dating = date(&read, &wanted(&[("a", &[]), ("b", &[]), ("c", &[])]));
        let got: Vec<String> = dating.files.iter().map(summary).collect();
        assert_eq!(got, ["≤c1/c2", "≤c1/≤c1", "c2/c2"]);
        let (boundary, undated) = dating.shallow.unwrap();
        assert_eq!((&*boundary.id, undated), ("c1", 2));
    }

    #[test]
    fn a_shallow_boundary_that_hides_nothing_is_not_reported() {
        let mut read = full(&[("c1", &[("other", "x1")]), ("c2", &[("a", "y1")])]);
        read.shallow.insert("c1".into());
        let dating = date(&read, &wanted(&[("a", &[])]));
        assert!(dating.shallow.is_none());
        assert_eq!(summary(&dating.files[0]), "c2/c2");
    }

    #[test]
    fn work_tree_changes_have_no_date() {
        let mut read = full(&[("c1", &[("a", "x1")])]);
        read.dirty.extend(["a".to_string(), "new".to_string()]);
        assert_eq!(
            run(&read, &[("a", &[]), ("new", &[]), ("ignored", &[])]),
            ["c1/*", "*/*", "?/?"]
        );
    }

    #[test]
    fn an_uncommitted_rename_keeps_the_added_date() {
        let mut read = full(&[("c1", &[("old", "x1")])]);
        read.dirty.insert("new".into());
        assert_eq!(run(&read, &[("new", &["old"])]), ["c1/*"]);
    }

    #[test]
    fn a_mode_change_is_no_change() {
        let read = full(&[("c1", &[("a", "x1")]), ("c2", &[("a", "x1")])]);
        assert_eq!(run(&read, &[("a", &[])]), ["c1/c1"]);
    }
}
