//! The template contract: what each template gets is what `themes/README.md` says it gets, and
//! each record kind's template in the kinds table is the one its context struct names.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::graph::{Options, resolve};
use crate::model::Kind;

fn fixture_graph() -> crate::graph::Checked<KnowledgeGraph> {
    let dir = crate::testing::fixture(false);
    let loaded = crate::load::load(dir.path(), &dir.path().join("content"));
    resolve(loaded, Options::default()).expect("the fixture resolves")
}

/// Every planned page of the test fixture site.
fn planned_pages() -> Vec<PlannedPage> {
    let graph = fixture_graph();
    let plan = Plan::new(&graph, &RenderOptions::default());
    let mut pages = Vec::new();
    for part in 0..=super::RECORDS_AFTER {
        plan.part(part, &mut |p| pages.push(p));
    }
    pages.extend(plan.records().into_iter().map(|p| plan.record(p)));
    for part in super::RECORDS_AFTER + 1..super::PARTS {
        plan.part(part, &mut |p| pages.push(p));
    }
    pages
}

/// The top-level names of a README cell: backticked words outside parentheses.
fn top_level_names(cell: &str) -> BTreeSet<String> {
    let mut depth = 0;
    let mut outside = String::new();
    for c in cell.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    outside
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn readme() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/themes/README.md");
    std::fs::read_to_string(path).unwrap()
}

/// Template → the variables the README lists for it.
fn documented() -> BTreeMap<String, BTreeSet<String>> {
    let mut table = BTreeMap::new();
    for line in readme().lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
        let [template, _, vars] = cells[..] else {
            panic!("a template row has three cells: {line}");
        };
        let template = template.trim().trim_matches('`').to_string();
        table.insert(template, top_level_names(vars));
    }
    table
}

#[test]
fn each_template_gets_exactly_the_variables_the_theme_readme_lists() {
    let documented = documented();
    let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for page in planned_pages() {
        let json = page.context.into_json();
        let keys: BTreeSet<String> = (json.as_object().unwrap().keys())
            .filter(|k| *k != "site" && *k != "page")
            .cloned()
            .collect();
        if let Some(earlier) = seen.get(&page.template) {
            assert_eq!(earlier, &keys, "{} differs between pages", page.template);
        }
        seen.insert(page.template, keys);
    }
    assert_eq!(
        seen.keys().collect::<Vec<_>>(),
        documented.keys().collect::<Vec<_>>(),
        "themes/README.md lists the templates the site uses"
    );
    for (template, keys) in &seen {
        assert_eq!(
            keys, &documented[template],
            "themes/README.md, row `{template}`"
        );
    }
}

#[test]
fn the_page_variables_are_the_ones_the_theme_readme_lists() {
    let text = readme();
    let start = text.find("- `page`:").expect("README documents `page`");
    let rest = &text[start + "- `page`:".len()..];
    let end = rest.find("\n\n").unwrap_or(rest.len());
    let documented = top_level_names(&rest[..end]);
    let page = planned_pages().remove(0);
    let json = page.context.into_json();
    let keys: BTreeSet<String> = json["page"].as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, documented);
}

#[test]
fn each_record_kind_is_rendered_by_the_template_of_the_kinds_table() {
    let graph = fixture_graph();
    let plan = Plan::new(&graph, &RenderOptions::default());
    let mut kinds = BTreeSet::new();
    for page in plan.records() {
        let kind = page.kind();
        kinds.insert(kind);
        assert_eq!(plan.record(page).template, kind.info().template, "{kind:?}");
    }
    assert_eq!(
        kinds.len(),
        Kind::ALL.len(),
        "the fixture has a record of every kind"
    );
}

#[test]
fn only_record_pages_say_what_links_to_them() {
    for page in planned_pages() {
        let json = page.context.into_json();
        let record = !matches!(
            page.template.as_str(),
            "index.html"
                | "effects.html"
                | "table.html"
                | "sources.html"
                | "gap-map.html"
                | "effect-evidence.html"
                | "articles.html"
                | "terms.html"
                | "tags.html"
                | "tag.html"
                | "404.html"
                | "search.html"
                | "changes.html"
        );
        assert_eq!(
            json["page"]["shows_backlinks"].as_bool(),
            Some(record),
            "{}",
            page.output_path
        );
        assert_eq!(
            json["page"]["is_home"].as_bool(),
            Some(page.output_path == "index.html")
        );
        assert_eq!(
            json["page"]["is_canonical"].as_bool(),
            Some(page.output_path != "404.html")
        );
    }
}
