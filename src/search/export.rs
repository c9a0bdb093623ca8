//! Turns the tantivy index into the static index the browser and the terminal read (format 3,
//! `FORMAT.md`): a manifest; shards of folded words → stem, each stem with the best postings of
//! its list (enough for the first results of one word); postings files with the complete lists of
//! the stems that have more; small doc tables; one facet file. Scores are
//! tantivy's own BM25 weights, one byte each (`format::level`).

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use serde::Serialize;
use sha2::Digest;
use tantivy::postings::Postings;
use tantivy::query::{Bm25StatisticsProvider, Bm25Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, TERMINATED, Term};

use super::analyzer::{self, STOP_WORDS};
use super::format::{
    self, DocRow, FORMAT_NAME, FORMAT_VERSION, FacetValue, FacetsFile, Manifest, PostingsFile,
    Shard, StemEntry,
};
use super::index::{DOC_FIELD, IndexField, SearchIndex};
use super::pairs;
use super::units::{FACETS, FacetLabels};
use crate::i18n::Msg;

/// Scores are multiplied by this before they are stored as levels.
pub const SCALE: f32 = 100.0;
/// Postings per list in the shards: the header box shows 8 results, and the best 8 of every
/// candidate list are all a one-word query needs for them (see `engine.rs`).
pub const HEAD: usize = 8;
/// A shard closes at about this many bytes of JSON (≈ 2.5 kB gzipped).
pub const SHARD_BYTES: usize = 6_000;
/// A postings file closes at about this many bytes of JSON; a longer list has a file to itself.
pub const POSTINGS_BYTES: usize = 40_000;
/// Units per doc-table file: a result costs the download of its file.
pub const DOC_CHUNK: usize = 4;
/// Characters of a unit's text shipped for its excerpt.
pub const EXCERPT_CHARS: usize = 240;

/// A file of the exported index, by its name inside the index folder.
#[derive(Debug, Clone)]
pub struct ExportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A unit's score for one stem: from the words themselves, and from derived tokens.
#[derive(Debug, Clone, Copy)]
struct Weight {
    direct: f32,
    derived: f32,
}

impl Weight {
    /// A score from one field: a field of the words themselves or of derived tokens.
    fn of(field: &IndexField, score: f32) -> Weight {
        let (direct, derived) = if field.direct {
            (score, 0.0)
        } else {
            (0.0, score)
        };
        Weight { direct, derived }
    }
}

/// stem → its list: units ascending, each with its level, exactly as tantivy scores a one-stem
/// query per field, boosts applied, the unit's own words and its derived tokens together (the
/// derived ones weigh less, `index::DERIVED_FACTOR`).
///
/// Each posting is collected as it comes, field by field, and a stem's postings are merged per
/// unit at the end: 12 bytes a posting, where a map per stem of every unit took about 30.
pub fn lists(index: &SearchIndex) -> Result<BTreeMap<String, Vec<(u32, u32)>>> {
    let searcher = index.reader.searcher();
    let mut out: BTreeMap<String, Vec<(u32, Weight)>> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let doc_column = segment.fast_fields().u64(DOC_FIELD)?;
        for field in &index.fields {
            let inverted = segment.inverted_index(field.field)?;
            let norms = segment.get_fieldnorms_reader(field.field)?;
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                let stem =
                    std::str::from_utf8(stream.key()).context(Msg::SearchIndexBadTerm.message())?;
                let term = Term::from_field_text(field.field, stem);
                let weight =
                    Bm25Weight::for_terms(&searcher as &dyn Bm25StatisticsProvider, &[term])?;
                let mut postings = inverted
                    .read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)?;
                let entry = match out.get_mut(stem) {
                    Some(entry) => entry,
                    None => out.entry(stem.to_string()).or_default(),
                };
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    let unit = doc_column
                        .first(doc)
                        .context(Msg::SearchIndexNoUnit.message())?
                        as u32;
                    let score =
                        weight.score(norms.fieldnorm_id(doc), postings.term_freq()) * field.boost;
                    entry.push((unit, Weight::of(field, score)));
                    doc = postings.advance();
                }
            }
        }
    }
    Ok(out
        .into_iter()
        .map(|(stem, postings)| (stem, merged(postings)))
        .collect())
}

