//! Slowing down — never refusing — repeated anonymous requests from one source:
//! receipt guesses and report submissions. A reporter behind a shared address
//! (a Tor exit, an office NAT) is delayed, not locked out.
//!
//! Sources are counted in memory only, as a keyed hash under a key made at start;
//! no address is stored or logged. The receipt's Argon2 cost and the bounded
//! derivation pool already cap the global rate; this spreads it fairly.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::source_key::SourceKeys;

/// How long requests are remembered.
const WINDOW: Duration = Duration::from_secs(10 * 60);
/// Sources remembered at most.
const MAX_SOURCES: usize = 100_000;
/// The longest delay.
const MAX_DELAY: Duration = Duration::from_secs(10);

/// Request counts per source, and the policy turning them into delays.
pub struct SourceSlowdown {
    free_requests: u32,
    keys: SourceKeys,
    sources: Mutex<HashMap<[u8; 16], (u32, Instant)>>,
}

impl SourceSlowdown {
    /// Requests beyond `free_requests` in the window wait, doubling from 250 ms.
    pub fn new(free_requests: u32) -> Self {
        Self {
            free_requests,
            keys: SourceKeys::default(),
            sources: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a request and says how long it must wait.
    pub fn delay_for(&self, source: IpAddr, now: Instant) -> Duration {
        let key = self.keys.of(source);
        let mut sources = self.sources.lock().unwrap_or_else(|e| e.into_inner());
        if sources.len() >= MAX_SOURCES {
            sources.retain(|_, (_, first)| now.duration_since(*first) < WINDOW);
        }
        let entry = sources.entry(key).or_insert((0, now));
        if now.duration_since(entry.1) >= WINDOW {
            *entry = (0, now);
        }
        entry.0 += 1;
        let excess = entry.0.saturating_sub(self.free_requests);
        if excess == 0 {
            return Duration::ZERO;
        }
        let factor = 1u64 << excess.min(16);
        Duration::from_millis(125 * factor).min(MAX_DELAY)
    }

    /// Counts a request and waits as long as it must.
    pub async fn wait(&self, source: IpAddr) {
        let delay = self.delay_for(source, Instant::now());
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_after_the_free_requests_and_reset_after_the_window() {
        let slowdown = SourceSlowdown::new(3);
        let source: IpAddr = "198.51.100.4".parse().unwrap();
        let now = Instant::now();
        for _ in 0..3 {
            assert_eq!(slowdown.delay_for(source, now), Duration::ZERO);
        }
        let first = slowdown.delay_for(source, now);
        let second = slowdown.delay_for(source, now);
        assert!(first > Duration::ZERO && second > first);
        for _ in 0..40 {
            assert!(slowdown.delay_for(source, now) <= MAX_DELAY);
        }
        let other: IpAddr = "198.51.100.5".parse().unwrap();
        assert_eq!(slowdown.delay_for(other, now), Duration::ZERO);
        assert_eq!(slowdown.delay_for(source, now + WINDOW), Duration::ZERO);
    }
}
