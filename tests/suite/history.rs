//! Added and changed dates from Git, on temporary repositories with a known history: full, shallow
//! and blobless clones, a project in a subfolder, merges, uncommitted work, and no Git at all.
//! Every clone is from a local folder (`file://`), so the tests run offline.
//!
//! `cargo test --release --test suite history::bench -- --ignored --nocapture` times the read on
//! a generated site (`KENNISBANK_BENCH_PAGES`, 10,000 by default) committed in 50 commits.
//!
//! Long (~600 lines) because each test is one small case: a repository history and its dates.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use kennisbank::history::{ContentFile, Dated, FileDates, History, Warning};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::util::{expect_success, generator};

/// A Git repository in a temporary folder whose commits have fixed dates.
pub(crate) struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    pub(crate) fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Runs git in the repository, isolated from the user's configuration, and returns its stdout.
    pub(crate) fn git(&self, args: &[&str]) -> String {
        git_in(self.root(), args, None)
    }

    pub(crate) fn write(&self, path: &str, text: &str) {
        let path = self.root().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Commits everything in the work tree with author and committer date `date` (RFC 3339).
    pub(crate) fn commit(&self, date: &str, message: &str) {
        self.git(&["add", "-A"]);
        git_in(self.root(), &["commit", "-q", "-m", message], Some(date));
    }

    pub(crate) fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    /// `git clone <extra> file://<this repo> <dir>/clone`.
    pub(crate) fn clone_into(&self, dir: &Path, extra: &[&str]) -> PathBuf {
        let url = format!("file://{}", self.root().display());
        let target = dir.join("clone");
        let mut args = vec!["clone", "-q"];
        args.extend(extra);
        args.extend([url.as_str(), target.to_str().unwrap()]);
        git_in(dir, &args, None);
        target
    }
}

