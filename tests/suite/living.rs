//! A living evidence base, end to end with the real binary: the fixture site committed in a
//! temporary Git repository with a known history (added, changed, renamed with `aliases`), then
//! built from it, from a shallow clone and from a copy without Git. Pages, the change-log pages,
//! the feed and `data/wijzigingen.json` must say the same, and nothing the history cannot show.

use std::path::Path;

use crate::history::Repo;
use crate::util::{TestSite, copy_tree, expect_success, kennisbank, position_of};

const C1: &str = "2026-03-03T10:00:00+01:00"; // the whole fixture
const C2: &str = "2026-06-10T10:00:00+02:00"; // rug-2017 edited, with a change-log entry
const C3: &str = "2026-12-01T10:00:00+01:00"; // inductie renamed to inductiefase (alias), edited

const RUG_CHANGE: &str = "changes:
  - date: 2026-06-10
    kind: bevinding
    finding: beter-handelen
    text: De bevinding over didactisch handelen is toegevoegd.
---";

/// The fixture in a repository: three commits, one of them a rename with an alias.
fn history() -> Repo {
    let repo = Repo::new();
    copy_tree(
        &crate::util::repo().join("tests/fixtures/site"),
        repo.root(),
    );
    copy_tree(
        &crate::util::repo().join("themes"),
        &repo.root().join("themes"),
    );
    // The front matter overrides Git: this source was in the knowledge base before this repository.
    edit(
        &repo,
        "content/bronnen/ecbo-2021.md",
        "kind: beleid\n",
        "kind: beleid\nadded: 2025-01-15\n",
    );
    repo.commit(C1, "the fixture");
    edit(
        &repo,
        "content/bronnen/rug-2017.md",
        "---\nEen studie",
        &format!("{RUG_CHANGE}\nEen studie"),
    );
    repo.commit(C2, "rug-2017: a finding");
    repo.git(&[
        "mv",
        "content/begrippen/inductie.md",
        "content/begrippen/inductiefase.md",
    ]);
    edit(
        &repo,
        "content/begrippen/inductiefase.md",
        "tags: [inductie]\n",
        "tags: [inductie]\naliases: [inductie]\n",
    );
    edit(
        &repo,
        "content/effecten/behoud.md",
        "[[begrip:inductie|",
        "[[begrip:inductiefase|",
    );
    repo.commit(C3, "inductie is inductiefase");
    repo
}

fn edit(repo: &Repo, path: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(repo.root().join(path)).unwrap();
    assert!(text.contains(from), "{path} lacks {from:?}");
    repo.write(path, &text.replacen(from, to, 1));
}

/// Builds `root` with an absolute base URL into a new folder; the folder and what it printed.
fn build(root: &Path) -> (tempfile::TempDir, String) {
    let out = tempfile::tempdir().unwrap();
    let output = expect_success(
        kennisbank()
            .args(["build", "--base-url", "https://example.org/", "--root"])
            .arg(root)
            .arg("--output")
            .arg(out.path().join("site")),
    );
    (out, String::from_utf8_lossy(&output.stderr).into_owned())
}