/// One stem's postings, units ascending, a unit's scores summed in the order they came: the sort is
/// stable, so a unit's scores are added in field order, and the floating-point sums do not depend
/// on how the postings of other units were interleaved.
fn merged(mut postings: Vec<(u32, Weight)>) -> Vec<(u32, u32)> {
    postings.sort_by_key(|p| p.0);
    let mut list: Vec<(u32, u32)> = Vec::new();
    let mut total: Option<(u32, Weight)> = None;
    let level = |(unit, w): (u32, Weight)| (unit, format::level((w.direct + w.derived) * SCALE));
    for (unit, w) in postings {
        match &mut total {
            Some((at, sum)) if *at == unit => {
                sum.direct += w.direct;
                sum.derived += w.derived;
            }
            _ => {
                list.extend(total.take().map(level));
                total = Some((unit, w));
            }
        }
    }
    list.extend(total.map(level));
    list
}

/// The best `HEAD` postings in rank order (level descending, unit ascending), flat.
fn head(list: &[(u32, u32)]) -> Vec<u32> {
    let mut sorted = list.to_vec();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    sorted
        .into_iter()
        .take(HEAD)
        .flat_map(|(unit, level)| [unit, level])
        .collect()
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("index files always serialise")
}

/// One hash over every data file (10 hex digits), so names change whenever anything changes and
/// hosts may cache them forever. One hash rather than one per file keeps the manifest small.
fn index_hash(files: &[ExportFile]) -> String {
    crate::digest::short_sha256(5, |hasher| {
        for f in files {
            hasher.update(f.name.as_bytes());
            hasher.update((f.bytes.len() as u64).to_le_bytes());
            hasher.update(&f.bytes);
        }
    })
}

/// The text up to `max` characters, cut after the last whole word (an excerpt must not end in
/// half a word that the client would then mark).
fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => {
            let cut = text[..i]
                .rfind(char::is_whitespace)
                .filter(|&space| space > i / 2)
                .unwrap_or(i);
            format!("{}…", text[..cut].trim_end())
        }
        None => text.to_string(),
    }
}

fn postings_file(n: usize, postings: &mut PostingsFile) -> ExportFile {
    let file = ExportFile {
        name: format!("postings-{n}"),
        bytes: json(postings),
    };
    postings.clear();
    file
}

/// The shard's file; its first word joins `starts` (the first shard starts at "", so every word
/// has a shard).
fn shard_file(starts: &mut Vec<String>, shard: &mut Shard) -> ExportFile {
    let n = starts.len();
    starts.push(if n == 0 {
        String::new()
    } else {
        shard.words[0].clone()
    });
    let file = ExportFile {
        name: format!("shard-{n}"),
        bytes: json(shard),
    };
    *shard = Shard::default();
    file
}

