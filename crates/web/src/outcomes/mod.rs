//! What follows a case, on the web: retaliation reports made into linked cases
//! (from the reporter's page, a colleague's public form, or staff naming the
//! accused unit), conclusions posted on `/published`, the review of reports found
//! false, and rewards. The API, the console and the portal share these.

mod event_follow_up;
mod false_report_actions;
mod linked_cases;
mod outcome_failure;
mod outcomes_json;
mod retaliation_intake;
mod retaliation_routing;
mod reward_actions;

pub use event_follow_up::{follow_recorded_event, sync_outcome_records};
pub use false_report_actions::{decide_false_report, false_report_reviews, recommend_handling};
pub use linked_cases::{
    name_accused_unit, retaliation_list_allowed, visible_linked_cases, visible_retaliation_cases,
};
pub use outcome_failure::outcome_failure;
pub use outcomes_json::{
    linked_case_json, publication_json, reporter_reward_json, review_json, reward_json,
};
pub use retaliation_intake::{
    AccusedOfRetaliation, ColleagueDraft, report_retaliation_as_colleague,
    report_retaliation_on_case,
};
pub use reward_actions::{
    answer_reward, decide_reward, propose_reward, reporter_rewards, rewards_of_case,
};
