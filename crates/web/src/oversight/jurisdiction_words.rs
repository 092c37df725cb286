//! A unit's jurisdiction in words, for its home page, the admin page and the API:
//! "Cả tỉnh" or the subtrees' names; "its own unit and those below it" when none
//! was set.

use khien_domain::oversight::Jurisdiction;
use khien_store::accounts::{Unit, UnitId};
use serde_json::{Value, json};

use crate::{AppError, AppState};

/// What a unit oversees, read for showing.
pub struct JurisdictionWords {
    /// Whether an administrator set it (else: the unit's own subtree).
    pub set: bool,
    /// Whether it is the whole province.
    pub whole_province: bool,
    /// The subtrees' roots (empty for the whole province).
    pub subtrees: Vec<Unit>,
}

impl JurisdictionWords {
    /// In Vietnamese.
    pub fn vi(&self) -> String {
        self.words("Cả tỉnh", "Đơn vị mình và các đơn vị trực thuộc")
    }

    /// In English.
    pub fn en(&self) -> String {
        self.words("The whole province", "Its own unit and the units below it")
    }

    fn words(&self, whole: &str, own: &str) -> String {
        if self.whole_province {
            whole.to_owned()
        } else if !self.set {
            own.to_owned()
        } else {
            self.subtrees
                .iter()
                .map(|unit| format!("{} ({})", unit.name.as_str(), unit.code.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        }
    }

    /// As the API shows it.
    pub fn to_json(&self) -> Value {
        json!({
            "set": self.set,
            "whole_province": self.whole_province,
            "subtrees": self.subtrees.iter().map(|unit| unit.code.as_str()).collect::<Vec<_>>(),
            "label": {"vi": self.vi(), "en": self.en()},
        })
    }
}

/// The jurisdiction of `unit`, with its subtrees' units.
pub async fn jurisdiction_words(
    state: &AppState,
    unit: &UnitId,
) -> Result<JurisdictionWords, AppError> {
    let Some(stored) = state.store.jurisdiction_of(unit).await? else {
        return Ok(JurisdictionWords {
            set: false,
            whole_province: false,
            subtrees: Vec::new(),
        });
    };
    let mut words = JurisdictionWords {
        set: true,
        whole_province: stored.jurisdiction == Jurisdiction::WholeProvince,
        subtrees: Vec::new(),
    };
    if let Jurisdiction::Subtrees(roots) = &stored.jurisdiction {
        for root in roots {
            if let Some(found) = state.store.unit_by_id(root).await? {
                words.subtrees.push(found);
            }
        }
    }
    Ok(words)
}
