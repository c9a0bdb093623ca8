//! The search index: what the terminal finds, what the exported browser index holds, and that the
//! browser client (search.js, run in Node) ranks as tantivy does.

use std::path::Path;
use std::process::Command;

use kennisbank::search::{self, Filter, Stemming};
use serde_json::Value;

use crate::util::{expect_success, kennisbank, repo, shipped_graph, shipped_site};

/// The example words of the issue, each with a page a visitor must find in the top 3.
const EXPECTED: [(&str, &str); 6] = [
    ("intervisie", "/begrippen/intervisie/"),
    ("kijkwijzer", "/begrippen/kijkwijzer/"),
    ("inductie", "/begrippen/inductie/"),
    ("eenpitters", "/begrippen/eenpitter/"),
    ("éénpitters", "/begrippen/eenpitter/"),
    ("Leeferink", "/bronnen/leeferink-2016/"),
];

#[test]
fn example_words_find_their_page_in_the_top_three() {
    let index = search::index(shipped_graph(), search::STEMMING).unwrap();
    for (query, url) in EXPECTED {
        let hits = index.search(query, &Filter::default(), 3).unwrap();
        let urls: Vec<&str> = hits
            .iter()
            .map(|h| index.units[h.doc].url.as_str())
            .collect();
        assert!(urls.contains(&url), "{query}: top 3 is {urls:?}");
    }
}

#[test]
fn finer_units_are_hits_with_their_fragment() {
    let index = search::index(shipped_graph(), search::STEMMING).unwrap();
    let kinds: std::collections::BTreeSet<&str> = index.units.iter().map(|u| u.kind).collect();
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

#[test]
fn a_kind_filter_keeps_only_that_kind_and_keeps_scores() {
    let index = search::index(shipped_graph(), search::STEMMING).unwrap();
    let all = index.search("inductie", &Filter::default(), 1000).unwrap();
    let filter = Filter {
        facets: vec![("kind".into(), "Bevinding".into())],
    };
    let findings = index.search("inductie", &filter, 1000).unwrap();
    assert!(!findings.is_empty());
    for hit in &findings {
        assert_eq!(index.units[hit.doc].kind, "Bevinding");
        let unfiltered = all
            .iter()
            .find(|h| h.doc == hit.doc)
            .expect("in unfiltered results");
        assert!((unfiltered.score - hit.score).abs() < 1e-4);
    }
    assert!(findings.len() < all.len());
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
        for key in ["url", "title", "kind", "score"] {
            assert!(!hit[key].is_null(), "{key} missing in {hit}");
        }
    }
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn every_exported_word_lives_in_the_shard_its_range_names() {
    let dir = shipped_site().join("zoeken/index");
    let manifest = read_json(&dir.join("manifest.json"));
    assert_eq!(manifest["version"], 2);
    let hash = manifest["hash"].as_str().unwrap();
    let shards = manifest["shards"].as_array().unwrap();
    let shard_file = |i: usize| dir.join(format!("shard-{i}.{hash}.json"));
    assert!(
        shards.len() > 1,
        "the shipped site should need several shards"
    );
    let starts: Vec<&str> = shards.iter().map(|s| s.as_str().unwrap()).collect();
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "shard starts not sorted"
    );
    for i in 0..shards.len() {
        let data = read_json(&shard_file(i));
        for (word, stem) in data["words"].as_object().unwrap() {
            assert!(word.as_str() >= starts[i]);
            if let Some(next) = starts.get(i + 1) {
                assert!(word.as_str() < *next);
            }
            let stem = stem.as_str().filter(|s| !s.is_empty()).unwrap_or(word);
            assert!(
                data["stems"].get(stem).is_some(),
                "{word} → {stem} has no postings"
            );
        }
    }
    // éénpitters is found through its folded surface word.
    let found = (0..shards.len()).any(|i| {
        read_json(&shard_file(i))["words"]
            .get("eenpitters")
            .is_some()
    });
    assert!(found);
}

#[test]
fn the_browser_client_ranks_as_tantivy_does() {
    let index = search::index(shipped_graph(), search::STEMMING).unwrap();
    let queries = [
        "intervisie",
        "kijkwijzer",
        "inductie",
        "eenpitters",
        "Leeferink",
        "startende leraren",
        "samen opleiden in het mbo",
    ];
    let node = Command::new("node")
        .arg(repo().join("tests/browser/search-parity.mjs"))
        .arg(shipped_site())
        .arg("5")
        .args(queries)
        .output()
        .expect("node (Node 20) must be installed for the parity test");
    assert!(
        node.status.success(),
        "{}",
        String::from_utf8_lossy(&node.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(node.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), queries.len());
    for (query, line) in queries.iter().zip(&lines) {
        let tantivy = index.search(query, &Filter::default(), 1000).unwrap();
        let client = line["hits"].as_array().unwrap();
        assert_eq!(client.len(), 5.min(tantivy.len()), "{query}");
        for (rank, hit) in client.iter().enumerate() {
            // Scores ship rounded to 0.01 per stem: equal rank scores, and each client hit must
            // score the same in tantivy (ties may come in another order).
            let score = hit["score"].as_f64().unwrap() as f32;
            let expected = tantivy[rank].score;
            assert!(
                (score - expected).abs() < 0.03,
                "{query} rank {rank}: {score} vs {expected}"
            );
            let url = hit["url"].as_str().unwrap();
            let same = tantivy
                .iter()
                .find(|h| index.units[h.doc].url == url)
                .unwrap();
            assert!((same.score - score).abs() < 0.03, "{query}: {url}");
        }
    }
}

#[test]
fn both_stemmers_build_and_fold_alike() {
    for stemming in [Stemming::Porter, Stemming::Snowball] {
        let index = search::index(shipped_graph(), stemming).unwrap();
        let a = index.search("éénpitters", &Filter::default(), 5).unwrap();
        let b = index.search("eenpitters", &Filter::default(), 5).unwrap();
        assert_eq!(a, b);
    }
}
