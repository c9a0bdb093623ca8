//! Property tests over loading a content file: whatever bytes an editor saves, in whichever
//! folder, `kennisbank::load::load` (the real entry point: decode, split, parse, key check, typed
//! record) returns records or diagnostics, never a panic, and every diagnostic's span lies inside
//! the file it names.
//!
//! Each case loads a real project folder, so the default is 500 cases a property;
//! `PROPTEST_CASES=200000 cargo test --release --test suite fuzz_front_matter` runs it longer.

use std::cell::RefCell;

use proptest::prelude::*;

/// Text that looks like front matter often enough to reach the YAML parser and serde.
fn front_matter_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "[a-z_]{1,8}: [^\\n]{0,20}",
        "  - [^\\n]{0,12}",
        "    [a-z]{1,6}: [\\[\\]{}\"':,#&*!|>a-z0-9 .-]{0,16}",
        "---",
        "[^\\n]{0,30}",
        Just("title: \"Één\"".to_string()),
        Just("findings:".to_string()),
    ];
    (
        prop::collection::vec(line, 0..12),
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(|(lines, open, crlf)| {
            let eol = if crlf { "\r\n" } else { "\n" };
            let mut text = if open {
                format!("---{eol}")
            } else {
                String::new()
            };
            text.push_str(&lines.join(eol));
            text
        })
}

/// The six content folders: each kind of file has its own schema.
const FOLDERS: [&str; 6] = [
    "effecten",
    "waarden",
    "bronnen",
    "kennisbank",
    "begrippen",
    "paginas",
];

thread_local! {
    /// One project folder per test thread, its single content file overwritten per case.
    static SITE: RefCell<Option<tempfile::TempDir>> = const { RefCell::new(None) };
}

fn load_one(bytes: &[u8], folder: usize) {
    SITE.with(|site| {
        let mut site = site.borrow_mut();
        let root = site
            .get_or_insert_with(|| tempfile::tempdir().unwrap())
            .path();
        let content = root.join("content");
        let _ = std::fs::remove_dir_all(&content);
        let relative = format!("content/{}/x.md", FOLDERS[folder % FOLDERS.len()]);
        let path = root.join(&relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        let loaded = kennisbank::load::load(root, &content);
        for d in loaded.diagnostics.iter() {
            let Some((file, span)) = &d.location else {
                continue;
            };
            assert_eq!(
                file.path.to_string_lossy(),
                relative,
                "a diagnostic about another file: {d:?}"
            );
            assert!(
                span.start + span.len <= file.text.len(),
                "span {}..{} outside the file of {} bytes: {d:?}",
                span.start,
                span.start + span.len,
                file.text.len()
            );
            let rendered = d.render(kennisbank::i18n::Lang::Nl, false);
            let (line, col) = d.line_col().unwrap();
            assert!(
                rendered.contains(&format!("{relative}:{line}:{col}")),
                "the report does not name its place:\n{rendered}"
            );
        }
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}", folder in 0..6usize) {
        load_one(text.as_bytes(), folder);
    }

    #[test]
    fn front_matter_like_text_never_panics(text in front_matter_like(), folder in 0..6usize) {
        load_one(format!("{text}\n---\nbody\n").as_bytes(), folder);
        load_one(text.as_bytes(), folder);
    }

    #[test]
    fn arbitrary_bytes_decode_or_report(
        bytes in prop::collection::vec(any::<u8>(), 0..200),
        folder in 0..6usize,
    ) {
        load_one(&bytes, folder);
    }
}
