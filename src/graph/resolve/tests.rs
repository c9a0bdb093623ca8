use super::*;
use crate::load;

/// The fixture site of the integration tests, with `file` replaced by `text`: every error found.
fn errors_with(file: &str, text: &str) -> Vec<String> {
    let dir = crate::testing::fixture(false);
    std::fs::write(dir.path().join(file), text).unwrap();
    let loaded = load::load(dir.path(), &dir.path().join("content"));
    match resolve(loaded, Options::default()) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.one_line())
            .collect(),
    }
}

#[test]
fn the_fixture_resolves() {
    assert_eq!(
        errors_with("content/paginas/extra.md", "---\ntitle: Extra\n---\n"),
        Vec::<String>::new()
    );
}

#[test]
fn a_file_that_does_not_parse_still_claims_its_key() {
    // rug-2017 is named by a row's quote, an effect's body and an article's body.
    let errors = errors_with("content/bronnen/rug-2017.md", "---\nlabel: [RuG\n---\n");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("yaml-syntax"), "{errors:#?}");
}

#[test]
fn a_row_that_does_not_parse_claims_the_id_of_its_file_name() {
    // Row 1.1 is named by a source's finding and an effect's body.
    let errors = errors_with(
        "content/waarden/1-1.md",
        "---\nid: \"1.1\"\ntitle: [T\n---\n",
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
}
