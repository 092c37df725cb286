//! Re-sharing an identity key to a changed set of custodians without ever
//! rebuilding it — not on the server, not in anyone's session.
//!
//! When a unit's custodians change (one joins, leaves, is disabled, has their
//! keys reset), the cases sealed before must follow. Rebuilding the key and
//! splitting it again would put the whole identity key in one place, so this
//! module redistributes the shares instead (Desmedt and Jajodia's scheme,
//! as refined by Wong, Wang and Wing):
//!
//! 1. Each of k current holders, in their own session, opens their share
//!    `s_i` (a point `(x_i, s_i)` of the old polynomial `f`, `f(0)` = key) and
//!    splits `s_i` itself k'-of-n' with a fresh random polynomial `g_i`
//!    (`g_i(0) = s_i`). New custodian j (share id `x'_j = j`) gets `g_i(j)`,
//!    sealed to their public key ([`contribute`]). The holder learns nothing new.
//! 2. Once k holders have contributed, the server bundles, for each new
//!    custodian, the k sealed parts addressed to them ([`bundle_parts`]): it
//!    holds no key and opens nothing.
//! 3. New custodian j, in their session, opens their parts and interpolates
//!    them at 0 over the *old* ids: `Σ_i λ_i g_i(j)` where `λ_i` are the
//!    Lagrange coefficients of the contributors' old ids. That is `G(j)` for
//!    `G = Σ_i λ_i g_i`, a random polynomial of degree k' − 1 with
//!    `G(0) = Σ_i λ_i f(x_i) = f(0)`: a share of the same key under a new
//!    polynomial ([`crate::case_keys::open_identity_share`] does this for a
//!    bundle transparently).
//!
//! The interpolation is blahaj's own, so the field is the one the shares were
//! made in. Shares of the old polynomial do not combine with shares of the new
//! one, so once the old shares are destroyed a removed custodian's share is
//! useless, whoever else they collude with among the new custodians short of k'.
//!
//! A part's plaintext is `0x42 ‖ old k ‖ old id ‖ new k ‖ new id ‖ 32 bytes`,
//! sealed to its recipient with associated data naming the case, the round and
//! the recipient. A bundle is `0x61 ‖ round id length ‖ round id ‖ part count ‖
//! (part length, 2 bytes big-endian ‖ sealed part)…`.

use std::collections::HashSet;

use zeroize::Zeroizing;

use crate::case_keys::{Holder, SealedShare, open_identity_share};
use crate::error::VaultError;
use crate::sealed_box::{SecretKey, open_sealed, seal_to};
use crate::shares::{IdentityShare, MAX_SHARES, interpolate_at_zero, split_value};

/// First byte of a part's plaintext: "identity share part", version 1.
pub const SHARE_PART_VERSION: u8 = 0x42;
/// First byte of a bundle of sealed parts: "re-shared identity share", version 1.
pub const SHARE_BUNDLE_VERSION: u8 = 0x61;
const PART_LEN: usize = 5 + 32;

/// One round of re-sharing a case's identity key.
#[derive(Clone, Copy, Debug)]
pub struct ReshareRound<'a> {
    /// The case.
    pub case_id: &'a str,
    /// The round's id, bound into every part.
    pub round_id: &'a str,
    /// k': how many new custodians will rebuild the key.
    pub threshold: usize,
    /// The new custodians, in share-id order: the first gets id 1.
    pub custodians: &'a [Holder<'a>],
}

fn part_label(case_id: &str, round_id: &str, recipient: &str) -> Vec<u8> {
    format!("khien/case/{case_id}/identity-share-part/{round_id}/{recipient}").into_bytes()
}

