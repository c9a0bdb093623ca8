//! Stage 3, **render**: the knowledge graph to HTML files, with the theme's tera templates.
//!
//! `pages` decides which pages exist and what each template sees; `view` shapes graph records for
//! templates; `templates` loads the theme. Bodies come read from `crate::markdown`; a page
//! finishes them with the graph's URLs and titles.

pub mod assets;
pub mod pages;
pub mod templates;
pub mod view;

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::graph::KnowledgeGraph;
use crate::i18n::Code;
pub use pages::PlannedPage;
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

/// A theme ready to render with: its compiled templates (with the `asset` function) and its
/// static files, for one theme name and base path.
pub struct PreparedTheme {
    theme: Theme,
    tera: tera::Tera,
    assets: assets::Assets,
    name: String,
    base_path: String,
}

impl PreparedTheme {
    /// Compiles the theme the graph's config names. Template errors become diagnostics.
    pub fn new(
        root: &Path,
        graph: &KnowledgeGraph,
        diagnostics: &mut Diagnostics,
    ) -> Option<PreparedTheme> {
        let theme = Theme::new(root, &graph.config.theme);
        let mut tera = templates::load(root, &theme, diagnostics)?;
        let base_path = graph.config.base_path();
        let assets = assets::collect(&theme.static_dir(), &base_path, diagnostics);
        tera.register_function("asset", asset_function(assets.urls.clone()));
        Some(PreparedTheme {
            theme,
            tera,
            assets,
            name: graph.config.theme.clone(),
            base_path,
        })
    }

    fn fits(&self, graph: &KnowledgeGraph) -> bool {
        self.name == graph.config.theme && self.base_path == graph.config.base_path()
    }

    fn render_page(&self, root: &Path, page: &pages::PlannedPage) -> Result<Vec<u8>, Diagnostic> {
        self.tera
            .render(&page.template, &page.context)
            .map(String::into_bytes)
            .map_err(|err| {
                let file = self.theme.templates_dir().join(&page.template);
                let file = file.strip_prefix(root).unwrap_or(Path::new(&page.template));
                Code::TemplateRender
                    .error()
                    .arg("template", &page.template)
                    .arg("page", &page.output_path)
                    .arg("reason", templates::chain(&err))
                    .arg("file", file)
            })
    }
}

/// Keeps one diagnostic per broken template (one broken template breaks many pages); `false`
/// when there was any.
fn report_template_errors<'p>(
    errors: impl Iterator<Item = (&'p str, Diagnostic)>,
    diagnostics: &mut Diagnostics,
) -> bool {
    let mut reported = std::collections::HashSet::new();
    for (template, d) in errors {
        if reported.insert(template) {
            diagnostics.push(d);
        }
    }
    reported.is_empty()
}

/// Renders every page of the graph. Template errors become diagnostics; `None` means nothing
/// usable was produced.
pub fn render(
    root: &Path,
    graph: &KnowledgeGraph,
    options: &RenderOptions,
    diagnostics: &mut Diagnostics,
) -> Option<RenderedSite> {
    let theme = PreparedTheme::new(root, graph, diagnostics)?;
    let plan = pages::plan(graph, options);
    let results: Vec<Result<OutputFile, (&str, Diagnostic)>> = plan
        .par_iter()
        .map(|page| {
            theme
                .render_page(root, page)
                .map(|bytes| OutputFile {
                    path: page.output_path.clone(),
                    bytes,
                })
                .map_err(|d| (page.template.as_str(), d))
        })
        .collect();
    let mut files = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(error) => errors.push(error),
        }
    }
    if !report_template_errors(errors.into_iter(), diagnostics) {
        return None;
    }
    let page_count = files.len();
    files.extend(theme.assets.files);
    Some(RenderedSite { files, page_count })
}

