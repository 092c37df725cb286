//! The inbox's filters as they come in a query string, for the API and the console.

use chrono::Days;
use khien_domain::case_file::Stage;
use khien_store::accounts::UserId;
use khien_store::workflow::InboxFilter;
use serde::Deserialize;

use crate::AppError;
use crate::staff_session::Staff;
use crate::vietnam_time::today_in_vietnam;

/// `stage=accepted|suspended|…`, `overdue=true`, `due_within=N` (calendar days from
/// today), `assignee=me|<user id>`. Empty values mean "no filter".
#[derive(Debug, Default, Deserialize)]
pub struct InboxQuery {
    #[serde(default)]
    pub stage: Option<String>,
    #[serde(default)]
    pub overdue: Option<String>,
    #[serde(default)]
    pub due_within: Option<String>,
    #[serde(default)]
    pub assignee: Option<String>,
}

impl InboxQuery {
    /// The store's filter, or an error naming the parameter.
    pub fn parse(&self, staff: &Staff) -> Result<InboxFilter, AppError> {
        let today = today_in_vietnam();
        let mut filter = InboxFilter {
            today: Some(today),
            ..InboxFilter::default()
        };
        match self.stage.as_deref().map(str::trim) {
            None | Some("") => {}
            Some("suspended") => filter.suspended = true,
            Some(code) => filter.stage = Some(Stage::parse(code).ok_or_else(|| {
                bad(
                    "stage",
                    format!(
                        "giai đoạn không hợp lệ / unknown stage {code:?} (stages: suspended, {})",
                        Stage::ALL.map(Stage::code).join(", ")
                    ),
                )
            })?),
        }
        filter.overdue = match self.overdue.as_deref().map(str::trim) {
            None | Some("") | Some("false") | Some("0") => false,
            Some("true") | Some("1") | Some("on") => true,
            Some(_) => return Err(bad("overdue", "cần true hoặc false / true or false".into())),
        };
        if let Some(days) = self
            .due_within
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            let days: u64 = days.parse().ok().filter(|d| *d <= 366).ok_or_else(|| {
                bad(
                    "due_within",
                    "cần số ngày từ 0 đến 366 / a number of days from 0 to 366".into(),
                )
            })?;
            filter.due_by = today.checked_add_days(Days::new(days));
        }
        match self.assignee.as_deref().map(str::trim) {
            None | Some("") => {}
            Some("me") => filter.assignee = Some(staff.user.id.clone()),
            Some(id) => {
                filter.assignee = Some(UserId::parse(id).ok_or_else(|| {
                    bad(
                        "assignee",
                        "mã cán bộ không hợp lệ / invalid user id".into(),
                    )
                })?)
            }
        }
        Ok(filter)
    }
}

fn bad(field: &'static str, message: String) -> AppError {
    AppError::BadRequest {
        field: Some(field),
        message,
    }
}
