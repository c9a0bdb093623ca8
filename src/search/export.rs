//! Turns the tantivy index into the static, sharded index the browser reads (format in FORMAT.md):
//! a manifest, shards of surface words → stem → BM25-weighted postings, chunked doc tables and one
//! facet file. Scores are read out of tantivy itself (its BM25 weights, its field norms) so the
//! browser ranks as `kennisbank search` does.

use std::collections::{BTreeMap, HashSet};

use anyhow::{Context, Result};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tantivy::postings::Postings;
use tantivy::query::{Bm25StatisticsProvider, Bm25Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TokenStream;
use tantivy::{DocSet, TERMINATED, Term};

use super::analyzer::{self, STOP_WORDS};
use super::index::SearchIndex;
use super::units::{FACETS, FacetLabels};
use crate::i18n::Msg;

/// The format version; bump on any incompatible change (the client refuses other versions).
/// Version 2: one content hash for the whole index instead of one per file (the manifest no longer
/// lists ~1,500 hashed names on a 10k-page site) and doc-table chunks of 16 units, not 32.
pub const FORMAT_VERSION: u32 = 2;
/// Scores are shipped as integers: round(score × SCALE).
pub const SCALE: f32 = 100.0;
/// A shard closes once it holds this many postings plus words (≈ 20–30 kB of JSON, ≈ 8 kB gzipped).
pub const SHARD_BUDGET: usize = 4000;
/// Units per doc-table file: a result costs the download of its chunk, so smaller is cheaper per
/// query, at the price of more files (≈ 1,850 on a 10k-page site).
pub const DOC_CHUNK: usize = 16;
/// Characters of a unit's text shipped for excerpts.
pub const EXCERPT_CHARS: usize = 600;

/// A file of the exported index, by its name inside the index folder.
#[derive(Debug, Clone)]
pub struct ExportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// stem → (unit → summed, boosted BM25 score), exactly as tantivy scores a one-stem query.
pub fn weights(index: &SearchIndex) -> Result<BTreeMap<String, BTreeMap<usize, f32>>> {
    let searcher = index.reader.searcher();
    let mut out: BTreeMap<String, BTreeMap<usize, f32>> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let doc_column = segment.fast_fields().u64("doc")?;
        for &(field, boost) in &index.text_fields {
            let inverted = segment.inverted_index(field)?;
            let norms = segment.get_fieldnorms_reader(field)?;
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                let stem = std::str::from_utf8(stream.key())
                    .context(Msg::SearchIndexBadTerm.message())?
                    .to_string();
                let term = Term::from_field_text(field, &stem);
                let weight =
                    Bm25Weight::for_terms(&searcher as &dyn Bm25StatisticsProvider, &[term])?;
                let mut postings = inverted
                    .read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)?;
                let entry = out.entry(stem).or_default();
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    let unit = doc_column
                        .first(doc)
                        .context(Msg::SearchIndexNoUnit.message())?
                        as usize;
                    let score = weight.score(norms.fieldnorm_id(doc), postings.term_freq()) * boost;
                    *entry.entry(unit).or_insert(0.0) += score;
                    doc = postings.advance();
                }
            }
        }
    }
    Ok(out)
}

/// surface word (folded, as typed) → stem, over all indexed text.
pub fn surface_map(index: &SearchIndex) -> BTreeMap<String, String> {
    // Every token of the site is folded here a second time (tantivy folded and stemmed it once):
    // one analyzer per worker, and a word is copied only the first time it is seen.
    use rayon::prelude::*;
    let words = index
        .units
        .par_iter()
        .fold(
            || (analyzer::folding_analyzer(), HashSet::<String>::new()),
            |(mut folding, mut words), unit| {
                for text in [&unit.index_title, &unit.keywords, &unit.body] {
                    let mut stream = folding.token_stream(text);
                    while stream.advance() {
                        let word = &stream.token().text;
                        if !words.contains(word.as_str()) {
                            words.insert(word.clone());
                        }
                    }
                }
                (folding, words)
            },
        )
        .map(|(_, words)| words)
        .reduce(HashSet::new, |mut a, b| {
            a.extend(b);
            a
        });
    let mut words: Vec<String> = words.into_iter().collect();
    words.sort_unstable();
    words
        .into_iter()
        .map(|w| {
            let stem = index.stemming.stem(&w);
            (w, stem)
        })
        .collect()
}

/// A file named `{prefix}.json` for now; [`export`] puts the index's hash in every name at the end.
fn unnamed(prefix: &str, value: &Value) -> ExportFile {
    ExportFile {
        name: prefix.to_string(),
        bytes: serde_json::to_vec(value).expect("JSON values always serialise"),
    }
}

