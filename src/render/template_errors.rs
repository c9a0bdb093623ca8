//! A tera render error, placed for a theme author: the template file that holds the mistake (a
//! parent or a macro file when the page's template inherits or imports it), the line and column
//! of the failing name, and a key so that one mistake is reported once, not once per page.
//!
//! Tera 1.x gives no position for render errors, only text: the outer error says which template
//! was rendered and, when it differs, where the error happened (`(error happened in
//! 'base.html')`, `error while rendering macro `macros::card``); the cause names the failing
//! thing in backticks (``Variable `page.titel` not found in context while rendering
//! 'base.html'``). The position is found by looking for that name in the holder's source, inside
//! a tera tag.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, SourceFile, Span, closest, suggestion};
use crate::i18n::{Code, Msg};

/// The source of every template of the theme, by tera name, as shown to theme authors.
pub type Sources = HashMap<String, SourceFile>;

/// A render error of `page_template`, located: the diagnostic and its key (holder and mistake).
pub struct Located {
    pub key: (String, String),
    pub diagnostic: Diagnostic,
}

/// Places `err`, raised rendering the page `page` with `page_template` and `context`.
pub fn locate(
    tera: &tera::Tera,
    sources: &Sources,
    page_template: &str,
    page: &str,
    context: &tera::Context,
    err: &tera::Error,
) -> Located {
    let messages = chain(err);
    let chain_names = ancestry(tera, page_template);
    let holder = holder(tera, &messages, &chain_names).unwrap_or_else(|| page_template.to_string());
    let innermost = messages.last().cloned().unwrap_or_default();
    let name = failing_name(&innermost);
    // The holder first, then the rest of the page's chain: tera's "a parent template" names none.
    let mut searched = vec![holder.clone()];
    searched.extend(chain_names.iter().filter(|n| **n != holder).cloned());
    let place = name.as_deref().and_then(|name| {
        searched.iter().find_map(|template| {
            let file = sources.get(template)?;
            find_in_tags(&file.text, name).map(|at| (template.clone(), file, at))
        })
    });
    let (holder, place) = match place {
        Some((template, file, at)) => (template, Some((file, at))),
        None => (holder, None),
    };
    let undefined = innermost
        .starts_with("Variable `")
        .then_some(name.as_deref())
        .flatten()
        .filter(|_| innermost.contains("not found in context"));
    let mut diagnostic = match undefined {
        Some(variable) => Code::TemplateUndefined
            .error()
            .arg("name", variable)
            .suggest(closest_variable(variable, context)),
        None => Code::TemplateRender
            .error()
            .arg("reason", messages.join(": ")),
    }
    .arg("template", holder.as_str())
    .arg("page", page);
    let file_shown = sources
        .get(&holder)
        .map(|f| f.path.clone())
        .unwrap_or_default();
    diagnostic = diagnostic.arg("file", file_shown.as_path());
    if let Some((file, at)) = place {
        diagnostic = diagnostic.at(file, Span::new(at, name.as_deref().map_or(1, str::len)));
    }
    let mistake = name.unwrap_or_else(|| without_template_names(&innermost));
    Located {
        key: (holder, mistake),
        diagnostic,
    }
}

/// The error's messages, outermost first.
fn chain(err: &dyn std::error::Error) -> Vec<String> {
    let mut out = vec![err.to_string()];
    let mut source = err.source();
    while let Some(cause) = source {
        out.push(cause.to_string());
        source = cause.source();
    }
    out
}

/// The page's template and its parents, nearest first.
fn ancestry(tera: &tera::Tera, template: &str) -> Vec<String> {
    let mut names = vec![template.to_string()];
    if let Ok(t) = tera.get_template(template) {
        names.extend(t.parents.iter().cloned());
    }
    names
}

