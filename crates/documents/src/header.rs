//! What every official document carries around its body (Decree 30 Art. 8 and Appendix I):
//! the issuing body, the number, the place and date, the signature and the recipients.
//! The national name and motto are constant and added by the letterhead.

use chrono::{Datelike, NaiveDate};

use crate::{DocumentError, DocumentKind, DocumentNumber, SignatureBlock};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentHeader {
    /// The body directly above the issuer ("Ủy ban nhân dân tỉnh Phú Thọ"); none for a
    /// body at the top of its hierarchy. Printed in capitals; a `\n` sets where the name
    /// breaks in the narrow left column ("Ủy ban nhân dân\ntỉnh Phú Thọ"), as officials
    /// choose the break rather than leave it to the word processor.
    pub superior_body: Option<String>,
    /// The issuing body, written as in a sentence ("Thanh tra tỉnh"): the body text uses it
    /// as is, the letterhead in bold capitals. A `\n` breaks it in the letterhead only.
    pub issuing_body: String,
    pub number: DocumentNumber,
    /// The place name of the date line: the commune or city where the issuer sits
    /// ("Thanh Sơn", "Việt Trì").
    pub place: String,
    /// The date of signature, which is the date of the document.
    pub date: NaiveDate,
    pub signature: SignatureBlock,
    /// "Nơi nhận": one entry per recipient, without the leading dash or the trailing ";".
    /// The records office line ("Lưu: VT, hồ sơ.") is added by the form. Name recipients by
    /// role; a document that reaches the accused must not name the denouncer here either.
    pub recipients: Vec<String>,
}

impl DocumentHeader {
    /// The issuing body as the body text names it, on one line.
    pub(crate) fn issuer_in_text(&self) -> String {
        self.issuing_body
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Checks the header is complete and numbered as the form requires. `form` and
    /// `expected` name the form and kind in the error.
    pub(crate) fn check(
        &self,
        form: &'static str,
        expected: &'static str,
        kind_matches: fn(&DocumentKind) -> bool,
    ) -> Result<(), DocumentError> {
        if self.issuing_body.trim().is_empty() {
            return Err(DocumentError::Missing("the issuing body"));
        }
        if self.place.trim().is_empty() {
            return Err(DocumentError::Missing("the place of issue"));
        }
        if self.number.issuer_symbol.trim().is_empty() || self.number.seq == 0 {
            return Err(DocumentError::Missing("a document number"));
        }
        if !self.signature.is_complete() {
            return Err(DocumentError::Missing("the signer's position and name"));
        }
        if !kind_matches(&self.number.kind) {
            return Err(DocumentError::WrongNumberKind {
                form,
                expected,
                got: self.number.to_string(),
            });
        }
        // Decree 30 Art. 15: the number belongs to the year of the document.
        if self.number.year != self.date.year() {
            return Err(DocumentError::NumberYear {
                number: self.number.to_string(),
                year: self.number.year,
                dated: self.date.year(),
            });
        }
        Ok(())
    }
}
