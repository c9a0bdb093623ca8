//! Stage 3, **render**: the knowledge graph to HTML files, with the theme's tera templates.
//!
//! `pages` decides which pages exist and what each template sees; `view` shapes graph records for
//! templates; `markdown` renders bodies; `templates` loads the theme.

pub mod markdown;
pub mod pages;
pub mod templates;
pub mod view;

use std::path::{Path, PathBuf};

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

/// Everything the write stage needs: generated files and the theme's static folder to copy.
#[derive(Debug, Clone, Default)]
pub struct RenderedSite {
    pub files: Vec<OutputFile>,
    pub static_dir: Option<PathBuf>,
    /// Number of HTML pages among `files`.
    pub page_count: usize,
}

/// Settings that change what is rendered but not what the content says.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RenderOptions {
    /// True when building drafts too (previews); templates may mark the site as a preview.
    pub drafts: bool,
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
    let tera = templates::load(root, &theme, diagnostics)?;
    let plan = pages::plan(graph, options);
    let results: Vec<Result<OutputFile, Diagnostic>> = plan
        .par_iter()
        .map(|page| {
            tera.render(&page.template, &page.context)
                .map(|html| OutputFile {
                    path: page.output_path.clone(),
                    bytes: html.into_bytes(),
                })
                .map_err(|err| {
                    Diagnostic::error(
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
                    ))
                })
        })
        .collect();
    let mut files = Vec::with_capacity(results.len());
    // One broken template breaks many pages; report each template once.
    let mut reported = std::collections::HashSet::new();
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(d) => {
                let template = d.message.split('`').nth(1).unwrap_or("").to_string();
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
    let static_dir = theme.static_dir();
    Some(RenderedSite {
        files,
        static_dir: static_dir.is_dir().then_some(static_dir),
        page_count,
    })
}
