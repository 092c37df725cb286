//! The unit's cases in the console: the inbox, a case, replies, files.

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use khien_domain::intake::MessageBody;
use khien_store::accounts::UnitKeyKind;
use khien_store::intake::{AttachmentId, Author, InboxCursor, IntakeError};
use serde::Deserialize;

use super::case_documents_view::{DocumentsView, documents_view};
use super::case_outcomes::{OutcomesView, outcomes_view};
use super::case_protection_section::{ProtectionSection, protection_section};
use super::case_workflow_view::{WorkflowView, workflow_view};
use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use crate::attachment_download::send_attachment;
use crate::case_access::{Visibility, case_visibility, open_case, unit_secret, works_on_cases};
use crate::case_messages::post_message;
use crate::console::case_file_read::read_case_file;
use crate::inbox_query::InboxQuery;
use crate::intake_form::{intake_failure, read_upload};
use crate::language::Language;
use crate::next_step::next_statutory_step;
use crate::pages::render_page;
use crate::portal::follow_up::human_size;
use crate::portal::protection::{ProtectionRow, RetaliationRow, protection_rows};
use crate::staff_session::{Staff, tokens_match};
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};
use khien_domain::case_file::Stage;

/// One line of the inbox.
pub struct InboxRow {
    id: String,
    tracking_number: String,
    kind: &'static str,
    channel: &'static str,
    received_on: String,
    stage: &'static str,
    due: String,
    overdue: bool,
    anonymous: bool,
    wants_protection: bool,
}

#[derive(Template)]
#[template(path = "console/inbox.html")]
struct InboxPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    cases: Vec<InboxRow>,
    next: Option<String>,
    filter: FilterValues,
    stages: Vec<(&'static str, &'static str)>,
    error: Option<String>,
}

/// The filter form's current values, echoed back into it and the next-page link.
#[derive(Default)]
struct FilterValues {
    stage: String,
    overdue: bool,
    due_within: String,
    mine: bool,
    query: String,
}

/// `?after=` (the keyset cursor of the next page) and the filters.
#[derive(Deserialize)]
pub struct InboxParams {
    after: Option<String>,
    #[serde(flatten)]
    filter: InboxQuery,
}

/// The unit's cases, newest first, 50 a page.
pub async fn inbox(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    Query(query): Query<InboxParams>,
) -> Result<Response, PageError> {
    if !works_on_cases(&staff) {
        return Err(PageError::new(AppError::Forbidden, lang));
    }
    let cursor = query.after.as_deref().and_then(InboxCursor::from_token);
    let (filter, error) = match query.filter.parse(&staff) {
        Ok(filter) => (filter, None),
        Err(error) => (Default::default(), Some(error.to_string())),
    };
    let today = today_in_vietnam();
    let values = FilterValues {
        stage: query.filter.stage.clone().unwrap_or_default(),
        overdue: filter.overdue,
        due_within: query.filter.due_within.clone().unwrap_or_default(),
        mine: query.filter.assignee.as_deref() == Some("me"),
        query: filter_query(&query.filter),
    };
    let page_of_cases = state
        .store
        .unit_inbox(&staff.user.unit_id, &filter, cursor.as_ref(), 50)
        .await
        .map_err(page(lang))?;
    let ids: Vec<_> = page_of_cases
        .cases
        .iter()
        .map(|case| case.id.clone())
        .collect();
    let requested = state
        .store
        .cases_with_protection_requests(&ids)
        .await
        .map_err(page(lang))?;
    let asked: Vec<bool> = page_of_cases
        .cases
        .iter()
        .map(|case| case.wants_protection || requested.contains(&case.id))
        .collect();
    let cases = page_of_cases
        .cases
        .iter()
        .zip(asked)
        .map(|(case, wants_protection)| {
            let step = next_statutory_step(&state, case);
            InboxRow {
                id: case.id.to_string(),
                tracking_number: case.tracking_number.to_string(),
                kind: lang.pick(case.kind.label_vi(), case.kind.label_en()),
                channel: lang.pick(case.channel.label_vi(), case.channel.label_en()),
                received_on: case.received_on.format("%d/%m/%Y").to_string(),
                stage: if case.suspended {
                    lang.pick("Tạm đình chỉ", "Suspended")
                } else {
                    lang.pick(case.stage.label_vi(), case.stage.label_en())
                },
                overdue: case.next_due.is_some_and(|(_, due)| due < today),
                due: step
                    .due
                    .map(|due| due.format("%d/%m/%Y").to_string())
                    .unwrap_or_else(|| "—".into()),
                anonymous: case.anonymous,
                wants_protection,
            }
        })
        .collect();
    Ok(render_page(
        StatusCode::OK,
        &InboxPage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(&staff),
            cases,
            next: page_of_cases.next.map(|cursor| cursor.to_token()),
            filter: values,
            stages: Stage::ALL
                .iter()
                .filter(|stage| **stage != Stage::Empty)
                .map(|stage| (stage.code(), lang.pick(stage.label_vi(), stage.label_en())))
                .chain([("suspended", lang.pick("Tạm đình chỉ", "Suspended"))])
                .collect(),
            error,
        },
    ))
}

