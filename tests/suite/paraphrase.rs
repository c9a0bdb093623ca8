//! The shipped content is written in our own words: no run of 20 consecutive words (figures aside)
//! is copied from the platform's source documents (the seeds). Names, titles and figures do carry
//! over, which is why shorter shared runs are allowed.
//!
//! The seeds live beside the repository (`../shared/seeds`, or `KENNISBANK_SEEDS`), not in it, so
//! a fresh clone may not have them. What is committed instead is `tests/seed-fingerprints.txt`:
//! a 48-bit hash of every normalised 20-word run of the seeds, never the text. The content is
//! checked against it on every run, with or without the seeds. Where the seeds are present, a
//! second test checks that the fingerprints are theirs; after the seeds change, regenerate with
//!
//! ```sh
//! KENNISBANK_SEEDS=/path/to/seeds cargo test --test suite paraphrase::regenerate -- --ignored
//! ```

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

use sha2::{Digest, Sha256};

use crate::util::repo;

/// Words in a run that counts as copied.
const RUN: usize = 20;
/// The first line of the fingerprints file: what it holds and how it was made. A file with
/// another first line was made another way and is stale.
const HEADER: &str = "# kennisbank seed fingerprints v1: first 6 bytes of SHA-256 of each run of 20 \
                      lowercased alphanumeric words (U+FFFD dropped, runs with 3+ numbers left out)";
const FINGERPRINTS: &str = "tests/seed-fingerprints.txt";

fn words(text: &str) -> Vec<String> {
    text.replace('\u{fffd}', "")
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every run of [`RUN`] words that is not mostly figures (those may be shared: years, counts).
fn runs(words: &[String]) -> impl Iterator<Item = &[String]> {
    words.windows(RUN).filter(|run| {
        run.iter()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
            .count()
            < 3
    })
}

fn fingerprint(run: &[String]) -> String {
    let digest = Sha256::digest(run.join(" ").as_bytes());
    digest[..6].iter().map(|b| format!("{b:02x}")).collect()
}

/// The seeds folder, if this machine has it.
fn seeds_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("KENNISBANK_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/seeds"));
    dir.is_dir().then_some(dir)
}

/// The fingerprints of every seed file in `dir`.
fn fingerprints_of_seeds(dir: &std::path::Path) -> BTreeSet<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seed files in {}", dir.display());
    let mut prints = BTreeSet::new();
    for file in files {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        prints.extend(runs(&words(&text)).map(fingerprint));
    }
    prints
}

/// The committed fingerprints, or why they cannot be used.
fn committed() -> Result<BTreeSet<String>, String> {
    let path = repo().join(FINGERPRINTS);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{FINGERPRINTS}: {e}"))?;
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return Err(format!(
            "{FINGERPRINTS} was made another way (its first line is not the current header)"
        ));
    }
    let prints: BTreeSet<String> = lines.map(str::to_string).collect();
    if prints.is_empty() || prints.iter().any(|p| p.len() != 12) {
        return Err(format!("{FINGERPRINTS} holds no well-formed fingerprints"));
    }
    Ok(prints)
}

/// Says something in the test run's output even when the test passes (libtest captures only the
/// print macros, not writes to the stream).
fn loudly(message: &str) {
    let _ = writeln!(std::io::stderr(), "\n!!! paraphrase: {message}\n");
}

#[test]
fn shipped_content_is_paraphrased_not_copied() {
    let prints = committed().unwrap_or_else(|e| panic!("{e}; see tests/suite/paraphrase.rs"));
    let mut copies = Vec::new();
    for entry in walkdir::WalkDir::new(repo().join("content")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "md") {
            continue;
        }
        let w = words(&std::fs::read_to_string(entry.path()).unwrap());
        if let Some(run) = runs(&w).find(|run| prints.contains(&fingerprint(run))) {
            copies.push(format!(
                "{}: {}",
                entry.path().strip_prefix(repo()).unwrap().display(),
                run.join(" ")
            ));
        }
    }
    assert!(
        copies.is_empty(),
        "text copied from the seeds:\n{}",
        copies.join("\n")
    );
}

/// The committed fingerprints are those of the seeds. Without the seeds this cannot be told; it
/// says so, and fails only on CI and only for what can be told without them (file missing or made
/// another way), since the content check above still runs on the committed fingerprints.
#[test]
fn the_committed_fingerprints_are_those_of_the_seeds() {
    let committed = committed();
    let Some(dir) = seeds_dir() else {
        loudly(&format!(
            "no seeds at ../shared/seeds (or KENNISBANK_SEEDS): content was checked against \
             {FINGERPRINTS} but whether those are current cannot be told here"
        ));
        if let (Some(_), Err(e)) = (std::env::var_os("CI"), committed) {
            panic!("on CI without the seeds, the fingerprints must at least be usable: {e}");
        }
        return;
    };
    let current = fingerprints_of_seeds(&dir);
    let committed = committed.unwrap_or_else(|e| panic!("{e}; regenerate (see paraphrase.rs)"));
    assert!(
        committed == current,
        "{FINGERPRINTS} is stale: {} fingerprints differ between it and the seeds in {}; \
         regenerate with `KENNISBANK_SEEDS={} cargo test --test suite paraphrase::regenerate -- \
         --ignored` and commit the file",
        committed.symmetric_difference(&current).count(),
        dir.display(),
        dir.display()
    );
}

/// Writes the fingerprints of the seeds to tests/seed-fingerprints.txt (run by hand, see the top).
#[test]
#[ignore = "writes tests/seed-fingerprints.txt from the seeds; run by hand after they change"]
fn regenerate() {
    let dir = seeds_dir().expect("the seeds: ../shared/seeds or KENNISBANK_SEEDS");
    let mut text = format!("{HEADER}\n");
    for print in fingerprints_of_seeds(&dir) {
        text.push_str(&print);
        text.push('\n');
    }
    std::fs::write(repo().join(FINGERPRINTS), text).unwrap();
}
