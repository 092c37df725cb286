//! Submitting a report: everything in one transaction, files included.
//!
//! The caller shows the receipt only after [`Store::submit_report`] returns
//! `Ok`: by then the rows are committed (SQLite `synchronous = FULL`) and every
//! blob they reference is fsynced in place.

use chrono::{DateTime, Datelike, Utc};
use khien_domain::accounts::Role;
use khien_domain::intake::{
    AttachmentError, AttachmentLimits, FieldErrors, NewReport, TrackingNumber,
};
use khien_vault::case_keys::{CaseRecipients, Holder, IssuedReceipt, SealedCaseKeys, seal_case};
use khien_vault::random::random_bytes;
use khien_vault::sealed_box::PublicKey;
use khien_vault::symmetric::seal;
use serde_json::json;
use sqlx::Row;
use zeroize::Zeroizing;

use super::coarse_time::to_the_hour;
use super::{Author, CaseId, IntakeError, PendingCase, case_labels};
use crate::accounts::{UnitId, UnitKeyKind, UserId};
use crate::audit::AuditRecord;
use crate::blobs::{BlobStore, PromotedBlobs, StagedBlob};
use crate::conflict_of_interest::{BlindIndex, insert_accused_indexes};
use crate::outcomes::{NewRetaliationLink, insert_retaliation_link};
use crate::timestamp::format_timestamp;
use crate::{Store, StoreError, WriteTx};

/// Everything a new case is made of.
pub struct Submission<'a> {
    /// The id and keys made before the upload ([`PendingCase::new`]).
    pub pending: PendingCase,
    /// The checked report.
    pub report: &'a NewReport,
    /// The receipt issued for it (`khien_vault::case_keys::issue_receipt`, on
    /// the blocking pool).
    pub receipt: &'a IssuedReceipt,
    /// Its files, encrypted under `pending.case_key()`.
    pub attachments: Vec<StagedBlob>,
    /// The reporter (web) or the intake officer (hotline, letter, in person).
    pub author: Author,
    /// How many files are allowed.
    pub limits: AttachmentLimits,
    /// Now. A reporter's own submission is stored rounded down to the hour.
    pub now: DateTime<Utc>,
    /// The blind index of each accused person's name with their organisation
    /// (`khien_vault::blind_index`), for conflict-of-interest checks and
    /// linked reports ([`crate::conflict_of_interest`]). Repeats are stored once.
    pub accused_indexes: Vec<BlindIndex>,
}

/// What the reporter (or the officer reading it to them) is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmittedCase {
    /// The new case.
    pub case_id: CaseId,
    /// Its public tracking number.
    pub tracking_number: TrackingNumber,
    /// The unit it went to.
    pub unit_id: UnitId,
}

impl Store {
    /// Stores a new case with its files, in one transaction with its audit
    /// entry (`case.received`). On any error nothing is stored and the staged
    /// files are removed.
    pub async fn submit_report(
        &self,
        submission: Submission<'_>,
        blobs: &BlobStore,
    ) -> Result<SubmittedCase, IntakeError> {
        self.submit_with_link(submission, blobs, None).await
    }

