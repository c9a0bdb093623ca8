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
        // Rendered pages are dropped at once: the whole site is never held in memory.
        let discard = |_: &str, _: &[u8]| Ok(());
        kennisbank::render::render_into(
            &options.root,
            graph,
            &render_options,
            &mut diagnostics,
            &discard,
        )?;
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
