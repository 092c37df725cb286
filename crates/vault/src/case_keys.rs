//! The keys of one case and who they are sealed to (DESIGN §4).
//!
//! A case has two fresh random keys:
//!
//! - the **case key** encrypts the report, messages and attachments. It is
//!   sealed to the handling unit's public key and, under the reporter's key
//!   (Argon2id of the receipt with the case's own salt), to the reporter;
//! - the **identity key** encrypts who the reporter is (LTC Art. 56). It is
//!   sealed to the reporter, to the unit's *intake* public key (a seal that is
//!   destroyed once acceptance is decided), and split k-of-n with Shamir's
//!   scheme among the unit's custodians, one share sealed to each. The unit key
//!   alone never opens it.
//!
//! Every seal's associated data names the case, the holder's role and the
//! holder's id (`khien/case/<case id>/<what>/<holder>`), so a seal copied into
//! another case's row, or relabelled as another holder's, does not open.
//!
//! Custodians: the threshold is `min(wanted, n)`. With one custodian, that one
//! share is the whole key (k = 1); with none, no share exists at all and only
//! the reporter (and, until acceptance, the intake key) can open the identity —
//! [`SealedCaseKeys::threshold`] is then 0 so the store records it.
//!
//! Argon2 is slow on purpose: [`issue_receipt`], [`reporter_key_for`] and
//! [`burn_reporter_key`] are plain synchronous functions for the caller to run
//! on a bounded blocking pool.

use crate::error::VaultError;
use crate::kdf::{KdfHeader, KdfParams};
use crate::receipt::{Receipt, receipt_lookup, reporter_key};
use crate::sealed_box::{PublicKey, SecretKey, open_sealed_key, seal_key_to};
use crate::server_secret::ServerSecret;
use crate::shares::{IdentityShare, open_share, seal_share, split_key};
use crate::symmetric::{DataKey, open_key, seal_key};

/// The custodian threshold DESIGN §4 asks for: any 2 custodians together.
pub const DEFAULT_THRESHOLD: usize = 2;

/// A receipt just issued, with everything the store keeps about it and the
/// reporter's key derived from it. No `Debug`.
pub struct IssuedReceipt {
    /// Shown to the reporter once, after the report is committed; never stored.
    pub receipt: Receipt,
    /// HMAC(server secret, receipt): the case's lookup column.
    pub lookup: [u8; 32],
    /// The Argon2id parameters and per-case salt, stored with the case.
    pub kdf: KdfHeader,
    /// Argon2id(receipt, salt): seals the case and identity keys to the reporter.
    pub reporter_key: DataKey,
}

/// Makes a new receipt and derives everything from it. Runs Argon2: call it on
/// a blocking thread.
pub fn issue_receipt(
    secret: &ServerSecret,
    params: KdfParams,
) -> Result<IssuedReceipt, VaultError> {
    let receipt = Receipt::generate();
    let kdf = KdfHeader::generate(params);
    let reporter_key = reporter_key(&receipt, &kdf.salt, &kdf.params)?;
    Ok(IssuedReceipt {
        lookup: receipt_lookup(secret, &receipt),
        receipt,
        kdf,
        reporter_key,
    })
}

/// The reporter's key for a case whose KDF header was found by the receipt
/// lookup. Runs Argon2: call it on a blocking thread.
pub fn reporter_key_for(receipt: &Receipt, kdf: &KdfHeader) -> Result<DataKey, VaultError> {
    reporter_key(receipt, &kdf.salt, &kdf.params)
}

/// Does the same Argon2 work as [`reporter_key_for`] and throws the result
/// away, so a receipt that finds no case takes as long as one that does.
pub fn burn_reporter_key(receipt: &Receipt, params: KdfParams) {
    let header = KdfHeader::generate(params);
    // The result is irrelevant; only the time spent matters.
    let _ = reporter_key(receipt, &header.salt, &header.params);
}

/// A new case's two keys. No `Debug`.
pub struct CaseKeys {
    case_key: DataKey,
    identity_key: DataKey,
}