    /// [`Store::submit_report`], with a retaliation case's link written in the
    /// same transaction ([`Store::submit_retaliation_case`]).
    pub(crate) async fn submit_with_link(
        &self,
        submission: Submission<'_>,
        blobs: &BlobStore,
        link: Option<&NewRetaliationLink>,
    ) -> Result<SubmittedCase, IntakeError> {
        let Submission {
            pending,
            report,
            receipt,
            attachments,
            author,
            limits,
            now,
            accused_indexes,
        } = submission;
        check_files(&pending.id, &attachments, &limits)?;
        if report.channel().is_staff() != matches!(author, Author::Staff(_)) {
            return Err(IntakeError::Invalid(FieldErrors::single(
                "channel",
                "Cổng thông tin chỉ dành cho người phản ánh; cán bộ ghi nhận qua đường dây nóng, đơn thư hoặc tiếp công dân.",
                "The web channel is the reporter's own; staff record hotline, letter or in-person reports.",
            )));
        }
        let unit_id = self.resolve_intake_unit(report.unit()).await?;
        let unit_key = self.required_unit_key(&unit_id, UnitKeyKind::Unit).await?;
        let intake_key = self
            .required_unit_key(&unit_id, UnitKeyKind::Intake)
            .await?;
        let custodians = self.unit_custodians(&unit_id).await?;
        let threshold_wanted = self
            .wanted_identity_threshold(&unit_id, custodians.len())
            .await?;
        let holders: Vec<Holder<'_>> = custodians
            .iter()
            .map(|(id, key)| Holder {
                id: id.as_str(),
                public_key: key,
            })
            .collect();
        let case_id = &pending.id;
        let sealed = seal_case(
            case_id.as_str(),
            &pending.keys,
            &CaseRecipients {
                unit: Holder {
                    id: unit_id.as_str(),
                    public_key: &unit_key,
                },
                intake: Holder {
                    id: unit_id.as_str(),
                    public_key: &intake_key,
                },
                custodians: &holders,
                threshold: threshold_wanted,
            },
            &receipt.reporter_key,
        )?;
        let report_json = Zeroizing::new(
            serde_json::to_vec(report.content()).expect("a report serialises to JSON"),
        );
        let report_ciphertext = seal(
            pending.case_key(),
            &report_json,
            &case_labels::report(case_id),
        );
        let identity_ciphertext = report.reporters().map(|reporters| {
            let json = Zeroizing::new(
                serde_json::to_vec(reporters).expect("an identity serialises to JSON"),
            );
            seal(
                pending.keys.identity_key(),
                &json,
                &case_labels::identity(case_id),
            )
        });
        let received_at = match author {
            Author::Reporter => to_the_hour(now),
            Author::Staff(_) => now,
        };
        let stamp = format_timestamp(received_at);

        let mut tx = self.begin().await?;
        let tracking_number = unused_tracking_number(&mut tx, report.received_on().year()).await?;
        sqlx::query(
            "INSERT INTO cases (id, tracking_number, unit_id, kind, channel, anonymous, \
             wants_protection, received_on, received_at, receipt_lookup, reporter_kdf, \
             report_ciphertext, created_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(case_id.as_str())
        .bind(tracking_number.as_str())
        .bind(unit_id.as_str())
        .bind(report.kind().as_str())
        .bind(report.channel().as_str())
        .bind(i64::from(
            report.is_anonymous() && !link.is_some_and(|link| link.denouncer_named),
        ))
        .bind(i64::from(report.wants_protection()))
        .bind(report.received_on().format("%Y-%m-%d").to_string())
        .bind(&stamp)
        .bind(receipt.lookup.to_vec())
        .bind(receipt.kdf.to_bytes().to_vec())
        .bind(report_ciphertext)
        .bind(author.user_id().map(str::to_owned))
        .execute(tx.connection())
        .await?;
        if let Some(link) = link {
            insert_retaliation_link(&mut tx, &author.audit_actor(), case_id, link, &stamp).await?;
        }
        insert_case_key_seal(
            &mut tx,
            case_id,
            "unit",
            unit_id.as_str(),
            &sealed.case_key_for_unit,
            &stamp,
        )
        .await?;
        insert_case_key_seal(
            &mut tx,
            case_id,
            "reporter",
            "reporter",
            &sealed.case_key_for_reporter,
            &stamp,
        )
        .await?;
        if let Some(ciphertext) = identity_ciphertext {
            insert_identity(
                &mut tx,
                case_id,
                &unit_id,
                ciphertext,
                &sealed,
                &IdentityHolders {
                    custodians: &custodians,
                    threshold_wanted,
                },
                &stamp,
            )
            .await?;
        }
        for blob in &attachments {
            insert_attachment(&mut tx, blob, None, &author, &stamp).await?;
        }
        insert_accused_indexes(&mut tx, case_id, &accused_indexes).await?;
        tx.audit(AuditRecord {
            actor: &author.audit_actor(),
            action: "case.received",
            object: &format!("case:{case_id}"),
            details: json!({
                "unit": unit_id.as_str(),
                "kind": report.kind().as_str(),
                "channel": report.channel().as_str(),
                "attachments": attachments.len(),
                "identity_shares": if report.is_anonymous() { 0 } else { sealed.shares.len() },
                // k as sealed, and as the unit wanted it: they differ when the
                // unit had fewer custodians than its k.
                "identity_threshold": if report.is_anonymous() { 0 } else { sealed.threshold },
                "identity_threshold_wanted": threshold_wanted,
            }),
        })
        .await?;
        commit_with_blobs(self, tx, blobs, attachments).await?;
        Ok(SubmittedCase {
            case_id: case_id.clone(),
            tracking_number,
            unit_id,
        })
    }

    async fn required_unit_key(
        &self,
        unit: &UnitId,
        kind: UnitKeyKind,
    ) -> Result<PublicKey, IntakeError> {
        self.unit_public_key(unit, kind)
            .await?
            .ok_or_else(|| IntakeError::UnitHasNoKey {
                unit: unit.clone(),
                kind: kind.as_str(),
            })
    }

    /// The unit's enabled custodians with their public keys, in a stable order.
    pub(crate) async fn unit_custodians(
        &self,
        unit: &UnitId,
    ) -> Result<Vec<(UserId, PublicKey)>, StoreError> {
        sqlx::query(
            "SELECT u.id, u.public_key FROM users u JOIN user_roles r ON r.user_id = u.id \
             WHERE u.unit_id = $1 AND r.role = $2 AND u.disabled_at IS NULL ORDER BY u.id",
        )
        .bind(unit.as_str())
        .bind(Role::Custodian.as_str())
        .fetch_all(self.reader())
        .await?
        .into_iter()
        .take(khien_vault::shares::MAX_SHARES)
        .map(|row| {
            let bytes: Vec<u8> = row.try_get("public_key")?;
            let bytes: [u8; 32] = bytes
                .try_into()
                .map_err(|_| StoreError::Corrupt("users.public_key is not 32 bytes".into()))?;
            let key = PublicKey::from_bytes(&bytes)
                .map_err(|_| StoreError::Corrupt("users.public_key".into()))?;
            Ok((UserId::from_column(row.try_get("id")?), key))
        })
        .collect()
    }
}

/// Refuses too many files, and files staged for another case, before any I/O.
pub(crate) fn check_files(
    case_id: &CaseId,
    attachments: &[StagedBlob],
    limits: &AttachmentLimits,
) -> Result<(), IntakeError> {
    if attachments.len() > limits.max_files {
        let error = AttachmentError::TooMany {
            max: limits.max_files,
        };
        return Err(IntakeError::Invalid(FieldErrors::single(
            "files",
            error.message_vi(),
            error.message_en(),
        )));
    }
    if attachments.iter().any(|blob| &blob.case_id != case_id) {
        return Err(IntakeError::ForeignAttachment);
    }
    Ok(())
}

/// Moves the files into place, then commits. If the commit fails, the files
/// no committed row references are removed (see [`crate::blobs`]).
pub(crate) async fn commit_with_blobs(
    store: &Store,
    tx: WriteTx,
    blobs: &BlobStore,
    attachments: Vec<StagedBlob>,
) -> Result<(), IntakeError> {
    let promoted = PromotedBlobs::promote(blobs, attachments).await?;
    let promoted = promoted.commit_attempted();
    if let Err(error) = tx.commit().await {
        PromotedBlobs::remove_unreferenced(store, promoted).await;
        return Err(error.into());
    }
    Ok(())
}

/// 40 random bits make a collision rare but not impossible over years of
/// cases; drawing again inside the transaction makes it harmless.
async fn unused_tracking_number(tx: &mut WriteTx, year: i32) -> Result<TrackingNumber, StoreError> {
    loop {
        let candidate = TrackingNumber::new(year, random_bytes::<5>());
        let taken = sqlx::query("SELECT id FROM cases WHERE tracking_number = $1")
            .bind(candidate.as_str())
            .fetch_optional(tx.connection())
            .await?
            .is_some();
        if !taken {
            return Ok(candidate);
        }
    }
}

async fn insert_case_key_seal(
    tx: &mut WriteTx,
    case_id: &CaseId,
    holder_kind: &str,
    holder_id: &str,
    sealed: &[u8],
    stamp: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO case_key_seals (case_id, holder_kind, holder_id, sealed, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(case_id.as_str())
    .bind(holder_kind)
    .bind(holder_id)
    .bind(sealed.to_vec())
    .bind(stamp)
    .execute(tx.connection())
    .await?;
    Ok(())
}

/// Who a new case's identity shares went to, and the k the unit wanted.
struct IdentityHolders<'a> {
    custodians: &'a [(UserId, PublicKey)],
    threshold_wanted: usize,
}

/// One `identity_seals` row: a holder of the identity key (or of a share).
struct IdentitySeal<'a> {
    kind: &'static str,
    holder: &'a str,
    share_id: Option<i64>,
    sealed: &'a [u8],
    /// The custodian's public key the share was sealed to.
    sealed_to: Option<Vec<u8>>,
}

