//! Where a report of retaliation goes: to the superior of the unit accused of
//! retaliating when that superior works on Khiên; otherwise to the party inspection
//! committee or inspectorate whose jurisdiction covers the accused unit; never to
//! the accused unit itself.
//!
//! The accused unit cannot judge its own retaliation, so the report goes one level
//! up (heads answer to their superiors for retaliation, Directive 27-CT/TW). A
//! superior with nobody on Khiên would leave the case unread, so the body that
//! oversees the accused unit (its [`Jurisdiction`]) takes it: the party inspection
//! committee first (party members' retaliation, Party Statute Art. 32), then the
//! inspectorate (LTC Art. 12–13 for state officials). The party inspection
//! committee covering the unit also sees the case as an oversight body does.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use crate::accounts::UnitKind;
use crate::oversight::Jurisdiction;
use crate::routing::referral::{Nearest, nearest};
use crate::routing::{OrgTree, OrgUnit};

/// Why the case goes to its handling unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetaliationGround {
    /// The accused unit's direct superior, which has staff on Khiên.
    Superior,
    /// The oversight body whose jurisdiction covers the accused unit.
    Jurisdiction,
}

/// Where a retaliation case goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetaliationRoute<'a, Id> {
    /// The unit that handles it; never the accused unit.
    pub handling_unit: &'a OrgUnit<Id>,
    /// Why that unit.
    pub ground: RetaliationGround,
    /// The party inspection committee that sees it, if the tree has one (never the
    /// accused unit itself).
    pub inspection_unit: Option<&'a OrgUnit<Id>>,
}

/// Why no unit can take a retaliation case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoRetaliationRoute {
    /// The accused unit is not in the tree.
    UnknownUnit,
    /// Its superior has no staff on Khiên (or it has none) and no party inspection
    /// committee or inspectorate with staff has a jurisdiction covering it.
    NobodyQualifies,
}

impl NoRetaliationRoute {
    /// The reason, in Vietnamese then English.
    pub fn message(self) -> &'static str {
        match self {
            NoRetaliationRoute::UnknownUnit => {
                "không có đơn vị bị tố cáo này / there is no such accused unit"
            }
            NoRetaliationRoute::NobodyQualifies => {
                "cấp trên của đơn vị bị tố cáo chưa có cán bộ trên Khiên và không có Ủy ban Kiểm \
                 tra hay Thanh tra nào có phạm vi giám sát bao gồm đơn vị đó / the accused unit's \
                 superior has no staff on Khiên and no party inspection committee or inspectorate \
                 has a jurisdiction covering it"
            }
        }
    }
}

/// Routes a retaliation report against `accused`. `staffed`: the units with staff
/// on Khiên; `jurisdictions`: what each oversight body oversees (a body missing
/// from it oversees its own subtree).
pub fn route_retaliation<'a, Id: Clone + Eq + Hash>(
    tree: &'a OrgTree<Id>,
    accused: &Id,
    staffed: &HashSet<Id>,
    jurisdictions: &HashMap<Id, Jurisdiction<Id>>,
) -> Result<RetaliationRoute<'a, Id>, NoRetaliationRoute> {
    tree.get(accused).ok_or(NoRetaliationRoute::UnknownUnit)?;
    let covering = covering_bodies(tree, accused, jurisdictions);
    let inspection_unit = covering
        .iter()
        .copied()
        .find(|unit| unit.kind == UnitKind::PartyInspection)
        .or_else(|| {
            // No committee has a jurisdiction over it: the nearest one still sees it.
            match nearest(tree, Some(accused), UnitKind::PartyInspection) {
                Nearest::InBranch(unit) | Nearest::Elsewhere(unit) => Some(unit),
                Nearest::None => None,
            }
            .filter(|unit| &unit.id != accused)
        });
    if let Some(superior) = tree
        .parent(accused)
        .filter(|unit| staffed.contains(&unit.id))
    {
        return Ok(RetaliationRoute {
            handling_unit: superior,
            ground: RetaliationGround::Superior,
            inspection_unit,
        });
    }
    covering
        .into_iter()
        .find(|unit| staffed.contains(&unit.id))
        .map(|handling_unit| RetaliationRoute {
            handling_unit,
            ground: RetaliationGround::Jurisdiction,
            inspection_unit,
        })
        .ok_or(NoRetaliationRoute::NobodyQualifies)
}

