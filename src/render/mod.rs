//! Stage 3, **render**: the knowledge graph to HTML files, with the theme's tera templates.
//!
//! `pages` decides which pages exist and what each template sees; `view` shapes graph records for
//! templates; `markdown` renders bodies; `templates` loads the theme.

pub mod assets;
pub mod markdown;
pub mod pages;
pub mod templates;
pub mod view;

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::graph::KnowledgeGraph;
pub use templates::Theme;

/// A file of the finished site, by its path relative to the output folder.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Everything the write stage needs: every file of the site, pages and static assets.
#[derive(Debug, Clone, Default)]
pub struct RenderedSite {
    pub files: Vec<OutputFile>,
    /// Number of HTML pages among `files`.
    pub page_count: usize,
}

/// Settings that change what is rendered but not what the content says.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RenderOptions {
    /// True when building drafts too (previews); templates may mark the site as a preview.
    pub drafts: bool,
}

/// `{{ asset(path="style.css") }}` → the fingerprinted URL of a static file of the theme.
fn asset_function(urls: std::collections::BTreeMap<String, String>) -> impl tera::Function {
    move |args: &std::collections::HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
        let path = args
            .get("path")
            .and_then(|v| v.as_str())
            .ok_or_else(|| tera::Error::msg("asset() needs path=\"…\""))?;
        urls.get(path)
            .map(|url| tera::Value::String(url.clone()))
            .ok_or_else(|| tera::Error::msg(format!("the theme has no static file `{path}`")))
    }
}

/// Renders every page of the graph. Template errors become diagnostics; `None` means nothing
/// usable was produced.
pub fn render(
    root: &Path,
    graph: &KnowledgeGraph,
    options: &RenderOptions,
    diagnostics: &mut Diagnostics,
) -> Option<RenderedSite> {
    let theme = Theme::new(root, &graph.config.theme);
    let mut tera = templates::load(root, &theme, diagnostics)?;
    let assets = assets::collect(&theme.static_dir(), &graph.config.base_path(), diagnostics);
    tera.register_function("asset", asset_function(assets.urls.clone()));
    let plan = pages::plan(graph, options);
    let results: Vec<Result<OutputFile, (&str, Diagnostic)>> = plan
        .par_iter()
        .map(|page| {
            tera.render(&page.template, &page.context)
                .map(|html| OutputFile {
                    path: page.output_path.clone(),
                    bytes: html.into_bytes(),
                })
                .map_err(|err| {
                    let diagnostic = Diagnostic::error(
                        "template-render",
                        format!(
                            "template `{}` failed for page `/{}`: {}",
                            page.template,
                            page.output_path,
                            templates::chain(&err)
                        ),
                    )
                    .help(format!(
                        "fix {} in the theme; the variables each template gets are listed in themes/README.md",
                        theme.templates_dir().join(&page.template).strip_prefix(root).unwrap_or(Path::new(&page.template)).display()
                    ));
                    (page.template.as_str(), diagnostic)
                })
        })
        .collect();
    let mut files = Vec::with_capacity(results.len());
    // One broken template breaks many pages; report each template once.
    let mut reported = std::collections::HashSet::new();
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err((template, d)) => {
                if reported.insert(template) {
                    diagnostics.push(d);
                }
            }
        }
    }
    if !reported.is_empty() {
        return None;
    }
    let page_count = files.len();
    files.extend(assets.files);
    Some(RenderedSite { files, page_count })
}
