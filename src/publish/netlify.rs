//! Netlify's `_redirects` and `_headers` files. Both are plain text in the publish folder; Netlify
//! reads them next to `netlify.toml`, which holds the headers that do not depend on the build.

use crate::graph::{KnowledgeGraph, PageRef, row_slug};
use crate::render::OutputFile;

/// One `301` per alias: `/old/address/  /new/address/  301`.
///
/// An alias is an old key (`oude-sleutel`, or `"1.1"` for a row), which keeps the page's section,
/// or a path starting with `/` for a page that moved between sections.
pub fn redirects(graph: &KnowledgeGraph) -> String {
    let base = graph.config.base_path();
    let mut text =
        String::from("# Generated from `aliases` in content/: old address, new address.\n");
    for page in graph.all_pages() {
        let target = graph.url(page);
        for alias in aliases(graph, page) {
            let from = match alias.strip_prefix('/') {
                Some(path) => format!("{base}{}", path.trim_start_matches('/')),
                None => format!("{base}{}", alias_path(page, alias)),
            };
            if from != target {
                text.push_str(&format!("{from}  {target}  301\n"));
            }
        }
    }
    text
}

fn aliases(graph: &KnowledgeGraph, page: PageRef) -> &[String] {
    match page {
        PageRef::Effect(i) => &graph.effects[i].data.aliases,
        PageRef::Row(i) => &graph.rows[i].data.aliases,
        PageRef::Source(i) => &graph.sources[i].data.aliases,
        PageRef::Article(i) => &graph.articles[i].data.aliases,
        PageRef::Term(i) => &graph.terms[i].data.aliases,
        PageRef::Page(i) => &graph.pages[i].data.aliases,
    }
}

/// The address an old key had, in the same section as the page now.
fn alias_path(page: PageRef, key: &str) -> String {
    let key = key.trim_matches('/');
    match page {
        PageRef::Effect(_) => format!("effecten/{key}/"),
        PageRef::Row(_) => format!("waarde-en-randvoorwaarden/{}/", row_slug(key)),
        PageRef::Source(_) => format!("bronnen/{key}/"),
        PageRef::Article(_) => format!("kennisbank/{key}/"),
        PageRef::Term(_) => format!("begrippen/{key}/"),
        PageRef::Page(_) => format!("{key}/"),
    }
}

/// A year, immutable: only for names that carry their content hash, which change with the content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `Cache-Control: immutable` for every fingerprinted file, by exact path.
///
/// Exact paths rather than `/*.css` patterns: Netlify joins the values of one header from every
/// rule that matches, so a wildcard rule overlapping the site-wide one would send two
/// contradicting `Cache-Control` values. HTML keeps Netlify's default, `max-age=0,
/// must-revalidate`: always checked, answered with 304 when unchanged.
pub fn headers(base_path: &str, rendered: &[OutputFile]) -> String {
    let mut text =
        String::from("# Generated: fingerprinted files (content hash in the name) never change.\n");
    for file in rendered.iter().filter(|f| is_fingerprinted(&f.path)) {
        text.push_str(&format!(
            "{base_path}{}\n  Cache-Control: {IMMUTABLE}\n",
            file.path
        ));
    }
    text
}

/// `style.a86ac493.css` → true: a name with 8 to 16 hex digits before its extension (the theme's
/// assets carry 8, the search shards 10).
pub fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let mut parts = name.rsplit('.');
    let (Some(_extension), Some(hash), Some(_stem)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hashed_names_count_as_fingerprinted() {
        assert!(is_fingerprinted("style.a86ac493.css"));
        assert!(is_fingerprinted("zoeken/index/docs-0.a239c26f77.json"));
        assert!(!is_fingerprinted("zoeken/index/manifest.json"));
        assert!(!is_fingerprinted("style.css"));
        assert!(!is_fingerprinted("a86ac493.css"));
        assert!(!is_fingerprinted("effecten/index.html"));
    }

    #[test]
    fn a_row_alias_uses_the_row_slug() {
        assert_eq!(
            alias_path(PageRef::Row(0), "1.1"),
            "waarde-en-randvoorwaarden/1-1/"
        );
        assert_eq!(alias_path(PageRef::Source(0), "oud"), "bronnen/oud/");
    }
}
