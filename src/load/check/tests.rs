use serde::de::DeserializeOwned;

use super::*;
use crate::config::{Category, EvidenceKind, Level, SiteConfig, Vocabulary};
use crate::i18n::Lang;
use crate::load::yaml;
use crate::model::schema::*;
use crate::model::*;
use crate::source::Field;

fn tree(text: &str) -> (SourceFile, Node) {
    let file = SourceFile::new("t.md", format!("---\n{text}---\n"));
    let node = yaml::parse(&file, text, 4).unwrap();
    (file, node)
}

/// Each problem's code, line and hint (in English).
type Found = Vec<(&'static str, usize, Option<String>)>;

fn problems(text: &str, shape: &Shape) -> (bool, Found) {
    let (file, node) = tree(text);
    let mut diagnostics = Diagnostics::new();
    let typable = check(&file, &node, shape, &mut diagnostics);
    let found = diagnostics
        .iter()
        .map(|d| (d.code, d.line_col().unwrap().0, d.texts(Lang::En).help))
        .collect();
    (typable, found)
}

#[test]
fn reports_every_unknown_and_duplicate_key() {
    static SHAPE: Shape = Shape::Map(&[
        Field::required("title", Shape::Text),
        Field::optional("summary", Shape::Text),
    ]);
    let (typable, found) = problems("titel: a\nsummary: b\nsumary: c\nsummary: d\n", &SHAPE);
    let codes: Vec<_> = found.iter().map(|(code, line, _)| (*code, *line)).collect();
    assert_eq!(
        codes,
        [("unknown-key", 2), ("unknown-key", 4), ("duplicate-key", 5)]
    );
    assert_eq!(found[0].2.as_deref(), Some("did you mean `title`?"));
    assert!(!typable);
}

/// A typo in a required key is one mistake: the unknown key, with the hint naming the field;
/// the field is not reported missing as well. A key that looks like no field leaves both.
#[test]
fn a_misspelled_required_key_is_one_error() {
    let (typable, found) = problems(
        "title: T
sumary: S
",
        &TERM,
    );
    assert!(!typable);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "unknown-key");
    assert_eq!(found[0].2.as_deref(), Some("did you mean `summary`?"));
    let (_, found) = problems(
        "title: T
xyz: S
",
        &TERM,
    );
    let codes: Vec<_> = found.iter().map(|f| f.0).collect();
    assert_eq!(codes, ["unknown-key", "wrong-type"]);
}

#[test]
fn unknown_keys_alone_leave_the_file_typable() {
    let (typable, found) = problems("title: T\nsummary: S\nsynoniemen: [a]\n", &TERM);
    assert_eq!(found.len(), 1);
    assert!(typable);
}

#[test]
fn every_wrong_value_is_reported_with_its_hint() {
    let text = "title: [a]\nsummary: s\ntags: krimp\naliases:\n  - oud: adres\n";
    let (typable, found) = problems(text, &TERM);
    assert!(!typable);
    let hints: Vec<_> = found
        .iter()
        .map(|(code, line, help)| (*code, *line, help.clone().unwrap()))
        .collect();
    assert_eq!(
        hints,
        [
            ("wrong-type", 2, Msg::HintText.text(Lang::En)),
            ("wrong-type", 4, Msg::HintList.text(Lang::En)),
            ("wrong-type", 6, Msg::HintColon.text(Lang::En)),
        ]
    );
}

#[test]
fn a_nested_missing_field_names_where() {
    let (file, node) = tree("label: L\nkind: boek\nfindings:\n  - effects: [a]\n");
    let mut diagnostics = Diagnostics::new();
    assert!(!check(&file, &node, &SOURCE, &mut diagnostics));
    let d = diagnostics.iter().next().unwrap();
    assert_eq!(
        d.texts(Lang::En).message,
        "`findings[0]` lacks the required field `text`"
    );
    assert_eq!(
        d.texts(Lang::Nl).message,
        "In `findings[0]` ontbreekt het verplichte veld `text`."
    );
    assert_eq!(d.line_col(), Some((5, 5)));
}

#[test]
fn yaml_integers_follow_the_core_schema() {
    for (text, value) in [
        ("12", Some(12)),
        ("-3", Some(-3)),
        ("+4", Some(4)),
        ("0x1F", Some(31)),
    ] {
        assert_eq!(yaml_int(text), value, "{text}");
    }
    for text in ["007", "1.5", "1_000", "", "-", "0x", "+-1", "twee"] {
        assert_eq!(yaml_int(text), None, "{text}");
    }
}

// --- the schema and the structs agree ---------------------------------------------------------

