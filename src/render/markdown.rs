//! Markdown to HTML with pulldown-cmark: tables, footnotes, smart punctuation, heading anchors
//! with Dutch-friendly slugs (é → e, spaces → hyphens), and `[[kind:key]]` references turned into
//! links. References were already checked by `graph`; one that still fails to resolve (which only
//! happens when rendering unchecked text) is left as plain text.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use serde::Serialize;

use crate::graph::links;
use crate::graph::{KnowledgeGraph, PageRef};

/// A heading of a rendered body, for tables of contents and search sections.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// Rendered Markdown.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
}

/// Renders an editor's Markdown body.
pub fn render(text: &str, graph: &KnowledgeGraph) -> Rendered {
    let text = replace_references(text, graph);
    // After the references are replaced the graph has had its say: the rest depends on the text
    // alone, so a remembered rendering of the same text is the same rendering.
    if let Some(rendered) = memo::get(&text) {
        return rendered;
    }
    let rendered = render_text(&text);
    memo::put(text, &rendered);
    rendered
}

/// Remembering rendered bodies between renders of one process; `serve` turns it on so that an
/// edit renders one body again, not all of them. Off by default (a build renders each body once).
pub mod memo {
    use std::collections::HashMap;
    use std::sync::RwLock;
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::Rendered;

    struct Entry {
        rendered: Rendered,
        /// Asked for since the last [`forget_unused`].
        used: AtomicBool,
    }

    static MEMO: RwLock<Option<HashMap<String, Entry>>> = RwLock::new(None);

    /// Starts remembering (idempotent).
    pub fn enable() {
        let mut memo = MEMO.write().unwrap_or_else(|e| e.into_inner());
        memo.get_or_insert_with(HashMap::new);
    }

    /// Drops what no render asked for since the last call, so edited-away bodies do not pile up.
    pub fn forget_unused() {
        if let Some(memo) = MEMO.write().unwrap_or_else(|e| e.into_inner()).as_mut() {
            memo.retain(|_, e| e.used.swap(false, Ordering::Relaxed));
        }
    }

    pub(super) fn get(text: &str) -> Option<Rendered> {
        let memo = MEMO.read().unwrap_or_else(|e| e.into_inner());
        let entry = memo.as_ref()?.get(text)?;
        entry.used.store(true, Ordering::Relaxed);
        Some(entry.rendered.clone())
    }

    pub(super) fn put(text: String, rendered: &Rendered) {
        // A build never turns the memo on; it should not queue for the write lock either.
        if MEMO.read().unwrap_or_else(|e| e.into_inner()).is_none() {
            return;
        }
        if let Some(memo) = MEMO.write().unwrap_or_else(|e| e.into_inner()).as_mut() {
            let entry = Entry {
                rendered: rendered.clone(),
                used: AtomicBool::new(true),
            };
            memo.insert(text, entry);
        }
    }
}

fn render_text(text: &str) -> Rendered {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_SMART_PUNCTUATION);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);

    let events: Vec<Event> = Parser::new_ext(text, options).collect();
    let mut headings = Vec::new();
    let mut used_ids = HashSet::new();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) = &events[i]
        {
            let end = events[i..]
                .iter()
                .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                .map_or(events.len(), |p| i + p);
            let heading_text: String = events[i + 1..end]
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            let base = id
                .as_ref()
                .map(|s| s.to_string())
                .unwrap_or_else(|| slug_or(&heading_text, "sectie"));
            let unique = unique_id(&base, &mut used_ids);
            headings.push(Heading {
                level: heading_number(*level),
                id: unique.clone(),
                text: heading_text,
            });
            out.push(Event::Start(Tag::Heading {
                level: *level,
                id: Some(CowStr::from(unique)),
                classes: classes.clone(),
                attrs: attrs.clone(),
            }));
            i += 1;
            continue;
        }
        // Raw HTML from content is shown as text: editors write Markdown, and nothing they type
        // should be able to inject script into the site.
        match &events[i] {
            Event::Html(h) | Event::InlineHtml(h) => out.push(Event::Text(h.clone())),
            e => out.push(e.clone()),
        }
        i += 1;
    }
    let mut html_out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut html_out, out.into_iter());
    Rendered {
        html: html_out,
        headings,
    }
}

/// Plain text of a Markdown body (for search and summaries), references reduced to their labels.
pub fn plain_text(text: &str, graph: &KnowledgeGraph) -> String {
    let text = replace_references(text, graph);
    let mut out = String::with_capacity(text.len());
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// A URL-safe anchor for a heading; `fallback` when the text has no letters or digits.
pub fn slug_or(text: &str, fallback: &str) -> String {
    let slug = slug::slugify(text);
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let mut candidate = base.to_string();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// Swaps each `[[kind:key#fragment|label]]` for a Markdown link to the target's URL.
fn replace_references(text: &str, graph: &KnowledgeGraph) -> String {
    let references = links::references(text);
    if references.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + references.len() * 32);
    let mut last = 0;
    for reference in references {
        out.push_str(&text[last..reference.range.start]);
        last = reference.range.end;
        let target = reference.kind.and_then(|k| graph.find(k, reference.key));
        let Some(page) = target else {
            out.push_str(&escape_markdown(reference.label.unwrap_or(reference.key)));
            continue;
        };
        let label = reference
            .label
            .map(str::to_string)
            .unwrap_or_else(|| default_label(graph, page));
        let mut url = graph.url(page);
        if let Some(fragment) = reference.fragment {
            url.push('#');
            url.push_str(fragment);
        }
        out.push('[');
        out.push_str(&escape_markdown(&label));
        out.push_str("](");
        out.push_str(&url.replace(' ', "%20").replace(')', "%29"));
        out.push(')');
    }
    out.push_str(&text[last..]);
    out
}

/// A reference without a label shows the target's link title: its title, a row's with its id.
fn default_label(graph: &KnowledgeGraph, page: PageRef) -> String {
    graph.records.get(page).link_title().into_owned()
}

fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '*' | '_' | '`' | '\\' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
