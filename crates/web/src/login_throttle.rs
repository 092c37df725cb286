//! Slowing down password guessing from one source.
//!
//! The connecting address is used only here, only in memory, and only as a keyed
//! hash under a key that is made at start and never stored: no address is written
//! anywhere or logged. (Per-account limits live in the store, beside the account.)
//! Behind a reverse proxy every request comes from the proxy, and this limit then
//! acts for the whole site; the per-account limit still applies to each account.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::source_key::SourceKeys;

/// Failed logins from one source allowed within [`WINDOW`], by default.
pub const DEFAULT_ALLOWED_FAILURES: u32 = 10;
/// How long failures are remembered.
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Sources remembered at most; the oldest are forgotten first.
const MAX_SOURCES: usize = 100_000;

/// Failed-login counts per source.
pub struct LoginThrottle {
    allowed_failures: u32,
    keys: SourceKeys,
    sources: Mutex<HashMap<[u8; 16], Failures>>,
}

struct Failures {
    count: u32,
    first: Instant,
}

impl LoginThrottle {
    /// A throttle allowing `allowed_failures` failed logins per source and window.
    pub fn new(allowed_failures: u32) -> Self {
        Self {
            allowed_failures,
            keys: SourceKeys::default(),
            sources: Mutex::new(HashMap::new()),
        }
    }

    fn source_key(&self, source: IpAddr) -> [u8; 16] {
        self.keys.of(source)
    }

    /// `Err(seconds)` when this source must wait before trying again.
    pub fn check(&self, source: IpAddr, now: Instant) -> Result<(), u64> {
        let key = self.source_key(source);
        let sources = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        match sources.get(&key) {
            Some(failures)
                if failures.count >= self.allowed_failures
                    && now.duration_since(failures.first) < WINDOW =>
            {
                let wait = WINDOW - now.duration_since(failures.first);
                Err(wait.as_secs().max(1))
            }
            _ => Ok(()),
        }
    }

    /// Counts a failed login from this source.
    pub fn record_failure(&self, source: IpAddr, now: Instant) {
        let key = self.source_key(source);
        let mut sources = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        if sources.len() >= MAX_SOURCES {
            sources.retain(|_, failures| now.duration_since(failures.first) < WINDOW);
        }
        let failures = sources.entry(key).or_insert(Failures {
            count: 0,
            first: now,
        });
        if now.duration_since(failures.first) >= WINDOW {
            *failures = Failures {
                count: 0,
                first: now,
            };
        }
        failures.count += 1;
    }

    /// Forgets a source's failures after it logs in successfully.
    pub fn record_success(&self, source: IpAddr) {
        let key = self.source_key(source);
        let mut sources = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        sources.remove(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_is_slowed_after_its_allowance_and_freed_after_the_window() {
        let throttle = LoginThrottle::new(DEFAULT_ALLOWED_FAILURES);
        let source: IpAddr = "192.0.2.7".parse().unwrap();
        let other: IpAddr = "192.0.2.8".parse().unwrap();
        let start = Instant::now();
        for _ in 0..DEFAULT_ALLOWED_FAILURES {
            assert_eq!(throttle.check(source, start), Ok(()));
            throttle.record_failure(source, start);
        }
        assert!(throttle.check(source, start).is_err());
        assert_eq!(
            throttle.check(other, start),
            Ok(()),
            "others are not affected"
        );
        assert_eq!(throttle.check(source, start + WINDOW), Ok(()));
    }

    #[test]
    fn success_clears_the_count() {
        let throttle = LoginThrottle::new(DEFAULT_ALLOWED_FAILURES);
        let source: IpAddr = "2001:db8::1".parse().unwrap();
        let now = Instant::now();
        for _ in 0..DEFAULT_ALLOWED_FAILURES {
            throttle.record_failure(source, now);
        }
        throttle.record_success(source);
        assert_eq!(throttle.check(source, now), Ok(()));
    }
}
