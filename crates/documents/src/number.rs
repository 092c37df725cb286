//! Document numbers ("Số: 05/QĐ-TTT", Decree 30 Art. 15 and Appendix I).
//!
//! A number is the issuer's running count of documents of one kind in one calendar year:
//! it starts at 01 on 1 January, ends on 31 December and is never reused. The counter
//! itself lives in the database (one row per unit, year and kind, incremented in the same
//! transaction that records the document); this module decides what the next number is
//! given the last one issued, and refuses anything that could repeat a number.

use std::fmt;

use thiserror::Error;

/// The symbol used for conclusions when none is configured. Decree 30 Appendix III lists
/// no abbreviation for "Kết luận" (NĐ31 Form 12), so "KL" is UNVERIFIED (DOMAIN.md §7);
/// it is a field so that a unit whose records office uses another symbol can set it.
pub const DEFAULT_CONCLUSION_SYMBOL: &str = "KL";

/// What kind of document a number belongs to; each kind has its own series.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// Quyết định: `05/QĐ-TTT`.
    Decision,
    /// Thông báo: `05/TB-TTT`.
    Notice,
    /// Công văn (an administrative letter has no type abbreviation): `05/TTT-TTr`, the
    /// issuer's symbol followed by the symbol of the unit that drafted it.
    Letter {
        /// The drafting unit's symbol, e.g. "TTr" (Thanh tra), "VP" (Văn phòng).
        drafting_unit: String,
    },
    /// Kết luận nội dung tố cáo (NĐ31 Form 12): `05/KL-TTT` by default.
    Conclusion {
        /// The type symbol; [`DEFAULT_CONCLUSION_SYMBOL`] unless configured.
        symbol: String,
    },
    /// Báo cáo (Decree 30 Appendix III): `05/BC-BNC`.
    Report,
}

impl DocumentKind {
    /// A conclusion with the default ("KL", UNVERIFIED) symbol.
    pub fn conclusion() -> Self {
        Self::Conclusion {
            symbol: DEFAULT_CONCLUSION_SYMBOL.to_owned(),
        }
    }

    /// Whether two kinds share one counter. Letters from different drafting units are
    /// still one series of letters, and renaming the conclusion symbol mid-year must not
    /// restart the count, so only the variant matters.
    pub fn same_series(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// Which rules the number follows. State bodies number per Decree 30 ("05/QĐ-TTT"); party
/// bodies per the party's rules on documents (Hướng dẫn 36-HD/VPTW): the count, a hyphen,
/// the type, then the issuer's party abbreviation after the slash ("12-BC/BNCTU").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NumberingSystem {
    #[default]
    State,
    Party,
}

/// Why no next number could be given. Each of these would let a number repeat.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberingError {
    /// The last number belongs to another issuer's counter.
    #[error("the last number was issued by {last}, not {requested}")]
    OtherIssuer { last: String, requested: String },
    /// The last number belongs to another kind's counter.
    #[error("the last number is of another kind of document")]
    OtherKind,
    /// The year went backwards: the series for `requested` is closed.
    #[error("the last number is from {last}; year {requested} is already closed")]
    YearClosed { last: i32, requested: i32 },
    /// The counter is exhausted.
    #[error("no number follows {0} in one year")]
    Exhausted(u32),
    /// The issuer symbol is empty.
    #[error("the issuer symbol is empty")]
    EmptyIssuer,
}

/// One document number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocumentNumber {
    /// The running count in the year, from 1.
    pub seq: u32,
    /// The calendar year the count belongs to.
    pub year: i32,
    pub kind: DocumentKind,
    /// The issuing body's symbol, e.g. "UBND", "TTT" (Thanh tra tỉnh); for a party body
    /// its party abbreviation, e.g. "BNCTU" (Ban Nội chính Tỉnh ủy).
    pub issuer_symbol: String,
    pub system: NumberingSystem,
}

impl DocumentNumber {
    /// The number that follows `last` for a document issued in `year`.
    ///
    /// With no previous number, or in a later year than the last one, the count starts at 1
    /// (Decree 30 Art. 15: numbering restarts each 1 January). A `last` from a later year,
    /// another issuer or another kind is refused rather than guessed around: it means the
    /// caller read the wrong counter, and continuing could issue a number twice.
    pub fn next(
        last: Option<&DocumentNumber>,
        year: i32,
        kind: DocumentKind,
        issuer_symbol: impl Into<String>,
    ) -> Result<Self, NumberingError> {
        let issuer_symbol = issuer_symbol.into();
        if issuer_symbol.trim().is_empty() {
            return Err(NumberingError::EmptyIssuer);
        }
        let seq = match last {
            None => 1,
            Some(last) => {
                if last.issuer_symbol != issuer_symbol {
                    return Err(NumberingError::OtherIssuer {
                        last: last.issuer_symbol.clone(),
                        requested: issuer_symbol,
                    });
                }
                if !last.kind.same_series(&kind) {
                    return Err(NumberingError::OtherKind);
                }
                if year < last.year {
                    return Err(NumberingError::YearClosed {
                        last: last.year,
                        requested: year,
                    });
                }
                if year > last.year {
                    1
                } else {
                    last.seq
                        .checked_add(1)
                        .ok_or(NumberingError::Exhausted(last.seq))?
                }
            }
        };
        Ok(Self {
            seq,
            year,
            kind,
            issuer_symbol,
            system: NumberingSystem::State,
        })
    }

