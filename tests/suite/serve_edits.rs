//! `serve`'s cached pipeline on a generated site: after each front-matter edit the site it makes
//! is, file for file and byte for byte, the site a clean build makes of the edited content, and an
//! edit that keeps the records in place plans only some of the pages (dependency tracking).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use kennisbank::output::Sink;
use kennisbank::site::{BuildOptions, Pipeline};
use kennisbank::timings::Timings;

use crate::util::{TestSite, expect_success, generator, repo};

/// Every file handed to it, by path.
#[derive(Default)]
struct Files(Mutex<BTreeMap<String, Arc<[u8]>>>);

impl Sink for Files {
    fn write(&self, path: &str, bytes: Arc<[u8]>) -> anyhow::Result<()> {
        self.0.lock().unwrap().insert(path.to_string(), bytes);
        Ok(())
    }
}

/// Runs `pipeline` after `changed`: every file it made, and how many pages it planned of how many.
fn run(
    pipeline: &mut Pipeline,
    changed: &[PathBuf],
) -> (BTreeMap<String, Arc<[u8]>>, usize, usize) {
    let files = Files::default();
    let built = pipeline
        .run(changed, &files, &mut Timings::start())
        .unwrap()
        .unwrap_or_else(|d| panic!("the site builds: {d:?}"));
    let files = files.0.into_inner().unwrap();
    (files, built.pages.planned, built.pages.page_count)
}

/// The middle Markdown file of a folder of `content/`.
fn middle(root: &Path, folder: &str) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("content").join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files[files.len() / 2].clone()
}

/// Sets the first line of `file` that starts with `prefix` to `line`.
fn set_line(file: &Path, prefix: &str, line: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    let at = text
        .lines()
        .position(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("{} has a line `{prefix}…`", file.display()));
    let mut lines: Vec<&str> = text.lines().collect();
    lines[at] = line;
    std::fs::write(file, lines.join("\n") + "\n").unwrap();
}

#[test]
fn front_matter_edits_on_a_generated_site_make_the_clean_site() {
    let site = TestSite::themes_only();
    let root = site.root();
    expect_success(
        generator()
            .args(["--pages", "300", "--seed", "3", "--output"])
            .arg(root)
            .arg("--root")
            .arg(repo()),
    );
    let options = BuildOptions::new(root);
    let mut cached = Pipeline::cached(options.clone());
    run(&mut cached, &[]);
    let effect = middle(root, "effecten");
    let effect_key = effect.file_stem().unwrap().to_string_lossy().into_owned();
    let source = middle(root, "bronnen");
    let term = middle(root, "begrippen");
    let finding_effects = format!("    effects: [\"{effect_key}\"]");
    // (file, line prefix, new line, what, whether the records stay where they are)
    let edits: [(&Path, &str, &str, &str, bool); 5] = [
        (
            &source,
            "    effects: ",
            &finding_effects,
            "a finding's effects",
            true,
        ),
        (
            &source,
            "title: ",
            "title: \"Een andere titel\"",
            "a source's title",
            true,
        ),
        (
            &term,
            "summary: ",
            "summary: \"Een andere samenvatting.\"",
            "a term's summary",
            true,
        ),
        (
            &effect,
            "title: ",
            "title: \"Een ander effect\"",
            "an effect's title",
            true,
        ),
        (
            &term,
            "title: ",
            "title: \"Aaa vooraan\"",
            "a term moved",
            false,
        ),
    ];
    for (file, prefix, line, what, in_place) in edits {
        set_line(file, prefix, line);
        let (served, planned, pages) = run(&mut cached, &[file.to_path_buf()]);
        let (clean, _, _) = run(&mut Pipeline::new(options.clone()), &[]);
        let paths = |files: &BTreeMap<String, Arc<[u8]>>| files.keys().cloned().collect::<Vec<_>>();
        assert_eq!(paths(&served), paths(&clean), "{what}: other files");
        for (path, bytes) in &clean {
            assert!(
                served[path] == *bytes,
                "{what}: {path} differs from a clean build"
            );
        }
        if in_place {
            assert!(
                planned < pages,
                "{what}: {planned} of {pages} pages planned"
            );
        }
    }
}
