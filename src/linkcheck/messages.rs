//! The diagnostics of the external link check. Their texts are in the catalogue
//! (`i18n/*/linkcheck.ftl`); this file says which message each outcome gets, with which arguments.

use std::path::Path;

use reqwest::StatusCode;

use super::Link;
use super::Summary;
use super::cache::Unusable;
use super::outcome::{Outcome, Redirect};
use crate::diagnostics::Diagnostic;
use crate::i18n::{Code, Message, Msg};

/// The diagnostic for one place that links to `url`, or `None` when the link is fine.
pub fn for_link(outcome: &Outcome, url: &str, link: &Link) -> Option<Diagnostic> {
    let severity = outcome.severity()?;
    let code = match outcome {
        Outcome::Ok => return None,
        Outcome::Moved { .. } => Code::ExternalMoved,
        Outcome::Gone { .. } => Code::ExternalGone,
        Outcome::Refused { .. } => Code::ExternalRefused,
        Outcome::RateLimited { .. } => Code::ExternalRateLimited,
        Outcome::Status { .. } => Code::ExternalStatus,
        Outcome::Timeout => Code::ExternalTimeout,
        Outcome::HostNotFound { .. } => Code::ExternalHostUnknown,
        Outcome::Unreachable { .. } => Code::ExternalUnreachable,
        Outcome::BadRedirect { .. } => Code::ExternalRedirect,
        Outcome::Skipped { .. } => Code::ExternalSkipped,
    };
    let diagnostic = Diagnostic::new(severity, code)
        .arg("url", url)
        .at(&link.file, link.span);
    Some(match outcome {
        Outcome::Moved { to } => diagnostic.arg("to", with_fragment(to, &link.url)),
        Outcome::Gone { status, via } => {
            let diagnostic = diagnostic.arg("status", status_text(*status));
            match via {
                Some(via) => diagnostic.help(Msg::ExternalGoneVia.with("via", via)),
                None => diagnostic,
            }
        }
        Outcome::Refused { status } => diagnostic.arg("status", status_text(*status)),
        Outcome::RateLimited { retry_after } => match retry_after {
            Some(seconds) => diagnostic.help(Msg::ExternalRetryAfter.with("seconds", *seconds)),
            None => diagnostic,
        },
        Outcome::Status { status } => diagnostic
            .arg("status", status_text(*status))
            .arg("kind", if *status >= 500 { "server" } else { "other" }),
        Outcome::HostNotFound { host } | Outcome::Skipped { host } => diagnostic.arg("host", host),
        Outcome::Unreachable { detail } => diagnostic.arg("detail", detail),
        Outcome::BadRedirect { redirect } => match redirect {
            Redirect::TooMany { max, last } => diagnostic
                .arg("problem", "too-many")
                .arg("max", *max)
                .arg("to", last),
            Redirect::NotAnAddress { to } => {
                diagnostic.arg("problem", "not-an-address").arg("to", to)
            }
            Redirect::NotWeb { to } => diagnostic.arg("problem", "not-web").arg("to", to),
        },
        Outcome::Ok | Outcome::Timeout => diagnostic,
    })
}

/// An `http(s)` address that cannot be parsed, so it cannot be asked for at all.
pub fn invalid(link: &Link, reason: &str) -> Diagnostic {
    Code::ExternalInvalid
        .error()
        .arg("url", &link.url)
        .arg("reason", reason)
        .at(&link.file, link.span)
}

pub fn cache_ignored(path: &Path, reason: &Unusable) -> Diagnostic {
    let diagnostic = Code::ExternalCache.warning().arg("path", path);
    match reason {
        Unusable::Unreadable(err) => diagnostic
            .arg("problem", "unreadable")
            .arg("reason", err.to_string()),
        Unusable::Corrupt(err) => diagnostic
            .arg("problem", "corrupt")
            .arg("reason", err.to_string()),
        Unusable::Foreign { format, version } => diagnostic
            .arg("problem", "foreign")
            .arg("format", format)
            .arg("version", *version),
    }
}

pub fn cache_not_saved(path: &Path, err: &std::io::Error) -> Diagnostic {
    Code::ExternalCache
        .warning()
        .arg("problem", "unwritable")
        .arg("path", path)
        .arg("reason", err.to_string())
}

pub fn offline(hosts: usize) -> Diagnostic {
    Code::ExternalOffline.warning().arg("hosts", hosts)
}

/// `externe links: 14 adressen op 17 plaatsen, 12 uit de cache, 2 nagevraagd`.
pub fn summary(summary: &Summary) -> Message {
    Msg::ExternalSummary
        .with("addresses", summary.addresses)
        .with("places", summary.places)
        .with("cached", summary.from_cache)
        .with("checked", summary.checked)
}

/// `404 Not Found`: the status with its standard (English) reason phrase, as browsers show it.
fn status_text(status: u16) -> String {
    let reason = StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason());
    match reason {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

/// The new address with the fragment the editor's link had, which redirects do not carry.
fn with_fragment(to: &str, original: &str) -> String {
    match original.split_once('#') {
        Some((_, fragment)) if !to.contains('#') => format!("{to}#{fragment}"),
        _ => to.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{SourceFile, Span};
    use crate::i18n::Lang;

    fn link(url: &str) -> Link {
        let text = format!("---\nurl: {url}\n---\n");
        Link {
            url: url.to_string(),
            file: SourceFile::new("content/bronnen/a.md", text),
            span: Span::new(9, url.len()),
        }
    }

    /// Every outcome gets its own words in both languages, from data, never from English text
    /// made where the problem was found.
    #[test]
    fn redirect_problems_and_statuses_read_in_either_language() {
        let url = "https://a.test/x";
        let report = |outcome: Outcome, lang| {
            for_link(&outcome, url, &link(url))
                .map(|d| d.texts(lang))
                .unwrap()
        };
        let too_many = || Outcome::BadRedirect {
            redirect: Redirect::TooMany {
                max: 10,
                last: "https://a.test/y".into(),
            },
        };
        assert_eq!(
            report(too_many(), Lang::Nl).message,
            "`https://a.test/x` is niet te volgen: meer dan 10 doorverwijzingen, de laatste naar https://a.test/y."
        );
        assert_eq!(
            report(too_many(), Lang::En).message,
            "`https://a.test/x` cannot be followed: more than 10 redirects, the last to https://a.test/y"
        );
        let not_web = Outcome::BadRedirect {
            redirect: Redirect::NotWeb {
                to: "ftp://a.test/".into(),
            },
        };
        assert!(report(not_web, Lang::Nl).message.contains("geen webadres"));
        let server = report(Outcome::Status { status: 502 }, Lang::Nl);
        assert!(server.message.starts_with("De server van"), "{server:?}");
        assert_eq!(server.label.as_deref(), Some("502 Bad Gateway"));
        let other = report(Outcome::Status { status: 418 }, Lang::Nl);
        assert!(other.message.contains("antwoordt met 418"), "{other:?}");
        let gone = report(
            Outcome::Gone {
                status: 404,
                via: Some("https://a.test/z".into()),
            },
            Lang::Nl,
        );
        assert!(
            gone.help
                .unwrap()
                .starts_with("Het adres verwijst door naar `https://a.test/z`")
        );
    }
}
