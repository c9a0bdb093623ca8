//! Building whole sites: the fixture renders, links work both ways, and a failed or killed build
//! never touches the previous output.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::util::{TestSite, expect_success, generator, kennisbank, repo, snapshot};

#[test]
fn fixture_builds_without_any_diagnostic() {
    let site = TestSite::fixture();
    let out = site.path("public");
    let report = kennisbank::site::build(&site.options(), &out).unwrap();
    let problems: Vec<String> = report.diagnostics.iter().map(|d| d.one_line()).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let written = report.written.expect("site written");
    assert_eq!((written.sources, written.findings), (2, 2));
    for page in [
        "index.html",
        "effecten/index.html",
        "effecten/theorie-praktijk/index.html",
        "waarde-en-randvoorwaarden/index.html",
        "waarde-en-randvoorwaarden/1-1/index.html",
        "bronnen/rug-2017/index.html",
        "kennisbank/hub/index.html",
        "kennisbank/hoofdstuk/index.html",
        "begrippen/inductie/index.html",
        "over/index.html",
        "thema/krimp/index.html",
        "sector/po/index.html",
        "404.html",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
}

#[test]
fn findings_appear_on_their_effect_row_and_source_pages() {
    let site = TestSite::fixture();
    site.build();
    let read = |p: &str| site.read(&format!("public/{p}"));
    let finding = "Studenten van een opleidingsschool handelen didactisch sterker.";
    let effect = read("effecten/theorie-praktijk/index.html");
    assert!(effect.contains(finding), "effect page lacks its finding");
    assert!(
        effect.contains("/bronnen/rug-2017/#bevinding-beter-handelen"),
        "finding does not link to its source"
    );
    let row = read("waarde-en-randvoorwaarden/1-1/index.html");
    assert!(row.contains(finding), "row page lacks its finding");
    assert!(
        row.contains("Een rijke leeromgeving."),
        "row page lacks its conditions"
    );
    assert!(
        row.contains("Ze bespreekt elke les met haar werkplekbegeleider."),
        "row page lacks its quote"
    );
    let source = read("bronnen/rug-2017/index.html");
    assert!(
        source.contains("id=\"bevinding-beter-handelen\""),
        "finding anchor missing on source page"
    );
    // Both ways: the effect's body cites the source, so the source lists the effect as linking here.
    assert!(
        source.contains("/effecten/theorie-praktijk/"),
        "source page does not link back to the effect"
    );
}

#[test]
fn body_references_become_links_with_the_target_title() {
    let site = TestSite::fixture();
    site.build();
    let chapter = site.read("public/kennisbank/hoofdstuk/index.html");
    assert!(
        chapter.contains(r#"<a href="/bronnen/rug-2017/#bevinding-beter-handelen">RuG (2017)</a>"#),
        "{chapter}"
    );
    assert!(chapter.contains(r#"<a href="/kennisbank/hub/">Een publicatie</a>"#));
    assert!(
        chapter.contains(r#"<h2 id="krimp-in-de-regio">"#),
        "heading anchor"
    );
    let effect = site.read("public/effecten/behoud/index.html");
    assert!(effect.contains(r#"<a href="/begrippen/inductie/">inductie</a>"#));
}

#[test]
fn raw_html_in_content_is_shown_as_text_not_run() {
    let site = TestSite::fixture();
    site.write(
        "content/paginas/over.md",
        "---\ntitle: Over\n---\n<script>alert(1)</script> en <b>vet</b>\n",
    );
    site.build();
    let page = site.read("public/over/index.html");
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = TestSite::fixture();
    site.write(
        "content/kennisbank/concept.md",
        "---\ntitle: Concept\ndate: 2024\ndraft: true\n---\nNog niet af.\n",
    );
    let out = site.build();
    assert!(!out.join("kennisbank/concept/index.html").exists());
    let mut options = site.options();
    options.drafts = true;
    kennisbank::site::build(&options, &out).unwrap();
    assert!(out.join("kennisbank/concept/index.html").exists());
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let site = TestSite::fixture();
    let out = site.build();
    let before = snapshot(&out);
    // A content error …
    site.write(
        "content/effecten/behoud.md",
        "---\ntitle: x\ncategory: onbekend\norder: 1\nsummary: s\n---\n",
    );
    let report = kennisbank::site::build(&site.options(), &out).unwrap();
    assert!(report.written.is_none() && report.diagnostics.has_errors());
    assert_eq!(snapshot(&out), before, "content error changed the output");
    // … and a template error.
    site.write(
        "content/effecten/behoud.md",
        "---\ntitle: x\ncategory: tertiair\norder: 1\nsummary: s\n---\n",
    );
    site.write(
        "themes/default/templates/effect.html",
        "{% extends \"base.html\" %}{% block content %}{{ nope.nope }}{% endblock %}",
    );
    let report = kennisbank::site::build(&site.options(), &out).unwrap();
    assert!(report.written.is_none(), "a template error must not write");
    assert_eq!(snapshot(&out), before, "template error changed the output");
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
}

/// A build killed for real (SIGKILL, so no cleanup code runs) while it is writing its staging
/// folder: the previous output stays byte-identical, and the next build succeeds and removes what
/// the killed one left. The killed site is generated large enough that the build is still
/// rendering when the staging folder first holds files.
#[cfg(unix)]
#[test]
fn a_build_killed_midway_leaves_the_previous_output_and_the_next_build_cleans_up() {
    use std::os::unix::process::ExitStatusExt;

    let previous = TestSite::fixture();
    let dir = tempfile::tempdir().unwrap();
    // The output alone in its folder: whatever else appears there is the build's staging.
    let out = dir.path().join("out/site");
    let built = kennisbank::site::build(&previous.options(), &out).unwrap();
    assert!(built.written.is_some());
    let before = snapshot(&out);

    let large = dir.path().join("large");
    expect_success(
        generator()
            .args(["--pages", "400", "--seed", "5", "--output"])
            .arg(&large)
            .arg("--root")
            .arg(repo()),
    );
    let build = || {
        let mut command = kennisbank();
        command
            .arg("build")
            .arg("--root")
            .arg(&large)
            .arg("--output")
            .arg(&out);
        command
    };
    let mut child = build()
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The moment to kill: the build is writing (its staging folder holds files or, were it to
    // write in place, the output's file count has moved).
    let deadline = Instant::now() + Duration::from_secs(300);
    let staging = loop {
        let staging = beside(&out).into_iter().find(|p| files_in(p) >= 20);
        if staging.is_some() || files_in(&out) != before.len() {
            break staging;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the build ended ({status}) before it wrote 20 files");
        }
        assert!(Instant::now() < deadline, "the build wrote nothing");
        std::thread::sleep(Duration::from_millis(2));
    };
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(
        status.signal(),
        Some(9),
        "the build was not killed but ended: {status}"
    );
    assert!(
        snapshot(&out) == before,
        "the killed build changed the previous output"
    );
    let staging = staging.expect("the build wrote outside a staging folder");
    assert!(
        files_in(&staging) >= 20,
        "a killed build cannot clean up, yet its staging folder went"
    );

    let next = build().output().unwrap();
    assert!(
        next.status.success(),
        "the build after the killed one failed:\n{}",
        String::from_utf8_lossy(&next.stderr)
    );
    // The killed build's staging folder and the site the next build replaced go in the
    // background (`rm` in a process of its own), so they may still be going for a moment.
    let deadline = Instant::now() + Duration::from_secs(60);
    while !beside(&out).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(beside(&out), Vec::<PathBuf>::new(), "staging folders left");
    assert!(out.join("bronnen").read_dir().unwrap().count() > 100);
}

/// Everything in the output's folder except the output itself.
fn beside(out: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != out)
        .collect();
    found.sort();
    found
}

/// How many files there are under `dir` (0 once it is gone); tolerates files coming and going.
fn files_in(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count()
}

#[test]
fn the_cli_exit_codes_follow_the_outcome() {
    let site = TestSite::fixture();
    let ok = site.run(&["build"]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stderr).contains("geschreven naar"));
    site.write("content/effecten/behoud.md", "---\ntitle: x\n---\n");
    assert_eq!(site.run(&["build"]).status.code(), Some(1));
    assert_eq!(site.run(&["check"]).status.code(), Some(1));
    let refused = site.run(&["build", "--output", "content"]);
    assert_eq!(refused.status.code(), Some(2));
    let refusal = String::from_utf8_lossy(&refused.stderr);
    assert!(
        refusal.contains("de site wordt niet naar") && refusal.contains("content"),
        "{refusal}"
    );
    assert!(site.path("content/site.yaml").exists());
    assert_eq!(
        site.run(&["build", "--no-such-flag"]).status.code(),
        Some(2)
    );
}
