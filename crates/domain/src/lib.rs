//! Domain types and statutory rules of Khiên. Pure: no I/O.
#![forbid(unsafe_code)]

/// Staff accounts and the organisation tree: parsed names, codes, roles, passwords, TOTP.
pub mod accounts;
/// The case file as its history: events, their fold, and the deadlines they give.
pub mod case_file;
/// Disclosing a reporter's identity: legal reasons, requests, custodian thresholds.
pub mod disclosure;
/// Intake: reports as typed, checked field by field; tracking numbers; attachment rules.
pub mod intake;
/// What follows a case: linked retaliation cases, false-report reviews, rewards.
pub mod outcomes;
/// Who oversees whom: each oversight body's jurisdiction.
pub mod oversight;
/// Protection of denouncers: requests for protection and reports of retaliation.
pub mod protection;
/// Periodic reports: periods, submission deadlines, and figures from case histories.
pub mod reporting;
/// Routing by jurisdiction: the competent body for each accused, with its legal basis.
pub mod routing;
/// Statutory time limits as dated rule packs, and due-date computation.
pub mod rules;
/// The retaliation tripwire: adverse HR decisions, alerts and their review.
pub mod tripwire;
