//! Value rows: an id that fits the row's level, the effects the row names, and the source of each
//! practice quote.

use super::Context;
use super::vocabulary::Allowed;
use crate::config::keys;
use crate::graph::QuoteRef;
use crate::i18n::{Code, Msg};
use crate::model::{EffectData, Origin, PageRef, Records, SourceData};
use crate::source::Step;

pub(super) fn check(records: &Records, cx: &mut Context) {
    for (r, row) in records.rows.enumerate() {
        let (origin, data) = (&row.origin, &row.data);
        let me = PageRef::Row(r);
        check_id(cx, origin, &data.id, &data.level);
        let mut refs = cx.from(me, origin);
        refs.list::<EffectData>("effects", &data.effects, |ix, e| ix.row_effect(r, e));
        for (q, quote) in data.quotes.iter().enumerate() {
            if let Some(key) = &quote.source {
                let path = [Step::Key("quotes"), Step::Index(q), Step::Key("source")];
                if let Some(s) = refs.one::<SourceData>(&path, key) {
                    refs.index().quote_source(QuoteRef { row: r, quote: q }, s);
                }
            }
        }
    }
}

/// A row id is `level.row`, and the level number must be the row's level's.
fn check_id(cx: &mut Context, origin: &Origin, id: &str, level: &str) {
    let levels = &cx.config.levels;
    let id_number = id.split_once('.').and_then(|(a, b)| {
        (b.parse::<u32>().is_ok()).then_some(())?;
        a.parse::<u32>().ok()
    });
    let number = levels.iter().find(|l| l.key == level).map(|l| l.number);
    match (id_number, number) {
        (None, _) => cx.report(
            origin,
            &[Step::Key("id")],
            Code::BadId.error().arg("problem", "row").arg("id", id),
        ),
        (Some(n), Some(number)) if number != n => cx.report(
            origin,
            &[Step::Key("level")],
            Code::LevelMismatch
                .error()
                .arg("id", id)
                .arg("level", level)
                .arg("number", number)
                .arg("prefix", n),
        ),
        _ => {}
    }
    let known = Allowed::new(keys(levels), Code::UnknownLevel, Msg::KeysLevel);
    cx.expect(&known, origin, &[Step::Key("level")], level);
}
