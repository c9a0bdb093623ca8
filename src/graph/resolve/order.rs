//! The order visitors see records in, set once before any id is handed out: effects by category
//! and `order`, rows by id, sources by label, articles newest first, terms and pages by name.

use crate::config::SiteConfig;
use crate::model::Records;

pub(super) fn sort(config: &SiteConfig, records: &mut Records) {
    let category_rank = |key: &str| {
        config
            .categories
            .iter()
            .position(|c| c.key == key)
            .unwrap_or(usize::MAX)
    };
    records.effects.sort_by(|a, b| {
        (category_rank(&a.data.category), a.data.order, &a.key).cmp(&(
            category_rank(&b.data.category),
            b.data.order,
            &b.key,
        ))
    });
    records.rows.sort_by(|a, b| {
        row_order(&a.data.id)
            .cmp(&row_order(&b.data.id))
            .then(a.key.cmp(&b.key))
    });
    records.sources.sort_by(|a, b| {
        (a.data.label.to_lowercase(), a.data.year, &a.key).cmp(&(
            b.data.label.to_lowercase(),
            b.data.year,
            &b.key,
        ))
    });
    records.articles.sort_by(|a, b| {
        b.data
            .date
            .cmp(&a.data.date)
            .then(a.data.title.cmp(&b.data.title))
    });
    records.terms.sort_by(|a, b| {
        a.data
            .title
            .to_lowercase()
            .cmp(&b.data.title.to_lowercase())
    });
    records.pages.sort_by(|a, b| a.key.cmp(&b.key));
}

fn row_order(id: &str) -> (u32, u32) {
    let (a, b) = id.split_once('.').unwrap_or((id, "0"));
    (a.parse().unwrap_or(u32::MAX), b.parse().unwrap_or(u32::MAX))
}
