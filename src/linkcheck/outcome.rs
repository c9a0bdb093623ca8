//! What checking one address found, and how bad that is. Stored as is in the cache, so a cached
//! answer is reported exactly like a fresh one.

use serde::{Deserialize, Serialize};

use crate::diagnostics::Severity;

/// The answer for one address (without its fragment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Outcome {
    /// A 2xx answer, directly or through redirects of which at least one was temporary.
    Ok,
    /// A 2xx answer reached only through permanent redirects (301, 308): the page lives at `to` now.
    Moved { to: String },
    /// 404 or 410: the page is gone. `via` is the address the redirects ended at, if any.
    Gone { status: u16, via: Option<String> },
    /// 401 or 403 to every way of asking: a login wall, or a server that refuses link checkers.
    Refused { status: u16 },
    /// Still 429 after the retries, or the server asked to wait longer than we do.
    RateLimited { retry_after: Option<u64> },
    /// Any other 4xx or 5xx answer (5xx after the retries).
    Status { status: u16 },
    /// No answer within the time limit.
    Timeout,
    /// The host name does not exist (DNS has no address for it).
    HostNotFound { host: String },
    /// No connection: refused, reset, or a TLS certificate the client does not accept.
    Unreachable { detail: String },
    /// Too many redirects, or a redirect to an address that cannot be followed.
    BadRedirect { redirect: Redirect },
    /// Not asked: the host did not answer or kept asking us to slow down earlier in this run.
    Skipped { host: String },
}

/// What is wrong with a chain of redirects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Redirect {
    /// More than `max` redirects; `last` is where the last one pointed.
    TooMany { max: usize, last: String },
    /// A `Location` that is no address at all.
    NotAnAddress { to: String },
    /// A `Location` that is not an `http(s)` address.
    NotWeb { to: String },
}

impl Outcome {
    /// `None` when there is nothing to report. Errors are links that are certainly broken for every
    /// visitor; everything that may be temporary or may only affect a link checker is a warning.
    pub fn severity(&self) -> Option<Severity> {
        match self {
            Outcome::Ok => None,
            Outcome::Gone { .. } | Outcome::HostNotFound { .. } => Some(Severity::Error),
            Outcome::Moved { .. }
            | Outcome::Refused { .. }
            | Outcome::RateLimited { .. }
            | Outcome::Status { .. }
            | Outcome::Timeout
            | Outcome::Unreachable { .. }
            | Outcome::BadRedirect { .. }
            | Outcome::Skipped { .. } => Some(Severity::Warning),
        }
    }

    /// Whether the answer is worth keeping for the next run. A skipped link was never asked.
    pub fn is_cacheable(&self) -> bool {
        !matches!(self, Outcome::Skipped { .. })
    }

    /// Failures that say nothing about the page, only that the network could not reach it: when
    /// every host fails like this, the computer is probably offline.
    pub fn is_network_failure(&self) -> bool {
        matches!(
            self,
            Outcome::HostNotFound { .. } | Outcome::Unreachable { .. } | Outcome::Timeout
        )
    }

    /// The outcome of a final (non-redirect) answer.
    pub fn from_status(status: u16, final_url: Option<&str>, permanent: bool) -> Outcome {
        match status {
            200..=299 => match final_url {
                Some(to) if permanent => Outcome::Moved { to: to.to_string() },
                _ => Outcome::Ok,
            },
            404 | 410 => Outcome::Gone {
                status,
                via: final_url.map(str::to_string),
            },
            401 | 403 => Outcome::Refused { status },
            429 => Outcome::RateLimited { retry_after: None },
            _ => Outcome::Status { status },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_certain_breakage_is_an_error() {
        let error = Some(Severity::Error);
        assert_eq!(Outcome::from_status(404, None, false).severity(), error);
        assert_eq!(Outcome::from_status(410, None, false).severity(), error);
        let host = Outcome::HostNotFound { host: "x".into() };
        assert_eq!(host.severity(), error);
        for status in [400, 401, 403, 429, 451, 500, 503] {
            let outcome = Outcome::from_status(status, None, false);
            assert_eq!(outcome.severity(), Some(Severity::Warning), "{status}");
        }
        assert_eq!(Outcome::Timeout.severity(), Some(Severity::Warning));
        assert_eq!(Outcome::from_status(204, Some("x"), false), Outcome::Ok);
        assert_eq!(
            Outcome::from_status(200, Some("x"), true),
            Outcome::Moved { to: "x".into() }
        );
    }
}