/// A current holder's contribution: opens their own share (a whole share or a
/// bundle from an earlier round) with their private key and splits it k'-of-n'
/// to the round's custodians, one sealed part each (`share_id` is the
/// recipient's new id).
pub fn contribute(
    round: &ReshareRound<'_>,
    contributor_id: &str,
    contributor_secret: &SecretKey,
    sealed_share: &[u8],
) -> Result<Vec<SealedShare>, VaultError> {
    let count = round.custodians.len();
    if round.threshold == 0 || round.threshold > count || count > MAX_SHARES {
        return Err(VaultError::InvalidParameters {
            what: "a re-share needs 1 ≤ k' ≤ n' ≤ 255",
        });
    }
    let own = open_identity_share(
        round.case_id,
        contributor_id,
        contributor_secret,
        sealed_share,
    )?;
    let new_threshold = u8::try_from(round.threshold).expect("k' ≤ 255");
    let parts = split_value(own.value(), new_threshold, count);
    Ok(parts
        .iter()
        .zip(round.custodians)
        .map(|(part, custodian)| {
            let mut plaintext = Zeroizing::new(Vec::with_capacity(PART_LEN));
            plaintext.extend_from_slice(&[
                SHARE_PART_VERSION,
                own.threshold(),
                own.id(),
                new_threshold,
                part.id(),
            ]);
            plaintext.extend_from_slice(part.value());
            SealedShare {
                custodian_id: custodian.id.to_owned(),
                share_id: part.id(),
                sealed: seal_to(
                    custodian.public_key,
                    &plaintext,
                    &part_label(round.case_id, round.round_id, custodian.id),
                ),
            }
        })
        .collect())
}

/// Packs one new custodian's sealed parts (one per contributor) into the bundle
/// stored as their share. Needs no key.
pub fn bundle_parts(round_id: &str, parts: &[Vec<u8>]) -> Result<Vec<u8>, VaultError> {
    let round = round_id.as_bytes();
    let too_big = VaultError::InvalidParameters {
        what: "a bundle holds at most 255 parts of at most 65535 bytes",
    };
    let round_len = u8::try_from(round.len()).map_err(|_| VaultError::InvalidParameters {
        what: "a round id is at most 255 bytes",
    })?;
    let count = u8::try_from(parts.len()).map_err(|_| too_big.clone())?;
    let mut bundle = vec![SHARE_BUNDLE_VERSION, round_len];
    bundle.extend_from_slice(round);
    bundle.push(count);
    for part in parts {
        let len = u16::try_from(part.len()).map_err(|_| too_big.clone())?;
        bundle.extend_from_slice(&len.to_be_bytes());
        bundle.extend_from_slice(part);
    }
    Ok(bundle)
}

/// Opens a bundle addressed to `custodian_id` and rebuilds the share it stands for.
pub(crate) fn open_bundle(
    case_id: &str,
    custodian_id: &str,
    custodian_secret: &SecretKey,
    bundle: &[u8],
) -> Result<IdentityShare, VaultError> {
    let malformed = VaultError::Malformed {
        what: "share bundle",
    };
    let (round_id, parts) = read_bundle(bundle).ok_or(malformed.clone())?;
    let label = part_label(case_id, round_id, custodian_id);
    let mut opened = Vec::with_capacity(parts.len());
    for sealed in parts {
        let plaintext = open_sealed(custodian_secret, sealed, &label)?;
        if plaintext.len() != PART_LEN || plaintext[0] != SHARE_PART_VERSION {
            return Err(malformed);
        }
        opened.push(plaintext);
    }
    let first = opened.first().ok_or(malformed.clone())?;
    let (old_threshold, new_threshold, new_id) = (first[1], first[3], first[4]);
    if old_threshold == 0 || new_threshold == 0 || new_id == 0 {
        return Err(malformed);
    }
    let mut old_ids = HashSet::new();
    let mut points = Vec::with_capacity(opened.len());
    for part in &opened {
        if part[1] != old_threshold || part[3] != new_threshold || part[4] != new_id {
            return Err(VaultError::InvalidParameters {
                what: "the parts of a bundle come from different rounds",
            });
        }
        if part[2] == 0 || !old_ids.insert(part[2]) {
            return Err(VaultError::InvalidParameters {
                what: "two parts come from the same share",
            });
        }
        let value: &[u8; 32] = part[5..].try_into().expect("PART_LEN");
        points.push((part[2], value));
    }
    if points.len() < usize::from(old_threshold) {
        return Err(VaultError::InvalidParameters {
            what: "fewer parts than the old threshold",
        });
    }
    let value = interpolate_at_zero(&points, old_threshold)?;
    Ok(IdentityShare::from_parts(new_threshold, new_id, &value))
}

/// Whether a stored share is a bundle (rather than one sealed share).
pub(crate) fn is_bundle(sealed: &[u8]) -> bool {
    sealed.first() == Some(&SHARE_BUNDLE_VERSION)
}

