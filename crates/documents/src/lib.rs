//! Khiên's official documents: the NĐ31 forms a denunciation case needs, as DOCX files
//! laid out per Decree 30/2020/NĐ-CP, ready to print and sign.
//!
//! Pure: every function takes typed facts and returns the bytes of a `.docx`; nothing is
//! read or written. The caller seals the bytes with the case key before storing them
//! (documents are encrypted at rest like the rest of the case) and takes the document
//! number from the per-unit, per-year, per-kind counter in the database
//! ([`DocumentNumber::next`] says what that counter must do).
//!
//! Secrecy of the denouncer (LTC Art. 56) is in the types: only
//! [`NonAcceptanceNotice`], which is addressed to the denouncer, has a field for them.
#![forbid(unsafe_code)]

/// Tables of figures in the body.
mod data_table;
/// The date line ("Thanh Sơn, ngày 05 tháng 02 năm 2025") and dates in the text.
mod date_line;
/// Why a document could not be produced.
mod error;
/// What every document carries around its body.
mod header;
/// Document numbers and their yearly series ("Số: 05/QĐ-TTT").
mod number;
/// Officials and bodies named in documents.
mod parties;
/// A position joined to its body's name without repeating it.
mod position_title;
/// A citation of a document already issued.
mod reference;
/// Signing prefixes (TM., KT., Q., TL., TUQ.) and the signature block.
mod signature;

/// "Nơi nhận" and the signature.
mod closing;
/// Legal bases, "QUYẾT ĐỊNH:" and articles.
mod decision;
/// Issuing body, number, national name, motto and date line.
mod letterhead;
/// Sums in đồng, for documents and screens.
pub mod money;
/// Page setup and packing into DOCX bytes.
mod page;
/// The title block and the addressee line.
mod title;
/// Decree 30 Appendix I: fonts, sizes, margins, spacing.
mod typography;

/// The forms.
pub mod forms;

pub use data_table::{DataRow, DataTable};
pub use date_line::place_and_date;
pub use error::DocumentError;
pub use forms::acceptance_decision::{AcceptanceDecision, Verifier, acceptance_decision};
pub use forms::conclusion::{
    Conclusion, Discipline, Finding, Recovery, Verdict, conclusion, overall_verdict,
};
pub use forms::extension_decision::{
    ComplexityCriterion, ExtensionDecision, ExtensionRound, MAX_EXTENSION_DAYS, extension_decision,
};
pub use forms::forwarding_letter::{FORWARDING_SUBJECT, ForwardingLetter, forwarding_letter};
pub use forms::non_acceptance_notice::{
    NonAcceptanceGround, NonAcceptanceNotice, NoticeAddressee, non_acceptance_notice,
};
pub use forms::periodic_report::{PeriodicReport, ReportSection, periodic_report};
pub use header::DocumentHeader;
pub use letterhead::{MOTTO, NATIONAL_NAME_TEXT, PARTY_NAME_TEXT};
pub use number::{
    DEFAULT_CONCLUSION_SYMBOL, DocumentKind, DocumentNumber, NumberingError, NumberingSystem,
};
pub use parties::{Accused, Honorific, Official};
pub use position_title::title_with_body;
pub use reference::IssuedDocument;
pub use signature::{SignatureBlock, SigningLine, SigningPrefix};
