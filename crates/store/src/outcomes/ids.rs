//! Row ids of what follows a case, made like every id in the store.

use crate::accounts::id_type;

id_type!(FalseReportReviewId, "a review of a report found false");
id_type!(RewardId, "a reward proposal");
