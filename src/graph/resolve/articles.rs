//! Articles: the parent tree (every parent known, no cycles), sectors, and the effects, rows and
//! sources an article names.

use std::collections::HashSet;

use super::Context;
use crate::i18n::{Code, Msg};
use crate::model::{
    Article, ArticleData, EffectData, Id, IdVec, PageRef, Records, SourceData, ValueRowData,
};
use crate::source::Step;

pub(super) fn check(records: &Records, cx: &mut Context) {
    tree(records, cx);
    let sectors: Vec<&str> = cx.config.sectors.iter().map(|s| s.key.as_str()).collect();
    for (a, article) in records.articles.enumerate() {
        let (origin, data) = (&article.origin, &article.data);
        let me = PageRef::Article(a);
        for (i, key) in data.sectors.iter().enumerate() {
            if sectors.contains(&key.as_str()) {
                cx.index.article_sector(a, key);
            } else {
                cx.unknown(
                    origin,
                    &[Step::Key("sectors"), Step::Index(i)],
                    Code::UnknownSector,
                    Msg::KeysSector,
                    key,
                    sectors.clone(),
                );
            }
        }
        cx.refs::<EffectData>(
            me,
            origin,
            &[Step::Key("effects")],
            &data.effects,
            |index, e| index.article_effect(a, e),
        );
        cx.refs::<ValueRowData>(me, origin, &[Step::Key("rows")], &data.rows, |index, r| {
            index.article_row(a, r)
        });
        cx.refs::<SourceData>(
            me,
            origin,
            &[Step::Key("sources")],
            &data.sources,
            |index, s| index.article_source(a, s),
        );
    }
}

/// Parent/child links between articles; cycles and unknown parents are errors.
fn tree(records: &Records, cx: &mut Context) {
    let articles = &records.articles;
    let mut parents: IdVec<Article, Option<Id<Article>>> = IdVec::filled(articles.len(), || None);
    for (a, article) in articles.enumerate() {
        if let Some(key) = &article.data.parent {
            let path = [Step::Key("parent")];
            parents[a] =
                cx.reference::<ArticleData>(PageRef::Article(a), &article.origin, &path, key);
        }
    }
    for a in articles.ids() {
        let mut seen = HashSet::from([a]);
        let mut at = parents[a];
        while let Some(p) = at {
            if !seen.insert(p) {
                cx.report(
                    &articles[a].origin,
                    &[Step::Key("parent")],
                    Code::ParentCycle.error(),
                );
                parents[a] = None;
                break;
            }
            at = parents[p];
        }
    }
    cx.index.article_tree(parents, |x, y| {
        let (x, y) = (&articles[x].data, &articles[y].data);
        (x.order, &x.title).cmp(&(y.order, &y.title))
    });
}
