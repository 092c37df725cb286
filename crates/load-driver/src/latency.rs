//! Latency percentiles. Every duration is kept (a run is bounded, so at most
//! `--requests` or a few hundred thousand entries) and sorted once at the end;
//! percentiles use the nearest-rank method, so each one is a latency that some
//! request actually had.

use std::time::Duration;

use serde::Serialize;

/// The value at percentile `p` (0 < p ≤ 100) of `sorted`, by nearest rank:
/// the smallest value such that at least `p` % of the values are ≤ it.
/// `None` for an empty list.
pub fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() || !(p > 0.0 && p <= 100.0) {
        return None;
    }
    // ceil(p/100 · n) in 1..=n; computed in integers to avoid 0.95·100 = 94.999…
    let n = sorted.len() as u128;
    let per_million = (p * 10_000.0).round() as u128; // p in millionths of the whole
    let rank = (per_million * n).div_ceil(1_000_000).clamp(1, n);
    Some(sorted[(rank - 1) as usize])
}

/// What a run's latencies were, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LatencySummary {
    /// Fastest.
    pub min_ms: f64,
    /// Arithmetic mean.
    pub mean_ms: f64,
    /// Median.
    pub p50_ms: f64,
    /// 95th percentile.
    pub p95_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Slowest.
    pub max_ms: f64,
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

impl LatencySummary {
    /// Sorts `durations` and summarises them; `None` if there are none.
    pub fn of(durations: &mut [Duration]) -> Option<LatencySummary> {
        durations.sort_unstable();
        let total: Duration = durations.iter().sum();
        let count = u32::try_from(durations.len()).ok()?;
        Some(LatencySummary {
            min_ms: millis(*durations.first()?),
            mean_ms: millis(total / count.max(1)),
            p50_ms: millis(percentile(durations, 50.0)?),
            p95_ms: millis(percentile(durations, 95.0)?),
            p99_ms: millis(percentile(durations, 99.0)?),
            max_ms: millis(*durations.last()?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(values: impl IntoIterator<Item = u64>) -> Vec<Duration> {
        values.into_iter().map(Duration::from_millis).collect()
    }

    #[test]
    fn nearest_rank_on_one_to_a_hundred() {
        let sorted = ms(1..=100);
        assert_eq!(percentile(&sorted, 50.0), Some(Duration::from_millis(50)));
        assert_eq!(percentile(&sorted, 95.0), Some(Duration::from_millis(95)));
        assert_eq!(percentile(&sorted, 99.0), Some(Duration::from_millis(99)));
        assert_eq!(percentile(&sorted, 99.9), Some(Duration::from_millis(100)));
        assert_eq!(percentile(&sorted, 100.0), Some(Duration::from_millis(100)));
        assert_eq!(percentile(&sorted, 0.5), Some(Duration::from_millis(1)));
    }

    #[test]
    fn small_lists_round_up_to_a_real_value() {
        // Ten values: p50 is the 5th, p95 and p99 the 10th.
        let sorted = ms([10, 20, 30, 40, 50, 60, 70, 80, 90, 1000]);
        assert_eq!(percentile(&sorted, 50.0), Some(Duration::from_millis(50)));
        assert_eq!(percentile(&sorted, 90.0), Some(Duration::from_millis(90)));
        assert_eq!(percentile(&sorted, 95.0), Some(Duration::from_millis(1000)));
        assert_eq!(percentile(&sorted, 99.0), Some(Duration::from_millis(1000)));
        // One value is every percentile.
        let one = ms([7]);
        for p in [1.0, 50.0, 99.0, 100.0] {
            assert_eq!(percentile(&one, p), Some(Duration::from_millis(7)));
        }
    }

    #[test]
    fn empty_lists_and_nonsense_percentiles_have_no_value() {
        assert_eq!(percentile(&[], 50.0), None);
        let sorted = ms([1, 2, 3]);
        assert_eq!(percentile(&sorted, 0.0), None);
        assert_eq!(percentile(&sorted, 100.5), None);
        assert_eq!(percentile(&sorted, f64::NAN), None);
    }

    #[test]
    fn the_summary_sorts_its_input_first() {
        let mut durations = ms([300, 100, 200, 400]);
        let summary = LatencySummary::of(&mut durations).unwrap();
        assert_eq!(summary.min_ms, 100.0);
        assert_eq!(summary.max_ms, 400.0);
        assert_eq!(summary.mean_ms, 250.0);
        assert_eq!(summary.p50_ms, 200.0);
        assert_eq!(summary.p95_ms, 400.0);
        assert!(LatencySummary::of(&mut []).is_none());
    }
}
