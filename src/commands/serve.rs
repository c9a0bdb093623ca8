//! `kennisbank serve`: the preview server with live reload; the work is in [`kennisbank::serve`].

use std::process::ExitCode;

use kennisbank::i18n::Lang;

use super::ServeArgs;

/// `lang` is the language asked for; without, serve follows the site's `language:` as it changes.
pub fn run(args: &ServeArgs, lang: Option<Lang>) -> anyhow::Result<ExitCode> {
    kennisbank::serve::run(kennisbank::serve::ServeOptions {
        build: args.site.options(),
        bind: args.bind,
        port: args.port,
        open: args.open,
        lang,
    })?;
    Ok(ExitCode::SUCCESS)
}
