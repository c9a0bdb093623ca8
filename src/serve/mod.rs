//! `kennisbank serve`: a preview server with live reload.
//!
//! Builds the site in memory ([`crate::site::compile`]; nothing is written, least of all into the
//! content folder), serves it from an [`state::Snapshot`] swapped whole after each successful
//! rebuild, watches `content/` and `themes/` ([`watch`]), and tells open pages over server-sent
//! events to reload, swap a stylesheet, or show the build errors in an overlay ([`http`]).

pub mod http;
pub mod incremental;
pub mod state;
pub mod watch;

use std::io::{IsTerminal, Write};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use tokio::net::TcpListener;
use tokio::sync::watch as signal_watch;

use crate::site::BuildOptions;
pub use state::{Outcome, ServeState};

/// Where and what to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: IpAddr,
    /// 0 picks any free port.
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
}

/// Serves until Ctrl-C (or SIGTERM). `Err` for a taken port, a missing project or I/O trouble.
pub fn run(options: ServeOptions) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server runtime")?;
    runtime.block_on(serve(options))
}

async fn serve(options: ServeOptions) -> Result<()> {
    let root = options.build.root.canonicalize().with_context(|| {
        format!(
            "cannot serve `{}`: the folder does not exist",
            options.build.root.display()
        )
    })?;
    if !root.join("content").is_dir() {
        bail!(
            "`{}` has no content/ folder; pass the project folder with --root",
            root.display()
        );
    }
    // Bind first: a taken port should be reported before a build the user would wait for.
    let listener = bind(options.bind, options.port).await?;
    let address = listener
        .local_addr()
        .context("cannot read the bound address")?;
    let state = Arc::new(ServeState::new(BuildOptions {
        root,
        ..options.build.clone()
    }));
    let first = {
        let state = state.clone();
        tokio::task::spawn_blocking(move || state.rebuild(&[]))
            .await
            .context("the first build crashed")?
    };
    report(&first, true);
    let _watching = watch::start(state.clone(), |outcome| report(outcome, false))?;

    let url = url(address, &state.snapshot().base_path);
    println!("serving {url}  (Ctrl-C to stop)");
    if options.bind.is_unspecified() {
        println!("note: listening on every network interface, not only this computer");
    }
    let _ = std::io::stdout().flush();
    if options.open {
        open_browser(&url);
    }

    let (stop, stopped) = signal_watch::channel(false);
    let app = http::router(state, stopped.clone());
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        wait_for_signal().await;
        eprintln!("stopping");
        // Ends the event streams, which would otherwise keep the graceful shutdown waiting.
        let _ = stop.send(true);
    });
    let mut stopped = stopped;
    tokio::select! {
        result = server => result.context("the server stopped with an error")?,
        // Connections that do not close within a moment after Ctrl-C are not worth waiting for.
        _ = async {
            let _ = stopped.wait_for(|s| *s).await;
            tokio::time::sleep(Duration::from_secs(3)).await;
        } => {}
    }
    Ok(())
}

async fn bind(ip: IpAddr, port: u16) -> Result<TcpListener> {
    match TcpListener::bind((ip, port)).await {
        Ok(listener) => Ok(listener),
        Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => {
            let free = free_port(ip, port).await;
            match free {
                Some(free) => bail!(
                    "port {port} on {ip} is already in use (another `kennisbank serve`?); \
                     port {free} is free: kennisbank serve --port {free}"
                ),
                None => bail!(
                    "port {port} on {ip} is already in use; pick another with --port, \
                     or --port 0 for any free one"
                ),
            }
        }
        Err(err) => Err(err).with_context(|| format!("cannot listen on {ip} port {port}")),
    }
}

/// The next free port after `taken`, to name in the message.
async fn free_port(ip: IpAddr, taken: u16) -> Option<u16> {
    for port in taken.saturating_add(1)..=taken.saturating_add(100) {
        if TcpListener::bind((ip, port)).await.is_ok() {
            return Some(port);
        }
    }
    None
}

fn url(address: SocketAddr, base_path: &str) -> String {
    let host = match address.ip() {
        ip if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    format!("http://{host}:{}{base_path}", address.port())
}

async fn wait_for_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate => {}
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let spawned = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(err) = spawned {
        eprintln!("could not open a browser ({opener}: {err}); open {url} yourself");
    }
}

/// Prints what a rebuild did: every diagnostic when it failed (or on the first build), otherwise
/// one line.
fn report(outcome: &Outcome, first: bool) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut err = std::io::stderr().lock();
    let counts = |d: &crate::diagnostics::Diagnostics| {
        format!(
            "{} error(s), {} warning(s)",
            d.error_count(),
            d.warning_count()
        )
    };
    let _ = match outcome {
        Outcome::Built {
            pages,
            rendered,
            changed,
            diagnostics,
            elapsed,
        } => {
            if first {
                for d in diagnostics.sorted() {
                    let _ = writeln!(err, "{}", d.render(color));
                }
            }
            writeln!(
                err,
                "{} {pages} pages in {} ms ({rendered} rendered, {changed} files changed); {}",
                if first { "built" } else { "rebuilt" },
                elapsed.as_millis(),
                counts(diagnostics)
            )
        }
        Outcome::CssSwapped { swaps, elapsed } => writeln!(
            err,
            "swapped {} stylesheet(s) in {} ms, no page rebuilt",
            swaps.len(),
            elapsed.as_millis()
        ),
        Outcome::Failed {
            diagnostics,
            elapsed,
        } => {
            for d in diagnostics.sorted() {
                let _ = writeln!(err, "{}", d.render(color));
            }
            writeln!(
                err,
                "build failed in {} ms: {}; still serving the last good site",
                elapsed.as_millis(),
                counts(diagnostics)
            )
        }
    };
}
