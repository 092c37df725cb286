//! How a report reached the system. The web portal is the reporter's own
//! channel; the other three are recorded by an intake officer.

use serde::{Deserialize, Serialize};

/// The channel a report came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The public portal or the JSON API.
    #[default]
    Web,
    /// A hotline call (đường dây nóng).
    Hotline,
    /// A letter or petition on paper (đơn, thư).
    Letter,
    /// In-person reception (tiếp công dân).
    InPerson,
}

impl Channel {
    /// Every channel.
    pub const ALL: [Channel; 4] = [
        Channel::Web,
        Channel::Hotline,
        Channel::Letter,
        Channel::InPerson,
    ];

    /// The channels an intake officer records.
    pub const STAFF: [Channel; 3] = [Channel::Hotline, Channel::Letter, Channel::InPerson];

    /// The spelling in the API and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Hotline => "hotline",
            Channel::Letter => "letter",
            Channel::InPerson => "in_person",
        }
    }

    /// Reads the API spelling.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|channel| channel.as_str() == text.trim())
    }

    /// Whether staff record reports from this channel (and may backdate them).
    pub fn is_staff(self) -> bool {
        self != Channel::Web
    }

    /// The Vietnamese name.
    pub fn label_vi(self) -> &'static str {
        match self {
            Channel::Web => "Cổng thông tin",
            Channel::Hotline => "Đường dây nóng",
            Channel::Letter => "Đơn, thư",
            Channel::InPerson => "Tiếp công dân",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Channel::Web => "Web portal",
            Channel::Hotline => "Hotline",
            Channel::Letter => "Letter",
            Channel::InPerson => "In-person reception",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_round_trip_and_only_web_is_the_reporters_own() {
        for channel in Channel::ALL {
            assert_eq!(Channel::parse(channel.as_str()), Some(channel));
            assert_eq!(channel.is_staff(), Channel::STAFF.contains(&channel));
        }
        assert_eq!(Channel::parse("in-person"), None);
        assert_eq!(Channel::parse("email"), None);
    }
}
