//! Netlify's `_redirects` and `_headers` files. Both are plain text in the publish folder; Netlify
//! reads them next to `netlify.toml`, which holds the headers that do not depend on the build.

use crate::graph::KnowledgeGraph;

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
        for alias in graph.records.get(page).aliases() {
            // The old address in the page's own section, by the scheme of every page's address.
            let from = match alias.strip_prefix('/') {
                Some(path) => format!("{base}{}", path.trim_start_matches('/')),
                None => format!("{base}{}", page.kind().path(alias.trim_matches('/'))),
            };
            if from != target {
                text.push_str(&format!("{from}  {target}  301\n"));
            }
        }
    }
    text
}

/// A year, immutable: only for names that carry their content hash, which change with the content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `Cache-Control: immutable` for every fingerprinted file, by exact path.
///
/// Exact paths rather than `/*.css` patterns: Netlify joins the values of one header from every
/// rule that matches, so a wildcard rule overlapping the site-wide one would send two
/// contradicting `Cache-Control` values. HTML keeps Netlify's default, `max-age=0,
/// must-revalidate`: always checked, answered with 304 when unchanged.
pub fn headers(base_path: &str, paths: &[String]) -> String {
    let mut text =
        String::from("# Generated: fingerprinted files (content hash in the name) never change.\n");
    for path in paths.iter().filter(|p| is_fingerprinted(p)) {
        text.push_str(&format!(
            "{base_path}{path}\n  Cache-Control: {IMMUTABLE}\n"
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
}
