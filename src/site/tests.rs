use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use super::*;
use crate::output::{Discard, MemorySite, Sink, Staging};
use crate::timings::Timings;

/// Passes every file on to `inner` and remembers its bytes.
struct Recording<'s> {
    inner: &'s dyn Sink,
    seen: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl<'s> Recording<'s> {
    fn new(inner: &'s dyn Sink) -> Self {
        Recording {
            inner,
            seen: Mutex::default(),
        }
    }

    fn seen(self) -> BTreeMap<String, Vec<u8>> {
        self.seen.into_inner().unwrap()
    }
}

impl Sink for Recording<'_> {
    fn write(&self, path: &str, bytes: Arc<[u8]>) -> anyhow::Result<()> {
        let previous = self
            .seen
            .lock()
            .unwrap()
            .insert(path.to_string(), bytes.to_vec());
        assert!(previous.is_none(), "`{path}` was written twice");
        self.inner.write(path, bytes)
    }
}

fn run(pipeline: &mut Pipeline, sink: &dyn Sink) -> BTreeMap<String, Vec<u8>> {
    let recording = Recording::new(sink);
    let built = pipeline
        .run(&[], &recording, &mut Timings::start())
        .expect("no sink fails")
        .expect("the fixture builds");
    let seen = recording.seen();
    let listed: Vec<&String> = built.pages.paths.iter().chain(&built.extras).collect();
    assert_eq!(
        listed.len(),
        seen.len(),
        "every file written is listed once"
    );
    seen
}

#[test]
fn every_sink_receives_the_same_bytes_for_the_same_plan() {
    let site = crate::testing::fixture(true);
    let options = BuildOptions::new(site.path());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let staging = Staging::create(&out).unwrap();
    let staged = run(&mut Pipeline::new(options.clone()), &staging);
    let _swapped = staging.finish().unwrap();

    let memory = MemorySite::default();
    let mut cached = Pipeline::cached(options.clone());
    let in_memory = run(&mut cached, &memory);
    let discarded = run(&mut Pipeline::new(options.clone()), &Discard);
    // A second run of the cached pipeline takes its pages from the caches.
    let again = run(&mut cached, &Discard);

    assert!(staged.contains_key("index.html") && staged.contains_key("zoeken/index/manifest.json"));
    assert!(
        staged == in_memory,
        "staging and memory received different files"
    );
    assert!(
        staged == discarded,
        "staging and discard received different files"
    );
    assert!(
        staged == again,
        "a run from the caches made different files"
    );

    let on_disk: BTreeMap<String, Vec<u8>> = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let path = e.path().strip_prefix(&out).unwrap();
            let path = path.to_string_lossy().replace('\\', "/");
            (path, std::fs::read(e.path()).unwrap())
        })
        .collect();
    assert!(
        on_disk == staged,
        "the output folder holds what the staging sink received"
    );
    let kept: BTreeMap<String, Vec<u8>> = memory
        .into_files()
        .into_iter()
        .map(|(path, bytes)| (path, bytes.to_vec()))
        .collect();
    assert!(kept == in_memory, "the memory site holds what it received");
}

/// A body edit takes the shortcut of a cached pipeline (the last graph patched, one page planned
/// again), yet each new mistake in it is reported: a new unsafe link or `[[rug-2017]]` (the
/// shortcut is refused), and a renamed heading that another page's link pointed at (every
/// anchor is checked after every render).
#[test]
fn the_body_edit_shortcut_misses_no_link_mistake() {
    let site = crate::testing::fixture(true);
    let options = BuildOptions::new(site.path());
    let chapter = site.path().join("content/kennisbank/deel/hoofdstuk.md");
    let linking = site.path().join("content/paginas/over.md");
    std::fs::write(
        &linking,
        "---\ntitle: Over deze site\n---\nZie [[artikel:hoofdstuk#krimp-in-de-regio]].\n",
    )
    .unwrap();
    let mut pipeline = Pipeline::cached(options);
    let codes = |pipeline: &mut Pipeline, changed: &[std::path::PathBuf]| -> Vec<&'static str> {
        match pipeline
            .run(changed, &Discard, &mut Timings::start())
            .unwrap()
        {
            Ok(_) => Vec::new(),
            Err(d) => d.iter().filter(|d| d.is_error()).map(|d| d.code).collect(),
        }
    };
    assert_eq!(codes(&mut pipeline, &[]), Vec::<&str>::new());
    let original = std::fs::read_to_string(&chapter).unwrap();
    let edits = [
        (
            "## Krimp in de regio",
            "## Krimp in de regio\n\n[klik](javascript:x)",
            "unsafe-url",
        ),
        (
            "## Krimp in de regio",
            "## Krimp in de regio\n\nZie [[rug-2017]].",
            "missing-reference-kind",
        ),
        ("## Krimp in de regio", "## Krimp overal", "unknown-anchor"),
    ];
    for (from, to, code) in edits {
        std::fs::write(&chapter, original.replace(from, to)).unwrap();
        assert_eq!(
            codes(&mut pipeline, std::slice::from_ref(&chapter)),
            [code],
            "{to}"
        );
        std::fs::write(&chapter, &original).unwrap();
        assert_eq!(
            codes(&mut pipeline, std::slice::from_ref(&chapter)),
            Vec::<&str>::new()
        );
    }
}

