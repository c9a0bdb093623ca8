//! The reports editors read, pinned as snapshots (insta): what `kennisbank check` prints for a
//! handful of representative mistakes, in the terminal and as `--format json`. A change to the
//! wording, the caret or the hint shows up as a diff to review, not as a silent drift.
//!
//! The real binary runs in a temporary copy of a site; its folder is redacted to `[ROOT]`, and
//! colour is off (`NO_COLOR`, and stderr is a pipe). After an intended change, review and accept
//! the new snapshots with `INSTA_UPDATE=always cargo test --test suite reports::` (or
//! `cargo insta review`); commit the `.snap` files, never `.snap.new`.

use crate::util::{TestSite, repo};

/// What `kennisbank <args>` prints where editors look (stderr, or stdout for JSON), with its exit
/// code on the first line.
fn report(site: &TestSite, args: &[&str]) -> String {
    let output = site.run(args);
    let json = args.contains(&"json");
    let printed = if json { &output.stdout } else { &output.stderr };
    let root = site.root().to_string_lossy();
    let text = String::from_utf8_lossy(printed).replace(&*root, "[ROOT]");
    format!("exit: {:?}\n{text}", output.status.code())
}

/// What `kennisbank <args>` reports on the fixture with one file written (or replaced).
fn fixture_report(file: &str, text: &str, args: &[&str]) -> String {
    let site = TestSite::fixture();
    site.write(file, text);
    report(&site, args)
}

const UNKNOWN_KEY: (&str, &str) = (
    "content/begrippen/typo.md",
    "---\ntitle: Mentor\nsummary: Begeleidt de student.\ntgas: [krimp]\n---\nTekst.\n",
);

