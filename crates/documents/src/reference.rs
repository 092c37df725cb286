//! A reference to a document already issued, as later documents cite it.

use chrono::NaiveDate;

use crate::DocumentNumber;
use crate::date_line::short;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedDocument {
    pub number: DocumentNumber,
    pub date: NaiveDate,
}

impl IssuedDocument {
    /// "Quyết định số 05/QĐ-TTT ngày 05/02/2025", with the type word supplied by the caller.
    pub(crate) fn cite(&self, type_word: &str) -> String {
        format!("{type_word} số {} ngày {}", self.number, short(self.date))
    }
}
