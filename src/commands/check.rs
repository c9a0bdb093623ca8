use std::process::ExitCode;

use super::CheckArgs;
use super::report::{self, Format};

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let options = args.site.options();
    let (graph, mut diagnostics) = kennisbank::site::check(&options);
    // Templates are part of the site: check them too, without writing anything.
    if let Some(graph) = graph.as_ref().filter(|_| !diagnostics.has_errors()) {
        let render_options = kennisbank::render::RenderOptions {
            drafts: options.drafts,
        };
        kennisbank::render::render(&options.root, graph, &render_options, &mut diagnostics);
    }
    report::print(&diagnostics, args.format)?;
    if args.format == Format::Human {
        eprintln!("check: {}", report::counts(&diagnostics));
    }
    Ok(if diagnostics.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
