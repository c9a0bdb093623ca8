//! A plain HTTP/1.1 client over a `TcpStream`, so request paths go out exactly as written (`..`
//! and all), and a reader of the live-reload event stream (server-sent events). Loopback only.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request with the path sent byte for byte.
pub fn get(port: u16, path: &str) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").expect("a complete response");
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_string()
    };
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}

/// The live-reload event stream, read on a thread into a channel of (event name, data).
pub struct Events {
    pub receiver: mpsc::Receiver<(String, serde_json::Value)>,
}

impl Events {
    pub fn connect(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "GET /__kennisbank/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut name = String::new();
            let mut data = String::new();
            // Chunk-size lines of the chunked encoding are neither `event:` nor `data:` lines.
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let line = line.trim_end_matches('\r');
                if let Some(n) = line.strip_prefix("event: ") {
                    name = n.to_string();
                } else if let Some(d) = line.strip_prefix("data: ") {
                    data.push_str(d);
                } else if line.is_empty() && !data.is_empty() {
                    let value = serde_json::from_str(&data).unwrap_or(serde_json::Value::Null);
                    if sender.send((std::mem::take(&mut name), value)).is_err() {
                        return;
                    }
                    data.clear();
                }
            }
        });
        let events = Events { receiver };
        events.next_named("hello", Duration::from_secs(20));
        events
    }

    /// The next event called `name`, skipping others; panics after `timeout`.
    pub fn next_named(&self, name: &str, timeout: Duration) -> serde_json::Value {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok((n, data)) if n == name => return data,
                Ok(_) => continue,
                Err(_) => panic!("no `{name}` event within {timeout:?}"),
            }
        }
    }

    /// The next reload event whose changed files include `key`.
    pub fn reload_of(&self, key: &str, timeout: Duration) -> serde_json::Value {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let data = self.next_named("reload", left);
            let changed = data["changed"].as_array().unwrap();
            if data["all"] == true || changed.iter().any(|c| c == key) {
                return data;
            }
        }
    }
}
