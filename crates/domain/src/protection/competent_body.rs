//! Who decides on protection (LTC Art. 49).

use serde::{Deserialize, Serialize};

/// A body competent to decide on (some of) a protection request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompetentBody {
    /// The body resolving the denunciation (and those receiving and verifying
    /// it): confidentiality, and jobs within its own management.
    ResolvingUnit,
    /// The police: life, health, property, honour and dignity.
    Police,
    /// The body managing the person as staff or labour (their employer's
    /// managing body): jobs.
    StaffManagement,
}

impl CompetentBody {
    /// Every body, in the order a proposal lists them.
    pub const ALL: [CompetentBody; 3] = [Self::ResolvingUnit, Self::Police, Self::StaffManagement];

    /// The code used in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ResolvingUnit => "resolving_unit",
            Self::Police => "police",
            Self::StaffManagement => "staff_management",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|body| body.as_str() == text)
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::ResolvingUnit => "Cơ quan, người giải quyết tố cáo",
            Self::Police => "Cơ quan công an",
            Self::StaffManagement => "Cơ quan quản lý cán bộ, công chức, viên chức, người lao động",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::ResolvingUnit => "The body resolving the denunciation",
            Self::Police => "The police",
            Self::StaffManagement => "The body managing the person's staff or labour",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for body in CompetentBody::ALL {
            assert_eq!(CompetentBody::parse(body.as_str()), Some(body));
            assert_eq!(
                serde_json::to_value(body).unwrap(),
                serde_json::json!(body.as_str())
            );
        }
        assert_eq!(CompetentBody::parse("court"), None);
    }
}
