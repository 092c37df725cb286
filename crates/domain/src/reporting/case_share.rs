//! Which part of a case's history a unit reports on.
//!
//! A forwarded case belongs to two units' reports: the unit that received it first
//! counts it as received and forwarded; the competent unit counts it from the day it
//! took it in (its own receipt, LTC Art. 24) and whatever it did with it after.

/// A unit's part of one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseShare {
    /// The case was received here and never forwarded away.
    Whole,
    /// This unit received it and forwarded it: its history up to the forwarding.
    UntilForwarded,
    /// This unit was forwarded it: from its own receipt on (nothing until it takes
    /// the case in).
    FromForwardReceipt,
}
