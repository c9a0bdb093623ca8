//! Effects: a known category, and an `order` of their own within it.

use std::collections::HashMap;

use super::Context;
use crate::i18n::{Code, Msg};
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
                Code::UnknownCategory,
                Msg::KeysCategory,
                &data.category,
                categories.clone(),
            );
        }
        if let Some(other) = orders.insert((&data.category, data.order), &effect.key) {
            cx.diagnostics.push(
                Code::DuplicateOrder
                    .warning()
                    .arg("other", other)
                    .arg("order", data.order)
                    .arg("category", &data.category)
                    .at(&origin.file, origin.span(&[Step::Key("order")])),
            );
        }
    }
}
