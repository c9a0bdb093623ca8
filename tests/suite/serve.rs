//! `kennisbank serve` end to end: the real binary on a free port of 127.0.0.1, serving a small site
//! in a temporary folder, a real HTTP client (a plain TcpStream, so request paths go out exactly
//! as written, `..` and all) and the real event stream the live-reload script listens to.
//!
//! `cargo test --release --test suite serve::bench -- --ignored --nocapture` prints edit-to-reload
//! latency on a copy of the shipped content; with `KENNISBANK_BENCH_PAGES=10000` on a generated
//! site of that many pages (`kennisbank-generate`).
//!
//! Long (~650 lines) because each test is one small case of what an editor sees while serving.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::util::http::{Events, Response, get};
use crate::util::{TestSite, copy_tree, expect_success, generator, kennisbank, repo};

const SITE_YAML: &str = "\
title: Testkennisbank
base_url: /
language: nl
theme: default
categories:
  - key: primair
    label: Primaire effecten
    column_title: Voorbereiding op de beroepspraktijk
levels:
  - key: onderwijsregio
    number: 1
    label: Onderwijsregio
tags:
  - { key: inductie, label: Inductie }
";

const EFFECT: &str = "---
title: Behoud van startende leraren
category: primair
order: 1
summary: Starters blijven langer in het onderwijs.
tags: [inductie]
---
Zie ook [[begrip:inductie]].
";

const TERM: &str = "---
title: Inductie
summary: De begeleiding van beginnende leraren.
tags: [inductie]
---
Hoort bij [[effect:behoud]].
";

const PAGE: &str = "---
title: Over deze site
---
Een testsite.
";

const PAGE_FILE: &str = "content/paginas/over.md";
const PAGE_URL: &str = "/over/";
const PAGE_KEY: &str = "over/index.html";

/// A project folder with the repository's theme and a few content files.
fn small_site() -> TestSite {
    let site = TestSite::themes_only();
    for (path, text) in [
        ("content/site.yaml", SITE_YAML),
        ("content/effecten/behoud.md", EFFECT),
        ("content/begrippen/inductie.md", TERM),
        (PAGE_FILE, PAGE),
    ] {
        site.write(path, text);
    }
    site
}

/// The small site, served, and an event stream of it (an open tab).
fn serving_small_site() -> (TestSite, Server, Events) {
    let site = small_site();
    let server = Server::start(site.root());
    let events = server.events();
    (site, server, events)
}

struct Server {
    child: Child,
    port: u16,
    _stderr: std::thread::JoinHandle<()>,
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = kennisbank()
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start kennisbank serve");
        // Keep stderr drained so a chatty rebuild never blocks the server; show it on failure.
        let stderr = child.stderr.take().unwrap();
        let stderr = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                eprintln!("[serve] {line}");
            }
        });
        let stdout = child.stdout.take().unwrap();
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = sender.send(line);
            }
        });
        let line = receiver
            .recv_timeout(Duration::from_secs(120))
            .expect("serve prints its URL");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        assert!(
            url.starts_with("http://127.0.0.1:"),
            "loopback by default: {url}"
        );
        let port = url["http://127.0.0.1:".len()..]
            .trim_end_matches('/')
            .parse()
            .unwrap();
        Server {
            child,
            port,
            _stderr: stderr,
        }
    }

    fn get(&self, path: &str) -> Response {
        get(self.port, path)
    }

    fn events(&self) -> Events {
        Events::connect(self.port)
    }

    /// Sends Ctrl-C and waits for the process to end.
    fn interrupt(&mut self) -> std::process::ExitStatus {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "serve did not stop on Ctrl-C");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const WAIT: Duration = Duration::from_secs(30);

