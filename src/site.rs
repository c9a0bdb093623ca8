//! The pipeline end to end: load → resolve → render → (index) → write. Commands and `serve` call
//! these functions; none of the stages calls back into an earlier one.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::diagnostics::Diagnostics;
use crate::graph::{self, Checked, KnowledgeGraph};
use crate::i18n::Code;
use crate::render::{self, RenderOptions, RenderedSite};
use crate::{load, output};

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The project folder: holds `content/` and `themes/`.
    pub root: PathBuf,
    /// Include draft articles.
    pub drafts: bool,
    /// Overrides `base_url` of site.yaml (e.g. a deploy preview's address).
    pub base_url: Option<String>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            drafts: false,
            base_url: None,
        }
    }

    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }
}

/// The checked graph with its warnings, or every problem.
pub fn check(options: &BuildOptions) -> Result<Checked<KnowledgeGraph>, Diagnostics> {
    resolve(load::load(&options.root, &options.content_dir()), options)
}

/// The resolve stage with the build options applied (`--base-url`, `--drafts`): shared by `check`
/// and by `serve`'s incremental rebuilds, which load with a cache.
pub fn resolve(
    mut loaded: load::Loaded,
    options: &BuildOptions,
) -> Result<Checked<KnowledgeGraph>, Diagnostics> {
    if let (Some(site), Some(base_url)) = (loaded.config.as_mut(), &options.base_url) {
        site.config.base_url = base_url.clone();
    }
    graph::resolve(
        loaded,
        graph::Options {
            drafts: options.drafts,
        },
    )
}

/// A site rendered in memory, ready to write or serve.
#[derive(Debug)]
pub struct Compiled {
    pub graph: KnowledgeGraph,
    pub site: RenderedSite,
}

/// Runs every stage but the write. `Err` carries the diagnostics when there is an error.
pub fn compile(options: &BuildOptions) -> (Option<Compiled>, Diagnostics) {
    let (graph, mut diagnostics) = match check(options) {
        Ok(checked) => checked.into_parts(),
        Err(diagnostics) => return (None, diagnostics),
    };
    let render_options = RenderOptions {
        drafts: options.drafts,
    };
    let Some(mut site) = render::render(&options.root, &graph, &render_options, &mut diagnostics)
    else {
        return (None, diagnostics);
    };
    // The search index is built from the graph, after render, and shipped with the pages.
    match crate::search::build(&graph) {
        Ok(files) => site.files.extend(files),
        Err(err) => diagnostics.push(Code::SearchIndex.error().arg("reason", format!("{err:#}"))),
    }
    // After search: the headers file names every fingerprinted file, search shards too.
    let publish_options = crate::publish::PublishOptions {
        drafts: options.drafts,
    };
    match crate::publish::build(&graph, &site.files, &publish_options) {
        Ok(files) => site.files.extend(files),
        Err(err) => diagnostics.push(Code::Publish.error().arg("reason", format!("{err:#}"))),
    }
    if diagnostics.has_errors() {
        return (None, diagnostics);
    }
    (Some(Compiled { graph, site }), diagnostics)
}

/// The result of a build.
#[derive(Debug)]
pub struct BuildReport {
    pub diagnostics: Diagnostics,
    /// `None` when content or templates had errors and nothing was written.
    pub written: Option<Written>,
    pub elapsed: Duration,
}

#[derive(Debug, Clone)]
pub struct Written {
    pub pages: usize,
    pub sources: usize,
    pub findings: usize,
    pub bytes: u64,
}

/// Builds the site into `output`. Content errors come back in the report (nothing is written);
/// `Err` is for I/O problems and refused output folders.
///
/// The stages of [`compile`] in the same order, but pages stream into the output's staging folder
/// as they are rendered ([`render::render_into`]), so the whole site is never in memory at once.
/// `KENNISBANK_TIMINGS=1` prints each stage's time to stderr.
pub fn build(options: &BuildOptions, output_dir: &Path) -> Result<BuildReport> {
    let started = Instant::now();
    let mut timings = crate::timings::Timings::start();
    output::check_output_dir(&options.root, output_dir)?;
    let failed = |diagnostics| {
        Ok(BuildReport {
            diagnostics,
            written: None,
            elapsed: started.elapsed(),
        })
    };
    let checked = check(options);
    timings.lap("load+resolve");
    let (graph, mut diagnostics) = match checked {
        Ok(checked) => checked.into_parts(),
        Err(diagnostics) => return failed(diagnostics),
    };
    // Dropped without `finish` (any error below), the staging folder goes and the output stays.
    let staging = output::Staging::create(output_dir)?;
    let render_options = RenderOptions {
        drafts: options.drafts,
    };
    let sink = |path: &str, bytes: &[u8]| staging.write(path, bytes);
    let Some(streamed) = render::render_into(
        &options.root,
        &graph,
        &render_options,
        &mut diagnostics,
        &sink,
    )?
    else {
        return failed(diagnostics);
    };
    timings.lap("render+write");
    let mut paths = streamed.paths;
    match crate::search::build(&graph) {
        Ok(files) => {
            for file in files {
                staging.write(&file.path, &file.bytes)?;
                paths.push(file.path);
            }
        }
        Err(err) => diagnostics.push(Code::SearchIndex.error().arg("reason", format!("{err:#}"))),
    }
    timings.lap("search");
    // Publish reads only the paths of the files so far (for the sitemap and the headers file).
    let listed: Vec<render::OutputFile> = paths
        .into_iter()
        .map(|path| render::OutputFile {
            path,
            bytes: Vec::new(),
        })
        .collect();
    let publish_options = crate::publish::PublishOptions {
        drafts: options.drafts,
    };
    match crate::publish::build(&graph, &listed, &publish_options) {
        Ok(files) => {
            for file in files {
                staging.write(&file.path, &file.bytes)?;
            }
        }
        Err(err) => diagnostics.push(Code::Publish.error().arg("reason", format!("{err:#}"))),
    }
    if diagnostics.has_errors() {
        return failed(diagnostics);
    }
    let bytes = staging.finish()?;
    timings.lap("publish+swap");
    timings.print("build");
    Ok(BuildReport {
        diagnostics,
        written: Some(Written {
            pages: streamed.page_count,
            sources: graph.records.sources.len(),
            findings: graph.finding_count(),
            bytes,
        }),
        elapsed: started.elapsed(),
    })
}
