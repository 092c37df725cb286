//! Identity escrow: an identity key split k-of-n among custodians (Shamir's
//! secret sharing over GF(256), from the `blahaj` crate).
//!
//! No custodian alone, and no k − 1 of them together, learn anything about the
//! key; any k can rebuild it. Each share travels sealed to one custodian's public
//! key ([`seal_share`]); to disclose an identity, k custodians each open theirs
//! and re-seal it to the requester.
//!
//! A share's bytes are `0x41 ‖ threshold ‖ share id ‖ 32 bytes`. The threshold
//! rides along so that combining too few shares is an error rather than a
//! silently wrong key.

use std::collections::HashSet;
use std::convert::Infallible;

use secrecy::{ExposeSecret, SecretBox};
use zeroize::Zeroizing;

use crate::error::VaultError;
use crate::random::random_bytes;
use crate::sealed_box::{PublicKey, SecretKey, open_sealed, seal_to};
use crate::symmetric::DataKey;

/// First byte of an encoded share: format "identity share", version 1.
pub const SHARE_VERSION: u8 = 0x41;
const SHARE_LEN: usize = 3 + 32;
/// The most shares one key can be split into: share ids are the non-zero bytes.
pub const MAX_SHARES: usize = 255;

/// One custodian's share of an identity key. No `Debug` or `Display`.
pub struct IdentityShare {
    threshold: u8,
    id: u8,
    value: SecretBox<[u8; 32]>,
}

impl IdentityShare {
    /// A share from its parts (a re-shared share, rebuilt from its bundle).
    pub(crate) fn from_parts(threshold: u8, id: u8, value: &[u8; 32]) -> Self {
        Self {
            threshold,
            id,
            value: SecretBox::init_with_mut(|out: &mut [u8; 32]| out.copy_from_slice(value)),
        }
    }

    /// The share's secret y values.
    pub(crate) fn value(&self) -> &[u8; 32] {
        self.value.expose_secret()
    }

    /// The share's id, 1 to n, distinct within one split. Not secret.
    pub fn id(&self) -> u8 {
        self.id
    }

    /// How many shares are needed to rebuild the key. Not secret.
    pub fn threshold(&self) -> u8 {
        self.threshold
    }

    /// The encoded share (see the module docs); zeroed when dropped.
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let mut bytes = Zeroizing::new(Vec::with_capacity(SHARE_LEN));
        bytes.extend_from_slice(&[SHARE_VERSION, self.threshold, self.id]);
        bytes.extend_from_slice(self.value.expose_secret());
        bytes
    }

    /// Reads an encoded share.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, VaultError> {
        if bytes.first() != Some(&SHARE_VERSION) {
            return Err(if bytes.is_empty() {
                VaultError::Malformed { what: "share" }
            } else {
                VaultError::UnsupportedVersion { what: "share" }
            });
        }
        if bytes.len() != SHARE_LEN || bytes[1] == 0 || bytes[2] == 0 {
            return Err(VaultError::Malformed { what: "share" });
        }
        Ok(Self {
            threshold: bytes[1],
            id: bytes[2],
            value: SecretBox::init_with_mut(|value: &mut [u8; 32]| {
                value.copy_from_slice(&bytes[3..])
            }),
        })
    }
}

/// Splits `key` into `count` shares, any `threshold` of which rebuild it.
///
/// Refuses a threshold of 0, a threshold above the count, and more than 255 shares.
pub fn split_key(
    key: &DataKey,
    threshold: usize,
    count: usize,
) -> Result<Vec<IdentityShare>, VaultError> {
    if threshold == 0 {
        return Err(VaultError::InvalidParameters {
            what: "the threshold must be at least 1",
        });
    }
    if threshold > count {
        return Err(VaultError::InvalidParameters {
            what: "the threshold cannot exceed the number of shares",
        });
    }
    if count > MAX_SHARES {
        return Err(VaultError::InvalidParameters {
            what: "a key can be split into at most 255 shares",
        });
    }
    let threshold = u8::try_from(threshold).expect("threshold <= count <= 255");
    Ok(split_value(key.expose_secret(), threshold, count))
}

/// Splits 32 secret bytes into `count` shares with `threshold`; the caller has
/// checked the parameters (1 ≤ threshold ≤ count ≤ 255).
pub(crate) fn split_value(value: &[u8; 32], threshold: u8, count: usize) -> Vec<IdentityShare> {
    let dealer = blahaj::Sharks(threshold);
    dealer
        .dealer_rng(value, &mut OsRandom)
        .take(count)
        .map(|share| {
            let bytes = Zeroizing::new(Vec::from(&share));
            // blahaj encodes a share as its x coordinate then one y byte per secret byte.
            IdentityShare {
                threshold,
                id: bytes[0],
                value: SecretBox::init_with_mut(|value: &mut [u8; 32]| {
                    value.copy_from_slice(&bytes[1..])
                }),
            }
        })
        .collect()
}

