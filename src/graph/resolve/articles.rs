//! Articles: the parent tree (every parent known, no cycles), sectors, and the effects, rows and
//! sources an article names.

use std::collections::HashSet;

use super::Context;
use super::vocabulary::Allowed;
use crate::config::keys;
use crate::i18n::{Code, Msg};
use crate::model::{
    Article, ArticleData, EffectData, Id, IdVec, PageRef, Records, SourceData, ValueRowData,
};
use crate::source::Step;

pub(super) fn check(records: &Records, cx: &mut Context) {
    tree(records, cx);
    let sectors = keys(&cx.config.sectors);
    let sectors = Allowed::new(sectors, Code::UnknownSector, Msg::KeysSector);
    for (a, article) in records.articles.enumerate() {
        let (origin, data) = (&article.origin, &article.data);
        let me = PageRef::Article(a);
        for (i, key) in data.sectors.iter().enumerate() {
            if cx.expect(
                &sectors,
                origin,
                &[Step::Key("sectors"), Step::Index(i)],
                key,
            ) {
                cx.index.article_sector(a, key);
            }
        }
        let mut refs = cx.from(me, origin);
        refs.list::<EffectData>("effects", &data.effects, |ix, e| ix.article_effect(a, e));
        refs.list::<ValueRowData>("rows", &data.rows, |ix, r| ix.article_row(a, r));
        refs.list::<SourceData>("sources", &data.sources, |ix, s| ix.article_source(a, s));
    }
}

/// Parent/child links between articles; cycles and unknown parents are errors.
fn tree(records: &Records, cx: &mut Context) {
    let articles = &records.articles;
    let mut parents: IdVec<Article, Option<Id<Article>>> = IdVec::filled(articles.len(), || None);
    for (a, article) in articles.enumerate() {
        if let Some(key) = &article.data.parent {
            let path = [Step::Key("parent")];
            parents[a] = cx
                .from(PageRef::Article(a), &article.origin)
                .one::<ArticleData>(&path, key);
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
