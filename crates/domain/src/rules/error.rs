//! Errors of rule packs.

use chrono::NaiveDate;

/// Why a rule pack, or a set of packs, was rejected, or no pack applies.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    /// The pack file is not TOML of the expected shape.
    #[error("line {line}: {message}")]
    Syntax { line: usize, message: String },
    #[error("rule pack {id}: effective_until {until} is before effective_from {from}")]
    EmptyRange {
        id: String,
        from: NaiveDate,
        until: NaiveDate,
    },
    #[error("rule pack {id}: suspension_basis and suspension_basis_vi must name the article")]
    EmptySuspensionBasis { id: String },
    #[error("rule packs {earlier} and {later} overlap: both are in force on {date}")]
    Overlap {
        earlier: String,
        later: String,
        date: NaiveDate,
    },
    #[error("no rule pack is in force from {from} to {until} (between {earlier} and {later})")]
    Gap {
        earlier: String,
        later: String,
        from: NaiveDate,
        until: NaiveDate,
    },
    #[error("rule pack {id} has no end date but is not the last one")]
    OpenEndedNotLast { id: String },
    #[error("no rule packs were given")]
    Empty,
    #[error("no rule pack is in force on {date}: the earliest starts on {first}")]
    NoPackInForce { date: NaiveDate, first: NaiveDate },
}
