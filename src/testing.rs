//! Helpers for the unit tests of the library, also compiled into the integration tests by
//! `tests/suite/util/` (so this file may use only what both have): the fixture site of
//! `tests/fixtures/site`, copied where a test may change it.

use std::path::Path;

/// Copies the folder `from` to `to`, files and sub-folders.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary copy of the fixture site's content, with the repository's themes if `themes`.
pub fn fixture(themes: bool) -> tempfile::TempDir {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo.join("tests/fixtures/site"), dir.path());
    if themes {
        copy_tree(&repo.join("themes"), &dir.path().join("themes"));
    }
    dir
}
