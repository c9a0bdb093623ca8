//! The search: what the terminal finds, what the exported browser index holds, and that the
//! browser client (search.js, run in Node) gives the terminal's results in the terminal's order on
//! every query of the evaluation set (tests/search-eval.tsv).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use kennisbank::search::{self, Engine, IndexDir, Stemming, engine::IndexFiles};
use serde_json::Value;

use crate::util::{TestSite, expect_success, kennisbank, repo, shipped_graph, shipped_site};

/// The example words of the issue, each with a page a visitor must find in the top 3.
const EXPECTED: [(&str, &str); 6] = [
    ("intervisie", "/begrippen/intervisie/"),
    ("kijkwijzer", "/begrippen/kijkwijzer/"),
    ("inductie", "/begrippen/inductie/"),
    ("eenpitters", "/begrippen/eenpitter/"),
    ("éénpitters", "/begrippen/eenpitter/"),
    ("Leeferink", "/bronnen/leeferink-2016/"),
];

fn engine() -> Engine<IndexDir> {
    Engine::open(IndexDir(shipped_site().join(search::INDEX_DIR))).unwrap()
}

/// The first `n` result URLs of a query as the search page runs it.
fn top<F: IndexFiles>(engine: &Engine<F>, query: &str, n: usize) -> Vec<String> {
    let typing = !query.ends_with(' ');
    let results = engine.search(query, typing).unwrap();
    results.hits[..n.min(results.hits.len())]
        .iter()
        .map(|h| engine.doc(h.unit).unwrap().0)
        .collect()
}

fn page_of(url: &str) -> &str {
    url.split('#').next().unwrap()
}

#[test]
fn example_words_find_their_page_in_the_top_three() {
    let engine = engine();
    for (query, url) in EXPECTED {
        let urls = top(&engine, query, 3);
        assert!(urls.iter().any(|u| u == url), "{query}: top 3 is {urls:?}");
    }
}

#[test]
fn english_synonyms_and_compounds_find_their_pages() {
    let engine = engine();
    for (query, url) in [
        ("teacher retention", "/effecten/behoud-startende-leraren/"),
        ("induction", "/begrippen/inductie/"),
        ("workload", "/effecten/professionele-tevredenheid/"),
        ("mentor", "/begrippen/werkplekbegeleider/"),
        ("docent", "/begrippen/leraar/"),
        ("rendement", "/effecten/opleidingsrendement/"),
        ("instromer", "/begrippen/zij-instromer/"),
    ] {
        let urls = top(&engine, query, 3);
        assert!(
            urls.iter().any(|u| page_of(u) == url),
            "{query}: top 3 is {urls:?}"
        );
    }
}

#[test]
fn a_word_finds_the_compounds_made_with_it_below_the_word_itself() {
    let engine = engine();
    let results = engine.search("opleiding ", false).unwrap();
    let texts: Vec<String> = results
        .hits
        .iter()
        .map(|h| engine.doc(h.unit).unwrap().4.to_lowercase())
        .collect();
    let whole = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "opleiding" || w == "opleidingen")
    };
    // A unit whose text has only the compound is found…
    let compound_only = texts
        .iter()
        .position(|t| t.contains("lerarenopleiding") && !whole(t) && !t.contains("opleid "));
    assert!(
        compound_only.is_some(),
        "no unit found through lerarenopleiding alone"
    );
    // …and the best hit has the word itself.
    assert!(
        whole(&texts[0]) || texts[0].contains("opleid"),
        "{}",
        texts[0]
    );
}

#[test]
fn begeleiding_does_not_find_beleid() {
    let engine = engine();
    for hit in engine.search("begeleiding ", false).unwrap().hits {
        let doc = engine.doc(hit.unit).unwrap();
        let text = format!("{} {}", doc.1, doc.4).to_lowercase();
        let only_policy = text.contains("beleid") && !text.contains("begeleid");
        // The doc text is cut to a few hundred characters: only whole short units can be judged.
        if doc.4.ends_with('…') {
            continue;
        }
        assert!(!only_policy, "{} matched begeleiding through beleid", doc.0);
    }
}

