//! Stage timings for `build`, `check` and `serve`, printed when `KENNISBANK_TIMINGS` is set: the cheap way to
//! see where a slow build spends its time without a profiler. Each stage shows its wall time and,
//! on Linux, the CPU time the whole process spent meanwhile (all threads, user + system): on a
//! machine shared with other work the wall time says little, the CPU time stays put.

use std::time::Instant;

/// The time since the last lap, per stage.
pub struct Timings {
    enabled: bool,
    last: Instant,
    last_cpu: Option<u64>,
    parts: Vec<(&'static str, u128, Option<u64>)>,
}

impl Timings {
    pub fn start() -> Timings {
        let enabled = std::env::var_os("KENNISBANK_TIMINGS").is_some();
        Timings {
            enabled,
            last: Instant::now(),
            last_cpu: enabled.then(cpu_ms).flatten(),
            parts: Vec::new(),
        }
    }

    pub fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        let cpu = if self.enabled { cpu_ms() } else { None };
        let spent = match (cpu, self.last_cpu) {
            (Some(now), Some(before)) => Some(now.saturating_sub(before)),
            _ => None,
        };
        self.parts
            .push((stage, now.duration_since(self.last).as_millis(), spent));
        self.last = now;
        self.last_cpu = cpu;
    }

    /// A stage that ran beside the others (its own wall time; its CPU time is in theirs).
    pub fn note(&mut self, stage: &'static str, took: std::time::Duration) {
        self.parts.push((stage, took.as_millis(), None));
    }

    pub fn print(&self, what: &str) {
        if self.enabled {
            let parts: Vec<String> = self
                .parts
                .iter()
                .map(|(stage, ms, cpu)| match cpu {
                    Some(cpu) => format!("{stage} {ms} ms (cpu {cpu})"),
                    None => format!("{stage} {ms} ms"),
                })
                .collect();
            eprintln!("timings ({what}): {}", parts.join(", "));
        }
    }
}

/// CPU time of this process so far, in milliseconds (Linux: `/proc/self/stat`, in clock ticks
/// of 10 ms); `None` elsewhere.
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces; the fields after its `)` are plain.
    let rest = stat.rsplit_once(')')?.1;
    let mut fields = rest.split_whitespace();
    // After `)`: state is field 3, so utime (14) and stime (15) are the 12th and 13th here.
    let user: u64 = fields.nth(11)?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some((user + system) * 10)
}
