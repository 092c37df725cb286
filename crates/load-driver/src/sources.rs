//! Many reporters, one machine. The server slows down repeated submissions from
//! one source address (DESIGN §6: 20 free in ten minutes, then doubling delays up
//! to 10 s), so a driver sending everything from 127.0.0.1 measures that
//! slowdown, not the server's capacity. Real reporters come from many addresses;
//! `--sources N` imitates them by binding each request's connection to one of N
//! addresses in 127.0.0.0/8 (all of which are this machine on Linux).
//!
//! The block of addresses starts at a different place in each run, so a second
//! run against the same server within ten minutes does not inherit the first
//! run's counts.

use std::net::Ipv4Addr;

/// Most source addresses in one run.
pub const SOURCES_MAX: usize = 4096;

/// First address offset a block may start at (leaves 127.0.0.0/16 alone).
const FIRST_OFFSET: u32 = 1 << 16;
/// One past the last usable offset in 127.0.0.0/8 (127.255.255.255 is broadcast).
const END_OFFSET: u32 = (1 << 24) - 1;

/// `count` distinct addresses in 127.0.0.0/8, outside 127.0.0.0/16, starting at
/// a place chosen by `seed`.
pub fn loopback_sources(count: usize, seed: u64) -> Vec<Ipv4Addr> {
    let count = count.clamp(1, SOURCES_MAX) as u32;
    let room = END_OFFSET - FIRST_OFFSET - count;
    let start = FIRST_OFFSET + (seed % u64::from(room)) as u32;
    let base = u32::from(Ipv4Addr::new(127, 0, 0, 0));
    (0..count)
        .map(|index| Ipv4Addr::from(base + start + index))
        .collect()
}

/// A seed that differs from run to run.
pub fn run_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_nanos())
        .unwrap_or_default();
    // Spread nearby clock values apart (SplitMix64 finaliser).
    let mut z = (nanos as u64) ^ u64::from(std::process::id());
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn sources_are_distinct_loopback_addresses_outside_the_first_block() {
        for seed in [0, 1, 65_535, u64::MAX, run_seed()] {
            let sources = loopback_sources(SOURCES_MAX, seed);
            assert_eq!(sources.len(), SOURCES_MAX);
            assert_eq!(sources.iter().collect::<HashSet<_>>().len(), SOURCES_MAX);
            for address in &sources {
                assert!(address.is_loopback(), "{address}");
                assert_ne!(*address, Ipv4Addr::new(127, 255, 255, 255));
                assert!(
                    address.octets()[1] > 0 || address.octets()[2] > 0,
                    "{address}"
                );
                assert!(u32::from(*address) >= u32::from(Ipv4Addr::new(127, 1, 0, 0)));
            }
        }
    }

    #[test]
    fn the_count_is_bounded_and_the_block_moves_with_the_seed() {
        assert_eq!(loopback_sources(0, 7).len(), 1);
        assert_eq!(loopback_sources(SOURCES_MAX + 1, 7).len(), SOURCES_MAX);
        assert_ne!(loopback_sources(4, 1), loopback_sources(4, 2));
        assert_eq!(loopback_sources(4, 9), loopback_sources(4, 9));
    }
}
