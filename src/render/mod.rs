//! Stage 3, **render**: the knowledge graph to HTML files, with the theme's tera templates, each
//! handed to the write stage's [`Sink`] as soon as it is rendered.
//!
//! [`render`] is the one entry point, with or without a [`RenderCache`] (`serve` keeps one).
//! `pages` decides which pages exist and what each template sees ([`pages::Plan`]); `view` shapes
//! graph records for templates; `templates` loads the theme; `assets` fingerprints its static
//! files. Bodies come read from `crate::markdown`; a page finishes them with the graph's URLs and
//! titles.

pub mod assets;
pub mod evidence;
pub mod gap_map;
pub mod links;
pub mod pages;
pub mod template_errors;
pub mod templates;
pub mod view;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::Diagnostics;
use crate::graph::{KnowledgeGraph, PageRef};
use crate::output::Sink;
pub use pages::PlannedPage;
pub use templates::Theme;

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
    tera: tera::Tera,
    sources: template_errors::Sources,
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
        let (mut tera, sources) = templates::load(root, &theme, diagnostics)?;
        let base_path = graph.config.base_path();
        let assets = assets::collect(&theme.static_dir(), &base_path, diagnostics);
        tera.register_function("asset", asset_function(assets.urls.clone()));
        Some(PreparedTheme {
            tera,
            sources,
            assets,
            name: graph.config.theme.clone(),
            base_path,
        })
    }

    fn fits(&self, graph: &KnowledgeGraph) -> bool {
        self.name == graph.config.theme && self.base_path == graph.config.base_path()
    }

    /// The page's HTML, or its template error placed in the file that holds the mistake.
    fn render_page(&self, page: &pages::PlannedPage) -> Result<Vec<u8>, template_errors::Located> {
        self.tera
            .render(&page.template, &page.context)
            .map(String::into_bytes)
            .map_err(|err| {
                template_errors::locate(
                    &self.tera,
                    &self.sources,
                    &page.template,
                    page.output_path.trim_end_matches("index.html"),
                    &page.context,
                    &err,
                )
            })
    }
}

/// Keeps one diagnostic per template file and mistake (a mistake in `base.html` breaks every
/// page); `false` when there was any.
fn report_template_errors(
    errors: impl Iterator<Item = template_errors::Located>,
    diagnostics: &mut Diagnostics,
) -> bool {
    let mut reported = std::collections::HashSet::new();
    for located in errors {
        if reported.insert(located.key) {
            diagnostics.push(located.diagnostic);
        }
    }
    reported.is_empty()
}

/// What [`render`] handed to its sink.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Every file's path in plan order: the overviews, the record pages, the theme and sector
    /// pages, then the theme's static files.
    pub paths: Vec<String>,
    /// Number of HTML pages among `paths`.
    pub page_count: usize,
    /// How many pages were rendered now; the others came from the cache.
    pub fresh: usize,
    /// Every page by output path, with the anchors (`id`s) of its HTML, for [`links::check`].
    pub anchors: Vec<(String, links::Anchors)>,
}

/// What [`render`] keeps between renders when given one (`serve`): the compiled theme, and each
/// page's template, context and HTML. Tera output depends on nothing but the templates and the
/// context, so a page whose context is equal to last time's has the same HTML.
#[derive(Default)]
pub struct RenderCache {
    theme: Option<PreparedTheme>,
    pages: PageCache,
}

#[derive(Default)]
struct PageCache {
    pages: HashMap<String, CachedPage>,
    /// Output paths in the order of the last full plan.
    order: Vec<String>,
}

struct CachedPage {
    template: String,
    context: tera::Context,
    html: Arc<[u8]>,
    anchors: links::Anchors,
}

impl RenderCache {
    /// A template or static file changed: compile the theme again and render every page.
    pub fn forget_theme(&mut self) {
        self.theme = None;
        self.pages = PageCache::default();
    }
}

impl PageCache {
    fn html(&self, page: &PlannedPage) -> Option<(Arc<[u8]>, links::Anchors)> {
        self.pages
            .get(&page.output_path)
            .filter(|c| c.template == page.template && c.context == page.context)
            .map(|c| (c.html.clone(), c.anchors.clone()))
    }
}

/// One planned page, rendered and handed to the sink, or why not.
enum Outcome {
    Done {
        path: String,
        /// The page and its HTML, kept for the cache when there is one.
        kept: Option<(PlannedPage, Arc<[u8]>)>,
        anchors: links::Anchors,
        fresh: bool,
    },
    Template(template_errors::Located),
}