/// A front-matter edit in a cached pipeline plans only the pages made from the records it
/// changed, and the site it makes is the site a clean build makes of the edited content, every
/// file byte for byte: for edits that change what other pages show (a finding's effect, a title,
/// a summary, a tag), that add, remove or reorder records (every page planned), and after a
/// mistake and its fix.
#[test]
fn front_matter_edits_make_the_site_a_clean_build_makes() {
    let site = crate::testing::fixture(true);
    let options = BuildOptions::new(site.path());
    let mut cached = Pipeline::cached(options.clone());
    run(&mut cached, &Discard);
    let file = |name: &str| site.path().join("content").join(name);
    let edit = |name: &str, from: &str, to: &str| {
        let text = std::fs::read_to_string(file(name)).unwrap();
        assert!(text.contains(from), "{name} has `{from}`");
        std::fs::write(file(name), text.replacen(from, to, 1)).unwrap();
    };
    // After each edit: the cached run and a clean build of the same files, and how many pages
    // the cached run planned of how many.
    let compare = |cached: &mut Pipeline, name: &str, what: &str| -> (usize, usize) {
        let recording = Recording::new(&Discard);
        let changed = [file(name)];
        let built = cached
            .run(&changed, &recording, &mut Timings::start())
            .unwrap()
            .unwrap_or_else(|d| panic!("{what}: {d:?}"));
        let clean = run(&mut Pipeline::new(options.clone()), &Discard);
        let served = recording.seen();
        let differ: Vec<&String> = (clean.keys().chain(served.keys()))
            .filter(|path| clean.get(*path) != served.get(*path))
            .collect();
        assert!(differ.is_empty(), "{what}: these files differ: {differ:?}");
        (built.pages.planned, built.pages.page_count)
    };
    let narrow = [
        (
            "bronnen/rug-2017.md",
            "effects: [theorie-praktijk]",
            "effects: [behoud]",
            "a finding's effect",
        ),
        (
            "bronnen/ecbo-2021.md",
            "title: De meerwaarde",
            "title: Over de meerwaarde",
            "the title of a co-source",
        ),
        (
            "effecten/behoud.md",
            "title: Behoud van startende leraren",
            "title: Behoud van beginnende leraren",
            "an effect's title",
        ),
        (
            "begrippen/inductie.md",
            "summary: De begeleiding",
            "summary: Het begeleiden",
            "a term's summary",
        ),
        (
            "begrippen/inductie.md",
            "tags: [inductie]",
            "tags: []",
            "a tag taken off",
        ),
        (
            "bronnen/rug-2017.md",
            "kind: wetenschappelijk",
            "kind: beleid",
            "a source's kind",
        ),
    ];
    for (name, from, to, what) in narrow {
        edit(name, from, to);
        let (planned, pages) = compare(&mut cached, name, what);
        assert!(
            planned < pages,
            "{what}: {planned} of {pages} pages planned"
        );
    }
    // A save that changes nothing plans the page of that file at most.
    assert!(compare(&mut cached, "begrippen/inductie.md", "no change").0 <= 1);
    // A record added, then removed: every page is planned, and the result is still exact.
    let added = "bronnen/nieuw-2024.md";
    std::fs::write(
        file(added),
        "---\nlabel: Nieuw (2024)\nyear: 2024\nkind: beleid\n---\nZie [[effect:behoud]].\n",
    )
    .unwrap();
    compare(&mut cached, added, "a source added");
    std::fs::remove_file(file(added)).unwrap();
    compare(&mut cached, added, "a source removed");
    // A title that moves its record in the order of the terms' list.
    edit(
        "begrippen/inductie.md",
        "title: Inductie",
        "title: Zinductie",
    );
    compare(
        &mut cached,
        "begrippen/inductie.md",
        "a term moved in the order",
    );
    // A mistake is reported and keeps the last good caches; its fix makes the clean site.
    edit(
        "bronnen/rug-2017.md",
        "effects: [behoud]",
        "effects: [bestaat-niet]",
    );
    let broken = cached
        .run(
            &[file("bronnen/rug-2017.md")],
            &Discard,
            &mut Timings::start(),
        )
        .unwrap();
    assert!(broken.is_err(), "an unknown effect is an error");
    edit(
        "bronnen/rug-2017.md",
        "effects: [bestaat-niet]",
        "effects: [theorie-praktijk]",
    );
    let (planned, pages) = compare(&mut cached, "bronnen/rug-2017.md", "the fix");
    assert!(
        planned < pages,
        "the fix: {planned} of {pages} pages planned"
    );
}
