//! What raised an alert. Stored as its code; the table has no CHECK on it, so
//! a new kind (an emergency protection request, a check-in that is not fine)
//! is a new variant here and nothing in the schema.

/// The kind of an alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlertKind {
    /// An adverse HR decision about a protected person, dated while their
    /// protection was in force.
    HrActionMatch,
}

impl AlertKind {
    /// Every kind.
    pub const ALL: [AlertKind; 1] = [Self::HrActionMatch];

    /// The code used in JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::HrActionMatch => "hr_action_match",
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
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::HrActionMatch => "Adverse HR decision about a protected person",
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
