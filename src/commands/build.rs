//! `kennisbank build`: build, report problems, print one summary line.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use kennisbank::i18n::{Lang, Msg};
use kennisbank::site::CacheUse;

use super::BuildArgs;
use super::report::{self, Format};

/// A build shorter than this shows no progress line: it would only flicker.
const QUIET_FOR: Duration = Duration::from_secs(2);

pub fn run(args: &BuildArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let options = args.site.options();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| options.root.join("public"));
    let use_cache = if args.no_cache {
        CacheUse::Refresh
    } else {
        CacheUse::Use
    };
    let progress = Progress::start(lang);
    let report = kennisbank::site::build_cached(&options, &output, use_cache);
    progress.finish();
    let report = report?;
    if let (Some(warnings), Some(written)) = (&report.unchanged, &report.written) {
        let color = kennisbank::diagnostics::color_on_stderr();
        let mut err = std::io::stderr().lock();
        for warning in warnings {
            writeln!(err, "{}", warning.text(lang, color))?;
        }
        let counts = Msg::Counts
            .with("errors", 0)
            .with("warnings", warnings.len());
        let summary = Msg::BuildUnchanged
            .with("pages", written.pages)
            .with("output", output.as_path())
            .with("seconds", lang.decimal(report.elapsed.as_secs_f64(), 2))
            .with("counts", counts);
        writeln!(err, "{}", summary.text(lang))?;
        return Ok(ExitCode::SUCCESS);
    }
    report::print(&report.diagnostics, Format::Human, lang)?;
    match report.written {
        Some(written) => {
            let index = match search_index_bytes(&output) {
                Some(bytes) => Msg::BuildSummaryIndex
                    .with("size", human_bytes(bytes, lang))
                    .text(lang),
                None => String::new(),
            };
            let summary = Msg::BuildSummary
                .with("pages", written.pages)
                .with("sources", written.sources)
                .with("findings", written.findings)
                .with("index", index)
                .with("output", output.as_path())
                .with("seconds", lang.decimal(report.elapsed.as_secs_f64(), 2))
                .with("counts", report::counts(&report.diagnostics));
            eprintln!("{}", summary.text(lang));
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let failed = Msg::BuildFailed
                .with("counts", report::counts(&report.diagnostics))
                .with("output", output.as_path());
            eprintln!("{}", failed.text(lang));
            Ok(ExitCode::from(1))
        }
    }
}

/// Bytes of the browser search index in the built site, if it has one.
fn search_index_bytes(output: &Path) -> Option<u64> {
    let dir = output.join(kennisbank::search::INDEX_DIR);
    if !dir.is_dir() {
        return None;
    }
    Some(
        walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum(),
    )
}

fn human_bytes(bytes: u64, lang: Lang) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{} MB", lang.decimal(b as f64 / (1 << 20) as f64, 1)),
        b if b >= 1 << 10 => format!("{} kB", b >> 10),
        b => format!("{b} B"),
    }
}

/// An elapsed-time line on stderr, only when stderr is a terminal and the build takes longer
/// than [`QUIET_FOR`]; CI logs and pipes never see it. The line is erased before the summary.
struct Progress {
    done: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    fn start(lang: Lang) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress {
                done: None,
                thread: None,
            };
        }
        let (done, wait) = mpsc::channel::<()>();
        let started = Instant::now();
        let thread = std::thread::spawn(move || {
            if wait.recv_timeout(QUIET_FOR).is_ok() {
                return;
            }
            let mut stderr = std::io::stderr();
            loop {
                let seconds = started.elapsed().as_secs();
                let line = Msg::BuildProgress.with("seconds", seconds).text(lang);
                let _ = write!(stderr, "\r\x1b[2K{line}");
                let _ = stderr.flush();
                if wait.recv_timeout(Duration::from_millis(500)).is_ok() {
                    let _ = write!(stderr, "\r\x1b[2K");
                    let _ = stderr.flush();
                    return;
                }
            }
        });
        Progress {
            done: Some(done),
            thread: Some(thread),
        }
    }

    fn finish(mut self) {
        if let Some(done) = self.done.take() {
            let _ = done.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
