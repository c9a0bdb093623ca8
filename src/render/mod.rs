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
use crate::graph::diff::Changed;
use crate::graph::{KnowledgeGraph, PageRef};
use crate::model::Reads;
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
    /// How many pages were planned now (their context made); the others came from the cache.
    pub planned: usize,
    /// How many pages were rendered now; the others came from the cache.
    pub fresh: usize,
    /// Every page by output path, with the anchors (`id`s) of its HTML, for [`links::check`].
    pub anchors: Vec<(String, links::Anchors)>,
}

/// What [`render`] keeps between renders when given one (`serve`): the compiled theme, and each
/// page's template, context digest, HTML and the records its context was made from. Tera output
/// depends on nothing but the templates and the context, so a page whose context is equal to
/// last time's has the same HTML; and a context is made from the graph alone, so a page none of
/// whose records changed has the same context ([`RenderCache::affected`]).
#[derive(Default)]
pub struct RenderCache {
    theme: Option<PreparedTheme>,
    pages: PageCache,
}

/// Which pages [`render`] plans again; the others come from its cache as they were.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Only {
    /// Record pages.
    pub records: Vec<PageRef>,
    /// Parts of the other pages ([`pages::Plan::part`]), each planned whole.
    pub parts: Vec<usize>,
}

/// A part of the plan ([`pages::Plan::part`]), or the record pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Part(usize),
    Records,
}

impl Group {
    /// Where the group's pages are in plan order.
    fn slot(self) -> usize {
        match self {
            Group::Part(p) if p <= pages::RECORDS_AFTER => p,
            Group::Part(p) => p + 1,
            Group::Records => pages::RECORDS_AFTER + 1,
        }
    }

    /// Every group, in plan order.
    fn all() -> impl Iterator<Item = Group> {
        (0..=pages::RECORDS_AFTER)
            .map(Group::Part)
            .chain([Group::Records])
            .chain((pages::RECORDS_AFTER + 1..pages::PARTS).map(Group::Part))
    }
}

#[derive(Default)]
struct PageCache {
    pages: HashMap<String, CachedPage>,
    /// Output paths of each [`Group`] by [`Group::slot`], in plan order.
    order: Vec<Vec<String>>,
}

impl PageCache {
    fn order(&self, group: Group) -> &[String] {
        self.order.get(group.slot()).map_or(&[], Vec::as_slice)
    }
}

/// What a page keeps: no context (at 10,000 pages the contexts were most of `serve`'s memory),
/// only its digest.
struct Kept {
    template: String,
    hash: [u8; 32],
    html: Arc<[u8]>,
    /// The record of a record page.
    record: Option<PageRef>,
    /// What the context was made from; one for all pages of a group.
    reads: Arc<Reads>,
}

struct CachedPage {
    kept: Kept,
    anchors: links::Anchors,
}

impl RenderCache {
    /// A template or static file changed: compile the theme again and render every page.
    pub fn forget_theme(&mut self) {
        self.theme = None;
        self.pages = PageCache::default();
    }

    /// The pages to plan again after `changed` (ids of a graph with the same records in the same
    /// order as the last render's): those that read a changed record. `None` before a first
    /// render.
    pub fn affected(&self, changed: &Changed) -> Option<Only> {
        let cache = &self.pages;
        if cache.order(Group::Records).is_empty() {
            return None;
        }
        let positions = changed.positions();
        let known = crate::graph::diff::record_types();
        let touched = |path: &String| {
            let reads = &cache.pages[path].kept.reads;
            reads.types().any(|t| !known.contains(&t))
                || positions.iter().any(|(of, at)| reads.touches(*of, at))
        };
        // The pages of a part share one record of reads: asking one page is asking them all.
        let part = |p: usize| {
            let order = cache.order(Group::Part(p));
            order.first().is_none_or(touched) || (p == pages::PARTS - 1 && changed.taxonomies)
        };
        Some(Only {
            records: (cache.order(Group::Records).iter())
                .filter(|path| touched(path))
                .filter_map(|path| cache.pages[path].kept.record)
                .collect(),
            parts: (0..pages::PARTS).filter(|&p| part(p)).collect(),
        })
    }
}

