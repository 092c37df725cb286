//! What the fold needs besides the events: today's date and the rule packs.

use chrono::NaiveDate;

use crate::rules::{RulePack, RulePacks};

use super::rejection::Rejection;

/// The fold is pure: "today" and the statutory figures come in here, never from a clock
/// or a file. Re-folding stored history later with a later `today` gives the same state,
/// since nothing that was valid then becomes invalid.
#[derive(Debug, Clone, Copy)]
pub struct FoldContext<'a> {
    /// No act may be dated after it.
    pub today: NaiveDate,
    /// The pack in force on the receipt date gives the extension limits and the minimum
    /// publication length.
    pub packs: &'a RulePacks,
}

impl<'a> FoldContext<'a> {
    pub fn new(today: NaiveDate, packs: &'a RulePacks) -> FoldContext<'a> {
        FoldContext { today, packs }
    }

    /// The pack governing a case received on `received_on`.
    pub(crate) fn pack(&self, received_on: NaiveDate) -> Result<&'a RulePack, Rejection> {
        self.packs
            .in_force_on(received_on)
            .map_err(|_| Rejection::NoRulePack { date: received_on })
    }
}