fn git_in(dir: &Path, args: &[&str], date: Option<&str>) -> String {
    let mut command = Command::new("git");
    for variable in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
    ] {
        command.env_remove(variable);
    }
    command
        .args([
            "-c",
            "user.name=Redactie",
            "-c",
            "user.email=redactie@example.org",
        ])
        .args([
            "-c",
            "commit.gpgSign=false",
            "-c",
            "protocol.file.allow=always",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1");
    if let Some(date) = date {
        command
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
    }
    let output = command.output().expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?} in {} failed: {}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The shared history: commit dates and what each did.
const C1: &str = "2026-03-03T00:30:00+01:00"; // a, b, e, old added
const C2: &str = "2026-04-10T14:00:00+02:00"; // a edited
const C3: &str = "2026-06-01T09:00:00+02:00"; // old renamed to renamed, contents kept
const C4: &str = "2026-09-15T16:00:00+02:00"; // a edited; e renamed to e2 with an edit
const C5: &str = "2026-12-01T10:00:00+01:00"; // new added; a file outside content/ changed

fn site() -> Repo {
    let repo = Repo::new();
    repo.write(
        "content/bronnen/a.md",
        "---\ntitle: A\n---\nEerste versie.\n",
    );
    repo.write(
        "content/bronnen/b.md",
        "---\ntitle: B\n---\nNooit veranderd.\n",
    );
    repo.write("content/effecten/e.md", "---\ntitle: E\n---\nEen effect.\n");
    repo.write(
        "content/bronnen/old.md",
        "---\ntitle: Oud\n---\nHernoemd.\n",
    );
    repo.commit(C1, "first");
    repo.write(
        "content/bronnen/a.md",
        "---\ntitle: A\n---\nTweede versie.\n",
    );
    repo.commit(C2, "edit a");
    repo.git(&["mv", "content/bronnen/old.md", "content/bronnen/renamed.md"]);
    repo.commit(C3, "rename old");
    repo.write(
        "content/bronnen/a.md",
        "---\ntitle: A\n---\nDerde versie.\n",
    );
    repo.git(&["mv", "content/effecten/e.md", "content/effecten/e2.md"]);
    repo.write(
        "content/effecten/e2.md",
        "---\ntitle: E2\n---\nEen effect, herschreven.\n",
    );
    repo.commit(C4, "edit a, rename e with an edit");
    repo.write("content/bronnen/new.md", "---\ntitle: Nieuw\n---\nNieuw.\n");
    repo.write("src/main.rs", "fn main() {}\n");
    repo.commit(C5, "add new");
    repo
}

fn files() -> Vec<ContentFile> {
    vec![
        ContentFile::new("content/bronnen/a.md"),
        ContentFile::new("content/bronnen/b.md"),
        ContentFile::new("content/bronnen/renamed.md").with_earlier(["content/bronnen/old.md"]),
        ContentFile::new("content/effecten/e2.md").with_earlier(["content/effecten/e.md"]),
        ContentFile::new("content/bronnen/new.md"),
    ]
}

/// A date as the tests compare it: the instant and the UTC offset (`Display` of `OffsetDateTime`),
/// `≤…` for an upper bound, `uncommitted`, `unknown`.
fn when(dated: &Dated) -> String {
    match dated {
        Dated::In(commit) => commit.time.to_string(),
        Dated::AtOrBefore(commit) => format!("≤{}", commit.time),
        Dated::Uncommitted => "uncommitted".into(),
        Dated::Unknown => "unknown".into(),
    }
}

/// A commit date written as in the history above, in the form [`when`] gives.
fn at(rfc3339: &str) -> String {
    OffsetDateTime::parse(rfc3339, &Rfc3339)
        .unwrap()
        .to_string()
}

/// The history of the files at `paths` (relative to `root`).
fn read(root: &Path, paths: &[&str]) -> History {
    let files: Vec<ContentFile> = paths.iter().map(ContentFile::new).collect();
    History::read(root, &files)
}

fn dates(history: &History, path: &str) -> (String, String) {
    let FileDates { added, changed } = history.dates(Path::new(path));
    (when(added), when(changed))
}

/// Asserts the dates of `path` in `history`, each written as for [`pair`]; `why` is said when not.
#[track_caller]
fn assert_dates(history: &History, path: &str, added: &str, changed: &str, why: &str) {
    assert_eq!(dates(history, path), pair(added, changed), "{path}: {why}");
}

/// `(added, changed)`: a commit date from the constants above is converted with [`at`], the words
/// `uncommitted` and `unknown` and an `≤` prefix are kept.
fn pair(added: &str, changed: &str) -> (String, String) {
    let one = |text: &str| match text {
        "uncommitted" | "unknown" => text.to_string(),
        _ => match text.strip_prefix('≤') {
            Some(date) => format!("≤{}", at(date)),
            None => at(text),
        },
    };
    (one(added), one(changed))
}

#[test]
fn added_and_changed_dates_come_from_the_commits() {
    let repo = site();
    let history = History::read(repo.root(), &files());
    assert_eq!(history.warning, None);
    assert_dates(
        &history,
        "content/bronnen/a.md",
        C1,
        C4,
        "added, changed twice",
    );
    assert_dates(
        &history,
        "content/bronnen/b.md",
        C1,
        C1,
        "untouched since the first commit",
    );
    assert_dates(&history, "content/bronnen/new.md", C5, C5, "");
}

#[test]
fn the_date_is_the_day_where_the_commit_was_made() {
    let repo = site();
    let history = History::read(repo.root(), &files());
    let added = history
        .dates(Path::new("content/bronnen/a.md"))
        .added
        .exact()
        .unwrap()
        .clone();
    let date = added.date();
    assert_eq!(
        (date.year(), date.month(), date.day()),
        (2026, time::Month::March, 3),
        "00:30 in +01:00, not 2 March in UTC"
    );
    assert_eq!(added.time.offset().whole_hours(), 1);
    assert_eq!(added.id.len(), 40);
}

#[test]
fn a_renamed_record_keeps_its_history_through_its_alias() {
    let repo = site();
    let history = History::read(repo.root(), &files());
    assert_dates(
        &history,
        "content/bronnen/renamed.md",
        C1,
        C1,
        "a rename that keeps the contents is not a change",
    );
    assert_dates(
        &history,
        "content/effecten/e2.md",
        C1,
        C4,
        "renamed with an edit",
    );

    let without_alias = read(repo.root(), &["content/bronnen/renamed.md"]);
    assert_dates(&without_alias, "content/bronnen/renamed.md", C3, C3, "");
}

#[test]
fn a_shallow_clone_says_nothing_about_what_it_cut_off() {
    let repo = site();
    let dir = tempfile::tempdir().unwrap();
    let clone = repo.clone_into(dir.path(), &["--depth=1"]);
    let history = History::read(&clone, &files());

    let boundary = format!("≤{C5}");
    for file in files() {
        let file = file.path.to_str().unwrap();
        assert_dates(&history, file, &boundary, &boundary, "");
        assert_eq!(history.dates(Path::new(file)).added.exact(), None);
    }
    let Some(Warning::Shallow { boundary, undated }) = &history.warning else {
        panic!("expected a shallow warning, got {:?}", history.warning);
    };
    assert_eq!((&*boundary.id, *undated), (repo.head().as_str(), 5));
    let diagnostic = history.warning.as_ref().unwrap().to_diagnostic();
    assert_eq!(diagnostic.code, "history-shallow");
    let help = diagnostic.texts(kennisbank::i18n::Lang::En).help.unwrap();
    assert!(help.contains("fetch-depth: 0"), "{help}");
}

#[test]
fn a_deeper_shallow_clone_dates_what_happened_after_its_boundary() {
    let repo = site();
    let dir = tempfile::tempdir().unwrap();
    let clone = repo.clone_into(dir.path(), &["--depth=2"]);
    let history = History::read(&clone, &files());
    let c4 = format!("≤{C4}");
    assert_dates(&history, "content/bronnen/new.md", C5, C5, "");
    assert_dates(&history, "content/bronnen/a.md", &c4, &c4, "");
    assert!(matches!(
        history.warning,
        Some(Warning::Shallow { undated: 4, .. })
    ));
}

/// Counts the objects a partial clone lacks, without fetching them.
fn missing_objects(clone: &Path) -> usize {
    git_in(
        clone,
        &["rev-list", "--objects", "--all", "--missing=print"],
        None,
    )
    .lines()
    .filter(|line| line.starts_with('?'))
    .count()
}

#[test]
fn a_blobless_clone_gives_the_same_dates_without_fetching_a_blob() {
    let repo = site();
    repo.git(&["config", "uploadpack.allowFilter", "true"]);
    let full = History::read(repo.root(), &files());
    let dir = tempfile::tempdir().unwrap();
    let clone = repo.clone_into(dir.path(), &["--filter=blob:none"]);
    // The remote goes away: a blob Git wanted now would be an error, not a slow download.
    std::fs::rename(repo.root(), dir.path().join("gone")).unwrap();
    let missing = missing_objects(&clone);
    assert!(
        missing > 0,
        "the clone holds every blob: not a blobless clone"
    );

    let history = History::read(&clone, &files());
    assert_eq!(history.warning, None);
    for file in files() {
        assert_eq!(
            history.dates(&file.path),
            full.dates(&file.path),
            "{}",
            file.path.display()
        );
    }
    assert_eq!(
        missing_objects(&clone),
        missing,
        "reading the history fetched objects"
    );

    // What the module avoids: `git log` with rename detection wants the old blobs.
    let renames = Command::new("git")
        .args(["log", "--name-status", "-M"])
        .current_dir(&clone)
        .env("GIT_NO_LAZY_FETCH", "1")
        .output()
        .unwrap();
    assert!(
        !renames.status.success(),
        "rename detection did not need a blob after all"
    );
}

#[test]
fn a_merge_counts_on_the_day_it_was_merged() {
    const FIRST: &str = "2026-01-01T10:00:00+01:00";
    const SIDE: &str = "2026-01-05T10:00:00+01:00";
    const MAIN: &str = "2026-01-07T10:00:00+01:00";
    const MERGE: &str = "2026-01-10T10:00:00+01:00";
    let repo = Repo::new();
    repo.write("content/a.md", "een\n");
    repo.write("content/b.md", "een\n");
    repo.commit(FIRST, "first");
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("content/a.md", "twee\n");
    repo.commit(SIDE, "on the side branch");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("content/b.md", "twee\n");
    repo.commit(MAIN, "on main");
    git_in(
        repo.root(),
        &["merge", "-q", "--no-ff", "side", "-m", "merge side"],
        Some(MERGE),
    );
    let history = read(repo.root(), &["content/a.md", "content/b.md"]);
    assert_dates(
        &history,
        "content/a.md",
        FIRST,
        MERGE,
        "the side branch's own date (5 January) is not when it reached main",
    );
    assert_dates(&history, "content/b.md", FIRST, MAIN, "");
}

#[test]
fn a_project_in_a_subfolder_of_the_repository() {
    let repo = Repo::new();
    repo.write("site/content/a.md", "een\n");
    repo.write(
        "content/a.md",
        "another project's file with the same relative path\n",
    );
    repo.commit(C1, "first");
    repo.write("content/a.md", "changed\n");
    repo.commit(C2, "the other project");
    let history = read(&repo.root().join("site"), &["content/a.md"]);
    assert_eq!(history.warning, None);
    assert_dates(&history, "content/a.md", C1, C1, "");
}

#[test]
fn uncommitted_work_has_no_date() {
    let repo = site();
    repo.write(
        "content/bronnen/a.md",
        "---\ntitle: A\n---\nNog niet vastgelegd.\n",
    );
    repo.write("content/bronnen/untracked.md", "nieuw\n");
    repo.write("content/bronnen/staged.md", "nieuw en klaargezet\n");
    repo.git(&["add", "content/bronnen/staged.md"]);
    let mut wanted = files();
    wanted.push(ContentFile::new("content/bronnen/untracked.md"));
    wanted.push(ContentFile::new("content/bronnen/staged.md"));
    let history = History::read(repo.root(), &wanted);
    assert_eq!(history.warning, None);
    assert_dates(&history, "content/bronnen/a.md", C1, "uncommitted", "");
    assert_dates(
        &history,
        "content/bronnen/b.md",
        C1,
        C1,
        "clean files keep their dates",
    );
    for new in ["content/bronnen/untracked.md", "content/bronnen/staged.md"] {
        assert_dates(&history, new, "uncommitted", "uncommitted", "");
    }
}

#[test]
fn an_ignored_file_is_unknown() {
    let repo = site();
    repo.write(".gitignore", "concept-*.md\n");
    repo.write("content/bronnen/concept-x.md", "concept\n");
    let history = read(repo.root(), &["content/bronnen/concept-x.md"]);
    assert_dates(
        &history,
        "content/bronnen/concept-x.md",
        "unknown",
        "unknown",
        "",
    );
}

#[test]
fn a_repository_without_commits_yet() {
    let repo = Repo::new();
    repo.write("content/a.md", "een\n");
    let history = read(repo.root(), &["content/a.md"]);
    assert_eq!(history.warning, None);
    assert_dates(&history, "content/a.md", "uncommitted", "uncommitted", "");
}

#[test]
fn a_folder_without_git_has_no_dates_and_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    std::fs::write(dir.path().join("content/a.md"), "een\n").unwrap();
    let history = read(dir.path(), &["content/a.md"]);
    assert_eq!(history.warning, Some(Warning::NoRepository));
    assert_dates(&history, "content/a.md", "unknown", "unknown", "");
    assert_eq!(
        history.warning.unwrap().to_diagnostic().code,
        "history-unavailable"
    );
}