impl PageCache {
    fn html(&self, page: &PlannedPage) -> Option<(Arc<[u8]>, links::Anchors)> {
        self.pages
            .get(&page.output_path)
            .filter(|c| c.kept.template == page.template && Some(c.kept.hash) == page.hash)
            .map(|c| (c.kept.html.clone(), c.anchors.clone()))
    }
}

/// One planned page, rendered and handed to the sink, or why not.
enum Outcome {
    Done {
        path: String,
        group: Group,
        /// What the cache keeps of the page, when there is a cache.
        kept: Option<Kept>,
        anchors: links::Anchors,
        fresh: bool,
    },
    Template(template_errors::Located),
}

/// `f`'s result and, when `on`, the records it read.
fn recorded<R>(on: bool, f: impl FnOnce() -> R) -> (R, Reads) {
    if on {
        crate::model::id::recording(f)
    } else {
        (f(), Reads::default())
    }
}

/// Renders the pages of the graph and hands each, then the theme's static files, to `sink`.
/// Record pages are planned and rendered in parallel, each context dropped once its page is
/// written (at 10,000 pages this keeps hundreds of MB out of memory); overviews and taxonomy
/// pages, few but large, one at a time beside them.
///
/// With a `cache`, a page whose template and context are unchanged is not rendered again, and
/// with `only` as well the caller vouches that no page but those can have changed: only they are
/// planned, the others come from the cache. On errors the cache keeps the last good state.
/// Template errors become diagnostics (`Ok(None)`); `Err` is a failure of the sink.
pub fn render(
    root: &Path,
    graph: &KnowledgeGraph,
    options: &RenderOptions,
    cache: Option<&mut RenderCache>,
    only: Option<&Only>,
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
    let only = only.filter(|_| !cached.order(Group::Records).is_empty());
    let mut plan = pages::Plan::new(graph, options);
    if keep {
        plan = plan.hashing();
    }
    let finish = |page: PlannedPage, group: Group, record: Option<PageRef>, reads: Arc<Reads>| {
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
        let PlannedPage {
            output_path,
            template,
            hash,
            ..
        } = page;
        let kept = hash.map(|hash| Kept {
            template,
            hash,
            html,
            record,
            reads,
        });
        anyhow::Ok(Outcome::Done {
            path: output_path,
            group,
            kept,
            anchors,
            fresh,
        })
    };
    // A group's pages are planned one after the other from what the group read as a whole.
    let one_by_one = |group: Group, each: &dyn Fn(pages::Emit)| -> anyhow::Result<Vec<Outcome>> {
        let mut outcomes = Vec::new();
        let mut failure = None;
        let unknown = Arc::new(Reads::default());
        let ((), reads) = recorded(keep, || {
            each(&mut |page| {
                if failure.is_none() {
                    match finish(page, group, None, unknown.clone()) {
                        Ok(outcome) => outcomes.push(outcome),
                        Err(err) => failure = Some(err),
                    }
                }
            })
        });
        let reads = Arc::new(reads);
        for outcome in &mut outcomes {
            if let Outcome::Done {
                kept: Some(kept), ..
            } = outcome
            {
                kept.reads = reads.clone();
            }
        }
        failure.map_or(Ok(outcomes), Err)
    };
    let records = |pages: Vec<PageRef>| {
        pages
            .into_par_iter()
            .map(|record| {
                let (page, reads) = recorded(keep, || plan.record(record));
                finish(page, Group::Records, Some(record), Arc::new(reads))
            })
            .collect::<anyhow::Result<Vec<_>>>()
    };
    let parts: Vec<usize> = match only {
        Some(only) => only.parts.clone(),
        None => (0..pages::PARTS).collect(),
    };
    // The parts one at a time (a few are large), beside the record pages.
    let (part_pages, record_pages) = rayon::join(
        || -> anyhow::Result<Vec<Outcome>> {
            let mut outcomes = Vec::new();
            for &part in &parts {
                outcomes.extend(one_by_one(Group::Part(part), &|emit| {
                    plan.part(part, emit)
                })?);
            }
            Ok(outcomes)
        },
        || match only {
            Some(only) => records(only.records.clone()),
            None => records(plan.records()),
        },
    );
    let mut outcomes = part_pages?;
    outcomes.extend(record_pages?);
    let mut done = Vec::with_capacity(outcomes.len());
    let mut errors = Vec::new();
    let mut fresh = 0;
    for outcome in outcomes {
        match outcome {
            Outcome::Done {
                path,
                group,
                kept,
                anchors,
                fresh: is_fresh,
            } => {
                fresh += usize::from(is_fresh);
                done.push((path, group, kept, anchors));
            }
            Outcome::Template(located) => errors.push(located),
        }
    }
    if !report_template_errors(errors.into_iter(), diagnostics) {
        return Ok(None);
    }
    let counts = (done.len(), fresh);
    let mut anchors: Vec<(String, links::Anchors)> = Vec::with_capacity(done.len());
    if !keep {
        let mut paths = Vec::with_capacity(done.len());
        for (path, _, _, page_anchors) in done {
            anchors.push((path.clone(), page_anchors));
            paths.push(path);
        }
        return Ok(Some(finish_assets(theme, sink, paths, counts, anchors)?));
    }
    // The groups planned now get their new order; their pages not planned again are gone.
    let mut planned = std::collections::HashSet::new();
    // By slot, as `Group::all` lists them.
    let replanned: Vec<bool> = Group::all()
        .map(|g| match g {
            Group::Part(p) => parts.contains(&p),
            Group::Records => only.is_none(),
        })
        .collect();
    let mut orders: Vec<Vec<String>> = vec![Vec::new(); replanned.len()];
    cached.order.resize(replanned.len(), Vec::new());
    for (path, group, kept, page_anchors) in done {
        planned.insert(path.clone());
        orders[group.slot()].push(path.clone());
        anchors.push((path.clone(), page_anchors.clone()));
        if let Some(kept) = kept {
            let entry = CachedPage {
                kept,
                anchors: page_anchors,
            };
            cached.pages.insert(path, entry);
        }
    }
    for (group, order) in orders.into_iter().enumerate() {
        if replanned[group] {
            let kept: std::collections::HashSet<&String> = order.iter().collect();
            for gone in cached.order[group].iter().filter(|p| !kept.contains(p)) {
                cached.pages.remove(gone);
            }
            cached.order[group] = order;
        }
    }
    // The pages not planned are handed on as the cache has them.
    let paths: Vec<String> = cached.order.concat();
    for path in paths.iter().filter(|p| !planned.contains(*p)) {
        let page = &cached.pages[path];
        sink.write(path, page.kept.html.clone())?;
        anchors.push((path.clone(), page.anchors.clone()));
    }
    Ok(Some(finish_assets(theme, sink, paths, counts, anchors)?))
}

/// Hands the theme's static files to `sink` after the pages.
fn finish_assets(
    theme: &PreparedTheme,
    sink: &dyn Sink,
    mut paths: Vec<String>,
    (planned, fresh): (usize, usize),
    anchors: Vec<(String, links::Anchors)>,
) -> anyhow::Result<Rendered> {
    let page_count = paths.len();
    for file in &theme.assets.files {
        sink.write(&file.path, Arc::from(file.bytes.as_slice()))?;
        paths.push(file.path.clone());
    }
    Ok(Rendered {
        paths,
        page_count,
        planned,
        fresh,
        anchors,
    })
}
