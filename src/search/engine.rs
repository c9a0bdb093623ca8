//! The query, run over the exported index: what `kennisbank search` answers with, and what
//! `themes/default/static/search.js` does in the browser, step for step (the parity tests in
//! `tests/suite/search.rs` and the browser gates hold the two to the same results in the same
//! order). Integer arithmetic only, so both give the same scores to the last digit.
//!
//! A query is its folded words without stop words (a word given twice, or two words with one stem,
//! count once). Each word has candidate stems, each with its list of (unit, score):
//! - its own stem, scores counting double (the list holds the units whose words have the stem,
//!   and, weighing half, those that have it as a compound part or through a synonym);
//! - if it is the last word and the query is being typed (`prefix`), the stems of the 30 shortest
//!   words that start with it (ties alphabetical);
//! - if neither the word nor (when typing) a longer one exists and it has 5 letters or more, the
//!   stems of words one edit away (a letter wrong, missing, extra, or two swapped) that start with
//!   the same letter.
//!
//! For each word a unit takes its best candidate's score. Where two neighbouring words of the
//! query (as counted, each by its own stem) stand together in a unit (`pairs.rs`: next to each
//! other in either order, parts of one compound, words of a term a synonym brings), the unit gains
//! the smaller of their two scores: the phrase boost. Units are ranked by the number of query
//! words they match, then the summed score, then unit order.
//!
//! The best [`HEAD`](super::export::HEAD) postings of every list live in the shards, the rest in
//! postings files. This engine always reads complete lists. The browser's header box, for a
//! one-word query, reads only the heads: each candidate's best 8 contain every unit that can rank
//! among the first 8, so its first 8 are these 8.

use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::rc::Rc;

use anyhow::{Context, Result, bail};
use serde::de::DeserializeOwned;

use super::analyzer;
use super::export::ExportFile;
use super::format::{
    self, DocRow, FORMAT_NAME, FORMAT_VERSION, FacetsFile, Manifest, PairsFile, PostingsFile,
    Shard, StemEntry,
};
use super::pairs;

/// Longer words a word being typed stands for, at most.
pub const MAX_EXPANSIONS: usize = 30;
/// Words shorter than this are not corrected.
pub const TYPO_MIN_CHARS: usize = 5;

/// Where the index files are read from.
pub trait IndexFiles {
    /// The bytes of the file `name` (as in the index folder: `manifest.json`, `shard-0.<hash>.json`).
    fn read(&self, name: &str) -> Result<Vec<u8>>;
}

/// An index exported in memory (`kennisbank search` without `--index`).
impl IndexFiles for HashMap<String, Vec<u8>> {
    fn read(&self, name: &str) -> Result<Vec<u8>> {
        self.get(name)
            .cloned()
            .with_context(|| format!("{name}: not in the index"))
    }
}

/// A built site's index folder (`<site>/zoeken/index`).
pub struct IndexDir(pub PathBuf);

impl IndexFiles for IndexDir {
    fn read(&self, name: &str) -> Result<Vec<u8>> {
        let path = self.0.join(name);
        std::fs::read(&path).with_context(|| format!("reading {}", path.display()))
    }
}

/// Files exported in memory, by name.
pub fn in_memory(files: Vec<ExportFile>) -> HashMap<String, Vec<u8>> {
    files.into_iter().map(|f| (f.name, f.bytes)).collect()
}

/// One ranked unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub unit: u32,
    /// Query words the unit matches.
    pub matched: u32,
    pub score: u64,
}

/// What a query found.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// Every matching unit, best first.
    pub hits: Vec<Hit>,
    /// The query's words, folded, as counted.
    pub words: Vec<String>,
    /// Stems of every candidate: what an excerpt marks.
    pub stems: Vec<String>,
}

/// A candidate list for one query word.
struct Candidate {
    entry: StemEntry,
    own: bool,
}

