//! The blind indexes that tie a staff member to the people reports accuse.
//!
//! A person is indexed by their name with their organisation
//! (`BlindIndexDomain::PersonNameOrganisation`). The organisation is written
//! in its folded form (`khien_domain::routing::fold`: abbreviations written
//! out, punctuation dropped), so "UBND xã An Phú" and "Ủy ban nhân dân xã An
//! Phú" give one index; and when a report's organisation matches a unit of the
//! tree, the person is also indexed with that unit's own name — the form a
//! staff member of that unit registers under. More indexes mean more matches
//! for a person to review, never fewer.

use khien_domain::accounts::{FullName, NationalIdNumber, UnitName};
use khien_domain::intake::Accused;
use khien_domain::routing::{OrgTree, fold};
use khien_store::accounts::UnitId;
use khien_store::conflict_of_interest::BlindIndex;
use khien_vault::blind_index::{BlindIndexDomain, blind_index, person_in_organisation};
use khien_vault::server_secret::ServerSecret;

/// The indexes of a report's accused persons (repeats are stored once). A
/// person named without an organisation is not indexed: a name alone would tie
/// together strangers.
pub fn accused_indexes(
    secret: &ServerSecret,
    tree: &OrgTree<UnitId>,
    accused: &[Accused],
) -> Vec<BlindIndex> {
    let mut indexes = Vec::new();
    for person in accused {
        let Some(organisation) = person.organisation.as_deref() else {
            continue;
        };
        let typed = fold(organisation);
        if typed.is_empty() {
            continue;
        }
        indexes.push(person_index(secret, &person.name, &typed));
        if let Some(unit) = tree
            .match_organisation(organisation)
            .and_then(|found| tree.get(&found.unit))
        {
            indexes.push(person_index(
                secret,
                &person.name,
                &fold(unit.name.as_str()),
            ));
        }
    }
    indexes
}

/// A staff member's own name with their unit's name.
pub fn staff_name_index(secret: &ServerSecret, name: &FullName, unit: &UnitName) -> BlindIndex {
    person_index(secret, name.as_str(), &fold(unit.as_str()))
}

/// A national ID number.
pub fn national_id_index(secret: &ServerSecret, number: &NationalIdNumber) -> BlindIndex {
    blind_index(secret, BlindIndexDomain::NationalId, number.digits())
}

fn person_index(secret: &ServerSecret, name: &str, folded_organisation: &str) -> BlindIndex {
    blind_index(
        secret,
        BlindIndexDomain::PersonNameOrganisation,
        &person_in_organisation(name, folded_organisation),
    )
}
