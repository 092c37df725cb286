//! Disclosing a reporter's identity to one requester (LTC Art. 56, DESIGN §4).
//!
//! A staff member asks; each approving custodian, in their own session, opens
//! their share of the case's identity key and seals it again to the requester's
//! public key ([`reseal_share_for_requester`]). The seal's associated data names
//! the case, the request, the requester and the custodian, so it opens for the
//! requester only, in that request only. The requester, in their session, opens
//! k such seals and rebuilds the identity key ([`open_disclosed_identity_key`]).
//!
//! What the server can do on its own: nothing with these seals. In an approving
//! custodian's request it holds that one opened share for the time of one
//! re-seal; it never holds k opened shares except in the requester's own
//! request, with the requester's private key, which only their session carries.

use crate::case_keys::open_identity_share;
use crate::error::VaultError;
use crate::sealed_box::{PublicKey, SecretKey};
use crate::shares::{IdentityShare, combine_shares, open_share, seal_share};
use crate::symmetric::DataKey;

/// Which disclosure a seal belongs to.
#[derive(Clone, Copy, Debug)]
pub struct DisclosureRequest<'a> {
    /// The case whose identity is asked for.
    pub case_id: &'a str,
    /// The request.
    pub request_id: &'a str,
    /// The staff member who asked (and alone may open).
    pub requester_id: &'a str,
}

impl DisclosureRequest<'_> {
    fn label(&self, custodian_id: &str) -> Vec<u8> {
        format!(
            "khien/case/{}/identity-disclosure/{}/{}/{}",
            self.case_id, self.request_id, self.requester_id, custodian_id
        )
        .into_bytes()
    }
}

/// A custodian's share, sealed to the requester.
pub struct ResealedShare {
    /// The share's id (not secret).
    pub share_id: u8,
    /// How many shares rebuild the key (not secret).
    pub threshold: u8,
    /// The share sealed to the requester.
    pub sealed: Vec<u8>,
}

/// An approving custodian opens their own share of the case (`sealed_share`,
/// as stored for them) and seals it to the requester.
pub fn reseal_share_for_requester(
    request: &DisclosureRequest<'_>,
    custodian_id: &str,
    custodian_secret: &SecretKey,
    sealed_share: &[u8],
    requester: &PublicKey,
) -> Result<ResealedShare, VaultError> {
    let share = open_identity_share(
        request.case_id,
        custodian_id,
        custodian_secret,
        sealed_share,
    )?;
    Ok(ResealedShare {
        share_id: share.id(),
        threshold: share.threshold(),
        sealed: seal_share(&share, requester, &request.label(custodian_id)),
    })
}

/// One approval as stored: who approved and their share sealed to the requester.
#[derive(Clone, Copy, Debug)]
pub struct Approval<'a> {
    /// The custodian who approved.
    pub custodian_id: &'a str,
    /// Their share, sealed to the requester.
    pub sealed: &'a [u8],
}

/// The requester opens the approvals with their private key and rebuilds the
/// identity key. Fewer approvals than the threshold is an error.
pub fn open_disclosed_identity_key(
    request: &DisclosureRequest<'_>,
    requester_secret: &SecretKey,
    approvals: &[Approval<'_>],
) -> Result<DataKey, VaultError> {
    let shares = approvals
        .iter()
        .map(|approval| {
            open_share(
                requester_secret,
                approval.sealed,
                &request.label(approval.custodian_id),
            )
        })
        .collect::<Result<Vec<IdentityShare>, VaultError>>()?;
    combine_shares(&shares)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_custodians::{Custodians, split_case};

    struct Case {
        identity_key: DataKey,
        custodians: Vec<(String, SecretKey)>,
        sealed: Vec<Vec<u8>>,
    }

    fn case(n: usize, k: usize) -> Case {
        let people = Custodians::new("custodian", n);
        let (identity_key, sealed) = split_case("case-1", &people, k);
        Case {
            identity_key,
            sealed,
            custodians: people.ids.into_iter().zip(people.keys).collect(),
        }
    }

    const REQUEST: DisclosureRequest<'static> = DisclosureRequest {
        case_id: "case-1",
        request_id: "request-1",
        requester_id: "handler-1",
    };

    fn approve(case: &Case, i: usize, request: &DisclosureRequest<'_>, to: &PublicKey) -> Vec<u8> {
        let (id, key) = &case.custodians[i];
        reseal_share_for_requester(request, id, key, &case.sealed[i], to)
            .unwrap()
            .sealed
    }

    #[test]
    fn k_approvals_open_for_the_requester_and_for_nobody_else() {
        let case = case(3, 2);
        let requester = SecretKey::generate();
        let first = approve(&case, 0, &REQUEST, &requester.public_key());
        let second = approve(&case, 2, &REQUEST, &requester.public_key());
        let approvals = [
            Approval {
                custodian_id: "custodian-0",
                sealed: &first,
            },
            Approval {
                custodian_id: "custodian-2",
                sealed: &second,
            },
        ];
        let key = open_disclosed_identity_key(&REQUEST, &requester, &approvals).unwrap();
        assert!(key == case.identity_key);

        // Another staff member's key opens nothing.
        assert_eq!(
            open_disclosed_identity_key(&REQUEST, &SecretKey::generate(), &approvals).err(),
            Some(VaultError::DecryptionFailed)
        );
        // Nor does a custodian's own key open what was sealed to the requester.
        assert_eq!(
            open_disclosed_identity_key(&REQUEST, &case.custodians[0].1, &approvals).err(),
            Some(VaultError::DecryptionFailed)
        );
        // One approval is not enough.
        assert!(matches!(
            open_disclosed_identity_key(&REQUEST, &requester, &approvals[..1]),
            Err(VaultError::InvalidParameters { .. })
        ));
    }

    #[test]
    fn a_reseal_is_bound_to_its_request_requester_and_custodian() {
        let case = case(3, 2);
        let requester = SecretKey::generate();
        let sealed = approve(&case, 1, &REQUEST, &requester.public_key());
        let open_as = |request: &DisclosureRequest<'_>, custodian: &str| {
            open_disclosed_identity_key(
                request,
                &requester,
                &[Approval {
                    custodian_id: custodian,
                    sealed: &sealed,
                }],
            )
            .err()
        };
        for request in [
            DisclosureRequest {
                request_id: "request-2",
                ..REQUEST
            },
            DisclosureRequest {
                requester_id: "handler-2",
                ..REQUEST
            },
            DisclosureRequest {
                case_id: "case-2",
                ..REQUEST
            },
        ] {
            assert_eq!(
                open_as(&request, "custodian-1"),
                Some(VaultError::DecryptionFailed)
            );
        }
        assert_eq!(
            open_as(&REQUEST, "custodian-0"),
            Some(VaultError::DecryptionFailed)
        );
    }

    #[test]
    fn a_custodian_cannot_reseal_someone_elses_share() {
        let case = case(3, 2);
        let (id, key) = &case.custodians[0];
        assert_eq!(
            reseal_share_for_requester(
                &REQUEST,
                id,
                key,
                &case.sealed[1],
                &SecretKey::generate().public_key()
            )
            .err(),
            Some(VaultError::DecryptionFailed)
        );
    }
}