/// Where [`render_into`] hands each finished file (path relative to the site, bytes): for `build`,
/// the write stage's staging folder. Called from several threads at once.
pub type Sink<'s> = &'s (dyn Fn(&str, &[u8]) -> anyhow::Result<()> + Sync);

/// What [`render_into`] handed to its sink.
#[derive(Debug, Clone, Default)]
pub struct Streamed {
    /// Every file's path in the order [`render`] lists them: pages, then the theme's static files.
    pub paths: Vec<String>,
    /// Number of HTML pages among `paths`.
    pub page_count: usize,
}

/// One planned page rendered and handed on: its path, or why not.
enum PageOutcome {
    Done(String),
    Template(String, Diagnostic),
}

/// Like [`render`], but each file goes to `sink` as soon as it is rendered and is then dropped,
/// and each record page's context is built inside the parallel loop and dropped after rendering:
/// at 10,000 pages this keeps hundreds of MB of contexts and HTML out of memory. Writes the same
/// files as [`render`] returns. Template errors become diagnostics (`Ok(None)`); `Err` is a
/// failure of the sink.
pub fn render_into(
    root: &Path,
    graph: &KnowledgeGraph,
    options: &RenderOptions,
    diagnostics: &mut Diagnostics,
    sink: Sink,
) -> anyhow::Result<Option<Streamed>> {
    let Some(theme) = PreparedTheme::new(root, graph, diagnostics) else {
        return Ok(None);
    };
    let plan = pages::LazyPlan::new(graph, options);
    let finish = |page: &PlannedPage| -> anyhow::Result<PageOutcome> {
        match theme.render_page(root, page) {
            Ok(bytes) => {
                sink(&page.output_path, &bytes)?;
                Ok(PageOutcome::Done(page.output_path.clone()))
            }
            Err(d) => Ok(PageOutcome::Template(page.template.clone(), d)),
        }
    };
    // Overviews and taxonomy pages are few but large: planned and rendered one at a time, beside
    // the record pages, which are planned and rendered in parallel.
    let one_by_one = |each: &dyn Fn(pages::Emit)| -> anyhow::Result<Vec<PageOutcome>> {
        let mut outcomes = Vec::new();
        let mut failure = None;
        each(&mut |page| {
            if failure.is_none() {
                match finish(&page) {
                    Ok(outcome) => outcomes.push(outcome),
                    Err(err) => failure = Some(err),
                }
            }
        });
        failure.map_or(Ok(outcomes), Err)
    };
    let (overviews, (records, taxonomies)) = rayon::join(
        || one_by_one(&|emit| plan.overviews(emit)),
        || {
            rayon::join(
                || {
                    plan.records()
                        .into_par_iter()
                        .map(|record| finish(&plan.record(record)))
                        .collect::<anyhow::Result<Vec<_>>>()
                },
                || one_by_one(&|emit| plan.taxonomies(emit)),
            )
        },
    );
    let mut outcomes = overviews?;
    outcomes.extend(records?);
    outcomes.extend(taxonomies?);
    let mut paths = Vec::with_capacity(outcomes.len() + theme.assets.files.len());
    let mut errors = Vec::new();
    for outcome in outcomes {
        match outcome {
            PageOutcome::Done(path) => paths.push(path),
            PageOutcome::Template(template, d) => errors.push((template, d)),
        }
    }
    if !report_template_errors(
        errors.iter().map(|(t, d)| (t.as_str(), d.clone())),
        diagnostics,
    ) {
        return Ok(None);
    }
    let page_count = paths.len();
    for file in &theme.assets.files {
        sink(&file.path, &file.bytes)?;
        paths.push(file.path.clone());
    }
    Ok(Some(Streamed { paths, page_count }))
}

/// What [`render_cached`] keeps between renders (`serve`): the compiled theme, and each page's
/// template, context and HTML. Tera output depends on nothing but the templates and the context,
/// so a page whose context is equal to last time's has the same HTML.
#[derive(Default)]
pub struct RenderCache {
    theme: Option<PreparedTheme>,
    pages: std::collections::HashMap<String, CachedPage>,
    /// Output paths in the order of the last plan.
    order: Vec<String>,
}