/// Files of one kind read so far, by number.
type Cache<T> = RefCell<HashMap<usize, Rc<T>>>;

pub struct Engine<F: IndexFiles> {
    files: F,
    pub manifest: Manifest,
    shards: Cache<Shard>,
    postings: Cache<PostingsFile>,
    pairs: Cache<PairsFile>,
    docs: Cache<Vec<DocRow>>,
    facets: RefCell<Option<Rc<FacetsFile>>>,
}

impl<F: IndexFiles> Engine<F> {
    pub fn open(files: F) -> Result<Self> {
        let manifest: Manifest = parse(&files.read("manifest.json")?, "manifest.json")?;
        if manifest.format != FORMAT_NAME || manifest.version != FORMAT_VERSION {
            bail!(
                "search index format {} version {} is not supported (this is version {FORMAT_VERSION})",
                manifest.format,
                manifest.version
            );
        }
        Ok(Engine {
            files,
            manifest,
            shards: RefCell::default(),
            postings: RefCell::default(),
            pairs: RefCell::default(),
            docs: RefCell::default(),
            facets: RefCell::default(),
        })
    }

    fn file<T: DeserializeOwned>(&self, name: &str) -> Result<T> {
        let name = format!("{name}.{}.json", self.manifest.hash);
        parse(&self.files.read(&name)?, &name)
    }

    /// File `<kind>-<i>`, read once.
    fn cached<T: DeserializeOwned>(&self, cache: &Cache<T>, kind: &str, i: usize) -> Result<Rc<T>> {
        if let Some(file) = cache.borrow().get(&i) {
            return Ok(file.clone());
        }
        let file: Rc<T> = Rc::new(self.file(&format!("{kind}-{i}"))?);
        cache.borrow_mut().insert(i, file.clone());
        Ok(file)
    }

    fn shard(&self, i: usize) -> Result<Rc<Shard>> {
        self.cached(&self.shards, "shard", i)
    }

    fn postings_file(&self, i: usize) -> Result<Rc<PostingsFile>> {
        self.cached(&self.postings, "postings", i)
    }

    /// The shard whose range holds `word`: the last one starting at or before it.
    fn shard_for(&self, word: &str) -> usize {
        let starts = &self.manifest.shards;
        starts.partition_point(|s| s.as_str() <= word).max(1) - 1
    }

    /// Every shard that may hold a word starting with `prefix`.
    fn shards_for_prefix(&self, prefix: &str) -> Vec<usize> {
        let first = self.shard_for(prefix);
        let mut out = vec![first];
        let starts = &self.manifest.shards;
        let mut i = first + 1;
        while i < starts.len() && starts[i].starts_with(prefix) {
            out.push(i);
            i += 1;
        }
        out
    }

    /// Every word (with its stem entry) of the shards `shards` that passes `keep`.
    fn words_where(
        &self,
        shards: Vec<usize>,
        keep: impl Fn(&str) -> bool,
    ) -> Result<Vec<(String, StemEntry)>> {
        let mut out = Vec::new();
        for i in shards {
            let shard = self.shard(i)?;
            for (n, w) in shard.words.iter().enumerate() {
                if keep(w) {
                    out.push((w.clone(), shard.stems[shard.stem[n]].clone()));
                }
            }
        }
        Ok(out)
    }