/// The filters as a query string for the next-page link (`&stage=…`).
fn filter_query(filter: &InboxQuery) -> String {
    [
        ("stage", &filter.stage),
        ("overdue", &filter.overdue),
        ("due_within", &filter.due_within),
        ("assignee", &filter.assignee),
    ]
    .iter()
    .filter_map(|(name, value)| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| {
                format!(
                    "&{name}={}",
                    v.chars()
                        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect::<String>()
                )
            })
    })
    .collect()
}

#[derive(Template)]
#[template(path = "console/case.html")]
struct CasePage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    case_id: String,
    tracking_number: String,
    kind: &'static str,
    channel: &'static str,
    received_on: String,
    next_step: String,
    next_due: Option<String>,
    wants_protection: bool,
    subject: String,
    content: String,
    when_where: Option<String>,
    accused: Vec<String>,
    identity_note: &'static str,
    identity: Vec<String>,
    attachments: Vec<(String, String, String)>,
    messages: Vec<(&'static str, String, String, String)>,
    protection_requests: Vec<ProtectionRow>,
    retaliation_reports: Vec<RetaliationRow>,
    error: Option<String>,
    workflow: WorkflowView,
    action_error: Option<String>,
    outcomes: OutcomesView,
    documents: DocumentsView,
    protection_section: ProtectionSection,
}

