//! The Atom feed (RFC 4287) of knowledge-base articles, newest first.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::graph::{KnowledgeGraph, PageRef};

pub const ATOM_NS: &str = "http://www.w3.org/2005/Atom";

pub(super) type XmlWriter = Writer<Vec<u8>>;

pub fn atom(graph: &KnowledgeGraph, base: &str) -> anyhow::Result<String> {
    let mut articles: Vec<_> = graph.records.articles.ids().collect();
    // Newest first; the key breaks ties so the feed is the same on every build.
    articles.sort_by(|&a, &b| {
        let (a, b) = (&graph[a], &graph[b]);
        b.data.date.cmp(&a.data.date).then(a.key.cmp(&b.key))
    });
    let updated = articles
        .first()
        .map_or("1970-01-01T00:00:00Z".to_string(), |&a| {
            graph[a].data.date.rfc3339()
        });
    let title = &graph.config.title;
    let head = Head {
        page: format!("{base}kennisbank/"),
        title: format!("{title}: kennisbank"),
        subtitle: graph.config.description.as_deref().map(str::trim),
        updated,
        path: super::FEED_PATH,
    };
    feed(graph, base, &head, |w| {
        for &a in &articles {
            let article = &graph[a];
            let url = format!("{base}{}", graph.path(PageRef::Article(a)));
            w.create_element("entry").write_inner_content(|w| {
                text(w, "id", &url)?;
                text(w, "title", &article.data.title)?;
                let date = article.data.date.rfc3339();
                text(w, "published", &date)?;
                text(w, "updated", &date)?;
                link(w, "alternate", &url)?;
                for author in &article.data.authors {
                    w.create_element("author")
                        .write_inner_content(|w| text(w, "name", author))?;
                }
                if let Some(summary) = &article.data.summary {
                    text(w, "summary", summary.trim())?;
                }
                Ok(())
            })?;
        }
        Ok(())
    })
}

/// What sets one feed apart: its page, title, subtitle, last change and path in the site.
pub(super) struct Head<'a> {
    pub page: String,
    pub title: String,
    pub subtitle: Option<&'a str>,
    pub updated: String,
    pub path: &'static str,
}

/// An Atom feed of the site: the head every feed has (the platform its author), then `entries`.
pub(super) fn feed(
    graph: &KnowledgeGraph,
    base: &str,
    head: &Head,
    entries: impl FnOnce(&mut XmlWriter) -> std::io::Result<()>,
) -> anyhow::Result<String> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 1);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("feed")
        .with_attributes([
            ("xmlns", ATOM_NS),
            ("xml:lang", graph.config.language.as_str()),
        ])
        .write_inner_content(|w| {
            text(w, "id", &head.page)?;
            text(w, "title", &head.title)?;
            if let Some(subtitle) = head.subtitle {
                text(w, "subtitle", subtitle)?;
            }
            text(w, "updated", &head.updated)?;
            link(w, "self", &format!("{base}{}", head.path))?;
            link(w, "alternate", &head.page)?;
            // Atom requires an author for the feed unless every entry has one; the platform is it.
            w.create_element("author")
                .write_inner_content(|w| text(w, "name", &graph.config.title))?;
            entries(w)
        })?;
    Ok(String::from_utf8(writer.into_inner())?)
}

pub(super) fn text(w: &mut XmlWriter, name: &str, content: &str) -> std::io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(content))?;
    Ok(())
}

pub(super) fn link(w: &mut XmlWriter, rel: &str, href: &str) -> std::io::Result<()> {
    w.create_element("link")
        .with_attributes([("rel", rel), ("href", href)])
        .write_empty()?;
    Ok(())
}