/// One hash over every data file (10 hex digits), so names change whenever anything changes and
/// hosts may cache them forever. One hash rather than one per file keeps the manifest small.
fn index_hash(files: &[ExportFile]) -> String {
    let mut hasher = Sha256::new();
    for f in files {
        hasher.update(f.name.as_bytes());
        hasher.update((f.bytes.len() as u64).to_le_bytes());
        hasher.update(&f.bytes);
    }
    hasher.finalize()[..5]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Flat, delta-encoded postings: [doc₀, score₀, doc₁ − doc₀, score₁, …], docs ascending.
fn encode_postings(postings: &BTreeMap<usize, f32>) -> Vec<u64> {
    let mut out = Vec::with_capacity(postings.len() * 2);
    let mut last = 0usize;
    for (&doc, &score) in postings {
        out.push((doc - last) as u64);
        out.push((score * SCALE).round().max(1.0) as u64);
        last = doc;
    }
    out
}

fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// Every file of the browser index; `manifest.json` last.
pub fn export(index: &SearchIndex, labels: &FacetLabels) -> Result<Vec<ExportFile>> {
    let weights = weights(index)?;
    let surfaces = surface_map(index);
    let mut files = Vec::new();

    // Shards: consecutive runs of surface words, each carrying the postings of its words' stems.
    let mut shard_starts: Vec<String> = Vec::new();
    let mut words = serde_json::Map::new();
    let mut stems = serde_json::Map::new();
    let mut cost = 0usize;
    let mut first_word: Option<String> = None;
    let flush = |words: &mut serde_json::Map<String, Value>,
                 stems: &mut serde_json::Map<String, Value>,
                 first: Option<String>,
                 files: &mut Vec<ExportFile>,
                 starts: &mut Vec<String>| {
        let n = starts.len();
        let file = unnamed(
            &format!("shard-{n}"),
            &json!({ "words": std::mem::take(words), "stems": std::mem::take(stems) }),
        );
        // The first shard starts at the empty string so every word has a shard.
        starts.push(if n == 0 {
            String::new()
        } else {
            first.unwrap_or_default()
        });
        files.push(file);
    };
    for (surface, stem) in &surfaces {
        let Some(postings) = weights.get(stem) else {
            continue; // a word only in text that was not indexed (cannot happen; be safe)
        };
        if first_word.is_none() {
            first_word = Some(surface.clone());
        }
        words.insert(
            surface.clone(),
            Value::String(if surface == stem {
                String::new()
            } else {
                stem.clone()
            }),
        );
        cost += 1;
        if !stems.contains_key(stem) {
            cost += postings.len();
            stems.insert(stem.clone(), json!(encode_postings(postings)));
        }
        if cost >= SHARD_BUDGET {
            flush(
                &mut words,
                &mut stems,
                first_word.take(),
                &mut files,
                &mut shard_starts,
            );
            cost = 0;
        }
    }
    if !words.is_empty() || shard_starts.is_empty() {
        flush(
            &mut words,
            &mut stems,
            first_word.take(),
            &mut files,
            &mut shard_starts,
        );
    }

    // Doc table, in chunks: what a result shows.
    let mut doc_files = 0;
    for (n, chunk) in index.units.chunks(DOC_CHUNK).enumerate() {
        let rows: Vec<Value> = chunk
            .iter()
            .map(|u| {
                json!([
                    u.url,
                    u.title,
                    u.kind,
                    u.crumbs,
                    truncate_chars(&u.body, EXCERPT_CHARS)
                ])
            })
            .collect();
        files.push(unnamed(&format!("docs-{n}"), &Value::Array(rows)));
        doc_files += 1;
    }

    // Facets: key → value → delta-encoded units, with labels.
    let mut facet_docs: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (n, unit) in index.units.iter().enumerate() {
        for (key, value) in &unit.facets {
            facet_docs
                .entry(key)
                .or_default()
                .entry(value.as_str())
                .or_default()
                .push(n);
        }
    }
    let mut facets_json = serde_json::Map::new();
    for (key, values) in &facet_docs {
        let mut values_json = serde_json::Map::new();
        for (value, docs) in values {
            let mut last = 0;
            let deltas: Vec<usize> = docs
                .iter()
                .map(|&d| {
                    let delta = d - last;
                    last = d;
                    delta
                })
                .collect();
            let label = labels
                .get(key)
                .and_then(|l| l.get(*value))
                .cloned()
                .unwrap_or_else(|| value.to_string());
            values_json.insert(value.to_string(), json!({ "label": label, "docs": deltas }));
        }
        facets_json.insert(key.to_string(), Value::Object(values_json));
    }
    files.push(unnamed("facets", &Value::Object(facets_json)));

    let hash = index_hash(&files);
    for f in &mut files {
        f.name = format!("{}.{hash}.json", f.name);
    }
    let manifest = json!({
        "format": "kennisbank-search",
        "version": FORMAT_VERSION,
        "stemmer": index.stemming.name(),
        "scale": SCALE,
        "units": index.units.len(),
        "stop_words": STOP_WORDS,
        "max_token_bytes": analyzer::MAX_TOKEN_BYTES,
        "hash": hash,
        "shards": shard_starts,
        "doc_chunk": DOC_CHUNK,
        "docs": doc_files,
        "facets": FACETS.iter().filter(|(k, _)| facet_docs.contains_key(k)).map(|(k, l)| json!([k, l])).collect::<Vec<_>>(),
    });
    files.push(ExportFile {
        name: "manifest.json".into(),
        bytes: serde_json::to_vec(&manifest)?,
    });
    Ok(files)
}
