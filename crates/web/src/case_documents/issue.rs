//! Issuing a document for a staff member: who may, the facts from the case and the
//! form, the number from the unit's counter, all stored in one transaction.
//!
//! The forwarding letter forwards the case in the same request. Forwarding moves the
//! case to the receiving unit, after which the sending unit can no longer open it,
//! yet the letter is the sending unit's to sign: so its facts are gathered and
//! checked (rendered once with a provisional number) while the case is still here,
//! then the forwarding is recorded, then the letter is numbered and stored under the
//! case key, which the sending unit still holds at that moment. The receiving unit
//! sees the letter among the case's documents; the sending unit keeps access to the
//! documents it issued, and only to those (see [`super::documents_access`]).

use chrono::Utc;
use khien_documents::{DocumentError, NumberingSystem};
use khien_domain::accounts::{Role, UnitCode};
use khien_store::accounts::{Unit, UnitKeyKind};
use khien_store::intake::IntakeError;
use khien_store::workflow::{DocumentInfo, IssueError, NewDocument};

use super::DocumentType;
use super::drafts::{
    CaseFacts, Draft, acceptance_draft, conclusion_draft, extension_draft, forwarding_draft,
    non_acceptance_draft,
};
use super::issuable::{event_for, issuable_types, not_yet};
use super::letterhead_facts::Issuer;
use super::request::{DocumentRequest, text};
use crate::case_access::{OpenedCase, open_case, unit_secret, visible_case};
use crate::case_workflow::forward_recipient;
use crate::case_workflow::{CaseAction, clock_context, perform_action, workflow_failure};
use crate::intake_form::intake_failure;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// Roles that issue documents: those that record the decisions they carry out.
const ISSUING_ROLES: [Role; 3] = [Role::Intake, Role::Handler, Role::Head];

/// A document just issued.
pub struct IssuedNow {
    pub info: DocumentInfo,
    pub doc_type: DocumentType,
    /// The receiving unit's code, when the document forwarded the case.
    pub forwarded_to: Option<String>,
}

/// The unit issuing, with its superior and the place its documents are dated.
async fn issuer_of(state: &AppState, unit: &Unit) -> Result<(Option<Unit>, String), AppError> {
    let superior = match &unit.parent_id {
        Some(parent) => state.store.unit_by_id(parent).await?,
        None => None,
    };
    let place = crate::document_place::place_of(state, unit, superior.as_ref());
    Ok((superior, place))
}

/// A refusal of the documents crate as the user sees it: the fact it lacks, named.
pub fn document_failure(error: DocumentError) -> AppError {
    let field = match &error {
        DocumentError::Missing(what) => match *what {
            "the verifier" => Some("verifier"),
            "the contents accepted" | "at least one finding" => Some("contents"),
            "who implements the decision" => Some("implementers"),
            "the signer's position and name" => Some("signer_name"),
            "the summary of the petition" => Some("summary"),
            "the reason the addressee is competent" => Some("reason"),
            "the competent body" => Some("competent_body"),
            "the verification report" => Some("verification_report"),
            "the addressee" => Some("addressee_name"),
            "the resolver's title" | "the resolver" => Some("resolver_title"),
            "the person or body denounced" => Some("accused"),
            _ => None,
        },
        _ => None,
    };
    AppError::BadRequest {
        field,
        message: format!(
            "văn bản chưa đủ hoặc chưa đúng thông tin / the document is refused: {error}"
        ),
    }
}