/// The case page; `error` belongs to the message form, `action_error` to the
/// workflow's forms.
pub(super) async fn case_page(
    state: &AppState,
    lang: Language,
    staff: &Staff,
    case_id: &str,
    status: StatusCode,
    error: Option<String>,
    action_error: Option<String>,
) -> Result<Response, AppError> {
    let opened = open_case(state, staff, case_id, "report").await?;
    let summary = &opened.summary;
    let content = state
        .store
        .report_content(&summary.id, &opened.case_key)
        .await
        .map_err(intake_failure)?;
    // Intake officers see the identity until the acceptance decision destroys
    // their seal; everyone else works on the de-identified report.
    let (identity_note, identity) = if summary.anonymous {
        (lang.pick("Nặc danh.", "Anonymous."), Vec::new())
    } else if staff.has_role(khien_domain::accounts::Role::Intake) {
        let secret = unit_secret(state, staff, UnitKeyKind::Intake).await?;
        match state
            .store
            .identity_as_intake(&staff.actor(), &summary.id, &secret)
            .await
        {
            Ok(Some(people)) => {
                let mut lines = vec![format!(
                    "{} — {} {} — {} {}",
                    people.representative.full_name,
                    lang.pick("CCCD", "ID"),
                    people.representative.id_number.clone().unwrap_or_default(),
                    people.representative.address.clone().unwrap_or_default(),
                    people.representative.phone.clone().unwrap_or_default(),
                )];
                for co in &people.co_reporters {
                    lines.push(format!(
                        "{} — {} {}",
                        co.full_name,
                        lang.pick("CCCD", "ID"),
                        co.id_number.clone().unwrap_or_default()
                    ));
                }
                (
                    lang.pick(
                        "Danh tính (chỉ cán bộ tiếp nhận thấy, đến khi có quyết định thụ lý):",
                        "Identity (visible to intake officers only, until the acceptance decision):",
                    ),
                    lines,
                )
            }
            Ok(None) => (lang.pick("Nặc danh.", "Anonymous."), Vec::new()),
            Err(IntakeError::IdentityUnavailable) => (
                lang.pick(
                    "Danh tính được niêm phong; chỉ mở được khi đủ người giữ khóa đồng ý.",
                    "The identity is sealed; it opens only when enough custodians agree.",
                ),
                Vec::new(),
            ),
            Err(other) => return Err(intake_failure(other)),
        }
    } else {
        (
            lang.pick(
                "Danh tính được niêm phong; người xử lý làm việc trên nội dung đã che danh tính.",
                "The identity is sealed; handlers work on the de-identified report.",
            ),
            Vec::new(),
        )
    };
    let attachments = state
        .store
        .attachments(&summary.id, &opened.case_key)
        .await
        .map_err(intake_failure)?
        .into_iter()
        .map(|info| {
            (
                info.id.to_string(),
                info.name.as_str().to_owned(),
                human_size(info.size),
            )
        })
        .collect();
    let messages = state
        .store
        .messages(&summary.id, &opened.case_key)
        .await
        .map_err(intake_failure)?
        .into_iter()
        .map(|message| {
            let (class, who) = match message.author {
                Author::Reporter => ("reporter", lang.pick("Người phản ánh", "Reporter")),
                Author::Staff(_) => ("staff", lang.pick("Cán bộ", "Staff")),
            };
            let mut body = message.body;
            for file in &message.attachments {
                body.push_str(&format!("\n📎 {}", file.name.as_str()));
            }
            (
                class,
                who.to_owned(),
                crate::vietnam_time::format_in_vietnam(message.created_at),
                body,
            )
        })
        .collect();
    let accused = content
        .accused
        .iter()
        .map(|person| {
            [
                Some(person.name.clone()),
                person.position.clone(),
                person.organisation.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
        })
        .collect();
    let (protection_requests, retaliation_reports) =
        protection_rows(state, lang, &summary.id, &opened.case_key).await?;
    let step = next_statutory_step(state, summary);
    let file = read_case_file(state, &summary.id, &opened.case_key).await?;
    let workflow = workflow_view(
        state,
        lang,
        &summary.id,
        &opened.case_key,
        &summary.unit_id,
        staff,
        &file,
    )
    .await?;
    let documents = documents_view(state, lang, staff, &summary.id, &file).await?;
    let protection_section = protection_section(state, lang, &summary.id, &opened.case_key).await?;
    Ok(render_page(
        status,
        &CasePage {
            lang,
            csrf_token: &staff.csrf_token,
            nav: NavLinks::for_staff(staff),
            case_id: summary.id.to_string(),
            tracking_number: summary.tracking_number.to_string(),
            kind: lang.pick(summary.kind.label_vi(), summary.kind.label_en()),
            channel: lang.pick(summary.channel.label_vi(), summary.channel.label_en()),
            received_on: summary.received_on.format("%d/%m/%Y").to_string(),
            next_step: lang.pick(&step.text_vi, &step.text_en).to_owned(),
            next_due: step.due.map(|due| due.format("%d/%m/%Y").to_string()),
            wants_protection: summary.wants_protection || !protection_requests.is_empty(),
            subject: content.subject.clone(),
            content: content.content.clone(),
            when_where: content.when_where.clone(),
            accused,
            identity_note,
            identity,
            attachments,
            messages,
            protection_requests,
            retaliation_reports,
            error,
            workflow,
            action_error,
            outcomes: outcomes_view(state, lang, staff, &opened).await?,
            documents,
            protection_section,
        },
    ))
}

/// A case of the staff member's unit.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (summary, visibility) = case_visibility(&state, &staff, &id)
        .await
        .map_err(page(lang))?;
    if visibility == Visibility::Superior {
        let unit = state
            .store
            .unit_by_id(&summary.unit_id)
            .await
            .map_err(page(lang))?
            .map(|unit| format!("{} ({})", unit.name.as_str(), unit.code.as_str()))
            .unwrap_or_default();
        let step = next_statutory_step(&state, &summary);
        return Ok(render_page(
            StatusCode::OK,
            &CaseOverviewPage {
                lang,
                csrf_token: &staff.csrf_token,
                nav: NavLinks::for_staff(&staff),
                tracking_number: summary.tracking_number.to_string(),
                unit,
                kind: lang.pick(summary.kind.label_vi(), summary.kind.label_en()),
                received_on: summary.received_on.format("%d/%m/%Y").to_string(),
                next_step: lang.pick(&step.text_vi, &step.text_en).to_owned(),
                next_due: step.due.map(|due| due.format("%d/%m/%Y").to_string()),
            },
        ));
    }
    case_page(&state, lang, &staff, &id, StatusCode::OK, None, None)
        .await
        .map_err(page(lang))
}

