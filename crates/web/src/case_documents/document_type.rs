//! The documents a case can issue, each following one kind of event, and the
//! numbering series each belongs to.

use khien_documents::DocumentKind;

/// One NĐ31 form, as the API names it (`"type": "acceptance_decision"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentType {
    /// Quyết định thụ lý tố cáo (Form 04), after `accepted`.
    AcceptanceDecision,
    /// Thông báo không thụ lý tố cáo, after `not_accepted`.
    NonAcceptanceNotice,
    /// Công văn chuyển đơn, issued with the forwarding itself.
    ForwardingLetter,
    /// Quyết định gia hạn giải quyết tố cáo (Form 01), after `extended`.
    ExtensionDecision,
    /// Kết luận nội dung tố cáo (Form 12), after `concluded`.
    Conclusion,
}

impl DocumentType {
    /// In the order of the procedure.
    pub const ALL: [DocumentType; 5] = [
        DocumentType::NonAcceptanceNotice,
        DocumentType::ForwardingLetter,
        DocumentType::AcceptanceDecision,
        DocumentType::ExtensionDecision,
        DocumentType::Conclusion,
    ];

    /// The name in the API and the console's forms.
    pub fn code(self) -> &'static str {
        match self {
            DocumentType::AcceptanceDecision => "acceptance_decision",
            DocumentType::NonAcceptanceNotice => "non_acceptance_notice",
            DocumentType::ForwardingLetter => "forwarding_letter",
            DocumentType::ExtensionDecision => "extension_decision",
            DocumentType::Conclusion => "conclusion",
        }
    }

    /// The type named `code`.
    pub fn parse(code: &str) -> Option<DocumentType> {
        DocumentType::ALL
            .into_iter()
            .find(|kind| kind.code() == code.trim())
    }

    /// The kind of event (`CaseEvent::name`) the document carries out.
    pub fn event_kind(self) -> &'static str {
        match self {
            DocumentType::AcceptanceDecision => "accepted",
            DocumentType::NonAcceptanceNotice => "not_accepted",
            DocumentType::ForwardingLetter => "forwarded",
            DocumentType::ExtensionDecision => "extended",
            DocumentType::Conclusion => "concluded",
        }
    }

    /// The type of a document issued for an event of `kind`, as the register reads
    /// it back: the series is shared (every Quyết định is one series), the event
    /// tells which form it was.
    pub fn of_event(kind: &str) -> Option<DocumentType> {
        DocumentType::ALL
            .into_iter()
            .find(|document| document.event_kind() == kind)
    }

    /// The numbering series, with the drafting unit's symbol for letters.
    pub fn number_kind(self, drafting_unit: &str) -> DocumentKind {
        match self {
            DocumentType::AcceptanceDecision | DocumentType::ExtensionDecision => {
                DocumentKind::Decision
            }
            DocumentType::NonAcceptanceNotice => DocumentKind::Notice,
            DocumentType::ForwardingLetter => DocumentKind::Letter {
                drafting_unit: drafting_unit.to_owned(),
            },
            DocumentType::Conclusion => DocumentKind::conclusion(),
        }
    }

    /// The series' name in the counter (`document_counters.doc_type`): one count per
    /// kind of document, whatever the form (Decree 30 Art. 15).
    pub fn series(self) -> &'static str {
        match self.number_kind("") {
            DocumentKind::Decision => "decision",
            DocumentKind::Notice => "notice",
            DocumentKind::Letter { .. } => "letter",
            DocumentKind::Conclusion { .. } => "conclusion",
            DocumentKind::Report => "report",
        }
    }

    /// Its name in Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            DocumentType::AcceptanceDecision => "Quyết định thụ lý tố cáo",
            DocumentType::NonAcceptanceNotice => "Thông báo không thụ lý tố cáo",
            DocumentType::ForwardingLetter => "Công văn chuyển đơn tố cáo",
            DocumentType::ExtensionDecision => "Quyết định gia hạn giải quyết tố cáo",
            DocumentType::Conclusion => "Kết luận nội dung tố cáo",
        }
    }

    /// Its name in English.
    pub fn label_en(self) -> &'static str {
        match self {
            DocumentType::AcceptanceDecision => "Acceptance decision",
            DocumentType::NonAcceptanceNotice => "Notice of non-acceptance",
            DocumentType::ForwardingLetter => "Forwarding letter",
            DocumentType::ExtensionDecision => "Extension decision",
            DocumentType::Conclusion => "Conclusion",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_and_decisions_share_a_series() {
        for kind in DocumentType::ALL {
            assert_eq!(DocumentType::parse(kind.code()), Some(kind));
            assert_eq!(DocumentType::of_event(kind.event_kind()), Some(kind));
        }
        assert_eq!(DocumentType::parse("decision"), None);
        assert_eq!(
            DocumentType::AcceptanceDecision.series(),
            DocumentType::ExtensionDecision.series()
        );
        assert_ne!(
            DocumentType::AcceptanceDecision.series(),
            DocumentType::NonAcceptanceNotice.series()
        );
    }
}