/// Rebuilds the key from at least `threshold` shares of one split.
///
/// Refuses fewer shares than the threshold, shares that disagree about the
/// threshold, and two shares with the same id (which would make the
/// interpolation divide by zero). A share from another split is not detected
/// here: the rebuilt key is then wrong and fails to open anything.
pub fn combine_shares(shares: &[IdentityShare]) -> Result<DataKey, VaultError> {
    let first = shares.first().ok_or(VaultError::InvalidParameters {
        what: "no shares were given",
    })?;
    let threshold = first.threshold;
    if shares.iter().any(|share| share.threshold != threshold) {
        return Err(VaultError::InvalidParameters {
            what: "the shares come from splits with different thresholds",
        });
    }
    let mut ids = HashSet::new();
    if !shares.iter().all(|share| ids.insert(share.id)) {
        return Err(VaultError::InvalidParameters {
            what: "two shares have the same id",
        });
    }
    if shares.len() < usize::from(threshold) {
        return Err(VaultError::InvalidParameters {
            what: "fewer shares than the threshold",
        });
    }
    let points: Vec<(u8, &[u8; 32])> = shares
        .iter()
        .map(|share| (share.id, share.value.expose_secret()))
        .collect();
    let secret = interpolate_at_zero(&points, threshold)?;
    Ok(DataKey::from_bytes(&secret))
}

/// The value at x = 0 of the polynomial through `points` (x, 32 bytes of y),
/// in blahaj's field. The caller has checked that the x are distinct and that
/// there are at least `threshold` of them.
pub(crate) fn interpolate_at_zero(
    points: &[(u8, &[u8; 32])],
    threshold: u8,
) -> Result<Zeroizing<[u8; 32]>, VaultError> {
    let blahaj_shares = points
        .iter()
        .map(|(id, value)| {
            let mut bytes = Zeroizing::new(Vec::with_capacity(33));
            bytes.push(*id);
            bytes.extend_from_slice(&value[..]);
            blahaj::Share::try_from(&bytes[..]).expect("33 bytes make a share")
        })
        .collect::<Vec<_>>();
    let secret = Zeroizing::new(blahaj::Sharks(threshold).recover(&blahaj_shares).map_err(
        |_| VaultError::InvalidParameters {
            what: "the shares cannot be combined",
        },
    )?);
    let mut out = Zeroizing::new([0u8; 32]);
    out.copy_from_slice(
        secret
            .get(..32)
            .ok_or(VaultError::Malformed { what: "share" })?,
    );
    Ok(out)
}

/// Seals a share to a custodian's public key.
pub fn seal_share(share: &IdentityShare, custodian: &PublicKey, associated_data: &[u8]) -> Vec<u8> {
    seal_to(custodian, &share.to_bytes(), associated_data)
}

/// Opens a share sealed by [`seal_share`].
pub fn open_share(
    custodian: &SecretKey,
    sealed: &[u8],
    associated_data: &[u8],
) -> Result<IdentityShare, VaultError> {
    let bytes = open_sealed(custodian, sealed, associated_data)?;
    IdentityShare::from_bytes(&bytes)
}

/// `blahaj` asks for a `rand` generator; this one reads the operating system
/// directly, the vault's only randomness source, rather than a user-space
/// generator seeded from it.
struct OsRandom;

impl rand_core::TryRng for OsRandom {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(u32::from_le_bytes(random_bytes()))
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(u64::from_le_bytes(random_bytes()))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        getrandom::fill(dst).expect("the operating system's random source failed");
        Ok(())
    }
}

