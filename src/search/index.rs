//! The tantivy index of all [`Unit`]s, built in memory, and the query both the terminal and (after
//! export) the browser run: every stem of the query, looked up in every text field with that
//! field's boost, scores summed (BM25, tantivy's k1 = 1.2, b = 0.75).
//!
//! The query is built by hand rather than with tantivy's `QueryParser` so that it means exactly
//! what the browser client can compute from the exported postings: no phrases, no operators.

use anyhow::{Context, Result};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::{DocAddress, Index, IndexReader, TantivyDocument, Term};

use super::analyzer::{self, ANALYZER, Stemming};
use super::units::Unit;
use crate::i18n::Msg;

/// Text fields and their boosts: a word in a title counts three times a word in the body.
pub const TEXT_FIELDS: [(&str, f32); 3] = [("title", 3.0), ("keywords", 2.0), ("body", 1.0)];

/// Fast field holding the unit's position in [`SearchIndex::units`].
const DOC_FIELD: &str = "doc";
const FACET_FIELD: &str = "facet";

/// The index with the units it was built from.
pub struct SearchIndex {
    pub index: Index,
    pub reader: IndexReader,
    pub units: Vec<Unit>,
    pub stemming: Stemming,
    pub text_fields: Vec<(Field, f32)>,
    pub facet_field: Field,
}

/// One result: the unit's position in `units` and its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub doc: usize,
    pub score: f32,
}

/// Facet filters: every (facet key, value) must hold.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub facets: Vec<(String, String)>,
}

impl SearchIndex {
    /// Indexes `units` in memory, in one segment so that document order is unit order.
    pub fn build(units: Vec<Unit>, stemming: Stemming) -> Result<SearchIndex> {
        let mut builder = Schema::builder();
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let text_options = TextOptions::default().set_indexing_options(indexing);
        let text_fields: Vec<(Field, f32)> = TEXT_FIELDS
            .iter()
            .map(|(name, boost)| (builder.add_text_field(name, text_options.clone()), *boost))
            .collect();
        let facet_field = builder.add_facet_field(FACET_FIELD, FacetOptions::default());
        let doc_field = builder.add_u64_field(DOC_FIELD, INDEXED | STORED | FAST);
        let index = Index::create_in_ram(builder.build());
        index
            .tokenizers()
            .register(ANALYZER, analyzer::analyzer(stemming));
        // One thread: a single segment, so statistics and doc order are simple and deterministic.
        let mut writer = index
            .writer_with_num_threads::<TantivyDocument>(1, 50_000_000)
            .context(Msg::SearchIndexWriter.message())?;
        for (n, unit) in units.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_text(text_fields[0].0, &unit.index_title);
            doc.add_text(text_fields[1].0, &unit.keywords);
            doc.add_text(text_fields[2].0, &unit.body);
            for (key, value) in &unit.facets {
                doc.add_facet(facet_field, Facet::from_path([*key, value.as_str()]));
            }
            doc.add_u64(doc_field, n as u64);
            writer
                .add_document(doc)
                .context(Msg::SearchIndexAdd.message())?;
        }
        writer.commit().context(Msg::SearchIndexCommit.message())?;
        let reader = index.reader().context(Msg::SearchIndexOpen.message())?;
        reader.reload()?;
        Ok(SearchIndex {
            index,
            reader,
            units,
            stemming,
            text_fields,
            facet_field,
        })
    }

    /// The distinct stems of a query, in the order typed.
    pub fn query_stems(&self, query: &str) -> Vec<String> {
        let mut stems = Vec::new();
        for stem in analyzer::stems(query, self.stemming) {
            if !stems.contains(&stem) {
                stems.push(stem);
            }
        }
        stems
    }

    /// Every matching unit, best first; equal scores in unit order (as the browser sorts them).
    pub fn search(&self, query: &str, filter: &Filter, limit: usize) -> Result<Vec<Hit>> {
        let stems = self.query_stems(query);
        if stems.is_empty() {
            return Ok(Vec::new());
        }
        let mut should: Vec<Box<dyn Query>> = Vec::new();
        for stem in &stems {
            for &(field, boost) in &self.text_fields {
                let term = Term::from_field_text(field, stem);
                let q = TermQuery::new(term, IndexRecordOption::WithFreqs);
                should.push(Box::new(BoostQuery::new(Box::new(q), boost)));
            }
        }
        let text_query: Box<dyn Query> = Box::new(BooleanQuery::union(should));
        let query: Box<dyn Query> = if filter.facets.is_empty() {
            text_query
        } else {
            let mut clauses = vec![(Occur::Must, text_query)];
            for (key, value) in &filter.facets {
                let facet = Facet::from_path([key.as_str(), value.as_str()]);
                let term = Term::from_facet(self.facet_field, &facet);
                // Boost 0: a filter narrows the hits but must not change their scores.
                let q = BoostQuery::new(
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                    0.0,
                );
                clauses.push((Occur::Must, Box::new(q) as Box<dyn Query>));
            }
            Box::new(BooleanQuery::new(clauses))
        };
        let searcher = self.reader.searcher();
        let all = (searcher.num_docs() as usize).max(1);
        let top = searcher
            .search(&query, &TopDocs::with_limit(all).order_by_score())
            .context(Msg::SearchIndexQuery.message())?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            hits.push(Hit {
                doc: self.unit_of(&searcher, address)?,
                score,
            });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits.truncate(limit);
        Ok(hits)
    }

    fn unit_of(&self, searcher: &tantivy::Searcher, address: DocAddress) -> Result<usize> {
        let column = searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .u64(DOC_FIELD)?;
        column
            .first(address.doc_id)
            .map(|d| d as usize)
            .context(Msg::SearchIndexNoUnit.message())
    }
}
