//! What the integration tests share: project folders in temporary directories (the fixture, a copy
//! of the shipped content, or only the themes), the real binary run in them, and the shipped
//! content checked and built once per test run.

pub mod http;
/// The library's unit-test helpers, shared so the fixture is copied one way.
#[path = "../../../src/testing.rs"]
mod testing;

pub use testing::copy_tree;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use kennisbank::graph::KnowledgeGraph;

/// The repository: `content/`, `themes/`, `tests/fixtures/`.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The real `kennisbank` binary, without colour, ready for arguments. The locale variables are
/// removed, so messages are in the site's language (Dutch) whatever the machine's locale; tests
/// of English pass `--lang en`.
pub fn kennisbank() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kennisbank"));
    command.env("NO_COLOR", "1");
    for locale in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(locale);
    }
    command
}

/// The benchmark tool `kennisbank-generate` (a synthetic site of N pages), ready for arguments.
pub fn generator() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kennisbank-generate"))
}

/// Runs `command` and panics, showing what it printed, unless it exits with 0.
pub fn expect_success(command: &mut Command) -> Output {
    let output = command.output().expect("run kennisbank");
    assert!(
        output.status.success(),
        "{command:?} exited with {}:\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// A project folder with the repository's themes and no content yet.
    pub fn themes_only() -> TestSite {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_tree(&repo().join("themes"), &dir.path().join("themes"));
        TestSite { dir }
    }

    /// A copy of the fixture site with the repository's themes.
    pub fn fixture() -> TestSite {
        TestSite {
            dir: testing::fixture(true),
        }
    }

    /// A copy of the shipped content with the repository's themes.
    pub fn shipped() -> TestSite {
        let site = TestSite::themes_only();
        copy_tree(&repo().join("content"), &site.path("content"));
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Saves the way many editors do: a temporary file beside the target, renamed over it.
    pub fn save_atomically(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        let temp = path.with_file_name(format!(
            ".{}.tmp",
            path.file_name().unwrap().to_string_lossy()
        ));
        std::fs::write(&temp, text).unwrap();
        std::fs::rename(&temp, &path).unwrap();
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative))
            .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
    }

    pub fn options(&self) -> kennisbank::site::BuildOptions {
        kennisbank::site::BuildOptions::new(self.root())
    }

    /// Builds the site with the library into `public/`, which it returns; it must not fail.
    pub fn build(&self) -> PathBuf {
        let out = self.path("public");
        kennisbank::site::build(&self.options(), &out).unwrap();
        out
    }

    /// Runs the kennisbank binary in the site folder.
    pub fn run(&self, args: &[&str]) -> Output {
        kennisbank()
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("run kennisbank")
    }
}

/// The base URL the shipped site is built with, so that sitemap, feed and canonical links are
/// absolute as on Netlify.
pub const BASE: &str = "https://kennisbank.example.org/";

/// The shipped content's graph, checked once: it must come without any error or warning.
pub fn shipped_graph() -> &'static KnowledgeGraph {
    static GRAPH: OnceLock<KnowledgeGraph> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let checked = kennisbank::site::graph(&kennisbank::site::BuildOptions::new(repo()));
        let diagnostics = match &checked {
            Ok(checked) => checked.warnings(),
            Err(diagnostics) => diagnostics,
        };
        let problems: Vec<String> = diagnostics.iter().map(|d| d.one_line()).collect();
        assert!(
            problems.is_empty(),
            "the shipped content must check clean:\n{}",
            problems.join("\n")
        );
        checked.expect("shipped content checks").into_parts().0
    })
}

/// The shipped content built once, by `kennisbank build --base-url` as Netlify runs it, into a
/// temporary folder that lives as long as the test run.
pub fn shipped_site() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &SITE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let out = dir.path().join("site");
            expect_success(
                kennisbank()
                    .args(["build", "--base-url", BASE, "--root"])
                    .arg(repo())
                    .arg("--output")
                    .arg(&out),
            );
            (dir, out)
        })
        .1
}

/// A file of the built shipped site, as text.
pub fn shipped_file(relative: &str) -> String {
    let file = shipped_site().join(relative);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()))
}

/// Every file under `dir` with its bytes, for byte-identical comparisons.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// 1-based line and column (in characters) of the first occurrence of `needle` in `text`.
pub fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the file"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
