//! A person a report is about.

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// One accused person: a name, and where known a position and organisation.
/// Kept inside the encrypted report document only. No `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize)]
pub struct Accused {
    /// Full name, 1–200 characters.
    pub name: String,
    /// Position (chức vụ), up to 200 characters.
    pub position: Option<String>,
    /// Organisation (cơ quan, đơn vị), up to 200 characters.
    pub organisation: Option<String>,
}
