//! The evidence as a visitor reads it on the built shipped site: every effect and row page opens
//! with its signal linked to the guide, the Platform's findings come first and the editors' stand
//! apart under their own heading, every finding says its kind, and the gap map keeps every cell.
//! The figures are read from the shipped graph, so a page that drops or moves a finding fails.

use kennisbank::evidence::{self, Item};
use kennisbank::graph::{KnowledgeGraph, PageRef};
use kennisbank::model::{Evidence, Provenance};

use crate::util::{shipped_file, shipped_graph};

const GUIDE: &str = "/hoe-lees-je-het-bewijs/";

fn page(path: &str) -> String {
    shipped_file(&format!("{path}index.html"))
}

/// The piece of `html` from `start` up to `end` (or the end of the page).
fn section<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in the page"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// The address of an item's finding as pages link it: on its source page.
fn finding_url(g: &KnowledgeGraph, item: &Item) -> String {
    let f = item.finding;
    let anchor = &g.index.finding_anchors[f.source][f.finding];
    format!("{}#{anchor}", g.url(PageRef::Source(f.source)))
}

/// The page path (without the base) of a record.
fn path_of(g: &KnowledgeGraph, page: PageRef) -> String {
    g.url(page).trim_start_matches('/').to_string()
}

/// `platform` must hold the Platform's findings and none of the editors'; `added` the reverse.
fn assert_apart(g: &KnowledgeGraph, name: &str, items: &[Item], platform: &str, added: &str) {
    for item in items {
        let url = format!("href=\"{}\"", finding_url(g, item));
        let (home, away) = match item.provenance {
            Provenance::Platform => (platform, added),
            Provenance::Editors => (added, platform),
        };
        assert!(
            home.contains(&url),
            "{name}: {url} ({:?}) is not under its heading",
            item.provenance
        );
        assert!(
            !away.contains(&url),
            "{name}: {url} ({:?}) is shown under the other party's heading",
            item.provenance
        );
    }
}

#[test]
fn effect_pages_show_the_platforms_findings_first_and_the_editors_under_their_own_heading() {
    let g = shipped_graph();
    let mut added = 0;
    for (e, _) in g.records.effects.enumerate() {
        let html = page(&path_of(g, PageRef::Effect(e)));
        let platform = section(&html, "id=\"van-het-platform\"", "id=\"toegevoegd\"");
        let editors = section(&html, "id=\"toegevoegd\"", "id=\"waarden\"");
        assert!(editors.contains("Door de redactie toegevoegd"));
        let items = evidence::effect_items(g, e);
        added += evidence::by(&items, Provenance::Editors).len();
        assert_apart(g, &g[e].key, &items, platform, editors);
    }
    assert!(added > 20, "the shipped effects have editorial links");
}

#[test]
fn row_pages_show_the_tables_findings_first_and_row_2_1_says_the_table_names_none() {
    let g = shipped_graph();
    for (r, row) in g.records.rows.enumerate() {
        let html = page(&path_of(g, PageRef::Row(r)));
        let platform = section(&html, "id=\"van-het-platform\"", "id=\"toegevoegd\"");
        let editors = section(&html, "id=\"toegevoegd\"", "id=\"praktijkvoorbeelden\"");
        let items = evidence::row_items(g, r);
        assert_apart(g, &row.data.id, &items, platform, editors);
        let none = "noemt bij deze waarde geen onderzoek";
        let platform_count = evidence::by(&items, Provenance::Platform).len();
        assert_eq!(
            platform.contains(none),
            platform_count == 0,
            "row {}: says the table names no research only when it names none",
            row.data.id
        );
        if row.data.id == "2.1" {
            assert_eq!(
                platform_count, 0,
                "the Platform's table names no research for 2.1"
            );
            assert!(!editors.contains("geen bevindingen toegevoegd"));
        }
    }
}

#[test]
fn every_effect_and_row_page_opens_with_its_signal_linked_to_the_guide() {
    let g = shipped_graph();
    let effects = (g.records.effects.enumerate())
        .map(|(e, _)| (PageRef::Effect(e), evidence::effect_signal(g, e)));
    let rows =
        (g.records.rows.enumerate()).map(|(r, _)| (PageRef::Row(r), evidence::row_signal(g, r)));
    let mut pages = 0;
    for (subject, signal) in effects.chain(rows) {
        pages += 1;
        let path = path_of(g, subject);
        let html = page(&path);
        let main = section(&html, "<main", "</main>");
        let signal_html = section(main, "<section class=\"signal\"", "</section>");
        let first_h2 = main.find("<h2").unwrap();
        assert_eq!(
            main[first_h2..].find("id=\"signaal\""),
            Some(4),
            "{path}: the signal is not the first section"
        );
        let label = signal.strength().label();
        let capitalised = format!("{}{}", label[..1].to_uppercase(), &label[1..]);
        assert!(
            signal_html.contains(&format!("<strong>{capitalised}</strong>")),
            "{path}: the label {label:?} is not in words"
        );
        assert!(
            signal_html.contains(&signal.counts_text()),
            "{path}: counts"
        );
        assert!(
            signal_html.contains(&format!("href=\"{GUIDE}\"")),
            "{path}: the signal does not link the guide"
        );
    }
    assert_eq!(pages, 8 + 11);
    let guide = page(GUIDE.trim_start_matches('/'));
    let backlinks = section(&guide, "id=\"wat-verwijst-hiernaar\"", "</section>");
    assert!(
        backlinks.matches("<li>").count() >= pages,
        "the guide names the pages whose signal links it"
    );
    // The overviews carry the same label, linked to the guide.
    let effects = page("effecten/");
    assert_eq!(
        effects.matches("class=\"signal-short\"").count(),
        g.records.effects.len()
    );
    let table = page("waarde-en-randvoorwaarden/");
    assert_eq!(
        table.matches("class=\"signal-short\"").count(),
        g.records.rows.len()
    );
    assert!(table.contains(&format!("<a href=\"{GUIDE}\">")));
}

