//! Putting it together: find the accused's unit, read their standing, and list
//! the competent bodies, primary first.

use std::hash::Hash;

use super::competence::state_body;
use super::org_tree::OrgTree;
use super::organisation_match::{MatchedBy, UnitMatch};
use super::proposal::{AccusedFacts, Concerns, Proposal, ReportFacts, Routing};
use super::referral::{criminal_signs, party_inspection};
use super::standing::{Standing, StandingSource, detect_standing};

/// Proposes the competent bodies for one accused.
///
/// Order: signs of a crime first (the file goes to the investigation agency at
/// once, LTC Art. 27(1)); then, for a report only about party rules, the party
/// inspection committee; otherwise the state body under Art. 12–13, followed by
/// the party inspection committee when the report is about both.
pub fn propose<Id: Clone + Eq + Hash>(
    tree: &OrgTree<Id>,
    report: &ReportFacts,
    accused: &AccusedFacts<'_, Id>,
) -> Routing<Id> {
    let (unit, named_by_name) = locate(tree, accused);
    let unit_view = unit.as_ref().and_then(|found| tree.get(&found.unit));
    let (standing, standing_source) = match accused.chosen_standing {
        Some(standing) => (standing, StandingSource::Chosen),
        None if named_by_name => (Standing::Agency, StandingSource::Detected),
        None => match accused
            .position
            .and_then(|position| detect_standing(position, unit_view))
        {
            Some(standing) => (standing, StandingSource::Detected),
            None => (Standing::Official, StandingSource::Assumed),
        },
    };
    let unit_id = unit.as_ref().map(|found| &found.unit);
    let mut proposals: Vec<Proposal<Id>> = Vec::new();
    if report.criminal_signs {
        proposals.extend(criminal_signs(tree, unit_id));
    }
    match report.concerns {
        Concerns::PartyRules => proposals.push(party_inspection(tree, unit_id)),
        Concerns::StateDuties => {
            proposals.extend(state_body(tree, unit_view, standing, report.on));
        }
        Concerns::Both => {
            proposals.extend(state_body(tree, unit_view, standing, report.on));
            proposals.push(party_inspection(tree, unit_id));
        }
    }
    Routing {
        unit,
        standing,
        standing_source,
        proposals,
    }
}

/// The accused's unit, and whether it was found by the accused's own name (an
/// agency denounced as such: no position, and a name that is a unit's code or
/// name).
fn locate<Id: Clone + Eq + Hash>(
    tree: &OrgTree<Id>,
    accused: &AccusedFacts<'_, Id>,
) -> (Option<UnitMatch<Id>>, bool) {
    if let Some(chosen) = &accused.chosen_unit
        && tree.get(chosen).is_some()
    {
        return (
            Some(UnitMatch {
                unit: chosen.clone(),
                matched_by: MatchedBy::Chosen,
            }),
            false,
        );
    }
    let no_position = accused.position.is_none_or(|p| p.trim().is_empty());
    if no_position
        && let Some(found) = tree.match_organisation(accused.name)
        && matches!(found.matched_by, MatchedBy::Code | MatchedBy::Name)
    {
        return (Some(found), true);
    }
    (
        accused
            .organisation
            .and_then(|organisation| tree.match_organisation(organisation)),
        false,
    )
}
