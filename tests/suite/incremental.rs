//! `kennisbank build` with its persistent cache (`.cache/kennisbank/build/`): a build after an
//! edit gives the same bytes as a build with `--no-cache`, a build with nothing changed leaves the
//! output alone, and a damaged or foreign cache is ignored with one warning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::util::{TestSite, copy_tree, expect_success, generator, kennisbank, repo};

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn assert_same_tree(built: &Path, clean: &Path, after: &str) {
    let (built, clean) = (tree(built), tree(clean));
    let paths = |t: &BTreeMap<PathBuf, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(paths(&built), paths(&clean), "other files after {after}");
    for (path, bytes) in &built {
        assert!(
            *bytes == clean[path],
            "{} differs from a clean build after {after}",
            path.display()
        );
    }
}

/// `kennisbank build` of `root` into `out`, with `extra` arguments: its stderr.
fn build(root: &Path, out: &Path, extra: &[&str]) -> String {
    let output = expect_success(
        kennisbank()
            .arg("build")
            .arg("--root")
            .arg(root)
            .arg("--output")
            .arg(out)
            .args(extra),
    );
    String::from_utf8(output.stderr).unwrap()
}

const UNCHANGED: &str = "niets veranderd sinds de vorige build";

fn append(path: &Path, text: &str) {
    let mut bytes = std::fs::read(path).unwrap();
    bytes.extend_from_slice(text.as_bytes());
    std::fs::write(path, bytes).unwrap();
}

/// Replaces the first `from` in the file by `to`.
fn replace(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no `{from}`", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The first Markdown file under `dir`, in name order.
fn first_md(dir: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files.remove(0)
}

/// Builds the site at `root`, then after each kind of edit (body, front matter, theme, config)
/// builds again with the cache and compares the output with a `--no-cache` build, byte for byte.
/// `label` is the front-matter edit of the first source: text to replace, and its replacement.
fn edits_give_what_a_clean_build_gives(root: &Path, label: (&str, &str)) {
    let out = root.join("public");
    let clean = root.join("clean");
    let first = build(root, &out, &[]);
    assert!(!first.contains(UNCHANGED), "{first}");
    let again = build(root, &out, &[]);
    assert!(again.contains(UNCHANGED), "nothing changed, yet:\n{again}");
    // The warnings of the build it stands for are shown again.
    assert_eq!(
        first.matches("waarschuwing").count(),
        again.matches("waarschuwing").count(),
        "first:\n{first}\nagain:\n{again}"
    );

    let page = first_md(&root.join("content/bronnen"));
    let edits: [(&str, &dyn Fn()); 4] = [
        ("a body edit", &|| {
            append(&page, "\nEen zin die er net bij kwam.\n")
        }),
        ("a front-matter edit", &|| replace(&page, label.0, label.1)),
        ("a theme edit", &|| {
            append(
                &root.join("themes/default/static/style.css"),
                "\n.incremental-test { color: inherit; }\n",
            )
        }),
        ("a config edit", &|| {
            replace(
                &root.join("content/site.yaml"),
                "Samen Opleiden &",
                "Samen Opleiden en",
            )
        }),
    ];
    for (what, edit) in edits {
        edit();
        let stderr = build(root, &out, &[]);
        assert!(!stderr.contains(UNCHANGED), "after {what}:\n{stderr}");
        build(root, &clean, &["--no-cache"]);
        assert_same_tree(&out, &clean, what);
        assert!(build(root, &out, &[]).contains(UNCHANGED), "after {what}");
    }

    // The output itself changed since: never trusted, built again.
    std::fs::write(out.join("index.html"), "weg").unwrap();
    let stderr = build(root, &out, &[]);
    assert!(!stderr.contains(UNCHANGED), "{stderr}");
    assert_same_tree(&out, &clean, "an edit of the output");
    let last = tree(&out).into_keys().next_back().unwrap();
    std::fs::remove_file(out.join(last)).unwrap();
    assert!(!build(root, &out, &[]).contains(UNCHANGED));
    assert_same_tree(&out, &clean, "a file removed from the output");
}

#[test]
fn the_shipped_content_built_with_the_cache_equals_a_clean_build() {
    let site = TestSite::shipped();
    edits_give_what_a_clean_build_gives(site.root(), ("label: ", "label: Herzien "));
}

#[test]
fn a_generated_site_built_with_the_cache_equals_a_clean_build() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    expect_success(
        generator()
            .args(["--pages", "150", "--seed", "7", "--output"])
            .arg(&root)
            .arg("--root")
            .arg(repo()),
    );
    // The generator links the repository's themes; the theme edit must not reach them.
    std::fs::remove_file(root.join("themes")).unwrap();
    copy_tree(&repo().join("themes"), &root.join("themes"));
    edits_give_what_a_clean_build_gives(&root, ("label: \"", "label: \"Herzien "));
}

/// The one file of the build cache.
fn cache_file(root: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(root.join(".cache/kennisbank/build"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn a_damaged_or_foreign_cache_is_ignored_with_one_warning() {
    let site = TestSite::fixture();
    let out = site.path("public");
    build(site.root(), &out, &[]);
    let file = cache_file(site.root());
    let good = std::fs::read(&file).unwrap();
    let foreign = String::from_utf8(good.clone()).unwrap().replacen(
        env!("CARGO_PKG_VERSION"),
        "0.0.0-ander",
        1,
    );
    let cases: [(&[u8], &[&str], &str); 4] = [
        (&good[..good.len() / 2], &[], "beschadigd"),
        (b"rommel", &[], "beschadigd"),
        (foreign.as_bytes(), &[], "andere versie"),
        (foreign.as_bytes(), &["--lang", "en"], "another version"),
    ];
    for (bytes, lang, words) in cases {
        std::fs::write(&file, bytes).unwrap();
        let stderr = build(site.root(), &out, lang);
        assert_eq!(stderr.matches("build-cache").count(), 1, "{stderr}");
        assert!(stderr.contains(words), "{stderr}");
        assert!(!stderr.contains(UNCHANGED), "{stderr}");
        // Written anew: the next build trusts it again.
        assert!(build(site.root(), &out, &[]).contains(UNCHANGED));
    }
    // --no-cache builds everything, and the cache it writes serves the next build.
    let stderr = build(site.root(), &out, &["--no-cache"]);
    assert!(!stderr.contains(UNCHANGED), "{stderr}");
    assert!(build(site.root(), &out, &[]).contains(UNCHANGED));
}