/// The template tera says the error happened in: a macro's file, a parent, or the template
/// a cause says it was rendering.
fn holder(tera: &tera::Tera, messages: &[String], chain: &[String]) -> Option<String> {
    let outer = messages.first()?;
    if let Some(namespace) = between(outer, "error while rendering macro `", "::") {
        let imported = chain
            .iter()
            .filter_map(|t| tera.get_template(t).ok())
            .flat_map(|t| t.imported_macro_files.iter())
            .find(|(_, ns)| ns == namespace);
        if let Some((file, _)) = imported {
            return Some(file.clone());
        }
    }
    if let Some(name) = between(outer, "(error happened in '", "')") {
        return Some(name.to_string());
    }
    messages
        .iter()
        .rev()
        .find_map(|m| between(m, "while rendering '", "'"))
        .map(str::to_string)
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let len = text[start..].find(close)?;
    Some(&text[start..start + len])
}

/// The first name in backticks (a variable, filter, function, test or macro), or the one in
/// `Filter call 'x' failed`.
fn failing_name(message: &str) -> Option<String> {
    between(message, "`", "`")
        .or_else(|| between(message, "call '", "'"))
        .map(|name| name.rsplit("::").next().unwrap_or(name).to_string())
        .filter(|name| !name.is_empty())
}

/// The byte offset of the first `name`, as a whole name, inside a `{{ … }}` or `{% … %}` tag.
fn find_in_tags(text: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(open) = next_tag(text, from) {
        let closing = if text[open..].starts_with("{{") {
            "}}"
        } else {
            "%}"
        };
        let close = text[open + 2..]
            .find(closing)
            .map_or(text.len(), |i| open + 2 + i);
        let tag = &text[open..close];
        let mut at = 0;
        while let Some(i) = tag[at..].find(name) {
            let start = at + i;
            let end = start + name.len();
            let before = tag[..start].chars().next_back();
            let after = tag[end..].chars().next();
            let part_of_name = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            if !part_of_name(before) && before != Some('.') && !part_of_name(after) {
                return Some(open + start);
            }
            at = end;
        }
        from = close;
    }
    None
}

fn next_tag(text: &str, from: usize) -> Option<usize> {
    let rest = &text[from..];
    let found = [rest.find("{{"), rest.find("{%")]
        .into_iter()
        .flatten()
        .min()?;
    Some(from + found)
}

/// "Bedoel je `page.title`?" for `page.titel`: the closest key at the level where the path
/// stops existing in the context.
fn closest_variable(path: &str, context: &tera::Context) -> Option<crate::i18n::Message> {
    let root = context.clone().into_json();
    let mut level = &root;
    let mut walked = Vec::new();
    for part in path.split('.') {
        let object = level.as_object()?;
        match object.get(part) {
            Some(next) => {
                walked.push(part);
                level = next;
            }
            None => {
                let prefix: String = walked.iter().map(|p| format!("{p}.")).collect();
                let keys: Vec<String> = object.keys().map(|k| format!("{prefix}{k}")).collect();
                let keys = keys.iter().map(String::as_str);
                // A name the context does not start (a macro argument, a loop variable): only
                // a close match, never the list of the page's variables.
                if walked.is_empty() && closest(path, keys.clone()).is_none() {
                    return None;
                }
                return suggestion(path, keys, Msg::KeysVariable);
            }
        }
    }
    None
}

