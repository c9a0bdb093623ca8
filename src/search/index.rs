//! The tantivy index of all [`Unit`]s, built in memory: the source of the BM25 weights that
//! `export.rs` writes out (tantivy's k1 = 1.2, b = 0.75, its one-byte field norms). Queries do not
//! run here but on the exported files (`engine.rs`, and `search.js` in the browser), so the
//! terminal and the browser rank with one algorithm over one index.
//!
//! Each unit's text is split and folded once; its words are stemmed through the site's
//! [`StemMap`] and indexed, joined by spaces, in three fields (title × 3, keywords × 2, body × 1). Beside
//! each sits a *derived* field, weighted at [`DERIVED_FACTOR`] of it, holding what the text means
//! but does not say: the parts of its compounds (`compounds.rs`) and the synonyms of its terms
//! (`synonyms.rs`). The export keeps direct and derived matches apart, so a whole-word match can
//! rank above a match through a compound part or a synonym.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use anyhow::{Context, Result};
use rayon::prelude::*;
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{TextAnalyzer, TokenStream, WhitespaceTokenizer};
use tantivy::{Index, IndexReader, TantivyDocument};

use super::analyzer::{self, Stemming};
use super::compounds;
use super::pairs::{Held, PairId, StemIds, UnitPairs};
use super::stems::StemMap;
use super::synonyms::{Expander, Group};
use super::units::Unit;
use crate::i18n::Msg;

/// Text fields and their boosts: a word in a title counts three times a word in the body.
pub const TEXT_FIELDS: [(&str, f32); 3] = [("title", 3.0), ("keywords", 2.0), ("body", 1.0)];
/// A compound part or a synonym counts this much of the word itself, in the same field.
pub const DERIVED_FACTOR: f32 = 0.5;

/// The tokenizer of the text fields: their text is already stems joined by spaces (a stem never
/// holds whitespace). Pre-tokenized text would say the same, but tantivy's document stores each
/// `PreTokenizedString` as JSON and its indexing thread parses it back: ≈ 5 % of a 10,000-page
/// build's CPU by `perf`, and a JSON object per word in memory.
const STEMS_TOKENIZER: &str = "stems";

/// Fast field holding the unit's position in [`SearchIndex::units`].
pub const DOC_FIELD: &str = "doc";
const FACET_FIELD: &str = "facet";

/// One indexed field: its boost, and whether it holds the words themselves or derived ones.
#[derive(Debug, Clone, Copy)]
pub struct IndexField {
    pub field: Field,
    pub boost: f32,
    pub direct: bool,
}

/// The index with the units it was built from and the words it knows.
pub struct SearchIndex {
    pub index: Index,
    pub reader: IndexReader,
    pub units: Vec<Unit>,
    pub stems: StemMap,
    pub fields: Vec<IndexField>,
    /// Every folded word a visitor may type that leads to indexed stems: the site's words and the
    /// thesaurus's, each with its stem.
    pub dictionary: BTreeMap<String, String>,
    /// Per stem added through a synonym, the stems of the words that add it
    /// ([`Expander::marks`]): what an excerpt marks for a unit found that way.
    pub marks: BTreeMap<String, BTreeSet<String>>,
    /// Every stem of the dictionary, sorted: the names of the stem ids in [`Self::pairs`].
    pub pair_stems: Vec<String>,
    /// Every pair of stems a unit holds together (`pairs.rs`), sorted.
    pub pairs: Vec<Held>,
}

/// A unit's three texts as folded words (stop words gone), each text one string of words
/// separated by spaces (a folded word never holds one). A tantivy `Token` per word, with its
/// offsets, took ≈ 80 bytes where the word takes 8: at 10,000 pages the difference was ≈ 0.5 GB.
type UnitWords = [String; 3];

/// The words of one text of [`UnitWords`].
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(' ').filter(|w| !w.is_empty())
}

/// Units are turned into documents this many at a time and handed to the writer, so only one
/// batch of documents is in memory beside the writer's own buffer.
const BATCH: usize = 1024;

