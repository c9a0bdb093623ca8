//! The keys each kind of file may have, for the unknown-key check. Types are serde's job (see
//! `model`); this list only has to name the keys, and the nested lists worth checking.
//!
//! Keep it in step with the structs in `model.rs` and `config.rs`: the test below enforces that
//! every key listed here deserialises.

use super::yaml::Shape;

pub static SITE: Shape = Shape::Map(&[
    ("title", Shape::Any),
    ("description", Shape::Any),
    ("base_url", Shape::Any),
    ("language", Shape::Any),
    ("theme", Shape::Any),
    ("categories", Shape::ListOf(&CATEGORY)),
    ("levels", Shape::ListOf(&LEVEL)),
    ("source_kinds", Shape::ListOf(&VOCABULARY)),
    ("evidence_kinds", Shape::ListOf(&EVIDENCE_KIND)),
    ("sectors", Shape::ListOf(&VOCABULARY)),
    ("tags", Shape::ListOf(&VOCABULARY)),
]);

static CATEGORY: Shape = Shape::Map(&[
    ("key", Shape::Any),
    ("label", Shape::Any),
    ("column_title", Shape::Any),
    ("description", Shape::Any),
]);

static LEVEL: Shape = Shape::Map(&[
    ("key", Shape::Any),
    ("number", Shape::Any),
    ("label", Shape::Any),
    ("description", Shape::Any),
]);

static EVIDENCE_KIND: Shape = Shape::Map(&[
    ("key", Shape::Any),
    ("label", Shape::Any),
    ("definition", Shape::Any),
]);

static VOCABULARY: Shape = Shape::Map(&[("key", Shape::Any), ("label", Shape::Any)]);

pub static EFFECT: Shape = Shape::Map(&[
    ("title", Shape::Any),
    ("category", Shape::Any),
    ("order", Shape::Any),
    ("summary", Shape::Any),
    ("tags", Shape::Any),
    ("note", Shape::Any),
    ("editor_note", Shape::Any),
    ("aliases", Shape::Any),
]);

pub static VALUE_ROW: Shape = Shape::Map(&[
    ("id", Shape::Any),
    ("title", Shape::Any),
    ("level", Shape::Any),
    ("summary", Shape::Any),
    ("conditions", Shape::Any),
    ("effects", Shape::Any),
    ("tags", Shape::Any),
    ("quotes", Shape::ListOf(&QUOTE)),
    ("note", Shape::Any),
    ("editor_note", Shape::Any),
    ("aliases", Shape::Any),
]);

static QUOTE: Shape = Shape::Map(&[
    ("text", Shape::Any),
    ("role", Shape::Any),
    ("organisation", Shape::Any),
    ("name", Shape::Any),
    ("source", Shape::Any),
    ("url", Shape::Any),
    ("note", Shape::Any),
]);

pub static SOURCE: Shape = Shape::Map(&[
    ("label", Shape::Any),
    ("authors", Shape::Any),
    ("year", Shape::Any),
    ("title", Shape::Any),
    ("kind", Shape::Any),
    ("url", Shape::Any),
    ("publisher", Shape::Any),
    ("effects", Shape::Any),
    ("rows", Shape::Any),
    ("tags", Shape::Any),
    ("findings", Shape::ListOf(&FINDING)),
    ("evidence", Shape::Any),
    ("design", Shape::Any),
    ("sectors", Shape::Any),
    ("note", Shape::Any),
    ("editor_note", Shape::Any),
    ("aliases", Shape::Any),
]);

static FINDING: Shape = Shape::Map(&[
    ("id", Shape::Any),
    ("text", Shape::Any),
    ("effects", Shape::Any),
    ("rows", Shape::Any),
    ("added_effects", Shape::Any),
    ("added_rows", Shape::Any),
    ("co_sources", Shape::Any),
    ("evidence", Shape::Any),
    ("design", Shape::Any),
    ("sectors", Shape::Any),
    ("direction", Shape::Any),
    ("note", Shape::Any),
    ("editor_note", Shape::Any),
]);

pub static ARTICLE: Shape = Shape::Map(&[
    ("title", Shape::Any),
    ("date", Shape::Any),
    ("summary", Shape::Any),
    ("authors", Shape::Any),
    ("tags", Shape::Any),
    ("sectors", Shape::Any),
    ("effects", Shape::Any),
    ("rows", Shape::Any),
    ("sources", Shape::Any),
    ("parent", Shape::Any),
    ("order", Shape::Any),
    ("draft", Shape::Any),
    ("editor_note", Shape::Any),
    ("aliases", Shape::Any),
]);

pub static TERM: Shape = Shape::Map(&[
    ("title", Shape::Any),
    ("summary", Shape::Any),
    ("synonyms", Shape::Any),
    ("tags", Shape::Any),
    ("editor_note", Shape::Any),
    ("aliases", Shape::Any),
]);

pub static PAGE: Shape = Shape::Map(&[
    ("title", Shape::Any),
    ("summary", Shape::Any),
    ("editor_note", Shape::Any),
    ("aliases", Shape::Any),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// A YAML document that sets every key of a shape, so serde must accept each of them.
    fn full_yaml(shape: &Shape, indent: usize) -> String {
        let Shape::Map(keys) = shape else {
            unreachable!()
        };
        let pad = " ".repeat(indent);
        let mut out = String::new();
        for (key, inner) in keys.iter() {
            let value = match (*key, inner) {
                (_, Shape::ListOf(item)) => {
                    let item = full_yaml(item, indent + 4);
                    format!("\n{pad}  - {}", item.trim_start())
                }
                ("order" | "number", _) => "1".into(),
                ("year", _) => "2017".into(),
                ("draft", _) => "false".into(),
                ("date", _) => "2018-01".into(),
                (
                    "authors" | "tags" | "effects" | "rows" | "sectors" | "sources" | "aliases"
                    | "synonyms" | "conditions" | "co_sources" | "added_effects" | "added_rows",
                    _,
                ) => "[a]".into(),
                _ => "x".into(),
            };
            out.push_str(&format!("{pad}{key}: {value}\n"));
        }
        out
    }

    #[test]
    fn every_listed_key_deserialises() {
        serde_yaml::from_str::<EffectData>(&full_yaml(&EFFECT, 0)).unwrap();
        serde_yaml::from_str::<ValueRowData>(&full_yaml(&VALUE_ROW, 0)).unwrap();
        serde_yaml::from_str::<SourceData>(&full_yaml(&SOURCE, 0)).unwrap();
        serde_yaml::from_str::<ArticleData>(&full_yaml(&ARTICLE, 0)).unwrap();
        serde_yaml::from_str::<TermData>(&full_yaml(&TERM, 0)).unwrap();
        serde_yaml::from_str::<PageData>(&full_yaml(&PAGE, 0)).unwrap();
        serde_yaml::from_str::<crate::config::SiteConfig>(&full_yaml(&SITE, 0)).unwrap();
    }
}
