//! The catalogue is complete: every id the code names has a Dutch and an English text, with the
//! same attributes, arguments and selector keys in both, and no text is left that no code names.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::{FILES, source};
use crate::i18n::{Arg, Code, Lang, Message, Msg};

/// What a message needs from the code, per part (`""` for its value, else the attribute name):
/// the variables it uses, and the keys its selectors choose between (plural forms aside).
type Shape = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

/// Every message of one language: id → (file, shape).
fn messages(lang: Lang) -> BTreeMap<String, (&'static str, Shape)> {
    let mut all = BTreeMap::new();
    for file in FILES {
        let resource =
            fluent_syntax::parser::parse(source(lang, file)).unwrap_or_else(|(_, errors)| {
                panic!("{}/{} does not parse: {errors:?}", lang.tag(), file.0)
            });
        for entry in resource.body {
            let message = match entry {
                ast::Entry::Message(message) => message,
                ast::Entry::Junk { content } => {
                    panic!("{}/{}: junk {content:?}", lang.tag(), file.0)
                }
                _ => continue,
            };
            let mut shape = Shape::new();
            if let Some(value) = &message.value {
                shape.insert(String::new(), pattern_shape(value));
            }
            for attribute in &message.attributes {
                shape.insert(
                    attribute.id.name.to_string(),
                    pattern_shape(&attribute.value),
                );
            }
            let id = message.id.name.to_string();
            if all.insert(id.clone(), (file.0, shape)).is_some() {
                panic!("{}: `{id}` is defined twice", lang.tag());
            }
        }
    }
    all
}

fn pattern_shape(pattern: &ast::Pattern<&str>) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut variables = BTreeSet::new();
    let mut keys = BTreeSet::new();
    walk_pattern(pattern, &mut variables, &mut keys);
    (variables, keys)
}

fn walk_pattern(
    pattern: &ast::Pattern<&str>,
    vars: &mut BTreeSet<String>,
    keys: &mut BTreeSet<String>,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, vars, keys);
        }
    }
}

fn walk_expression(
    expression: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    keys: &mut BTreeSet<String>,
) {
    const PLURAL: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, vars, keys);
            for variant in variants {
                if let ast::VariantKey::Identifier { name } = variant.key
                    && !PLURAL.contains(&name)
                {
                    keys.insert(name.to_string());
                }
                walk_pattern(&variant.value, vars, keys);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, vars, keys),
    }
}

fn walk_inline(
    inline: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    keys: &mut BTreeSet<String>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                walk_inline(argument, vars, keys);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, vars, keys),
        _ => {}
    }
}

fn code_ids() -> Vec<&'static str> {
    Code::ALL.iter().map(|c| c.id()).collect()
}

fn msg_ids() -> Vec<&'static str> {
    Msg::ALL.iter().map(|m| m.id()).collect()
}

