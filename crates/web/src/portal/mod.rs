//! The public portal: reporting, the receipt, and following up with it.

pub mod check_ins;
pub mod disclosures;
pub mod follow_up;
pub mod proof;
pub mod protection;
pub mod published;
pub mod report;
pub mod retaliation;
pub mod rewards;