/// The example in README.md, on the shipped content with the typo planted where the README shows
/// it. The README's block must be what the command prints, so the README cannot drift either.
#[test]
fn the_readme_example_is_what_check_prints() {
    let site = TestSite::shipped();
    let file = "content/bronnen/rug-2017.md";
    let text = site.read(file).replacen(
        "    effects: [verbinding-theorie-praktijk]",
        "    effects: [verbinding-theorie-praktyk]",
        1,
    );
    site.write(file, text);
    let printed = report(&site, &["check"]);
    insta::assert_snapshot!("readme_unknown_effect", printed);

    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let example = readme
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README.md has a ```text example");
    assert!(
        printed.contains(example),
        "README.md's example is not what `kennisbank check` prints; update one of them.\n\
         README:\n{example}\nprinted:\n{printed}"
    );
}

#[test]
fn an_unknown_key_names_the_closest_known_one() {
    let (file, text) = UNKNOWN_KEY;
    insta::assert_snapshot!("unknown_key", fixture_report(file, text, &["check"]));
}

#[test]
fn a_yaml_syntax_error_points_into_the_front_matter() {
    insta::assert_snapshot!(
        "yaml_syntax",
        fixture_report(
            "content/begrippen/syntax.md",
            "---\ntitle: [Open\nsummary: s\n---\n",
            &["check"]
        )
    );
}

#[test]
fn an_unknown_reference_in_the_body_is_underlined_in_place() {
    insta::assert_snapshot!(
        "unknown_reference",
        fixture_report(
            "content/paginas/tekst.md",
            "---\ntitle: Tekst\n---\nEerste regel.\nZie [[bron:rug-2071]] hier.\n",
            &["check"]
        )
    );
}

#[test]
fn a_template_error_names_the_template() {
    insta::assert_snapshot!(
        "template_syntax",
        fixture_report(
            "themes/default/templates/term.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{{ term.summary }\n{% endblock %}\n",
            &["check"]
        )
    );
}

#[test]
fn the_json_form_carries_the_same_report() {
    let (file, text) = UNKNOWN_KEY;
    let printed = fixture_report(file, text, &["check", "--format", "json"]);
    // One object per line; pretty-printed here so a change reads as a diff of fields.
    let (exit, lines) = printed.split_once('\n').unwrap();
    let pretty: Vec<String> = lines
        .lines()
        .map(|l| {
            let value: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            serde_json::to_string_pretty(&value).unwrap()
        })
        .collect();
    insta::assert_snapshot!("unknown_key_json", format!("{exit}\n{}", pretty.join("\n")));
}

/// A mistake whose texts are all in the catalogue, as editors see it by default (Dutch, the site's
/// language) and with `--lang en`.
fn unclosed_front_matter() -> TestSite {
    let site = TestSite::fixture();
    site.write(
        "content/begrippen/open.md",
        "---\ntitle: Open\nsummary: Nooit gesloten.\nTekst.\n",
    );
    site
}

#[test]
fn a_report_is_in_dutch_by_default() {
    let printed = report(&unclosed_front_matter(), &["check"]);
    insta::assert_snapshot!("unclosed_front_matter_nl", printed);
}

#[test]
fn a_report_is_in_english_with_lang_en() {
    let printed = report(&unclosed_front_matter(), &["check", "--lang", "en"]);
    insta::assert_snapshot!("unclosed_front_matter_en", printed);
}

#[test]
fn json_carries_the_texts_in_the_chosen_language_and_the_same_code() {
    let site = unclosed_front_matter();
    let record = |args: &[&str]| -> serde_json::Value {
        let output = site.run(args);
        let line = String::from_utf8(output.stdout).unwrap();
        serde_json::from_str(line.lines().next().expect("one diagnostic")).unwrap()
    };
    let dutch = record(&["check", "--format", "json"]);
    let english = record(&["check", "--format", "json", "--lang", "en"]);
    assert_eq!(dutch["code"], "unclosed-front-matter");
    assert_eq!(dutch["code"], english["code"]);
    assert_eq!(dutch["severity"], english["severity"]);
    assert_eq!(
        dutch["message"],
        "De front matter wordt nergens afgesloten."
    );
    assert_eq!(english["message"], "the front matter is never closed");
    assert_eq!(dutch["label"], "hier geopend");
    assert!(
        dutch["rendered"]
            .as_str()
            .unwrap()
            .contains("  tip: Zet na het laatste veld")
    );
    assert!(
        english["rendered"]
            .as_str()
            .unwrap()
            .contains("  help: add a line")
    );
    for text in [&dutch, &english] {
        assert!(
            !text.to_string().contains(['\u{2068}', '\u{2069}']),
            "no Unicode isolation marks: {text}"
        );
    }
}

/// `--lang` beats the locale, the locale beats the site's `language:`, which beats Dutch; a
/// locale that names no language (`C`) is passed over.
#[test]
fn the_language_follows_flag_then_locale_then_site() {
    let site = unclosed_front_matter();
    let summary = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = crate::util::kennisbank();
        command.args(args).current_dir(site.root());
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command.output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        stderr.lines().last().unwrap_or_default().to_string()
    };
    let dutch = "controle: 1 fout, 0 waarschuwingen";
    let english = "check: 1 error, 0 warnings";
    assert_eq!(summary(&["check"], &[]), dutch);
    assert_eq!(summary(&["check"], &[("LANG", "en_GB.UTF-8")]), english);
    assert_eq!(summary(&["check"], &[("LANG", "C.UTF-8")]), dutch);
    assert_eq!(
        summary(
            &["check"],
            &[("LANG", "en_GB.UTF-8"), ("LC_MESSAGES", "nl_NL.UTF-8")]
        ),
        dutch
    );
    assert_eq!(
        summary(&["check", "--lang", "nl"], &[("LC_ALL", "en_US.UTF-8")]),
        dutch
    );
    assert_eq!(
        summary(&["--lang", "en", "check"], &[]),
        english,
        "a global flag"
    );

    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        config.replacen("language: nl", "language: en", 1),
    );
    assert!(site.read("content/site.yaml").contains("language: en"));
    assert_eq!(summary(&["check"], &[]), english);
    assert_eq!(summary(&["check"], &[("LANG", "nl_BE.UTF-8")]), dutch);
}
