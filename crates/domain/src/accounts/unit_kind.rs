//! What sort of body a unit is. Routing and the statutory rules differ by kind
//! (a party inspection committee handles party members, an inspectorate state
//! officials), so it is a closed list, not free text.

use std::fmt;
use std::str::FromStr;

use super::field_error::FieldError;

/// The kind of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    /// Cấp ủy (party committee).
    PartyCommittee,
    /// Ủy ban Kiểm tra (party inspection committee).
    PartyInspection,
    /// Ban Nội chính (internal affairs committee).
    InternalAffairs,
    /// Thanh tra (state inspectorate).
    Inspectorate,
    /// Ủy ban nhân dân (people's committee).
    PeoplesCommittee,
    /// Hội đồng nhân dân (people's council): oversees the people's committee and
    /// its bodies (LTC Art. 62 and the Law on Supervisory Activities).
    PeoplesCouncil,
    /// Sở, ban, ngành (department).
    Department,
    /// Công an (police).
    Police,
    /// Viện kiểm sát (procuracy).
    Procuracy,
    /// Xã, phường (commune).
    Commune,
    /// Anything else.
    Other,
}

impl UnitKind {
    /// Every kind, in the order the command line lists them.
    pub const ALL: [UnitKind; 11] = [
        UnitKind::PartyCommittee,
        UnitKind::PartyInspection,
        UnitKind::InternalAffairs,
        UnitKind::Inspectorate,
        UnitKind::PeoplesCommittee,
        UnitKind::PeoplesCouncil,
        UnitKind::Department,
        UnitKind::Police,
        UnitKind::Procuracy,
        UnitKind::Commune,
        UnitKind::Other,
    ];

    /// Whether the body is the party's (cấp ủy, ủy ban kiểm tra, ban nội chính): its
    /// documents carry the party letterhead and party numbering, not the state's.
    pub fn is_party_body(self) -> bool {
        matches!(
            self,
            UnitKind::PartyCommittee | UnitKind::PartyInspection | UnitKind::InternalAffairs
        )
    }

    /// The spelling on the command line and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::PartyCommittee => "party_committee",
            UnitKind::PartyInspection => "party_inspection",
            UnitKind::InternalAffairs => "internal_affairs",
            UnitKind::Inspectorate => "inspectorate",
            UnitKind::PeoplesCommittee => "peoples_committee",
            UnitKind::PeoplesCouncil => "peoples_council",
            UnitKind::Department => "department",
            UnitKind::Police => "police",
            UnitKind::Procuracy => "procuracy",
            UnitKind::Commune => "commune",
            UnitKind::Other => "other",
        }
    }

    /// The Vietnamese name of the kind, for screens.
    pub fn label_vi(self) -> &'static str {
        match self {
            UnitKind::PartyCommittee => "Cấp ủy",
            UnitKind::PartyInspection => "Ủy ban Kiểm tra",
            UnitKind::InternalAffairs => "Ban Nội chính",
            UnitKind::Inspectorate => "Thanh tra",
            UnitKind::PeoplesCommittee => "Ủy ban nhân dân",
            UnitKind::PeoplesCouncil => "Hội đồng nhân dân",
            UnitKind::Department => "Sở, ban, ngành",
            UnitKind::Police => "Công an",
            UnitKind::Procuracy => "Viện kiểm sát",
            UnitKind::Commune => "Xã, phường",
            UnitKind::Other => "Khác",
        }
    }

    /// Whether units of this kind oversee others and so hold a jurisdiction
    /// (crate::oversight): the internal affairs committee, the party inspection
    /// committee, the inspectorate and the people's council.
    pub fn oversees(self) -> bool {
        matches!(
            self,
            UnitKind::InternalAffairs
                | UnitKind::PartyInspection
                | UnitKind::Inspectorate
                | UnitKind::PeoplesCouncil
        )
    }
}

impl FromStr for UnitKind {
    type Err = FieldError;

    fn from_str(input: &str) -> Result<Self, FieldError> {
        let wanted = input.trim();
        UnitKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == wanted)
            .ok_or_else(|| FieldError::Unknown {
                field: "unit kind",
                value: wanted.to_owned(),
                expected: UnitKind::ALL.map(UnitKind::as_str).join(", "),
            })
    }
}

impl fmt::Display for UnitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_parses_from_its_own_spelling() {
        for kind in UnitKind::ALL {
            assert_eq!(kind.as_str().parse::<UnitKind>().unwrap(), kind);
            assert!(!kind.label_vi().is_empty());
        }
    }

    #[test]
    fn only_party_kinds_are_party_bodies() {
        let party: Vec<UnitKind> = UnitKind::ALL
            .into_iter()
            .filter(|kind| kind.is_party_body())
            .collect();
        assert_eq!(
            party,
            [
                UnitKind::PartyCommittee,
                UnitKind::PartyInspection,
                UnitKind::InternalAffairs
            ]
        );
    }

    #[test]
    fn an_unknown_kind_lists_the_choices() {
        let error = "ministry".parse::<UnitKind>().unwrap_err().to_string();
        assert!(error.starts_with(
            "unit kind: unknown value \"ministry\"; expected one of party_committee, "
        ));
        assert!(error.ends_with("commune, other"));
    }
}