#[test]
fn every_finding_on_a_source_page_says_what_kind_of_evidence_it_is() {
    let g = shipped_graph();
    for (s, source) in g.records.sources.enumerate() {
        let html = page(&path_of(g, PageRef::Source(s)));
        for (f, facts) in g.index.finding_facts[s].iter().enumerate() {
            let anchor = &g.index.finding_anchors[s][f];
            let item = section(&html, &format!("<li id=\"{anchor}\""), "</li>");
            let kind = (g.config.evidence_kinds.iter()).find(|k| k.key == facts.evidence.key());
            let label = &kind.expect("site.yaml names every kind").label;
            assert!(
                item.contains(&format!("<span class=\"evidence-kind\">{label}</span>")),
                "{} {anchor}: no kind of evidence shown",
                source.key
            );
        }
    }
}

/// The cells of each effect line of one table of the gap map.
fn gap_lines(table: &str) -> Vec<(String, Vec<String>)> {
    (table.split("<tr><th scope=\"row\">").skip(1))
        .map(|line| {
            let line = line.split("</tr>").next().unwrap();
            let href = line.split("href=\"").nth(1).unwrap().split('"').next();
            let cells = (line.split("<td").skip(1))
                .map(|c| c.split("</td>").next().unwrap().to_string())
                .collect();
            (href.unwrap().to_string(), cells)
        })
        .collect()
}

/// The count a cell shows in text, or `None` when it says there is no research.
fn cell_count(cell: &str) -> Option<usize> {
    if cell.contains("geen onderzoek") {
        return None;
    }
    let count = (cell.split('>'))
        .filter_map(|t| t.split('<').next())
        .find_map(|t| t.trim().parse::<usize>().ok());
    Some(count.unwrap_or_else(|| panic!("a cell without a count in text: <td{cell}")))
}

#[test]
fn the_gap_map_keeps_every_cell_and_each_count_leads_to_as_many_findings() {
    let g = shipped_graph();
    let map = evidence::GapMap::of(g);
    let html = page("bewijs/");
    let tables: Vec<&str> = html.split("<table class=\"gap-map\">").skip(1).collect();
    assert_eq!(tables.len(), 3, "by kind, by sector, by level");
    let columns = [
        Evidence::ALL.len(),
        g.config.sectors.len() + 1,
        g.config.levels.len(),
    ];
    let mut gaps = 0;
    for (table, columns) in tables.iter().zip(columns) {
        let lines = gap_lines(table);
        assert_eq!(
            lines.len(),
            g.records.effects.len(),
            "an effect went missing"
        );
        for ((effect_url, cells), line) in
            lines.iter().zip(map.effects.iter().flat_map(|c| &c.lines))
        {
            assert_eq!(effect_url, &g.url(line.subject), "effects in gap map order");
            assert_eq!(cells.len(), columns, "{effect_url}: a cell was dropped");
            gaps += cells.iter().filter(|c| cell_count(c).is_none()).count();
        }
    }
    assert!(gaps > 0, "the shipped content has gaps; the map shows none");
    // By kind: the count in text is the graph's, and its link leads to a section listing as many.
    let by_kind = gap_lines(tables[0]);
    for ((_, cells), line) in by_kind
        .iter()
        .zip(map.effects.iter().flat_map(|c| &c.lines))
    {
        for (cell, kind) in cells.iter().zip(Evidence::ALL) {
            let expected = line.kind(kind).count();
            assert_eq!(cell_count(cell).unwrap_or(0), expected);
            if expected == 0 {
                continue;
            }
            let href = cell
                .split("href=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let (path, anchor) = href.split_once('#').unwrap();
            let target = page(path.trim_start_matches('/'));
            let listed = section(&target, &format!("id=\"{anchor}\""), "</section>");
            assert_eq!(
                listed.matches("<li class=\"finding\">").count(),
                expected,
                "{href}"
            );
        }
    }
}

#[test]
fn on_an_effects_evidence_page_each_finding_says_who_linked_it() {
    let g = shipped_graph();
    let mut editorial = 0;
    for (e, effect) in g.records.effects.enumerate() {
        let html = page(&format!("bewijs/{}/", effect.key));
        let by_kind = section(&html, "id=\"per-soort\"", "id=\"per-sector\"");
        for item in evidence::effect_items(g, e) {
            let url = format!("href=\"{}\"", finding_url(g, &item));
            let li = (by_kind.split("<li class=\"finding\">"))
                .find(|li| li.contains(&url))
                .unwrap_or_else(|| panic!("{}: {url} is not listed by kind", effect.key));
            let said = match item.provenance {
                Provenance::Platform => "gekoppeld door het Platform",
                Provenance::Editors => {
                    editorial += 1;
                    "door de redactie toegevoegd"
                }
            };
            assert!(
                li.contains(said),
                "{}: {url} does not say {said:?}",
                effect.key
            );
        }
    }
    assert!(editorial > 20);
}

#[test]
fn the_value_table_never_scrolls_sideways_it_becomes_cards() {
    let html = page("waarde-en-randvoorwaarden/");
    let table = section(&html, "<table class=\"value-table\"", "</table>");
    assert!(
        !html.contains("table-scroll"),
        "the value table is in a sideways-scrolling region again"
    );
    let cells = table.matches("<td").count();
    assert_eq!(cells, 3 * 11, "three cells per row");
    assert_eq!(
        table.matches("<td data-label=\"").count(),
        cells,
        "every cell names its column for the card layout"
    );
}