struct CachedPage {
    template: String,
    context: tera::Context,
    html: Arc<[u8]>,
}

impl RenderCache {
    /// A template or static file changed: compile the theme again and render every page.
    pub fn forget_theme(&mut self) {
        self.theme = None;
        self.pages.clear();
        self.order.clear();
    }
}

/// A site rendered with [`render_cached`]: the same files as [`render`] gives, pages first.
pub struct CachedRender {
    /// Every page by output path; unchanged pages share the buffer of the last render.
    pub pages: Vec<(String, Arc<[u8]>)>,
    /// How many pages were rendered again (the others came from the cache).
    pub rendered: usize,
    pub assets: Vec<OutputFile>,
}

/// Like [`render`], rendering only the pages whose template or context changed since the last
/// call with the same `cache`. With `only`, the caller vouches that no other page's context can
/// have changed: only those pages are planned, the others are taken from the cache. On errors the
/// cache keeps the last good state.
pub fn render_cached(
    root: &Path,
    graph: &KnowledgeGraph,
    options: &RenderOptions,
    diagnostics: &mut Diagnostics,
    cache: &mut RenderCache,
    only: Option<&[crate::graph::PageRef]>,
) -> Option<CachedRender> {
    if !cache.theme.as_ref().is_some_and(|t| t.fits(graph)) {
        cache.forget_theme();
        cache.theme = Some(PreparedTheme::new(root, graph, diagnostics)?);
    }
    let theme = cache.theme.as_ref()?;
    let partial = only.filter(|_| !cache.order.is_empty());
    let plan = match partial {
        Some(records) => pages::plan_records(graph, options, records),
        None => pages::plan(graph, options),
    };
    // Each page's HTML and whether it was rendered now, or the template error.
    type Rendered<'p> = Result<(Arc<[u8]>, bool), (&'p str, Diagnostic)>;
    let results: Vec<Rendered> = plan
        .par_iter()
        .map(|page| match cache.pages.get(&page.output_path) {
            Some(cached) if cached.template == page.template && cached.context == page.context => {
                Ok((cached.html.clone(), false))
            }
            _ => theme
                .render_page(root, page)
                .map(|bytes| (Arc::from(bytes), true))
                .map_err(|d| (page.template.as_str(), d)),
        })
        .collect();
    let mut errors = Vec::new();
    let mut rendered = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(page) => rendered.push(page),
            Err(error) => errors.push(error),
        }
    }
    if !report_template_errors(errors.into_iter(), diagnostics) {
        return None;
    }
    let assets = theme.assets.files.clone();
    let mut fresh = 0;
    let replaced: Vec<(PlannedPage, Arc<[u8]>)> = plan
        .into_iter()
        .zip(rendered)
        .map(|(page, (html, was_rendered))| {
            fresh += usize::from(was_rendered);
            (page, html)
        })
        .collect();
    if partial.is_some() {
        for (page, html) in replaced {
            let known = cache.pages.insert(
                page.output_path.clone(),
                CachedPage {
                    template: page.template,
                    context: page.context,
                    html,
                },
            );
            if known.is_none() {
                cache.order.push(page.output_path);
            }
        }
    } else {
        cache.order = replaced
            .iter()
            .map(|(p, _)| p.output_path.clone())
            .collect();
        cache.pages = replaced
            .into_iter()
            .map(|(page, html)| {
                let cached = CachedPage {
                    template: page.template,
                    context: page.context,
                    html,
                };
                (page.output_path, cached)
            })
            .collect();
    }
    let pages = cache
        .order
        .iter()
        .map(|path| (path.clone(), cache.pages[path].html.clone()))
        .collect();
    Some(CachedRender {
        pages,
        rendered: fresh,
        assets,
    })
}
