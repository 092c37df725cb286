//! `/staff`: the console's front page.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::emergency_alarms::{AlarmRow, alarm_rows};
use super::nav_links::NavLinks;
use super::page_error::{PageError, page};
use chrono::Days;
use khien_store::workflow::{InboxFilter, NotificationKind};

use crate::AppState;
use crate::case_access::works_on_cases;
use crate::language::Language;
use crate::oversight::jurisdiction_words::jurisdiction_words;
use crate::pages::render_page;
use crate::staff_session::Staff;
use crate::vietnam_time::today_in_vietnam;

#[derive(Template)]
#[template(path = "console/home.html")]
struct HomePage<'a> {
    lang: Language,
    csrf_token: &'a str,
    nav: NavLinks,
    username: &'a str,
    unit_code: &'a str,
    unit_name: String,
    roles: Vec<&'static str>,
    counts: Option<CaseCounts>,
    notifications: Vec<NotificationRow>,
    /// Alerts nobody in the unit has acknowledged yet (for those who see alerts).
    alerts_waiting: Option<i64>,
    /// Emergency alarms nobody has acknowledged, at the top of the page.
    alarms: Vec<AlarmRow>,
    /// What the unit oversees, for the staff of an oversight body.
    jurisdiction: Option<String>,
}

/// The unit's cases that need attention, for staff who work on cases.
struct CaseCounts {
    overdue: i64,
    due_soon: i64,
    mine: i64,
}

/// One reminder or escalation.
struct NotificationRow {
    case_id: String,
    tracking_number: String,
    kind: &'static str,
    class: &'static str,
    step: &'static str,
    due: String,
    read: bool,
}

/// Who is logged in, in which unit, with which roles.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    staff: Staff,
) -> Result<Response, PageError> {
    let unit = state
        .store
        .unit_by_id(&staff.user.unit_id)
        .await
        .map_err(page(lang))?;
    let unit_name = unit
        .as_ref()
        .map(|unit| unit.name.as_str().to_owned())
        .unwrap_or_default();
    let jurisdiction = match unit.filter(|unit| unit.kind.oversees()) {
        Some(unit) => {
            let words = jurisdiction_words(&state, &unit.id)
                .await
                .map_err(page(lang))?;
            Some(lang.pick(&words.vi(), &words.en()).to_owned())
        }
        None => None,
    };
    let roles = staff
        .user
        .roles
        .iter()
        .map(|role| match lang {
            Language::Vi => role.label_vi(),
            Language::En => role.label_en(),
        })
        .collect();
    let counts = if works_on_cases(&staff) {
        let today = today_in_vietnam();
        let count = |filter: InboxFilter| {
            let state = state.clone();
            let unit = staff.user.unit_id.clone();
            async move { state.store.count_inbox(&unit, &filter).await }
        };
        Some(CaseCounts {
            overdue: count(InboxFilter {
                overdue: true,
                today: Some(today),
                ..Default::default()
            })
            .await
            .map_err(page(lang))?,
            due_soon: count(InboxFilter {
                due_by: today.checked_add_days(Days::new(7)),
                today: Some(today),
                ..Default::default()
            })
            .await
            .map_err(page(lang))?,
            mine: count(InboxFilter {
                assignee: Some(staff.user.id.clone()),
                ..Default::default()
            })
            .await
            .map_err(page(lang))?,
        })
    } else {
        None
    };
    let notifications = state
        .store
        .notifications_for(&staff.user.id, 20)
        .await
        .map_err(page(lang))?
        .into_iter()
        .map(|n| NotificationRow {
            case_id: n.case_id.to_string(),
            tracking_number: n.tracking_number,
            kind: match n.kind {
                NotificationKind::Reminder => lang.pick("Nhắc hạn", "Reminder"),
                NotificationKind::Overdue => lang.pick("Quá hạn", "Overdue"),
                NotificationKind::Escalation => lang.pick(
                    "Đơn vị cấp dưới quá hạn (Điều 38)",
                    "Overdue below (Art. 38)",
                ),
            },
            class: n.kind.as_str(),
            step: lang.pick(n.deadline_kind.label_vi(), n.deadline_kind.label_en()),
            due: n.due.format("%d/%m/%Y").to_string(),
            read: n.read,
        })
        .collect();
    let alarms = alarm_rows(&state, &staff).await.map_err(page(lang))?;
    let nav = NavLinks::for_staff(&staff);
    let alerts_waiting = if nav.sees_alerts {
        Some(
            state
                .store
                .unacknowledged_alerts(&staff.user.unit_id)
                .await
                .map_err(page(lang))?,
        )
    } else {
        None
    };
    Ok(render_page(
        StatusCode::OK,
        &HomePage {
            lang,
            csrf_token: &staff.csrf_token,
            nav,
            username: staff.user.username.as_str(),
            unit_code: staff.user.unit_code.as_str(),
            unit_name,
            roles,
            counts,
            notifications,
            alerts_waiting,
            alarms,
            jurisdiction,
        },
    ))
}