/// Every file of the browser index; `manifest.json` last.
pub fn export(index: &SearchIndex, labels: &FacetLabels) -> Result<Vec<ExportFile>> {
    let mut timings = crate::timings::Timings::start();
    let lists = lists(index)?;
    timings.lap("weights");
    let mut files = Vec::new();

    // Postings files: the complete lists of every stem that has more than its head.
    let mut tail_of: BTreeMap<&str, usize> = BTreeMap::new();
    let mut postings = PostingsFile::new();
    let mut postings_bytes = 0;
    let mut postings_files = 0;
    for (stem, l) in &lists {
        if l.len() <= HEAD {
            continue;
        }
        let units = format::deltas(l.iter().map(|p| p.0));
        let levels: Vec<u32> = l.iter().map(|p| p.1).collect();
        let size = json(&[&units, &levels]).len() + stem.len();
        if postings_bytes > 0 && postings_bytes + size > POSTINGS_BYTES {
            files.push(postings_file(postings_files, &mut postings));
            postings_files += 1;
            postings_bytes = 0;
        }
        tail_of.insert(stem, postings_files);
        postings.insert(stem.clone(), [units, levels]);
        postings_bytes += size;
    }
    if !postings.is_empty() {
        files.push(postings_file(postings_files, &mut postings));
    }

    timings.lap("postings");
    // Shards: consecutive runs of words, each with the heads of its words' stems.
    let mut starts: Vec<String> = Vec::new();
    let mut shard = Shard::default();
    let mut shard_bytes = 0;
    for (word, stem) in &index.dictionary {
        let Some(l) = lists.get(stem) else {
            continue; // a thesaurus word whose group occurs nowhere on the site
        };
        let at = match shard.stems.iter().position(|e| &e.0 == stem) {
            Some(at) => at,
            None => {
                let entry = StemEntry(
                    stem.clone(),
                    tail_of.get(stem.as_str()).copied(),
                    l.len(),
                    head(l),
                );
                shard_bytes += json(&entry).len();
                shard.stems.push(entry);
                if let Some(marks) = index.marks.get(stem) {
                    shard_bytes += json(marks).len();
                    shard
                        .marks
                        .insert(stem.clone(), marks.iter().cloned().collect());
                }
                shard.stems.len() - 1
            }
        };
        shard.words.push(word.clone());
        shard.stem.push(at);
        shard_bytes += word.len() + 5;
        if shard_bytes >= SHARD_BYTES {
            files.push(shard_file(&mut starts, &mut shard));
            shard_bytes = 0;
        }
    }
    if !shard.words.is_empty() || starts.is_empty() {
        files.push(shard_file(&mut starts, &mut shard));
    }

    timings.lap("shards");
    // Doc table, in chunks: what a result shows.
    let mut doc_files = 0;
    for (n, chunk) in index.units.chunks(DOC_CHUNK).enumerate() {
        let rows: Vec<DocRow> = chunk
            .iter()
            .map(|u| {
                DocRow(
                    u.url.clone(),
                    u.title.clone(),
                    u.kind.to_string(),
                    u.crumbs.clone(),
                    truncate_chars(&u.body, EXCERPT_CHARS),
                )
            })
            .collect();
        files.push(ExportFile {
            name: format!("docs-{n}"),
            bytes: json(&rows),
        });
        doc_files += 1;
    }

    // Facets: key → value → units, with labels.
    let mut facets = FacetsFile::new();
    for (n, unit) in index.units.iter().enumerate() {
        for (key, value) in &unit.facets {
            let label = labels
                .get(key)
                .and_then(|l| l.get(value))
                .cloned()
                .unwrap_or_else(|| value.clone());
            facets
                .entry(key.to_string())
                .or_default()
                .entry(value.clone())
                .or_insert(FacetValue {
                    label,
                    docs: Vec::new(),
                })
                .docs
                .push(n as u32);
        }
    }
    for values in facets.values_mut() {
        for value in values.values_mut() {
            value.docs = format::deltas(value.docs.iter().copied());
        }
    }
    files.push(ExportFile {
        name: "facets".into(),
        bytes: json(&facets),
    });

    timings.lap("docs+facets");
    let pair_files = pairs::files(&index.pair_stems, &index.pairs);
    let pair_buckets = pair_files.len();
    files.extend(pair_files);
    timings.lap("pairs");
    timings.print("search export");
    let hash = index_hash(&files);
    for f in &mut files {
        f.name = format!("{}.{hash}.json", f.name);
    }
    let manifest = Manifest {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        hash,
        stemmer: index.stems.stemming().name().into(),
        units: index.units.len(),
        stop_words: STOP_WORDS.iter().map(|w| w.to_string()).collect(),
        max_token_bytes: analyzer::MAX_TOKEN_BYTES,
        shards: starts,
        head: HEAD,
        doc_chunk: DOC_CHUNK,
        docs: doc_files,
        pairs: pair_buckets,
        facets: FACETS
            .iter()
            .filter(|(k, _)| facets.contains_key(*k))
            .map(|(k, l)| (k.to_string(), l.to_string()))
            .collect(),
    };
    files.push(ExportFile {
        name: "manifest.json".into(),
        bytes: json(&manifest),
    });
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::truncate_chars;

    #[test]
    fn an_excerpt_ends_after_a_whole_word() {
        let text = "De werkplekbegeleider begeleidt de student";
        assert_eq!(truncate_chars(text, 30), "De werkplekbegeleider…");
        assert_eq!(truncate_chars(text, 100), text);
        assert_eq!(truncate_chars("werkplekbegeleider", 8), "werkplek…");
    }
}
