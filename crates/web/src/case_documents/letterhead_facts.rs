//! The parts every document shares, from the issuing unit and the form: the header
//! (issuing body, its superior, number, place and date, signature, recipients), the
//! person or body denounced, and how people are addressed.

use chrono::NaiveDate;
use khien_documents::{
    Accused, DocumentHeader, DocumentKind, DocumentNumber, Honorific, NumberingSystem, Official,
    SignatureBlock, SigningLine, SigningPrefix, title_with_body,
};
use khien_domain::intake::ReportContent;
use khien_store::accounts::Unit;

use super::request::{DocumentRequest, lines, text};
use crate::AppError;

/// The issuing unit, the unit above it, and where documents are dated.
pub struct Issuer<'a> {
    pub unit: &'a Unit,
    pub superior: Option<&'a Unit>,
    /// The place name of the date line.
    pub place: String,
}

fn bad(field: &'static str, vi: &str, en: &str) -> AppError {
    AppError::BadRequest {
        field: Some(field),
        message: format!("{vi} / {en}"),
    }
}

/// `ong`, `ba` (or `None` when not given); anything else names the field.
pub fn honorific(
    value: &Option<String>,
    field: &'static str,
) -> Result<Option<Honorific>, AppError> {
    match text(value).as_deref() {
        None => Ok(None),
        Some("ong") => Ok(Some(Honorific::Ong)),
        Some("ba") => Ok(Some(Honorific::Ba)),
        Some(_) => Err(bad(field, "chọn ông hoặc bà", "choose ong or ba")),
    }
}

impl Issuer<'_> {
    /// The head's title, if the unit has one.
    fn head(&self) -> Option<String> {
        self.unit
            .head_position
            .as_ref()
            .map(|position| position.as_str().to_owned())
    }

    /// The resolver as a decision's authority line names them: as given, or the
    /// head's title (or, when the unit has none, the title of the signer signing as
    /// head) and the unit's name ("Chánh Thanh tra" + "Thanh tra tỉnh …").
    pub fn resolver_title(&self, request: &DocumentRequest) -> Result<String, AppError> {
        if let Some(title) = text(&request.resolver_title) {
            return Ok(title);
        }
        let signs_as_head = text(&request.signing_for).is_none();
        let head = self
            .head()
            .or_else(|| text(&request.signer_title).filter(|_| signs_as_head))
            .ok_or_else(|| {
                bad(
                    "resolver_title",
                    "đơn vị chưa khai báo chức danh thủ trưởng; hãy ghi chức danh người có thẩm \
                     quyền",
                    "the unit has no head's title; type the resolver's title",
                )
            })?;
        // A head's title that already names the unit ("Chánh Thanh tra tỉnh" of "Thanh
        // tra tỉnh") is not followed by the name again.
        Ok(title_with_body(&head, self.unit.name.as_str()))
    }

    /// The signature block: the signer's own title (default: the head's), under
    /// "KT./TL./TUQ. <head>" when signing for the head, or "Q. <head>" when acting.
    fn signature(&self, request: &DocumentRequest) -> Result<SignatureBlock, AppError> {
        let name = text(&request.signer_name).ok_or_else(|| {
            bad(
                "signer_name",
                "cần họ tên người ký",
                "the signer's name is needed",
            )
        })?;
        let prefix = match text(&request.signing_for).as_deref() {
            None => None,
            Some("kt") => Some(SigningPrefix::Kt),
            Some("q") => Some(SigningPrefix::Q),
            Some("tl") => Some(SigningPrefix::Tl),
            Some("tuq") => Some(SigningPrefix::Tuq),
            Some(_) => {
                return Err(bad(
                    "signing_for",
                    "thẩm quyền ký là kt, q, tl hoặc tuq",
                    "signing_for is kt, q, tl or tuq",
                ));
            }
        };
        let own_title = text(&request.signer_title);
        let lines = match prefix {
            None => {
                let title = own_title.or_else(|| self.head()).ok_or_else(|| {
                    bad(
                        "signer_title",
                        "cần chức danh người ký",
                        "the signer's title is needed",
                    )
                })?;
                vec![SigningLine::position(title)]
            }
            Some(prefix) => {
                let head = self.head().ok_or_else(|| {
                    bad(
                        "signing_for",
                        "đơn vị chưa khai báo chức danh thủ trưởng để ký thay",
                        "the unit has no head's title to sign for",
                    )
                })?;
                let mut lines = vec![SigningLine::on_behalf(prefix, head)];
                if prefix != SigningPrefix::Q {
                    let title = own_title.ok_or_else(|| {
                        bad(
                            "signer_title",
                            "cần chức danh của người ký thay",
                            "the title of the person signing for the head is needed",
                        )
                    })?;
                    lines.push(SigningLine::position(title));
                }
                lines
            }
        };
        Ok(SignatureBlock { lines, name })
    }

    /// The header of a document dated `date`, numbered in series `kind` (the count
    /// is set when the number is taken).
    pub fn header(
        &self,
        request: &DocumentRequest,
        kind: DocumentKind,
        date: NaiveDate,
        default_recipients: &[&str],
    ) -> Result<DocumentHeader, AppError> {
        let mut recipients = lines(&request.recipients);
        if recipients.is_empty() {
            recipients = default_recipients.iter().map(|r| (*r).to_owned()).collect();
        }
        Ok(DocumentHeader {
            superior_body: self.superior.map(|unit| unit.name.as_str().to_owned()),
            issuing_body: self.unit.name.as_str().to_owned(),
            number: crate::document_place::numbering_of(
                self.unit,
                DocumentNumber {
                    seq: 1,
                    year: chrono::Datelike::year(&date),
                    kind,
                    issuer_symbol: String::new(),
                    system: NumberingSystem::State,
                },
            ),
            place: self.place.clone(),
            date,
            signature: self.signature(request)?,
            recipients,
        })
    }
}

/// The person or body denounced: as the form names them, or the report's one
/// accused with the honorific the form gives.
pub fn accused(report: &ReportContent, request: &DocumentRequest) -> Result<Accused, AppError> {
    if let Some(named) = text(&request.accused) {
        return Ok(Accused::Body(named));
    }
    let [person] = report.accused.as_slice() else {
        return Err(bad(
            "accused",
            &format!(
                "đơn nêu {} người bị tố cáo; hãy ghi cách văn bản nêu người bị tố cáo",
                report.accused.len()
            ),
            &format!(
                "the report names {} accused; write how the document names them",
                report.accused.len()
            ),
        ));
    };
    let position = [person.position.clone(), person.organisation.clone()]
        .into_iter()
        .flatten()
        .map(|part| part.trim().to_owned())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    match text(&request.accused_honorific).as_deref() {
        Some("organisation") => Ok(Accused::Body(person.name.trim().to_owned())),
        Some(_) | None => {
            let honorific = honorific(&request.accused_honorific, "accused_honorific")?
                .ok_or_else(|| {
                    bad(
                        "accused_honorific",
                        "chọn cách gọi người bị tố cáo: ông, bà, hoặc cơ quan, tổ chức",
                        "choose how the accused is addressed: ong, ba, or organisation",
                    )
                })?;
            Ok(Accused::Official(Official {
                honorific,
                name: person.name.trim().to_owned(),
                position,
            }))
        }
    }
}