    /// The same number under the rules of `system`.
    pub fn in_system(self, system: NumberingSystem) -> Self {
        Self { system, ..self }
    }

    /// The number line as printed under the issuing body: "Số: 05/QĐ-TTT" for a state
    /// body, "Số 12-BC/BNCTU" (no colon) for a party body.
    pub fn label(&self) -> String {
        match self.system {
            NumberingSystem::State => format!("Số: {self}"),
            NumberingSystem::Party => format!("Số {self}"),
        }
    }

    /// The type abbreviation of the number ("QĐ", "BC"); a state letter has none (its
    /// place holds the issuer's symbol), a party letter is "CV".
    fn type_symbol(&self) -> &str {
        match &self.kind {
            DocumentKind::Decision => "QĐ",
            DocumentKind::Notice => "TB",
            DocumentKind::Letter { .. } => "CV",
            DocumentKind::Conclusion { symbol } => symbol,
            DocumentKind::Report => "BC",
        }
    }

    /// A number left blank for the records office to fill in when the document is
    /// signed (`Số:      /BC-BNC`): for drafts produced on demand, which must not take
    /// a number from the series each time they are downloaded.
    pub fn unnumbered(year: i32, kind: DocumentKind, issuer_symbol: impl Into<String>) -> Self {
        Self {
            seq: 0,
            year,
            kind,
            issuer_symbol: issuer_symbol.into(),
            system: NumberingSystem::State,
        }
    }
}