/// The field names serde's derive hands to `deserialize_struct`: exactly the struct's fields.
fn fields_of<T: DeserializeOwned>() -> Vec<&'static str> {
    use serde::de::{Error, Visitor};
    type Failure = serde::de::value::Error;
    struct Probe<'a>(&'a mut Option<&'static [&'static str]>);
    impl<'de> serde::Deserializer<'de> for Probe<'_> {
        type Error = Failure;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Failure> {
            Err(Failure::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Failure> {
            *self.0 = Some(fields);
            Err(Failure::custom("probed"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut fields = None;
    let _ = T::deserialize(Probe(&mut fields));
    let mut fields = fields.expect("a struct").to_vec();
    fields.sort_unstable();
    fields
}

/// A value of `shape` that both the check and the typing must accept, in YAML flow style.
fn valid(shape: &Shape) -> String {
    match shape {
        Shape::Any | Shape::Text => "x".into(),
        Shape::Integer => "1".into(),
        Shape::Bool => "false".into(),
        Shape::Date => "2018-01".into(),
        Shape::List(item) => format!("[{}]", valid(item)),
        Shape::Map(fields) => document(fields, None),
    }
}

/// Every field of `fields` with a valid value, except `change`d: (key, Some(value)) replaces the
/// value, (key, None) leaves the field out.
fn document(fields: &[Field], change: Option<(&str, Option<&str>)>) -> String {
    let parts: Vec<String> = fields
        .iter()
        .filter_map(|f| match change {
            Some((key, None)) if key == f.key => None,
            Some((key, Some(value))) if key == f.key => Some(format!("{}: {value}", f.key)),
            _ => Some(format!("{}: {}", f.key, valid(&f.shape))),
        })
        .collect();
    format!("{{{}}}", parts.join(", "))
}

fn accepted_by_check(text: &str, shape: &Shape) -> bool {
    let file = SourceFile::new("t.md", text.to_string());
    let Ok(node) = yaml::parse(&file, text, 0) else {
        return false;
    };
    let mut diagnostics = Diagnostics::new();
    check(&file, &node, shape, &mut diagnostics) && diagnostics.is_empty()
}

/// Values of every type and none, as an editor might write them in a field of any shape.
const SAMPLES: [&str; 12] = [
    "x",
    "1",
    "\"1\"",
    "1.5",
    "true",
    "2018-01",
    "2023-02-30",
    "[a]",
    "{a: b}",
    "",
    "~",
    "[{a: b}]",
];

fn agree<T: DeserializeOwned>(name: &str, shape: &Shape, failures: &mut Vec<String>) {
    let fields = shape.fields();
    let mut keys: Vec<&str> = fields.iter().map(|f| f.key).collect();
    keys.sort_unstable();
    if keys != fields_of::<T>() {
        failures.push(format!(
            "{name}: the shape lists {keys:?}, the struct has {:?}",
            fields_of::<T>()
        ));
    }
    let mut compare = |what: String, text: String| {
        let by_check = accepted_by_check(&text, shape);
        let by_serde = serde_yaml::from_str::<T>(&text).is_ok();
        if by_check != by_serde {
            failures.push(format!(
                "{name}: {what}: the check says {by_check}, the typing {by_serde}: {text}"
            ));
        }
    };
    compare("every field".into(), document(fields, None));
    for field in fields {
        compare(
            format!("without `{}`", field.key),
            document(fields, Some((field.key, None))),
        );
        if matches!(field.shape, Shape::Any) {
            continue; // left to the typing on purpose
        }
        for sample in SAMPLES {
            let text = document(fields, Some((field.key, Some(sample))));
            compare(format!("`{}: {sample}`", field.key), text);
        }
    }
}

#[test]
fn the_schema_and_the_structs_agree_field_by_field() {
    let mut failures = Vec::new();
    agree::<EffectData>("effect", &EFFECT, &mut failures);
    agree::<ValueRowData>("row", &VALUE_ROW, &mut failures);
    agree::<Quote>("quote", &QUOTE, &mut failures);
    agree::<SourceData>("source", &SOURCE, &mut failures);
    agree::<Finding>("finding", &FINDING, &mut failures);
    agree::<Change>("change", &CHANGE, &mut failures);
    agree::<LedgerData>("ledger", &LEDGER, &mut failures);
    agree::<Snapshot>("snapshot", &SNAPSHOT, &mut failures);
    agree::<ArticleData>("article", &ARTICLE, &mut failures);
    agree::<TermData>("term", &TERM, &mut failures);
    agree::<PageData>("page", &PAGE, &mut failures);
    agree::<SiteConfig>("site", &SITE, &mut failures);
    agree::<ThesaurusData>("thesaurus", &THESAURUS, &mut failures);
    agree::<Category>("category", &CATEGORY, &mut failures);
    agree::<Level>("level", &LEVEL, &mut failures);
    agree::<Vocabulary>("vocabulary", &VOCABULARY, &mut failures);
    agree::<EvidenceKind>("evidence kind", &EVIDENCE_KIND, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_agreement_test_sees_a_misspelled_optional_key() {
    static MISSPELLED: Shape = Shape::Map(&[
        Field::required("title", Shape::Text),
        Field::nullable("sumary", Shape::Text),
        Field::nullable("editor_note", Shape::Text),
        Field::optional("aliases", Shape::List(&Shape::Text)),
    ]);
    let mut failures = Vec::new();
    agree::<PageData>("page", &MISSPELLED, &mut failures);
    assert!(
        failures.iter().any(|f| f.contains("the shape lists")),
        "{failures:?}"
    );
}
