//! The pages of the built shipped content, read as a visitor's browser would get them: the layout
//! every page shares, the bibliography's pre-rendered sort and filter pages and the value table
//! (the evidence pages: evidence_pages.rs). Accessibility in a real browser is checked by tests/browser/run.sh.

use std::path::PathBuf;

use crate::util::{shipped_file, shipped_site as site};

fn page(path: &str) -> String {
    shipped_file(&format!("{path}/index.html"))
}

/// Every piece of `html` between `start` and the next `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    html.split(start)
        .skip(1)
        .map(|rest| rest.split(end).next().unwrap_or(""))
        .collect()
}

fn html_pages() -> Vec<PathBuf> {
    walkdir::WalkDir::new(site())
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn every_page_is_dutch_has_one_h1_and_starts_with_the_skip_link() {
    let pages = html_pages();
    assert!(pages.len() > 200, "only {} pages built", pages.len());
    for file in pages {
        let html = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(site()).unwrap().display().to_string();
        assert!(
            html.contains("<html lang=\"nl\">"),
            "{name}: no lang=\"nl\""
        );
        assert_eq!(html.matches("<h1").count(), 1, "{name}: not exactly one h1");
        let body = html.split("<body>").nth(1).unwrap_or("");
        assert!(
            body.trim_start()
                .starts_with("<a class=\"skip-link\" href=\"#inhoud\">"),
            "{name}: the skip link is not the first thing in <body>"
        );
        for landmark in ["<header", "<main id=\"inhoud\"", "<footer"] {
            assert!(html.contains(landmark), "{name}: no {landmark}");
        }
    }
}

#[test]
fn bibliography_by_kind_lists_only_sources_of_that_kind() {
    let all = page("bronnen");
    let kinds: Vec<&str> = between(&all, "href=\"/bronnen/soort/", "/\"");
    assert!(!kinds.is_empty(), "no kind filters on /bronnen/");
    for kind in kinds {
        let html = page(&format!("bronnen/soort/{kind}"));
        let items = between(&html, "<li class=\"source-item\"", "</li>");
        assert!(!items.is_empty(), "/bronnen/soort/{kind}/ lists nothing");
        for item in &items {
            assert!(
                item.contains(&format!("href=\"/bronnen/soort/{kind}/\"")),
                "/bronnen/soort/{kind}/ lists a source of another kind: {item}"
            );
        }
        let heading = between(&html, "<h2 id=\"lijst\">", " ")[0];
        assert_eq!(heading, items.len().to_string(), "count in the heading");
        assert!(
            html.contains(&format!(
                "href=\"/bronnen/soort/{kind}/\" aria-current=\"page\""
            )),
            "the filter in force is not marked on /bronnen/soort/{kind}/"
        );
    }
}

#[test]
fn bibliography_by_year_runs_newest_first_and_by_author_alphabetically() {
    let years: Vec<i32> = between(&page("bronnen/op-jaar"), "<h3 id=\"jaar-", "\"")
        .iter()
        .filter_map(|y| y.parse().ok())
        .collect();
    assert!(years.len() > 5, "too few year groups: {years:?}");
    assert!(
        years.windows(2).all(|w| w[0] > w[1]),
        "years not newest first: {years:?}"
    );
    let all = page("bronnen");
    let citations: Vec<String> = between(&all, "<span class=\"citation\">", "</span>")
        .iter()
        .map(|c| c.to_lowercase())
        .collect();
    assert!(citations.len() > 50);
    let first_letters: Vec<char> = citations.iter().filter_map(|c| c.chars().next()).collect();
    let mut sorted = first_letters.clone();
    sorted.sort();
    assert_eq!(first_letters, sorted, "sources not in author order");
}

#[test]
fn value_table_is_a_real_table_with_a_row_group_per_level() {
    let html = page("waarde-en-randvoorwaarden");
    assert!(html.contains("<caption id=\"tabel-titel\">"));
    let heads = between(&html, "<th scope=\"col\">", "</th>");
    assert_eq!(
        heads,
        [
            "Waarde",
            "Randvoorwaarden",
            "Onderzoek",
            "Praktijkvoorbeelden"
        ]
    );
    let groups = html.matches("<th scope=\"rowgroup\"").count();
    assert_eq!(groups, html.matches("<tbody>").count());
    assert!(groups >= 2, "one row group per level, found {groups}");
    assert!(html.matches("<th scope=\"row\">").count() >= 10);
}