/// "05/QĐ-TTT": the count, with a leading zero below 10 (Appendix I), then the symbol;
/// "05-QĐ/BNCTU" for a party body.
impl fmt::Display for DocumentNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let separator = match self.system {
            NumberingSystem::State => '/',
            NumberingSystem::Party => '-',
        };
        if self.seq == 0 {
            // Blank, to be numbered by hand: no-break spaces, which editors keep.
            write!(f, "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}{separator}")?;
        } else {
            write!(f, "{:02}{separator}", self.seq)?;
        }
        if self.system == NumberingSystem::Party {
            return write!(f, "{}/{}", self.type_symbol(), self.issuer_symbol);
        }
        match &self.kind {
            DocumentKind::Decision => write!(f, "QĐ-{}", self.issuer_symbol),
            DocumentKind::Notice => write!(f, "TB-{}", self.issuer_symbol),
            DocumentKind::Letter { drafting_unit } => {
                write!(f, "{}-{}", self.issuer_symbol, drafting_unit)
            }
            DocumentKind::Conclusion { symbol } => write!(f, "{symbol}-{}", self.issuer_symbol),
            DocumentKind::Report => write!(f, "BC-{}", self.issuer_symbol),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(seq: u32, year: i32) -> DocumentNumber {
        DocumentNumber {
            seq,
            year,
            kind: DocumentKind::Decision,
            issuer_symbol: "TTT".to_owned(),
            system: NumberingSystem::State,
        }
    }

    #[test]
    fn party_numbers_put_the_type_before_the_slash_and_the_abbreviation_after() {
        let report = DocumentNumber {
            seq: 12,
            kind: DocumentKind::Report,
            issuer_symbol: "BNCTU".to_owned(),
            ..decision(1, 2026)
        }
        .in_system(NumberingSystem::Party);
        assert_eq!(report.label(), "Số 12-BC/BNCTU");
        let first = DocumentNumber {
            seq: 1,
            ..report.clone()
        };
        assert_eq!(first.to_string(), "01-BC/BNCTU");
        let decision = decision(3, 2026).in_system(NumberingSystem::Party);
        assert_eq!(decision.to_string(), "03-QĐ/TTT");
        let letter = DocumentNumber {
            kind: DocumentKind::Letter {
                drafting_unit: "VP".to_owned(),
            },
            ..decision.clone()
        };
        assert_eq!(letter.to_string(), "03-CV/TTT");
        let blank = DocumentNumber { seq: 0, ..report };
        assert_eq!(
            blank.label(),
            "Số \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}-BC/BNCTU"
        );
    }

    #[test]
    fn a_report_may_be_left_unnumbered_for_the_records_office() {
        let blank = DocumentNumber::unnumbered(2026, DocumentKind::Report, "BNC");
        assert_eq!(
            blank.label(),
            "Số: \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/BC-BNC"
        );
        let numbered = DocumentNumber { seq: 4, ..blank };
        assert_eq!(numbered.to_string(), "04/BC-BNC");
    }

    #[test]
    fn formats_each_kind_with_a_leading_zero_below_ten() {
        assert_eq!(decision(5, 2025).label(), "Số: 05/QĐ-TTT");
        assert_eq!(decision(10, 2025).to_string(), "10/QĐ-TTT");
        assert_eq!(decision(123, 2025).to_string(), "123/QĐ-TTT");
        let notice = DocumentNumber {
            kind: DocumentKind::Notice,
            ..decision(1, 2025)
        };
        assert_eq!(notice.to_string(), "01/TB-TTT");
        let letter = DocumentNumber {
            kind: DocumentKind::Letter {
                drafting_unit: "TTr".to_owned(),
            },
            issuer_symbol: "UBND".to_owned(),
            ..decision(7, 2025)
        };
        assert_eq!(letter.label(), "Số: 07/UBND-TTr");
        let conclusion = DocumentNumber {
            kind: DocumentKind::conclusion(),
            ..decision(12, 2025)
        };
        assert_eq!(conclusion.to_string(), "12/KL-TTT");
        let renamed = DocumentNumber {
            kind: DocumentKind::Conclusion {
                symbol: "KLTC".to_owned(),
            },
            ..decision(3, 2025)
        };
        assert_eq!(renamed.to_string(), "03/KLTC-TTT");
    }

    #[test]
    fn first_number_of_a_series_is_one() {
        let first = DocumentNumber::next(None, 2025, DocumentKind::Decision, "TTT").unwrap();
        assert_eq!(first, decision(1, 2025));
    }

    #[test]
    fn counts_up_within_a_year() {
        let next = DocumentNumber::next(
            Some(&decision(4, 2025)),
            2025,
            DocumentKind::Decision,
            "TTT",
        )
        .unwrap();
        assert_eq!(next, decision(5, 2025));
    }

    #[test]
    fn restarts_at_one_on_the_first_of_january() {
        let next = DocumentNumber::next(
            Some(&decision(318, 2024)),
            2025,
            DocumentKind::Decision,
            "TTT",
        )
        .unwrap();
        assert_eq!(next, decision(1, 2025));
        // Also after a year with nothing issued.
        let next = DocumentNumber::next(
            Some(&decision(9, 2022)),
            2025,
            DocumentKind::Decision,
            "TTT",
        )
        .unwrap();
        assert_eq!(next.seq, 1);
    }

    #[test]
    fn never_reopens_a_closed_year() {
        let err = DocumentNumber::next(
            Some(&decision(2, 2025)),
            2024,
            DocumentKind::Decision,
            "TTT",
        )
        .unwrap_err();
        assert_eq!(
            err,
            NumberingError::YearClosed {
                last: 2025,
                requested: 2024
            }
        );
    }

    #[test]
    fn refuses_another_counter() {
        let last = decision(2, 2025);
        assert!(matches!(
            DocumentNumber::next(Some(&last), 2025, DocumentKind::Decision, "UBND"),
            Err(NumberingError::OtherIssuer { .. })
        ));
        assert_eq!(
            DocumentNumber::next(Some(&last), 2025, DocumentKind::Notice, "TTT"),
            Err(NumberingError::OtherKind)
        );
        assert_eq!(
            DocumentNumber::next(None, 2025, DocumentKind::Notice, " "),
            Err(NumberingError::EmptyIssuer)
        );
    }

    #[test]
    fn letters_of_all_drafting_units_share_one_series() {
        let last = DocumentNumber {
            kind: DocumentKind::Letter {
                drafting_unit: "VP".to_owned(),
            },
            ..decision(7, 2025)
        };
        let next = DocumentNumber::next(
            Some(&last),
            2025,
            DocumentKind::Letter {
                drafting_unit: "TTr".to_owned(),
            },
            "TTT",
        )
        .unwrap();
        assert_eq!(next.to_string(), "08/TTT-TTr");
    }

    #[test]
    fn a_full_year_of_numbers_has_no_repeat() {
        let mut seen = std::collections::HashSet::new();
        let mut last: Option<DocumentNumber> = None;
        for year in [2024, 2024, 2025, 2025, 2025, 2026] {
            for _ in 0..50 {
                let next = DocumentNumber::next(last.as_ref(), year, DocumentKind::Decision, "TTT")
                    .unwrap();
                assert!(
                    seen.insert((next.year, next.to_string())),
                    "{next} repeated"
                );
                last = Some(next);
            }
        }
    }

    #[test]
    fn an_exhausted_counter_is_an_error_not_a_wrap() {
        assert_eq!(
            DocumentNumber::next(
                Some(&decision(u32::MAX, 2025)),
                2025,
                DocumentKind::Decision,
                "TTT"
            ),
            Err(NumberingError::Exhausted(u32::MAX))
        );
    }
}
