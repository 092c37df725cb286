//! What follows a case: retaliation reports as linked cases, conclusions posted on
//! the public page, reviews of reports found false, and reward proposals
//! (khien_domain::outcomes).
//!
//! | table | in clear | encrypted |
//! |---|---|---|
//! | `retaliation_links` | the retaliation case, the case it is about, the accused unit, the party inspection committee, who reported (reporter, colleague) | — (the report itself is the linked case's content, under its own key) |
//! | `published_conclusions` | what the law has posted publicly (LTC Art. 40): finding, measures, amounts, dates, unit | — |
//! | `false_report_reviews` | finding, deliberate or not, handling and its legal basis, who decided and when | the notes, under the case key |
//! | `reward_proposals` | beneficiary, form, multiples and amounts, status, who decided, the reporter's answer and consent time | the grounds and the head's note, under the case key |
//!
//! A published conclusion is copied out at publication, by staff holding the case
//! key, so that the public page reads it without any key. It never holds the
//! denouncer's identity or the report's content: only what the conclusion states.
//!
//! Nothing here ends a protection period: a report found false, even
//! deliberately, is not a ground to end protection (LTC Art. 54(2)).

mod case_key_check;
mod false_report_reviews;
mod ids;
mod labels;
mod outcomes_error;
mod publications;
mod retaliation_links;
mod rewards;

pub use false_report_reviews::StoredFalseReportReview;
pub use ids::{FalseReportReviewId, RewardId};
pub use outcomes_error::OutcomesError;
pub use publications::{NewPublication, PublishedConclusion};
pub(crate) use retaliation_links::insert_retaliation_link;
pub use retaliation_links::{
    LinkRelation, LinkedCase, NewRetaliationLink, RetaliationCaseRow, RetaliationLink,
    RetaliationSource,
};
pub use rewards::{NewReward, StoredReward};