fn page(out: &tempfile::TempDir, path: &str) -> String {
    let file = out.path().join("site").join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// The dates line of a page, without markup; `None` when it has none.
fn dates_line(html: &str) -> Option<String> {
    let start = html.find("<p class=\"record-dates\">")?;
    let end = start + html[start..].find("</p>")?;
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Some(text)
}

/// Each page (`path/` of the site) shows exactly its dates line, or none.
fn assert_dates(out: &tempfile::TempDir, expected: &[(&str, Option<&str>)]) {
    for (path, line) in expected {
        let found = dates_line(&page(out, &format!("{path}/index.html")));
        assert_eq!(found.as_deref(), *line, "{path}");
    }
}

#[test]
fn every_record_page_shows_the_dates_of_its_history() {
    let repo = history();
    let (out, stderr) = build(repo.root());
    assert!(stderr.contains("0 waarschuwingen"), "{stderr}");
    // Added from the front matter for ecbo-2021 (the commit that put it here is a change);
    // inductiefase was renamed with an alias, so the old file's history counts.
    assert_dates(
        &out,
        &[
            (
                "bronnen/rug-2017",
                Some("Toegevoegd op 3 maart 2026, bijgewerkt op 10 juni 2026"),
            ),
            (
                "bronnen/ecbo-2021",
                Some("Toegevoegd op 15 januari 2025, bijgewerkt op 3 maart 2026"),
            ),
            (
                "begrippen/inductiefase",
                Some("Toegevoegd op 3 maart 2026, bijgewerkt op 1 december 2026"),
            ),
            (
                "effecten/theorie-praktijk",
                Some("Toegevoegd op 3 maart 2026"),
            ),
            ("over", None),
        ],
    );
    let line = |path| dates_line(&page(&out, path));
    for path in [
        "waarde-en-randvoorwaarden/1-1/index.html",
        "kennisbank/hub/index.html",
        "effecten/behoud/index.html",
    ] {
        assert!(line(path).is_some(), "{path} shows no dates");
    }
    let html = page(&out, "bronnen/rug-2017/index.html");
    assert!(
        html.contains("<time datetime=\"2026-06-10\">10 juni 2026</time>"),
        "{html}"
    );

    let data: serde_json::Value =
        serde_json::from_str(&page(&out, "data/wijzigingen.json")).unwrap();
    let record = |key: &str| {
        data["records"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == key)
            .unwrap_or_else(|| panic!("{key} in wijzigingen.json"))
            .clone()
    };
    assert_eq!(record("rug-2017")["added"], "2026-03-03");
    assert_eq!(record("rug-2017")["updated"], "2026-06-10");
    assert_eq!(record("inductiefase")["updated"], "2026-12-01");
    assert_eq!(data["dataset"]["date"], "2026-12-01");
    let graph: serde_json::Value =
        serde_json::from_str(&page(&out, "data/kennisgraaf.json")).unwrap();
    assert_eq!(
        graph["dataset"], data["dataset"],
        "every export, one version"
    );
    let csv = page(&out, "data/bevindingen.csv");
    let version = data["dataset"]["version"].as_str().unwrap();
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .ends_with(&format!("{version},2026-12-01")),
        "{csv}"
    );
}

#[test]
fn the_change_log_is_on_the_page_on_the_changes_pages_and_in_the_feed() {
    let repo = history();
    let (out, _) = build(repo.root());
    let text = "De bevinding over didactisch handelen is toegevoegd.";
    let source = page(&out, "bronnen/rug-2017/index.html");
    assert!(source.contains("id=\"wijzigingslogboek\""), "{source}");
    assert!(source.contains(text));
    let all = page(&out, "wijzigingen/index.html");
    assert!(
        all.contains(text) && all.contains("Nieuwe bevinding"),
        "{all}"
    );
    assert!(
        all.contains("href=\"/bronnen/rug-2017/#bevinding-beter-handelen\""),
        "links the finding: {all}"
    );
    // The filter by effect is a page per effect: the finding is about theorie-praktijk only.
    assert!(page(&out, "wijzigingen/theorie-praktijk/index.html").contains(text));
    assert!(!page(&out, "wijzigingen/behoud/index.html").contains(text));

    let feed = page(&out, "wijzigingen/atom.xml");
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let entries: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 1, "{feed}");
    let child = |name| {
        entries[0]
            .children()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(child("summary"), text);
    assert_eq!(child("updated"), "2026-06-10T00:00:00Z");
    assert!(page(&out, "index.html").contains("href=\"https://example.org/wijzigingen/atom.xml\""));

    let data: serde_json::Value =
        serde_json::from_str(&page(&out, "data/wijzigingen.json")).unwrap();
    let change = &data["changes"][0];
    assert_eq!(change["kind"], "bevinding");
    assert_eq!(change["finding"], "rug-2017#bevinding-beter-handelen");
    assert_eq!(change["effects"], serde_json::json!(["theorie-praktijk"]));
    assert_valid(&out, "wijzigingen");
}

/// `data/<name>.json` keeps to the schema shipped beside it.
fn assert_valid(out: &tempfile::TempDir, name: &str) {
    let read =
        |file: String| -> serde_json::Value { serde_json::from_str(&page(out, &file)).unwrap() };
    let schema = read(format!("data/{name}.schema.json"));
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let data = read(format!("data/{name}.json"));
    let errors: Vec<String> = (validator.iter_errors(&data))
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(5)
        .collect();
    assert!(
        errors.is_empty(),
        "{name}.json breaks its schema: {errors:#?}"
    );
}

