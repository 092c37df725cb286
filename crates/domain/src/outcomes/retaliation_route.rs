//! Where a report of retaliation goes: to the superior of the unit accused of
//! retaliating, and before the eyes of the party inspection committee.
//!
//! The accused unit cannot judge its own retaliation, so the report goes one level
//! up (heads answer to their superiors for retaliation, Directive 27-CT/TW). The
//! party inspection committee (Ủy ban Kiểm tra) oversees retaliation by party
//! members, so the nearest one — found as routing finds it for party-rule
//! violations ([`crate::routing`]) — sees the case as an oversight body does.

use std::hash::Hash;

use crate::accounts::UnitKind;
use crate::routing::referral::{Nearest, nearest};
use crate::routing::{OrgTree, OrgUnit};

/// Where a retaliation case goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetaliationRoute<'a, Id> {
    /// The unit that handles it: the accused unit's superior; with no superior, the
    /// party inspection committee. `None`: the tree has neither, and the default
    /// intake unit must take it (if it is not the accused unit itself).
    pub handling_unit: Option<&'a OrgUnit<Id>>,
    /// The party inspection committee that sees it, if the tree has one (never the
    /// accused unit itself).
    pub inspection_unit: Option<&'a OrgUnit<Id>>,
}

/// Routes a retaliation report against `accused`; `None` when `accused` is not
/// in the tree.
pub fn route_retaliation<'a, Id: Clone + Eq + Hash>(
    tree: &'a OrgTree<Id>,
    accused: &Id,
) -> Option<RetaliationRoute<'a, Id>> {
    tree.get(accused)?;
    let inspection_unit = match nearest(tree, Some(accused), UnitKind::PartyInspection) {
        Nearest::InBranch(unit) | Nearest::Elsewhere(unit) => Some(unit),
        Nearest::None => None,
    }
    .filter(|unit| &unit.id != accused);
    Some(RetaliationRoute {
        handling_unit: tree.parent(accused).or(inspection_unit),
        inspection_unit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::{UnitCode, UnitName};

    fn unit(
        id: &'static str,
        kind: UnitKind,
        parent: Option<&'static str>,
    ) -> OrgUnit<&'static str> {
        OrgUnit {
            id,
            code: UnitCode::parse(id).unwrap(),
            name: UnitName::parse(&format!("Đơn vị {id}")).unwrap(),
            kind,
            parent,
            head_position: None,
        }
    }

    /// The demo province: a party tree and a state tree side by side.
    fn province() -> Vec<OrgUnit<&'static str>> {
        vec![
            unit("TU", UnitKind::PartyCommittee, None),
            unit("UBKT-TU", UnitKind::PartyInspection, Some("TU")),
            unit("BNC-TU", UnitKind::InternalAffairs, Some("TU")),
            unit("UBND", UnitKind::PeoplesCommittee, None),
            unit("TTT", UnitKind::Inspectorate, Some("UBND")),
            unit("SO-TC", UnitKind::Department, Some("UBND")),
            unit("PHONG", UnitKind::Other, Some("SO-TC")),
            unit("CA", UnitKind::Police, None),
        ]
    }

    fn ids<'a>(route: RetaliationRoute<'a, &'static str>) -> (Option<&'a str>, Option<&'a str>) {
        (
            route.handling_unit.map(|unit| unit.id),
            route.inspection_unit.map(|unit| unit.id),
        )
    }

    #[test]
    fn a_department_is_judged_by_its_superior_under_the_provincial_committee() {
        let tree = OrgTree::new(province());
        let route = route_retaliation(&tree, &"SO-TC").unwrap();
        assert_eq!(ids(route), (Some("UBND"), Some("UBKT-TU")));
        let route = route_retaliation(&tree, &"PHONG").unwrap();
        assert_eq!(ids(route), (Some("SO-TC"), Some("UBKT-TU")));
    }

    #[test]
    fn a_party_committee_is_seen_by_its_own_inspection_committee() {
        let mut units = province();
        units.push(unit("DU-SO", UnitKind::PartyCommittee, Some("TU")));
        units.push(unit("UBKT-DU", UnitKind::PartyInspection, Some("DU-SO")));
        let tree = OrgTree::new(units);
        let route = route_retaliation(&tree, &"DU-SO").unwrap();
        assert_eq!(ids(route), (Some("TU"), Some("UBKT-DU")));
    }

    #[test]
    fn a_root_goes_to_the_inspection_committee_or_to_nobody() {
        let tree = OrgTree::new(province());
        let route = route_retaliation(&tree, &"UBND").unwrap();
        assert_eq!(ids(route), (Some("UBKT-TU"), Some("UBKT-TU")));
        let without = OrgTree::new(
            province()
                .into_iter()
                .filter(|unit| unit.kind != UnitKind::PartyInspection)
                .collect(),
        );
        let route = route_retaliation(&without, &"UBND").unwrap();
        assert_eq!(ids(route), (None, None));
        let route = route_retaliation(&without, &"SO-TC").unwrap();
        assert_eq!(ids(route), (Some("UBND"), None));
        assert!(route_retaliation(&tree, &"NOWHERE").is_none());
    }

    #[test]
    fn the_committee_accused_is_not_its_own_overseer() {
        let tree = OrgTree::new(province());
        let route = route_retaliation(&tree, &"UBKT-TU").unwrap();
        assert_eq!(ids(route), (Some("TU"), None));
    }
}
