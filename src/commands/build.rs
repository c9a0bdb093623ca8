use std::process::ExitCode;

use super::BuildArgs;
use super::report::{self, Format};

pub fn run(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let options = args.site.options();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| options.root.join("public"));
    let report = kennisbank::site::build(&options, &output)?;
    report::print(&report.diagnostics, Format::Human)?;
    match report.written {
        Some(written) => {
            eprintln!(
                "built {} pages ({} sources, {} findings) into {} in {:.2} s; {}",
                written.pages,
                written.sources,
                written.findings,
                output.display(),
                report.elapsed.as_secs_f64(),
                report::counts(&report.diagnostics),
            );
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!(
                "build failed: {}; `{}` was left as it was",
                report::counts(&report.diagnostics),
                output.display()
            );
            Ok(ExitCode::from(1))
        }
    }
}
