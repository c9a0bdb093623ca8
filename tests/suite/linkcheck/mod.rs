//! The external link check against a real HTTP server on 127.0.0.1: what each kind of answer
//! becomes, the limits, the retries, the cache, and `kennisbank check --external` end to end.

mod server;

use std::time::{Duration, Instant};

use axum::http::Method;
use kennisbank::diagnostics::{Diagnostic, Diagnostics, Severity, SourceFile, Span};
use kennisbank::i18n::Lang;
use kennisbank::linkcheck::{self, Dns, Link, Options, Summary};

use crate::util::{TestSite, kennisbank, position_of};
use server::Server;

/// A source file with one `url:` line per address, each link at the span of its address.
fn links(urls: &[String]) -> Vec<Link> {
    let mut text = String::from("---\nlabel: Test\n");
    let mut spans = Vec::new();
    for url in urls {
        text.push_str("url: ");
        spans.push(Span::new(text.len(), url.len()));
        text.push_str(url);
        text.push('\n');
    }
    text.push_str("---\n");
    let file = SourceFile::new("content/bronnen/test.md", text);
    urls.iter()
        .zip(spans)
        .map(|(url, span)| Link {
            url: url.clone(),
            file: file.clone(),
            span,
        })
        .collect()
}

/// Quick defaults for tests, with no cache unless a test asks for one.
fn options(dns: Dns) -> Options {
    let mut options = Options::new(std::path::Path::new("."), Some("https://kennisbank.test/"));
    options.cache = None;
    options.timeout = Duration::from_secs(5);
    options.backoff = Duration::from_millis(50);
    options.dns = dns;
    options
}

async fn run(urls: &[String], options: &Options) -> (Diagnostics, Summary) {
    linkcheck::check(links(urls), options).await.unwrap()
}

/// Starts the test server and checks its `paths` with the test defaults and the system's
/// resolver (127.0.0.1 needs no other).
async fn serve_and_check(paths: &[&str]) -> (Server, Diagnostics, Summary) {
    let server = Server::start().await;
    let urls: Vec<String> = paths.iter().map(|path| server.url(path)).collect();
    let (diagnostics, summary) = run(&urls, &options(Dns::System)).await;
    (server, diagnostics, summary)
}

/// The records of a `check --format json` run, one a line.
fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `record` says the address is gone, at `(line, column)` of `file`.
#[track_caller]
fn assert_gone_at(record: &serde_json::Value, file: &str, (line, column): (usize, usize)) {
    assert_eq!(record["code"], "external-gone");
    assert_eq!(record["file"], file);
    assert_eq!(
        (record["line"].as_u64(), record["column"].as_u64()),
        (Some(line as u64), Some(column as u64))
    );
}

fn codes(diagnostics: &Diagnostics) -> Vec<(&'static str, Severity)> {
    diagnostics.iter().map(|d| (d.code, d.severity)).collect()
}

/// The one diagnostic of a run, which must have `code` and `severity`.
fn only<'a>(diagnostics: &'a Diagnostics, code: &str, severity: Severity) -> &'a Diagnostic {
    assert_eq!(codes(diagnostics), [(code, severity)]);
    diagnostics.iter().next().unwrap()
}

#[tokio::test]
async fn a_working_page_is_silent_and_a_missing_one_is_an_error_at_its_place() {
    let (server, diagnostics, summary) = serve_and_check(&["/ok", "/missing"]).await;
    let broken = only(&diagnostics, "external-gone", Severity::Error);
    assert_eq!(
        broken.line_col(),
        Some((4, 6)),
        "the second url line, after `url: `"
    );
    assert_eq!(
        broken.path().unwrap(),
        std::path::Path::new("content/bronnen/test.md")
    );
    let texts = broken.texts(Lang::En);
    assert!(texts.message.contains("404 Not Found"), "{texts:?}");
    assert!(
        texts.help.as_deref().unwrap().contains("remove"),
        "{texts:?}"
    );
    let dutch = broken.texts(Lang::Nl);
    assert!(dutch.message.contains("404 Not Found"), "{dutch:?}");
    assert!(
        dutch.help.as_deref().unwrap().contains("haal het weg"),
        "{dutch:?}"
    );
    assert_eq!(summary.checked, 2);
    // A page that is gone answers HEAD with 404; GET is asked too before calling it broken.
    let missing: Vec<Method> = server
        .hits()
        .into_iter()
        .filter(|h| h.target == "/missing")
        .map(|h| h.method)
        .collect();
    assert_eq!(missing, [Method::HEAD, Method::GET]);
}

