//! What routing proposes: a body, the rule it follows, and the reason in words.

use chrono::NaiveDate;

use super::organisation_match::UnitMatch;
use super::standing::{Standing, StandingSource};
use crate::accounts::UnitKind;

/// The body a proposal names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProposedBody<Id> {
    /// A unit of the tree.
    Unit(Id),
    /// A body of this kind; no unit of this kind is registered.
    UnregisteredKind(UnitKind),
    /// The body directly above the accused's unit, which is not registered.
    UnregisteredSuperior,
    /// Not known: the accused's unit was not identified.
    Unknown,
}

impl<Id> ProposedBody<Id> {
    /// The unit, if the body is one of the tree.
    pub fn unit(&self) -> Option<&Id> {
        match self {
            ProposedBody::Unit(id) => Some(id),
            _ => None,
        }
    }
}

/// Which rule makes the body competent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ground {
    /// The unit managing the accused official (LTC Art. 12(1)).
    ManagingUnit,
    /// The unit a division lead's division belongs to (Art. 12(1), second paragraph).
    UnitOfTheDivision,
    /// The direct superior of the unit the accused heads or deputises (Art. 12(1),
    /// second paragraph).
    DirectSuperior,
    /// A former superior left out by the 2025 reorganisation, shown so an
    /// officer can still choose it for a pending case.
    FormerSuperior,
    /// The direct superior of an agency denounced as such (Art. 12(6)).
    SuperiorOfTheAgency,
    /// The accused's unit is not known yet.
    UnidentifiedUnit,
    /// Party-rule violations by a party member: the party inspection committee.
    PartyInspection,
    /// Criminal signs: the investigation agency (Art. 27(1)).
    InvestigationAgency,
    /// Criminal signs: the procuracy (Art. 27(1)).
    Procuracy,
}

impl Ground {
    /// The spelling in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Ground::ManagingUnit => "managing_unit",
            Ground::UnitOfTheDivision => "unit_of_the_division",
            Ground::DirectSuperior => "direct_superior",
            Ground::FormerSuperior => "former_superior",
            Ground::SuperiorOfTheAgency => "superior_of_the_agency",
            Ground::UnidentifiedUnit => "unidentified_unit",
            Ground::PartyInspection => "party_inspection",
            Ground::InvestigationAgency => "investigation_agency",
            Ground::Procuracy => "procuracy",
        }
    }
}

/// One proposed body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal<Id> {
    /// The body.
    pub body: ProposedBody<Id>,
    /// The rule.
    pub ground: Ground,
    /// The legal basis, e.g. "LTC Art. 12(1); Art. 13(1)".
    pub basis: String,
    /// The same in Vietnamese, e.g. "Khoản 1 Điều 12; khoản 1 Điều 13 Luật Tố cáo 2018".
    pub basis_vi: String,
    /// Why, in Vietnamese (names units, never the accused).
    pub reason_vi: String,
    /// Why, in English.
    pub reason_en: String,
}

/// What the report as a whole is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concerns {
    /// Unlawful acts in performing duties (the LTC).
    StateDuties,
    /// Only violations of party rules by a party member.
    PartyRules,
    /// Both.
    Both,
}

impl Concerns {
    /// The spelling in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Concerns::StateDuties => "state_duties",
            Concerns::PartyRules => "party_rules",
            Concerns::Both => "both",
        }
    }

    /// Parses the API spelling.
    pub fn parse(input: &str) -> Option<Concerns> {
        [Concerns::StateDuties, Concerns::PartyRules, Concerns::Both]
            .into_iter()
            .find(|concerns| concerns.as_str() == input.trim())
    }
}

/// Facts about the report that every accused shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportFacts {
    /// What it is about.
    pub concerns: Concerns,
    /// Whether the acts show signs of a crime.
    pub criminal_signs: bool,
    /// The day routing is decided (which organisation of local government applies).
    pub on: NaiveDate,
}

/// Facts about one accused, as the report gives them, with an officer's corrections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccusedFacts<'a, Id> {
    /// The name (of a person, or of an agency denounced as such).
    pub name: &'a str,
    /// The position typed in the report.
    pub position: Option<&'a str>,
    /// The organisation typed in the report.
    pub organisation: Option<&'a str>,
    /// The unit an officer chose, overriding the match.
    pub chosen_unit: Option<Id>,
    /// The standing an officer chose, overriding the detection.
    pub chosen_standing: Option<Standing>,
}

/// Routing for one accused: the unit found for them, their standing, and the
/// proposals, primary first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routing<Id> {
    /// The accused's unit, as a suggestion to confirm.
    pub unit: Option<UnitMatch<Id>>,
    /// Their standing in it.
    pub standing: Standing,
    /// Where the standing came from.
    pub standing_source: StandingSource,
    /// The competent bodies, the primary one first.
    pub proposals: Vec<Proposal<Id>>,
}
