//! The four conditions of acceptance (thụ lý), LTC Art. 29(1).

use serde::{Deserialize, Serialize};

/// What the officer checked before accepting; all four must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AcceptanceConditions {
    /// The Art. 23 formalities are met (name, address, signature; a group names a
    /// representative).
    pub formalities_met: bool,
    /// The denouncer has civil capacity, or acts through a representative.
    pub capacity: bool,
    /// The receiving unit is competent to resolve it.
    pub competent: bool,
    /// The content identifies a violator and an unlawful act.
    pub identifies_violation: bool,
}

impl AcceptanceConditions {
    /// All four conditions, as a record of a proper acceptance.
    pub const ALL_MET: AcceptanceConditions = AcceptanceConditions {
        formalities_met: true,
        capacity: true,
        competent: true,
        identifies_violation: true,
    };

    /// The names of the conditions that do not hold, in the order of Art. 29(1).
    pub fn missing(&self) -> Vec<&'static str> {
        [
            (self.formalities_met, "formalities"),
            (self.capacity, "capacity"),
            (self.competent, "competence"),
            (self.identifies_violation, "identified violation"),
        ]
        .into_iter()
        .filter(|(met, _)| !met)
        .map(|(_, name)| name)
        .collect()
    }
}