impl CaseKeys {
    /// Two fresh random keys.
    pub fn generate() -> Self {
        Self {
            case_key: DataKey::generate(),
            identity_key: DataKey::generate(),
        }
    }

    /// Encrypts the report, messages and attachments.
    pub fn case_key(&self) -> &DataKey {
        &self.case_key
    }

    /// Encrypts the reporter's identity.
    pub fn identity_key(&self) -> &DataKey {
        &self.identity_key
    }
}

/// Someone a key is sealed to: a unit (by unit id) or a custodian (by user id).
#[derive(Clone, Copy, Debug)]
pub struct Holder<'a> {
    /// The holder's id, bound into the seal.
    pub id: &'a str,
    /// The holder's public key.
    pub public_key: &'a PublicKey,
}

/// Everyone a new case's keys are sealed to, apart from the reporter.
#[derive(Clone, Copy, Debug)]
pub struct CaseRecipients<'a> {
    /// The handling unit (its `unit` key pair).
    pub unit: Holder<'a>,
    /// The same unit's `intake` key pair.
    pub intake: Holder<'a>,
    /// The unit's custodians, each with their own key.
    pub custodians: &'a [Holder<'a>],
    /// How many custodians must agree; lowered to the number there are.
    pub threshold: usize,
}

/// One custodian's sealed share of the identity key.
pub struct SealedShare {
    /// The custodian's user id (the seal is bound to it).
    pub custodian_id: String,
    /// The share's id (x coordinate), not secret.
    pub share_id: u8,
    /// The share sealed to the custodian.
    pub sealed: Vec<u8>,
}

/// Every seal of a new case, ready to store.
pub struct SealedCaseKeys {
    /// The case key sealed to the unit key.
    pub case_key_for_unit: Vec<u8>,
    /// The case key sealed under the reporter's key.
    pub case_key_for_reporter: Vec<u8>,
    /// The identity key sealed under the reporter's key.
    pub identity_key_for_reporter: Vec<u8>,
    /// The identity key sealed to the unit's intake key (destroyed at acceptance).
    pub identity_key_for_intake: Vec<u8>,
    /// One share per custodian (empty when the unit has none).
    pub shares: Vec<SealedShare>,
    /// How many shares rebuild the identity key; 0 when there are no shares.
    pub threshold: u8,
}

/// The threshold actually used: the wanted one, lowered to the number of
/// custodians (0 when there are none), and never below 1 when there are some.
pub fn effective_threshold(wanted: usize, custodians: usize) -> usize {
    wanted.max(1).min(custodians)
}

/// Associated data for one seal: binds it to the case, the role and the holder.
fn label(case_id: &str, what: &str, holder: &str) -> Vec<u8> {
    format!("khien/case/{case_id}/{what}/{holder}").into_bytes()
}

/// The reporter has no id; the label says so explicitly.
const REPORTER: &str = "reporter";

/// Seals a new case's keys to everyone who should hold them.
pub fn seal_case(
    case_id: &str,
    keys: &CaseKeys,
    recipients: &CaseRecipients<'_>,
    reporter_key: &DataKey,
) -> Result<SealedCaseKeys, VaultError> {
    let threshold = effective_threshold(recipients.threshold, recipients.custodians.len());
    let shares = if recipients.custodians.is_empty() {
        Vec::new()
    } else {
        let shares = split_key(&keys.identity_key, threshold, recipients.custodians.len())?;
        shares
            .iter()
            .zip(recipients.custodians)
            .map(|(share, custodian)| SealedShare {
                custodian_id: custodian.id.to_owned(),
                share_id: share.id(),
                sealed: seal_share(
                    share,
                    custodian.public_key,
                    &label(case_id, "identity-share", custodian.id),
                ),
            })
            .collect()
    };
    Ok(SealedCaseKeys {
        case_key_for_unit: seal_key_to(
            recipients.unit.public_key,
            &keys.case_key,
            &label(case_id, "case-key/unit", recipients.unit.id),
        ),
        case_key_for_reporter: seal_key(
            reporter_key,
            &keys.case_key,
            &label(case_id, "case-key", REPORTER),
        ),
        identity_key_for_reporter: seal_key(
            reporter_key,
            &keys.identity_key,
            &label(case_id, "identity-key", REPORTER),
        ),
        identity_key_for_intake: seal_key_to(
            recipients.intake.public_key,
            &keys.identity_key,
            &label(case_id, "identity-key/intake", recipients.intake.id),
        ),
        shares,
        threshold: u8::try_from(threshold).expect("at most 255 shares"),
    })
}

