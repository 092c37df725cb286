//! Why a document could not be produced.

use thiserror::Error;

/// A document that would not be fit to sign is refused, not produced with a blank.
#[derive(Debug, Error)]
pub enum DocumentError {
    /// A fact the form needs is empty; the field's name says which.
    #[error("the document needs {0}")]
    Missing(&'static str),
    /// The number given is of another kind than the form (a decision numbered as a notice).
    #[error("{form} needs a {expected} number, got {got}")]
    WrongNumberKind {
        form: &'static str,
        expected: &'static str,
        got: String,
    },
    /// The number's year is not the year the document is dated.
    #[error("number {number} belongs to {year}, but the document is dated {dated}")]
    NumberYear {
        number: String,
        year: i32,
        dated: i32,
    },
    /// A date is out of order (a deadline before the document, a petition after it).
    #[error("{0}")]
    DateOrder(&'static str),
    /// docx-rs failed to write the archive into memory.
    #[error("could not pack the DOCX archive: {0}")]
    Pack(String),
}