impl rand_core::TryCryptoRng for OsRandom {}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(shares: &[IdentityShare], ids: &[u8]) -> Vec<IdentityShare> {
        ids.iter()
            .map(|&id| {
                let share = shares.iter().find(|share| share.id() == id).unwrap();
                IdentityShare::from_bytes(&share.to_bytes()).unwrap()
            })
            .collect()
    }

    #[test]
    fn any_two_of_three_rebuild_the_key() {
        let key = DataKey::generate();
        let shares = split_key(&key, 2, 3).unwrap();
        assert_eq!(
            shares.iter().map(IdentityShare::id).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        for ids in [[1, 2], [1, 3], [2, 3], [3, 1]] {
            assert!(
                combine_shares(&pick(&shares, &ids)).unwrap() == key,
                "{ids:?}"
            );
        }
        assert!(combine_shares(&shares).unwrap() == key);
    }

    #[test]
    fn any_three_of_five_rebuild_the_key_and_two_do_not() {
        let key = DataKey::generate();
        let shares = split_key(&key, 3, 5).unwrap();
        for a in 1..=5u8 {
            for b in a + 1..=5 {
                let two = pick(&shares, &[a, b]);
                assert!(matches!(
                    combine_shares(&two),
                    Err(VaultError::InvalidParameters { .. })
                ));
                for c in b + 1..=5 {
                    assert!(combine_shares(&pick(&shares, &[a, b, c])).unwrap() == key);
                }
            }
        }
    }

    #[test]
    fn k_minus_one_shares_interpolate_to_something_else() {
        // Lie about the threshold to force an interpolation from too few shares:
        // the result must not be the key (it is a uniformly random value).
        let key = DataKey::generate();
        let shares = split_key(&key, 3, 5).unwrap();
        let lowered: Vec<IdentityShare> = pick(&shares, &[2, 4])
            .iter()
            .map(|share| {
                let mut bytes = share.to_bytes();
                bytes[1] = 2;
                IdentityShare::from_bytes(&bytes).unwrap()
            })
            .collect();
        assert!(combine_shares(&lowered).unwrap() != key);
    }

    #[test]
    fn a_single_share_reveals_nothing_of_the_key_bytes() {
        let key = DataKey::from_bytes(&[0x42; 32]);
        for share in split_key(&key, 2, 3).unwrap() {
            assert_ne!(share.value.expose_secret(), key.expose_secret());
        }
    }

    #[test]
    fn bad_parameters_are_refused() {
        let key = DataKey::generate();
        for (k, n) in [(0, 3), (4, 3), (2, 256), (256, 256)] {
            assert!(
                matches!(
                    split_key(&key, k, n),
                    Err(VaultError::InvalidParameters { .. })
                ),
                "{k} of {n}"
            );
        }
        assert_eq!(split_key(&key, 255, 255).unwrap().len(), 255);
        assert!(combine_shares(&split_key(&key, 1, 1).unwrap()).unwrap() == key);
    }

    #[test]
    fn duplicate_ids_and_mixed_thresholds_are_refused() {
        let key = DataKey::generate();
        let shares = split_key(&key, 2, 3).unwrap();
        assert!(matches!(
            combine_shares(&pick(&shares, &[1, 1])),
            Err(VaultError::InvalidParameters { .. })
        ));
        assert!(matches!(
            combine_shares(&pick(&shares, &[1, 2, 2])),
            Err(VaultError::InvalidParameters { .. })
        ));
        let other = split_key(&key, 3, 3).unwrap();
        let mut mixed = pick(&shares, &[1]);
        mixed.extend(pick(&other, &[2, 3]));
        assert!(matches!(
            combine_shares(&mixed),
            Err(VaultError::InvalidParameters { .. })
        ));
        assert!(matches!(
            combine_shares(&[]),
            Err(VaultError::InvalidParameters { .. })
        ));
    }

    #[test]
    fn encoded_shares_are_checked() {
        let share = &split_key(&DataKey::generate(), 2, 3).unwrap()[0];
        let bytes = share.to_bytes();
        assert_eq!(bytes.len(), SHARE_LEN);
        assert_eq!(&bytes[..3], &[SHARE_VERSION, 2, 1]);
        assert!(IdentityShare::from_bytes(&bytes[..SHARE_LEN - 1]).is_err());
        let mut zero_id = bytes.clone();
        zero_id[2] = 0;
        assert!(IdentityShare::from_bytes(&zero_id).is_err());
        let mut old = bytes.clone();
        old[0] = 0x40;
        assert_eq!(
            IdentityShare::from_bytes(&old).err().unwrap(),
            VaultError::UnsupportedVersion { what: "share" }
        );
    }

    #[test]
    fn custodians_open_their_sealed_shares_and_two_rebuild_the_key() {
        let key = DataKey::generate();
        let custodians: Vec<SecretKey> = (0..3).map(|_| SecretKey::generate()).collect();
        let sealed: Vec<Vec<u8>> = split_key(&key, 2, 3)
            .unwrap()
            .iter()
            .zip(&custodians)
            .map(|(share, custodian)| {
                seal_share(share, &custodian.public_key(), b"case-9/identity")
            })
            .collect();
        let opened: Vec<IdentityShare> = [0, 2]
            .iter()
            .map(|&i| open_share(&custodians[i], &sealed[i], b"case-9/identity").unwrap())
            .collect();
        assert!(combine_shares(&opened).unwrap() == key);
        assert_eq!(
            open_share(&custodians[1], &sealed[0], b"case-9/identity")
                .err()
                .unwrap(),
            VaultError::DecryptionFailed
        );
        assert_eq!(
            open_share(&custodians[0], &sealed[0], b"case-8/identity")
                .err()
                .unwrap(),
            VaultError::DecryptionFailed
        );
    }
}
