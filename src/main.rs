//! The `kennisbank` command: parse arguments, run one command, map the outcome to an exit code.
//!
//! Exit codes: 0 success, 1 content errors, 2 usage or I/O errors.

mod commands;

use std::process::ExitCode;

use clap::Parser;

use commands::Cli;

// A build allocates and frees millions of small strings, trees and JSON values across threads: glibc's
// malloc and free were about 30 % of a 10,000-page build (perf). mimalloc cut its CPU time by about a
// quarter, for about 10 % more peak memory (README, "Benchmark").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.language();
    kennisbank::i18n::set_process_lang(lang);
    match commands::run(cli, lang) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`kennisbank check | head`) is not an error worth reporting.
            if err.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let prefix = kennisbank::i18n::Msg::ErrorPrefix.text(lang);
            eprintln!("{prefix}: {err:#}");
            ExitCode::from(2)
        }
    }
}
