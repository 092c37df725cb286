//! What a staff member may do. A user holds one or more roles in their unit.

use std::fmt;
use std::str::FromStr;

use super::field_error::FieldError;

/// A staff role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Administrator: organisation tree, users, forms, calendars.
    Admin,
    /// Intake officer (cán bộ tiếp nhận).
    Intake,
    /// Handler or verifier (cán bộ xử lý, xác minh).
    Handler,
    /// Head of unit (thủ trưởng).
    Head,
    /// Identity custodian (người giữ khóa danh tính).
    Custodian,
    /// Protection officer (cán bộ bảo vệ người tố cáo).
    Protection,
    /// Human resources: records adverse decisions for the retaliation tripwire.
    Hr,
    /// Oversight (Ban Nội chính, Ủy ban Kiểm tra, Thanh tra, HĐND).
    Oversight,
    /// Auditor: reads the audit chain.
    Auditor,
}

impl Role {
    /// Every role, in the order the command line lists them.
    pub const ALL: [Role; 9] = [
        Role::Admin,
        Role::Intake,
        Role::Handler,
        Role::Head,
        Role::Custodian,
        Role::Protection,
        Role::Hr,
        Role::Oversight,
        Role::Auditor,
    ];

    /// The spelling on the command line and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Intake => "intake",
            Role::Handler => "handler",
            Role::Head => "head",
            Role::Custodian => "custodian",
            Role::Protection => "protection",
            Role::Hr => "hr",
            Role::Oversight => "oversight",
            Role::Auditor => "auditor",
        }
    }

    /// The Vietnamese name of the role, for screens.
    pub fn label_vi(self) -> &'static str {
        match self {
            Role::Admin => "Quản trị hệ thống",
            Role::Intake => "Cán bộ tiếp nhận",
            Role::Handler => "Cán bộ xử lý",
            Role::Head => "Thủ trưởng đơn vị",
            Role::Custodian => "Người giữ khóa danh tính",
            Role::Protection => "Cán bộ bảo vệ",
            Role::Hr => "Cán bộ tổ chức",
            Role::Oversight => "Giám sát",
            Role::Auditor => "Kiểm toán nhật ký",
        }
    }

    /// The English name of the role, for screens.
    pub fn label_en(self) -> &'static str {
        match self {
            Role::Admin => "Administrator",
            Role::Intake => "Intake officer",
            Role::Handler => "Handler",
            Role::Head => "Head of unit",
            Role::Custodian => "Identity custodian",
            Role::Protection => "Protection officer",
            Role::Hr => "Human resources officer",
            Role::Oversight => "Oversight",
            Role::Auditor => "Audit reader",
        }
    }

    /// Whether the role works on case files, and so needs the unit key that
    /// opens them. Administrators, custodians (who hold identity shares of
    /// their own), HR (which must never see reports), oversight (which sees
    /// figures, not files) and auditors do not.
    pub fn holds_unit_key(self) -> bool {
        matches!(
            self,
            Role::Intake | Role::Handler | Role::Head | Role::Protection
        )
    }
}

impl FromStr for Role {
    type Err = FieldError;

    fn from_str(input: &str) -> Result<Self, FieldError> {
        let wanted = input.trim();
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == wanted)
            .ok_or_else(|| FieldError::Unknown {
                field: "role",
                value: wanted.to_owned(),
                expected: Role::ALL.map(Role::as_str).join(", "),
            })
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_parses_from_its_own_spelling() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>().unwrap(), role);
            assert!(!role.label_vi().is_empty() && !role.label_en().is_empty());
        }
    }

    #[test]
    fn an_unknown_role_is_named() {
        assert_eq!(
            "boss".parse::<Role>().unwrap_err().to_string(),
            "role: unknown value \"boss\"; expected one of admin, intake, handler, head, \
             custodian, protection, hr, oversight, auditor"
        );
    }

    #[test]
    fn only_case_roles_hold_the_unit_key() {
        let holders: Vec<_> = Role::ALL
            .into_iter()
            .filter(|r| r.holds_unit_key())
            .collect();
        assert_eq!(
            holders,
            [Role::Intake, Role::Handler, Role::Head, Role::Protection]
        );
    }
}
