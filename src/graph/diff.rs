//! What an edit changed in the graph (`serve`): the records whose own data or relations differ
//! between the last graph and the new one, so that only the pages made from them are planned
//! again. It answers only when both graphs have the same records in the same order (then an id
//! means the same record in both) and the same settings, change log and thesaurus; an edit that
//! adds, removes or reorders records gets `None`, and every page is planned.

use std::any::TypeId;
use std::collections::BTreeSet;

use super::{Index, KnowledgeGraph, PageRef};
use crate::model::{IdVec, Kind};

/// The records an edit changed, as ids of the new graph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changed {
    pub records: BTreeSet<PageRef>,
    /// Which records carry a tag, or which articles a sector, changed (the theme pages).
    pub taxonomies: bool,
}

impl Changed {
    /// The changed records by the type of their table's ids and their positions (sorted), as
    /// [`crate::model::Reads`] notes them.
    pub fn positions(&self) -> Vec<(TypeId, Vec<u32>)> {
        let mut by_type: Vec<(TypeId, Vec<u32>)> = Vec::new();
        for &page in &self.records {
            let (of, position) = page.table_position();
            match by_type.iter_mut().find(|(t, _)| *t == of) {
                Some((_, positions)) => positions.push(position),
                None => by_type.push((of, vec![position])),
            }
        }
        by_type
    }
}

/// The types of ids records are read by: a read of any other type is not understood.
pub fn record_types() -> Vec<TypeId> {
    Kind::ALL.iter().map(|k| k.table_type()).collect()
}

impl KnowledgeGraph {
    /// What changed since `old`, or `None` when the records, their order, the settings, the
    /// change log or the thesaurus differ (see the module).
    pub fn changed_since(&self, old: &KnowledgeGraph) -> Option<Changed> {
        // Debug text stands for equality where the type has none; it is small.
        let same_debug =
            |a: &dyn std::fmt::Debug, b: &dyn std::fmt::Debug| format!("{a:?}") == format!("{b:?}");
        if self.records.pages().count() != old.records.pages().count()
            || !same_debug(&self.config, &old.config)
            || !self.changes.same_for_pages(&old.changes)
            || self.thesaurus != old.thesaurus
        {
            return None;
        }
        let mut changed = Changed::default();
        for ((page, new), (was, old_record)) in self.records.iter().zip(old.records.iter()) {
            let (new_origin, old_origin) = (new.origin(), old_record.origin());
            if page != was
                || new.key() != old_record.key()
                || new.reference_key() != old_record.reference_key()
                || new_origin.file.path != old_origin.file.path
            {
                return None;
            }
            // A record is made from its file alone: the same text, the same record.
            if new_origin.file.text != old_origin.file.text {
                changed.records.insert(page);
            }
        }
        relations(&self.index, &old.index, &mut changed);
        Some(changed)
    }
}

/// Adds to `changed` every record whose relations differ between the two indexes.
fn relations(new: &Index, old: &Index, changed: &mut Changed) {
    // Every field by name, so a field added to the index cannot be forgotten here.
    let Index {
        finding_anchors,
        finding_facts,
        effect_findings,
        effect_sources,
        effect_rows,
        effect_articles,
        row_findings,
        row_sources,
        row_effects,
        row_articles,
        source_effects,
        source_rows,
        source_articles,
        source_co_findings,
        source_quotes,
        article_parent,
        article_children,
        tag_pages,
        sector_articles,
        backlinks,
    } = new;
    let records = &mut changed.records;
    differ(
        finding_anchors,
        &old.finding_anchors,
        PageRef::Source,
        records,
    );
    differ(finding_facts, &old.finding_facts, PageRef::Source, records);
    differ(
        effect_findings,
        &old.effect_findings,
        PageRef::Effect,
        records,
    );
    differ(
        effect_sources,
        &old.effect_sources,
        PageRef::Effect,
        records,
    );
    differ(effect_rows, &old.effect_rows, PageRef::Effect, records);
    differ(
        effect_articles,
        &old.effect_articles,
        PageRef::Effect,
        records,
    );
    differ(row_findings, &old.row_findings, PageRef::Row, records);
    differ(row_sources, &old.row_sources, PageRef::Row, records);
    differ(row_effects, &old.row_effects, PageRef::Row, records);
    differ(row_articles, &old.row_articles, PageRef::Row, records);
    differ(
        source_effects,
        &old.source_effects,
        PageRef::Source,
        records,
    );
    differ(source_rows, &old.source_rows, PageRef::Source, records);
    differ(
        source_articles,
        &old.source_articles,
        PageRef::Source,
        records,
    );
    differ(
        source_co_findings,
        &old.source_co_findings,
        PageRef::Source,
        records,
    );
    differ(source_quotes, &old.source_quotes, PageRef::Source, records);
    differ(
        article_parent,
        &old.article_parent,
        PageRef::Article,
        records,
    );
    differ(
        article_children,
        &old.article_children,
        PageRef::Article,
        records,
    );
    for page in backlinks.keys().chain(old.backlinks.keys()) {
        if backlinks.get(page) != old.backlinks.get(page) {
            records.insert(*page);
        }
    }
    changed.taxonomies |= *tag_pages != old.tag_pages || *sector_articles != old.sector_articles;
}

fn differ<T: 'static, V: PartialEq>(
    new: &IdVec<T, V>,
    old: &IdVec<T, V>,
    page: fn(crate::model::Id<T>) -> PageRef,
    records: &mut BTreeSet<PageRef>,
) {
    for id in new.ids() {
        if new[id] != old[id] {
            records.insert(page(id));
        }
    }
}
