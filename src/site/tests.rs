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
