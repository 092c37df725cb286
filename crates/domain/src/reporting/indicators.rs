//! The figures of a periodic report (after form 03/KQGQ; DOMAIN.md §5), for one case,
//! one unit or a whole subtree: they add up.
//!
//! The cases a report counts are those carried over (received before the period and not
//! finished before it) and those received in it; each is, at the period's end, either
//! finished — in exactly one way — or still open, so that
//! `carried_over + received = finished + open_at_end` ([`Indicators::balances`]).

use std::iter::Sum;
use std::ops::{Add, AddAssign};

use serde::{Deserialize, Serialize};

/// The report's figures. Counts are of cases; money is in đồng.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Indicators {
    /// Received before the period, not finished before it.
    pub carried_over: u64,
    /// Received in the period: named denunciations.
    pub received_denunciations: u64,
    /// Received in the period: reflections and petitions.
    pub received_petitions: u64,
    /// Re-denunciations (LTC Art. 37) received in the period about cases finished before.
    pub received_re_denunciations: u64,
    /// Received in the period: anonymous reports (LTC Art. 25).
    pub received_anonymous: u64,
    /// Acceptance decisions (thụ lý) dated in the period.
    pub accepted: u64,

    // How the counted cases stood finished at the period's end; one line each.
    /// Not accepted (LTC Art. 24(1)).
    pub not_accepted: u64,
    /// Forwarded to the competent unit (Art. 24(2)).
    pub forwarded: u64,
    /// Sent to the investigation agency or procuracy (Art. 27).
    pub transferred_to_investigation: u64,
    /// Handled as information (Art. 25).
    pub handled_as_information: u64,
    /// Reflections and petitions answered.
    pub petitions_answered: u64,
    /// Concluded in the period: the denunciation was right.
    pub resolved_correct: u64,
    /// Concluded in the period: partly right.
    pub resolved_partly_correct: u64,
    /// Concluded in the period: false.
    pub resolved_false: u64,
    /// Terminated because the denouncer withdrew (Art. 33).
    pub withdrawn: u64,
    /// Terminated on another ground (Art. 34).
    pub terminated: u64,
    /// A re-denunciation's review ended without a new resolution.
    pub re_denunciations_reviewed: u64,

    // What the conclusions of the period found.
    /// To recover or return to the State, in đồng.
    pub amount_to_recover_vnd: u64,
    /// Persons recommended for discipline.
    pub persons_to_discipline: u64,
    /// Denunciations flagged for the false-report track.
    pub false_reports_flagged: u64,
    /// Resolutions (conclusions and terminations) of the period within their limit.
    pub resolved_on_time: u64,
    /// Resolutions of the period after their limit.
    pub resolved_late: u64,

    /// Counted cases still open on the period's last day.
    pub open_at_end: u64,
    /// Of those, past a statutory deadline on that day.
    pub overdue_at_end: u64,
}

impl Indicators {
    /// Everything received in the period.
    pub fn received(&self) -> u64 {
        self.received_denunciations
            + self.received_petitions
            + self.received_re_denunciations
            + self.received_anonymous
    }

    /// Every case the report counts.
    pub fn counted(&self) -> u64 {
        self.carried_over + self.received()
    }

    /// Conclusions of the period, whatever they found.
    pub fn resolved_by_conclusion(&self) -> u64 {
        self.resolved_correct + self.resolved_partly_correct + self.resolved_false
    }

    /// Counted cases finished by the period's end, every way.
    pub fn finished(&self) -> u64 {
        self.not_accepted
            + self.forwarded
            + self.transferred_to_investigation
            + self.handled_as_information
            + self.petitions_answered
            + self.resolved_by_conclusion()
            + self.withdrawn
            + self.terminated
            + self.re_denunciations_reviewed
    }

    /// Whether the totals add up: carried over + received = finished + still open.
    pub fn balances(&self) -> bool {
        self.counted() == self.finished() + self.open_at_end
    }
}

impl Add for Indicators {
    type Output = Indicators;

    fn add(mut self, other: Indicators) -> Indicators {
        self += other;
        self
    }
}

impl AddAssign for Indicators {
    fn add_assign(&mut self, o: Indicators) {
        self.carried_over += o.carried_over;
        self.received_denunciations += o.received_denunciations;
        self.received_petitions += o.received_petitions;
        self.received_re_denunciations += o.received_re_denunciations;
        self.received_anonymous += o.received_anonymous;
        self.accepted += o.accepted;
        self.not_accepted += o.not_accepted;
        self.forwarded += o.forwarded;
        self.transferred_to_investigation += o.transferred_to_investigation;
        self.handled_as_information += o.handled_as_information;
        self.petitions_answered += o.petitions_answered;
        self.resolved_correct += o.resolved_correct;
        self.resolved_partly_correct += o.resolved_partly_correct;
        self.resolved_false += o.resolved_false;
        self.withdrawn += o.withdrawn;
        self.terminated += o.terminated;
        self.re_denunciations_reviewed += o.re_denunciations_reviewed;
        self.amount_to_recover_vnd = self
            .amount_to_recover_vnd
            .saturating_add(o.amount_to_recover_vnd);
        self.persons_to_discipline += o.persons_to_discipline;
        self.false_reports_flagged += o.false_reports_flagged;
        self.resolved_on_time += o.resolved_on_time;
        self.resolved_late += o.resolved_late;
        self.open_at_end += o.open_at_end;
        self.overdue_at_end += o.overdue_at_end;
    }
}

impl Sum for Indicators {
    fn sum<I: Iterator<Item = Indicators>>(iter: I) -> Indicators {
        iter.fold(Indicators::default(), Add::add)
    }
}