/// Issues the document `request` asks for on case `case_id`.
pub async fn issue_document(
    state: &AppState,
    staff: &Staff,
    case_id: &str,
    request: DocumentRequest,
) -> Result<IssuedNow, AppError> {
    let doc_type = request.document_type()?;
    visible_case(state, staff, case_id).await?;
    if !ISSUING_ROLES.iter().any(|role| staff.has_role(*role)) {
        return Err(AppError::Forbidden);
    }
    let opened = open_case(state, staff, case_id, "documents").await?;
    let case_id = opened.summary.id.clone();
    let report = state
        .store
        .report_content(&case_id, &opened.case_key)
        .await
        .map_err(intake_failure)?;
    let history = state
        .store
        .case_history(&case_id, &opened.case_key)
        .await
        .map_err(workflow_failure)?;
    let documents = state.store.case_documents(&case_id).await?;
    let clock = clock_context(state);
    let folded = state
        .store
        .folded_case(&case_id, &clock)
        .await
        .map_err(workflow_failure)?;
    if !issuable_types(&history, &folded.state, &clock.fold()).contains(&doc_type) {
        return Err(not_yet(doc_type));
    }
    let unit = state
        .store
        .unit_by_id(&opened.summary.unit_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (superior, place) = issuer_of(state, &unit).await?;
    let issuer = Issuer {
        unit: &unit,
        superior: superior.as_ref(),
        place,
    };
    let case = CaseFacts {
        report: &report,
        // The date this unit received it: a forwarded case's own receipt.
        received_on: folded
            .state
            .receipt
            .map_or(opened.summary.received_on, |receipt| receipt.received_on),
        history: &history,
        documents: &documents,
        clock: &clock,
    };

    if doc_type == DocumentType::ForwardingLetter {
        return forward_with_letter(state, staff, &opened, &issuer, &case, &request).await;
    }
    let event = event_for(&history, doc_type, request.event_seq)?;
    let draft = match doc_type {
        DocumentType::AcceptanceDecision => acceptance_draft(&issuer, &case, &request, event)?,
        DocumentType::NonAcceptanceNotice => {
            let identity = addressee_from_identity(state, staff, &opened, &request).await?;
            non_acceptance_draft(&issuer, &case, &request, event, identity)?
        }
        DocumentType::ExtensionDecision => extension_draft(&issuer, &case, &request, event)?,
        DocumentType::Conclusion => conclusion_draft(&issuer, &case, &request, event)?,
        DocumentType::ForwardingLetter => unreachable!("handled above"),
    };
    let info = number_and_store(state, staff, &opened, &unit, doc_type, event.seq, draft).await?;
    Ok(IssuedNow {
        info,
        doc_type,
        forwarded_to: None,
    })
}

/// The denouncer's name and address, when the caller is an intake officer whose
/// unit still holds the identity (before any acceptance) and the form names no
/// addressee. The read is audited by the store.
async fn addressee_from_identity(
    state: &AppState,
    staff: &Staff,
    opened: &OpenedCase,
    request: &DocumentRequest,
) -> Result<Option<(String, Option<String>)>, AppError> {
    if text(&request.addressee_name).is_some()
        || opened.summary.anonymous
        || !staff.has_role(Role::Intake)
    {
        return Ok(None);
    }
    let secret = unit_secret(state, staff, UnitKeyKind::Intake).await?;
    match state
        .store
        .identity_as_intake(&staff.actor(), &opened.summary.id, &secret)
        .await
    {
        Ok(Some(people)) => Ok(Some((
            people.representative.full_name.clone(),
            people.representative.address.clone(),
        ))),
        Ok(None) | Err(IntakeError::IdentityUnavailable) => Ok(None),
        Err(other) => Err(intake_failure(other)),
    }
}

/// Checks the letter, records the forwarding, then numbers and stores the letter.
async fn forward_with_letter(
    state: &AppState,
    staff: &Staff,
    opened: &OpenedCase,
    issuer: &Issuer<'_>,
    case: &CaseFacts<'_>,
    request: &DocumentRequest,
) -> Result<IssuedNow, AppError> {
    // A unit of the tree by its code, or an agency outside it by name (then the letter
    // is addressed to that name and the case is forwarded outside Khiên).
    let (to_unit, to_agency) =
        forward_recipient(request.to_unit.clone(), request.to_agency.clone())?;
    let (addressee, forwarded_to) = match &to_agency {
        Some(agency) => (agency.clone(), agency.clone()),
        None => {
            let unknown = || AppError::BadRequest {
                field: Some("to_unit"),
                message: format!(
                    "không có đơn vị mã {to_unit:?} / no unit has the code {to_unit:?}"
                ),
            };
            let code = UnitCode::parse(&to_unit).map_err(|_| unknown())?;
            let receiver = state.store.unit_by_code(&code).await?.ok_or_else(unknown)?;
            (
                receiver.name.as_str().to_owned(),
                receiver.code.as_str().to_owned(),
            )
        }
    };
    let date = request.decided_on.unwrap_or(case.clock.today);
    if date > case.clock.today {
        return Err(AppError::BadRequest {
            field: Some("decided_on"),
            message: "ngày ký không được sau hôm nay / the date signed cannot be after today"
                .into(),
        });
    }
    let draft = forwarding_draft(issuer, case, request, date, &addressee)?;
    // Everything the letter needs is checked before the case leaves the unit.
    draft.clone().render(1).map_err(document_failure)?;
    let (_, recorded) = perform_action(
        state,
        staff,
        opened.summary.id.as_str(),
        CaseAction::Forward {
            to_unit: Some(to_unit),
            to_agency,
            decided_on: Some(date),
        },
    )
    .await?;
    let info = number_and_store(
        state,
        staff,
        opened,
        issuer.unit,
        DocumentType::ForwardingLetter,
        recorded.seq,
        draft,
    )
    .await
    .inspect_err(|_| {
        tracing::error!(
            case = %opened.summary.id,
            "the case was forwarded but its forwarding letter could not be stored"
        );
    })?;
    Ok(IssuedNow {
        info,
        doc_type: DocumentType::ForwardingLetter,
        forwarded_to: Some(forwarded_to),
    })
}

/// Takes the unit's next number for the draft's series and year, renders, seals and
/// stores the document.
async fn number_and_store(
    state: &AppState,
    staff: &Staff,
    opened: &OpenedCase,
    unit: &Unit,
    doc_type: DocumentType,
    event_seq: i64,
    draft: Draft,
) -> Result<DocumentInfo, AppError> {
    let year = draft.number().year;
    let printed = draft.number().to_string();
    // Everything after the count and its separator: "QĐ-TTT" of "01/QĐ-TTT", "QĐ/BNC" of
    // "01-QĐ/BNC" (a party number).
    let separator = match draft.number().system {
        NumberingSystem::State => '/',
        NumberingSystem::Party => '-',
    };
    let symbol = printed
        .split_once(separator)
        .map(|(_, symbol)| symbol.to_owned())
        .unwrap_or_default();
    state
        .store
        .issue_document(NewDocument {
            case_id: &opened.summary.id,
            event_seq,
            doc_type: doc_type.series(),
            unit_id: &unit.id,
            year,
            symbol: &symbol,
            render: move |serial| draft.render(serial),
            case_key: &opened.case_key,
            actor: &staff.user.id,
            now: Utc::now(),
        })
        .await
        .map_err(|error| match error {
            IssueError::Render(error) => document_failure(error),
            IssueError::NotFound => AppError::NotFound,
            IssueError::Exhausted => AppError::Conflict {
                field: Some("type"),
                message: "sổ đăng ký văn bản của năm đã hết số / the year's register has no \
                          number left"
                    .into(),
            },
            other => AppError::internal(other),
        })
}

/// The type of a registered document (its series is shared; its event tells).
pub fn type_of(info: &DocumentInfo) -> Option<DocumentType> {
    info.event_kind.as_deref().and_then(DocumentType::of_event)
}
