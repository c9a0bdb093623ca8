//! Markdown links and images in bodies, and the addresses in front matter (`url:` of sources
//! and quotes, `base_url` of site.yaml): only kinds of address that cannot run script, and links
//! to content files that become pages. A link to a record's page counts as a link between the
//! records (backlinks), whichever way it is written.
//!
//! Whether any other site path exists, and every fragment, is checked against the rendered
//! site (`crate::render::links`): only the render stage knows every page and its anchors.

use std::collections::HashMap;

use super::Context;
use super::bodies::span;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile, closest};
use crate::graph::PageRef;
use crate::graph::paths::{self, LinkTarget};
use crate::i18n::{Code, Msg};
use crate::markdown::{Destination, Link};
use crate::model::{Kind, Origin, Records};
use crate::source::{Node, Step};

pub(super) fn check(records: &Records, files: &HashMap<String, PageRef>, cx: &mut Context) {
    let base = cx.config.base_path();
    let pages: HashMap<String, PageRef> = records
        .iter()
        .map(|(page, r)| (page.kind().path(r.reference_key()), page))
        .collect();
    for (from, record) in records.iter() {
        let origin = record.origin();
        let file = paths::content_relative(&origin.file.path);
        let page = from.kind().path(record.reference_key());
        for link in origin.markdown.links() {
            let at = span(origin, &link.span);
            if !link.is_safe() {
                let Destination::OtherScheme(scheme) = &link.target else {
                    continue;
                };
                let place = if link.image { "image" } else { "link" };
                cx.diagnostics
                    .push(unsafe_url(place, scheme).at(&origin.file, at));
                continue;
            }
            match paths::resolve(&link.target, &file, &page, &base) {
                Some((LinkTarget::File(path), _)) => match files.get(&path) {
                    Some(&to) => cx.index.link(from, to),
                    None => {
                        if let Some(d) = unknown_file(&file, link, &path, files, cx) {
                            cx.diagnostics.push(d.at(&origin.file, at));
                        }
                    }
                },
                Some((LinkTarget::Site(path), _)) => {
                    if let Some(&to) = pages.get(&path) {
                        cx.index.link(from, to);
                    }
                }
                Some((LinkTarget::Outside, _)) if link.target.is_markdown_file() => {
                    let d = Code::UnknownFile
                        .error()
                        .arg("problem", "outside")
                        .arg("path", "");
                    cx.diagnostics.push(d.at(&origin.file, at));
                }
                // Any other path: checked against the rendered site.
                _ => {}
            }
        }
    }
    for source in &records.sources {
        field(&source.data.url, &source.origin, &[Step::Key("url")], cx);
    }
    for row in &records.rows {
        for (i, quote) in row.data.quotes.iter().enumerate() {
            let path = [Step::Key("quotes"), Step::Index(i), Step::Key("url")];
            field(&quote.url, &row.origin, &path, cx);
        }
    }
}

/// `base_url` of site.yaml: every link of the site starts with it.
pub(super) fn check_config(file: &SourceFile, tree: &Node, diagnostics: &mut Diagnostics) {
    let path = [Step::Key("base_url")];
    if let Some(Node::Scalar { value, .. }) = tree.get(&path)
        && let Some(d) = address_problem(value)
    {
        diagnostics.push(d.at(file, tree.span_at(&path)));
    }
}

/// An address field: a full address or a path of this site.
fn field(url: &Option<String>, origin: &Origin, path: &[Step<'_>], cx: &mut Context) {
    if let Some(d) = url.as_deref().and_then(address_problem) {
        cx.diagnostics.push(d.at(&origin.file, origin.span(path)));
    }
}

fn address_problem(url: &str) -> Option<Diagnostic> {
    match Destination::classify(url) {
        Destination::Web | Destination::Mail | Destination::Phone | Destination::Site { .. } => {
            None
        }
        Destination::OtherScheme(scheme) => Some(unsafe_url("field", &scheme)),
        Destination::Empty | Destination::Fragment(_) | Destination::Relative { .. } => {
            Some(Code::RelativeUrl.error().arg("url", url))
        }
    }
}

fn unsafe_url(place: &str, scheme: &str) -> Diagnostic {
    Code::UnsafeUrl
        .error()
        .arg("where", place)
        .arg("scheme", scheme)
}

/// A link to a Markdown file that is no record: `None` when the file failed to load (reported
/// already); else the error, with the closest file written the way the link was.
fn unknown_file(
    file: &str,
    link: &Link,
    path: &str,
    files: &HashMap<String, PageRef>,
    cx: &Context,
) -> Option<Diagnostic> {
    let diagnostic = Code::UnknownFile
        .error()
        .arg("problem", "missing")
        .arg("path", path);
    if let Some((kind, key)) = kind_and_key(path) {
        if cx.keys.is_unparsed(kind, &key) {
            return None;
        }
        if cx.keys.is_draft(kind, &key) {
            return Some(diagnostic.help(Msg::DraftArticle));
        }
    }
    // Compared by name within the folder the link names (a common folder makes every path
    // look alike), or by whole path when that folder has no pages.
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    let in_folder: Vec<&str> = files
        .keys()
        .filter_map(|f| {
            f.rsplit_once('/')
                .filter(|(d, _)| *d == folder)
                .map(|(_, n)| n)
        })
        .collect();
    let best = match in_folder.is_empty() {
        false => closest(name, in_folder).map(|n| format!("{folder}/{n}")),
        true => closest(path, files.keys().map(String::as_str)).map(str::to_string),
    };
    let written = |candidate: &str| match link.target {
        Destination::Site { .. } => format!("/{candidate}"),
        _ => paths::relative_to(file, candidate),
    };
    let suggestion = best.map(|b| Msg::DidYouMean.with("suggestion", written(&b)));
    Some(diagnostic.suggest(suggestion))
}

/// The kind and key a file at `path` (relative to `content/`) would have.
fn kind_and_key(path: &str) -> Option<(Kind, String)> {
    let (folder, rest) = path.split_once('/')?;
    let kind = Kind::from_folder(folder)?;
    let name = rest.rsplit('/').next()?;
    let stem = name.get(..name.len().checked_sub(3)?)?;
    Some((kind, kind.key_from_file_name(stem)))
}