#[tokio::test]
async fn a_permanent_redirect_names_the_new_address_and_a_temporary_one_is_fine() {
    let (server, diagnostics, _) = serve_and_check(&["/old#methode", "/elsewhere"]).await;
    let moved = only(&diagnostics, "external-moved", Severity::Warning);
    let help = moved.texts(Lang::En).help.unwrap();
    let new = server.url("/new#methode");
    assert!(help.contains(&new), "the hint names {new}: {help}");
}

#[tokio::test]
async fn head_refused_is_asked_again_with_get() {
    let (server, diagnostics, _) = serve_and_check(&["/no-head"]).await;
    assert!(diagnostics.is_empty(), "{:?}", codes(&diagnostics));
    let methods: Vec<Method> = server.hits().into_iter().map(|h| h.method).collect();
    assert_eq!(methods, [Method::HEAD, Method::GET]);
}

#[tokio::test]
async fn too_many_requests_waits_for_retry_after_and_tries_again() {
    let (server, diagnostics, _) = serve_and_check(&["/busy"]).await;
    assert!(diagnostics.is_empty(), "{:?}", codes(&diagnostics));
    let hits = server.hits();
    assert_eq!(hits.len(), 2, "{hits:?}");
    let waited = hits[1].at - hits[0].at;
    assert!(
        waited >= Duration::from_millis(950),
        "waited only {waited:?}"
    );
}

