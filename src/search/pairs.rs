//! Words that stand together: the *pairs* behind the phrase boost. A unit holds the pair of two
//! stems when they stand next to each other in one of its texts (stop words do not count, so
//! *theorie en praktijk* is a pair), in either order (Dutch moves words around: *begeleiding van
//! startende leraren*, *startende leraren begeleiden*), or when they are two parts of one compound
//! (*lerarentekort* holds *leraar tekort*) or the words of a term a synonym brings in
//! (*professionalisering* holds *professional development*).
//!
//! The export ships, per pair, only the units that hold it (no scores): a client adds, for each two
//! neighbouring words of a query found together in a unit, the smaller of the two words' scores in
//! that unit (`engine.rs`). Pairs are written in hash buckets (`pairs-<n>`, FORMAT.md), loaded only
//! for queries of two words or more, so a first one-word query costs not a byte more.

use std::collections::HashMap;

use super::export::ExportFile;
use super::format;

/// Bucket files close at about this many bytes of JSON on average (the number of buckets is the
/// total divided by it).
pub const PAIR_BYTES: usize = 20_000;

/// A pair of stem ids, the smaller first (ids follow the stems' sort order, so pairs sort as their
/// keys do).
pub type PairId = [u32; 2];

/// A unit holding a pair, in 12 bytes (with a `u64` pair id it took 16): at 10,000 pages there are
/// millions of them. Sorted, they are in pair order, then unit order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Held {
    pub pair: PairId,
    pub unit: u32,
}

/// The pair's key in a bucket file: the two stems in code-point order, one space between.
pub fn key(a: &str, b: &str) -> String {
    if a <= b {
        format!("{a} {b}")
    } else {
        format!("{b} {a}")
    }
}

/// The bucket of a pair key: 32-bit FNV-1a over its UTF-8 bytes, modulo the number of buckets
/// (`search.js` computes the same).
pub fn bucket(key: &str, buckets: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in key.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % buckets.max(1)
}

/// Stem → id, in the stems' sort order.
pub struct StemIds(HashMap<String, u32>);

impl StemIds {
    /// Ids for `stems`, which must be sorted and without repeats.
    pub fn new<'a>(stems: impl IntoIterator<Item = &'a String>) -> Self {
        StemIds(
            stems
                .into_iter()
                .enumerate()
                .map(|(i, s)| (s.clone(), i as u32))
                .collect(),
        )
    }

    fn pair(&self, a: &str, b: &str) -> Option<PairId> {
        let (a, b) = (*self.0.get(a)?, *self.0.get(b)?);
        (a != b).then(|| [a.min(b), a.max(b)])
    }
}

/// Collects the pairs of one unit.
pub struct UnitPairs<'a> {
    ids: &'a StemIds,
    pub pairs: Vec<PairId>,
}

impl<'a> UnitPairs<'a> {
    pub fn new(ids: &'a StemIds) -> Self {
        UnitPairs {
            ids,
            pairs: Vec::new(),
        }
    }

    /// Each stem with the next (a text's words in order, a compound's parts, a term's words).
    pub fn run(&mut self, stems: &[String]) {
        for w in stems.windows(2) {
            if let Some(p) = self.ids.pair(&w[0], &w[1]) {
                self.pairs.push(p);
            }
        }
    }

    /// The unit's pairs, sorted, each once.
    pub fn finish(mut self) -> Vec<PairId> {
        self.pairs.sort_unstable();
        self.pairs.dedup();
        self.pairs
    }
}

/// The bucket files `pairs-<n>` (unhashed names) of `pairs` (sorted, as [`SearchIndex::pairs`]),
/// whose stem ids name `stems`: each `{key: [Δunit, …]}`, units ascending and delta-encoded.
///
/// [`SearchIndex::pairs`]: super::SearchIndex::pairs
pub fn files(stems: &[String], pairs: &[Held]) -> Vec<ExportFile> {
    let groups = || pairs.chunk_by(|a, b| a.pair == b.pair);
    let key_of = |[a, b]: PairId| {
        // Ids follow the stems' order and the smaller comes first: already the key's order.
        format!("{} {}", stems[a as usize], stems[b as usize])
    };
    // About four bytes of JSON per posting, the key and its punctuation.
    let total: usize = groups()
        .map(|g| key_of(g[0].pair).len() + 6 + 4 * g.len())
        .sum();
    let buckets = if pairs.is_empty() {
        0
    } else {
        total.div_ceil(PAIR_BYTES)
    };
    let mut bytes: Vec<Vec<u8>> = vec![Vec::new(); buckets];
    for group in groups() {
        let key = key_of(group[0].pair);
        let out = &mut bytes[bucket(&key, buckets)];
        out.push(if out.is_empty() { b'{' } else { b',' });
        let units = format::deltas(group.iter().map(|p| p.unit));
        serde_json::to_writer(&mut *out, &key).expect("writing to memory");
        out.push(b':');
        serde_json::to_writer(&mut *out, &units).expect("writing to memory");
    }
    bytes
        .into_iter()
        .enumerate()
        .map(|(n, mut out)| {
            if out.is_empty() {
                out.push(b'{');
            }
            out.push(b'}');
            ExportFile {
                name: format!("pairs-{n}"),
                bytes: out,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_one_key_in_either_order() {
        assert_eq!(key("start", "leraar"), "leraar start");
        assert_eq!(key("leraar", "start"), "leraar start");
        let ids = StemIds::new(&["begeleid".to_string(), "leraar".into(), "start".into()]);
        let mut pairs = UnitPairs::new(&ids);
        pairs.run(&["start".into(), "leraar".into(), "begeleid".into()]);
        pairs.run(&["leraar".into(), "start".into(), "start".into()]);
        // (begeleid, leraar) and (leraar, start) once each; a word next to itself is no pair.
        assert_eq!(pairs.finish(), [[0, 1], [1, 2]]);
    }

    #[test]
    fn held_pairs_sort_by_pair_then_unit() {
        let held = |pair, unit| Held { pair, unit };
        let mut list = [
            held([1, 2], 0),
            held([0, 1], 7),
            held([0, 1], 3),
            held([0, 2], 0),
        ];
        list.sort_unstable();
        assert_eq!(
            list,
            [
                held([0, 1], 3),
                held([0, 1], 7),
                held([0, 2], 0),
                held([1, 2], 0)
            ]
        );
        assert_eq!(std::mem::size_of::<Held>(), 12);
    }

    #[test]
    fn buckets_are_fnv1a_of_the_key() {
        // FNV-1a 32 of "a" is 0xe40c292c; search.js's test gate checks the same numbers.
        assert_eq!(bucket("a", usize::MAX), 0xe40c_292c);
        // 0x1d403520 % 7: the key, not its two words apart, picks the bucket.
        assert_eq!(bucket("leraar start", 7), 2);
        assert_eq!(bucket("x", 0), 0);
    }
}