#[test]
fn without_a_git_program_there_are_no_dates_and_one_warning() {
    let repo = site();
    let history = History::read_using(OsStr::new("/nonexistent/git"), repo.root(), &files());
    assert_eq!(history.warning, Some(Warning::NoGit));
    assert_dates(&history, "content/bronnen/a.md", "unknown", "unknown", "");
}

#[test]
fn a_failing_git_is_a_warning_not_a_failure() {
    let repo = site();
    // `false` exits 1 whatever it is asked, like a Git that refuses the repository.
    let history = History::read_using(OsStr::new("false"), repo.root(), &files());
    let Some(Warning::GitFailed { command, .. }) = &history.warning else {
        panic!("expected GitFailed, got {:?}", history.warning);
    };
    assert_eq!(command, "git rev-parse");
    assert_dates(&history, "content/bronnen/a.md", "unknown", "unknown", "");
}

/// Times `History::read` on a generated site committed in 50 commits: 40 that each add a fortieth
/// of the files, then 10 that each edit 500 of them. Prints figures; asserts only that every file
/// has dates.
#[test]
#[ignore]
fn bench() {
    let pages: usize = std::env::var("KENNISBANK_BENCH_PAGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let repo = Repo::new();
    expect_success(
        generator()
            .args(["--pages", &pages.to_string(), "--output"])
            .arg(repo.root())
            .arg("--root")
            .arg(crate::util::repo()),
    );
    let mut paths: Vec<String> = walkdir::WalkDir::new(repo.root().join("content"))
        .into_iter()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let relative = entry.path().strip_prefix(repo.root()).unwrap();
            relative.to_str().unwrap().to_string()
        })
        .collect();
    paths.sort();
    let hidden = repo.root().join("hidden");
    std::fs::create_dir_all(&hidden).unwrap();
    for path in &paths {
        let to = hidden.join(path.replace('/', "__"));
        std::fs::rename(repo.root().join(path), to).unwrap();
    }
    let batches = 40;
    let per = paths.len().div_ceil(batches);
    for (n, batch) in paths.chunks(per).enumerate() {
        for path in batch {
            std::fs::rename(hidden.join(path.replace('/', "__")), repo.root().join(path)).unwrap();
        }
        repo.commit(&format!("2026-01-{:02}T12:00:00+01:00", n % 28 + 1), "add");
    }
    std::fs::remove_dir(&hidden).unwrap();
    for n in 0..10 {
        for path in paths.iter().skip(n * 7).step_by((paths.len() / 500).max(1)) {
            let full = repo.root().join(path);
            let mut text = std::fs::read_to_string(&full).unwrap();
            text.push_str(&format!("\nBewerking {n}.\n"));
            std::fs::write(full, text).unwrap();
        }
        repo.commit(&format!("2026-02-{:02}T12:00:00+01:00", n + 1), "edit");
    }
    let commits = repo.git(&["rev-list", "--count", "HEAD"]);
    let wanted: Vec<ContentFile> = paths.iter().map(ContentFile::new).collect();

    // Median, min and max of 5 reads, in ms.
    let time = |root: &Path| {
        let mut runs: Vec<f64> = (0..5)
            .map(|_| {
                let start = std::time::Instant::now();
                let history = History::read(root, &wanted);
                let elapsed = start.elapsed().as_secs_f64() * 1000.0;
                assert!(history.warning.is_none(), "{:?}", history.warning);
                let dated = |f: &ContentFile| history.dates(&f.path).added.exact().is_some();
                assert!(wanted.iter().all(dated));
                elapsed
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        format!("{:.0} ms (min {:.0}, max {:.0})", runs[2], runs[0], runs[4])
    };
    // Files written in the same second as the index are "racily clean": `git status` hashes them
    // again on every run until an index refresh is written a second later, which History::read
    // never does (it takes no index lock). Just after a commit or a clone is the worst case.
    let settle = |root: &Path| {
        std::thread::sleep(std::time::Duration::from_millis(1100));
        git_in(root, &["status", "--porcelain"], None);
    };
    let fresh = time(repo.root());
    settle(repo.root());
    let settled = time(repo.root());
    repo.git(&["config", "uploadpack.allowFilter", "true"]);
    let dir = tempfile::tempdir().unwrap();
    let clone = repo.clone_into(dir.path(), &["--filter=blob:none"]);
    let blobless_fresh = time(&clone);
    settle(&clone);
    let blobless = time(&clone);
    println!(
        "history: {} files, {} commits, median of 5 reads\n  \
         full clone: just committed {fresh}, settled {settled}\n  \
         blobless clone: just cloned {blobless_fresh}, settled {blobless}",
        paths.len(),
        commits.trim(),
    );
}
