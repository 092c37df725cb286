//! Why an event cannot be appended to a case: each message names the rule it would break.

use chrono::NaiveDate;

use super::notice::Notice;
use super::termination_ground::WithdrawalException;
use crate::rules::Complexity;

/// A refused transition. The `Display` text is shown to staff as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    // Dates.
    #[error("a decision cannot be dated after today ({date} is after {today})")]
    DatedAfterToday { date: NaiveDate, today: NaiveDate },
    #[error("an act is dated no later than its record: {decided_on} is after the record date {on}")]
    DecidedAfterRecorded {
        decided_on: NaiveDate,
        on: NaiveDate,
    },
    #[error("the case file is appended in date order: {on} is before the last entry, {last}")]
    OutOfOrder { on: NaiveDate, last: NaiveDate },
    #[error("a step cannot predate the one it follows: {date} is before the {step} of {anchor}")]
    BeforeStep {
        date: NaiveDate,
        step: &'static str,
        anchor: NaiveDate,
    },

    // Receipt and classification.
    #[error("a case is received once; a new report opens a new case: LTC Art. 24(1)")]
    AlreadyReceived,
    #[error("nothing happens to a case before its report is received: LTC Art. 22-24")]
    NotReceived,
    #[error("no rule pack is in force on the receipt date {date}")]
    NoRulePack { date: NaiveDate },
    #[error("a report is classified once, on receipt: LTC Art. 24(1)")]
    AlreadyClassified,
    #[error("a report is classified before any decision on it: LTC Art. 24(1)")]
    NotClassified,

    // Intake decisions.
    #[error("a case can be forwarded once: LTC Art. 24(2)")]
    ForwardedTwice,
    #[error("only a forwarded case is received by the competent unit: LTC Art. 24(2)")]
    NotForwarded,
    #[error("acceptance needs all four conditions of LTC Art. 29(1) (missing: {})", missing.join(", "))]
    AcceptanceConditions { missing: Vec<&'static str> },
    #[error("an anonymous report is handled as information, not accepted: LTC Art. 25")]
    AnonymousNotAccepted,
    #[error(
        "an anonymous report is handled as information, outside the LTC procedure: LTC Art. 25"
    )]
    AnonymousInformationTrack,
    #[error(
        "only information that cannot be handled as a denunciation goes to inspection: LTC Art. 25(1)"
    )]
    NotInformation,
    #[error(
        "only a denunciation is accepted under the LTC, not a case classified {classified}: LTC Art. 2, 29"
    )]
    NotADenunciation { classified: &'static str },
    #[error("a refusal states its grounds to the denouncer: LTC Art. 24(1)")]
    NoGrounds,
    #[error(
        "forwarding names the competent unit by its code: LTC Art. 24(2) ({unit:?} is not a unit code)"
    )]
    BadUnit { unit: String },
    #[error("forwarding outside Khiên names the receiving body: LTC Art. 24(2)")]
    NoOutsideBody,
    #[error("the intake decision is taken once, after classification: LTC Art. 24(1)")]
    IntakeDecided,
    #[error(
        "a reflection or petition gets a reply, not an LTC decision: Citizen Reception Law Art. 28"
    )]
    PetitionTrack,
    #[error("only a reflection or petition is answered by a reply: Citizen Reception Law Art. 28")]
    NotPetitionTrack,
    #[error("the reflection or petition has already been answered: Citizen Reception Law Art. 28")]
    AlreadyReplied,

    // Resolution.
    #[error("verification, extension, suspension and conclusion follow acceptance: LTC Art. 28")]
    NotAccepted,
    #[error("the resolution has ended ({ended}); no further resolution step: LTC Art. 28")]
    ResolutionEnded { ended: &'static str },
    #[error("a suspended case must be resumed first: LTC Art. 34")]
    Suspended,
    #[error("the case is already suspended: LTC Art. 34")]
    AlreadySuspended,
    #[error("only a suspended case can be resumed: LTC Art. 34(2)")]
    NotSuspended,
    #[error("a suspension decision states its ground: LTC Art. 34(1)")]
    NoSuspensionReason,
    #[error("a case is assigned to a named handler, on record as answering for it")]
    NoHandler,
    #[error("verification is assigned to named verifiers, each once: LTC Art. 31")]
    NoVerifiers,
    #[error("verification work needs assigned verifiers: LTC Art. 31")]
    NotVerifying,
    #[error("a conclusion follows verification: LTC Art. 28, 31")]
    NotVerified,
    #[error(
        "an extension records the complexity criteria that justify it: LTC Art. 30; NĐ31 Art. 3"
    )]
    NoCriteria,
    #[error("{}", extension_limit(*complexity, *allowed))]
    ExtensionLimit { complexity: Complexity, allowed: u8 },
    #[error("a withdrawal does not end the case when {exception}: LTC Art. 33-34")]
    WithdrawalException { exception: WithdrawalException },
    #[error(
        "only a false or partly false finding flags a false denunciation: LTC Art. 35(2)(c); DOMAIN.md §3"
    )]
    FalseReportFlag,

    // After the conclusion.
    #[error("the conclusion must exist before it is {step}: LTC Art. 35-40")]
    NotConcluded { step: &'static str },
    #[error("the conclusion is handled once: LTC Art. 36")]
    AlreadyHandled,
    #[error("the conclusion is published once on the portal: LTC Art. 40")]
    AlreadyPublished,
    #[error(
        "publication must run at least {minimum} consecutive days: NĐ31 Art. 6 (this one runs {days})"
    )]
    PublicationTooShort { days: i64, minimum: u32 },
    #[error("no {notice} is owed, or it was already sent")]
    NoticeNotOwed { notice: Notice },

    // Closing and re-denunciation.
    #[error("a case closes once a decision ends it: LTC Art. 28 (it is {stage})")]
    NotDecided { stage: &'static str },
    #[error(
        "a concluded case closes once its conclusion is handled and published: LTC Art. 36, 40"
    )]
    ConclusionPending,
    #[error("the case is closed; only a re-denunciation reopens it: LTC Art. 37")]
    Closed,
    #[error("a re-denunciation contests a conclusion: LTC Art. 37(1)")]
    NothingToReDenounce,
    #[error("a re-denunciation is already before the direct superior: LTC Art. 37(2)")]
    ReDenunciationPending,
    #[error("a review is opened on a re-denunciation: LTC Art. 37(2)")]
    NoReDenunciation,
    #[error("the review of this re-denunciation is already open: LTC Art. 37(2)")]
    ReviewAlreadyOpen,
    #[error(
        "the review is opened at the direct superior, named by its unit code: LTC Art. 37(2) ({unit:?} is not a unit code)"
    )]
    BadReviewUnit { unit: String },
    #[error("a re-denunciation is reviewed by the direct superior first: LTC Art. 37(2)")]
    ReviewNotOpened,
    #[error("the case has already been accepted: LTC Art. 29")]
    AlreadyAccepted,
}

fn extension_limit(complexity: Complexity, allowed: u8) -> String {
    match (complexity, allowed) {
        (Complexity::Ordinary, _) => {
            "an ordinary case is not extended: LTC Art. 30; NĐ31 Art. 3".to_owned()
        }
        (Complexity::Complex, 1) => {
            "a complex case may be extended once: LTC Art. 30; NĐ31 Art. 3".to_owned()
        }
        (Complexity::EspeciallyComplex, 2) => {
            "an especially complex case may be extended twice at most: LTC Art. 30; NĐ31 Art. 3"
                .to_owned()
        }
        (Complexity::Complex, n) => {
            format!("a complex case may be extended {n} times at most: LTC Art. 30; NĐ31 Art. 3")
        }
        (Complexity::EspeciallyComplex, n) => format!(
            "an especially complex case may be extended {n} times at most: LTC Art. 30; NĐ31 Art. 3"
        ),
    }
}
