//! The console's navigation: which links a staff member sees.

use khien_domain::accounts::Role;

use crate::case_access::works_on_cases;
use crate::staff_session::Staff;

/// Links shown in the console's header.
pub struct NavLinks {
    /// Units and accounts.
    pub is_admin: bool,
    /// The unit's inbox.
    pub works_on_cases: bool,
    /// Recording hotline calls, letters and in-person reports.
    pub is_intake: bool,
    /// Recording adverse HR decisions (the retaliation tripwire).
    pub is_hr: bool,
    /// The unit's protection alerts (protection officers and the head).
    pub sees_alerts: bool,
    /// Retaliation cases handled or overseen (case roles and oversight).
    pub sees_retaliation_cases: bool,
    /// Requests to see reporters' identities, to decide on.
    pub is_custodian: bool,
    /// Periodic reports (heads and oversight).
    pub sees_reports: bool,
}

impl NavLinks {
    /// The links for this staff member's roles.
    pub fn for_staff(staff: &Staff) -> Self {
        Self {
            is_admin: staff.has_role(Role::Admin),
            works_on_cases: works_on_cases(staff),
            is_intake: staff.has_role(Role::Intake),
            is_hr: staff.has_role(Role::Hr),
            sees_alerts: staff.has_role(Role::Protection) || staff.has_role(Role::Head),
            sees_retaliation_cases: crate::outcomes::retaliation_list_allowed(staff),
            is_custodian: staff.has_role(Role::Custodian),
            sees_reports: crate::reporting::reads_reports(staff),
        }
    }
}
