//! Asking one server about one address: HEAD first, GET when HEAD is refused, redirects followed by
//! hand (to know whether they were permanent), retries on 429 and 503 that honour `Retry-After`.

use std::time::{Duration, SystemTime};

use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{Client, Method, StatusCode, Url};

use super::limits::{Host, Limits};
use super::outcome::{Outcome, Redirect};
use super::{Options, resolver, retry_after};

pub(super) struct Fetcher {
    client: Client,
    /// Sent only when a server refused the first agent (see [`Options::fallback_user_agent`]).
    fallback_agent: Option<HeaderValue>,
    limits: Limits,
    options: Options,
}

/// The last answer of a chain of redirects.
struct Answer {
    status: StatusCode,
    /// Where the redirects ended, if there were any.
    redirected_to: Option<Url>,
    /// Every redirect was permanent (301 or 308).
    permanent: bool,
    retry_after: Option<Duration>,
}

enum Failure {
    Request(reqwest::Error),
    Redirect(Redirect),
}

impl Fetcher {
    pub fn new(options: &Options) -> anyhow::Result<Fetcher> {
        let mut headers = HeaderMap::new();
        // What a browser asks for, so servers answer the page a visitor would get.
        headers.insert(
            header::ACCEPT,
            HeaderValue::from_static("text/html,application/xhtml+xml,*/*;q=0.8"),
        );
        headers.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("nl,en;q=0.8"),
        );
        // ring instead of reqwest's default aws-lc-rs: the same TLS, without a C library and
        // cmake to compile on every clean build (CI, Netlify). Installing twice is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = Client::builder()
            .user_agent(options.user_agent.as_str())
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(options.timeout)
            .connect_timeout(options.timeout.min(Duration::from_secs(10)))
            .dns_resolver(resolver::resolver(&options.dns))
            .build()?;
        let fallback_agent = match &options.fallback_user_agent {
            Some(agent) => Some(HeaderValue::from_str(agent)?),
            None => None,
        };
        Ok(Fetcher {
            client,
            fallback_agent,
            limits: Limits::new(options.concurrency, options.per_host),
            options: options.clone(),
        })
    }

    /// Checks one address (already without fragment). Never fails: every problem is an outcome.
    pub async fn check(&self, url: &Url) -> Outcome {
        let host_name = url.host_str().unwrap_or_default();
        let host = self.limits.host(host_name);
        let Ok(_permit) = host.permits.acquire().await else {
            return Outcome::Skipped {
                host: host_name.to_string(),
            };
        };
        if host.is_given_up() {
            return Outcome::Skipped {
                host: host_name.to_string(),
            };
        }
        let mut attempt = 0;
        loop {
            let answer = match self.ask(url).await {
                Ok(answer) => answer,
                Err(Failure::Redirect(redirect)) => return Outcome::BadRedirect { redirect },
                Err(Failure::Request(err)) => return self.failed(&err, &host),
            };
            let status = answer.status.as_u16();
            if !matches!(status, 429 | 503) {
                return Outcome::from_status(
                    status,
                    answer.redirected_to.as_ref().map(Url::as_str),
                    answer.permanent,
                );
            }
            let wait = answer
                .retry_after
                .unwrap_or_else(|| self.options.backoff.saturating_mul(1 << attempt.min(16)));
            let patient = attempt < self.options.retries
                && wait <= self.options.max_retry_wait
                && host.spend(wait, self.options.host_wait_budget);
            if !patient {
                host.strike();
                return match status {
                    429 => Outcome::RateLimited {
                        retry_after: answer.retry_after.map(|d| d.as_secs()),
                    },
                    _ => Outcome::Status { status },
                };
            }
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    fn failed(&self, err: &reqwest::Error, host: &Host) -> Outcome {
        if let Some(host) = resolver::host_not_found(err) {
            return Outcome::HostNotFound { host };
        }
        if err.is_timeout() {
            host.strike();
            return Outcome::Timeout;
        }
        Outcome::Unreachable {
            detail: innermost(err),
        }
    }

    /// HEAD, then GET when HEAD got an error status: many servers answer HEAD wrongly (405, 403,
    /// 501, even 404) while GET works. A GET refused with 403 is tried once more with the
    /// fallback agent. 429 and 503 are never repeated as GET at once: the retry loop waits first.
    async fn ask(&self, url: &Url) -> Result<Answer, Failure> {
        let head = self.follow(Method::HEAD, url, None).await?;
        let busy = matches!(
            head.status,
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
        );
        if head.status.as_u16() < 400 || busy {
            return Ok(head);
        }
        let get = self.follow(Method::GET, url, None).await?;
        match &self.fallback_agent {
            Some(agent) if get.status == StatusCode::FORBIDDEN => {
                self.follow(Method::GET, url, Some(agent)).await
            }
            _ => Ok(get),
        }
    }

    async fn follow(
        &self,
        method: Method,
        url: &Url,
        agent: Option<&HeaderValue>,
    ) -> Result<Answer, Failure> {
        let mut current = url.clone();
        let mut redirected = false;
        let mut permanent = true;
        for _ in 0..=self.options.max_redirects {
            let mut request = self.client.request(method.clone(), current.clone());
            if let Some(agent) = agent {
                request = request.header(header::USER_AGENT, agent.clone());
            }
            let response = {
                let _slot = self.limits.global.acquire().await;
                // The body is never read: dropping the response closes the stream.
                request.send().await.map_err(Failure::Request)?
            };
            let status = response.status();
            let location = response.headers().get(header::LOCATION);
            if let (true, Some(location)) = (status.is_redirection(), location) {
                current = next_hop(&current, location)?;
                redirected = true;
                permanent &= matches!(status.as_u16(), 301 | 308);
                continue;
            }
            let retry_after = response
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| retry_after::parse(v, SystemTime::now()));
            return Ok(Answer {
                status,
                redirected_to: redirected.then_some(current),
                permanent: redirected && permanent,
                retry_after,
            });
        }
        Err(Failure::Redirect(Redirect::TooMany {
            max: self.options.max_redirects,
            last: current.to_string(),
        }))
    }
}

/// The address a `Location` header points at, resolved against the current one.
fn next_hop(current: &Url, location: &HeaderValue) -> Result<Url, Failure> {
    let text = String::from_utf8_lossy(location.as_bytes());
    let mut next = current.join(&text).map_err(|_| {
        Failure::Redirect(Redirect::NotAnAddress {
            to: text.to_string(),
        })
    })?;
    if !matches!(next.scheme(), "http" | "https") {
        return Err(Failure::Redirect(Redirect::NotWeb {
            to: text.to_string(),
        }));
    }
    next.set_fragment(None);
    Ok(next)
}

/// The most specific cause of a request error, e.g. "Connection refused (os error 111)".
fn innermost(err: &(dyn std::error::Error + 'static)) -> String {
    let mut last = err;
    while let Some(next) = last.source() {
        last = next;
    }
    last.to_string()
}
