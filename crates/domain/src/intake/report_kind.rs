//! What kind of report it is: the three words of the Law on Denunciation and
//! the Anti-Corruption Law.

use serde::{Deserialize, Serialize};

/// Tố cáo, phản ánh or kiến nghị.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Tố cáo: a denunciation of an unlawful act (LTC).
    Denunciation,
    /// Phản ánh: information about a problem (ACL Art. 65).
    Reflection,
    /// Kiến nghị: a recommendation or request.
    Petition,
}

impl ReportKind {
    /// Every kind, in the order a form lists them.
    pub const ALL: [ReportKind; 3] = [
        ReportKind::Denunciation,
        ReportKind::Reflection,
        ReportKind::Petition,
    ];

    /// The spelling in the API and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Denunciation => "denunciation",
            ReportKind::Reflection => "reflection",
            ReportKind::Petition => "petition",
        }
    }

    /// Reads the API spelling.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text.trim())
    }

    /// The Vietnamese word.
    pub fn label_vi(self) -> &'static str {
        match self {
            ReportKind::Denunciation => "Tố cáo",
            ReportKind::Reflection => "Phản ánh",
            ReportKind::Petition => "Kiến nghị",
        }
    }

    /// The English word.
    pub fn label_en(self) -> &'static str {
        match self {
            ReportKind::Denunciation => "Denunciation",
            ReportKind::Reflection => "Reflection",
            ReportKind::Petition => "Petition",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_and_others_are_refused() {
        for kind in ReportKind::ALL {
            assert_eq!(ReportKind::parse(kind.as_str()), Some(kind));
        }
        for bad in ["", "Denunciation", "to_cao", "complaint"] {
            assert_eq!(ReportKind::parse(bad), None, "{bad}");
        }
    }
}
