//! Randomness from the operating system, the only source the vault uses.

/// Fills a fixed-size array with random bytes from the operating system.
///
/// # Panics
/// Panics if the operating system has no randomness to give: no key could be
/// made safely, so nothing should go on.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    bytes
}
