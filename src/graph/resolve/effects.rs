//! Effects: a known category, and an `order` of their own within it.

use std::collections::HashMap;

use super::Context;
use crate::diagnostics::Diagnostic;
use crate::model::Records;
use crate::source::Step;

pub(super) fn check(records: &Records, cx: &mut Context) {
    let categories: Vec<&str> = cx
        .config
        .categories
        .iter()
        .map(|c| c.key.as_str())
        .collect();
    let mut orders: HashMap<(&str, i64), &str> = HashMap::new();
    for effect in &records.effects {
        let (origin, data) = (&effect.origin, &effect.data);
        if !categories.contains(&data.category.as_str()) {
            cx.unknown(
                origin,
                &[Step::Key("category")],
                "unknown-category",
                "category",
                &data.category,
                categories.clone(),
            );
        }
        if let Some(other) = orders.insert((&data.category, data.order), &effect.key) {
            cx.diagnostics.push(
                Diagnostic::warning("duplicate-order", format!("effect `{other}` has the same order {} in `{}`", data.order, data.category))
                    .at(&origin.file, origin.span(&[Step::Key("order")]))
                    .help("give each effect in a category its own `order` so the schema has a fixed sequence"),
            );
        }
    }
}
