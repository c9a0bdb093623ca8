//! The pipeline as `serve` runs it after an edit: the stages of [`crate::site::compile`] in the
//! same order, each reusing what it kept from the last rebuild — parsed files
//! ([`crate::load::LoadCache`]), the compiled theme and every page's context and HTML
//! ([`crate::render::RenderCache`]), rendered Markdown bodies ([`crate::render::markdown::memo`]).
//! The search index and the publish extras (sitemap, feed, open data) are made apart from the
//! pages ([`extras`]), so `serve` can show the new pages before the index is ready.
//!
//! `KENNISBANK_TIMINGS=1 kennisbank serve` logs each stage's time to stderr.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::graph::{self, KnowledgeGraph};
use crate::load::LoadCache;
use crate::render::{self, OutputFile, RenderCache, RenderOptions};
use crate::site::BuildOptions;

/// Stage timings, printed with `KENNISBANK_TIMINGS` set.
pub struct Timings {
    enabled: bool,
    last: Instant,
    parts: Vec<(&'static str, u128)>,
}

impl Timings {
    pub fn start() -> Timings {
        Timings {
            enabled: std::env::var_os("KENNISBANK_TIMINGS").is_some(),
            last: Instant::now(),
            parts: Vec::new(),
        }
    }

    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.parts
            .push((stage, now.duration_since(self.last).as_millis()));
        self.last = now;
    }

    pub fn print(&self, what: &str) {
        if self.enabled {
            let parts: Vec<String> = self
                .parts
                .iter()
                .map(|(stage, ms)| format!("{stage} {ms} ms"))
                .collect();
            eprintln!("timings ({what}): {}", parts.join(", "));
        }
    }
}

/// The pages and theme files of one rebuild, without the search index and publish extras.
pub struct Pages {
    pub graph: Arc<KnowledgeGraph>,
    /// Every page by output path; unchanged pages share the buffer of the last rebuild.
    pub pages: Vec<(String, Arc<[u8]>)>,
    pub assets: Vec<OutputFile>,
    /// How many pages were rendered again.
    pub rendered: usize,
}

/// What the serve pipeline keeps between rebuilds.
#[derive(Default)]
pub struct Incremental {
    load: LoadCache,
    render: RenderCache,
    primed: bool,
}

impl Incremental {
    /// A theme file changed without a rebuild (a stylesheet swapped in alone): the next rebuild
    /// compiles the theme again, so pages link the new fingerprints.
    pub fn theme_changed(&mut self) {
        self.render.forget_theme();
    }

    /// Loads, resolves and renders after `changed` (absolute paths; empty on the first build, when
    /// every file is read).
    pub fn pages(
        &mut self,
        options: &BuildOptions,
        changed: &[PathBuf],
        timings: &mut Timings,
    ) -> (Option<Pages>, Diagnostics) {
        if !self.primed {
            render::markdown::memo::enable();
        }
        let themes = options.root.join("themes");
        if changed.iter().any(|p| p.starts_with(&themes)) {
            self.render.forget_theme();
        }
        // The first build knows of no changes: it reads everything.
        let changed: HashSet<PathBuf> = changed.iter().cloned().collect();
        let changed = self.primed.then_some(&changed);
        let mut loaded = crate::load::load_cached(
            &options.root,
            &options.content_dir(),
            &mut self.load,
            changed,
        );
        self.primed = true;
        timings.lap("load");
        if let (Some(config), Some(base_url)) = (loaded.config.as_mut(), &options.base_url) {
            config.base_url = base_url.clone();
        }
        let mut diagnostics = Diagnostics::new();
        let graph = graph::resolve(
            loaded,
            graph::Options {
                drafts: options.drafts,
            },
            &mut diagnostics,
        );
        timings.lap("resolve");
        let Some(graph) = graph else {
            return (None, diagnostics);
        };
        if diagnostics.has_errors() {
            return (None, diagnostics);
        }
        let render_options = RenderOptions {
            drafts: options.drafts,
        };
        let rendered = render::render_cached(
            &options.root,
            &graph,
            &render_options,
            &mut diagnostics,
            &mut self.render,
        );
        render::markdown::memo::forget_unused();
        timings.lap("render");
        let Some(rendered) = rendered else {
            return (None, diagnostics);
        };
        let pages = Pages {
            graph: Arc::new(graph),
            pages: rendered.pages,
            assets: rendered.assets,
            rendered: rendered.rendered,
        };
        (Some(pages), diagnostics)
    }
}

/// The search index and the publish extras of a site whose pages and assets are at `paths`, as
/// [`crate::site::compile`] makes them: search first, because the headers file names its shards.
pub fn extras(
    graph: &KnowledgeGraph,
    paths: impl Iterator<Item = String>,
    drafts: bool,
    timings: &mut Timings,
) -> (Vec<OutputFile>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let mut files = match crate::search::build(graph) {
        Ok(files) => files,
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                "search-index",
                format!("cannot build the search index: {err:#}"),
            ));
            Vec::new()
        }
    };
    timings.lap("search");
    // Publish reads only the paths of the files so far (for the sitemap and the headers file).
    let listed: Vec<OutputFile> = paths
        .chain(files.iter().map(|f| f.path.clone()))
        .map(|path| OutputFile {
            path,
            bytes: Vec::new(),
        })
        .collect();
    let publish_options = crate::publish::PublishOptions { drafts };
    match crate::publish::build(graph, &listed, &publish_options) {
        Ok(published) => files.extend(published),
        Err(err) => diagnostics.push(Diagnostic::error(
            "publish",
            format!("cannot write the sitemap, feed or open data: {err:#}"),
        )),
    }
    timings.lap("publish");
    (files, diagnostics)
}
