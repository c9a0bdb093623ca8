//! Loading one content file, whatever its bytes: decode, control characters, front-matter
//! split, YAML, shape check, typed record. The first byte picks the folder (each kind has its
//! own schema), the rest is the file.
//!
//! Beyond "never panics": every diagnostic names the file, its span lies inside the text on
//! character boundaries, its texts format in both languages and its report shows its
//! `file:line:col`; a typed record's text holds no control character any more (they never reach
//! a page).

#![no_main]

use std::path::PathBuf;

use kennisbank::i18n::Lang;
use kennisbank::load::load_file;
use kennisbank::markdown::is_control;
use kennisbank::model::Kind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let kind = Kind::ALL[usize::from(first) % Kind::ALL.len()];
    let shown = PathBuf::from(format!("content/{}/x.md", kind.info().folder));
    let (record, diagnostics) = load_file(kind, &shown, bytes.to_vec());
    for d in diagnostics.iter() {
        // Every text formats in English too (a missing argument panics); the full report, with
        // its excerpt, once, in Dutch.
        d.texts(Lang::En);
        let rendered = d.render(Lang::Nl, false);
        let Some((file, span)) = &d.location else {
            continue;
        };
        assert_eq!(file.path, shown, "a diagnostic about another file: {d:?}");
        let end = span.start + span.len;
        assert!(end <= file.text.len(), "span outside the file: {d:?}");
        assert!(
            file.text.is_char_boundary(span.start) && file.text.is_char_boundary(end),
            "span inside a character: {d:?}"
        );
        let (line, col) = d.line_col().unwrap();
        let place = format!("{}:{line}:{col}", shown.display());
        assert!(rendered.contains(&place), "no {place} in:\n{rendered}");
    }
    if let Some(record) = record {
        let origin = record.origin();
        assert!(
            !origin.file.text.chars().any(is_control),
            "a control character stayed"
        );
        assert!(origin.body_offset <= origin.file.text.len());
        assert_eq!(&origin.file.text[origin.body_offset..], origin.body);
    }
});
