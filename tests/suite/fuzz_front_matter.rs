//! Property tests over front-matter splitting and parsing: whatever bytes an editor saves, loading
//! returns records or diagnostics, never a panic, and every diagnostic points inside its file.
//!
//! `PROPTEST_CASES=200000 cargo test --release --test suite fuzz_front_matter` runs it longer.

use kennisbank::diagnostics::{Diagnostics, SourceFile};
use kennisbank::load::{front_matter, schema, yaml};
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

fn load_one(text: &str) {
    let file = SourceFile::new("content/bronnen/x.md", text);
    let mut diagnostics = Diagnostics::new();
    match front_matter::split(&file) {
        Err(d) => diagnostics.push(d),
        Ok(split) => match yaml::parse(&file, split.yaml, split.yaml_offset) {
            Err(d) => diagnostics.push(d),
            Ok(tree) => {
                yaml::check_keys(&file, &tree, &schema::SOURCE, &mut diagnostics);
                if let Err(d) = yaml::typed::<kennisbank::model::SourceData>(
                    &file,
                    split.yaml,
                    split.yaml_offset,
                ) {
                    diagnostics.push(d);
                }
            }
        },
    }
    for d in diagnostics.iter() {
        if let Some((file, span)) = &d.location {
            assert!(
                span.start <= file.text.len(),
                "span outside the file: {d:?}"
            );
            let _ = d.render(false);
            let (line, col) = d.line_col().unwrap();
            assert!(line >= 1 && col >= 1);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        load_one(&text);
    }

    #[test]
    fn front_matter_like_text_never_panics(text in front_matter_like()) {
        load_one(&format!("{text}\n---\nbody\n"));
        load_one(&text);
    }

    #[test]
    fn arbitrary_bytes_decode_or_report(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        match front_matter::decode(std::path::Path::new("x.md"), bytes) {
            Ok(text) => load_one(&text),
            Err(d) => { let _ = d.render(false); }
        }
    }
}
