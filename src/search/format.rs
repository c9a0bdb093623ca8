//! The files of the browser index (format version 3, specified in `FORMAT.md`) as Rust types:
//! written by `export.rs`, read by `engine.rs`. `search.js` reads the same JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The format version; bump on any incompatible change (the clients refuse other versions).
pub const FORMAT_VERSION: u32 = 3;
/// What `format` says in every manifest.
pub const FORMAT_NAME: &str = "kennisbank-search";

/// `manifest.json`: fetched first, small.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    /// Ten hex digits in the name of every other file.
    pub hash: String,
    pub stemmer: String,
    /// Number of units; unit ids are `0 … units − 1`.
    pub units: usize,
    pub stop_words: Vec<String>,
    pub max_token_bytes: usize,
    /// The first word of each shard, sorted; shard 0 starts at `""`.
    pub shards: Vec<String>,
    /// Postings per list kept in the shards (the best ones); longer lists continue in a postings file.
    pub head: usize,
    /// Units per doc-table file.
    pub doc_chunk: usize,
    /// Number of doc-table files.
    pub docs: usize,
    /// Number of pair buckets (`pairs-<n>`); 0 when no unit holds two words together.
    #[serde(default)]
    pub pairs: usize,
    /// `[key, label]` of each facet, in display order.
    pub facets: Vec<(String, String)>,
}

/// `shard-<i>`: the words from one start to the next, with the best postings of their stems.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Shard {
    /// Folded words, sorted.
    pub words: Vec<String>,
    /// Per word: its stem, as an index into `stems`.
    pub stem: Vec<usize>,
    pub stems: Vec<StemEntry>,
    /// Per stem of `stems` that synonyms add to units, the stems of the words that add it: the
    /// browser marks them in the excerpt of a unit found through the synonym. Ranking ignores it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marks: BTreeMap<String, Vec<String>>,
}

/// A stem: `[stem, postings file or null, count, head]`. The head is flat pairs `[unit, level, …]`
/// in rank order (level descending, then unit ascending), at most `head` pairs; the count is the
/// full list's length.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StemEntry(pub String, pub Option<usize>, pub usize, pub Vec<u32>);

/// `postings-<i>`: stem → `[units, levels]`, units ascending and delta-encoded (the first
/// absolute). Only stems whose list is longer than the head.
pub type PostingsFile = BTreeMap<String, [Vec<u32>; 2]>;

/// A row of `docs-<i>`: `[url, title, kind, crumbs, text]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRow(
    pub String,
    pub String,
    pub String,
    pub Vec<String>,
    pub String,
);

/// `pairs-<n>`: pair key (`pairs::key`) → the units holding the pair, ascending, delta-encoded.
pub type PairsFile = BTreeMap<String, Vec<u32>>;

/// `facets`: key → value → `{label, docs}`, docs delta-encoded ascending.
pub type FacetsFile = BTreeMap<String, BTreeMap<String, FacetValue>>;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FacetValue {
    pub label: String,
    pub docs: Vec<u32>,
}

/// A posting's score as shipped: one byte, a small float (3 bits of exponent, 5 of mantissa), so
/// a list costs a byte per unit while scores keep 3 % precision. Integer arithmetic only, so
/// JavaScript and Rust agree to the last digit.
pub const fn value(level: u32) -> u32 {
    ((32 + (level & 31)) << (level >> 5)) - 32
}

/// Every level's value, ascending.
const VALUES: [u32; 256] = {
    let mut values = [0; 256];
    let mut l = 0;
    while l < 256 {
        values[l] = value(l as u32);
        l += 1;
    }
    values
};

/// The level whose [`value`] is nearest to `score` (at least 1: a posting always counts).
pub fn level(score: f32) -> u32 {
    // The first level at or above the score, or the one below it if that is nearer.
    let above = (VALUES.partition_point(|&v| (v as f32) < score) as u32).clamp(1, 255);
    if above > 1 && score - value(above - 1) as f32 <= value(above) as f32 - score {
        above - 1
    } else {
        above
    }
}

/// Delta-encodes ascending numbers (the first stays absolute).
pub fn deltas(sorted: impl IntoIterator<Item = u32>) -> Vec<u32> {
    let mut last = 0;
    sorted
        .into_iter()
        .map(|n| {
            let d = n - last;
            last = n;
            d
        })
        .collect()
}

/// Undoes [`deltas`].
pub fn undeltas(deltas: &[u32]) -> Vec<u32> {
    let mut n = 0;
    deltas
        .iter()
        .map(|d| {
            n += d;
            n
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_cover_the_scores_in_order_within_three_percent() {
        assert_eq!(value(0), 0);
        assert_eq!(value(31), 31);
        assert_eq!(value(255), 8032);
        assert!((1..256).all(|l| value(l) > value(l - 1)));
        for score in [1.0, 17.3, 250.0, 1234.5, 7000.0] {
            let v = value(level(score)) as f32;
            assert!((v - score).abs() / score < 0.03, "{score} → {v}");
        }
        assert_eq!(level(0.2), 1);
    }

    #[test]
    fn deltas_round_trip() {
        assert_eq!(deltas([3, 4, 10]), [3, 1, 6]);
        assert_eq!(undeltas(&[3, 1, 6]), [3, 4, 10]);
    }
}