#[test]
fn a_shallow_clone_says_nothing_it_cannot_know() {
    let repo = history();
    let dir = tempfile::tempdir().unwrap();
    let clone = repo.clone_into(dir.path(), &["--depth=1"]);
    let (out, stderr) = build(&clone);
    assert!(stderr.contains("ondiepe Git-clone"), "{stderr}");
    // Only what the front matter says.
    assert_dates(
        &out,
        &[
            ("effecten/theorie-praktijk", None),
            ("bronnen/rug-2017", Some("Bijgewerkt op 10 juni 2026")),
            ("bronnen/ecbo-2021", Some("Toegevoegd op 15 januari 2025")),
        ],
    );
    let data: serde_json::Value =
        serde_json::from_str(&page(&out, "data/wijzigingen.json")).unwrap();
    let theory = (data["records"].as_array().unwrap().iter())
        .find(|r| r["key"] == "theorie-praktijk")
        .unwrap();
    assert_eq!(
        (&theory["added"], &theory["updated"]),
        (&serde_json::Value::Null, &serde_json::Value::Null)
    );
}

#[test]
fn without_git_the_build_shows_only_what_the_front_matter_says() {
    let site = TestSite::fixture();
    let (out, stderr) = build(site.root());
    assert!(stderr.contains("0 waarschuwingen"), "{stderr}");
    assert_eq!(dates_line(&page(&out, "effecten/behoud/index.html")), None);
    assert!(page(&out, "wijzigingen/index.html").contains("nog geen wijzigingen"));
}

#[test]
fn uncommitted_edits_show_no_commit_date_as_their_last_change() {
    let repo = history();
    edit(
        &repo,
        "content/bronnen/rug-2017.md",
        "Een studie",
        "Een grote studie",
    );
    edit(
        &repo,
        "content/effecten/theorie-praktijk.md",
        "---\n",
        "---\n\n",
    );
    let (out, _) = build(repo.root());
    // rug-2017's change log still dates its last change; nothing dates the uncommitted edits.
    assert_dates(
        &out,
        &[
            (
                "bronnen/rug-2017",
                Some("Toegevoegd op 3 maart 2026, bijgewerkt op 10 juni 2026"),
            ),
            (
                "effecten/theorie-praktijk",
                Some("Toegevoegd op 3 maart 2026"),
            ),
        ],
    );
}

