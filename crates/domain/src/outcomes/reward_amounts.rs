//! The money of a reward under Joint Circular 01/2015/TTLT-TTCP-BNV, in multiples of
//! the base salary (lương cơ sở), which the installation configures because it
//! changes by decree. The figures are from the press summary of the circular
//! (DOMAIN.md §2); whether the circular is still in force is UNVERIFIED.

use serde::{Deserialize, Serialize};

/// The base salary (lương cơ sở) used when the installation sets none: 2,340,000
/// đồng a month from 01/07/2024 (Decree 73/2024/NĐ-CP). UNVERIFIED whether still
/// in force: set `reward_base_salary_vnd` when a new decree changes it.
pub const DEFAULT_BASE_SALARY_VND: u64 = 2_340_000;
/// A reward above this many base salaries recovered earns a share of the recovery.
pub const RECOVERY_THRESHOLD_MULTIPLE: u64 = 600;
/// The share of the recovery, at most.
pub const RECOVERY_SHARE_PERCENT: u64 = 10;
/// The recovery share's cap, in base salaries.
pub const RECOVERY_CAP_MULTIPLE: u64 = 3000;

/// The extra bonus from the Anti-Corruption Reward Fund, in base salaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BonusMultiple {
    /// 60 × the base salary.
    Sixty,
    /// 40 ×.
    Forty,
    /// 20 ×.
    Twenty,
}

impl BonusMultiple {
    /// Every multiple, highest first.
    pub const ALL: [BonusMultiple; 3] = [Self::Sixty, Self::Forty, Self::Twenty];

    /// How many base salaries.
    pub fn times(self) -> u64 {
        match self {
            Self::Sixty => 60,
            Self::Forty => 40,
            Self::Twenty => 20,
        }
    }

    /// Reads a number of base salaries (60, 40 or 20).
    pub fn from_times(times: u64) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|multiple| multiple.times() == times)
    }
}

/// What a reward is worth, in đồng.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RewardAmounts {
    /// The extra bonus.
    pub bonus_vnd: u64,
    /// The most the recovery share can be (0 when the recovery is too small).
    pub recovery_share_max_vnd: u64,
}

impl RewardAmounts {
    /// Both together.
    pub fn total_vnd(&self) -> u64 {
        self.bonus_vnd.saturating_add(self.recovery_share_max_vnd)
    }
}

/// The amounts for a bonus multiple and the money recovered thanks to the report:
/// the bonus is `multiple × base salary`; when more than 600 base salaries were
/// recovered, up to 10% of the recovery, capped at 3,000 base salaries.
pub fn reward_amounts(
    bonus: Option<BonusMultiple>,
    recovered_vnd: u64,
    base_salary_vnd: u64,
) -> RewardAmounts {
    let base = u128::from(base_salary_vnd);
    let recovered = u128::from(recovered_vnd);
    let clamp = |value: u128| u64::try_from(value).unwrap_or(u64::MAX);
    let bonus_vnd = bonus.map_or(0, |multiple| clamp(base * u128::from(multiple.times())));
    let recovery_share_max_vnd = if recovered > base * u128::from(RECOVERY_THRESHOLD_MULTIPLE) {
        let share = recovered * u128::from(RECOVERY_SHARE_PERCENT) / 100;
        clamp(share.min(base * u128::from(RECOVERY_CAP_MULTIPLE)))
    } else {
        0
    };
    RewardAmounts {
        bonus_vnd,
        recovery_share_max_vnd,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: u64 = 2_340_000;

    #[test]
    fn the_bonus_is_a_multiple_of_the_base_salary() {
        assert_eq!(
            reward_amounts(Some(BonusMultiple::Sixty), 0, BASE).bonus_vnd,
            140_400_000
        );
        assert_eq!(
            reward_amounts(Some(BonusMultiple::Twenty), 0, BASE).bonus_vnd,
            46_800_000
        );
        assert_eq!(reward_amounts(None, 0, BASE), RewardAmounts::default());
        assert_eq!(BonusMultiple::from_times(40), Some(BonusMultiple::Forty));
        assert_eq!(BonusMultiple::from_times(50), None);
    }

    #[test]
    fn the_recovery_share_starts_above_600_base_salaries_and_stops_at_3000() {
        let threshold = 600 * BASE;
        assert_eq!(
            reward_amounts(None, threshold, BASE).recovery_share_max_vnd,
            0
        );
        assert_eq!(
            reward_amounts(None, threshold + 10, BASE).recovery_share_max_vnd,
            (threshold + 10) / 10
        );
        let huge = 1_000_000 * BASE;
        assert_eq!(
            reward_amounts(None, huge, BASE).recovery_share_max_vnd,
            3000 * BASE
        );
        let both = reward_amounts(Some(BonusMultiple::Forty), huge, BASE);
        assert_eq!(both.total_vnd(), 40 * BASE + 3000 * BASE);
        // No overflow at the extremes.
        assert_eq!(
            reward_amounts(Some(BonusMultiple::Sixty), u64::MAX, u64::MAX).bonus_vnd,
            u64::MAX
        );
    }
}
