//! `kennisbank serve`: a preview server with live reload.
//!
//! Builds the site in memory with the build's own pipeline, cached ([`crate::site::Pipeline`] into
//! a [`crate::output::MemorySite`]; nothing is written, least of all into the content folder),
//! serves it from an [`state::Snapshot`] swapped whole after each successful rebuild, watches
//! `content/` and `themes/` ([`watch`]), and tells open pages over server-sent events to reload,
//! swap a stylesheet, or show the build errors in an overlay ([`http`], [`events`]).

pub mod events;
pub mod http;
pub mod state;
pub mod watch;

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use tokio::net::TcpListener;
use tokio::sync::watch as signal_watch;

use crate::i18n::{Lang, Msg};
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
    /// The language asked for (`--lang`, or the locale); without, the site's own.
    pub lang: Option<Lang>,
}

/// Serves until Ctrl-C (or SIGTERM). `Err` for a taken port, a missing project or I/O trouble.
pub fn run(options: ServeOptions) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context(Msg::ServeNoRuntime.message())?;
    runtime.block_on(serve(options))
}

async fn serve(options: ServeOptions) -> Result<()> {
    let root = options
        .build
        .root
        .canonicalize()
        .with_context(|| Msg::ServeNoFolder.with("path", &options.build.root))?;
    if !root.join("content").is_dir() {
        bail!(Msg::ServeNoContent.with("path", root.as_path()));
    }
    // Bind first: a taken port should be reported before a build the user would wait for.
    let listener = bind(options.bind, options.port).await?;
    let address = listener
        .local_addr()
        .context(Msg::ServeNoAddress.message())?;
    let state = Arc::new(ServeState::new(
        BuildOptions {
            root,
            ..options.build.clone()
        },
        options.lang,
    ));
    let first = {
        let state = state.clone();
        tokio::task::spawn_blocking(move || state.rebuild(&[]))
            .await
            .context(Msg::ServeCrashed.message())?
    };
    report(&first, true, state.lang());
    let reporter = state.clone();
    let _watching = watch::start(state.clone(), move |outcome| {
        report(outcome, false, reporter.lang())
    })?;

    let lang = state.lang();
    let url = url(address, &state.snapshot().base_path);
    println!("{}", Msg::ServeServing.with("url", &url).text(lang));
    if options.bind.is_unspecified() {
        println!("{}", Msg::ServeAllInterfaces.text(lang));
    }
    let _ = std::io::stdout().flush();
    if options.open {
        open_browser(&url, lang);
    }

    let (stop, stopped) = signal_watch::channel(false);
    let app = http::router(state, stopped.clone());
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        wait_for_signal().await;
        eprintln!("{}", Msg::ServeStopping.text(lang));
        // Ends the event streams, which would otherwise keep the graceful shutdown waiting.
        let _ = stop.send(true);
    });
    let mut stopped = stopped;
    tokio::select! {
        result = server => result.context(Msg::ServeServerError.message())?,
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
            let taken = match free {
                Some(free) => Msg::ServePortTaken.with("free", free.to_string()),
                None => Msg::ServePortTakenNoFree.message(),
            };
            bail!(
                taken
                    .with("port", port.to_string())
                    .with("ip", ip.to_string())
            )
        }
        Err(err) => Err(err).with_context(|| {
            Msg::ServeCannotListen
                .with("ip", ip.to_string())
                .with("port", port.to_string())
        }),
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

fn open_browser(url: &str, lang: Lang) {
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
        let message = Msg::ServeNoBrowser
            .with("opener", opener)
            .with("reason", err.to_string())
            .with("url", url);
        eprintln!("{}", message.text(lang));
    }
}

/// Prints what a rebuild did: every diagnostic when it failed (or on the first build), otherwise
/// one line.
fn report(outcome: &Outcome, first: bool, lang: Lang) {
    let color = crate::diagnostics::color_on_stderr();
    let mut err = std::io::stderr().lock();
    let counts = |d: &crate::diagnostics::Diagnostics| {
        Msg::Counts
            .with("errors", d.error_count())
            .with("warnings", d.warning_count())
    };
    let ms = |elapsed: &Duration| u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX);
    let line = match outcome {
        Outcome::Built {
            pages,
            rendered,
            changed,
            diagnostics,
            elapsed,
        } => {
            if first {
                for d in diagnostics.sorted() {
                    let _ = writeln!(err, "{}", d.render(lang, color));
                }
            }
            Msg::ServeBuilt
                .with("first", if first { "yes" } else { "no" })
                .with("pages", *pages)
                .with("ms", ms(elapsed))
                .with("rendered", *rendered)
                .with("changed", *changed)
                .with("counts", counts(diagnostics))
        }
        Outcome::CssSwapped { swaps, elapsed } => Msg::ServeCssSwapped
            .with("count", swaps.len())
            .with("ms", ms(elapsed)),
        Outcome::Failed {
            diagnostics,
            elapsed,
        } => {
            for d in diagnostics.sorted() {
                let _ = writeln!(err, "{}", d.render(lang, color));
            }
            Msg::ServeFailed
                .with("ms", ms(elapsed))
                .with("counts", counts(diagnostics))
        }
    };
    let _ = writeln!(err, "{}", line.text(lang));
}
