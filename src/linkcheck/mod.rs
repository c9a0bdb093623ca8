//! The optional external link check (`kennisbank check --external`): asks the servers of every
//! `http(s)` address the site links to whether the page is still there.
//!
//! It owns the network side only. The caller hands in a plain list of [`Link`]s (address and place
//! in a file) and decides where they come from ([`links_of`] collects the site's own); the check
//! asks each address once however often it is linked, and reports every place. It stops at
//! diagnostics: what to print and the exit code are the command's.
//!
//! - Concurrent and bounded: at most [`Options::concurrency`] requests at once, and
//!   [`Options::per_host`] per host.
//! - Polite: a User-Agent naming kennisbank and the site, HEAD before GET, retries on 429 and 503
//!   that honour `Retry-After` within a cap, and a host that keeps failing is left alone.
//! - Cached in `<root>/.cache/kennisbank/links.json` ([`cache`]), so a second run asks nothing.
//!
//! Errors are links that are broken for every visitor (404, 410, a host that does not exist, an
//! address that cannot be parsed); everything that may be temporary or may concern only a link
//! checker (timeouts, 5xx, 429, 401/403, permanent redirects) is a warning. So `check --external`
//! exits 1 only for a link an editor must fix.

pub mod cache;
mod collect;
mod fetch;
mod limits;
mod messages;
mod outcome;
mod resolver;
mod retry_after;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use reqwest::Url;

pub use cache::Ages;
pub use collect::links_of;
pub use outcome::Outcome;
pub use resolver::Dns;

use crate::diagnostics::{Diagnostics, SourceFile, Span};

/// Where the cache lives, relative to the project root.
pub const CACHE_PATH: &str = ".cache/kennisbank/links.json";

/// One place that links to an external address.
#[derive(Debug, Clone)]
pub struct Link {
    /// The address as written, fragment included.
    pub url: String,
    pub file: SourceFile,
    pub span: Span,
}

/// How to check. [`Options::new`] gives the defaults `check --external` uses.
#[derive(Debug, Clone)]
pub struct Options {
    pub user_agent: String,
    /// Sent once more when a server answers 403 to [`Options::user_agent`]: some firewalls turn
    /// away every agent that does not start like a browser's. It still names kennisbank.
    pub fallback_user_agent: Option<String>,
    /// Requests at once, over all hosts. Default 16.
    pub concurrency: usize,
    /// Requests at once to one host. Default 2.
    pub per_host: usize,
    /// For one request, from connecting to the answer's headers. Default 15 s.
    pub timeout: Duration,
    /// Default 10.
    pub max_redirects: usize,
    /// Extra attempts after a 429 or 503. Default 2.
    pub retries: u32,
    /// The wait before a retry when the server gives no `Retry-After`; doubled each time. Default 1 s.
    pub backoff: Duration,
    /// The longest `Retry-After` honoured; a server asking more is reported at once. Default 30 s.
    pub max_retry_wait: Duration,
    /// The most time spent waiting on one host's retries in a run. Default 60 s.
    pub host_wait_budget: Duration,
    /// The cache file; `None` keeps nothing between runs.
    pub cache: Option<PathBuf>,
    /// Use stored answers (`--no-cache` turns this off; fresh answers are still stored).
    pub read_cache: bool,
    pub ages: Ages,
    pub dns: Dns,
}

impl Options {
    /// The defaults, with the cache under `root` and the site's address in the User-Agent so a
    /// server's administrator can see who links to them.
    pub fn new(root: &Path, site_url: Option<&str>) -> Options {
        let version = env!("CARGO_PKG_VERSION");
        let contact = site_url.map(|url| format!("; +{url}")).unwrap_or_default();
        Options {
            user_agent: format!("kennisbank/{version} (external link check{contact})"),
            fallback_user_agent: Some(format!(
                "Mozilla/5.0 (compatible; kennisbank/{version}{contact})"
            )),
            concurrency: 16,
            per_host: 2,
            timeout: Duration::from_secs(15),
            max_redirects: 10,
            retries: 2,
            backoff: Duration::from_secs(1),
            max_retry_wait: Duration::from_secs(30),
            host_wait_budget: Duration::from_secs(60),
            cache: Some(root.join(CACHE_PATH)),
            read_cache: true,
            ages: Ages::default(),
            dns: Dns::System,
        }
    }
}

