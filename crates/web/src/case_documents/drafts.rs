//! A document's facts gathered from the case and the form, complete but for its
//! number: what [`Draft::render`] turns into DOCX once the counter gives the count.

use chrono::NaiveDate;
use khien_documents::{
    AcceptanceDecision, ComplexityCriterion as FormCriterion, Conclusion, DocumentError,
    DocumentHeader, DocumentKind, DocumentNumber, ExtensionDecision, ExtensionRound, Finding,
    ForwardingLetter, IssuedDocument, NonAcceptanceGround, NonAcceptanceNotice, NoticeAddressee,
    NumberingSystem, Official, Recovery, Verdict, Verifier,
};
use khien_domain::case_file::{
    CaseEvent, ComplexityCriterion, DeadlineKind, Finding as CaseFinding, deadlines, fold,
};
use khien_domain::intake::ReportContent;
use khien_store::workflow::{ClockContext, DocumentInfo, StoredEvent};

use super::DocumentType;
use super::letterhead_facts::{Issuer, accused, honorific};
use super::request::{DocumentRequest, lines, text};
use crate::AppError;

/// A document ready to be numbered.
#[derive(Clone)]
pub enum Draft {
    Acceptance(AcceptanceDecision),
    NonAcceptance(NonAcceptanceNotice),
    Forwarding(ForwardingLetter),
    Extension(ExtensionDecision),
    Conclusion(Conclusion),
}

impl Draft {
    fn header(&self) -> &DocumentHeader {
        match self {
            Draft::Acceptance(facts) => &facts.header,
            Draft::NonAcceptance(facts) => &facts.header,
            Draft::Forwarding(facts) => &facts.header,
            Draft::Extension(facts) => &facts.header,
            Draft::Conclusion(facts) => &facts.header,
        }
    }

    fn header_mut(&mut self) -> &mut DocumentHeader {
        match self {
            Draft::Acceptance(facts) => &mut facts.header,
            Draft::NonAcceptance(facts) => &mut facts.header,
            Draft::Forwarding(facts) => &mut facts.header,
            Draft::Extension(facts) => &mut facts.header,
            Draft::Conclusion(facts) => &mut facts.header,
        }
    }

    /// The number it will carry, with a placeholder count.
    pub fn number(&self) -> &DocumentNumber {
        &self.header().number
    }

    /// The DOCX with count `serial`.
    pub fn render(mut self, serial: u32) -> Result<Vec<u8>, DocumentError> {
        self.header_mut().number.seq = serial;
        match &self {
            Draft::Acceptance(facts) => khien_documents::acceptance_decision(facts),
            Draft::NonAcceptance(facts) => khien_documents::non_acceptance_notice(facts),
            Draft::Forwarding(facts) => khien_documents::forwarding_letter(facts),
            Draft::Extension(facts) => khien_documents::extension_decision(facts),
            Draft::Conclusion(facts) => khien_documents::conclusion(facts),
        }
    }
}

/// What the case says, read with its key.
pub struct CaseFacts<'a> {
    pub report: &'a ReportContent,
    pub received_on: NaiveDate,
    /// The whole history, receipt first.
    pub history: &'a [StoredEvent],
    /// The documents already issued (the acceptance decision is cited by later ones).
    pub documents: &'a [DocumentInfo],
    pub clock: &'a ClockContext<'a>,
}

fn bad(field: &'static str, vi: &str, en: &str) -> AppError {
    AppError::BadRequest {
        field: Some(field),
        message: format!("{vi} / {en}"),
    }
}

/// The contents, one per line, or the report's subject.
fn contents(case: &CaseFacts<'_>, request: &DocumentRequest) -> Vec<String> {
    let given = lines(&request.contents);
    if given.is_empty() {
        vec![case.report.subject.trim().to_owned()]
    } else {
        given
    }
}

fn summary(case: &CaseFacts<'_>, request: &DocumentRequest) -> String {
    text(&request.summary).unwrap_or_else(|| case.report.subject.trim().to_owned())
}

fn implementers(request: &DocumentRequest, defaults: Vec<String>) -> Vec<String> {
    let given = lines(&request.implementers);
    if given.is_empty() { defaults } else { given }
}

