//! Finding the unit a reporter meant by the organisation they typed.
//!
//! The match is a suggestion for the officer, who confirms or corrects it, so
//! it prefers saying nothing to guessing between two units.

use std::hash::Hash;

use super::folded_text::{contains_words, fold};
use super::org_tree::OrgTree;
use crate::accounts::UnitCode;

/// How a unit was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// An officer chose it.
    Chosen,
    /// The text is the unit's code ("SO-TC").
    Code,
    /// The text is the unit's name, up to case, marks, punctuation and the usual
    /// abbreviations ("UBND xã An Phú").
    Name,
    /// The text contains the unit's name ("Phòng Kế hoạch, Sở Tài chính"): the
    /// person works in it or in a part of it.
    NameWithin,
    /// The text is part of exactly one unit's name ("xã An Phú").
    PartOfName,
}

impl MatchedBy {
    /// The spelling in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchedBy::Chosen => "chosen",
            MatchedBy::Code => "code",
            MatchedBy::Name => "name",
            MatchedBy::NameWithin => "name_within",
            MatchedBy::PartOfName => "part_of_name",
        }
    }
}

/// A unit found for a person, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitMatch<Id> {
    /// The unit.
    pub unit: Id,
    /// How it was found.
    pub matched_by: MatchedBy,
}

/// Names and fragments shorter than this many words say too little to match
/// inside other text ("Tỉnh", "xã").
const MIN_WORDS_INSIDE: usize = 2;

impl<Id: Clone + Eq + Hash> OrgTree<Id> {
    /// The unit `text` names, trying in turn its code, its whole name, a name
    /// inside the text (the longest), and the text inside one name. `None` when
    /// nothing matches or two units match equally well.
    pub fn match_organisation(&self, text: &str) -> Option<UnitMatch<Id>> {
        let typed = text.trim();
        if let Ok(code) = UnitCode::parse(typed)
            && let Some(unit) = self.units().iter().find(|unit| unit.code == code)
        {
            return Some(found(&unit.id, MatchedBy::Code));
        }
        let folded = fold(typed);
        if folded.is_empty() {
            return None;
        }
        let equal: Vec<&Id> = self
            .with_folded_names()
            .filter(|(_, name)| *name == folded)
            .map(|(unit, _)| &unit.id)
            .collect();
        if !equal.is_empty() {
            return only(&equal).map(|id| found(id, MatchedBy::Name));
        }
        if let Some(id) = self.longest_name_within(&folded) {
            return id.map(|id| found(id, MatchedBy::NameWithin));
        }
        if folded.split(' ').count() >= MIN_WORDS_INSIDE {
            let holders: Vec<&Id> = self
                .with_folded_names()
                .filter(|(_, name)| contains_words(name, &folded))
                .map(|(unit, _)| &unit.id)
                .collect();
            return only(&holders).map(|id| found(id, MatchedBy::PartOfName));
        }
        None
    }

    /// `None` if no unit's name is inside `folded`; `Some(None)` if the longest
    /// such names belong to two units; otherwise the unit.
    fn longest_name_within(&self, folded: &str) -> Option<Option<&Id>> {
        let mut best: Vec<(&Id, usize)> = Vec::new();
        for (unit, name) in self.with_folded_names() {
            if name.split(' ').count() < MIN_WORDS_INSIDE || !contains_words(folded, name) {
                continue;
            }
            match best.first() {
                Some((_, length)) if *length > name.len() => {}
                Some((_, length)) if *length == name.len() => best.push((&unit.id, name.len())),
                _ => best = vec![(&unit.id, name.len())],
            }
        }
        match best.as_slice() {
            [] => None,
            [(id, _)] => Some(Some(*id)),
            _ => Some(None),
        }
    }
}

fn found<Id: Clone>(id: &Id, matched_by: MatchedBy) -> UnitMatch<Id> {
    UnitMatch {
        unit: id.clone(),
        matched_by,
    }
}

fn only<'a, Id>(ids: &[&'a Id]) -> Option<&'a Id> {
    match ids {
        [id] => Some(*id),
        _ => None,
    }
}
