//! The benchmark tool `kennisbank-generate` writes a synthetic site that the real `check` accepts,
//! so the benchmarks (tests/bench/) measure builds of valid content; it takes its vocabulary from
//! the project it is pointed at, and a seed always gives the same site.

use std::path::Path;

use crate::util::{TestSite, expect_success, generator, kennisbank, repo, snapshot};

fn generate(root: &Path, pages: &str, seed: &str, output: &Path) {
    expect_success(
        generator()
            .args(["--pages", pages, "--seed", seed, "--output"])
            .arg(output)
            .arg("--root")
            .arg(root),
    );
}

#[test]
fn a_generated_site_passes_check_with_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    generate(repo(), "400", "3", &site);
    let files = walkdir::WalkDir::new(site.join("content"))
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "md")
        })
        .count();
    assert!(
        (380..=420).contains(&files),
        "asked for 400 pages, got {files}"
    );

    let checked = kennisbank()
        .args(["check", "--format", "json", "--root"])
        .arg(&site)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&checked.stdout);
    let errors: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("\"severity\":\"error\""))
        .collect();
    assert!(
        checked.status.success() && errors.is_empty(),
        "check found errors in generated content:\n{stdout}\n{}",
        String::from_utf8_lossy(&checked.stderr)
    );
}

#[test]
fn generate_refuses_to_mix_into_existing_content() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content/bronnen")).unwrap();
    let out = generator()
        .args(["--pages", "50", "--output"])
        .arg(dir.path())
        .arg("--root")
        .arg(repo())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));
}

#[test]
fn the_same_seed_gives_the_same_site_and_another_seed_another() {
    let dir = tempfile::tempdir().unwrap();
    let content = |name: &str| snapshot(&dir.path().join(name).join("content"));
    generate(repo(), "60", "7", &dir.path().join("a"));
    generate(repo(), "60", "7", &dir.path().join("b"));
    generate(repo(), "60", "8", &dir.path().join("c"));
    assert!(content("a") == content("b"), "seed 7 gave two sites");
    assert!(content("a") != content("c"), "seeds 7 and 8 gave one site");
}

/// No copy of the vocabularies: a site generated from the fixture has the fixture's effects, rows,
/// pages and tags, and checks clean.
#[test]
fn the_vocabulary_comes_from_the_project() {
    let project = TestSite::fixture();
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    generate(project.root(), "80", "1", &site);
    let names = |folder: &str| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(site.join("content").join(folder))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names("effecten"), ["behoud.md", "theorie-praktijk.md"]);
    assert_eq!(names("waarden"), ["1-1.md", "2-1.md"]);
    assert_eq!(names("paginas"), ["over.md"]);
    let yaml = std::fs::read_to_string(site.join("content/site.yaml")).unwrap();
    let fixture_yaml = project.read("content/site.yaml");
    for tag in ["krimp", "inductie"] {
        assert!(fixture_yaml.contains(tag) && yaml.contains(&format!("key: \"{tag}\"")));
    }
    expect_success(kennisbank().arg("check").arg("--root").arg(&site));
}
