//! Stage timings for `build`, `check` and `serve`, printed when `KENNISBANK_TIMINGS` is set: the cheap way to
//! see where a slow build spends its time without a profiler.

use std::time::Instant;

/// The time since the last lap, per stage.
pub struct Timings {
    enabled: bool,
    last: Instant,
    parts: Vec<(&'static str, u128)>,
}

impl Timings {
    pub fn start() -> Timings {
        Timings {
            enabled: std::env::var_os("KENNISBANK_TIMINGS").is_some(),
            last: Instant::now(),
            parts: Vec::new(),
        }
    }

    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.parts
            .push((stage, now.duration_since(self.last).as_millis()));
        self.last = now;
    }

    pub fn print(&self, what: &str) {
        if self.enabled {
            let parts: Vec<String> = self
                .parts
                .iter()
                .map(|(stage, ms)| format!("{stage} {ms} ms"))
                .collect();
            eprintln!("timings ({what}): {}", parts.join(", "));
        }
    }
}
