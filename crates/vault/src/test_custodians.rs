//! Test fixtures shared by the disclosure and re-share tests: custodians with
//! their keys, and a case whose identity key is split among them.

use crate::case_keys::{CaseKeys, CaseRecipients, Holder, seal_case};
use crate::sealed_box::{PublicKey, SecretKey};
use crate::symmetric::DataKey;

/// Custodians named `<prefix>-0`, `<prefix>-1`, … with fresh key pairs.
pub(crate) struct Custodians {
    pub(crate) ids: Vec<String>,
    pub(crate) keys: Vec<SecretKey>,
    pub(crate) publics: Vec<PublicKey>,
}

impl Custodians {
    pub(crate) fn new(prefix: &str, n: usize) -> Self {
        Self::with_keys(
            (0..n).map(|i| format!("{prefix}-{i}")).collect(),
            (0..n).map(|_| SecretKey::generate()).collect(),
        )
    }

    pub(crate) fn with_keys(ids: Vec<String>, keys: Vec<SecretKey>) -> Self {
        Self {
            publics: keys.iter().map(SecretKey::public_key).collect(),
            ids,
            keys,
        }
    }

    pub(crate) fn holders(&self) -> Vec<Holder<'_>> {
        self.ids
            .iter()
            .zip(&self.publics)
            .map(|(id, public_key)| Holder { id, public_key })
            .collect()
    }
}

/// A case sealed at intake with its identity key split k-of-n among
/// `custodians`: the identity key and each custodian's sealed share, in order.
pub(crate) fn split_case(
    case_id: &str,
    custodians: &Custodians,
    k: usize,
) -> (DataKey, Vec<Vec<u8>>) {
    let keys = CaseKeys::generate();
    let unit = SecretKey::generate().public_key();
    let holders = custodians.holders();
    let unit_holder = Holder {
        id: "u",
        public_key: &unit,
    };
    let sealed = seal_case(
        case_id,
        &keys,
        &CaseRecipients {
            unit: unit_holder,
            intake: unit_holder,
            custodians: &holders,
            threshold: k,
        },
        &DataKey::generate(),
    )
    .unwrap();
    (
        DataKey::from_bytes(keys.identity_key().expose_secret()),
        sealed
            .shares
            .into_iter()
            .map(|share| share.sealed)
            .collect(),
    )
}