fn read_bundle(bundle: &[u8]) -> Option<(&str, Vec<&[u8]>)> {
    let (&version, rest) = bundle.split_first()?;
    if version != SHARE_BUNDLE_VERSION {
        return None;
    }
    let (&round_len, rest) = rest.split_first()?;
    let (round, rest) = rest.split_at_checked(usize::from(round_len))?;
    let round = std::str::from_utf8(round).ok()?;
    let (&count, mut rest) = rest.split_first()?;
    let mut parts = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        let (len, after) = rest.split_at_checked(2)?;
        let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
        let (part, after) = after.split_at_checked(len)?;
        parts.push(part);
        rest = after;
    }
    rest.is_empty().then_some((round, parts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shares::combine_shares;
    use crate::test_custodians::{Custodians, split_case};

    /// Runs a round with the given old holders contributing; returns each new
    /// custodian's bundle.
    fn reshare(
        case_id: &str,
        round_id: &str,
        old: &Custodians,
        old_sealed: &[Vec<u8>],
        contributors: &[usize],
        new: &Custodians,
        new_k: usize,
    ) -> Vec<Vec<u8>> {
        let holders = new.holders();
        let round = ReshareRound {
            case_id,
            round_id,
            threshold: new_k,
            custodians: &holders,
        };
        let contributions: Vec<Vec<SealedShare>> = contributors
            .iter()
            .map(|&i| contribute(&round, &old.ids[i], &old.keys[i], &old_sealed[i]).unwrap())
            .collect();
        (0..new.ids.len())
            .map(|j| {
                let parts: Vec<Vec<u8>> = contributions
                    .iter()
                    .map(|parts| {
                        assert_eq!(parts[j].custodian_id, new.ids[j]);
                        assert_eq!(usize::from(parts[j].share_id), j + 1);
                        parts[j].sealed.clone()
                    })
                    .collect();
                bundle_parts(round_id, &parts).unwrap()
            })
            .collect()
    }

    fn opened(
        case_id: &str,
        people: &Custodians,
        sealed: &[Vec<u8>],
        who: &[usize],
    ) -> Vec<IdentityShare> {
        who.iter()
            .map(|&j| {
                open_identity_share(case_id, &people.ids[j], &people.keys[j], &sealed[j]).unwrap()
            })
            .collect()
    }

    #[test]
    fn any_k_new_custodians_rebuild_the_same_key_and_k_minus_one_do_not() {
        let old = Custodians::new("old", 3);
        let (key, old_sealed) = split_case("case-1", &old, 2);
        let new = Custodians::new("new", 4);
        let bundles = reshare("case-1", "round-1", &old, &old_sealed, &[0, 2], &new, 3);
        for who in [[0, 1, 2], [1, 2, 3], [0, 1, 3], [0, 2, 3]] {
            let shares = opened("case-1", &new, &bundles, &who);
            assert!(shares.iter().all(|share| share.threshold() == 3));
            assert!(combine_shares(&shares).unwrap() == key, "{who:?}");
        }
        assert!(matches!(
            combine_shares(&opened("case-1", &new, &bundles, &[0, 1])),
            Err(VaultError::InvalidParameters { .. })
        ));
    }

    #[test]
    fn a_removed_custodians_old_share_does_not_combine_with_new_ones() {
        let old = Custodians::new("old", 3);
        let (key, old_sealed) = split_case("case-2", &old, 2);
        // Custodian 1 leaves; 0 and 2 stay and a newcomer joins: the new set is
        // old-0, old-2, newcomer, re-shared by 0 and 2.
        let new = Custodians::with_keys(
            vec![old.ids[0].clone(), old.ids[2].clone(), "newcomer".into()],
            vec![
                SecretKey::from_bytes(&old.keys[0].to_bytes()),
                SecretKey::from_bytes(&old.keys[2].to_bytes()),
                SecretKey::generate(),
            ],
        );
        let bundles = reshare("case-2", "round-2", &old, &old_sealed, &[0, 2], &new, 2);
        // The newcomer and a stayer open it.
        let shares = opened("case-2", &new, &bundles, &[2, 0]);
        assert!(combine_shares(&shares).unwrap() == key);
        // The leaver's old share with the newcomer's new one: ids differ, k matches,
        // the interpolation runs — and gives something that is not the key.
        let leaver =
            open_identity_share("case-2", &old.ids[1], &old.keys[1], &old_sealed[1]).unwrap();
        let newcomer = opened("case-2", &new, &bundles, &[2]).pop().unwrap();
        if leaver.id() != newcomer.id() {
            assert!(combine_shares(&[leaver, newcomer]).unwrap() != key);
        }
    }

    #[test]
    fn rounds_chain_and_a_custodian_can_rejoin() {
        let first = Custodians::new("a", 2);
        let (key, sealed) = split_case("case-3", &first, 2);
        let second = Custodians::new("b", 3);
        let bundles = reshare("case-3", "r1", &first, &sealed, &[0, 1], &second, 2);
        let third = Custodians::new("c", 2);
        let again = reshare("case-3", "r2", &second, &bundles, &[2, 0], &third, 2);
        assert!(combine_shares(&opened("case-3", &third, &again, &[0, 1])).unwrap() == key);
    }

    #[test]
    fn parts_are_bound_to_case_round_and_recipient() {
        let old = Custodians::new("old", 2);
        let (_, old_sealed) = split_case("case-4", &old, 2);
        let new = Custodians::new("new", 2);
        let bundles = reshare("case-4", "round", &old, &old_sealed, &[0, 1], &new, 2);
        // Another recipient's key, another case, a relabelled round: nothing opens.
        assert_eq!(
            open_identity_share("case-4", &new.ids[0], &new.keys[1], &bundles[0]).err(),
            Some(VaultError::DecryptionFailed)
        );
        assert_eq!(
            open_identity_share("case-5", &new.ids[0], &new.keys[0], &bundles[0]).err(),
            Some(VaultError::DecryptionFailed)
        );
        let (_, parts) = read_bundle(&bundles[0]).unwrap();
        let parts: Vec<Vec<u8>> = parts.into_iter().map(<[u8]>::to_vec).collect();
        let relabelled = bundle_parts("other", &parts).unwrap();
        assert_eq!(
            open_identity_share("case-4", &new.ids[0], &new.keys[0], &relabelled).err(),
            Some(VaultError::DecryptionFailed)
        );
    }

    #[test]
    fn too_few_or_duplicated_parts_are_refused() {
        let old = Custodians::new("old", 3);
        let (_, old_sealed) = split_case("case-6", &old, 2);
        let new = Custodians::new("new", 2);
        let one = reshare("case-6", "r", &old, &old_sealed, &[1], &new, 2);
        assert!(matches!(
            open_identity_share("case-6", &new.ids[0], &new.keys[0], &one[0]),
            Err(VaultError::InvalidParameters { .. })
        ));
        let (_, parts) = read_bundle(&one[0]).unwrap();
        let twice = bundle_parts("r", &[parts[0].to_vec(), parts[0].to_vec()]).unwrap();
        assert!(matches!(
            open_identity_share("case-6", &new.ids[0], &new.keys[0], &twice),
            Err(VaultError::InvalidParameters { .. })
        ));
    }

    #[test]
    fn malformed_bundles_are_named() {
        let key = SecretKey::generate();
        for bad in [
            vec![SHARE_BUNDLE_VERSION],
            vec![SHARE_BUNDLE_VERSION, 5, b'a'],
            vec![SHARE_BUNDLE_VERSION, 1, b'a', 1, 0, 9, 1],
            vec![SHARE_BUNDLE_VERSION, 1, b'a', 0, 7],
        ] {
            assert_eq!(
                open_bundle("c", "x", &key, &bad).err(),
                Some(VaultError::Malformed {
                    what: "share bundle"
                }),
                "{bad:?}"
            );
        }
        assert!(bundle_parts(&"r".repeat(256), &[]).is_err());
    }

    #[test]
    fn a_contribution_needs_sane_parameters() {
        let old = Custodians::new("old", 2);
        let (_, old_sealed) = split_case("case-7", &old, 2);
        let new = Custodians::new("new", 2);
        let holders = new.holders();
        for k in [0, 3] {
            let round = ReshareRound {
                case_id: "case-7",
                round_id: "r",
                threshold: k,
                custodians: &holders,
            };
            assert!(matches!(
                contribute(&round, &old.ids[0], &old.keys[0], &old_sealed[0]),
                Err(VaultError::InvalidParameters { .. })
            ));
        }
    }
}
