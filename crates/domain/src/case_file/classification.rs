//! What the unit decides a report is, on reading it (LTC Art. 24(1): register, classify).

use serde::{Deserialize, Serialize};

/// The classification of a received report. It decides the track the case follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    /// Tố cáo: resolved under the LTC (accept, refuse, forward, transfer).
    Denunciation,
    /// Phản ánh: answered under the Citizen Reception Law (reply within 10 WD).
    Reflection,
    /// Kiến nghị: answered like a reflection.
    Petition,
    /// Khiếu nại mixed in: complaint content, which the Law on Complaints governs, so
    /// the unit forwards it or guides the reporter; it is never accepted as a denunciation.
    ComplaintMixedIn,
    /// Outside this unit's competence: forwarded once to the competent unit (LTC Art. 24(2)).
    NotOurs,
}

impl Classification {
    /// The spelling in the API and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Classification::Denunciation => "denunciation",
            Classification::Reflection => "reflection",
            Classification::Petition => "petition",
            Classification::ComplaintMixedIn => "complaint_mixed_in",
            Classification::NotOurs => "not_ours",
        }
    }

    /// Reflections and petitions follow the Citizen Reception Law's simpler track.
    pub fn is_petition_track(self) -> bool {
        matches!(self, Classification::Reflection | Classification::Petition)
    }
}