/// The resolution's due date after the events up to `seq` (inclusive), as the fold
/// computes it: the base limit after an acceptance, extended after an extension.
fn resolution_due_after(case: &CaseFacts<'_>, seq: i64) -> Result<NaiveDate, AppError> {
    let events: Vec<CaseEvent> = case
        .history
        .iter()
        .filter(|stored| stored.seq <= seq)
        .map(|stored| stored.event.clone())
        .collect();
    let state = fold(&events, &case.clock.fold())
        .map_err(|(_, rejection)| AppError::internal(rejection))?;
    deadlines(
        &state,
        case.clock.packs,
        case.clock.calendar,
        case.clock.today,
    )
    .map_err(AppError::internal)?
    .into_iter()
    .find(|deadline| deadline.kind == DeadlineKind::Resolution)
    .map(|deadline| deadline.due)
    .ok_or_else(|| AppError::internal(std::io::Error::other("no resolution deadline")))
}

/// The acceptance decision issued for the acceptance that precedes event `seq`: later
/// decisions and the conclusion cite it by number and date.
fn acceptance_cited(case: &CaseFacts<'_>, seq: i64) -> Result<IssuedDocument, AppError> {
    let acceptance = case
        .history
        .iter()
        .rev()
        .find(|stored| stored.seq < seq && matches!(stored.event, CaseEvent::Accepted { .. }))
        .ok_or_else(|| AppError::internal(std::io::Error::other("no acceptance before")))?;
    let issued = case
        .documents
        .iter()
        .rev()
        .find(|document| document.event_seq == Some(acceptance.seq))
        .ok_or_else(|| AppError::Conflict {
            field: Some("type"),
            message: "quyết định thụ lý của lần thụ lý này chưa được phát hành; hãy phát hành \
                      quyết định thụ lý trước để văn bản này dẫn chiếu / the acceptance decision \
                      of this acceptance has not been issued; issue it first so that this \
                      document can cite it"
                .into(),
        })?;
    // "05/QĐ-TTT" of a state body, "05-QĐ/BNCTU" of a party body.
    let (issuer_symbol, system) = match issued.number.split_once("/QĐ-") {
        Some((_, symbol)) => (symbol.to_owned(), NumberingSystem::State),
        None => (
            issued
                .number
                .split_once("-QĐ/")
                .map(|(_, symbol)| symbol.to_owned())
                .unwrap_or_default(),
            NumberingSystem::Party,
        ),
    };
    Ok(IssuedDocument {
        number: DocumentNumber {
            seq: issued.serial,
            year: issued.year,
            kind: DocumentKind::Decision,
            issuer_symbol,
            system,
        },
        date: acceptance.event.effective_on(),
    })
}

/// Quyết định thụ lý: dated the acceptance, with the 30-day limit and its last day.
pub fn acceptance_draft(
    issuer: &Issuer<'_>,
    case: &CaseFacts<'_>,
    request: &DocumentRequest,
    event: &StoredEvent,
) -> Result<Draft, AppError> {
    let date = event.event.effective_on();
    let accused = accused(case.report, request)?;
    let verifier_text = text(&request.verifier).ok_or_else(|| {
        bad(
            "verifier",
            "cần người hoặc đơn vị được giao xác minh",
            "the person or body who verifies is needed",
        )
    })?;
    let verifier = match honorific(&request.verifier_honorific, "verifier_honorific")? {
        Some(honorific) => {
            let (name, position) = verifier_text
                .split_once(',')
                .map(|(name, position)| (name.trim(), position.trim()))
                .unwrap_or((verifier_text.as_str(), ""));
            Verifier::Official(Official {
                honorific,
                name: name.to_owned(),
                position: position.to_owned(),
            })
        }
        None => Verifier::Body(verifier_text.clone()),
    };
    let verifier_named = match &verifier {
        Verifier::Official(official) => official.describe(),
        Verifier::Body(body) => body.clone(),
        Verifier::Team { leader, .. } => leader.describe(),
    };
    let pack = case
        .clock
        .packs
        .in_force_on(case.received_on)
        .map_err(AppError::internal)?;
    Ok(Draft::Acceptance(AcceptanceDecision {
        header: issuer.header(
            request,
            DocumentKind::Decision,
            date,
            &["Như Điều 3", "Người tố cáo"],
        )?,
        resolver_title: issuer.resolver_title(request)?,
        further_bases: lines(&request.further_bases),
        proposal: text(&request.proposal),
        received_on: case.received_on,
        implementers: implementers(request, vec![verifier_named, accused.describe()]),
        accused,
        contents: contents(case, request),
        verifier,
        time_limit_days: pack.resolution.base.period.amount,
        deadline: resolution_due_after(case, event.seq)?,
    }))
}

