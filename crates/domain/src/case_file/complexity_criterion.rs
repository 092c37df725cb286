//! The seven criteria of NĐ31 Art. 3 that make a denunciation complex.

use serde::{Deserialize, Serialize};

use crate::rules::Complexity;

/// One reason a case is complex. One criterion makes it complex, two or more make it
/// especially complex (NĐ31 Art. 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplexityCriterion {
    /// Verification at two or more locations.
    SeveralLocations,
    /// Two or more separate contents.
    SeveralContents,
    /// Many denouncers, or many people affected.
    ManyPeople,
    /// A foreign element.
    ForeignElement,
    /// Several bodies' responsibility involved.
    SeveralBodiesResponsible,
    /// The bodies disagree.
    BodiesDisagree,
    /// Contradictory evidence.
    ContradictoryEvidence,
}

impl ComplexityCriterion {
    /// The seven criteria, in the order of NĐ31 Art. 3.
    pub const ALL: [ComplexityCriterion; 7] = [
        ComplexityCriterion::SeveralLocations,
        ComplexityCriterion::SeveralContents,
        ComplexityCriterion::ManyPeople,
        ComplexityCriterion::ForeignElement,
        ComplexityCriterion::SeveralBodiesResponsible,
        ComplexityCriterion::BodiesDisagree,
        ComplexityCriterion::ContradictoryEvidence,
    ];
}

/// The complexity that `count` distinct criteria give.
pub fn complexity_of(count: usize) -> Complexity {
    match count {
        0 => Complexity::Ordinary,
        1 => Complexity::Complex,
        _ => Complexity::EspeciallyComplex,
    }
}