impl SearchIndex {
    /// Indexes `units` in memory, in one segment so that document order is unit order.
    pub fn build(units: Vec<Unit>, groups: &[Group], stemming: Stemming) -> Result<SearchIndex> {
        let mut timings = crate::timings::Timings::start();
        let unit_words: Vec<UnitWords> = units
            .par_iter()
            .map_init(analyzer::folding_analyzer, |folding, unit| {
                [&unit.index_title, &unit.keywords, &unit.body].map(|text| {
                    let mut stream = folding.token_stream(text);
                    let mut out = String::new();
                    while stream.advance() {
                        if !out.is_empty() {
                            out.push(' ');
                        }
                        out.push_str(&stream.token().text);
                    }
                    out
                })
            })
            .collect();
        let site_words: HashSet<String> = unit_words
            .iter()
            .flatten()
            .flat_map(|text| words(text))
            .map(str::to_string)
            .collect();
        let thesaurus_words = Expander::words(groups);
        let stems = StemMap::build(
            site_words
                .iter()
                .chain(&thesaurus_words)
                .map(String::as_str),
            stemming,
        );
        let parts: HashMap<&str, Vec<String>> = site_words
            .par_iter()
            .filter_map(|w| {
                let own = stems.stem(w);
                let mut part_stems: Vec<String> = compounds::split(w, &site_words)
                    .iter()
                    .map(|p| stems.stem(p))
                    .filter(|s| *s != own)
                    .collect();
                part_stems.dedup();
                (!part_stems.is_empty()).then_some((w.as_str(), part_stems))
            })
            .collect();
        let expander = Expander::new(groups, &stems);
        let dictionary: BTreeMap<String, String> = site_words
            .iter()
            .chain(&thesaurus_words)
            .map(|w| (w.clone(), stems.stem(w)))
            .collect();
        let pair_stems: Vec<String> = dictionary
            .values()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .cloned()
            .collect();
        let stem_ids = StemIds::new(&pair_stems);
        timings.lap("words");

        let mut builder = Schema::builder();
        // Freqs and norms are what BM25 reads; positions are not needed.
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(STEMS_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs);
        let text_options = TextOptions::default().set_indexing_options(indexing);
        let mut fields = Vec::new();
        for (name, boost) in TEXT_FIELDS {
            fields.push(IndexField {
                field: builder.add_text_field(name, text_options.clone()),
                boost,
                direct: true,
            });
        }
        for (name, boost) in TEXT_FIELDS {
            fields.push(IndexField {
                field: builder.add_text_field(&format!("{name}_derived"), text_options.clone()),
                boost: boost * DERIVED_FACTOR,
                direct: false,
            });
        }
        let facet_field = builder.add_facet_field(FACET_FIELD, FacetOptions::default());
        let doc_field = builder.add_u64_field(DOC_FIELD, INDEXED | STORED | FAST);
        let index = Index::create_in_ram(builder.build());
        index.tokenizers().register(
            STEMS_TOKENIZER,
            TextAnalyzer::from(WhitespaceTokenizer::default()),
        );

        // One thread: a single segment, so statistics and doc order are simple and deterministic.
        let mut writer = index
            .writer_with_num_threads::<TantivyDocument>(1, 50_000_000)
            .context(Msg::SearchIndexWriter.message())?;
        let fields_of = Fields {
            text: &fields,
            facet: facet_field,
            doc: doc_field,
        };
        let words_of = Words {
            stems: &stems,
            parts: &parts,
            expander: &expander,
            ids: &stem_ids,
        };
        // Each batch's pairs in a list of its own, joined once at the end into an array of the
        // exact size: one array grown by doubling was the largest allocation at the heap's peak.
        let mut batches: Vec<Vec<Held>> = Vec::new();
        for (batch, (batch_units, batch_words)) in units
            .chunks(BATCH)
            .zip(unit_words.chunks(BATCH))
            .enumerate()
        {
            let docs: Vec<(TantivyDocument, Vec<PairId>)> = batch_units
                .par_iter()
                .zip(batch_words)
                .enumerate()
                .map(|(i, (unit, texts))| {
                    document(batch * BATCH + i, unit, texts, &fields_of, &words_of)
                })
                .collect();
            let mut held = Vec::with_capacity(docs.iter().map(|d| d.1.len()).sum());
            for (i, (doc, unit_pairs)) in docs.into_iter().enumerate() {
                let n = (batch * BATCH + i) as u32;
                held.extend(unit_pairs.into_iter().map(|pair| Held { pair, unit: n }));
                writer
                    .add_document(doc)
                    .context(Msg::SearchIndexAdd.message())?;
            }
            batches.push(held);
        }
        drop(unit_words);
        let mut pairs = Vec::with_capacity(batches.iter().map(Vec::len).sum());
        for batch in batches {
            pairs.extend(batch);
        }
        pairs.par_sort_unstable();
        writer.commit().context(Msg::SearchIndexCommit.message())?;
        let reader = index.reader().context(Msg::SearchIndexOpen.message())?;
        reader.reload()?;
        timings.lap("documents, tantivy");
        timings.print("search index");

        let marks = expander.marks();
        Ok(SearchIndex {
            index,
            reader,
            units,
            stems,
            fields,
            dictionary,
            marks,
            pair_stems,
            pairs,
        })
    }
}

/// The schema's fields a document is made of.
struct Fields<'a> {
    text: &'a [IndexField],
    facet: Field,
    doc: Field,
}

/// What a unit's words are indexed as: their stems, compound parts and synonyms.
struct Words<'a> {
    stems: &'a StemMap,
    parts: &'a HashMap<&'a str, Vec<String>>,
    expander: &'a Expander,
    ids: &'a StemIds,
}

/// The tantivy document of unit `n`: per text its stems (direct field) and the stems its words
/// imply (derived field), its facets, and its number; with the pairs of stems it holds together.
fn document(
    n: usize,
    unit: &Unit,
    texts: &UnitWords,
    fields: &Fields,
    words_of: &Words,
) -> (TantivyDocument, Vec<PairId>) {
    let mut doc = TantivyDocument::default();
    let mut pairs = UnitPairs::new(words_of.ids);
    for (i, text) in texts.iter().enumerate() {
        let direct_stems: Vec<String> = words(text).map(|w| words_of.stems.stem(w)).collect();
        pairs.run(&direct_stems);
        let mut derived: Vec<String> = Vec::new();
        for word in words(text) {
            if let Some(p) = words_of.parts.get(word) {
                pairs.run(p);
                derived.extend(p.iter().cloned());
            }
        }
        words_of.expander.expand(&direct_stems, &mut derived);
        words_of
            .expander
            .added_terms(&direct_stems, |term| pairs.run(term));
        doc.add_text(fields.text[i].field, direct_stems.join(" "));
        doc.add_text(fields.text[i + 3].field, derived.join(" "));
    }
    for (key, value) in &unit.facets {
        doc.add_facet(fields.facet, Facet::from_path([*key, value.as_str()]));
    }
    doc.add_u64(fields.doc, n as u64);
    (doc, pairs.finish())
}
