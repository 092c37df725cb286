//! The notices a decision obliges the unit to send, each with its own time limit.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A notice owed after a decision. Recording that it went out closes its deadline;
/// without such a record the deadline stays open, since the fold cannot know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Notice {
    /// The acceptance decision, to the denouncer and the person denounced (LTC Art. 29(3)).
    Acceptance,
    /// The oldest suspension decision not yet sent (LTC Art. 34(4)).
    Suspension,
    /// The termination decision (LTC Art. 34(4)).
    Termination,
    /// The conclusion, to the person denounced and their managing body, with notice to
    /// the denouncer (LTC Art. 35(3)).
    Conclusion,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Notice::Acceptance => "acceptance notice (LTC Art. 29(3))",
            Notice::Suspension => "suspension notice (LTC Art. 34(4))",
            Notice::Termination => "termination notice (LTC Art. 34(4))",
            Notice::Conclusion => "conclusion notice (LTC Art. 35(3))",
        })
    }
}
