//! The sequence of rule packs over time, and which one governs a case.

use std::sync::OnceLock;

use chrono::NaiveDate;

use super::error::RulesError;
use super::rule_pack::RulePack;

/// The shipped packs, oldest first: (file name, text).
const BUILTIN: [(&str, &str); 2] = [
    (
        "ltc-2018.toml",
        include_str!("../../data/rule-packs/ltc-2018.toml"),
    ),
    (
        "ltc-2026-07.toml",
        include_str!("../../data/rule-packs/ltc-2026-07.toml"),
    ),
];

/// Rule packs ordered by date.
///
/// Invariants: at least one pack; sorted by `effective_from`; each pack starts the day
/// after the previous one ends (no overlap, no gap); only the last may be open-ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulePacks {
    packs: Vec<RulePack>,
}

impl RulePacks {
    /// The packs shipped with Khiên.
    ///
    /// Panics only if a shipped pack is invalid, which the tests rule out.
    pub fn builtin() -> &'static RulePacks {
        static PACKS: OnceLock<RulePacks> = OnceLock::new();
        PACKS.get_or_init(|| {
            let packs = BUILTIN
                .iter()
                .map(|(name, text)| {
                    RulePack::from_toml_str(text)
                        .unwrap_or_else(|e| panic!("shipped rule pack {name} is invalid: {e}"))
                })
                .collect();
            RulePacks::new(packs).unwrap_or_else(|e| panic!("shipped rule packs: {e}"))
        })
    }

    /// Checks that `packs` cover one unbroken range of dates and orders them.
    pub fn new(mut packs: Vec<RulePack>) -> Result<RulePacks, RulesError> {
        packs.sort_by_key(|p| p.effective_from);
        if packs.is_empty() {
            return Err(RulesError::Empty);
        }
        if let Some(open) = packs[..packs.len() - 1]
            .iter()
            .find(|p| p.effective_until.is_none())
        {
            return Err(RulesError::OpenEndedNotLast {
                id: open.id.clone(),
            });
        }
        for pair in packs.windows(2) {
            let (earlier, later) = (&pair[0], &pair[1]);
            // Not the last pack, so it has an end date (checked above).
            let Some(until) = earlier.effective_until else {
                continue;
            };
            if later.effective_from <= until {
                return Err(RulesError::Overlap {
                    earlier: earlier.id.clone(),
                    later: later.id.clone(),
                    date: later.effective_from,
                });
            }
            let day_after = until.succ_opt().unwrap_or(until);
            if later.effective_from > day_after {
                return Err(RulesError::Gap {
                    earlier: earlier.id.clone(),
                    later: later.id.clone(),
                    from: day_after,
                    until: later
                        .effective_from
                        .pred_opt()
                        .unwrap_or(later.effective_from),
                });
            }
        }
        Ok(RulePacks { packs })
    }

    /// The pack in force on `date` — for a case, its receipt date.
    pub fn in_force_on(&self, date: NaiveDate) -> Result<&RulePack, RulesError> {
        self.packs
            .iter()
            .find(|p| p.is_in_force_on(date))
            .ok_or_else(|| RulesError::NoPackInForce {
                date,
                first: self.packs[0].effective_from,
            })
    }

    /// All packs, oldest first.
    pub fn packs(&self) -> &[RulePack] {
        &self.packs
    }
}
