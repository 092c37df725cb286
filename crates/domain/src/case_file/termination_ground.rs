//! Why a resolution ends without a conclusion (đình chỉ, LTC Art. 33–34).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The ground of a termination decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum TerminationGround {
    /// The denouncer withdrew the whole denunciation in writing before the conclusion
    /// (Art. 33). If an exception applies, resolution goes on and the case cannot be
    /// terminated on this ground.
    Withdrawal {
        exception_applies: Option<WithdrawalException>,
    },
    /// The individual denounced has died.
    AccusedDied,
    /// The matter is already settled by a final judgment or decision.
    PriorJudgment,
}

/// Why a withdrawal does not end the case (LTC Art. 33; DOMAIN.md §1.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WithdrawalException {
    /// There are signs of a violation.
    SignsOfViolation,
    /// The withdrawal was coerced or bought.
    CoercedOrBought,
    /// The denouncer was slandering (and remains liable).
    Slander,
}

impl fmt::Display for WithdrawalException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WithdrawalException::SignsOfViolation => "there are signs of a violation",
            WithdrawalException::CoercedOrBought => "the withdrawal was coerced or bought",
            WithdrawalException::Slander => "the denouncer was slandering",
        })
    }
}