    /// The candidates of one query word, its own stem first.
    fn candidates(&self, word: &str, typing: bool) -> Result<Vec<Candidate>> {
        let shard = self.shard(self.shard_for(word))?;
        let own = shard
            .words
            .binary_search_by(|w| w.as_str().cmp(word))
            .ok()
            .map(|n| shard.stems[shard.stem[n]].clone());
        let chars = word.chars().count();
        let mut others: Vec<(String, StemEntry)> = Vec::new();
        if typing && chars >= 2 {
            others = self.words_where(self.shards_for_prefix(word), |w| {
                w != word && w.starts_with(word)
            })?;
            others.sort_by(|a, b| (a.0.chars().count(), &a.0).cmp(&(b.0.chars().count(), &b.0)));
            others.truncate(MAX_EXPANSIONS);
        }
        if own.is_none() && others.is_empty() && chars >= TYPO_MIN_CHARS {
            let first = word.chars().next().map(String::from).unwrap_or_default();
            others = self.words_where(self.shards_for_prefix(&first), |w| {
                w.starts_with(&first) && one_edit(word, w)
            })?;
        }
        let mut out: Vec<Candidate> = Vec::new();
        if let Some(entry) = own {
            out.push(Candidate { entry, own: true });
        }
        for (_, entry) in others {
            if !out.iter().any(|c| c.entry.0 == entry.0) {
                out.push(Candidate { entry, own: false });
            }
        }
        Ok(out)
    }

    /// A stem's complete list of (unit, level).
    fn list(&self, entry: &StemEntry) -> Result<Vec<(u32, u32)>> {
        let Some(file) = entry.1 else {
            return Ok(entry.3.chunks(2).map(|p| (p[0], p[1])).collect());
        };
        let file = self.postings_file(file)?;
        let [units, levels] = file
            .get(&entry.0)
            .with_context(|| format!("postings of `{}` missing", entry.0))?;
        Ok(format::undeltas(units)
            .into_iter()
            .zip(levels.iter().copied())
            .collect())
    }

    /// The units that hold stems `a` and `b` together, ascending.
    fn pair(&self, a: &str, b: &str) -> Result<Vec<u32>> {
        if self.manifest.pairs == 0 {
            return Ok(Vec::new());
        }
        let key = pairs::key(a, b);
        let bucket = pairs::bucket(&key, self.manifest.pairs);
        let file = self.cached(&self.pairs, "pairs", bucket)?;
        Ok(file
            .get(&key)
            .map(|d| format::undeltas(d))
            .unwrap_or_default())
    }

    /// Every unit matching `query`, ranked. `prefix`: the last word is still being typed.
    pub fn search(&self, query: &str, prefix: bool) -> Result<Results> {
        let mut words: Vec<String> = Vec::new();
        for w in analyzer::surface_words(query) {
            if !words.contains(&w) {
                words.push(w);
            }
        }
        let mut results = Results::default();
        let mut own_stems: HashSet<String> = HashSet::new();
        let mut totals: BTreeMap<u32, Hit> = BTreeMap::new();
        // Per word counted: its own stem (if it has one) and unit → its best score there.
        let mut counted: Vec<(Option<String>, HashMap<u32, u64>)> = Vec::new();
        let last = words.len().saturating_sub(1);
        for (i, word) in words.iter().enumerate() {
            let candidates = self.candidates(word, prefix && i == last)?;
            if let Some(c) = candidates.first().filter(|c| c.own)
                && !own_stems.insert(c.entry.0.clone())
            {
                continue; // another word of the query has this stem
            }
            results.words.push(word.clone());
            // unit → the word's best score in that unit.
            let mut best: HashMap<u32, u64> = HashMap::new();
            for c in &candidates {
                if !results.stems.contains(&c.entry.0) {
                    results.stems.push(c.entry.0.clone());
                }
                let factor = if c.own { 2 } else { 1 };
                for (unit, level) in self.list(&c.entry)? {
                    let weight = u64::from(format::value(level)) * factor;
                    let slot = best.entry(unit).or_insert(weight);
                    *slot = (*slot).max(weight);
                }
            }
            for (&unit, &weight) in &best {
                let hit = totals.entry(unit).or_insert(Hit {
                    unit,
                    matched: 0,
                    score: 0,
                });
                hit.matched += 1;
                hit.score += weight;
            }
            let own = candidates
                .first()
                .filter(|c| c.own)
                .map(|c| c.entry.0.clone());
            counted.push((own, best));
        }
        // The phrase boost: neighbouring words that stand together in a unit.
        for w in counted.windows(2) {
            let (Some(a), Some(b)) = (&w[0].0, &w[1].0) else {
                continue;
            };
            for unit in self.pair(a, b)? {
                if let (Some(x), Some(y), Some(hit)) =
                    (w[0].1.get(&unit), w[1].1.get(&unit), totals.get_mut(&unit))
                {
                    hit.score += pair_boost(*x, *y);
                }
            }
        }
        results.hits = totals.into_values().collect();
        results
            .hits
            .sort_by_key(|h| (Reverse(h.matched), Reverse(h.score), h.unit));
        Ok(results)
    }