/// Renders the pages of the graph and hands each, then the theme's static files, to `sink`.
/// Record pages are planned and rendered in parallel, each context dropped once its page is
/// written (at 10,000 pages this keeps hundreds of MB out of memory); overviews and taxonomy
/// pages, few but large, one at a time beside them.
///
/// With a `cache`, a page whose template and context are unchanged is not rendered again, and
/// with `only` as well the caller vouches that no page but those records can have changed: only
/// they are planned, the others come from the cache. On errors the cache keeps the last good
/// state. Template errors become diagnostics (`Ok(None)`); `Err` is a failure of the sink.
pub fn render(
    root: &Path,
    graph: &KnowledgeGraph,
    options: &RenderOptions,
    cache: Option<&mut RenderCache>,
    only: Option<&[PageRef]>,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> anyhow::Result<Option<Rendered>> {
    let mut own = RenderCache::default();
    let keep = cache.is_some();
    let cache = cache.unwrap_or(&mut own);
    if !cache.theme.as_ref().is_some_and(|t| t.fits(graph)) {
        cache.forget_theme();
        cache.theme = PreparedTheme::new(root, graph, diagnostics);
    }
    let RenderCache {
        theme,
        pages: cached,
    } = cache;
    let Some(theme) = theme.as_ref() else {
        return Ok(None);
    };
    let only = only.filter(|_| !cached.order.is_empty());
    let plan = pages::Plan::new(graph, options);
    let finish = |page: PlannedPage| -> anyhow::Result<Outcome> {
        let (html, anchors, fresh) = match cached.html(&page) {
            Some((html, anchors)) => (html, anchors, false),
            None => match theme.render_page(&page) {
                Ok(bytes) => {
                    let anchors = links::anchors(&bytes);
                    (Arc::from(bytes), anchors, true)
                }
                Err(located) => return Ok(Outcome::Template(located)),
            },
        };
        sink.write(&page.output_path, html.clone())?;
        Ok(Outcome::Done {
            path: page.output_path.clone(),
            kept: keep.then_some((page, html)),
            anchors,
            fresh,
        })
    };
    let one_by_one = |each: &dyn Fn(pages::Emit)| -> anyhow::Result<Vec<Outcome>> {
        let mut outcomes = Vec::new();
        let mut failure = None;
        each(&mut |page| {
            if failure.is_none() {
                match finish(page) {
                    Ok(outcome) => outcomes.push(outcome),
                    Err(err) => failure = Some(err),
                }
            }
        });
        failure.map_or(Ok(outcomes), Err)
    };
    let records = |pages: Vec<PageRef>| {
        pages
            .into_par_iter()
            .map(|record| finish(plan.record(record)))
            .collect::<anyhow::Result<Vec<_>>>()
    };
    let outcomes = match only {
        Some(only) => records(only.to_vec())?,
        None => {
            let (overviews, (records, taxonomies)) = rayon::join(
                || one_by_one(&|emit| plan.overviews(emit)),
                || {
                    rayon::join(
                        || records(plan.records()),
                        || one_by_one(&|emit| plan.taxonomies(emit)),
                    )
                },
            );
            let mut outcomes = overviews?;
            outcomes.extend(records?);
            outcomes.extend(taxonomies?);
            outcomes
        }
    };
    let mut done = Vec::with_capacity(outcomes.len());
    let mut anchors = Vec::with_capacity(outcomes.len());
    let mut errors = Vec::new();
    let mut fresh = 0;
    for outcome in outcomes {
        match outcome {
            Outcome::Done {
                path,
                kept,
                anchors: page_anchors,
                fresh: is_fresh,
            } => {
                fresh += usize::from(is_fresh);
                anchors.push((path.clone(), page_anchors));
                done.push((path, kept));
            }
            Outcome::Template(located) => errors.push(located),
        }
    }
    if !report_template_errors(errors.into_iter(), diagnostics) {
        return Ok(None);
    }
    let mut paths: Vec<String> = match only {
        Some(_) => {
            let planned: std::collections::HashSet<String> =
                done.iter().map(|(path, _)| path.clone()).collect();
            for ((path, kept), (_, page_anchors)) in done.into_iter().zip(&anchors) {
                let Some((page, html)) = kept else { continue };
                let entry = CachedPage {
                    template: page.template,
                    context: page.context,
                    html,
                    anchors: page_anchors.clone(),
                };
                if cached.pages.insert(path.clone(), entry).is_none() {
                    cached.order.push(path);
                }
            }
            // The pages not planned are handed on as the cache has them.
            for path in cached.order.iter().filter(|p| !planned.contains(*p)) {
                let page = &cached.pages[path];
                sink.write(path, page.html.clone())?;
                anchors.push((path.clone(), page.anchors.clone()));
            }
            cached.order.clone()
        }
        None => {
            let order: Vec<String> = done.iter().map(|(path, _)| path.clone()).collect();
            if keep {
                cached.pages = done
                    .into_iter()
                    .zip(&anchors)
                    .filter_map(|((path, kept), (_, page_anchors))| {
                        kept.map(|(page, html)| {
                            let entry = CachedPage {
                                template: page.template,
                                context: page.context,
                                html,
                                anchors: page_anchors.clone(),
                            };
                            (path, entry)
                        })
                    })
                    .collect();
                cached.order = order.clone();
            }
            order
        }
    };
    let page_count = paths.len();
    for file in &theme.assets.files {
        sink.write(&file.path, Arc::from(file.bytes.as_slice()))?;
        paths.push(file.path.clone());
    }
    Ok(Some(Rendered {
        paths,
        page_count,
        fresh,
        anchors,
    }))
}
