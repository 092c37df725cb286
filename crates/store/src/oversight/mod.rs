//! Who oversees whom: each oversight body's jurisdiction (the whole province or
//! named subtrees, set by an administrator), and the one scope every oversight
//! view reads — the viewer's own subtree and their unit's jurisdiction.
//!
//! | table | in clear |
//! |---|---|
//! | `jurisdictions` | the oversight unit, whether it covers the whole province, who set it and when |
//! | `jurisdiction_subtrees` | the roots of the subtrees it covers |

mod jurisdiction_error;
mod jurisdictions;
mod oversight_scope;

pub use jurisdiction_error::JurisdictionError;
pub use jurisdictions::StoredJurisdiction;
pub(crate) use oversight_scope::OVERSIGHT_SCOPE;
