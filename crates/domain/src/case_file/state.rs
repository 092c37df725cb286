//! The state of a case: the fold of its events. Never stored; recomputed from them.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::acceptance_conditions::AcceptanceConditions;
use super::classification::Classification;
use super::complexity_criterion::{ComplexityCriterion, complexity_of};
use super::criminal_authority::CriminalAuthority;
use super::finding::Finding;
use super::termination_ground::TerminationGround;
use crate::intake::{Channel, ReportKind};
use crate::rules::Complexity;

/// Where a case stands. Suspension is not a stage but a flag of the resolution
/// ([`Resolution::is_suspended`]): the case stays accepted while its clock is stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Stage {
    /// Nothing received yet: the state a fold starts from.
    #[default]
    Empty,
    Received,
    /// Classified, waiting for the intake decision (or, on the petition track, the reply).
    Classified,
    NotAccepted,
    Forwarded,
    /// Forwarded on paper to a body that does not take cases through Khiên: handled
    /// there from now on (LTC Art. 24(2)).
    ForwardedOutside,
    TransferredCriminal,
    /// On the separate information track of LTC Art. 25.
    HandledAsInformation,
    /// Accepted and being verified.
    Accepted,
    Terminated,
    /// Concluded; handling and publication follow.
    Concluded,
    /// A reflection or petition was answered.
    Replied,
    Closed,
}

impl Stage {
    /// For messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Empty => "nothing received",
            Stage::Received => "received",
            Stage::Classified => "classified",
            Stage::NotAccepted => "not accepted",
            Stage::Forwarded => "forwarded",
            Stage::ForwardedOutside => "forwarded outside Khiên",
            Stage::TransferredCriminal => "transferred (criminal signs)",
            Stage::HandledAsInformation => "handled as information",
            Stage::Accepted => "accepted",
            Stage::Terminated => "terminated",
            Stage::Concluded => "concluded",
            Stage::Replied => "replied",
            Stage::Closed => "closed",
        }
    }
}

/// The facts of receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Receipt {
    pub kind: ReportKind,
    pub channel: Channel,
    pub anonymous: bool,
    pub received_on: NaiveDate,
}

/// How the intake step ended (LTC Art. 24–27, 29).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntakeOutcome {
    Accepted(AcceptanceConditions),
    NotAccepted {
        grounds: String,
    },
    Forwarded {
        to_unit: String,
    },
    /// To `body`, outside Khiên; `to_unit` is its code when it is a unit of the tree.
    ForwardedOutside {
        to_unit: String,
        body: String,
    },
    TransferredCriminal {
        to: CriminalAuthority,
    },
    HandledAsInformation,
}

/// The intake decision and the date on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeDecision {
    pub outcome: IntakeOutcome,
    pub decided_on: NaiveDate,
}

/// One suspension: from its decision to the resumption (`None`: still suspended).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suspension {
    pub reason: String,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    pub notified_on: Option<NaiveDate>,
}

impl Suspension {
    /// Days the clock stood still, counting an open suspension up to `today`.
    pub fn days_suspended(&self, today: NaiveDate) -> i64 {
        let end = self.until.unwrap_or(today);
        (end - self.from).num_days().max(0)
    }
}

/// A termination decision (đình chỉ).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Termination {
    pub ground: TerminationGround,
    pub decided_on: NaiveDate,
    pub notified_on: Option<NaiveDate>,
}

/// The conclusion and what followed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conclusion {
    pub finding: Finding,
    pub measures: Vec<String>,
    pub amount_to_recover_vnd: u64,
    pub persons_to_discipline: u32,
    pub false_report_flag: bool,
    pub decided_on: NaiveDate,
    pub notified_on: Option<NaiveDate>,
    pub handled_on: Option<NaiveDate>,
    /// The portal publication, both days inclusive.
    pub published: Option<(NaiveDate, NaiveDate)>,
}

/// A transfer to the investigation agency or the procuracy, at intake, during the
/// resolution or during the inspection of information; it ends the case here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transfer {
    pub to: CriminalAuthority,
    pub decided_on: NaiveDate,
}

/// Verification work (LTC Art. 31), or the inspection of information (Art. 25(2)).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Verification {
    /// User ids of the current team.
    pub verifiers: Vec<String>,
    pub plans: u32,
    pub meetings: u32,
    pub evidence: u32,
}

