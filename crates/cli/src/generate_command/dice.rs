//! Seeded randomness for the shape of generated data (dates, kinds, which story a case
//! follows). Keys, receipts and passwords never come from here: they come from the
//! vault's system randomness, as in production.
//!
//! A case's dice are seeded from the run's seed and the case's number, so the same
//! `--seed` gives the same stories whatever the number of workers.

/// SplitMix64: tiny, fast, and good enough to spread data shapes.
pub struct Dice(u64);

impl Dice {
    /// Dice for item `index` of a run seeded with `seed`.
    pub fn new(seed: u64, index: u64) -> Dice {
        let mut dice = Dice(seed ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        dice.next_u64();
        dice
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        if high <= low {
            return low;
        }
        let span = (high - low) as u64 + 1;
        low + (self.next_u64() % span) as i64
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }

    /// An index into `weights`, each chosen in proportion to its weight.
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut roll = self.next_u64() % total.max(1);
        for (index, weight) in weights.iter().enumerate() {
            if roll < *weight {
                return index;
            }
            roll -= weight;
        }
        weights.len().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_and_index_give_the_same_rolls() {
        let rolls = |seed, index| {
            let mut dice = Dice::new(seed, index);
            (0..8).map(|_| dice.between(0, 1000)).collect::<Vec<_>>()
        };
        assert_eq!(rolls(7, 3), rolls(7, 3));
        assert_ne!(rolls(7, 3), rolls(7, 4));
        assert_ne!(rolls(7, 3), rolls(8, 3));
    }

    #[test]
    fn rolls_stay_in_range_and_follow_the_weights() {
        let mut dice = Dice::new(1, 1);
        let mut counts = [0u32; 3];
        for _ in 0..30_000 {
            let n = dice.between(-2, 2);
            assert!((-2..=2).contains(&n));
            counts[dice.weighted(&[1, 0, 3])] += 1;
        }
        assert_eq!(counts[1], 0);
        // About a quarter and three quarters.
        assert!((6_500..8_500).contains(&counts[0]), "{counts:?}");
        assert_eq!(dice.between(5, 5), 5);
        assert_eq!(dice.between(5, 1), 5);
    }
}
