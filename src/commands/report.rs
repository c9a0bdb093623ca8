//! Printing diagnostics for people (colour when the terminal takes it) or for tools (JSON lines).

use std::io::{IsTerminal, Write};

use kennisbank::diagnostics::Diagnostics;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source excerpts with a caret under each mistake.
    Human,
    /// One JSON object per line: severity, code, message, file, line, column, help.
    Json,
}

/// Prints every diagnostic to stderr (human) or stdout (JSON), sorted by file and position.
pub fn print(diagnostics: &Diagnostics, format: Format) -> std::io::Result<()> {
    match format {
        Format::Human => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let mut err = std::io::stderr().lock();
            for d in diagnostics.sorted() {
                writeln!(err, "{}", d.render(color))?;
            }
        }
        Format::Json => {
            let mut out = std::io::stdout().lock();
            for d in diagnostics.sorted() {
                let line = serde_json::to_string(&d.to_record()).map_err(std::io::Error::other)?;
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// `2 errors, 1 warning`.
pub fn counts(diagnostics: &Diagnostics) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(diagnostics.error_count(), "error"),
        plural(diagnostics.warning_count(), "warning")
    )
}