/// Thông báo không thụ lý: addressed to the denouncer, `addressee` being who the
/// identity names when the caller may open it.
pub fn non_acceptance_draft(
    issuer: &Issuer<'_>,
    case: &CaseFacts<'_>,
    request: &DocumentRequest,
    event: &StoredEvent,
    identity: Option<(String, Option<String>)>,
) -> Result<Draft, AppError> {
    let CaseEvent::NotAccepted { grounds, .. } = &event.event else {
        return Err(AppError::internal(std::io::Error::other("not a refusal")));
    };
    let (name, address) = match (text(&request.addressee_name), identity) {
        (Some(name), _) => (name, text(&request.addressee_address)),
        (None, Some((name, address))) => (name, text(&request.addressee_address).or(address)),
        (None, None) => {
            return Err(bad(
                "addressee_name",
                "danh tính người tố cáo được niêm phong với bạn; hãy nhập họ tên và địa chỉ người \
                 nhận thông báo",
                "the denouncer's identity is sealed to you; type the addressee's name and address",
            ));
        }
    };
    let honorific =
        honorific(&request.addressee_honorific, "addressee_honorific")?.ok_or_else(|| {
            bad(
                "addressee_honorific",
                "chọn cách gọi người nhận: ông hoặc bà",
                "choose how the addressee is addressed: ong or ba",
            )
        })?;
    let codes = lines(&request.grounds);
    if codes.is_empty() {
        return Err(bad(
            "grounds",
            "chọn ít nhất một điều kiện thụ lý không được đáp ứng (khoản 1 Điều 29 Luật Tố cáo)",
            "choose at least one unmet condition of LTC Art. 29(1): formalities_not_met, \
             no_civil_capacity, no_identifiable_violation, complaint_resolver_without_evidence",
        ));
    }
    let mut parsed = Vec::new();
    for code in &codes {
        parsed.push(match code.as_str() {
            "formalities_not_met" => NonAcceptanceGround::FormalitiesNotMet {
                missing: text(&request.missing).unwrap_or_else(|| grounds.clone()),
            },
            "no_civil_capacity" => NonAcceptanceGround::NoCivilCapacity,
            "no_identifiable_violation" => NonAcceptanceGround::NoIdentifiableViolation,
            "complaint_resolver_without_evidence" => {
                NonAcceptanceGround::ComplaintResolverWithoutEvidence
            }
            other => {
                return Err(bad(
                    "grounds",
                    &format!("căn cứ không hợp lệ {other:?}"),
                    &format!("unknown ground {other:?}"),
                ));
            }
        });
    }
    Ok(Draft::NonAcceptance(NonAcceptanceNotice {
        header: issuer.header(
            request,
            DocumentKind::Notice,
            event.event.effective_on(),
            &["Như trên"],
        )?,
        denouncer: NoticeAddressee {
            honorific,
            name,
            address: address.unwrap_or_default(),
        },
        received_on: case.received_on,
        accused: accused(case.report, request)?,
        summary: summary(case, request),
        grounds: parsed,
    }))
}

/// Công văn chuyển đơn, dated the forwarding, to `receiving_unit_name` unless the form
/// names the competent body.
pub fn forwarding_draft(
    issuer: &Issuer<'_>,
    case: &CaseFacts<'_>,
    request: &DocumentRequest,
    date: NaiveDate,
    receiving_unit_name: &str,
) -> Result<Draft, AppError> {
    let reason = text(&request.reason).ok_or_else(|| {
        bad(
            "reason",
            "cần lý do nội dung thuộc thẩm quyền của nơi nhận, kèm căn cứ pháp lý",
            "the reason the matter is the addressee's to resolve, with its legal basis, is needed",
        )
    })?;
    let drafting_unit = text(&request.drafting_unit).unwrap_or_else(|| "VP".to_owned());
    Ok(Draft::Forwarding(ForwardingLetter {
        header: issuer.header(
            request,
            DocumentType::ForwardingLetter.number_kind(&drafting_unit),
            date,
            &["Như trên", "Người tố cáo (để biết)"],
        )?,
        competent_body: text(&request.competent_body)
            .unwrap_or_else(|| receiving_unit_name.to_owned()),
        received_on: case.received_on,
        accused: accused(case.report, request)?,
        summary: summary(case, request),
        reason,
    }))
}

fn form_criterion(criterion: ComplexityCriterion) -> FormCriterion {
    match criterion {
        ComplexityCriterion::SeveralLocations => FormCriterion::SeveralLocations,
        ComplexityCriterion::SeveralContents => FormCriterion::SeveralContents,
        ComplexityCriterion::ManyPeople => FormCriterion::ManyDenouncersOrAffected,
        ComplexityCriterion::ForeignElement => FormCriterion::ForeignElement,
        ComplexityCriterion::SeveralBodiesResponsible => FormCriterion::SeveralBodiesResponsible,
        ComplexityCriterion::BodiesDisagree => FormCriterion::BodiesDisagree,
        ComplexityCriterion::ContradictoryEvidence => FormCriterion::ContradictoryEvidence,
    }
}

