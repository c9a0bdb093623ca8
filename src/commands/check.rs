//! `kennisbank check`: the whole build into a sink that keeps nothing, every problem reported;
//! with `--external`, the external links asked of their servers as well.

use std::process::ExitCode;

use kennisbank::i18n::{Lang, Msg};
use kennisbank::linkcheck;
use kennisbank::output::Discard;
use kennisbank::site::Pipeline;
use kennisbank::timings::Timings;

use super::CheckArgs;
use super::report::{self, Format};

pub fn run(args: &CheckArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut pipeline = Pipeline::new(args.site.options());
    let mut timings = Timings::start();
    let mut external = None;
    // The whole build, templates, search index and publish files included, into a sink that
    // keeps nothing: the whole site is never held in memory, and nothing is written.
    let diagnostics = match pipeline.run(&[], &Discard, &mut timings)? {
        Err(diagnostics) => diagnostics,
        Ok(built) => {
            let mut diagnostics = built.pages.warnings;
            if args.external {
                let graph = &built.pages.graph;
                external = Some(check_external(graph, args, &mut diagnostics)?);
            }
            diagnostics
        }
    };
    timings.print("check");
    report::print(&diagnostics, args.format, lang)?;
    if args.format == Format::Human {
        if let Some(summary) = external {
            eprintln!("{}", summary.message().text(lang));
        }
        let summary = Msg::CheckSummary.with("counts", report::counts(&diagnostics));
        eprintln!("{}", summary.text(lang));
    }
    Ok(if diagnostics.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--external`: the links of the site, asked of their servers.
fn check_external(
    graph: &kennisbank::graph::KnowledgeGraph,
    args: &CheckArgs,
    diagnostics: &mut kennisbank::diagnostics::Diagnostics,
) -> anyhow::Result<linkcheck::Summary> {
    let site_url = Some(graph.config.base_url.as_str()).filter(|u| linkcheck::is_web_address(u));
    let mut options = linkcheck::Options::new(&args.site.root, site_url);
    options.read_cache = !args.no_cache;
    let (found, summary) = linkcheck::check_blocking(linkcheck::links_of(graph), &options)?;
    diagnostics.extend(found);
    Ok(summary)
}
