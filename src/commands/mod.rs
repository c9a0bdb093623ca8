//! The subcommands. Each is thin: it wires pipeline stages from the library and prints results.

mod build;
mod check;
mod new;
mod report;
mod search;
mod serve;
mod signals;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use kennisbank::i18n::Lang;

/// Static-site generator for the knowledge base of Platform Samen Opleiden & Professionaliseren.
#[derive(Debug, Parser)]
#[command(name = "kennisbank", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of messages and reports. Default: the locale (LC_ALL, LC_MESSAGES, LANG) if it
    /// is Dutch or English, else `language:` in content/site.yaml, else Dutch.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
}

impl Cli {
    /// The language of this run: `--lang`, else the locale, else the site's, else Dutch.
    pub fn language(&self) -> Lang {
        let site = self.root().and_then(Lang::of_site);
        Lang::choose(self.lang, Lang::from_env(), site)
    }

    /// The project folder of the command, whose site.yaml may name a language.
    fn root(&self) -> Option<&Path> {
        match &self.command {
            Command::Build(args) => Some(&args.site.root),
            Command::Check(args) => Some(&args.site.root),
            Command::Search(args) => Some(&args.site.root),
            Command::Serve(args) => Some(&args.site.root),
            Command::New(args) => Some(&args.root),
            Command::Signals(args) => Some(&args.site.root),
        }
    }
}

const EXAMPLES: &str = "Examples:
  kennisbank build                       build content/ into public/
  kennisbank build --output /tmp/site    build somewhere else
  kennisbank check                       report every mistake in content/, write nothing
  kennisbank check --format json         the same, one JSON object per problem
  kennisbank check --lang en             the same, in English
  kennisbank check --external            also ask every external link's server
  kennisbank serve --open                preview with live reload at http://127.0.0.1:1111/
  kennisbank search kijkwijzer           search from the terminal
  kennisbank new bron helms-lorenz-2024  start a new source file
  kennisbank signals                     record changed evidence signals in content/signalen.yaml";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced atomically; a failed build changes nothing).
    #[command(after_help = "Examples:
  kennisbank build
  kennisbank build --root ../kennisbank --output public --base-url https://example.org/")]
    Build(BuildArgs),
    /// Check all content and templates and report every problem; write nothing.
    #[command(after_help = "Examples:
  kennisbank check
  kennisbank check --drafts --format json
  kennisbank check --external
  kennisbank check --external --no-cache")]
    Check(CheckArgs),
    /// Search the content as the site's search box does (same index, same ranking).
    #[command(after_help = "Examples:
  kennisbank search intervisie
  kennisbank search \"startende leraren\" --kind bevinding --limit 5
  kennisbank search inductie --effect behoud-startende-leraren --json")]
    Search(SearchArgs),
    /// Build in memory and preview the site with live reload; errors show in the browser too.
    #[command(after_help = "Examples:
  kennisbank serve --open
  kennisbank serve --root ../kennisbank --port 8080 --drafts")]
    Serve(ServeArgs),
    /// Create a content file from a commented template that builds as it is.
    #[command(after_help = "Examples:
  kennisbank new bron helms-lorenz-2024
  kennisbank new waarde 1.7
  kennisbank new artikel \"Samen opleiden in het mbo\"")]
    New(new::NewArgs),
    /// Record today's headline signal of each effect and row that changed since
    /// content/signalen.yaml last recorded it, so the change log says from what to what.
    #[command(after_help = "Examples:
  kennisbank signals
  kennisbank signals --date 2026-12-02")]
    Signals(SignalsArgs),
}

#[derive(Debug, Args)]
pub struct SignalsArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The day to record (YYYY-MM-DD). Default: today (UTC).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The project folder, holding content/ and themes/.
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Base URL of the published site, overriding base_url in content/site.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

impl SiteArgs {
    fn options(&self) -> kennisbank::site::BuildOptions {
        kennisbank::site::BuildOptions {
            root: self.root.clone(),
            drafts: self.drafts,
            base_url: self.base_url.clone(),
        }
    }
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site (relative to the current folder). Default: <root>/public.
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Build everything, whatever <root>/.cache/kennisbank/build/ says (the cache is written anew).
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = report::Format::Human)]
    pub format: report::Format,
    /// Also ask the servers of every external (http/https) link whether the page still exists.
    /// Answers are kept in <root>/.cache/kennisbank/links.json.
    #[arg(long)]
    pub external: bool,
    /// With --external: ask every server again instead of using stored answers.
    #[arg(long, requires = "external")]
    pub no_cache: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port to listen on; 0 picks any free port.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on; the default keeps the preview on this computer.
    #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
    pub bind: std::net::IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The words to search for. As in the browser, the last word also finds longer words that
    /// start with it, unless the query ends with a space.
    pub query: String,
    /// Search a built site's index (the output folder, or its zoeken/index) instead of building
    /// one from content/.
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    #[command(flatten)]
    pub site: SiteArgs,
    /// Only results of this kind (Bevinding, Randvoorwaarde, Praktijkvoorbeeld, Artikelsectie, Effect, Waarde, Bron, Artikel, Begrip, Pagina).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only results tied to this effect (its key).
    #[arg(long)]
    pub effect: Option<String>,
    /// At most this many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// One JSON object per hit: url, title, kind, score, matched (query words the hit holds).
    #[arg(long)]
    pub json: bool,
    /// The Dutch stemmer (default: the one the site is built with).
    #[arg(long, value_enum)]
    pub stemmer: Option<kennisbank::search::Stemming>,
}

pub fn run(cli: Cli, lang: Lang) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Build(args) => build::run(&args, lang),
        Command::Check(args) => check::run(&args, lang),
        Command::Search(args) => search::run(&args, lang),
        Command::Serve(args) => serve::run(&args, cli.lang.or_else(Lang::from_env)),
        Command::New(args) => new::run(&args, lang),
        Command::Signals(args) => signals::run(&args, lang),
    }
}
