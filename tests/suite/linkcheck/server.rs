//! The server the link check talks to: each path answers one way (200, 404, 301, 429 with
//! `Retry-After`, a stall…), and every request is logged with the requests in flight per host.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use kennisbank::linkcheck::Dns;

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Hit {
    pub method: Method,
    /// Path and query: what the client sent as the request target.
    pub target: String,
    pub agent: String,
    pub at: Instant,
}

#[derive(Default)]
pub struct Log {
    hits: Vec<Hit>,
    pub in_flight: HashMap<String, usize>,
    pub max_per_host: HashMap<String, usize>,
    pub max_total: usize,
}

/// A test server whose answer depends on the path; it records every request.
pub struct Server {
    pub addr: SocketAddr,
    pub log: Arc<Mutex<Log>>,
}

impl Server {
    pub async fn start() -> Server {
        let log = Arc::new(Mutex::new(Log::default()));
        let app = axum::Router::new().fallback(answer).with_state(log.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Server { addr, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// `text` with this server's port (which changes every run) as `[PORT]`.
    pub fn redact(&self, text: &str) -> String {
        text.replace(&format!(":{}/", self.addr.port()), ":[PORT]/")
    }

    pub fn hits(&self) -> Vec<Hit> {
        self.log.lock().unwrap().hits.clone()
    }

    /// `count` pages of each host that answer after 300 ms, counting requests in flight.
    pub fn slow_pages(&self, hosts: &[&str], count: usize) -> Vec<String> {
        let port = self.addr.port();
        let mut pages = Vec::new();
        for host in hosts {
            pages.extend((0..count).map(|i| format!("http://{host}:{port}/slow/{i}")));
        }
        pages
    }

    /// `a.test`, `b.test` … all lead to this server; every other name does not exist.
    pub fn dns(&self, names: &[&str]) -> Dns {
        Dns::Fixed(names.iter().map(|n| (n.to_string(), self.addr)).collect())
    }
}

async fn answer(
    State(log): State<Arc<Mutex<Log>>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let host = text(header::HOST);
    let hit = Hit {
        method: method.clone(),
        target: uri
            .path_and_query()
            .map(|p| p.to_string())
            .unwrap_or_default(),
        agent: text(header::USER_AGENT),
        at: Instant::now(),
    };
    let earlier = {
        let mut log = log.lock().unwrap();
        let earlier = log.hits.iter().filter(|h| h.target == hit.target).count();
        log.hits.push(hit.clone());
        earlier
    };
    match uri.path() {
        "/ok" | "/new" => StatusCode::OK.into_response(),
        "/missing" => StatusCode::NOT_FOUND.into_response(),
        "/old" => (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, "/new")]).into_response(),
        "/elsewhere" => (StatusCode::FOUND, [(header::LOCATION, "/new")]).into_response(),
        "/no-head" if method == Method::HEAD => StatusCode::METHOD_NOT_ALLOWED.into_response(),
        "/no-head" => StatusCode::OK.into_response(),
        "/busy" if earlier == 0 => {
            (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response()
        }
        "/busy" => StatusCode::OK.into_response(),
        "/down-once" if earlier == 0 => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        "/down-once" => StatusCode::OK.into_response(),
        "/down" => StatusCode::SERVICE_UNAVAILABLE.into_response(),
        "/very-busy" => (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "3600")],
        )
            .into_response(),
        "/bots-unwelcome" if !hit.agent.starts_with("Mozilla/5.0") => {
            StatusCode::FORBIDDEN.into_response()
        }
        "/bots-unwelcome" => StatusCode::OK.into_response(),
        "/stall" => {
            tokio::time::sleep(Duration::from_secs(10)).await;
            StatusCode::OK.into_response()
        }
        path if path.starts_with("/slow/") => {
            {
                let mut log = log.lock().unwrap();
                let now = log.in_flight.entry(host.clone()).or_default();
                *now += 1;
                let now = *now;
                let max = log.max_per_host.entry(host.clone()).or_default();
                *max = (*max).max(now);
                let total = log.in_flight.values().sum();
                log.max_total = log.max_total.max(total);
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
            *log.lock().unwrap().in_flight.get_mut(&host).unwrap() -= 1;
            StatusCode::OK.into_response()
        }
        _ => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
