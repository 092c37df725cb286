//! Who may use the tripwire: HR officers record decisions; the unit's
//! protection officers act on its alerts, which its head may also read.

use khien_domain::accounts::Role;

use crate::staff_session::RoleRequirement;

/// HR officers (cán bộ tổ chức).
pub struct HrOnly;
impl RoleRequirement for HrOnly {
    const ROLES: &'static [Role] = &[Role::Hr];
}

/// Those who see a unit's alerts: its protection officers and its head.
pub struct AlertReaders;
impl RoleRequirement for AlertReaders {
    const ROLES: &'static [Role] = &[Role::Protection, Role::Head];
}

/// Protection officers, to whom alerts are addressed.
pub struct ProtectionOnly;
impl RoleRequirement for ProtectionOnly {
    const ROLES: &'static [Role] = &[Role::Protection];
}