#[tokio::test]
async fn service_unavailable_is_retried_with_backoff_then_a_warning() {
    let (server, diagnostics, _) = serve_and_check(&["/down-once", "/down"]).await;
    let found = only(&diagnostics, "external-status", Severity::Warning);
    let message = found.texts(Lang::En).message;
    assert!(message.contains("/down`"), "{message}");
    let asked = |target: &str| server.hits().iter().filter(|h| h.target == target).count();
    assert_eq!(asked("/down-once"), 2, "503, then 200 after the backoff");
    assert_eq!(
        asked("/down"),
        3,
        "the first try and two retries, HEAD only"
    );
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_is_a_warning_at_once() {
    let started = Instant::now();
    let (server, diagnostics, _) = serve_and_check(&["/very-busy"]).await;
    let limited = only(&diagnostics, "external-rate-limited", Severity::Warning);
    let help = limited.texts(Lang::En).help.unwrap();
    assert!(help.contains("3600 s"), "{help}");
    assert_eq!(server.hits().len(), 1);
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[tokio::test]
async fn a_stalling_host_is_a_timeout_warning() {
    let server = Server::start().await;
    let mut options = options(Dns::System);
    options.timeout = Duration::from_millis(500);
    let started = Instant::now();
    let (diagnostics, _) = run(&[server.url("/stall")], &options).await;
    assert_eq!(
        codes(&diagnostics),
        [("external-timeout", Severity::Warning)]
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_server_that_refuses_link_checkers_is_asked_once_more_as_a_browser_would() {
    let (server, diagnostics, _) = serve_and_check(&["/bots-unwelcome"]).await;
    assert!(diagnostics.is_empty(), "{:?}", codes(&diagnostics));
    let agents: Vec<String> = server.hits().into_iter().map(|h| h.agent).collect();
    assert_eq!(
        agents.len(),
        3,
        "HEAD, GET, GET with the fallback agent: {agents:?}"
    );
    assert!(agents[0].starts_with("kennisbank/"), "{agents:?}");
    for agent in &agents {
        assert!(
            agent.contains("kennisbank") && agent.contains("https://kennisbank.test/"),
            "{agent}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_most_two_requests_run_at_once_per_host_while_hosts_go_in_parallel() {
    let server = Server::start().await;
    let urls = server.slow_pages(&["a.test", "b.test"], 6);
    let (diagnostics, summary) = run(&urls, &options(server.dns(&["a.test", "b.test"]))).await;
    assert!(diagnostics.is_empty(), "{:?}", codes(&diagnostics));
    assert_eq!(summary.checked, 12);
    let log = server.log.lock().unwrap();
    for host in ["a.test", "b.test"] {
        let key = format!("{host}:{}", server.addr.port());
        assert_eq!(
            log.max_per_host.get(&key),
            Some(&2),
            "{host}: {:?}",
            log.max_per_host
        );
    }
    assert_eq!(log.max_total, 4);
}

#[tokio::test]
async fn the_global_limit_holds_across_hosts() {
    let server = Server::start().await;
    let urls = server.slow_pages(&["a.test", "b.test"], 3);
    let mut options = options(server.dns(&["a.test", "b.test"]));
    options.concurrency = 1;
    let (diagnostics, _) = run(&urls, &options).await;
    assert!(diagnostics.is_empty(), "{:?}", codes(&diagnostics));
    assert_eq!(server.log.lock().unwrap().max_total, 1);
}

#[tokio::test]
async fn one_address_is_asked_once_however_often_it_is_linked_and_without_its_fragment() {
    let (server, diagnostics, summary) =
        serve_and_check(&["/missing#a", "/missing#b", "/missing"]).await;
    assert_eq!(
        summary,
        Summary {
            addresses: 1,
            places: 3,
            from_cache: 0,
            checked: 1
        }
    );
    let lines: Vec<usize> = diagnostics
        .iter()
        .map(|d| d.line_col().unwrap().0)
        .collect();
    assert_eq!(lines, [3, 4, 5], "every place is reported");
    let targets: Vec<String> = server.hits().into_iter().map(|h| h.target).collect();
    assert_eq!(
        targets,
        ["/missing", "/missing"],
        "HEAD and GET, no fragment sent"
    );
}

#[tokio::test]
async fn an_unknown_host_is_an_error_and_all_hosts_failing_is_one_offline_warning() {
    let server = Server::start().await;
    let port = server.addr.port();
    let urls = [
        format!("http://a.test:{port}/ok"),
        "http://nope.test/".to_string(),
    ];
    let (diagnostics, _) = run(&urls, &options(server.dns(&["a.test"]))).await;
    let found = only(&diagnostics, "external-host-unknown", Severity::Error);
    let message = found.texts(Lang::En).message;
    assert!(message.contains("nope.test"), "{message}");

    let urls = [
        "http://nope.test/".to_string(),
        "https://gone.test/x".to_string(),
    ];
    let (diagnostics, _) = run(&urls, &options(server.dns(&[]))).await;
    assert_eq!(
        codes(&diagnostics),
        [("external-offline", Severity::Warning)]
    );
}

#[tokio::test]
async fn the_cache_answers_a_second_run_without_a_single_request() {
    let server = Server::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut options = options(Dns::System);
    options.cache = Some(dir.path().join(linkcheck::CACHE_PATH));
    let urls = [server.url("/ok"), server.url("/missing")];
    let (first, _) = run(&urls, &options).await;
    let asked = server.hits().len();
    assert_eq!(asked, 3, "HEAD /ok, HEAD and GET /missing");

    let (second, summary) = run(&urls, &options).await;
    assert_eq!(server.hits().len(), asked, "no request on the second run");
    assert_eq!(summary.from_cache, 2);
    assert_eq!(
        codes(&second),
        codes(&first),
        "a cached answer is reported the same"
    );
    assert_eq!(second.iter().next().unwrap().line_col(), Some((4, 6)));

    options.read_cache = false;
    let (_, summary) = run(&urls, &options).await;
    assert_eq!(summary.checked, 2);
    assert_eq!(server.hits().len(), 2 * asked, "--no-cache asks again");
}

#[tokio::test]
async fn a_corrupt_cache_is_ignored_with_a_warning_and_replaced() {
    let server = Server::start().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(linkcheck::CACHE_PATH);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    // A link marked fine in a file of the wrong shape must not be trusted.
    let forged = format!(
        "{{\"entries\": {{\"{}\": \"ok\"}}}}",
        server.url("/missing")
    );
    std::fs::write(&path, forged).unwrap();
    let mut options = options(Dns::System);
    options.cache = Some(path.clone());
    let urls = [server.url("/missing")];
    let (diagnostics, _) = run(&urls, &options).await;
    assert_eq!(
        codes(&diagnostics),
        [
            ("external-cache", Severity::Warning),
            ("external-gone", Severity::Error)
        ]
    );
    let warning = diagnostics.iter().next().unwrap();
    let message = warning.texts(Lang::En).message;
    assert!(message.contains("links.json"), "{message}");
    assert!(warning.location.is_none());

    let (again, summary) = run(&urls, &options).await;
    assert_eq!(
        codes(&again),
        [("external-gone", Severity::Error)],
        "the file was rewritten"
    );
    assert_eq!(summary.from_cache, 1);
}

/// A copy of the fixture site whose two sources link to the test server.
fn site_linking_to(server: &Server, ecbo: &str, rug: &str) -> TestSite {
    let site = TestSite::fixture();
    for (file, path) in [
        ("content/bronnen/ecbo-2021.md", ecbo),
        ("content/bronnen/rug-2017.md", rug),
    ] {
        let text = site.read(file);
        let url = server.url(path);
        site.write(
            file,
            text.replacen("\nkind:", &format!("\nurl: {url}\nkind:"), 1),
        );
    }
    site
}

async fn run_cli(site: &TestSite, args: &[&str]) -> std::process::Output {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let root = site.root().to_path_buf();
    // The server answers on this runtime while the binary runs.
    let run = move || kennisbank().args(&args).current_dir(root).output().unwrap();
    tokio::task::spawn_blocking(run).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_external_exits_1_for_a_missing_page_and_names_its_place() {
    let server = Server::start().await;
    let site = site_linking_to(&server, "/ok", "/missing");
    let plain = run_cli(&site, &["check"]).await;
    assert!(
        plain.status.success(),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );
    assert!(
        server.hits().is_empty(),
        "without --external nothing is asked"
    );

    let out = run_cli(&site, &["check", "--external", "--format", "json"]).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<serde_json::Value> = json_lines(&stdout)
        .into_iter()
        .filter(|r| r["code"].as_str().unwrap().starts_with("external-"))
        .collect();
    assert_eq!(records.len(), 1, "{stdout}");
    let text = site.read("content/bronnen/rug-2017.md");
    let (line, column) = position_of(&text, "http://");
    assert_gone_at(&records[0], "content/bronnen/rug-2017.md", (line, column));
    assert!(
        site.path(linkcheck::CACHE_PATH).is_file(),
        "the answers are stored"
    );

    let human = run_cli(&site, &["check", "--external"]).await;
    let stderr = String::from_utf8_lossy(&human.stderr);
    assert_eq!(human.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("content/bronnen/rug-2017.md:{line}:{column}")),
        "{stderr}"
    );
    assert!(
        stderr.contains("externe links: 2 adressen op 2 plaatsen, 2 uit de cache, 0 nagevraagd"),
        "{stderr}"
    );
    insta::assert_snapshot!("check_external_gone", server.redact(&stderr));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_external_exits_0_when_links_only_warn() {
    let server = Server::start().await;
    let site = site_linking_to(&server, "/ok", "/old");
    let out = run_cli(&site, &["check", "--external"]).await;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("external-moved"), "{stderr}");
    assert!(stderr.contains(&server.url("/new")), "{stderr}");
    insta::assert_snapshot!("check_external_moved", server.redact(&stderr));
}

/// Web links in bodies are asked too, and reported where they stand in the body.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_external_asks_the_links_of_bodies() {
    let server = Server::start().await;
    let site = TestSite::fixture();
    let text = format!(
        "---\ntitle: Extern\n---\nZie <{}> en\n[de studie]({}).\n",
        server.url("/ok"),
        server.url("/missing")
    );
    site.write("content/paginas/extern.md", &text);
    let out = run_cli(&site, &["check", "--external", "--format", "json"]).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let records = json_lines(&stdout);
    assert_eq!(records.len(), 1, "{stdout}");
    let position = position_of(&text, "[de studie]");
    assert_gone_at(&records[0], "content/paginas/extern.md", position);
    let asked: Vec<String> = server.hits().into_iter().map(|h| h.target).collect();
    assert!(asked.iter().any(|p| p == "/ok"), "{asked:?}");
}
