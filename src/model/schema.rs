//! The shape of every kind of file: which keys each may have, which it must have, and what type
//! each value is. `load` checks every file against its shape before the final typing, so that
//! each unknown key and each wrong value gets its own diagnostic with a hint.
//!
//! Keep it in step with the structs in `model` and `config`: `load`'s schema test checks that the
//! keys here are exactly the struct's fields, that required means required, and that what this
//! shape accepts the final typing accepts too.

use crate::source::Shape::{Any, Bool, Date, Integer, List, Map, Text};
use crate::source::{Field, Shape};

const TEXTS: Shape = List(&Text);

pub static SITE: Shape = Map(&[
    Field::required("title", Text),
    Field::nullable("description", Text),
    Field::optional("base_url", Text),
    Field::optional("language", Text),
    Field::optional("theme", Text),
    Field::required("categories", List(&CATEGORY)),
    Field::required("levels", List(&LEVEL)),
    Field::optional("source_kinds", List(&VOCABULARY)),
    Field::optional("evidence_kinds", List(&EVIDENCE_KIND)),
    Field::optional("sectors", List(&VOCABULARY)),
    Field::optional("tags", List(&VOCABULARY)),
]);

pub static THESAURUS: Shape = Map(&[Field::optional("synonyms", List(&TEXTS))]);

pub static LEDGER: Shape = Map(&[Field::optional("signals", List(&SNAPSHOT))]);

pub static SNAPSHOT: Shape = Map(&[
    Field::nullable("effect", Text),
    Field::nullable("row", Text),
    Field::required("date", Date),
    Field::required("strength", Text),
    Field::required("findings", Integer),
    Field::required("sources", Integer),
    Field::required("studies", Integer),
    Field::required("contradicting", Integer),
]);

pub static CATEGORY: Shape = Map(&[
    Field::required("key", Text),
    Field::required("label", Text),
    Field::required("column_title", Text),
    Field::nullable("description", Text),
]);

pub static LEVEL: Shape = Map(&[
    Field::required("key", Text),
    Field::required("number", Integer),
    Field::required("label", Text),
    Field::nullable("description", Text),
]);

pub static EVIDENCE_KIND: Shape = Map(&[
    Field::required("key", Text),
    Field::required("label", Text),
    Field::required("definition", Text),
]);

pub static VOCABULARY: Shape = Map(&[Field::required("key", Text), Field::required("label", Text)]);

pub static EFFECT: Shape = Map(&[
    Field::required("title", Text),
    Field::required("category", Text),
    Field::required("order", Integer),
    Field::required("summary", Text),
    Field::optional("tags", TEXTS),
    Field::nullable("note", Text),
    Field::nullable("editor_note", Text),
    Field::optional("aliases", TEXTS),
    Field::nullable("added", Date),
    Field::nullable("updated", Date),
    Field::optional("changes", List(&CHANGE)),
]);

pub static VALUE_ROW: Shape = Map(&[
    Field::required("id", Text),
    Field::required("title", Text),
    Field::required("level", Text),
    Field::nullable("summary", Text),
    Field::optional("conditions", TEXTS),
    Field::optional("effects", TEXTS),
    Field::optional("tags", TEXTS),
    Field::optional("quotes", List(&QUOTE)),
    Field::nullable("note", Text),
    Field::nullable("editor_note", Text),
    Field::optional("aliases", TEXTS),
    Field::nullable("added", Date),
    Field::nullable("updated", Date),
    Field::optional("changes", List(&CHANGE)),
]);

pub static QUOTE: Shape = Map(&[
    Field::required("text", Text),
    Field::required("role", Text),
    Field::nullable("organisation", Text),
    Field::nullable("name", Text),
    Field::nullable("source", Text),
    Field::nullable("url", Text),
    Field::nullable("note", Text),
]);

pub static SOURCE: Shape = Map(&[
    Field::required("label", Text),
    Field::optional("authors", TEXTS),
    Field::nullable("year", Integer),
    Field::nullable("title", Text),
    Field::required("kind", Text),
    Field::nullable("url", Text),
    Field::nullable("publisher", Text),
    Field::optional("effects", TEXTS),
    Field::optional("rows", TEXTS),
    Field::optional("tags", TEXTS),
    Field::optional("findings", List(&FINDING)),
    Field::nullable("evidence", Text),
    Field::nullable("design", Text),
    Field::optional("sectors", TEXTS),
    Field::nullable("note", Text),
    Field::nullable("editor_note", Text),
    Field::optional("aliases", TEXTS),
    Field::nullable("added", Date),
    Field::nullable("updated", Date),
    Field::optional("changes", List(&CHANGE)),
]);

pub static FINDING: Shape = Map(&[
    Field::nullable("id", Text),
    Field::required("text", Text),
    Field::optional("effects", TEXTS),
    Field::optional("rows", TEXTS),
    Field::optional("added_effects", TEXTS),
    Field::optional("added_rows", TEXTS),
    Field::optional("co_sources", TEXTS),
    Field::nullable("evidence", Text),
    Field::nullable("design", Text),
    Field::optional("sectors", TEXTS),
    // Text, or a mapping of effect keys to directions: YAML's own typing says it best.
    Field::nullable("direction", Any),
    Field::nullable("note", Text),
    Field::nullable("editor_note", Text),
    Field::nullable("added", Date),
]);

/// One entry of a record's change log.
pub static CHANGE: Shape = Map(&[
    Field::required("date", Date),
    Field::required("text", Text),
    Field::nullable("kind", Text),
    Field::nullable("finding", Text),
]);

pub static ARTICLE: Shape = Map(&[
    Field::required("title", Text),
    Field::required("date", Date),
    Field::nullable("summary", Text),
    Field::optional("authors", TEXTS),
    Field::optional("tags", TEXTS),
    Field::optional("sectors", TEXTS),
    Field::optional("effects", TEXTS),
    Field::optional("rows", TEXTS),
    Field::optional("sources", TEXTS),
    Field::nullable("parent", Text),
    Field::nullable("order", Integer),
    Field::optional("draft", Bool),
    Field::nullable("editor_note", Text),
    Field::optional("aliases", TEXTS),
    Field::nullable("added", Date),
    Field::nullable("updated", Date),
    Field::optional("changes", List(&CHANGE)),
]);

pub static TERM: Shape = Map(&[
    Field::required("title", Text),
    Field::required("summary", Text),
    Field::optional("synonyms", TEXTS),
    Field::optional("tags", TEXTS),
    Field::nullable("editor_note", Text),
    Field::optional("aliases", TEXTS),
    Field::nullable("added", Date),
    Field::nullable("updated", Date),
    Field::optional("changes", List(&CHANGE)),
]);

pub static PAGE: Shape = Map(&[
    Field::required("title", Text),
    Field::nullable("summary", Text),
    Field::nullable("editor_note", Text),
    Field::optional("aliases", TEXTS),
    Field::nullable("added", Date),
    Field::nullable("updated", Date),
    Field::optional("changes", List(&CHANGE)),
]);
