//! Conflict of interest and repeated reports, found through blind indexes.
//!
//! | table | holds |
//! |---|---|
//! | `staff_identity_indexes` | per staff member: the blind index of their national ID number, and of their name with their unit's name |
//! | `case_accused_indexes` | per case: the blind index of each accused person's name with their organisation |
//!
//! The indexes are computed by the caller with the server secret
//! (`khien_vault::blind_index`); the store only compares them. From them:
//!
//! - [`crate::Store::conflicts_with_case`]: the staff member registered an ID
//!   number or a name and unit that is an accused person's index in the case;
//! - [`crate::Store::linked_reports`]: other cases with an accused index in common;
//! - [`crate::Store::accused_is_head_of_handling_unit`]: an accused index of the
//!   case is that of a head of the unit handling it.
//!
//! Nothing here holds a name or an ID number, and the audit entry of a
//! registration holds neither the value nor its index.

mod accused_indexes;
mod linked_reports;
mod staff_indexes;

pub(crate) use accused_indexes::insert_accused_indexes;
pub use linked_reports::LinkedReport;
pub use staff_indexes::{StaffIdentityIndexes, StaffIdentityRegistration};

/// A blind index: HMAC-SHA256 of a normalised value under the server secret.
pub type BlindIndex = [u8; 32];