/// Seals an existing case key to a unit (forwarding, key rotation).
pub fn seal_case_key_to_unit(case_id: &str, case_key: &DataKey, unit: Holder<'_>) -> Vec<u8> {
    seal_key_to(
        unit.public_key,
        case_key,
        &label(case_id, "case-key/unit", unit.id),
    )
}

/// Seals an existing identity key to a unit's intake key (forwarding: the receiving
/// unit's intake officers need the identity until their acceptance decision).
pub fn seal_identity_key_to_intake(
    case_id: &str,
    identity_key: &DataKey,
    intake: Holder<'_>,
) -> Vec<u8> {
    seal_key_to(
        intake.public_key,
        identity_key,
        &label(case_id, "identity-key/intake", intake.id),
    )
}

/// Opens the case key as the unit it is sealed to.
pub fn open_case_key_as_unit(
    case_id: &str,
    unit_id: &str,
    unit_secret: &SecretKey,
    sealed: &[u8],
) -> Result<DataKey, VaultError> {
    open_sealed_key(
        unit_secret,
        sealed,
        &label(case_id, "case-key/unit", unit_id),
    )
}

/// Opens the case key as the reporter.
pub fn open_case_key_as_reporter(
    case_id: &str,
    reporter_key: &DataKey,
    sealed: &[u8],
) -> Result<DataKey, VaultError> {
    open_key(reporter_key, sealed, &label(case_id, "case-key", REPORTER))
}

/// Opens the identity key as the reporter.
pub fn open_identity_key_as_reporter(
    case_id: &str,
    reporter_key: &DataKey,
    sealed: &[u8],
) -> Result<DataKey, VaultError> {
    open_key(
        reporter_key,
        sealed,
        &label(case_id, "identity-key", REPORTER),
    )
}

/// Opens the identity key with the unit's intake key (before acceptance).
pub fn open_identity_key_as_intake(
    case_id: &str,
    unit_id: &str,
    intake_secret: &SecretKey,
    sealed: &[u8],
) -> Result<DataKey, VaultError> {
    open_sealed_key(
        intake_secret,
        sealed,
        &label(case_id, "identity-key/intake", unit_id),
    )
}

