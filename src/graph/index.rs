//! Every relation between records, in both directions: which findings, sources, rows and articles
//! belong to an effect and the other way round, the article tree, tags, sectors and backlinks.
//!
//! `resolve` fills it through the methods below, each of which records an edge both ways at once,
//! so no relation can be known from one side only. The lists keep the order edges were recorded
//! in (findings by source, then by position); the sets are ordered by id.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::tags::FindingFacts;
use super::{FindingRef, QuoteRef};
use crate::model::{Article, Effect, Id, IdVec, PageRef, Records, Source, ValueRow};

type Set<T> = BTreeSet<Id<T>>;

#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Anchor (without `#`) of each finding on its source page, parallel to `findings`.
    pub finding_anchors: IdVec<Source, Vec<String>>,
    /// Each finding as evidence (kind, design, sectors, and who made each of its links), parallel
    /// to `findings`.
    pub finding_facts: IdVec<Source, Vec<FindingFacts>>,

    /// Every finding tagged with the effect, the Platform's and the editors' links alike (which is
    /// which: `finding_facts`, or `crate::evidence`).
    pub effect_findings: IdVec<Effect, Vec<FindingRef>>,
    pub effect_sources: IdVec<Effect, Set<Source>>,
    pub effect_rows: IdVec<Effect, Set<ValueRow>>,
    /// Articles listing the effect in their `effects` (the article's side is that list itself).
    pub effect_articles: IdVec<Effect, Set<Article>>,

    /// Every finding tagged with the row, the Platform's and the editors' links alike.
    pub row_findings: IdVec<ValueRow, Vec<FindingRef>>,
    pub row_sources: IdVec<ValueRow, Set<Source>>,
    pub row_effects: IdVec<ValueRow, Set<Effect>>,
    pub row_articles: IdVec<ValueRow, Set<Article>>,

    pub source_effects: IdVec<Source, Set<Effect>>,
    pub source_rows: IdVec<Source, Set<ValueRow>>,
    pub source_articles: IdVec<Source, Set<Article>>,
    /// Findings of other sources that name this source as a co-source.
    pub source_co_findings: IdVec<Source, Vec<FindingRef>>,
    /// Quotes that name this source as their origin.
    pub source_quotes: IdVec<Source, Vec<QuoteRef>>,

    pub article_parent: IdVec<Article, Option<Id<Article>>>,
    /// Each article's children, by `order`, then title.
    pub article_children: IdVec<Article, Vec<Id<Article>>>,

    /// Tag key → pages carrying it, in page order.
    pub tag_pages: BTreeMap<String, Vec<PageRef>>,
    /// Sector key → articles.
    pub sector_articles: BTreeMap<String, Vec<Id<Article>>>,

    /// Page → pages whose body or front matter links to it ("what links here").
    pub backlinks: HashMap<PageRef, BTreeSet<PageRef>>,
}

impl Index {
    /// An index without edges, sized to `records`.
    pub(super) fn new(r: &Records) -> Index {
        let (effects, rows, sources, articles) = (
            r.effects.len(),
            r.rows.len(),
            r.sources.len(),
            r.articles.len(),
        );
        Index {
            finding_anchors: IdVec::filled(sources, Vec::new),
            finding_facts: IdVec::filled(sources, Vec::new),
            effect_findings: IdVec::filled(effects, Vec::new),
            effect_sources: IdVec::filled(effects, Set::new),
            effect_rows: IdVec::filled(effects, Set::new),
            effect_articles: IdVec::filled(effects, Set::new),
            row_findings: IdVec::filled(rows, Vec::new),
            row_sources: IdVec::filled(rows, Set::new),
            row_effects: IdVec::filled(rows, Set::new),
            row_articles: IdVec::filled(rows, Set::new),
            source_effects: IdVec::filled(sources, Set::new),
            source_rows: IdVec::filled(sources, Set::new),
            source_articles: IdVec::filled(sources, Set::new),
            source_co_findings: IdVec::filled(sources, Vec::new),
            source_quotes: IdVec::filled(sources, Vec::new),
            article_parent: IdVec::filled(articles, || None),
            article_children: IdVec::filled(articles, Vec::new),
            tag_pages: BTreeMap::new(),
            sector_articles: BTreeMap::new(),
            backlinks: HashMap::new(),
        }
    }

    /// `from` links to `to` (in its front matter or body).
    pub(super) fn link(&mut self, from: PageRef, to: PageRef) {
        if from != to {
            self.backlinks.entry(to).or_default().insert(from);
        }
    }

    /// The evidence facts of a finding.
    pub fn facts(&self, f: FindingRef) -> &FindingFacts {
        &self.finding_facts[f.source][f.finding]
    }

    /// A finding is tagged with an effect: the effect gets the finding and its source.
    pub(super) fn finding_effect(&mut self, f: FindingRef, e: Id<Effect>) {
        self.effect_findings[e].push(f);
        self.source_effect(f.source, e);
    }

    /// A finding is tagged with a value row: the row gets the finding and its source.
    pub(super) fn finding_row(&mut self, f: FindingRef, r: Id<ValueRow>) {
        self.row_findings[r].push(f);
        self.source_row(f.source, r);
    }

    /// A finding names another source as co-source.
    pub(super) fn finding_co_source(&mut self, f: FindingRef, s: Id<Source>) {
        self.source_co_findings[s].push(f);
    }

    pub(super) fn source_effect(&mut self, s: Id<Source>, e: Id<Effect>) {
        self.source_effects[s].insert(e);
        self.effect_sources[e].insert(s);
    }

    pub(super) fn source_row(&mut self, s: Id<Source>, r: Id<ValueRow>) {
        self.source_rows[s].insert(r);
        self.row_sources[r].insert(s);
    }

    pub(super) fn row_effect(&mut self, r: Id<ValueRow>, e: Id<Effect>) {
        self.row_effects[r].insert(e);
        self.effect_rows[e].insert(r);
    }

    /// A practice quote of a row names a source as its origin.
    pub(super) fn quote_source(&mut self, q: QuoteRef, s: Id<Source>) {
        self.source_quotes[s].push(q);
    }

    pub(super) fn article_effect(&mut self, a: Id<Article>, e: Id<Effect>) {
        self.effect_articles[e].insert(a);
    }

    pub(super) fn article_row(&mut self, a: Id<Article>, r: Id<ValueRow>) {
        self.row_articles[r].insert(a);
    }

    pub(super) fn article_source(&mut self, a: Id<Article>, s: Id<Source>) {
        self.source_articles[s].insert(a);
    }

    pub(super) fn article_sector(&mut self, a: Id<Article>, sector: &str) {
        self.sector_articles
            .entry(sector.to_string())
            .or_default()
            .push(a);
    }

    pub(super) fn tagged(&mut self, page: PageRef, tag: &str) {
        self.tag_pages
            .entry(tag.to_string())
            .or_default()
            .push(page);
    }

    /// Sets each article's parent (`None` for a top-level article) and its parent's children,
    /// ordered by `compare`.
    pub(super) fn article_tree(
        &mut self,
        parents: IdVec<Article, Option<Id<Article>>>,
        compare: impl Fn(Id<Article>, Id<Article>) -> std::cmp::Ordering,
    ) {
        for (a, parent) in parents.enumerate() {
            if let Some(p) = *parent {
                self.article_children[p].push(a);
            }
        }
        for children in self.article_children.values_mut() {
            children.sort_by(|&a, &b| compare(a, b));
        }
        self.article_parent = parents;
    }
}
