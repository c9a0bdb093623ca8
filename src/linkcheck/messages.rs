//! Every text the external link check shows, in one place, so that moving them into the
//! localisation files (issue 12, item 6) touches this file only.

use std::path::Path;

use reqwest::StatusCode;

use super::Link;
use super::Summary;
use super::outcome::Outcome;
use crate::diagnostics::{Diagnostic, Severity};

/// The diagnostic for one place that links to `url`, or `None` when the link is fine.
pub fn for_link(outcome: &Outcome, url: &str, link: &Link) -> Option<Diagnostic> {
    let severity = outcome.severity()?;
    let (code, message, label, help) = match outcome {
        Outcome::Ok => return None,
        Outcome::Moved { to } => {
            let to = with_fragment(to, &link.url);
            (
                "external-moved",
                format!("`{url}` has moved permanently"),
                format!("moved to {to}"),
                format!("the page moved to `{to}`: replace the URL with that address"),
            )
        }
        Outcome::Gone { status, via } => (
            "external-gone",
            format!("the page `{url}` does not exist ({})", status_text(*status)),
            status_text(*status),
            match via {
                Some(via) => format!(
                    "the address redirects to `{via}`, which does not exist: fix the URL or \
                     remove it; if the page moved, link to its new address"
                ),
                None => "fix the URL or remove it; if the page moved, link to its new address"
                    .to_string(),
            },
        ),
        Outcome::Refused { status } => (
            "external-refused",
            format!(
                "the server refuses access to `{url}` ({})",
                status_text(*status)
            ),
            status_text(*status),
            "open it in a browser: if it opens, the server only refuses link checkers and \
             nothing needs to change; if it asks for a login, link to a public page instead"
                .to_string(),
        ),
        Outcome::RateLimited { retry_after } => (
            "external-rate-limited",
            format!(
                "`{url}` was not checked: the server asks to slow down (429 Too Many Requests)"
            ),
            "429 Too Many Requests".to_string(),
            match retry_after {
                Some(seconds) => format!(
                    "the server asked to wait {seconds} s, longer than the check waits; try \
                     again later"
                ),
                None => "try again later".to_string(),
            },
        ),
        Outcome::Status { status } if *status >= 500 => (
            "external-status",
            format!(
                "the server of `{url}` has a problem ({})",
                status_text(*status)
            ),
            status_text(*status),
            "this is often temporary: check again later; if it stays, look for another address \
             of the page"
                .to_string(),
        ),
        Outcome::Status { status } => (
            "external-status",
            format!("`{url}` answers {}", status_text(*status)),
            status_text(*status),
            "open it in a browser; fix or remove the URL if the page does not open".to_string(),
        ),
        Outcome::Timeout => (
            "external-timeout",
            format!("`{url}` did not answer in time"),
            "no answer".to_string(),
            "the server may be slow or down: check again later".to_string(),
        ),
        Outcome::HostNotFound { host } => (
            "external-host-unknown",
            format!("the host `{host}` of `{url}` does not exist"),
            "unknown host".to_string(),
            "check the spelling of the address; if the site is gone, remove the URL or link to an \
             archived copy (web.archive.org)"
                .to_string(),
        ),
        Outcome::Unreachable { detail } => (
            "external-unreachable",
            format!("`{url}` cannot be reached: {detail}"),
            "cannot connect".to_string(),
            "check again later; if the problem is the server's certificate, visitors get a \
             warning too and another address is better"
                .to_string(),
        ),
        Outcome::BadRedirect { detail } => (
            "external-redirect",
            format!("`{url}` cannot be followed: {detail}"),
            "broken redirect".to_string(),
            "open it in a browser and link to the address where the page ends up".to_string(),
        ),
        Outcome::Skipped { host } => (
            "external-skipped",
            format!("`{url}` was not checked: `{host}` did not answer earlier in this run"),
            "not checked".to_string(),
            "check again later".to_string(),
        ),
    };
    let diagnostic = match severity {
        Severity::Error => Diagnostic::error(code, message),
        Severity::Warning => Diagnostic::warning(code, message),
    };
    Some(diagnostic.at(&link.file, link.span).label(label).help(help))
}

/// An `http(s)` address that cannot be parsed, so it cannot be asked for at all.
pub fn invalid(link: &Link, reason: &str) -> Diagnostic {
    Diagnostic::error(
        "external-invalid",
        format!("`{}` is not a valid web address: {reason}", link.url),
    )
    .at(&link.file, link.span)
    .label("invalid address")
    .help("write the whole address as the browser shows it, starting with https://")
}

pub fn cache_ignored(path: &Path, reason: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::warning(
        "external-cache",
        format!("the link cache `{}` was ignored: {reason}", path.display()),
    )
    .help("every link is checked again and the file is written anew; nothing needs to be done")
}

pub fn cache_not_saved(path: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::warning(
        "external-cache",
        format!("cannot write the link cache `{}`: {err}", path.display()),
    )
    .help("the next run checks every link again")
}

pub fn offline(hosts: usize) -> Diagnostic {
    Diagnostic::warning(
        "external-offline",
        format!("none of the {hosts} hosts linked could be reached: is this computer offline?"),
    )
    .help("connect to the internet and run `kennisbank check --external` again")
}

/// `external links: 14 addresses at 17 places, 12 from the cache, 2 checked`.
pub fn summary(summary: &Summary) -> String {
    format!(
        "external links: {} addresses at {} places, {} from the cache, {} checked",
        summary.addresses, summary.places, summary.from_cache, summary.checked
    )
}

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
