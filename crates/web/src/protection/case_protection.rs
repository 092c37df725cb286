//! A case's protection as staff and the reporter see it: each request with
//! the bodies it goes to (LTC Art. 49), its deadlines under the pack in force
//! on its date, its decision and the end of its measures, the check-in
//! answers, and the check-in question open today.

use chrono::NaiveDate;
use khien_domain::protection::{
    CheckInPeriod, DeadlineInput, ProtectionDeadline, RoutedBody, open_check_in,
    protection_deadlines, route_request,
};
use khien_domain::rules::RulePacks;
use khien_store::intake::CaseId;
use khien_store::protection::{StoredCheckIn, StoredDecision, StoredProtectionRequest};
use khien_vault::symmetric::DataKey;

use super::access::protection_failure;
use crate::intake_form::intake_failure;
use crate::language::Language;
use crate::{AppError, AppState};

/// One request and everything about it.
pub struct RequestView {
    /// The request.
    pub stored: StoredProtectionRequest,
    /// Who decides on what.
    pub routed: Vec<RoutedBody>,
    /// By when.
    pub deadlines: Vec<ProtectionDeadline>,
    /// The decision, once recorded.
    pub decision: Option<StoredDecision>,
    /// The reporter's answers about its measures, oldest first.
    pub check_ins: Vec<StoredCheckIn>,
    /// The question the reporter has not answered yet, while measures run.
    pub open_check_in: Option<CheckInPeriod>,
}

impl RequestView {
    /// Measures decided and not ended.
    pub fn is_running(&self) -> bool {
        self.decision
            .as_ref()
            .is_some_and(StoredDecision::is_running)
    }

    /// Where the request stands, in `lang`: awaiting, measures since a day,
    /// refused, ended.
    pub fn status(&self, lang: Language) -> String {
        let date = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        match &self.decision {
            None => lang
                .pick("Chờ quyết định", "Awaiting a decision")
                .to_owned(),
            Some(decision) => match (decision.decision.measures(), &decision.ended) {
                (None, _) => format!(
                    "{} {}",
                    lang.pick("Từ chối ngày", "Refused on"),
                    date(decision.decision.decided_on)
                ),
                (Some(_), Some(end)) => format!(
                    "{} {}",
                    lang.pick("Đã chấm dứt ngày", "Ended on"),
                    date(end.ended_on)
                ),
                (Some(measures), None) => format!(
                    "{} {}",
                    lang.pick("Đang bảo vệ từ ngày", "Protected since"),
                    date(measures.starts_on)
                ),
            },
        }
    }

    /// A code for the status: `awaiting`, `running`, `refused`, `ended`.
    pub fn status_code(&self) -> &'static str {
        match &self.decision {
            None => "awaiting",
            Some(decision) => match (decision.decision.measures(), &decision.ended) {
                (None, _) => "refused",
                (Some(_), Some(_)) => "ended",
                (Some(_), None) => "running",
            },
        }
    }
}

/// A case's protection.
pub struct CaseProtection {
    /// Its requests, oldest first.
    pub requests: Vec<RequestView>,
}

impl CaseProtection {
    /// The request with this id.
    pub fn request(&self, id: &str) -> Option<&RequestView> {
        self.requests.iter().find(|view| view.stored.id == id)
    }
}

/// Reads and opens a case's protection with its key; deadlines and the open
/// question as of `today`.
pub async fn case_protection(
    state: &AppState,
    case_id: &CaseId,
    case_key: &DataKey,
    today: NaiveDate,
) -> Result<CaseProtection, AppError> {
    let requests = state
        .store
        .protection_requests(case_id, case_key)
        .await
        .map_err(intake_failure)?;
    let mut decisions = state
        .store
        .protection_decisions(case_id, case_key)
        .await
        .map_err(protection_failure)?;
    let mut check_ins = state
        .store
        .check_ins(case_id, case_key)
        .await
        .map_err(protection_failure)?;
    let mut views = Vec::with_capacity(requests.len());
    for stored in requests {
        let decision = decisions
            .iter()
            .position(|d| d.request_id == stored.id)
            .map(|index| decisions.swap_remove(index));
        let routed = route_request(&stored.request.interests);
        let decided = decision
            .as_ref()
            .map(|d| (d.decision.measures().is_none(), d.decision.decided_on));
        // A request dated before the first pack (none can be) has no deadlines.
        let deadlines = match RulePacks::builtin().in_force_on(stored.received_on) {
            Ok(pack) => protection_deadlines(
                &DeadlineInput {
                    requested_on: stored.received_on,
                    urgent: stored.urgent,
                    routed: &routed,
                    assessment: stored.assessment,
                    decided,
                },
                pack,
                &state.calendar,
                today,
            )
            .map_err(AppError::internal)?,
            Err(_) => Vec::new(),
        };
        let (own, rest): (Vec<StoredCheckIn>, Vec<StoredCheckIn>) = std::mem::take(&mut check_ins)
            .into_iter()
            .partition(|c| c.request_id == stored.id);
        check_ins = rest;
        let open = decision
            .as_ref()
            .filter(|d| d.is_running())
            .and_then(|d| d.decision.measures())
            .and_then(|m| open_check_in(m.starts_on, m.check_in_every_days, None, today))
            .filter(|period| !own.iter().any(|c| c.period == period.index));
        views.push(RequestView {
            stored,
            routed,
            deadlines,
            decision,
            check_ins: own,
            open_check_in: open,
        });
    }
    Ok(CaseProtection { requests: views })
}
