//! The HTTP side of `serve`: site files from the in-memory snapshot (never from disk, so nothing
//! outside the site can be reached), the live-reload script injected into HTML responses, and the
//! server-sent event stream that drives it.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::{broadcast, watch};

use super::events::LiveEvent;
use super::state::ServeState;

/// Where the live-reload machinery lives; no site file can be there (site paths never start with `_`
/// twice in a row in a generated site, and these routes win anyway).
pub const PREFIX: &str = "/__kennisbank";

const LIVE_JS: &str = include_str!("live.js");
const LIVE_CSS: &str = include_str!("live.css");

#[derive(Clone)]
struct App {
    state: Arc<ServeState>,
    shutdown: watch::Receiver<bool>,
}

/// The router: live-reload endpoints first, every other path is a site file.
pub fn router(state: Arc<ServeState>, shutdown: watch::Receiver<bool>) -> Router {
    Router::new()
        .route(&format!("{PREFIX}/events"), get(events))
        .route(&format!("{PREFIX}/live.js"), get(live_js))
        .route(&format!("{PREFIX}/live.css"), get(live_css))
        .fallback(site_file)
        .with_state(App { state, shutdown })
}

async fn live_js() -> Response {
    with_type(
        LIVE_JS.as_bytes().to_vec(),
        "text/javascript; charset=utf-8",
    )
}

async fn live_css() -> Response {
    with_type(LIVE_CSS.as_bytes().to_vec(), "text/css; charset=utf-8")
}

fn with_type(body: Vec<u8>, content_type: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    // A preview must never show a stale page.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// The event stream: `hello` with the build number, the current failure if the last rebuild
/// failed, then every live event until the server stops.
async fn events(State(app): State<App>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = app.state.subscribe();
    let build = app.state.snapshot().build;
    let mut first = vec![
        Event::default()
            .event("hello")
            .retry(Duration::from_millis(500))
            .data(format!("{{\"build\":{build}}}")),
    ];
    if let Some(failure) = app.state.current_failure() {
        first.push(to_event(&failure));
    }
    let rest = stream::unfold(
        (receiver, app.shutdown.clone()),
        |(mut receiver, mut shutdown)| async move {
            if *shutdown.borrow() {
                return None;
            }
            let event = tokio::select! {
                _ = shutdown.changed() => return None,
                message = receiver.recv() => match message {
                    Ok(event) => to_event(&event),
                    // Too slow to follow: whatever was missed, a reload catches up.
                    Err(broadcast::error::RecvError::Lagged(_)) => to_event(&LiveEvent::Reload {
                        build: 0,
                        changed: Vec::new(),
                        all: true,
                    }),
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
            };
            Some((Ok(event), (receiver, shutdown)))
        },
    );
    Sse::new(stream::iter(first.into_iter().map(Ok)).chain(rest)).keep_alive(KeepAlive::default())
}

fn to_event(event: &LiveEvent) -> Event {
    Event::default()
        .event(event.name())
        .data(serde_json::to_string(event).unwrap_or_else(|_| "{}".into()))
}

/// Why a request path is refused before any lookup.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Malformed or trying to leave the site: `..`, encoded slashes, NUL, backslashes.
    BadRequest,
    /// Well-formed but outside the site's base path.
    NotFound,
}

/// Turns a raw request path (still percent-encoded) into a key of the snapshot, refusing anything
/// that could name a file outside the site. Lookups are in memory, so this is defence in depth
/// and a clear answer, not the only barrier.
pub fn resolve(raw_path: &str, base_path: &str) -> Result<String, Refused> {
    if !raw_path.starts_with('/') {
        return Err(Refused::BadRequest);
    }
    let lower = raw_path.to_ascii_lowercase();
    // An encoded slash or backslash would let one "segment" hide a separator.
    if lower.contains("%2f") || lower.contains("%5c") {
        return Err(Refused::BadRequest);
    }
    let decoded = percent_encoding::percent_decode_str(raw_path)
        .decode_utf8()
        .map_err(|_| Refused::BadRequest)?;
    if decoded.contains(['\0', '\\']) {
        return Err(Refused::BadRequest);
    }
    let Some(inside) = decoded.strip_prefix(base_path) else {
        // `/kennisbank` for base path `/kennisbank/` is the site's root too.
        return if format!("{decoded}/") == base_path {
            Ok("index.html".into())
        } else {
            Err(Refused::NotFound)
        };
    };
    let segments: Vec<&str> = inside.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        if *segment == "." || *segment == ".." || (segment.is_empty() && i != last) {
            return Err(Refused::BadRequest);
        }
    }
    if inside.is_empty() || inside.ends_with('/') {
        Ok(format!("{inside}index.html"))
    } else {
        Ok(inside.to_string())
    }
}