/// The party inspection committees and inspectorates whose jurisdiction covers
/// `accused` (never `accused` itself), the most specific first (the deepest root
/// of their jurisdiction), then committees before inspectorates, then tree order.
fn covering_bodies<'a, Id: Clone + Eq + Hash>(
    tree: &'a OrgTree<Id>,
    accused: &Id,
    jurisdictions: &HashMap<Id, Jurisdiction<Id>>,
) -> Vec<&'a OrgUnit<Id>> {
    let mut found: Vec<(usize, u8, usize, &OrgUnit<Id>)> = tree
        .units()
        .iter()
        .enumerate()
        .filter(|(_, unit)| &unit.id != accused)
        .filter_map(|(at, unit)| {
            let rank = match unit.kind {
                UnitKind::PartyInspection => 0,
                UnitKind::Inspectorate => 1,
                _ => return None,
            };
            let depth = match jurisdictions.get(&unit.id) {
                Some(jurisdiction) => jurisdiction.covers(tree, accused),
                None => Jurisdiction::own_subtree(&unit.id).covers(tree, accused),
            }?;
            Some((depth, rank, at, unit))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    found.into_iter().map(|(.., unit)| unit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::routing::unit_for_tests as unit;

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

    type Row = (
        &'static str,                                               // what the row shows
        &'static [&'static str],                                    // units with staff
        &'static [(&'static str, Option<&'static [&'static str]>)], // jurisdictions (None: whole province)
        &'static str,                                               // accused unit
        Result<(&'static str, RetaliationGround), NoRetaliationRoute>,
    );

    fn jurisdictions(
        rows: &[(&'static str, Option<&'static [&'static str]>)],
    ) -> HashMap<&'static str, Jurisdiction<&'static str>> {
        rows.iter()
            .map(|(holder, roots)| {
                let jurisdiction = match roots {
                    None => Jurisdiction::WholeProvince,
                    Some(roots) => Jurisdiction::Subtrees(roots.to_vec()),
                };
                (*holder, jurisdiction)
            })
            .collect()
    }

    const EVERYONE: &[&str] = &[
        "TU", "UBKT-TU", "BNC-TU", "UBND", "TTT", "SO-TC", "PHONG", "CA",
    ];
    const NO_UBND: &[&str] = &["TU", "UBKT-TU", "BNC-TU", "TTT", "SO-TC", "PHONG", "CA"];
    const UBKT_WHOLE: &[(&str, Option<&[&str]>)] = &[("UBKT-TU", None)];

    #[test]
    fn the_table_of_trees() {
        use NoRetaliationRoute::*;
        use RetaliationGround::*;
        let rows: &[Row] = &[
            (
                "a staffed superior takes it",
                EVERYONE,
                &[],
                "SO-TC",
                Ok(("UBND", Superior)),
            ),
            (
                "a department's office goes to the department",
                EVERYONE,
                &[],
                "PHONG",
                Ok(("SO-TC", Superior)),
            ),
            (
                "superior without staff: the committee covering the province",
                NO_UBND,
                UBKT_WHOLE,
                "SO-TC",
                Ok(("UBKT-TU", Jurisdiction)),
            ),
            (
                "superior without staff, no jurisdiction set: nobody",
                NO_UBND,
                &[],
                "SO-TC",
                Err(NobodyQualifies),
            ),
            (
                "a root has no superior: the committee with jurisdiction",
                EVERYONE,
                UBKT_WHOLE,
                "UBND",
                Ok(("UBKT-TU", Jurisdiction)),
            ),
            (
                "a root, no jurisdiction anywhere: nobody",
                EVERYONE,
                &[],
                "UBND",
                Err(NobodyQualifies),
            ),
            (
                "the inspectorate when its subtree covers the unit",
                NO_UBND,
                &[("TTT", Some(&["UBND"]))],
                "SO-TC",
                Ok(("TTT", Jurisdiction)),
            ),
            (
                "the more specific body before the whole province, unstaffed superior",
                &["UBKT-TU", "TTT"],
                &[("UBKT-TU", None), ("TTT", Some(&["SO-TC"]))],
                "PHONG",
                Ok(("TTT", Jurisdiction)),
            ),
            (
                "at equal depth the committee before the inspectorate",
                NO_UBND,
                &[("TTT", None), ("UBKT-TU", None)],
                "SO-TC",
                Ok(("UBKT-TU", Jurisdiction)),
            ),
            (
                "a committee without staff is passed over",
                &["TTT"],
                &[("TTT", None), ("UBKT-TU", None)],
                "SO-TC",
                Ok(("TTT", Jurisdiction)),
            ),
            (
                "the accused committee never judges itself",
                &["UBKT-TU"],
                UBKT_WHOLE,
                "UBKT-TU",
                Err(NobodyQualifies),
            ),
            (
                "a party committee without a staffed superior: its committee",
                &["UBKT-TU"],
                UBKT_WHOLE,
                "TU",
                Ok(("UBKT-TU", Jurisdiction)),
            ),
            (
                "the accused inspectorate goes up, not to itself",
                EVERYONE,
                &[("TTT", None)],
                "TTT",
                Ok(("UBND", Superior)),
            ),
            (
                "the accused inspectorate, superior unstaffed: the committee",
                NO_UBND,
                &[("TTT", None), ("UBKT-TU", None)],
                "TTT",
                Ok(("UBKT-TU", Jurisdiction)),
            ),
            (
                "an internal affairs committee does not take cases",
                NO_UBND,
                &[("BNC-TU", None)],
                "SO-TC",
                Err(NobodyQualifies),
            ),
            (
                "an unknown unit",
                EVERYONE,
                &[],
                "NOWHERE",
                Err(UnknownUnit),
            ),
        ];
        let tree = OrgTree::new(province());
        for (what, staffed, given, accused, expected) in rows {
            let staffed: HashSet<&str> = staffed.iter().copied().collect();
            let route = route_retaliation(&tree, accused, &staffed, &jurisdictions(given));
            let got = route.map(|route| (route.handling_unit.id, route.ground));
            assert_eq!(&got, expected, "{what}");
            if let Ok((handling, _)) = got {
                assert_ne!(handling, *accused, "{what}: never the accused unit");
            }
        }
    }

    #[test]
    fn the_inspection_committee_with_jurisdiction_sees_it_else_the_nearest() {
        let mut units = province();
        units.push(unit("DU-SO", UnitKind::PartyCommittee, Some("TU")));
        units.push(unit("UBKT-DU", UnitKind::PartyInspection, Some("DU-SO")));
        let tree = OrgTree::new(units);
        let staffed: HashSet<&str> = EVERYONE.iter().copied().collect();
        let seen = |accused: &'static str,
                    given: &[(&'static str, Option<&'static [&'static str]>)]| {
            route_retaliation(&tree, &accused, &staffed, &jurisdictions(given))
                .unwrap()
                .inspection_unit
                .map(|unit| unit.id)
        };
        assert_eq!(seen("DU-SO", &[]), Some("UBKT-DU"));
        assert_eq!(seen("SO-TC", &[]), Some("UBKT-TU"));
        assert_eq!(
            seen("SO-TC", &[("UBKT-DU", Some(&["UBND"]))]),
            Some("UBKT-DU")
        );
        assert_eq!(seen("UBKT-TU", &[]), None);
    }
}
