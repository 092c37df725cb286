//! `/api/v1/cases…`: the unit's cases for its staff.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use khien_store::intake::{AttachmentId, Author, InboxCursor};
use serde::Deserialize;
use serde_json::{Value, json};

use super::case_views::{attachment_json, message_json, summary_json};
use super::incoming_body::IncomingBody;
use super::json_body::ApiJson;
use super::message_json::receive_message;
use crate::attachment_download::send_attachment;
use crate::case_access::{Visibility, case_visibility, open_case, works_on_cases};
use crate::case_messages::post_message;
use crate::case_workflow::{
    CaseAction, clock_context, deadline_json, events_json, perform_action, workflow_failure,
};
use crate::inbox_query::InboxQuery;
use crate::intake_form::intake_failure;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// `?after=&limit=&stage=&overdue=&due_within=&assignee=`
#[derive(Deserialize)]
pub struct ListQuery {
    after: Option<String>,
    limit: Option<u32>,
    #[serde(flatten)]
    filter: InboxQuery,
}

/// The unit's cases, newest first, with a cursor for the next page.
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Json<Value>, AppError> {
    if !works_on_cases(&staff) {
        return Err(AppError::Forbidden);
    }
    let cursor = match query.after.as_deref() {
        Some(token) => Some(InboxCursor::from_token(token).ok_or(AppError::BadRequest {
            field: Some("after"),
            message: "con trỏ trang không hợp lệ / invalid page cursor".into(),
        })?),
        None => None,
    };
    let page = state
        .store
        .unit_inbox(
            &staff.user.unit_id,
            &query.filter.parse(&staff)?,
            cursor.as_ref(),
            query.limit.unwrap_or(50),
        )
        .await?;
    Ok(Json(json!({
        "cases": page.cases.iter().map(|case| summary_json(&state, case)).collect::<Vec<_>>(),
        "next": page.next.map(|cursor| cursor.to_token()),
    })))
}

/// A case of the caller's unit: its report, files, messages and deadlines. The
/// read is audited; a case of another unit answers 404.
pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let context = clock_context(&state);
    if let (summary, Visibility::Superior) = case_visibility(&state, &staff, &id).await? {
        // A superior sees that the case exists and where it stands, not its content:
        // the redacted history (kinds, dates, units) and the deadlines.
        let folded = state
            .store
            .folded_case(&summary.id, &context)
            .await
            .map_err(workflow_failure)?;
        let mut body = summary_json(&state, &summary);
        body["content_sealed_to_handling_unit"] = json!(true);
        body["events"] = events_json(&folded.events);
        body["deadlines"] = json!(
            folded
                .deadlines
                .iter()
                .map(deadline_json)
                .collect::<Vec<_>>()
        );
        return Ok(Json(body));
    }
    let opened = open_case(&state, &staff, &id, "report").await?;
    let content = state
        .store
        .report_content(&opened.summary.id, &opened.case_key)
        .await
        .map_err(intake_failure)?;
    let messages = state
        .store
        .messages(&opened.summary.id, &opened.case_key)
        .await
        .map_err(intake_failure)?;
    let attachments = state
        .store
        .attachments(&opened.summary.id, &opened.case_key)
        .await
        .map_err(intake_failure)?;
    let mut body = summary_json(&state, &opened.summary);
    body["subject"] = json!(content.subject);
    body["content"] = json!(content.content);
    body["when_where"] = json!(content.when_where);
    body["accused"] = json!(content
        .accused
        .iter()
        .map(|person| json!({"name": person.name, "position": person.position, "organisation": person.organisation}))
        .collect::<Vec<_>>());
    body["messages"] = json!(messages.iter().map(message_json).collect::<Vec<_>>());
    body["attachments"] = json!(attachments.iter().map(attachment_json).collect::<Vec<_>>());
    super::whistleblower::add_protection_json(
        &state,
        &mut body,
        &opened.summary.id,
        &opened.case_key,
    )
    .await?;
    let folded = state
        .store
        .folded_case(&opened.summary.id, &context)
        .await
        .map_err(workflow_failure)?;
    let history = state
        .store
        .case_history(&opened.summary.id, &opened.case_key)
        .await
        .map_err(workflow_failure)?;
    body["events"] = events_json(&history);
    body["deadlines"] = json!(
        folded
            .deadlines
            .iter()
            .map(deadline_json)
            .collect::<Vec<_>>()
    );
    Ok(Json(body))
}

/// Records an action on a case (`{"action": "accept", …}`): 200 with the new stage,
/// history and deadlines; 409 naming the rule when the law does not allow it now.
pub async fn act(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<Value>, AppError> {
    let action = CaseAction::from_json(body)?;
    let (opened, recorded) = perform_action(&state, &staff, &id, action).await?;
    let history = state
        .store
        .case_history(&opened.summary.id, &opened.case_key)
        .await
        .map_err(workflow_failure)?;
    Ok(Json(json!({
        "id": opened.summary.id.to_string(),
        "seq": recorded.seq,
        "state": recorded.state.stage.code(),
        "stage": {"vi": recorded.state.stage.label_vi(), "en": recorded.state.stage.label_en()},
        "unit": recorded.unit_id.as_str(),
        "events": events_json(&history),
        "deadlines": recorded.deadlines.iter().map(deadline_json).collect::<Vec<_>>(),
    })))
}

/// A staff message to the reporter (JSON `{"body"}` or multipart with files).
pub async fn add_message(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    incoming: IncomingBody,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let opened = open_case(&state, &staff, &id, "report").await?;
    let (body, files) =
        receive_message(&state, &opened.summary.id, &opened.case_key, incoming).await?;
    let message_id = post_message(
        &state,
        &opened.summary.id,
        Author::Staff(staff.user.id.clone()),
        &body,
        &opened.case_key,
        files,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": message_id.to_string() })),
    ))
}

/// A file of a case (the read is audited).
pub async fn attachment(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, attachment_id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let attachment_id = AttachmentId::parse(&attachment_id).ok_or(AppError::NotFound)?;
    let opened = open_case(&state, &staff, &id, &format!("attachment:{attachment_id}")).await?;
    send_attachment(&state, &opened.summary.id, &opened.case_key, &attachment_id).await
}
