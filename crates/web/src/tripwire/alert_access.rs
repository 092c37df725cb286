//! Reaching a unit's alerts: the unit's key if the member holds it yet, the
//! list (its read audited), acknowledging and reviewing.

use chrono::Utc;
use khien_domain::tripwire::AlertReview;
use khien_store::accounts::UnitKeyKind;
use khien_store::tripwire::{Alert, AlertId, AlertOfficer};
use khien_vault::sealed_box::SecretKey;

use super::hr_recording::tripwire_failure;
use crate::case_access::unit_secret;
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// The most alerts a list shows.
pub const ALERTS_SHOWN: u32 = 100;

/// The unit's key, or `None` while the member's grant is pending: an alert
/// still says what happened and where without it.
pub async fn unit_key_if_granted(
    state: &AppState,
    staff: &Staff,
) -> Result<Option<SecretKey>, AppError> {
    match unit_secret(state, staff, UnitKeyKind::Unit).await {
        Ok(secret) => Ok(Some(secret)),
        Err(AppError::KeyPending) => Ok(None),
        Err(other) => Err(other),
    }
}

/// The staff member's unit's alerts, not yet acknowledged first. The read is
/// audited (`alert.read`) when anything under a key was opened.
pub async fn unit_alerts(state: &AppState, staff: &Staff) -> Result<Vec<Alert>, AppError> {
    let secret = unit_key_if_granted(state, staff).await?;
    let alerts = state
        .store
        .unit_alerts(&staff.user.unit_id, secret.as_ref(), ALERTS_SHOWN)
        .await
        .map_err(tripwire_failure)?;
    if secret.is_some() && !alerts.is_empty() {
        let ids: Vec<AlertId> = alerts.iter().map(|alert| alert.id.clone()).collect();
        state
            .store
            .record_alerts_read(&staff.actor(), &staff.user.unit_id, &ids)
            .await?;
    }
    Ok(alerts)
}

/// An alert id from a path; anything else is no alert.
pub fn alert_id(text: &str) -> Result<AlertId, AppError> {
    AlertId::parse(text).ok_or(AppError::NotFound)
}

/// Acknowledges one of the staff member's unit's alerts.
pub async fn acknowledge(state: &AppState, staff: &Staff, id: &AlertId) -> Result<(), AppError> {
    let officer = AlertOfficer {
        user_id: &staff.user.id,
        unit_id: &staff.user.unit_id,
        unit_secret: None,
    };
    state
        .store
        .acknowledge_alert(&officer, id, Utc::now())
        .await
        .map_err(tripwire_failure)
}

/// Records the review of one of the staff member's unit's alerts. The alert
/// must be the unit's before the input is looked at (404 first).
pub async fn review(
    state: &AppState,
    staff: &Staff,
    id: &AlertId,
    outcome: &str,
    note: &str,
) -> Result<AlertReview, AppError> {
    if state
        .store
        .unit_alert(&staff.user.unit_id, id, None)
        .await
        .map_err(tripwire_failure)?
        .is_none()
    {
        return Err(AppError::NotFound);
    }
    let review = AlertReview::parse(outcome, note)
        .map_err(|errors| AppError::InvalidReport(errors.iter().cloned().collect()))?;
    let secret = match review.note {
        Some(_) => unit_key_if_granted(state, staff).await?,
        None => None,
    };
    let officer = AlertOfficer {
        user_id: &staff.user.id,
        unit_id: &staff.user.unit_id,
        unit_secret: secret.as_ref(),
    };
    state
        .store
        .review_alert(&officer, id, &review, Utc::now())
        .await
        .map_err(tripwire_failure)?;
    Ok(review)
}
