use std::process::ExitCode;

use super::ServeArgs;

pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    kennisbank::serve::run(kennisbank::serve::ServeOptions {
        build: args.site.options(),
        bind: args.bind,
        port: args.port,
        open: args.open,
    })?;
    Ok(ExitCode::SUCCESS)
}