async fn site_file(State(app): State<App>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = StatusCode::METHOD_NOT_ALLOWED.into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let snapshot = app.state.snapshot();
    let key = match resolve(uri.path(), &snapshot.base_path) {
        Ok(key) => key,
        Err(Refused::BadRequest) => {
            return (StatusCode::BAD_REQUEST, "bad request path\n").into_response();
        }
        Err(Refused::NotFound) => return not_found(&snapshot),
    };
    if let Some(bytes) = snapshot.files.get(&key) {
        return file_response(&key, bytes, snapshot.build, StatusCode::OK);
    }
    // `/effecten/x` → `/effecten/x/`, as a static host would do, so relative links keep working.
    if snapshot.files.contains_key(&format!("{key}/index.html")) {
        let location = match uri.query() {
            Some(query) => format!("{}/?{query}", uri.path()),
            None => format!("{}/", uri.path()),
        };
        let mut response = StatusCode::PERMANENT_REDIRECT.into_response();
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
        return response;
    }
    not_found(&snapshot)
}

/// The site's own 404 page with status 404; a plain one while no build has succeeded yet (it
/// still gets the live script, so the error overlay shows).
fn not_found(snapshot: &super::state::Snapshot) -> Response {
    match snapshot.files.get("404.html") {
        Some(bytes) => file_response("404.html", bytes, snapshot.build, StatusCode::NOT_FOUND),
        None => file_response(
            "404.html",
            b"<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Niet gevonden</title></head>\
              <body><h1>Niet gevonden</h1><p>Deze pagina bestaat niet, of de site is nog niet gebouwd: \
              zie de terminal.</p></body></html>",
            snapshot.build,
            StatusCode::NOT_FOUND,
        ),
    }
}

fn file_response(key: &str, bytes: &[u8], build: u64, status: StatusCode) -> Response {
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let content_type = if mime.type_() == mime_guess::mime::TEXT
        || mime.subtype() == mime_guess::mime::JAVASCRIPT
        || mime.subtype() == mime_guess::mime::JSON
        || mime.suffix() == Some(mime_guess::mime::XML)
    {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    let body = if key.ends_with(".html") {
        inject(bytes, key, build)
    } else {
        bytes.to_vec()
    };
    let mut response = with_type(body, &content_type);
    *response.status_mut() = status;
    response
}

/// Adds the live-reload script before `</body>`. It is an external, same-origin script, so a page
/// whose policy allows only `script-src 'self'` still runs it; `data-page` names the file the page
/// came from, so it reloads only when that file changed; `data-build` the build it belongs to.
pub fn inject(html: &[u8], key: &str, build: u64) -> Vec<u8> {
    let tag = format!(
        "<script src=\"{PREFIX}/live.js\" data-page=\"{}\" data-build=\"{build}\" defer></script>",
        key.replace('&', "&amp;").replace('"', "&quot;")
    );
    let text = String::from_utf8_lossy(html);
    let at = text.rfind("</body>").unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + tag.len());
    out.push_str(&text[..at]);
    out.push_str(&tag);
    out.push_str(&text[at..]);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_files_of_the_site() {
        assert_eq!(resolve("/", "/").unwrap(), "index.html");
        assert_eq!(
            resolve("/effecten/x/", "/").unwrap(),
            "effecten/x/index.html"
        );
        assert_eq!(
            resolve("/style.1a2b3c4d.css", "/").unwrap(),
            "style.1a2b3c4d.css"
        );
        assert_eq!(resolve("/caf%C3%A9/", "/").unwrap(), "café/index.html");
        assert_eq!(resolve("/kb/a/", "/kb/").unwrap(), "a/index.html");
        assert_eq!(resolve("/kb", "/kb/").unwrap(), "index.html");
        assert_eq!(resolve("/other/", "/kb/"), Err(Refused::NotFound));
    }

    #[test]
    fn traversal_and_encoded_separators_are_refused() {
        for path in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2E%2E/etc/passwd",
            "/..%2fetc%2fpasswd",
            "/a%5c..%5cb",
            "//etc/passwd",
            "/a/./b",
            "/a%00.html",
            "etc/passwd",
        ] {
            assert_eq!(resolve(path, "/"), Err(Refused::BadRequest), "{path}");
        }
    }

    #[test]
    fn the_script_goes_before_the_body_end_and_names_the_page() {
        let html = inject(b"<html><body><p>x</p></body></html>", "a/index.html", 7);
        let html = String::from_utf8(html).unwrap();
        assert!(
            html.ends_with(
                "data-page=\"a/index.html\" data-build=\"7\" defer></script></body></html>"
            ),
            "{html}"
        );
    }
}
