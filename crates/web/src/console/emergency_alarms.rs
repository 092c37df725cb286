//! Emergency alarms at the top of a protection officer's or head's home
//! page: urgent protection requests nobody has acknowledged yet, raised again
//! by every run of the reminder job until someone does.

use khien_store::accounts::UserId;

use crate::staff_session::Staff;
use crate::vietnam_time::format_in_vietnam;
use crate::{AppError, AppState};

/// One alarm.
pub struct AlarmRow {
    /// The case.
    pub case_id: String,
    /// Its tracking number.
    pub tracking_number: String,
    /// When it was first raised.
    pub since: String,
    /// How many times it has been raised for this person.
    pub times: i64,
}

/// The staff member's alarms, last raised first.
pub async fn alarm_rows(state: &AppState, staff: &Staff) -> Result<Vec<AlarmRow>, AppError> {
    let user: &UserId = &staff.user.id;
    Ok(state
        .store
        .alarms_for(user)
        .await?
        .into_iter()
        .map(|alarm| AlarmRow {
            case_id: alarm.case_id.to_string(),
            tracking_number: alarm.tracking_number,
            since: format_in_vietnam(alarm.first_raised_at),
            times: alarm.times_raised,
        })
        .collect())
}