/// Quyết định gia hạn: the criteria recorded so far, which round, the new last day.
pub fn extension_draft(
    issuer: &Issuer<'_>,
    case: &CaseFacts<'_>,
    request: &DocumentRequest,
    event: &StoredEvent,
) -> Result<Draft, AppError> {
    let acceptance = acceptance_cited(case, event.seq)?;
    // Complexity adds up over the resolution's extensions (NĐ31 Art. 3).
    let since_acceptance: Vec<&StoredEvent> = case
        .history
        .iter()
        .filter(|stored| stored.seq <= event.seq)
        .rev()
        .take_while(|stored| !matches!(stored.event, CaseEvent::Accepted { .. }))
        .collect();
    let mut criteria: Vec<FormCriterion> = since_acceptance
        .iter()
        .filter_map(|stored| match &stored.event {
            CaseEvent::Extended { criteria, .. } => Some(criteria.iter().copied()),
            _ => None,
        })
        .flatten()
        .map(form_criterion)
        .collect();
    criteria.sort();
    criteria.dedup();
    let extensions = since_acceptance
        .iter()
        .filter(|stored| matches!(stored.event, CaseEvent::Extended { .. }))
        .count();
    let pack = case
        .clock
        .packs
        .in_force_on(case.received_on)
        .map_err(AppError::internal)?;
    Ok(Draft::Extension(ExtensionDecision {
        header: issuer.header(
            request,
            DocumentKind::Decision,
            event.event.effective_on(),
            &["Như Điều 2", "Người tố cáo", "Người bị tố cáo"],
        )?,
        resolver_title: issuer.resolver_title(request)?,
        further_bases: lines(&request.further_bases),
        proposal: text(&request.proposal),
        acceptance,
        accused: accused(case.report, request)?,
        criteria,
        round: if extensions > 1 {
            ExtensionRound::Second
        } else {
            ExtensionRound::First
        },
        extension_days: pack.resolution.extension.period.amount,
        new_deadline: resolution_due_after(case, event.seq)?,
        implementers: implementers(
            request,
            vec!["Người được giao xác minh nội dung tố cáo".to_owned()],
        ),
    }))
}

/// Kết luận: each content with the finding recorded, the measures and sums recorded.
pub fn conclusion_draft(
    issuer: &Issuer<'_>,
    case: &CaseFacts<'_>,
    request: &DocumentRequest,
    event: &StoredEvent,
) -> Result<Draft, AppError> {
    let CaseEvent::Concluded {
        finding,
        measures,
        amount_to_recover_vnd,
        ..
    } = &event.event
    else {
        return Err(AppError::internal(std::io::Error::other(
            "not a conclusion",
        )));
    };
    let verdict = match finding {
        CaseFinding::Correct => Verdict::Correct,
        CaseFinding::PartlyCorrect => Verdict::PartlyCorrect,
        CaseFinding::False => Verdict::False,
    };
    let verification_report = text(&request.verification_report).ok_or_else(|| {
        bad(
            "verification_report",
            "cần báo cáo kết quả xác minh làm căn cứ kết luận (số, ngày, cơ quan lập)",
            "the verification report the conclusion rests on (number, date, author) is needed",
        )
    })?;
    let recoveries = if *amount_to_recover_vnd > 0 {
        vec![Recovery {
            description: text(&request.recovery_description)
                .unwrap_or_else(|| "số tiền sai phạm".to_owned()),
            amount_vnd: *amount_to_recover_vnd,
        }]
    } else {
        Vec::new()
    };
    Ok(Draft::Conclusion(Conclusion {
        header: issuer.header(
            request,
            DocumentKind::conclusion(),
            event.event.effective_on(),
            &[
                "Người bị tố cáo",
                "Cơ quan, tổ chức quản lý người bị tố cáo",
                "Người tố cáo (thông báo kết luận)",
            ],
        )?,
        resolver: issuer.resolver_title(request)?,
        acceptance: acceptance_cited(case, event.seq)?,
        accused: accused(case.report, request)?,
        verification_report,
        findings: contents(case, request)
            .into_iter()
            .map(|content| Finding {
                content,
                facts: Vec::new(),
                verdict,
            })
            .collect(),
        measures: measures.clone(),
        recoveries,
        discipline: Vec::new(),
        criminal_referral: text(&request.criminal_referral),
    }))
}
