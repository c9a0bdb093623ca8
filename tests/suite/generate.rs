//! The hidden `generate` command writes a synthetic site that the real `check` accepts, so the
//! benchmark (tests/bench/run.sh) measures builds of valid content.

use crate::util::{expect_success, kennisbank, repo};

#[test]
fn a_generated_site_passes_check_with_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    expect_success(
        kennisbank()
            .args(["generate", "--pages", "400", "--seed", "3", "--output"])
            .arg(&site)
            .arg("--root")
            .arg(repo()),
    );
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
    let out = kennisbank()
        .args(["generate", "--pages", "50", "--output"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));
}