#[test]
fn every_id_the_code_names_has_a_dutch_and_an_english_text() {
    let nl = messages(Lang::Nl);
    let en = messages(Lang::En);
    let mut problems = Vec::new();
    let mut named = BTreeSet::new();
    for id in code_ids().into_iter().chain(msg_ids()) {
        if !named.insert(id) {
            problems.push(format!("`{id}` is named twice in ids.rs"));
        }
        for (lang, catalogue) in [(Lang::Nl, &nl), (Lang::En, &en)] {
            if !catalogue.contains_key(id) {
                problems.push(format!("`{id}` has no {} text", lang.tag()));
            }
        }
    }
    for (lang, catalogue) in [(Lang::Nl, &nl), (Lang::En, &en)] {
        for id in catalogue.keys() {
            if !named.contains(id.as_str()) {
                problems.push(format!(
                    "{}: `{id}` is in the catalogue but not in ids.rs (unused, or misspelt)",
                    lang.tag()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn both_languages_ask_the_same_of_the_code() {
    let nl = messages(Lang::Nl);
    let en = messages(Lang::En);
    let mut problems = Vec::new();
    for (id, (nl_file, nl_shape)) in &nl {
        let Some((en_file, en_shape)) = en.get(id) else {
            continue;
        };
        if nl_file != en_file {
            problems.push(format!("`{id}` is in nl/{nl_file} but en/{en_file}"));
        }
        let nl_parts: BTreeSet<&String> = nl_shape.keys().collect();
        let en_parts: BTreeSet<&String> = en_shape.keys().collect();
        if nl_parts != en_parts {
            problems.push(format!(
                "`{id}`: parts {nl_parts:?} in nl, {en_parts:?} in en"
            ));
            continue;
        }
        for (part, (nl_vars, nl_keys)) in nl_shape {
            let (en_vars, en_keys) = &en_shape[part];
            let name = if part.is_empty() {
                id.clone()
            } else {
                format!("{id}.{part}")
            };
            if nl_vars != en_vars {
                problems.push(format!(
                    "`{name}`: variables {nl_vars:?} in nl, {en_vars:?} in en"
                ));
            }
            if nl_keys != en_keys {
                problems.push(format!(
                    "`{name}`: selector keys {nl_keys:?} in nl, {en_keys:?} in en"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn codes_have_a_message_and_only_a_label_and_a_hint_besides() {
    let nl = messages(Lang::Nl);
    let mut problems = Vec::new();
    for id in code_ids() {
        let Some((_, shape)) = nl.get(id) else {
            continue;
        };
        if !shape.contains_key("") {
            problems.push(format!("`{id}` has no message, only attributes"));
        }
        for part in shape.keys().filter(|p| !p.is_empty()) {
            if part != "label" && part != "help" {
                problems.push(format!(
                    "`{id}.{part}`: a code has only `.label` and `.help`"
                ));
            }
        }
    }
    for id in msg_ids() {
        let Some((_, shape)) = nl.get(id) else {
            continue;
        };
        if shape.keys().any(|p| !p.is_empty()) || !shape.contains_key("") {
            problems.push(format!("`{id}`: a text is one value, without attributes"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every part of every message formats in both languages, given its variables: no reference
/// to a message or term that does not exist, no broken selector.
#[test]
fn every_text_formats_in_both_languages() {
    for lang in Lang::ALL {
        for (id, (_, shape)) in messages(lang) {
            let id: &'static str = Code::ALL
                .iter()
                .map(|c| c.id())
                .chain(msg_ids())
                .find(|known| *known == id)
                .unwrap_or_else(|| panic!("`{id}` is not in ids.rs"));
            let variables: BTreeSet<&String> = shape.values().flat_map(|(vars, _)| vars).collect();
            let mut message = Message::new(id);
            for variable in variables {
                let name: &'static str = Box::leak(variable.clone().into_boxed_str());
                message = message.with(name, Arg::Number(2));
            }
            for part in shape.keys() {
                let text = if part.is_empty() {
                    message.text(lang)
                } else {
                    message.attribute(lang, part).unwrap()
                };
                assert!(
                    !text.trim().is_empty(),
                    "{}: `{id}` {part} is empty",
                    lang.tag()
                );
                assert!(
                    !text.contains('\u{2068}') && !text.contains('\u{2069}'),
                    "{}: `{id}` carries isolation marks",
                    lang.tag()
                );
            }
        }
    }
}

#[test]
fn plural_forms_follow_the_count() {
    let counts = |errors: i64, warnings: i64, lang| {
        Msg::Counts
            .with("errors", errors)
            .with("warnings", warnings)
            .text(lang)
    };
    assert_eq!(counts(1, 0, Lang::Nl), "1 fout, 0 waarschuwingen");
    assert_eq!(counts(2, 1, Lang::Nl), "2 fouten, 1 waarschuwing");
    assert_eq!(counts(1, 2, Lang::En), "1 error, 2 warnings");
}

#[test]
fn nested_messages_take_the_same_language() {
    let hint = Msg::DidYouMean.with("suggestion", "tags");
    let outer = Msg::OutputRefused
        .with("path", "/")
        .with("reason", Msg::OutputIsRoot);
    assert!(hint.text(Lang::Nl).contains("`tags`"));
    assert!(
        outer
            .text(Lang::Nl)
            .contains(&Msg::OutputIsRoot.text(Lang::Nl))
    );
    assert!(
        outer
            .text(Lang::En)
            .contains(&Msg::OutputIsRoot.text(Lang::En))
    );
}
