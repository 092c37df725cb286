//! What raised an alert. Stored as its code; the table has no CHECK on it, so
//! a new kind is a new variant here and nothing in the schema.

/// The kind of an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlertKind {
    /// An adverse HR decision about a protected person, dated while their
    /// protection was in force.
    HrActionMatch,
    /// An urgent protection request (LTC Art. 50(2)): re-raised to the unit's
    /// protection officers and head until someone acknowledges it.
    EmergencyProtection,
    /// The reporter answered a check-in with anything but "fine".
    CheckInNotFine,
}

impl AlertKind {
    /// Every kind.
    pub const ALL: [AlertKind; 3] = [
        Self::HrActionMatch,
        Self::EmergencyProtection,
        Self::CheckInNotFine,
    ];

    /// The code used in JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HrActionMatch => "hr_action_match",
            Self::EmergencyProtection => "emergency_protection",
            Self::CheckInNotFine => "check_in_not_fine",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::HrActionMatch => "Quyết định nhân sự bất lợi đối với người được bảo vệ",
            Self::EmergencyProtection => "Đề nghị bảo vệ khẩn cấp",
            Self::CheckInNotFine => "Người được bảo vệ báo không an toàn",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::HrActionMatch => "Adverse HR decision about a protected person",
            Self::EmergencyProtection => "Urgent protection request",
            Self::CheckInNotFine => "A protected person says they are not safe",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in AlertKind::ALL {
            assert_eq!(AlertKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(AlertKind::parse("other"), None);
    }
}