    /// What a result shows of a unit.
    pub fn doc(&self, unit: u32) -> Result<DocRow> {
        let chunk = unit as usize / self.manifest.doc_chunk;
        let rows = self.cached(&self.docs, "docs", chunk)?;
        rows.get(unit as usize % self.manifest.doc_chunk)
            .cloned()
            .with_context(|| format!("unit {unit} is not in the doc table"))
    }

    /// The units with `value` for facet `key` (none when the facet or value is unknown).
    pub fn facet(&self, key: &str, value: &str) -> Result<HashSet<u32>> {
        if self.facets.borrow().is_none() {
            let facets: FacetsFile = self.file("facets")?;
            *self.facets.borrow_mut() = Some(Rc::new(facets));
        }
        let facets = self.facets.borrow().clone().expect("loaded above");
        Ok(facets
            .get(key)
            .and_then(|values| values.get(value))
            .map(|v| format::undeltas(&v.docs).into_iter().collect())
            .unwrap_or_default())
    }

    /// The values a facet has, with their labels.
    pub fn facet_values(&self, key: &str) -> Result<Vec<(String, String)>> {
        self.facet(key, "")?; // loads the file
        let facets = self.facets.borrow().clone().expect("loaded above");
        Ok(facets
            .get(key)
            .map(|values| {
                values
                    .iter()
                    .map(|(v, f)| (v.clone(), f.label.clone()))
                    .collect()
            })
            .unwrap_or_default())
    }
}

/// What a unit gains where two neighbouring query words with scores `x` and `y` stand together:
/// the pair counts as much as its weaker word, so it weighs by where the words are (title, body)
/// and how rare they are, as the words themselves do. On the evaluation set twice or four times
/// this ranked fewer pages first (README, "Zoeken").
fn pair_boost(x: u64, y: u64) -> u64 {
    x.min(y)
}

fn parse<T: DeserializeOwned>(bytes: &[u8], name: &str) -> Result<T> {
    serde_json::from_slice(bytes).with_context(|| format!("{name}: not a search index file"))
}

/// One substitution, insertion, deletion or swap of two neighbours apart (`search.js`'s `oneEdit`).
pub fn one_edit(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let i = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            a[i + 1..] == b[i + 1..]
                || (i + 1 < a.len()
                    && a[i] == b[i + 1]
                    && a[i + 1] == b[i]
                    && a[i + 2..] == b[i + 2..])
        }
        std::cmp::Ordering::Greater => a[i + 1..] == b[i..],
        std::cmp::Ordering::Less => a[i..] == b[i + 1..],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_is_one_letter_wrong_missing_or_extra() {
        assert!(one_edit("kijkwijzr", "kijkwijzer"));
        assert!(one_edit("kijkwijzer", "kijkwijzr"));
        assert!(one_edit("intervsie", "intervisie"));
        assert!(one_edit("partnershap", "partnerschap"));
        assert!(one_edit("lerarentekirt", "lerarentekort"));
        assert!(one_edit("inductei", "inductie"), "two neighbours swapped");
        assert!(!one_edit("indcutei", "inductie"));
        assert!(!one_edit("same", "same"));
        assert!(!one_edit("abc", "abcde"));
    }
}
