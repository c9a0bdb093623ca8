//! The shipped content is written in our own words: no run of 20 consecutive words (figures aside)
//! is copied from the platform's source documents. Names, titles and figures do carry over, which is
//! why shorter shared runs are allowed.
//!
//! The seeds live beside the repository (`../shared/seeds`), as on CI; without them there is nothing
//! to compare and the test says so.

use std::collections::HashSet;
use std::path::Path;

const RUN: usize = 20;

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn shipped_content_is_paraphrased_not_copied() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = repo.join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        eprintln!(
            "no seeds at {}: nothing to compare against",
            seeds.display()
        );
        return;
    };
    let mut copied_runs: HashSet<Vec<String>> = HashSet::new();
    for entry in entries {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes).replace('\u{fffd}', "");
        let w = words(&text);
        for window in w.windows(RUN) {
            copied_runs.insert(window.to_vec());
        }
    }
    assert!(!copied_runs.is_empty());
    let mut copies = Vec::new();
    for entry in walkdir::WalkDir::new(repo.join("content")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "md") {
            continue;
        }
        let w = words(&std::fs::read_to_string(entry.path()).unwrap());
        for window in w.windows(RUN) {
            let figures = window
                .iter()
                .filter(|x| x.chars().all(|c| c.is_ascii_digit()))
                .count();
            if figures < 3 && copied_runs.contains(window) {
                copies.push(format!(
                    "{}: {}",
                    entry.path().strip_prefix(repo).unwrap().display(),
                    window.join(" ")
                ));
                break;
            }
        }
    }
    assert!(
        copies.is_empty(),
        "text copied from the seeds:\n{}",
        copies.join("\n")
    );
}
