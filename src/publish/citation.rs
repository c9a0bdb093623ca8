//! Each source's citation for reference managers: RIS (Zotero, EndNote, Mendeley) and BibTeX.
//!
//! Authors in the content are mostly surnames or organisations (`Helms-Lorenz`, `AO Consult`), so
//! BibTeX gets each one in braces: its name parser would otherwise split `Van der Horst` into
//! first and last names, or an organisation into a person.

use crate::graph::{KnowledgeGraph, PageRef};
use crate::model::SourceData;
use crate::model::{Id, Source};

/// A source without a `title` is cited by its label, so every record has a title.
fn title(data: &SourceData) -> &str {
    data.title.as_deref().unwrap_or(&data.label)
}

/// The RIS record of source `s`, lines ending in CR LF as the format prescribes.
pub fn ris(graph: &KnowledgeGraph, s: Id<Source>) -> String {
    let source = &graph[s];
    let data = &source.data;
    let kind = match data.kind.as_str() {
        "boek" => "BOOK",
        "wetenschappelijk" | "praktijkonderzoek" | "beleid" | "advies" | "platform" => "RPRT",
        _ => "GEN",
    };
    let mut lines = vec![format!("TY  - {kind}"), format!("ID  - {}", source.key)];
    lines.extend(
        data.authors
            .iter()
            .map(|a| format!("AU  - {}", one_line(a))),
    );
    if let Some(year) = data.year {
        lines.push(format!("PY  - {year}"));
    }
    lines.push(format!("TI  - {}", one_line(title(data))));
    if let Some(publisher) = &data.publisher {
        lines.push(format!("PB  - {}", one_line(publisher)));
    }
    if let Some(url) = &data.url {
        lines.push(format!("UR  - {url}"));
    }
    lines.push(format!("N1  - {}", page_url(graph, s)));
    lines.push("ER  - ".to_string());
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}

/// The BibTeX entry of source `s`, keyed by the source's key.
pub fn bibtex(graph: &KnowledgeGraph, s: Id<Source>) -> String {
    let source = &graph[s];
    let data = &source.data;
    let entry = match data.kind.as_str() {
        "boek" => "book",
        _ if data.publisher.is_some() => "techreport",
        _ => "misc",
    };
    let mut fields = Vec::new();
    if !data.authors.is_empty() {
        let authors: Vec<String> = data
            .authors
            .iter()
            .map(|a| format!("{{{}}}", escape(a)))
            .collect();
        fields.push(("author", authors.join(" and ")));
    }
    if let Some(year) = data.year {
        fields.push(("year", year.to_string()));
    }
    // Double braces keep the capitals of a Dutch title as written.
    fields.push(("title", format!("{{{}}}", escape(title(data)))));
    if let Some(publisher) = &data.publisher {
        let field = if entry == "techreport" {
            "institution"
        } else {
            "publisher"
        };
        fields.push((field, escape(publisher)));
    }
    if let Some(url) = &data.url {
        fields.push(("url", url.clone()));
    }
    fields.push((
        "note",
        format!("Kennisbank: \\url{{{}}}", page_url(graph, s)),
    ));
    let mut text = format!("@{entry}{{{},\n", source.key);
    for (name, value) in fields {
        text.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    text.push_str("}\n");
    text
}

fn page_url(graph: &KnowledgeGraph, s: Id<Source>) -> String {
    let base = graph.config.absolute_base();
    let path = graph.path(PageRef::Source(s));
    if super::is_absolute(&base) {
        format!("{base}{path}")
    } else {
        graph.url(PageRef::Source(s))
    }
}

/// RIS is line-based: a value must not break its line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// LaTeX's special characters, so `Samen Opleiden & Professionaliseren` survives.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn latex_specials_are_escaped() {
        assert_eq!(
            escape("Samen Opleiden & Professionaliseren 100%"),
            "Samen Opleiden \\& Professionaliseren 100\\%"
        );
    }
}
