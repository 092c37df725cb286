//! A read-only view of the organisation tree, as routing needs it.
//!
//! The store hands its units over once; routing then walks up from a unit
//! (who is its direct superior?) and looks around it (which party inspection
//! committee or police body is nearest?). The id type is the caller's own
//! (the store's unit id), so proposals name units the caller can look up.

use std::collections::HashMap;
use std::hash::Hash;

use super::folded_text::fold;
use crate::accounts::{HeadPosition, UnitCode, UnitKind, UnitName};

/// One unit of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgUnit<Id> {
    /// Its id.
    pub id: Id,
    /// Its code.
    pub code: UnitCode,
    /// Its Vietnamese name.
    pub name: UnitName,
    /// What sort of body it is.
    pub kind: UnitKind,
    /// The unit directly above it; `None` for a root.
    pub parent: Option<Id>,
    /// The title of its head ("Giám đốc Sở Tài chính"), if recorded.
    pub head_position: Option<HeadPosition>,
}

/// The units, indexed for walking.
#[derive(Debug, Clone)]
pub struct OrgTree<Id> {
    units: Vec<OrgUnit<Id>>,
    by_id: HashMap<Id, usize>,
    /// Each unit's name, folded ([`fold`]), at the same index.
    folded_names: Vec<String>,
}

impl<Id: Clone + Eq + Hash> OrgTree<Id> {
    /// Builds the view. A parent that is not among `units` makes its child a
    /// root; a unit listed twice keeps its first entry.
    pub fn new(units: Vec<OrgUnit<Id>>) -> Self {
        let mut kept: Vec<OrgUnit<Id>> = Vec::with_capacity(units.len());
        let mut by_id = HashMap::with_capacity(units.len());
        for unit in units {
            if !by_id.contains_key(&unit.id) {
                by_id.insert(unit.id.clone(), kept.len());
                kept.push(unit);
            }
        }
        let folded_names = kept.iter().map(|unit| fold(unit.name.as_str())).collect();
        Self {
            units: kept,
            by_id,
            folded_names,
        }
    }

    /// The unit with this id.
    pub fn get(&self, id: &Id) -> Option<&OrgUnit<Id>> {
        self.by_id.get(id).map(|&index| &self.units[index])
    }

    /// Every unit, in the order given.
    pub fn units(&self) -> &[OrgUnit<Id>] {
        &self.units
    }

    /// The unit directly above `id`, if it is in the tree.
    pub fn parent(&self, id: &Id) -> Option<&OrgUnit<Id>> {
        self.get(id)?
            .parent
            .as_ref()
            .and_then(|parent| self.get(parent))
    }

    /// `id` and every unit above it, nearest first. Stops at a root, and after
    /// as many steps as there are units (a cycle cannot come from the store,
    /// whose parent must exist first, but a view built by hand could have one).
    pub fn ancestors_and_self<'a>(&'a self, id: &Id) -> impl Iterator<Item = &'a OrgUnit<Id>> {
        let mut next = self.get(id);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let unit = next.take()?;
            steps += 1;
            if steps < self.units.len() {
                next = unit.parent.as_ref().and_then(|parent| self.get(parent));
            }
            Some(unit)
        })
    }

    /// The units directly below `id`, in the order given.
    pub fn children<'a>(&'a self, id: &'a Id) -> impl Iterator<Item = &'a OrgUnit<Id>> {
        self.units
            .iter()
            .filter(move |unit| unit.parent.as_ref() == Some(id))
    }

    /// How many units are above `id` (0 for a root).
    pub fn depth(&self, id: &Id) -> usize {
        self.ancestors_and_self(id).count().saturating_sub(1)
    }

    /// Units paired with their folded names, for matching typed text.
    pub(crate) fn with_folded_names(&self) -> impl Iterator<Item = (&OrgUnit<Id>, &str)> {
        self.units
            .iter()
            .zip(self.folded_names.iter().map(String::as_str))
    }
}

/// A unit named by its code, for tests that draw trees by hand ("Đơn vị TTT").
#[cfg(test)]
pub(crate) fn unit_for_tests(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: u32, parent: Option<u32>) -> OrgUnit<u32> {
        OrgUnit {
            id,
            code: UnitCode::parse(&format!("U{id}")).unwrap(),
            name: UnitName::parse(&format!("Đơn vị {id}")).unwrap(),
            kind: UnitKind::Other,
            parent,
            head_position: None,
        }
    }

    #[test]
    fn walks_up_and_down() {
        let tree = OrgTree::new(vec![
            unit(1, None),
            unit(2, Some(1)),
            unit(3, Some(2)),
            unit(4, Some(1)),
        ]);
        let up: Vec<u32> = tree.ancestors_and_self(&3).map(|u| u.id).collect();
        assert_eq!(up, [3, 2, 1]);
        assert_eq!(tree.parent(&3).map(|u| u.id), Some(2));
        assert_eq!(tree.parent(&1), None);
        let below: Vec<u32> = tree.children(&1).map(|u| u.id).collect();
        assert_eq!(below, [2, 4]);
        assert_eq!(tree.depth(&3), 2);
        assert_eq!(tree.depth(&1), 0);
        assert_eq!(tree.ancestors_and_self(&9).count(), 0);
    }

    #[test]
    fn a_missing_parent_makes_a_root_and_a_cycle_ends() {
        let tree = OrgTree::new(vec![unit(1, Some(7)), unit(2, Some(3)), unit(3, Some(2))]);
        assert_eq!(tree.depth(&1), 0);
        assert!(tree.ancestors_and_self(&2).count() <= 3);
        let duplicated = OrgTree::new(vec![unit(1, None), unit(1, Some(5))]);
        assert_eq!(duplicated.units().len(), 1);
        assert_eq!(duplicated.get(&1).unwrap().parent, None);
    }
}