#[derive(Template)]
#[template(path = "console/case_overview.html")]
struct CaseOverviewPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    tracking_number: String,
    unit: String,
    kind: &'static str,
    received_on: String,
    next_step: String,
    next_due: Option<String>,
}

/// A reply (and files) to the reporter.
pub async fn reply(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let opened = open_case(&state, &staff, &id, "report")
        .await
        .map_err(page(lang))?;
    let upload = read_upload(&mut multipart, &state, &opened.summary.id, &opened.case_key)
        .await
        .map_err(page(lang))?;
    if !tokens_match(upload.fields.get("csrf_token"), &staff.csrf_token) {
        return Err(PageError::new(
            AppError::BadRequest {
                field: Some("csrf_token"),
                message: "phiên biểu mẫu đã hết hạn / the form has expired".into(),
            },
            lang,
        ));
    }
    let problem = upload.file_errors.first().map(|error| {
        format!(
            "{}: {}",
            error.field,
            lang.pick(&error.message_vi, &error.message_en)
        )
    });
    let body = match (problem, MessageBody::parse(upload.fields.get("body"))) {
        (None, Ok(body)) => body,
        (Some(message), _) => {
            return case_page(
                &state,
                lang,
                &staff,
                &id,
                StatusCode::BAD_REQUEST,
                Some(message),
                None,
            )
            .await
            .map_err(page(lang));
        }
        (None, Err(errors)) => {
            let message = errors
                .iter()
                .map(|e| lang.pick(&e.message_vi, &e.message_en).to_owned())
                .collect::<Vec<_>>()
                .join(" ");
            return case_page(
                &state,
                lang,
                &staff,
                &id,
                StatusCode::BAD_REQUEST,
                Some(message),
                None,
            )
            .await
            .map_err(page(lang));
        }
    };
    post_message(
        &state,
        &opened.summary.id,
        Author::Staff(staff.user.id.clone()),
        &body,
        &opened.case_key,
        upload.files,
    )
    .await
    .map_err(page(lang))?;
    Ok((
        StatusCode::SEE_OTHER,
        [(LOCATION, format!("/staff/cases/{}", opened.summary.id))],
    )
        .into_response())
}

/// A file of a case, decrypted for a member of its unit (the read is audited).
pub async fn attachment(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
    Path((id, attachment_id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let attachment_id = AttachmentId::parse(&attachment_id)
        .ok_or_else(|| PageError::new(AppError::NotFound, lang))?;
    let opened = open_case(&state, &staff, &id, &format!("attachment:{attachment_id}"))
        .await
        .map_err(page(lang))?;
    send_attachment(&state, &opened.summary.id, &opened.case_key, &attachment_id)
        .await
        .map_err(page(lang))
}