#[test]
fn units_with_every_word_come_before_units_with_fewer() {
    let engine = engine();
    let results = engine
        .search("netwerk begeleiding startende leraar ", false)
        .unwrap();
    assert!(
        results
            .hits
            .windows(2)
            .all(|w| w[0].matched >= w[1].matched)
    );
    assert_eq!(results.hits[0].matched, 4);
    // The condition that has all four words, among the first three.
    let first: Vec<String> = results.hits[..3]
        .iter()
        .map(|h| engine.doc(h.unit).unwrap().0)
        .collect();
    assert!(
        first
            .iter()
            .any(|u| u.starts_with("/waarde-en-randvoorwaarden/1-4/")),
        "{first:?}"
    );
}

#[test]
fn a_phrase_puts_the_unit_where_its_words_stand_together_first() {
    // Both pages hold both words; before the phrase boost, articles using them apart (and more
    // often) ranked first.
    let engine = engine();
    for (query, page) in [
        ("lerende organisatie", "/effecten/lerende-organisatie/"),
        (
            "netwerk begeleiding startende leraar",
            "/waarde-en-randvoorwaarden/1-4/",
        ),
    ] {
        let first = top(&engine, query, 1);
        assert_eq!(page_of(&first[0]), page, "{query}");
    }
}

#[test]
fn finer_units_are_hits_with_their_fragment() {
    let index = search::index(shipped_graph(), search::STEMMING).unwrap();
    let kinds: BTreeSet<&str> = index.units.iter().map(|u| u.kind).collect();
    for kind in [
        "Bevinding",
        "Randvoorwaarde",
        "Praktijkvoorbeeld",
        "Artikelsectie",
    ] {
        assert!(kinds.contains(kind), "no {kind} units");
    }
    for unit in index.units.iter().filter(|u| u.kind == "Bevinding") {
        assert!(unit.url.contains("#bevinding-"), "{}", unit.url);
    }
}

