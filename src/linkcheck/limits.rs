//! How many requests may run at once, in all and per host, and how much patience each host gets.
//!
//! A link is checked holding its host's permit for the whole check, waits included, so a host that
//! asked us to slow down is not hit by the next link meanwhile. The global permit is taken per
//! request, so a link that sleeps on `Retry-After` does not keep other hosts waiting.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Semaphore;

pub(super) struct Limits {
    pub global: Semaphore,
    per_host: usize,
    hosts: Mutex<HashMap<String, Arc<Host>>>,
}

/// One host's share of the run.
pub(super) struct Host {
    pub permits: Semaphore,
    /// Milliseconds spent waiting on this host's `Retry-After` or backoff so far.
    waited_ms: AtomicU64,
    /// Timeouts and given-up retries; at [`STRIKES`] the rest of the host's links are skipped.
    strikes: AtomicU32,
}

/// A host that timed out or refused to be patient with us this often is not asked again this run:
/// with many links to one dead host, the run would otherwise take links × timeout / per-host.
const STRIKES: u32 = 3;

impl Limits {
    pub fn new(global: usize, per_host: usize) -> Self {
        Limits {
            global: Semaphore::new(global.max(1)),
            per_host: per_host.max(1),
            hosts: Mutex::new(HashMap::new()),
        }
    }

    pub fn host(&self, name: &str) -> Arc<Host> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .entry(name.to_ascii_lowercase())
            .or_insert_with(|| {
                Arc::new(Host {
                    permits: Semaphore::new(self.per_host),
                    waited_ms: AtomicU64::new(0),
                    strikes: AtomicU32::new(0),
                })
            })
            .clone()
    }
}

impl Host {
    /// Books `wait` against the host's budget; `false` when that would exceed it.
    pub fn spend(&self, wait: Duration, budget: Duration) -> bool {
        let wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
        let budget_ms = u64::try_from(budget.as_millis()).unwrap_or(u64::MAX);
        self.waited_ms
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |waited| {
                let total = waited.saturating_add(wait_ms);
                (total <= budget_ms).then_some(total)
            })
            .is_ok()
    }

    pub fn strike(&self) {
        self.strikes.fetch_add(1, Ordering::SeqCst);
    }

    pub fn is_given_up(&self) -> bool {
        self.strikes.load(Ordering::SeqCst) >= STRIKES
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_keys_on_its_lowercase_name_and_keeps_to_its_wait_budget() {
        let limits = Limits::new(4, 2);
        let host = limits.host("Example.org");
        assert!(Arc::ptr_eq(&host, &limits.host("example.org")));
        let budget = Duration::from_secs(10);
        assert!(host.spend(Duration::from_secs(6), budget));
        assert!(!host.spend(Duration::from_secs(6), budget));
        assert!(host.spend(Duration::from_secs(4), budget));
        for _ in 0..STRIKES {
            assert!(!host.is_given_up());
            host.strike();
        }
        assert!(host.is_given_up());
    }
}