/// Opens one custodian's share — sealed whole at intake, or a bundle of parts
/// from a re-share ([`crate::reshare`]); k of them rebuild the identity key with
/// [`crate::shares::combine_shares`].
pub fn open_identity_share(
    case_id: &str,
    custodian_id: &str,
    custodian_secret: &SecretKey,
    sealed: &[u8],
) -> Result<IdentityShare, VaultError> {
    if crate::reshare::is_bundle(sealed) {
        return crate::reshare::open_bundle(case_id, custodian_id, custodian_secret, sealed);
    }
    open_share(
        custodian_secret,
        sealed,
        &label(case_id, "identity-share", custodian_id),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shares::combine_shares;
    use crate::symmetric::{open, seal};
    use secrecy::ExposeSecret;

    struct Unit {
        unit: SecretKey,
        intake: SecretKey,
        custodians: Vec<(String, SecretKey)>,
    }

    impl Unit {
        fn with_custodians(n: usize) -> Self {
            Self {
                unit: SecretKey::generate(),
                intake: SecretKey::generate(),
                custodians: (0..n)
                    .map(|i| (format!("custodian-{i}"), SecretKey::generate()))
                    .collect(),
            }
        }

        fn seal(
            &self,
            case_id: &str,
            keys: &CaseKeys,
            reporter: &DataKey,
            threshold: usize,
        ) -> SealedCaseKeys {
            let unit_public = self.unit.public_key();
            let intake_public = self.intake.public_key();
            let publics: Vec<(String, PublicKey)> = self
                .custodians
                .iter()
                .map(|(id, key)| (id.clone(), key.public_key()))
                .collect();
            let holders: Vec<Holder<'_>> = publics
                .iter()
                .map(|(id, key)| Holder {
                    id,
                    public_key: key,
                })
                .collect();
            seal_case(
                case_id,
                keys,
                &CaseRecipients {
                    unit: Holder {
                        id: "unit-1",
                        public_key: &unit_public,
                    },
                    intake: Holder {
                        id: "unit-1",
                        public_key: &intake_public,
                    },
                    custodians: &holders,
                    threshold,
                },
                reporter,
            )
            .unwrap()
        }
    }

    #[test]
    fn the_reporter_with_the_receipt_and_the_unit_open_the_case() {
        let secret = ServerSecret::generate();
        let issued = issue_receipt(&secret, KdfParams::for_tests()).unwrap();
        let unit = Unit::with_custodians(3);
        let keys = CaseKeys::generate();
        let sealed = unit.seal("case-1", &keys, &issued.reporter_key, DEFAULT_THRESHOLD);
        let report = seal(
            keys.case_key(),
            "Gói thầu số 7".as_bytes(),
            b"case-1/report",
        );

        // The reporter comes back with the receipt as shown.
        let typed = Receipt::parse(issued.receipt.grouped().expose_secret()).unwrap();
        assert_eq!(receipt_lookup(&secret, &typed), issued.lookup);
        let key = reporter_key_for(&typed, &issued.kdf).unwrap();
        let case_key =
            open_case_key_as_reporter("case-1", &key, &sealed.case_key_for_reporter).unwrap();
        assert_eq!(
            &open(&case_key, &report, b"case-1/report").unwrap()[..],
            "Gói thầu số 7".as_bytes()
        );
        let identity_key =
            open_identity_key_as_reporter("case-1", &key, &sealed.identity_key_for_reporter)
                .unwrap();
        assert!(identity_key == *keys.identity_key());

        let as_unit =
            open_case_key_as_unit("case-1", "unit-1", &unit.unit, &sealed.case_key_for_unit)
                .unwrap();
        assert!(as_unit == *keys.case_key());
    }

    #[test]
    fn the_unit_key_does_not_open_the_identity_but_the_intake_key_does() {
        let unit = Unit::with_custodians(3);
        let keys = CaseKeys::generate();
        let sealed = unit.seal("case-2", &keys, &DataKey::generate(), DEFAULT_THRESHOLD);
        let opened = open_identity_key_as_intake(
            "case-2",
            "unit-1",
            &unit.intake,
            &sealed.identity_key_for_intake,
        )
        .unwrap();
        assert!(opened == *keys.identity_key());
        assert_eq!(
            open_identity_key_as_intake(
                "case-2",
                "unit-1",
                &unit.unit,
                &sealed.identity_key_for_intake
            )
            .err(),
            Some(VaultError::DecryptionFailed)
        );
        // Nor does the intake key open the case key.
        assert!(
            open_case_key_as_unit("case-2", "unit-1", &unit.intake, &sealed.case_key_for_unit)
                .is_err()
        );
    }

    #[test]
    fn k_custodian_shares_open_the_identity_and_k_minus_one_do_not() {
        let unit = Unit::with_custodians(3);
        let keys = CaseKeys::generate();
        let sealed = unit.seal("case-3", &keys, &DataKey::generate(), DEFAULT_THRESHOLD);
        assert_eq!(sealed.threshold, 2);
        assert_eq!(sealed.shares.len(), 3);
        let opened: Vec<IdentityShare> = sealed
            .shares
            .iter()
            .zip(&unit.custodians)
            .map(|(share, (id, key))| {
                assert_eq!(&share.custodian_id, id);
                open_identity_share("case-3", id, key, &share.sealed).unwrap()
            })
            .collect();
        for pair in [[0, 1], [1, 2], [0, 2]] {
            let two: Vec<IdentityShare> = pair
                .iter()
                .map(|&i| IdentityShare::from_bytes(&opened[i].to_bytes()).unwrap())
                .collect();
            assert!(combine_shares(&two).unwrap() == *keys.identity_key());
        }
        let one = [IdentityShare::from_bytes(&opened[0].to_bytes()).unwrap()];
        assert!(combine_shares(&one).is_err());
        // A custodian cannot open another custodian's share.
        let (_, first) = &unit.custodians[0];
        assert!(
            open_identity_share("case-3", "custodian-1", first, &sealed.shares[1].sealed).is_err()
        );
    }

    #[test]
    fn few_custodians_lower_the_threshold_and_none_means_no_shares() {
        assert_eq!(effective_threshold(2, 3), 2);
        assert_eq!(effective_threshold(2, 1), 1);
        assert_eq!(effective_threshold(2, 0), 0);
        assert_eq!(effective_threshold(0, 3), 1);

        let keys = CaseKeys::generate();
        let lone = Unit::with_custodians(1);
        let sealed = lone.seal("case-4", &keys, &DataKey::generate(), DEFAULT_THRESHOLD);
        assert_eq!((sealed.threshold, sealed.shares.len()), (1, 1));
        let (id, key) = &lone.custodians[0];
        let share = open_identity_share("case-4", id, key, &sealed.shares[0].sealed).unwrap();
        assert!(combine_shares(&[share]).unwrap() == *keys.identity_key());

        let none = Unit::with_custodians(0);
        let sealed = none.seal("case-5", &keys, &DataKey::generate(), DEFAULT_THRESHOLD);
        assert_eq!((sealed.threshold, sealed.shares.len()), (0, 0));
    }

    #[test]
    fn nothing_opens_with_a_wrong_receipt_or_in_another_case() {
        let secret = ServerSecret::generate();
        let issued = issue_receipt(&secret, KdfParams::for_tests()).unwrap();
        let unit = Unit::with_custodians(2);
        let keys = CaseKeys::generate();
        let sealed = unit.seal("case-6", &keys, &issued.reporter_key, DEFAULT_THRESHOLD);

        let wrong = Receipt::generate();
        assert_ne!(receipt_lookup(&secret, &wrong), issued.lookup);
        let wrong_key = reporter_key_for(&wrong, &issued.kdf).unwrap();
        assert_eq!(
            open_case_key_as_reporter("case-6", &wrong_key, &sealed.case_key_for_reporter).err(),
            Some(VaultError::DecryptionFailed)
        );
        assert!(
            open_identity_key_as_reporter("case-6", &wrong_key, &sealed.identity_key_for_reporter)
                .is_err()
        );
        // The right key, but the seal moved to another case or relabelled.
        assert!(
            open_case_key_as_reporter(
                "case-7",
                &issued.reporter_key,
                &sealed.case_key_for_reporter
            )
            .is_err()
        );
        assert!(
            open_identity_key_as_reporter(
                "case-6",
                &issued.reporter_key,
                &sealed.case_key_for_reporter
            )
            .is_err()
        );
        assert!(
            open_case_key_as_unit("case-6", "unit-2", &unit.unit, &sealed.case_key_for_unit)
                .is_err()
        );
    }

    #[test]
    fn a_case_key_resealed_to_another_unit_opens_there() {
        let other = SecretKey::generate();
        let public = other.public_key();
        let case_key = DataKey::generate();
        let sealed = seal_case_key_to_unit(
            "case-8",
            &case_key,
            Holder {
                id: "unit-9",
                public_key: &public,
            },
        );
        assert!(open_case_key_as_unit("case-8", "unit-9", &other, &sealed).unwrap() == case_key);
    }
}