fn cli_hits(args: &[&str]) -> Vec<Value> {
    let out = expect_success(kennisbank().args(args).arg("--index").arg(shipped_site()));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_kind_filter_keeps_only_that_kind_and_keeps_scores() {
    let all = cli_hits(&["search", "inductie", "--json", "--limit", "1000"]);
    let findings = cli_hits(&[
        "search",
        "inductie",
        "--json",
        "--limit",
        "1000",
        "--kind",
        "bevinding",
    ]);
    assert!(!findings.is_empty());
    assert!(findings.len() < all.len());
    for hit in &findings {
        assert_eq!(hit["kind"], "Bevinding");
        let unfiltered = all
            .iter()
            .find(|h| h["url"] == hit["url"])
            .expect("in unfiltered results");
        assert_eq!(unfiltered["score"], hit["score"]);
    }
}

#[test]
fn every_finding_has_one_kind_of_evidence_and_the_origin_of_its_links_as_filters() {
    let engine = engine();
    let units = engine.manifest.units as u32;
    let findings: BTreeSet<u32> = (0..units)
        .filter(|&u| engine.doc(u).unwrap().2 == "Bevinding")
        .collect();
    let kinds = engine.facet_values("evidence").unwrap();
    assert!(
        kinds
            .iter()
            .any(|(k, l)| k == "empirisch" && l == "Empirisch onderzoek"),
        "{kinds:?}"
    );
    let mut seen = BTreeSet::new();
    for (kind, _) in &kinds {
        for unit in engine.facet("evidence", kind).unwrap() {
            assert!(
                findings.contains(&unit),
                "{kind}: {:?} is no finding",
                engine.doc(unit)
            );
            assert!(
                seen.insert(unit),
                "{:?} has two kinds of evidence",
                engine.doc(unit)
            );
        }
    }
    assert_eq!(seen, findings, "every finding has its kind of evidence");

    // A link the editors added is theirs, not the Platform's; a finding may have both.
    let origins = engine.facet_values("origin").unwrap();
    assert_eq!(
        origins,
        [
            ("platform".to_string(), "van het Platform".to_string()),
            (
                "redactie".to_string(),
                "toegevoegd door de redactie".to_string()
            )
        ]
    );
    let added = (0..units)
        .find(|&u| {
            engine
                .doc(u)
                .unwrap()
                .0
                .ends_with("curriculum-meer-een-geheel")
        })
        .expect("the finding of berndsen-2013 with only added links");
    assert!(engine.facet("origin", "redactie").unwrap().contains(&added));
    assert!(!engine.facet("origin", "platform").unwrap().contains(&added));
}

#[test]
fn the_cli_prints_one_json_object_per_hit() {
    let out = expect_success(
        kennisbank()
            .args(["search", "kijkwijzer", "--json", "--limit", "3", "--root"])
            .arg(repo()),
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["url"], "/begrippen/kijkwijzer/");
    for hit in &lines {
        for key in ["url", "title", "kind", "score", "matched"] {
            assert!(!hit[key].is_null(), "{key} missing in {hit}");
        }
    }
}

#[test]
fn the_terminal_forgives_a_typo_as_the_browser_does() {
    let hits = cli_hits(&["search", "kijkwijzr", "--json", "--limit", "3"]);
    assert_eq!(hits[0]["url"], "/begrippen/kijkwijzer/");
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn every_exported_word_lives_in_the_shard_its_range_names() {
    let dir = shipped_site().join("zoeken/index");
    let manifest = read_json(&dir.join("manifest.json"));
    assert_eq!(manifest["version"], 3);
    let hash = manifest["hash"].as_str().unwrap();
    let head = manifest["head"].as_u64().unwrap() as usize;
    let shards = manifest["shards"].as_array().unwrap();
    let file = |name: String| dir.join(format!("{name}.{hash}.json"));
    assert!(
        shards.len() > 1,
        "the shipped site should need several shards"
    );
    let starts: Vec<&str> = shards.iter().map(|s| s.as_str().unwrap()).collect();
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "shard starts not sorted"
    );
    let mut found_folded = false;
    for i in 0..shards.len() {
        let data = read_json(&file(format!("shard-{i}")));
        let words: Vec<&str> = data["words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        assert!(
            words.windows(2).all(|w| w[0] < w[1]),
            "shard {i} not sorted"
        );
        found_folded |= words.contains(&"eenpitters");
        for (n, word) in words.iter().enumerate() {
            assert!(*word >= starts[i]);
            if let Some(next) = starts.get(i + 1) {
                assert!(word < next);
            }
            let entry = &data["stems"][data["stem"][n].as_u64().unwrap() as usize];
            let count = entry[2].as_u64().unwrap() as usize;
            let pairs = entry[3].as_array().unwrap().len() / 2;
            assert_eq!(pairs, count.min(head), "{word}: head of {count} postings");
            match entry[1].as_u64() {
                None => assert!(
                    count <= head,
                    "{word}: {count} postings, no file for the rest"
                ),
                Some(p) => {
                    let postings = read_json(&file(format!("postings-{p}")));
                    let stem = entry[0].as_str().unwrap();
                    assert_eq!(postings[stem][0].as_array().unwrap().len(), count, "{word}");
                }
            }
        }
    }
    assert!(found_folded, "éénpitters is found through its folded word");
}

/// What the browser client (search.js in Node) finds for each query on the site at `site`, as the
/// search page and as the header box run it: one JSON object per query and mode.
fn browser_client(site: &Path, limit: usize, queries: &[impl AsRef<str>]) -> Vec<Value> {
    let node = Command::new("node")
        .arg(repo().join("tests/browser/search-parity.mjs"))
        .arg(site)
        .arg(limit.to_string())
        .args(queries.iter().map(AsRef::as_ref))
        .output()
        .expect("node (Node 20) must be installed for the parity test");
    assert!(
        node.status.success(),
        "{}",
        String::from_utf8_lossy(&node.stderr)
    );
    String::from_utf8(node.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_browser_client_and_the_terminal_agree_on_the_evaluation_set() {
    let eval = std::fs::read_to_string(repo().join("tests/search-eval.tsv")).unwrap();
    let mut queries: Vec<String> = eval
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    // And as a visitor types them: unfinished, and finished with a space.
    queries.extend(["kijkwij", "samen opl", "intervisie ", "oplei"].map(String::from));
    // Phrases whose words stand together in some units, apart in others: the boost decides.
    queries.extend(
        [
            "lerende organisatie ",
            "organisatie lerende",
            "startende leraren",
            "praktijk theorie ",
        ]
        .map(String::from),
    );
    let lines = browser_client(shipped_site(), 20, &queries);
    assert_eq!(lines.len(), 2 * queries.len());
    let engine = engine();
    for line in &lines {
        let query = line["query"].as_str().unwrap();
        let typing = !query.ends_with(' ');
        let terminal = engine.search(query, typing).unwrap().hits;
        let client = line["hits"].as_array().unwrap();
        let n = if line["mode"] == "box" { 8 } else { 20 };
        assert_eq!(
            client.len(),
            n.min(terminal.len()),
            "{query} ({})",
            line["mode"]
        );
        for (hit, expected) in client.iter().zip(&terminal) {
            assert_eq!(
                (
                    hit["unit"].as_u64().unwrap() as u32,
                    hit["score"].as_u64().unwrap()
                ),
                (expected.unit, expected.score),
                "{query} ({}): {}",
                line["mode"],
                hit["url"]
            );
        }
    }
}

#[test]
fn both_stemmers_build_and_fold_alike() {
    for stemming in [Stemming::Porter, Stemming::Snowball] {
        let engine = search::engine(shipped_graph(), stemming).unwrap();
        let a = engine.search("éénpitters", false).unwrap().hits;
        let b = engine.search("eenpitters", false).unwrap().hits;
        assert!(!a.is_empty());
        assert_eq!(a, b);
    }
}

#[test]
fn a_mistake_in_the_thesaurus_is_reported_at_its_term() {
    let site = TestSite::fixture();
    site.write(
        "content/thesaurus.yaml",
        "synonyms:\n  - [leraar, docent]\n  - [mentor]\n",
    );
    let out = site.run(&["check", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("content/thesaurus.yaml:3:5"), "{stderr}");
    assert!(stderr.contains("at least two terms"), "{stderr}");
}

/// Two units with the same words, in the same numbers; in the second `startende` and `leraren`
/// stand together. Without the phrase boost they tie and the first wins (unit order).
fn two_units_one_phrase() -> tempfile::TempDir {
    let unit = |url: &str, body: &str| search::units::Unit {
        url: url.into(),
        title: "Begeleiding".into(),
        kind: "Pagina",
        crumbs: Vec::new(),
        index_title: "Begeleiding".into(),
        keywords: String::new(),
        body: body.into(),
        facets: Vec::new(),
    };
    let units = vec![
        unit(
            "/verspreid/",
            "startende docenten begeleiden nieuwe leraren",
        ),
        unit("/samen/", "nieuwe docenten begeleiden startende leraren"),
    ];
    let index = search::SearchIndex::build(units, &[], search::STEMMING).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(search::INDEX_DIR);
    std::fs::create_dir_all(&folder).unwrap();
    for file in search::export::export(&index, &Default::default()).unwrap() {
        std::fs::write(folder.join(file.name), file.bytes).unwrap();
    }
    dir
}

#[test]
fn words_that_stand_together_rank_above_the_same_words_apart_in_both_engines() {
    let site = two_units_one_phrase();
    let engine = Engine::open(IndexDir(site.path().join(search::INDEX_DIR))).unwrap();
    for query in ["startende leraren", "leraren startende"] {
        let hits = engine.search(query, false).unwrap().hits;
        let urls: Vec<String> = hits.iter().map(|h| engine.doc(h.unit).unwrap().0).collect();
        assert_eq!(urls, ["/samen/", "/verspreid/"], "terminal: {query}");
        assert!(hits[0].score > hits[1].score, "{hits:?}");
    }
    // Words that stand together in both gain alike: the two units tie again.
    let hits = engine.search("docenten begeleiden", false).unwrap().hits;
    assert_eq!(hits[0].score, hits[1].score, "{hits:?}");
    for line in browser_client(
        site.path(),
        2,
        &["startende leraren ", "leraren startende "],
    ) {
        let urls: Vec<&str> = line["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["url"].as_str().unwrap())
            .collect();
        assert_eq!(urls, ["/samen/", "/verspreid/"], "browser client: {line}");
    }
}
