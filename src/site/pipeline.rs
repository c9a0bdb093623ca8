//! The orchestration: [`Pipeline::resolve`] (load, resolve), [`Pipeline::render`] (pages and
//! assets into a sink), [`Pipeline::write`] (the pages, then the search index and publish files,
//! into one sink). `build` and `check` call `resolve` and `write`; `serve` calls `resolve` and
//! `render`, and makes the extras itself on another thread so new pages are served first.

use std::path::PathBuf;
use std::sync::Arc;

use super::BuildOptions;
use super::incremental::{Basis, Caches};
use crate::diagnostics::Diagnostics;
use crate::graph::{self, Checked, KnowledgeGraph};
use crate::load;
use crate::output::Sink;
use crate::render::{self, RenderOptions};
use crate::timings::Timings;

/// One site's pipeline, with the caches of a long-running caller ([`Pipeline::cached`]) or
/// without ([`Pipeline::new`]). The result is the same either way; the caches only save work.
pub struct Pipeline {
    options: BuildOptions,
    caches: Option<Caches>,
}

/// A checked graph, ready to render.
pub struct Resolved {
    pub checked: Checked<Arc<KnowledgeGraph>>,
    /// After an edit (cached pipelines): the only pages whose context can have changed.
    pub(super) only: Option<render::Only>,
    pub(super) basis: Basis,
}

/// What [`Pipeline::render`] handed to its sink.
pub struct Pages {
    pub graph: Arc<KnowledgeGraph>,
    pub warnings: Diagnostics,
    /// Every file handed to the sink, in plan order: pages, then the theme's static files.
    pub paths: Vec<String>,
    /// Number of HTML pages among `paths`.
    pub page_count: usize,
    /// Pages planned now (their context made); the others came from the cache.
    pub planned: usize,
    /// Pages rendered now; the others came from the cache.
    pub fresh: usize,
}

/// What [`Pipeline::write`] handed to its sink: the pages, then the extras.
pub struct Built {
    pub pages: Pages,
    /// The search index and publish files, in the order they were written.
    pub extras: Vec<String>,
}

impl Pipeline {
    /// A pipeline that keeps nothing between runs (`build`, `check`).
    pub fn new(options: BuildOptions) -> Pipeline {
        Pipeline {
            options,
            caches: None,
        }
    }

