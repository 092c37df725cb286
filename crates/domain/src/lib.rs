//! Domain types and statutory rules of Khiên. Pure: no I/O.
#![forbid(unsafe_code)]

/// Statutory time limits as dated rule packs, and due-date computation.
pub mod rules;