async fn insert_identity(
    tx: &mut WriteTx,
    case_id: &CaseId,
    unit_id: &UnitId,
    ciphertext: Vec<u8>,
    sealed: &SealedCaseKeys,
    holders: &IdentityHolders<'_>,
    stamp: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO case_identities (case_id, ciphertext, share_threshold, share_count, \
         threshold_wanted) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(case_id.as_str())
    .bind(ciphertext)
    .bind(i64::from(sealed.threshold))
    .bind(sealed.shares.len() as i64)
    .bind(i64::try_from(holders.threshold_wanted).unwrap_or(i64::MAX))
    .execute(tx.connection())
    .await?;
    let mut seals = vec![
        IdentitySeal {
            kind: "reporter",
            holder: "reporter",
            share_id: None,
            sealed: &sealed.identity_key_for_reporter,
            sealed_to: None,
        },
        IdentitySeal {
            kind: "intake",
            holder: unit_id.as_str(),
            share_id: None,
            sealed: &sealed.identity_key_for_intake,
            sealed_to: None,
        },
    ];
    for share in &sealed.shares {
        seals.push(IdentitySeal {
            kind: "custodian",
            holder: &share.custodian_id,
            share_id: Some(i64::from(share.share_id)),
            sealed: &share.sealed,
            sealed_to: holders
                .custodians
                .iter()
                .find(|(id, _)| id.as_str() == share.custodian_id)
                .map(|(_, key)| key.to_bytes().to_vec()),
        });
    }
    for seal in seals {
        sqlx::query(
            "INSERT INTO identity_seals (case_id, holder_kind, holder_id, share_id, sealed, \
             sealed_to, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(case_id.as_str())
        .bind(seal.kind)
        .bind(seal.holder)
        .bind(seal.share_id)
        .bind(seal.sealed.to_vec())
        .bind(seal.sealed_to)
        .bind(stamp)
        .execute(tx.connection())
        .await?;
    }
    Ok(())
}

/// One `attachments` row for a staged blob.
pub(crate) async fn insert_attachment(
    tx: &mut WriteTx,
    blob: &StagedBlob,
    message_id: Option<&str>,
    author: &Author,
    stamp: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO attachments (id, case_id, message_id, blob_id, size, meta_ciphertext, \
         author_kind, author_user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(blob.attachment_id.as_str())
    .bind(blob.case_id.as_str())
    .bind(message_id.map(str::to_owned))
    .bind(&blob.blob_id)
    .bind(i64::try_from(blob.size).unwrap_or(i64::MAX))
    .bind(blob.meta_ciphertext.clone())
    .bind(author.kind())
    .bind(author.user_id().map(str::to_owned))
    .bind(stamp)
    .execute(tx.connection())
    .await?;
    Ok(())
}