    /// A pipeline that keeps parsed files, the compiled theme, every page's context and HTML and
    /// rendered Markdown bodies between runs, and patches the last graph after an edit of bodies
    /// alone (`serve`).
    pub fn cached(options: BuildOptions) -> Pipeline {
        Pipeline {
            options,
            caches: Some(Caches::default()),
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// A theme file changed without a run (a stylesheet swapped in alone): the next run compiles
    /// the theme again, so pages link the new fingerprints.
    pub fn forget_theme(&mut self) {
        if let Some(caches) = &mut self.caches {
            caches.render.forget_theme();
        }
    }

    /// Loads and resolves the content. `changed` (absolute paths; empty on a first run) tells a
    /// cached pipeline which files to read again; an uncached one reads everything.
    pub fn resolve(
        &mut self,
        changed: &[PathBuf],
        timings: &mut Timings,
    ) -> Result<Resolved, Diagnostics> {
        let options = &self.options;
        match &mut self.caches {
            Some(caches) => caches.resolve(options, changed, timings),
            None => {
                let loaded = load::load(&options.root, &options.content_dir());
                timings.lap("load");
                let checked = resolve_loaded(loaded, options)?;
                timings.lap("resolve");
                Ok(Resolved {
                    checked: checked.shared(),
                    only: None,
                    basis: Basis::default(),
                })
            }
        }
    }

    /// Renders the pages and the theme's static files into `sink`. `Ok(Err(_))` holds every
    /// problem (warnings included) when a template failed; `Err` is a failure of the sink.
    pub fn render(
        &mut self,
        resolved: Resolved,
        sink: &dyn Sink,
        timings: &mut Timings,
    ) -> anyhow::Result<Result<Pages, Diagnostics>> {
        let Resolved {
            checked,
            only,
            basis,
        } = resolved;
        let (graph, mut diagnostics) = checked.clone().into_parts();
        let render_options = RenderOptions {
            drafts: self.options.drafts,
        };
        let cache = self.caches.as_mut().map(|c| &mut c.render);
        let rendered = render::render(
            &self.options.root,
            &graph,
            &render_options,
            cache,
            only.as_ref(),
            sink,
            &mut diagnostics,
        )?;
        timings.lap("render");
        let Some(rendered) = rendered else {
            return Ok(Err(diagnostics));
        };
        if !render::links::check(&graph, &site_files(&graph, &rendered), &mut diagnostics) {
            return Ok(Err(diagnostics));
        }
        timings.lap("check links");
        if let Some(caches) = &mut self.caches {
            caches.remember(checked, basis);
        }
        Ok(Ok(Pages {
            graph,
            warnings: diagnostics,
            paths: rendered.paths,
            page_count: rendered.page_count,
            planned: rendered.planned,
            fresh: rendered.fresh,
        }))
    }

    /// Renders the pages into `sink` while the search index is made beside them (it needs the
    /// graph alone), then the publish files, which name them all; the index and publish files go
    /// into the sink last.
    pub fn write(
        &mut self,
        resolved: Resolved,
        sink: &dyn Sink,
        timings: &mut Timings,
    ) -> anyhow::Result<Result<Built, Diagnostics>> {
        let graph = Arc::clone(&*resolved.checked);
        let (pages, (search, search_ms)) = rayon::join(
            || self.render(resolved, sink, timings),
            || {
                let started = std::time::Instant::now();
                let files = super::extras::search_files(&graph);
                (files, started.elapsed())
            },
        );
        timings.note("search (beside render)", search_ms);
        let pages = match pages? {
            Ok(pages) => pages,
            Err(diagnostics) => return Ok(Err(diagnostics)),
        };
        timings.lap("search wait");
        let drafts = self.options.drafts;
        let files =
            match super::extras::publish_files(&pages.graph, &pages.paths, search, drafts, timings)
            {
                Ok(files) => files,
                Err(problems) => {
                    let mut diagnostics = pages.warnings;
                    diagnostics.extend(problems);
                    return Ok(Err(diagnostics));
                }
            };
        let mut extras = Vec::with_capacity(files.len());
        for file in files {
            sink.write(&file.path, Arc::from(file.bytes))?;
            extras.push(file.path);
        }
        timings.lap("write extras");
        Ok(Ok(Built { pages, extras }))
    }

    /// Every stage into `sink`.
    pub fn run(
        &mut self,
        changed: &[PathBuf],
        sink: &dyn Sink,
        timings: &mut Timings,
    ) -> anyhow::Result<Result<Built, Diagnostics>> {
        match self.resolve(changed, timings) {
            Ok(resolved) => self.write(resolved, sink, timings),
            Err(diagnostics) => Ok(Err(diagnostics)),
        }
    }
}

/// What a body may link to: the pages with their anchors, the theme's files and the files the
/// extras will add.
fn site_files(graph: &KnowledgeGraph, rendered: &render::Rendered) -> render::links::SiteFiles {
    let mut site = render::links::SiteFiles::default();
    for (path, anchors) in &rendered.anchors {
        site.page(path, anchors.clone());
    }
    for path in rendered.paths[rendered.page_count..]
        .iter()
        .chain(&crate::publish::paths(graph))
    {
        site.file(path);
    }
    site
}

/// The resolve stage with the build options applied (`--base-url`, `--drafts`).
pub(super) fn resolve_loaded(
    mut loaded: load::Loaded,
    options: &BuildOptions,
) -> Result<Checked<KnowledgeGraph>, Diagnostics> {
    if let (Some(site), Some(base_url)) = (loaded.config.as_mut(), &options.base_url) {
        site.config.base_url = base_url.clone();
    }
    // Three `git` calls for the whole site, never one per file; without Git, no dates.
    let files = crate::living::content_files(&loaded.records);
    loaded.history = crate::history::History::read(&options.root, &files);
    let options = graph::Options {
        drafts: options.drafts,
    };
    graph::resolve(loaded, options)
}