/// One resolution (giải quyết) from an acceptance decision. A superior's review that
/// re-resolves the case starts a new one: the clock restarts (NĐ31 Art. 5; LTC Art. 37(3)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub accepted_on: NaiveDate,
    pub conditions: AcceptanceConditions,
    /// The unit re-resolving after a review, or `None` for the first resolution.
    pub by_superior: Option<String>,
    pub acceptance_notified_on: Option<NaiveDate>,
    pub verification: Verification,
    /// Every NĐ31 Art. 3 criterion recorded by an extension decision.
    pub criteria: BTreeSet<ComplexityCriterion>,
    /// The date of each extension decision, in order.
    pub extensions: Vec<NaiveDate>,
    pub suspensions: Vec<Suspension>,
    pub termination: Option<Termination>,
    pub conclusion: Option<Conclusion>,
}

impl Resolution {
    pub(crate) fn new(
        accepted_on: NaiveDate,
        conditions: AcceptanceConditions,
        by_superior: Option<String>,
    ) -> Resolution {
        Resolution {
            accepted_on,
            conditions,
            by_superior,
            acceptance_notified_on: None,
            verification: Verification::default(),
            criteria: BTreeSet::new(),
            extensions: Vec::new(),
            suspensions: Vec::new(),
            termination: None,
            conclusion: None,
        }
    }

    /// Complexity from the criteria recorded so far (NĐ31 Art. 3).
    pub fn complexity(&self) -> Complexity {
        complexity_of(self.criteria.len())
    }

    /// Whether the clock is stopped now.
    pub fn is_suspended(&self) -> bool {
        self.suspensions.last().is_some_and(|s| s.until.is_none())
    }

    /// The date the resolution ended by conclusion or termination, if it has (a transfer
    /// is [`CaseState::transfer`]).
    pub fn ended_on(&self) -> Option<NaiveDate> {
        self.conclusion
            .as_ref()
            .map(|c| c.decided_on)
            .or(self.termination.as_ref().map(|t| t.decided_on))
    }

    /// The latest date a resolution decision may not precede: acceptance, or the last
    /// resumption, so that decisions never fall inside a finished suspension.
    pub fn last_step_on(&self) -> NaiveDate {
        let resumed = self.suspensions.iter().filter_map(|s| s.until).max();
        let extended = self.extensions.last().copied();
        [Some(self.accepted_on), resumed, extended]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(self.accepted_on)
    }
}

/// A re-denunciation (tố cáo tiếp) and its review at the direct superior.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReDenunciation {
    pub received_on: NaiveDate,
    /// The unit reviewing it and the day the review opened.
    pub review: Option<(String, NaiveDate)>,
    /// The day the review ended: the case closed again, or the superior accepted it anew.
    pub ended_on: Option<NaiveDate>,
}

/// The fold of a case's events. Start from [`CaseState::default`] (nothing received).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseState {
    pub stage: Stage,
    pub receipt: Option<Receipt>,
    pub classification: Option<Classification>,
    pub intake: Option<IntakeDecision>,
    /// The unit the content was forwarded to: a case is forwarded once (LTC Art. 24(2)).
    pub forwarded_to: Option<String>,
    /// The handler the case is assigned to (a user id), if any.
    pub handler: Option<String>,
    /// The current resolution (the last acceptance and what followed it).
    pub resolution: Option<Resolution>,
    /// How many resolutions preceded the current one (re-resolutions after review).
    pub earlier_resolutions: u32,
    pub re_denunciations: Vec<ReDenunciation>,
    pub transfer: Option<Transfer>,
    /// The inspection of information handled under LTC Art. 25(2).
    pub inspection: Option<Verification>,
    pub replied_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    /// The `on` of the last event, so that history is appended in date order.
    pub last_on: Option<NaiveDate>,
    /// How many events were folded.
    pub events: usize,
}

impl CaseState {
    /// Whether the report is on the information track: anonymous (LTC Art. 25).
    pub fn is_anonymous(&self) -> bool {
        self.receipt.is_some_and(|r| r.anonymous)
    }

    /// The body's name when the case was forwarded outside Khiên.
    pub fn forwarded_outside_to(&self) -> Option<&str> {
        match self.intake.as_ref().map(|i| &i.outcome) {
            Some(IntakeOutcome::ForwardedOutside { body, .. }) => Some(body),
            _ => None,
        }
    }

    /// The re-denunciation whose review has not ended, if any.
    pub fn pending_re_denunciation(&self) -> Option<&ReDenunciation> {
        self.re_denunciations
            .last()
            .filter(|r| r.ended_on.is_none())
    }
}
