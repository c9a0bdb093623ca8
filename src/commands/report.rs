//! Printing diagnostics for people (colour when the terminal takes it) or for tools (JSON lines).

use std::io::Write;

use kennisbank::diagnostics::Diagnostics;
use kennisbank::i18n::{Lang, Message, Msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source excerpts with a caret under each mistake.
    Human,
    /// One JSON object per line: severity, code, message, file, line, column, label, help, rendered.
    Json,
}

/// Prints every diagnostic to stderr (human) or stdout (JSON), sorted by file and position, with
/// its texts in `lang`.
pub fn print(diagnostics: &Diagnostics, format: Format, lang: Lang) -> std::io::Result<()> {
    match format {
        Format::Human => {
            let color = kennisbank::diagnostics::color_on_stderr();
            let mut err = std::io::stderr().lock();
            for d in diagnostics.sorted() {
                writeln!(err, "{}", d.render(lang, color))?;
            }
        }
        Format::Json => {
            let mut out = std::io::stdout().lock();
            for d in diagnostics.sorted() {
                let record = d.to_record(lang);
                let line = serde_json::to_string(&record).map_err(std::io::Error::other)?;
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// `2 fouten, 1 waarschuwing`.
pub fn counts(diagnostics: &Diagnostics) -> Message {
    Msg::Counts
        .with("errors", diagnostics.error_count())
        .with("warnings", diagnostics.warning_count())
}
