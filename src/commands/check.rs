use std::process::ExitCode;

use kennisbank::i18n::{Lang, Msg};
use kennisbank::linkcheck;

use super::CheckArgs;
use super::report::{self, Format};

pub fn run(args: &CheckArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let options = args.site.options();
    let mut external = None;
    let diagnostics = match kennisbank::site::check(&options) {
        Err(diagnostics) => diagnostics,
        // Templates are part of the site: check them too, without writing anything.
        Ok(checked) => {
            let (graph, mut diagnostics) = checked.into_parts();
            let render_options = kennisbank::render::RenderOptions {
                drafts: options.drafts,
            };
            // Rendered pages are dropped at once: the whole site is never held in memory.
            let discard = |_: &str, _: &[u8]| Ok(());
            kennisbank::render::render_into(
                &options.root,
                &graph,
                &render_options,
                &mut diagnostics,
                &discard,
            )?;
            if args.external {
                external = Some(check_external(&graph, args, &mut diagnostics)?);
            }
            diagnostics
        }
    };
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
