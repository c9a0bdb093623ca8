//! The pipeline as `serve` runs it after an edit: the stages of [`crate::site::compile`] in the
//! same order, each reusing what it kept from the last rebuild — parsed files
//! ([`crate::load::LoadCache`]), the compiled theme and every page's context and HTML
//! ([`crate::render::RenderCache`]); Markdown bodies are read once, with their files.
//! The search index and the publish extras (sitemap, feed, open data) are made apart from the
//! pages ([`extras`]), so `serve` can show the new pages before the index is ready.
//!
//! `KENNISBANK_TIMINGS=1 kennisbank serve` logs each stage's time to stderr.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::Diagnostics;
use crate::graph::{KnowledgeGraph, PageRef, is_overview_key};
use crate::i18n::Code;
use crate::load::LoadCache;
use crate::model::{Origin, Records};
use crate::render::{self, OutputFile, RenderCache, RenderOptions};
use crate::site::BuildOptions;
use crate::timings::Timings;

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
    last: Option<Last>,
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
        let themes = options.root.join("themes");
        if changed.iter().any(|p| p.starts_with(&themes)) {
            self.render.forget_theme();
        }
        // The first build knows of no changes: it reads everything.
        let changed: HashSet<PathBuf> = changed.iter().cloned().collect();
        let changed = self.primed.then_some(&changed);
        let loaded = crate::load::load_cached(
            &options.root,
            &options.content_dir(),
            &mut self.load,
            changed,
        );
        self.primed = true;
        timings.lap("load");
        let last = self.last.take();
        let load_problems = loaded.diagnostics.iter().count();
        let config_text = loaded.config.as_ref().map(|c| c.file.text.clone());
        // The common edit, a body that links to the same pages as before, changes the graph in
        // that body alone and no page but its own: patch the last graph, plan that page only.
        let edits = match (&last, changed) {
            (Some(last), Some(changed))
                if last.load_problems == load_problems && last.config_text == config_text =>
            {
                body_edits(&options.root, &last.graph, &loaded.records, changed)
            }
            _ => None,
        };
        if let (Some(last), Some(edits)) = (last, edits) {
            let mut graph = Arc::unwrap_or_clone(last.graph);
            let records: Vec<PageRef> = edits.iter().map(|(page, _)| *page).collect();
            for (page, origin) in edits {
                *graph.records.origin_mut(page) = origin;
            }
            timings.lap("patch graph");
            return self.render(
                options,
                graph,
                last.diagnostics,
                load_problems,
                config_text,
                Some(&records),
                timings,
            );
        }
        let checked = crate::site::resolve(loaded, options);
        timings.lap("resolve");
        let (graph, diagnostics) = match checked {
            Ok(checked) => checked.into_parts(),
            Err(diagnostics) => return (None, diagnostics),
        };
        self.render(
            options,
            graph,
            diagnostics,
            load_problems,
            config_text,
            None,
            timings,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn render(
        &mut self,
        options: &BuildOptions,
        graph: KnowledgeGraph,
        mut diagnostics: Diagnostics,
        load_problems: usize,
        config_text: Option<Arc<str>>,
        only: Option<&[PageRef]>,
        timings: &mut Timings,
    ) -> (Option<Pages>, Diagnostics) {
        let render_options = RenderOptions {
            drafts: options.drafts,
        };
        let rendered = render::render_cached(
            &options.root,
            &graph,
            &render_options,
            &mut diagnostics,
            &mut self.render,
            only,
        );
        timings.lap("render");
        let Some(rendered) = rendered else {
            return (None, diagnostics);
        };
        let graph = Arc::new(graph);
        self.last = Some(Last {
            graph: graph.clone(),
            diagnostics: diagnostics.clone(),
            load_problems,
            config_text,
        });
        let pages = Pages {
            graph,
            pages: rendered.pages,
            assets: rendered.assets,
            rendered: rendered.rendered,
        };
        (Some(pages), diagnostics)
    }
}

/// The last good rebuild, for the next one to patch.
struct Last {
    graph: Arc<KnowledgeGraph>,
    /// Its diagnostics (warnings), which a body-only edit does not change in number.
    diagnostics: Diagnostics,
    /// How many problems loading found, and the config it read: a body-only edit keeps both.
    load_problems: usize,
    config_text: Option<Arc<str>>,
}

/// For each changed file, its page and new origin, when every change is a Markdown file the graph
/// had whose front matter is unchanged and whose body references the same pages in the same
/// order (so links, backlinks and every other page stay as they were). `None` otherwise.
fn body_edits(
    root: &Path,
    graph: &KnowledgeGraph,
    records: &Records,
    changed: &HashSet<PathBuf>,
) -> Option<Vec<(PageRef, Origin)>> {
    let mut edits = Vec::new();
    for path in changed {
        if path.extension().is_none_or(|e| e != "md") {
            return None;
        }
        let relative = path.strip_prefix(root).ok()?;
        let (page, old) = graph
            .records
            .iter()
            .find(|(_, r)| r.origin().file.path == relative)?;
        let (old, new) = (
            old.origin(),
            records
                .iter()
                .map(|(_, r)| r.origin())
                .find(|o| o.file.path == relative)?,
        );
        let front_matter = |m: &Origin| m.file.text.get(..m.body_offset).map(str::to_owned);
        let is_intro = matches!(page, PageRef::Page(i) if is_overview_key(&graph[i].key));
        if is_intro || front_matter(old) != front_matter(new) || referenced(old) != referenced(new)
        {
            return None;
        }
        edits.push((page, new.clone()));
    }
    Some(edits)
}

/// What a body's references point at, in order (their labels and places may change freely).
fn referenced(origin: &Origin) -> Vec<(&str, &str)> {
    origin
        .markdown
        .references()
        .iter()
        .map(|r| (r.kind_word.as_str(), r.key.as_str()))
        .collect()
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
            diagnostics.push(Code::SearchIndex.error().arg("reason", format!("{err:#}")));
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
        Err(err) => diagnostics.push(Code::Publish.error().arg("reason", format!("{err:#}"))),
    }
    timings.lap("publish");
    (files, diagnostics)
}