/// A message without the quoted template names, so the same mistake met from two templates
/// reads the same.
fn without_template_names(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in message.chars() {
        if c == '\'' {
            quoted = !quoted;
        } else if !quoted {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    const BASE: &str = "<title>{% block title %}{% endblock %}</title>\n<p>{{ site.nam }}</p>\n{% block content %}{% endblock %}\n";
    const CHILD: &str = "{% extends \"base.html\" %}\n{% block content %}\n  <h1>{{ page.titel }}</h1>\n{% endblock %}\n";

    fn theme(templates: &[(&str, &str)]) -> (tera::Tera, Sources) {
        let mut tera = tera::Tera::default();
        tera.add_raw_templates(templates.to_vec()).unwrap();
        let sources = templates
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    SourceFile::new(format!("t/{name}"), *text),
                )
            })
            .collect();
        (tera, sources)
    }

    fn hint(found: &Located, lang: Lang) -> String {
        found.diagnostic.texts(lang).help.unwrap_or_default()
    }

    fn located(templates: &[(&str, &str)], page: &str, context: serde_json::Value) -> Located {
        let (tera, sources) = theme(templates);
        let context = tera::Context::from_value(context).unwrap();
        let err = tera.render(page, &context).unwrap_err();
        locate(&tera, &sources, page, "x/", &context, &err)
    }

    #[test]
    fn an_undefined_name_in_the_parent_is_the_parents_mistake() {
        let templates = [
            ("base.html", BASE),
            ("child.html", CHILD),
            ("other.html", CHILD),
        ];
        let context = serde_json::json!({ "site": { "name": "K" }, "page": { "titel": "T" } });
        let one = located(&templates, "child.html", context.clone());
        let two = located(&templates, "other.html", context);
        assert_eq!(one.key, ("base.html".to_string(), "site.nam".to_string()));
        assert_eq!(one.key, two.key, "one mistake, one key");
        let (file, span) = one.diagnostic.location.as_ref().unwrap();
        assert_eq!(file.path.to_string_lossy(), "t/base.html");
        assert_eq!(file.line_col(span.start), (2, 7));
        assert_eq!(one.diagnostic.code, "template-undefined");
        let help = hint(&one, Lang::Nl);
        assert!(help.contains("`site.name`"), "{help}");
    }

    #[test]
    fn an_undefined_name_in_a_block_of_the_child_is_the_childs() {
        let templates = [("base.html", BASE), ("child.html", CHILD)];
        let context = serde_json::json!({ "site": { "nam": "K" }, "page": { "title": "T" } });
        let found = located(&templates, "child.html", context);
        assert_eq!(found.key.0, "child.html");
        let (file, span) = found.diagnostic.location.as_ref().unwrap();
        assert_eq!(file.line_col(span.start), (3, 10));
        let help = hint(&found, Lang::Nl);
        assert!(help.contains("`page.title`"), "{help}");
    }

    #[test]
    fn a_mistake_in_a_macro_is_the_macro_files() {
        let macros = "{% macro card(item) %}\n<b>{{ item.labl }}</b>\n{% endmacro card %}\n";
        let page = "{% import \"macros.html\" as m %}\n{{ m::card(item=page) }}\n";
        let templates = [("macros.html", macros), ("page.html", page)];
        let found = located(
            &templates,
            "page.html",
            serde_json::json!({ "page": { "label": "L" } }),
        );
        assert_eq!(found.key.0, "macros.html");
        let (file, span) = found.diagnostic.location.as_ref().unwrap();
        assert_eq!(file.line_col(span.start), (2, 7));
        let help = hint(&found, Lang::En);
        assert!(
            !help.contains("`page`"),
            "no list of the page's variables: {help}"
        );
    }

    #[test]
    fn a_failing_function_is_placed_at_what_it_names() {
        let base =
            "<link href=\"{{ asset(path='styl.css') }}\">\n{% block content %}{% endblock %}";
        let (mut tera, sources) = theme(&[("base.html", base), ("child.html", CHILD)]);
        tera.register_function("asset", |_: &HashMap<String, tera::Value>| {
            Err(tera::Error::msg("the theme has no static file `styl.css`"))
        });
        let context = tera::Context::from_value(serde_json::json!({ "page": { "titel": "T" } }));
        let context = context.unwrap();
        let err = tera.render("child.html", &context).unwrap_err();
        let found = locate(&tera, &sources, "child.html", "x/", &context, &err);
        assert_eq!(found.key.0, "base.html");
        assert_eq!(found.diagnostic.code, "template-render");
        let (file, span) = found.diagnostic.location.as_ref().unwrap();
        assert_eq!(file.line_col(span.start), (1, 28), "under `styl.css`");
        let message = found.diagnostic.texts(Lang::En).message;
        assert!(message.contains("styl.css"), "{message}");
    }

    #[test]
    fn names_are_found_only_whole_and_inside_tags() {
        let text = "titel {{ page.titel }}\n{% if page.title_x %}{{ page.title }}{% endif %}";
        assert_eq!(find_in_tags(text, "page.title"), text.find("page.title }}"));
        assert_eq!(find_in_tags(text, "titel"), None, "only after a dot");
        assert_eq!(find_in_tags(text, "page.titel"), Some(9));
    }
}
