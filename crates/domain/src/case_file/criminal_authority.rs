//! Where a case with signs of a crime goes (LTC Art. 27(1), 44(1)(d)).

use serde::{Deserialize, Serialize};

/// The body that receives the file "immediately" when criminal signs appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriminalAuthority {
    /// Cơ quan điều tra.
    InvestigationAgency,
    /// Viện kiểm sát.
    Procuracy,
}
