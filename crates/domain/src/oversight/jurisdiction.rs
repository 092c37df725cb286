//! An oversight body's jurisdiction, and whether it covers a unit.

use std::hash::Hash;

use crate::accounts::UnitKind;
use crate::routing::OrgTree;

/// What an oversight body oversees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Jurisdiction<Id> {
    /// Every unit of every root of the tree.
    WholeProvince,
    /// These units and every unit below them.
    Subtrees(Vec<Id>),
}

/// Why a jurisdiction cannot be given to a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JurisdictionRule {
    /// Only oversight bodies hold one ([`UnitKind::oversees`]).
    NotAnOversightBody,
    /// A list of subtrees must name at least one.
    NoSubtree,
}

impl JurisdictionRule {
    /// The rule, in Vietnamese then English.
    pub fn message(self) -> &'static str {
        match self {
            JurisdictionRule::NotAnOversightBody => {
                "chỉ Ban Nội chính, Ủy ban Kiểm tra, Thanh tra và Hội đồng nhân dân có phạm vi \
                 giám sát / only an internal affairs committee, a party inspection committee, an \
                 inspectorate or a people's council has a jurisdiction"
            }
            JurisdictionRule::NoSubtree => {
                "hãy chọn cả tỉnh hoặc ít nhất một đơn vị / choose the whole province or at \
                 least one unit"
            }
        }
    }
}

impl<Id: Clone + Eq + Hash> Jurisdiction<Id> {
    /// What a unit oversees when an administrator has set nothing: its own subtree,
    /// as before jurisdictions existed.
    pub fn own_subtree(holder: &Id) -> Self {
        Jurisdiction::Subtrees(vec![holder.clone()])
    }

    /// Checks that a unit of `kind` may hold this jurisdiction.
    pub fn check(&self, kind: UnitKind) -> Result<(), JurisdictionRule> {
        if !kind.oversees() {
            return Err(JurisdictionRule::NotAnOversightBody);
        }
        match self {
            Jurisdiction::Subtrees(roots) if roots.is_empty() => Err(JurisdictionRule::NoSubtree),
            _ => Ok(()),
        }
    }

    /// Whether `unit` is covered, and how closely: the depth of the nearest root
    /// of the jurisdiction above (or at) it, 0 for the whole province. A deeper
    /// root is a more specific body, which routing prefers. `None`: not covered.
    pub fn covers(&self, tree: &OrgTree<Id>, unit: &Id) -> Option<usize> {
        tree.get(unit)?;
        match self {
            Jurisdiction::WholeProvince => Some(0),
            Jurisdiction::Subtrees(roots) => tree
                .ancestors_and_self(unit)
                .find(|above| roots.contains(&above.id))
                .map(|root| tree.depth(&root.id)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::routing::unit_for_tests as unit;

    fn tree() -> OrgTree<&'static str> {
        OrgTree::new(vec![
            unit("TU", UnitKind::PartyCommittee, None),
            unit("BNC", UnitKind::InternalAffairs, Some("TU")),
            unit("UBND", UnitKind::PeoplesCommittee, None),
            unit("TTT", UnitKind::Inspectorate, Some("UBND")),
            unit("SO", UnitKind::Department, Some("UBND")),
            unit("PHONG", UnitKind::Other, Some("SO")),
        ])
    }

    #[test]
    fn the_whole_province_covers_every_root_and_nothing_outside_the_tree() {
        let tree = tree();
        for id in ["TU", "BNC", "UBND", "TTT", "SO", "PHONG"] {
            assert_eq!(Jurisdiction::WholeProvince.covers(&tree, &id), Some(0));
        }
        assert_eq!(
            Jurisdiction::WholeProvince.covers(&tree, &"ELSEWHERE"),
            None
        );
    }

    #[test]
    fn subtrees_cover_their_units_and_say_how_deep_the_nearest_root_is() {
        let tree = tree();
        let some = Jurisdiction::Subtrees(vec!["UBND", "SO"]);
        assert_eq!(some.covers(&tree, &"TTT"), Some(0));
        assert_eq!(some.covers(&tree, &"PHONG"), Some(1));
        assert_eq!(some.covers(&tree, &"SO"), Some(1));
        assert_eq!(some.covers(&tree, &"TU"), None);
        assert_eq!(some.covers(&tree, &"BNC"), None);
    }

    #[test]
    fn by_default_a_body_oversees_its_own_subtree_only() {
        let tree = tree();
        let own = Jurisdiction::own_subtree(&"BNC");
        assert_eq!(own.covers(&tree, &"BNC"), Some(1));
        assert_eq!(own.covers(&tree, &"TTT"), None);
    }

    #[test]
    fn only_oversight_bodies_hold_one_and_a_list_is_never_empty() {
        let whole: Jurisdiction<&str> = Jurisdiction::WholeProvince;
        for kind in UnitKind::ALL {
            let expected = match kind {
                UnitKind::InternalAffairs
                | UnitKind::PartyInspection
                | UnitKind::Inspectorate
                | UnitKind::PeoplesCouncil => Ok(()),
                _ => Err(JurisdictionRule::NotAnOversightBody),
            };
            assert_eq!(whole.check(kind), expected, "{kind}");
        }
        assert_eq!(
            Jurisdiction::<&str>::Subtrees(vec![]).check(UnitKind::InternalAffairs),
            Err(JurisdictionRule::NoSubtree)
        );
        assert!(JurisdictionRule::NoSubtree.message().contains(" / "));
    }
}
