//! `/api/v1/notifications`: the caller's reminders and escalations, and
//! `/api/v1/me/email`: where they are emailed.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::Utc;
use khien_store::intake::NotificationId;
use khien_store::workflow::StaffNotification;
use serde::Deserialize;
use serde_json::{Value, json};

use super::json_body::ApiJson;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// A notification as the API shows it.
pub fn notification_json(notification: &StaffNotification) -> Value {
    json!({
        "id": notification.id.as_str(),
        "case": notification.case_id.as_str(),
        "tracking_number": notification.tracking_number,
        "kind": notification.kind.as_str(),
        "deadline": notification.deadline_kind.code(),
        "step": {"vi": notification.deadline_kind.label_vi(), "en": notification.deadline_kind.label_en()},
        "due": notification.due.to_string(),
        "point": notification.point,
        "created_at": notification.created_at.to_rfc3339(),
        "read": notification.read,
    })
}

/// The caller's notifications, unread first, and above them the emergency
/// alarms nobody has acknowledged yet (raised again by every reminder run).
pub async fn list(State(state): State<AppState>, staff: Staff) -> Result<Json<Value>, AppError> {
    let list = state.store.notifications_for(&staff.user.id, 200).await?;
    let alarms = state.store.alarms_for(&staff.user.id).await?;
    Ok(Json(json!({
        "alarms": alarms.iter().map(|alarm| json!({
            "alert": alarm.alert_id.as_str(),
            "case": alarm.case_id.as_str(),
            "tracking_number": alarm.tracking_number,
            "kind": "emergency_protection",
            "first_raised_at": alarm.first_raised_at.to_rfc3339(),
            "last_raised_at": alarm.last_raised_at.to_rfc3339(),
            "times_raised": alarm.times_raised,
        })).collect::<Vec<_>>(),
        "notifications": list.iter().map(notification_json).collect::<Vec<_>>(),
    })))
}

/// Marks one of the caller's notifications read; 404 if it is not theirs.
pub async fn mark_read(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    let id = NotificationId::parse(&id).ok_or(AppError::NotFound)?;
    if state
        .store
        .mark_notification_read(&staff.user.id, &id, Utc::now())
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}

/// `PUT /api/v1/me/email` body: an address, or `null` to stop emails.
#[derive(Deserialize)]
pub struct EmailBody {
    email: Option<String>,
}

/// Sets where the caller's reminders are emailed.
pub async fn set_email(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(body): ApiJson<EmailBody>,
) -> Result<StatusCode, AppError> {
    let email = match body.email.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(
            lettre::Address::try_from(text.to_owned())
                .map_err(|_| AppError::BadRequest {
                    field: Some("email"),
                    message: "địa chỉ email không hợp lệ / not an email address".into(),
                })?
                .to_string(),
        ),
    };
    state
        .store
        .set_user_email(&staff.actor(), &staff.user.id, email.as_deref())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