#[test]
fn pages_are_served_with_the_live_script_and_the_right_types() {
    let site = small_site();
    let server = Server::start(site.root());
    let page = server.get(PAGE_URL);
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(page.body.contains("Een testsite."), "{}", page.body);
    assert!(
        page.body
            .contains("<script src=\"/__kennisbank/live.js\" data-page=\"over/index.html\""),
        "the live script is injected: {}",
        page.body
    );
    let css_url = page
        .body
        .split('"')
        .find(|s| s.ends_with(".css") && s.starts_with('/'))
        .expect("the page links its stylesheet");
    let css = server.get(css_url);
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(
        !css.body.contains("__kennisbank"),
        "nothing injected into CSS"
    );
    let script = server.get("/__kennisbank/live.js");
    assert_eq!(script.status, 200);
    assert!(
        script
            .header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    // Without the trailing slash a static host redirects; so does serve.
    let bare = server.get("/over");
    assert_eq!(bare.status, 308);
    assert_eq!(bare.header("location"), Some("/over/"));
    // The site's own 404 page, with status 404.
    let missing = server.get("/bestaat-niet/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("bestaat niet"), "{}", missing.body);
    // Nothing is written into the project, least of all into content/.
    assert!(!site.path("public").exists());
}

#[test]
fn an_edit_sends_a_reload_and_serves_the_new_content() {
    let (site, server, events) = serving_small_site();
    site.save_atomically(
        PAGE_FILE,
        &PAGE.replace("Een testsite.", "Nieuwe tekst XYZZY."),
    );
    events.reload_of(PAGE_KEY, WAIT);
    let page = server.get(PAGE_URL);
    assert!(page.body.contains("Nieuwe tekst XYZZY."), "{}", page.body);

    // A new page in a new folder, and a deleted one.
    site.write(
        "content/paginas/colofon.md",
        "---\ntitle: Colofon\n---\nGemaakt door ons.\n",
    );
    events.reload_of("colofon/index.html", WAIT);
    assert!(server.get("/colofon/").body.contains("Gemaakt door ons."));
    std::fs::remove_file(site.path("content/paginas/colofon.md")).unwrap();
    events.reload_of("colofon/index.html", WAIT);
    assert_eq!(server.get("/colofon/").status, 404);
}

/// Body edits take a shortcut (only the edited page is planned again); one that adds a link must
/// still show on the linked page, and a title edit on every page that names the page.
#[test]
fn an_edit_that_changes_links_or_titles_updates_the_other_pages_too() {
    let (site, server, events) = serving_small_site();
    let term = "begrippen/inductie/index.html";
    assert!(
        !server
            .get("/begrippen/inductie/")
            .body
            .contains("Over deze site")
    );
    site.save_atomically(
        PAGE_FILE,
        &PAGE.replace("Een testsite.", "Een testsite over [[begrip:inductie]]."),
    );
    events.reload_of(term, WAIT);
    let linked = server.get("/begrippen/inductie/").body;
    assert!(linked.contains("Over deze site"), "backlink: {linked}");
    site.save_atomically(
        PAGE_FILE,
        &PAGE
            .replace("Een testsite.", "Een testsite over [[begrip:inductie]].")
            .replace("title: Over deze site", "title: Over dit project"),
    );
    events.reload_of(term, WAIT);
    let linked = server.get("/begrippen/inductie/").body;
    assert!(
        linked.contains("Over dit project") && !linked.contains("Over deze site"),
        "renamed backlink: {linked}"
    );
}

/// What serve serves after a series of incremental rebuilds is what `kennisbank build` writes for
/// the same files (but for the live-reload script); the search index and extras may follow the
/// pages by a moment.
#[test]
fn after_edits_serve_serves_what_a_build_writes() {
    let (site, server, events) = serving_small_site();
    for text in [
        PAGE.replace("Een testsite.", "Een testsite over [[begrip:inductie]]."),
        PAGE.replace(
            "Een testsite.",
            "Een andere tekst over [[begrip:inductie]].",
        ),
        PAGE.replace("title: Over deze site", "title: Over dit project"),
    ] {
        site.save_atomically(PAGE_FILE, &text);
        events.reload_of(PAGE_KEY, WAIT);
    }
    let out = tempfile::tempdir().unwrap();
    expect_success(
        kennisbank()
            .args(["build", "--root"])
            .arg(site.root())
            .arg("--output")
            .arg(out.path().join("site")),
    );
    let site_dir = out.path().join("site");
    let files: Vec<String> = walkdir::WalkDir::new(&site_dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(&site_dir).unwrap();
            relative.to_string_lossy().replace('\\', "/")
        })
        .collect();
    assert!(files.len() > 20, "{files:?}");
    let served = |relative: &str| {
        let url = format!("/{}", relative.trim_end_matches("index.html"));
        let body = server.get(&url).body;
        // The live-reload script is the one thing serve adds.
        match body.find("<script src=\"/__kennisbank/live.js\"") {
            Some(start) => {
                let end = start + body[start..].find("</script>").unwrap() + "</script>".len();
                format!("{}{}", &body[..start], &body[end..])
            }
            None => body,
        }
    };
    let deadline = Instant::now() + WAIT;
    for relative in &files {
        let expected =
            String::from_utf8_lossy(&std::fs::read(site_dir.join(relative)).unwrap()).into_owned();
        while served(relative) != expected {
            assert!(
                Instant::now() < deadline,
                "/{relative} differs from the build's"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn a_stylesheet_change_swaps_the_stylesheet_without_a_page_reload() {
    let (site, server, events) = serving_small_site();
    let css_path = site.path("themes/default/static/style.css");
    let mut css = std::fs::read_to_string(&css_path).unwrap();
    css.push_str("\n.serve-test { color: rebeccapurple; }\n");
    std::fs::write(&css_path, &css).unwrap();
    let swap = events.next_named("css", WAIT);
    let old = swap["swaps"][0]["old"].as_str().unwrap().to_string();
    let new = swap["swaps"][0]["new"].as_str().unwrap().to_string();
    assert_ne!(old, new);
    assert!(server.get(&new).body.contains("rebeccapurple"));
    assert_eq!(server.get(&old).status, 404, "the old stylesheet is gone");
    let page = server.get(PAGE_URL);
    assert!(
        page.body.contains(&new) && !page.body.contains(&old),
        "pages link the new one"
    );
    // No reload came for the stylesheet: the next event is about the next edit.
    site.save_atomically(PAGE_FILE, &PAGE.replace("Een testsite.", "Daarna."));
    let next = events.reload_of(PAGE_KEY, WAIT);
    let pages: Vec<&str> = next["changed"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c.as_str())
        .filter(|c| c.ends_with(".html"))
        .collect();
    assert_eq!(pages, [PAGE_KEY], "only the edited page changed: {next}");
}

#[test]
fn a_broken_file_shows_its_errors_and_the_fix_clears_them() {
    let (site, server, events) = serving_small_site();
    let broken = PAGE.replace("title:", "titel:");
    site.save_atomically(PAGE_FILE, &broken);
    let failure = events.next_named("build-error", WAIT);
    let first = &failure["diagnostics"][0];
    assert_eq!(first["severity"], "error");
    // The overlay's words come with the event, in the site's language: the script has none.
    let texts = &failure["texts"];
    assert_eq!(texts["lang"], "nl");
    let errors = failure["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .count();
    let title = match errors {
        1 => "Build mislukt: 1 fout".to_string(),
        n => format!("Build mislukt: {n} fouten"),
    };
    assert_eq!(texts["title"], title, "{failure}");
    assert_eq!(texts["close"], "Sluiten");
    assert_eq!(texts["help"], "tip");
    assert_eq!(
        first["heading"],
        format!(
            "fout [{}] in {PAGE_FILE}:2:1",
            first["code"].as_str().unwrap()
        )
    );
    assert_eq!(first["file"], PAGE_FILE);
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert!(first["help"].as_str().unwrap().contains("title"), "{first}");
    assert!(
        first["rendered"].as_str().unwrap().contains("over.md:2:1"),
        "{first}"
    );
    // The last good site stays served, and a page opened now learns of the failure at once.
    assert!(server.get(PAGE_URL).body.contains("Een testsite."));
    let late = server.events();
    let told = late.next_named("build-error", WAIT);
    assert_eq!(told["diagnostics"][0]["file"], PAGE_FILE);

    site.save_atomically(PAGE_FILE, &PAGE.replace("Een testsite.", "Weer goed."));
    events.reload_of(PAGE_KEY, WAIT);
    late.reload_of(PAGE_KEY, WAIT);
    assert!(server.get(PAGE_URL).body.contains("Weer goed."));
    let after = server.events();
    assert!(
        after
            .receiver
            .recv_timeout(Duration::from_millis(500))
            .is_err(),
        "no error is replayed after the fix"
    );
}

#[test]
fn paths_outside_the_site_are_refused() {
    let site = small_site();
    std::fs::write(site.path("secret.txt"), "root:x:0:0").unwrap();
    let server = Server::start(site.root());
    for path in [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/over/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/..%2fsecret.txt",
        "/over%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "//etc/passwd",
        "/content/site.yaml",
        "/themes/default/templates/base.html",
        "/secret.txt",
    ] {
        let response = server.get(path);
        assert!(
            [400, 404].contains(&response.status),
            "{path}: {}",
            response.status
        );
        assert!(!response.body.contains("root:"), "{path} leaked a file");
        assert!(
            !response.body.contains("Testkennisbank\ncategories"),
            "{path}"
        );
    }
}

#[test]
fn a_burst_of_200_saves_ends_with_the_last_one() {
    let (site, server, events) = serving_small_site();
    for i in 0..200 {
        let text = PAGE.replace("Een testsite.", &format!("Versie {i} van 200."));
        if i % 2 == 0 {
            site.save_atomically(PAGE_FILE, &text);
        } else {
            // Vim-style: a swap file comes and goes beside the real write.
            let swap = site.path("content/paginas/.over.md.swp");
            std::fs::write(&swap, "swap").unwrap();
            site.write(PAGE_FILE, &text);
            std::fs::remove_file(&swap).unwrap();
        }
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let body = server.get(PAGE_URL).body;
        if body.contains("Versie 199 van 200.") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the last save never showed: {body}"
        );
        let _ = events.receiver.recv_timeout(Duration::from_millis(200));
    }
    assert_eq!(server.get("/").status, 200, "still serving");
}

#[test]
fn many_concurrent_connections_are_all_answered() {
    let site = small_site();
    let server = Server::start(site.root());
    // Open event streams hold connections too, as open tabs do.
    let _tabs: Vec<Events> = (0..16).map(|_| server.events()).collect();
    let port = server.port;
    let threads: Vec<_> = (0..64)
        .map(|i| {
            std::thread::spawn(move || {
                let path = if i % 2 == 0 { PAGE_URL } else { "/" };
                get(port, path).status
            })
        })
        .collect();
    for thread in threads {
        assert_eq!(thread.join().unwrap(), 200);
    }
}

#[test]
fn ctrl_c_stops_the_server_cleanly_even_with_open_pages() {
    let site = small_site();
    let mut server = Server::start(site.root());
    let _tab = server.events();
    let status = server.interrupt();
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_taken_port_is_reported_with_a_free_one() {
    let site = small_site();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let serve = |lang: &str| {
        let output = kennisbank()
            .args([
                "serve",
                "--lang",
                lang,
                "--port",
                &port.to_string(),
                "--root",
            ])
            .arg(site.root())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let dutch = serve("nl");
    assert!(dutch.contains(&format!("poort {port} ")), "{dutch}");
    assert!(dutch.contains("al in gebruik"), "{dutch}");
    assert!(dutch.contains("--port "), "names a free port: {dutch}");
    let english = serve("en");
    assert!(english.contains(&format!("port {port} ")), "{english}");
    assert!(english.contains("already in use"), "{english}");
}

/// Edit-to-reload latency on a copy of the shipped content, or on a generated site of
/// `KENNISBANK_BENCH_PAGES` pages: the time from a save to the reload event, and to the new text
/// being served. Run with `--release` for real figures.
#[test]
#[ignore]
fn bench_edit_to_reload() {
    let site = TestSite::themes_only();
    match std::env::var("KENNISBANK_BENCH_PAGES") {
        Ok(pages) => {
            expect_success(
                generator()
                    .args(["--pages", &pages, "--output"])
                    .arg(site.root())
                    .arg("--root")
                    .arg(repo()),
            );
        }
        Err(_) => copy_tree(&repo().join("content"), &site.path("content")),
    }
    let root = site.root();
    let started = Instant::now();
    let server = Server::start(root);
    println!(
        "startup (first build) until the URL is printed: {:.0} ms",
        ms(started.elapsed())
    );
    let events = server.events();
    // A plain page, in both the shipped and the generated content.
    let file: PathBuf = root.join("content/paginas/over.md");
    let original = std::fs::read_to_string(&file).unwrap();
    let relative = file
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let slug = file.file_stem().unwrap().to_string_lossy().into_owned();
    let (mut to_event, mut to_served) = (Vec::new(), Vec::new());
    for i in 0..10 {
        let marker = format!("Benchmarkzin {i}.");
        let edited = format!("{original}\n{marker}\n");
        let saved = Instant::now();
        site.save_atomically(&relative, &edited);
        events.next_named("reload", WAIT);
        to_event.push(ms(saved.elapsed()));
        let deadline = Instant::now() + WAIT;
        while !server.get(&format!("/{slug}/")).body.contains(&marker) {
            assert!(Instant::now() < deadline, "/{slug}/ never showed the edit");
        }
        to_served.push(ms(saved.elapsed()));
    }
    // A title edit changes links to the page everywhere: the full path (resolve, plan every page,
    // render those whose context changed).
    let mut title_times = Vec::new();
    for i in 0..3 {
        let title = format!("Benchmarktitel {i}");
        let edited: String = original
            .lines()
            .map(|line| {
                if line.starts_with("title:") {
                    format!("title: {title}\n")
                } else {
                    format!("{line}\n")
                }
            })
            .collect();
        let saved = Instant::now();
        site.save_atomically(&relative, &edited);
        let deadline = Instant::now() + WAIT * 4;
        while !server.get(&format!("/{slug}/")).body.contains(&title) {
            assert!(
                Instant::now() < deadline,
                "/{slug}/ never showed the new title"
            );
        }
        title_times.push(ms(saved.elapsed()));
    }
    let css_path = root.join("themes/default/static/style.css");
    let mut css_times = Vec::new();
    for i in 0..10 {
        let mut css = std::fs::read_to_string(&css_path).unwrap();
        css.push_str(&format!("\n.bench-{i} {{ color: red; }}\n"));
        let saved = Instant::now();
        std::fs::write(&css_path, css).unwrap();
        events.next_named("css", WAIT);
        css_times.push(ms(saved.elapsed()));
    }
    report("content edit → reload event", &mut to_event);
    report("content edit → new page served", &mut to_served);
    report("title edit → new page served", &mut title_times);
    report("stylesheet edit → css swap event", &mut css_times);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(what: &str, times: &mut [f64]) {
    times.sort_by(f64::total_cmp);
    println!(
        "{what}: median {:.0} ms, min {:.0} ms, max {:.0} ms ({} runs)",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
}
