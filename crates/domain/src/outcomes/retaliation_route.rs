//! Where a report of retaliation goes: to the superior of the unit accused of
//! retaliating, and before the eyes of the party inspection committee.
//!
//! The accused unit cannot judge its own retaliation, so the report goes one level
//! up (heads answer to their superiors for retaliation, Directive 27-CT/TW). The
//! party inspection committee (Ủy ban Kiểm tra) oversees retaliation by party
//! members, so the nearest one sees the case as an oversight body does.

use crate::accounts::UnitKind;

/// One unit of the organisation tree, as routing needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitNode<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its kind.
    pub kind: UnitKind,
    /// The unit above it.
    pub parent: Option<&'a str>,
}

/// Where a retaliation case goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetaliationRoute<'a> {
    /// The unit that handles it: the accused unit's superior; with no superior, the
    /// party inspection committee. `None`: the tree has neither, and the default
    /// intake unit must take it (if it is not the accused unit itself).
    pub handling_unit: Option<&'a str>,
    /// The party inspection committee that sees it, if the tree has one.
    pub inspection_unit: Option<&'a str>,
}

/// Routes a retaliation report against `accused` (a unit id) over `units`. `None`
/// when `accused` is not among them.
///
/// The inspection committee is the nearest one: a party inspection unit directly
/// under the accused unit or one of its ancestors (a party committee's own
/// committee); failing that, the single one under a root of the tree, as in a
/// province where the state and party trees are separate (UBND … / Tỉnh ủy →
/// Ủy ban Kiểm tra). Several candidates at the top and none nearer: none is
/// chosen, rather than the wrong one.
pub fn route_retaliation<'a>(
    accused: &str,
    units: &'a [UnitNode<'a>],
) -> Option<RetaliationRoute<'a>> {
    let find = |id: &str| units.iter().find(|unit| unit.id == id);
    let accused = find(accused)?;
    let inspection_under = |parent: &str| {
        units.iter().find(|unit| {
            unit.kind == crate::accounts::UnitKind::PartyInspection
                && unit.parent == Some(parent)
                && unit.id != accused.id
        })
    };

    let mut inspection = None;
    let mut cursor = Some(accused);
    // The tree has no cycles (parents exist before children), but a bound keeps a
    // corrupt one from looping.
    for _ in 0..=units.len() {
        let Some(unit) = cursor else { break };
        if let Some(found) = inspection_under(unit.id) {
            inspection = Some(found.id);
            break;
        }
        cursor = unit.parent.and_then(find);
    }
    if inspection.is_none() {
        let at_the_top: Vec<&UnitNode<'_>> = units
            .iter()
            .filter(|unit| {
                unit.kind == UnitKind::PartyInspection
                    && unit.id != accused.id
                    && unit
                        .parent
                        .is_none_or(|parent| find(parent).is_some_and(|p| p.parent.is_none()))
            })
            .collect();
        if let [only] = at_the_top.as_slice() {
            inspection = Some(only.id);
        }
    }
    let handling_unit = accused.parent.or(inspection);
    Some(RetaliationRoute {
        handling_unit,
        inspection_unit: inspection,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo province: a party tree and a state tree side by side.
    fn province() -> Vec<UnitNode<'static>> {
        let unit = |id, kind, parent| UnitNode { id, kind, parent };
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

    #[test]
    fn a_department_is_judged_by_its_superior_under_the_provincial_committee() {
        let units = province();
        let route = route_retaliation("SO-TC", &units).unwrap();
        assert_eq!(route.handling_unit, Some("UBND"));
        assert_eq!(route.inspection_unit, Some("UBKT-TU"));
        let route = route_retaliation("PHONG", &units).unwrap();
        assert_eq!(route.handling_unit, Some("SO-TC"));
        assert_eq!(route.inspection_unit, Some("UBKT-TU"));
    }

    #[test]
    fn a_party_committee_is_seen_by_its_own_inspection_committee() {
        let mut units = province();
        units.push(UnitNode {
            id: "DU-SO",
            kind: UnitKind::PartyCommittee,
            parent: Some("TU"),
        });
        units.push(UnitNode {
            id: "UBKT-DU",
            kind: UnitKind::PartyInspection,
            parent: Some("DU-SO"),
        });
        let route = route_retaliation("DU-SO", &units).unwrap();
        assert_eq!(route.handling_unit, Some("TU"));
        assert_eq!(route.inspection_unit, Some("UBKT-DU"));
    }

    #[test]
    fn a_root_goes_to_the_inspection_committee_or_to_nobody() {
        let units = province();
        let route = route_retaliation("UBND", &units).unwrap();
        assert_eq!(route.handling_unit, Some("UBKT-TU"));
        let without: Vec<UnitNode<'_>> = units
            .iter()
            .copied()
            .filter(|unit| unit.kind != UnitKind::PartyInspection)
            .collect();
        let route = route_retaliation("UBND", &without).unwrap();
        assert_eq!(route.handling_unit, None);
        assert_eq!(route.inspection_unit, None);
        assert_eq!(
            route_retaliation("SO-TC", &without).unwrap().handling_unit,
            Some("UBND")
        );
        assert!(route_retaliation("NOWHERE", &units).is_none());
    }

    #[test]
    fn two_committees_at_the_top_and_none_nearer_choose_none() {
        let mut units = province();
        units.push(UnitNode {
            id: "UBKT-2",
            kind: UnitKind::PartyInspection,
            parent: None,
        });
        assert_eq!(
            route_retaliation("SO-TC", &units).unwrap().inspection_unit,
            None
        );
    }

    #[test]
    fn the_committee_accused_is_not_its_own_overseer() {
        let units = province();
        let route = route_retaliation("UBKT-TU", &units).unwrap();
        assert_eq!(route.handling_unit, Some("TU"));
        assert_eq!(route.inspection_unit, None);
    }
}
