//! How a protection request reached the unit (LTC Art. 50): in writing
//! through the follow-up page, or in person or by phone in an emergency, to be
//! confirmed in writing later.

use serde::{Deserialize, Serialize};

/// How a request was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestChannel {
    /// Written by the reporter on the follow-up page or through the API.
    Online,
    /// Made in person and recorded by an officer.
    InPerson,
    /// Made by phone and recorded by an officer.
    Phone,
}

impl RequestChannel {
    /// Every channel.
    pub const ALL: [RequestChannel; 3] = [Self::Online, Self::InPerson, Self::Phone];

    /// The code used in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::InPerson => "in_person",
            Self::Phone => "phone",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// Whether the request must still be confirmed in writing (LTC Art. 50(2)).
    pub fn needs_written_confirmation(self) -> bool {
        self != Self::Online
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Online => "Bằng văn bản qua trang theo dõi",
            Self::InPerson => "Trực tiếp",
            Self::Phone => "Qua điện thoại",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Online => "In writing, on the follow-up page",
            Self::InPerson => "In person",
            Self::Phone => "By phone",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_only_spoken_requests_need_confirmation() {
        for channel in RequestChannel::ALL {
            assert_eq!(RequestChannel::parse(channel.as_str()), Some(channel));
        }
        assert!(!RequestChannel::Online.needs_written_confirmation());
        assert!(RequestChannel::Phone.needs_written_confirmation());
        assert!(RequestChannel::InPerson.needs_written_confirmation());
    }
}
