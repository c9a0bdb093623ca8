//! The Fluent bundles, one per language, built once from the `.ftl` files compiled in.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{Arg, Lang};

/// The catalogue's files by area, each in both languages.
macro_rules! files {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("nl/", $name)), include_str!(concat!("en/", $name)))),*]
    };
}

pub(super) const FILES: &[(&str, &str, &str)] = files![
    "hints.ftl",
    "load.ftl",
    "graph.ftl",
    "evidence.ftl",
    "links.ftl",
    "living.ftl",
    "render.ftl",
    "build.ftl",
    "linkcheck.ftl",
    "reports.ftl",
    "commands.ftl",
];

type Bundle = FluentBundle<FluentResource>;

pub(super) fn source(lang: Lang, file: &(&str, &'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Nl => file.1,
        Lang::En => file.2,
    }
}

/// The bundle of `lang`. A file that does not parse, or a message defined twice, is a bug the
/// catalogue test reports; here it panics rather than show editors half a catalogue.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| {
        let id: unic_langid::LanguageIdentifier =
            lang.tag().parse().expect("nl and en are language tags");
        let mut bundle = Bundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        for file in FILES {
            let resource = FluentResource::try_new(source(lang, file).to_string())
                .unwrap_or_else(|(_, errors)| panic!("{}/{}: {errors:?}", lang.tag(), file.0));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|errors| panic!("{}/{}: {errors:?}", lang.tag(), file.0));
        }
        bundle
    })
}

/// Formats message `id` (or its attribute) in `lang`; `None` when it has no such attribute (or
/// value). A missing message or argument is a bug: tests and debug builds stop on it, a release
/// build shows the id or `{$name}` rather than nothing.
pub(super) fn format(
    lang: Lang,
    id: &str,
    attribute: Option<&str>,
    args: &[(&'static str, Arg)],
) -> Option<String> {
    let bundle = bundle(lang);
    let Some(message) = bundle.get_message(id) else {
        debug_assert!(false, "no message `{id}` in the {} catalogue", lang.tag());
        return Some(id.to_string());
    };
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    // Nested messages are formatted first, in the same language.
    let nested: Vec<Option<String>> = args
        .iter()
        .map(|(_, value)| match value {
            Arg::Message(inner) => Some(inner.text(lang)),
            _ => None,
        })
        .collect();
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for ((name, value), nested) in args.iter().zip(&nested) {
        let value = match (value, nested) {
            (Arg::Text(text), _) => FluentValue::from(text.as_str()),
            (Arg::Number(n), _) => FluentValue::from(*n),
            (Arg::Message(_), Some(text)) => FluentValue::from(text.as_str()),
            (Arg::Message(_), None) => FluentValue::None,
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    debug_assert!(
        errors.is_empty(),
        "{}: `{id}`{}: {errors:?}",
        lang.tag(),
        attribute.map(|a| format!(".{a}")).unwrap_or_default()
    );
    Some(text.into_owned())
}

#[cfg(test)]
mod tests;
