//! Effects: a known category, and an `order` of their own within it.

use std::collections::HashMap;

use super::Context;
use super::vocabulary::Allowed;
use crate::config::keys;
use crate::i18n::{Code, Msg};
use crate::model::Records;
use crate::source::Step;

pub(super) fn check(records: &Records, cx: &mut Context) {
    let categories = keys(&cx.config.categories);
    let categories = Allowed::new(categories, Code::UnknownCategory, Msg::KeysCategory);
    let mut orders: HashMap<(&str, i64), &str> = HashMap::new();
    for effect in &records.effects {
        let (origin, data) = (&effect.origin, &effect.data);
        cx.expect(
            &categories,
            origin,
            &[Step::Key("category")],
            &data.category,
        );
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
