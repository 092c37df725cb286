//! A step's time limit as the case file shows it.

use chrono::NaiveDate;
use khien_calendar::CalendarError;

use crate::rules::RulesError;

/// Which step a deadline is for; each maps to one rule of the pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeadlineKind {
    /// Register, classify, check and decide on acceptance (LTC Art. 24(1)).
    Acceptance,
    /// Forward to the competent unit and tell the denouncer (LTC Art. 24(2)).
    Forwarding,
    /// Send the acceptance decision (LTC Art. 29(3)).
    AcceptanceNotice,
    /// Resolve: base period, extensions, suspended time added back (LTC Art. 30, 34(2)).
    Resolution,
    /// Send a suspension decision (LTC Art. 34(4)).
    SuspensionNotice,
    /// Send the termination decision (LTC Art. 34(4)).
    TerminationNotice,
    /// Send the conclusion (LTC Art. 35(3)).
    ConclusionNotice,
    /// Handle the conclusion (LTC Art. 36; figure unverified).
    ConclusionHandling,
    /// Publish the conclusion (LTC Art. 40; NĐ31 Art. 6).
    Publicity,
    /// Reply to a reflection or petition (Citizen Reception Law Art. 28).
    PetitionReply,
    /// The direct superior reviews a re-denunciation (LTC Art. 37(2)).
    ReDenunciationReview,
}

/// One step's time limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub kind: DeadlineKind,
    /// The date of the act that started the clock.
    pub starts_on: NaiveDate,
    /// The last day on which the step is on time.
    pub due: NaiveDate,
    /// `due − today` in calendar days; negative when overdue.
    pub days_left: i64,
    /// The rule's legal basis, from the pack.
    pub basis: String,
    /// The same in Vietnamese, as screens show it first.
    pub basis_vi: String,
    /// `false` when the figure is UNVERIFIED in DOMAIN.md: show it as unconfirmed.
    pub verified: bool,
    /// Whether the step is still to be done.
    pub open: bool,
    /// The date the step was done, when it has been.
    pub done_on: Option<NaiveDate>,
    /// The clock is stopped by a suspension still in force: `due` includes the days
    /// suspended so far and moves on every day until the case resumes.
    pub paused: bool,
}

impl Deadline {
    /// Whether a done step was done in time (`None` while open).
    pub fn met(&self) -> Option<bool> {
        self.done_on.map(|done| done <= self.due)
    }

    /// Open and past its due date.
    pub fn is_overdue(&self) -> bool {
        self.open && self.days_left < 0
    }
}

/// Why deadlines could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// No pack governs the receipt date (the case was folded with other packs).
    #[error(transparent)]
    Rules(#[from] RulesError),
    /// A date outside the calendar's range.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}
