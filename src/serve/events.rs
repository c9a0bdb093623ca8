//! What open pages are told over the event stream: reload, swap a stylesheet, or show the errors
//! of a failed rebuild in an overlay (with every word it shows, in the language of the messages).

use serde::Serialize;

use crate::diagnostics::DiagnosticRecord;
use crate::i18n::{Lang, Msg};

/// One stylesheet swapped in place: the old and the new URL.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CssSwap {
    pub old: String,
    pub new: String,
}

/// What open pages are told, as the `data` of a server-sent event named after the variant.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum LiveEvent {
    /// A rebuild succeeded. `changed` are output paths whose bytes differ (added, changed or
    /// removed); a page reloads only when its own file is among them, or when `all` is set.
    Reload {
        build: u64,
        changed: Vec<String>,
        all: bool,
    },
    /// Only stylesheets changed: pages swap their `<link>` without reloading.
    Css { build: u64, swaps: Vec<CssSwap> },
    /// The rebuild failed; the last good site is still served. Every word the overlay shows
    /// comes with it, in the language of the messages, so the script holds no text of its own.
    Error {
        diagnostics: Vec<OverlayItem>,
        texts: OverlayTexts,
    },
}

/// One diagnostic in the overlay: its record (as in `--format json`) and a heading such as
/// `fout [unknown-effect] in content/bronnen/a.md:3:5`.
#[derive(Debug, Clone, Serialize)]
pub struct OverlayItem {
    #[serde(flatten)]
    pub record: DiagnosticRecord,
    pub heading: String,
}

/// The overlay's own words.
#[derive(Debug, Clone, Serialize)]
pub struct OverlayTexts {
    /// The language tag, for the overlay's `lang` attribute.
    pub lang: &'static str,
    /// `Build mislukt: 2 fouten`.
    pub title: String,
    pub summary: String,
    /// The close button.
    pub close: String,
    /// The word before a hint: `tip`.
    pub help: String,
}

impl OverlayTexts {
    pub(super) fn new(lang: Lang, errors: usize) -> Self {
        OverlayTexts {
            lang: lang.tag(),
            title: Msg::OverlayTitle.with("errors", errors).text(lang),
            summary: Msg::OverlaySummary.text(lang),
            close: Msg::OverlayClose.text(lang),
            help: Msg::HelpPrefix.text(lang),
        }
    }
}

impl OverlayItem {
    pub(super) fn new(record: DiagnosticRecord, lang: Lang) -> Self {
        let severity = Msg::Severity
            .with("severity", record.severity.key())
            .text(lang);
        let heading = match &record.file {
            Some(file) => {
                let place = match record.line {
                    0 => file.clone(),
                    line => format!("{file}:{line}:{}", record.column),
                };
                Msg::OverlayHeading
                    .with("severity", severity)
                    .with("code", record.code)
                    .with("place", place)
                    .text(lang)
            }
            None => format!("{severity} [{}]", record.code),
        };
        OverlayItem { record, heading }
    }
}

impl LiveEvent {
    pub fn name(&self) -> &'static str {
        match self {
            LiveEvent::Reload { .. } => "reload",
            LiveEvent::Css { .. } => "css",
            LiveEvent::Error { .. } => "build-error",
        }
    }
}