#[test]
fn every_mistake_in_dates_and_changes_is_one_error_at_its_place() {
    let site = TestSite::fixture();
    let path = "content/bronnen/ecbo-2021.md";
    let text = "---\nlabel: ECBO (2021)\nyear: 2021\nkind: beleid\nadded: 2021-03\n\
                updated: 2020-01-01\nchanges:\n  - date: 2026-01-02\n    kind: nieuw\n    text: Iets.\n  \
                - date: 2026-01-03\n    finding: geen\n    text: \" \"\n---\nTekst.\n";
    site.write(path, text);
    site.write(
        "content/effecten/behoud.md",
        site.read("content/effecten/behoud.md").replacen(
            "order: 1\n",
            "order: 1\nchanges:\n  - date: 2026-01-02\n    finding: x\n    text: Iets.\n",
            1,
        ),
    );
    let output = site.run(&["check", "--format", "json"]);
    assert!(!output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let problems: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let found: Vec<(String, usize)> = problems
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap().to_string(),
                p["line"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    let line = |needle| position_of(text, needle).0;
    let expected = vec![
        ("date-not-a-day".to_string(), line("2021-03")),
        ("unknown-change-kind".to_string(), line("nieuw")),
        ("empty-change-text".to_string(), line("\" \"")),
        ("unknown-change-finding".to_string(), line("geen")),
    ];
    for e in &expected {
        assert!(found.contains(e), "{e:?} not in {found:?}");
    }
    assert!(
        found.iter().any(|(c, _)| c == "change-finding-elsewhere"),
        "{found:?}"
    );
    // `updated` before a month-only `added` is not compared: the month is reported instead.
    assert_eq!(found.len(), 5, "{stdout}");
}

#[test]
fn the_ledger_says_from_what_to_what_the_evidence_changed() {
    let site = TestSite::fixture();
    expect_success(
        kennisbank()
            .args(["signals", "--date", "2026-01-01", "--root"])
            .arg(site.root()),
    );
    let ledger = site.read("content/signalen.yaml");
    assert!(ledger.contains("effect: behoud"), "{ledger}");
    let check = site.run(&["check"]);
    assert!(String::from_utf8_lossy(&check.stderr).contains("0 fouten, 0 waarschuwingen"));

    // A second finding for `behoud`, which had one.
    let source = site.read("content/bronnen/rug-2017.md");
    site.write(
        "content/bronnen/rug-2017.md",
        source.replacen(
            "---\nEen studie",
            "  - text: Starters stoppen minder vaak.\n    effects: [behoud]\n---\nEen studie",
            1,
        ),
    );
    let stale = site.run(&["check"]);
    let stderr = String::from_utf8_lossy(&stale.stderr);
    assert!(stale.status.success(), "{stderr}");
    assert!(
        stderr.contains("kennisbank signals"),
        "a stale ledger names the command: {stderr}"
    );
    let (out, _) = build(site.root());
    assert!(
        !page(&out, "wijzigingen/behoud/index.html").contains("Bewijs veranderd"),
        "no entry claims a date for what the ledger has not recorded"
    );

    expect_success(
        kennisbank()
            .args(["signals", "--date", "2026-02-01", "--root"])
            .arg(site.root()),
    );
    let (out, stderr) = build(site.root());
    assert!(stderr.contains("0 waarschuwingen"), "{stderr}");
    let changes = page(&out, "wijzigingen/behoud/index.html");
    assert!(changes.contains("Bewijs veranderd"), "{changes}");
    assert!(
        changes.contains("(1 bevinding uit 1 bron) naar"),
        "{changes}"
    );
    assert!(changes.contains("(2 bevindingen uit 1 bron)"), "{changes}");
    let data: serde_json::Value =
        serde_json::from_str(&page(&out, "data/wijzigingen.json")).unwrap();
    let signal = (data["changes"].as_array().unwrap().iter())
        .find(|c| c["kind"] == "signaal" && c["record"] == "behoud")
        .expect("a signal change for behoud");
    assert_eq!(signal["date"], "2026-02-01");
    assert_valid(&out, "wijzigingen");
    assert_valid(&out, "kennisgraaf");
    assert_eq!(signal["signal"]["from"]["findings"], 1);
    assert_eq!(signal["signal"]["to"]["findings"], 2);
}

#[test]
fn a_finding_with_its_own_date_is_a_new_finding_in_the_change_log() {
    let site = TestSite::fixture();
    let path = "content/bronnen/rug-2017.md";
    let mut source = site.read(path);
    // The first finding is dated too, but an entry the editors wrote names it: that one stands.
    for (from, to) in [
        (
            "    co_sources: [ecbo-2021]\n",
            "    co_sources: [ecbo-2021]\n    added: 2026-05-05\n".to_string(),
        ),
        (
            "    rows: [\"1.1\"]\n",
            "    rows: [\"1.1\"]\n    added: 2026-04-04\n".to_string(),
        ),
        ("---\nEen studie", format!("{RUG_CHANGE}\nEen studie")),
    ] {
        source = source.replacen(from, &to, 1);
    }
    site.write(path, source);
    let (out, stderr) = build(site.root());
    assert!(stderr.contains("0 waarschuwingen"), "{stderr}");
    let new = "Nieuwe bevinding: Starters blijven vaker in het onderwijs.";
    assert!(page(&out, "wijzigingen/behoud/index.html").contains(new));
    assert!(!page(&out, "wijzigingen/theorie-praktijk/index.html").contains(new));
    let html = page(&out, "bronnen/rug-2017/index.html");
    assert!(html.contains(new), "{html}");
    assert!(
        !html.contains("Nieuwe bevinding: Studenten"),
        "no second entry for a named finding"
    );
    assert_dates(
        &out,
        &[("bronnen/rug-2017", Some("Bijgewerkt op 10 juni 2026"))],
    );
}