/// What a run did, for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Distinct addresses (without fragment).
    pub addresses: usize,
    /// Places linking to them.
    pub places: usize,
    pub from_cache: usize,
    /// Addresses asked over the network.
    pub checked: usize,
}

impl Summary {
    /// The summary line, to show in the language of the run.
    pub fn message(&self) -> crate::i18n::Message {
        messages::summary(self)
    }
}

/// Checks every link and returns one diagnostic per place with a problem. Addresses that are not
/// `http(s)` are left to the other checks.
pub async fn check(links: Vec<Link>, options: &Options) -> anyhow::Result<(Diagnostics, Summary)> {
    let mut diagnostics = Diagnostics::new();
    let mut summary = Summary::default();
    let mut places: BTreeMap<Url, Vec<Link>> = BTreeMap::new();
    for link in links {
        if !is_web_address(&link.url) {
            continue;
        }
        match Url::parse(&link.url) {
            Ok(mut url) => {
                // The fragment is for the browser; servers never see it.
                url.set_fragment(None);
                places.entry(url).or_default().push(link);
            }
            Err(err) => diagnostics.push(messages::invalid(&link, &err.to_string())),
        }
    }
    summary.addresses = places.len();
    summary.places = places.values().map(Vec::len).sum();

    let (mut cache, unusable) = match &options.cache {
        Some(path) => cache::Cache::load(path),
        None => (cache::Cache::default(), None),
    };
    if let (Some(path), Some(reason)) = (&options.cache, unusable) {
        diagnostics.push(messages::cache_ignored(path, &reason));
    }
    let now = SystemTime::now();
    let mut outcomes: BTreeMap<&Url, Outcome> = BTreeMap::new();
    let mut to_ask = Vec::new();
    for url in places.keys() {
        match cache.get(url.as_str(), now, &options.ages) {
            Some(outcome) if options.read_cache => {
                outcomes.insert(url, outcome.clone());
            }
            _ => to_ask.push(url),
        }
    }
    summary.from_cache = outcomes.len();
    summary.checked = to_ask.len();

    let fresh = if to_ask.is_empty() {
        Vec::new()
    } else {
        let fetcher = fetch::Fetcher::new(options)?;
        futures_util::future::join_all(to_ask.iter().map(|url| fetcher.check(url))).await
    };
    let fresh: Vec<(&Url, Outcome)> = to_ask.into_iter().zip(fresh).collect();
    let offline_hosts = offline_hosts(&fresh);
    if let Some(hosts) = offline_hosts {
        diagnostics.push(messages::offline(hosts));
    }
    let answered = SystemTime::now();
    for (url, outcome) in fresh {
        if offline_hosts.is_some() && outcome.is_network_failure() {
            continue;
        }
        if outcome.is_cacheable() {
            cache.insert(url.to_string(), outcome.clone(), answered);
        }
        outcomes.insert(url, outcome);
    }
    if let Some(path) = &options.cache
        && let Err(err) = cache.save(path, answered, &options.ages)
    {
        diagnostics.push(messages::cache_not_saved(path, &err));
    }

    for (url, outcome) in &outcomes {
        for link in &places[*url] {
            if let Some(diagnostic) = messages::for_link(outcome, url.as_str(), link) {
                diagnostics.push(diagnostic);
            }
        }
    }
    Ok((diagnostics, summary))
}

/// [`check`] on a runtime of its own, for the synchronous commands.
pub fn check_blocking(
    links: Vec<Link>,
    options: &Options,
) -> anyhow::Result<(Diagnostics, Summary)> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(check(links, options))
}

/// `http://` or `https://`, in any case: the addresses this check asks for.
pub fn is_web_address(url: &str) -> bool {
    let lower = |prefix: &str| {
        url.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    lower("http://") || lower("https://")
}

/// When every host asked failed at the network level (no DNS, no connection, no answer), the
/// fault is most likely this computer's connection, not the links: the number of hosts, so one
/// warning replaces a wall of errors. One host alone proves nothing either way.
fn offline_hosts(fresh: &[(&Url, Outcome)]) -> Option<usize> {
    let hosts: BTreeSet<&str> = fresh.iter().filter_map(|(url, _)| url.host_str()).collect();
    let all_failed = fresh
        .iter()
        .all(|(_, outcome)| outcome.is_network_failure());
    (hosts.len() >= 2 && all_failed).then_some(hosts.len())
}
