//! Who can be protected (LTC Art. 47(1)).

use serde::{Deserialize, Serialize};

/// A person a protection request covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProtectedPerson {
    /// The denouncer themself.
    #[serde(rename = "self")]
    Myself,
    /// Their wife or husband.
    Spouse,
    /// A biological or adoptive parent.
    Parent,
    /// A biological or adoptive child.
    Child,
}

impl ProtectedPerson {
    /// Every person, in form order.
    pub const ALL: [ProtectedPerson; 4] = [Self::Myself, Self::Spouse, Self::Parent, Self::Child];

    /// The code used in forms, JSON and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Myself => "self",
            Self::Spouse => "spouse",
            Self::Parent => "parent",
            Self::Child => "child",
        }
    }

    /// Reads a code.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::Myself => "Bản thân",
            Self::Spouse => "Vợ/chồng",
            Self::Parent => "Cha, mẹ",
            Self::Child => "Con",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::Myself => "Myself",
            Self::Spouse => "Spouse",
            Self::Parent => "Parents",
            Self::Child => "Children",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_serde_uses_them() {
        for person in ProtectedPerson::ALL {
            assert_eq!(ProtectedPerson::parse(person.as_str()), Some(person));
            assert_eq!(
                serde_json::to_value(person).unwrap(),
                serde_json::json!(person.as_str())
            );
        }
        assert_eq!(ProtectedPerson::parse("neighbour"), None);
        assert_eq!(ProtectedPerson::Myself.label_vi(), "Bản thân");
    }
}
