//! The requester's side: their requests for a case, and opening the identity
//! once k custodians agreed.

use chrono::{DateTime, Utc};
use khien_domain::accounts::{Role, Username};
use khien_domain::disclosure::IdentityRequestText;
use khien_domain::intake::ReporterIdentities;
use khien_vault::disclosure::{Approval, DisclosureRequest, open_disclosed_identity_key};
use khien_vault::sealed_box::SecretKey;
use khien_vault::symmetric::{DataKey, open};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::decisions::{Decision, approvals_in_generation};
use super::request_key::open_request_key_for_listing;
use super::{DisclosureError, RequestStatus, labels};
use crate::accounts::UserId;
use crate::audit::AuditRecord;
use crate::intake::{CaseId, IdentityRequestId, open_identity_document};
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Connection, Store, StoreError};

/// One custodian's decision as the requester (or another custodian) sees it.
pub struct DecisionView {
    /// The custodian's username.
    pub custodian: Username,
    /// What they decided.
    pub decision: Decision,
    /// Why.
    pub reason: String,
    /// When.
    pub decided_at: DateTime<Utc>,
}

/// One of a requester's requests, decrypted. No `Debug`.
pub struct RequesterView {
    /// The request.
    pub id: IdentityRequestId,
    /// What they wrote.
    pub text: IdentityRequestText,
    /// The role they asked in.
    pub role: Role,
    /// Where it stands.
    pub status: RequestStatus,
    /// Approvals of the case's current share generation (or of the approved one).
    pub approvals: usize,
    /// How many are needed.
    pub threshold: usize,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// When it expires.
    pub expires_at: DateTime<Utc>,
    /// The custodians' decisions so far.
    pub decisions: Vec<DecisionView>,
}

/// An identity opened for its requester. No `Debug`.
pub struct DisclosedIdentity {
    /// The approved request that opened it.
    pub request_id: IdentityRequestId,
    /// Who made the report.
    pub identities: ReporterIdentities,
}

impl Store {
    /// The requests this user made for this case, newest first, decrypted with
    /// their private key.
    pub async fn identity_requests_of_requester(
        &self,
        case_id: &CaseId,
        requester: &UserId,
        requester_key: &SecretKey,
        now: DateTime<Utc>,
    ) -> Result<Vec<RequesterView>, DisclosureError> {
        let mut connection = self.reader().acquire().await.map_err(StoreError::from)?;
        let rows = sqlx::query(
            "SELECT r.id, r.requester_role, r.ciphertext, r.created_at, r.expires_at, \
             r.approved_at, r.approved_generation, r.refused_at, i.share_threshold, \
             i.share_generation FROM identity_requests r \
             JOIN case_identities i ON i.case_id = r.case_id \
             WHERE r.case_id = $1 AND r.requester_id = $2 ORDER BY r.created_at DESC",
        )
        .bind(case_id.as_str())
        .bind(requester.as_str())
        .fetch_all(&mut *connection)
        .await?;
        let mut views = Vec::with_capacity(rows.len());
        for row in rows {
            let id = IdentityRequestId::from_column(row.try_get("id")?);
            let Some(key) =
                open_request_key_for_listing(&mut connection, &id, requester, requester_key)
                    .await?
            else {
                continue;
            };
            views.push(requester_view(&mut connection, case_id, &row, id, &key, now).await?);
        }
        Ok(views)
    }

    /// Opens the case's identity for a requester whose request k custodians
    /// approved and which has not expired: their private key opens the re-sealed
    /// shares, which rebuild the identity key. Audited as `case.identity_read`
    /// (`as: requester`, the request id). Anyone else, or before approval, or
    /// after expiry: [`DisclosureError::NotApproved`]; a requester whose key
    /// pair was replaced since: [`DisclosureError::RequesterChanged`].
    pub async fn open_disclosed_identity(
        &self,
        case_id: &CaseId,
        requester: &UserId,
        requester_key: &SecretKey,
        now: DateTime<Utc>,
    ) -> Result<DisclosedIdentity, DisclosureError> {
        let stamp = format_timestamp(now);
        let request = sqlx::query(
            "SELECT id, approved_generation, requester_public_key FROM identity_requests \
             WHERE case_id = $1 AND requester_id = $2 AND approved_at IS NOT NULL \
             AND refused_at IS NULL AND expires_at > $3 ORDER BY approved_at DESC LIMIT 1",
        )
        .bind(case_id.as_str())
        .bind(requester.as_str())
        .bind(&stamp)
        .fetch_optional(self.reader())
        .await?
        .ok_or(DisclosureError::NotApproved)?;
        let request_id = IdentityRequestId::from_column(request.try_get("id")?);
        let generation: i64 = request.try_get("approved_generation")?;
        // The shares were sealed to the key pair the requester had when asking.
        let pinned: Vec<u8> = request.try_get("requester_public_key")?;
        if pinned != requester_key.public_key().to_bytes() {
            return Err(DisclosureError::RequesterChanged);
        }
        let approvals = sqlx::query(
            "SELECT custodian_id, resealed_share FROM identity_request_decisions \
             WHERE request_id = $1 AND decision = 'approved' AND share_generation = $2 \
             ORDER BY custodian_id",
        )
        .bind(request_id.as_str())
        .bind(generation)
        .fetch_all(self.reader())
        .await?
        .into_iter()
        .map(|row| Ok((row.try_get("custodian_id")?, row.try_get("resealed_share")?)))
        .collect::<Result<Vec<(String, Vec<u8>)>, sqlx::Error>>()?;
        let identity_key = open_disclosed_identity_key(
            &DisclosureRequest {
                case_id: case_id.as_str(),
                request_id: request_id.as_str(),
                requester_id: requester.as_str(),
            },
            requester_key,
            &approvals
                .iter()
                .map(|(custodian_id, sealed)| Approval {
                    custodian_id,
                    sealed,
                })
                .collect::<Vec<_>>(),
        )?;
        let ciphertext: Vec<u8> =
            sqlx::query("SELECT ciphertext FROM case_identities WHERE case_id = $1")
                .bind(case_id.as_str())
                .fetch_one(self.reader())
                .await?
                .try_get("ciphertext")?;
        let identities = open_identity_document(case_id, &identity_key, &ciphertext)?;
        let mut tx = self.begin().await?;
        sqlx::query(
            "UPDATE identity_requests SET first_opened_at = $2 \
             WHERE id = $1 AND first_opened_at IS NULL",
        )
        .bind(request_id.as_str())
        .bind(&stamp)
        .execute(tx.connection())
        .await?;
        tx.audit(AuditRecord {
            actor: &format!("user:{requester}"),
            action: "case.identity_read",
            object: &format!("case:{case_id}"),
            details: json!({ "as": "requester", "request": request_id.as_str() }),
        })
        .await?;
        tx.commit().await?;
        Ok(DisclosedIdentity {
            request_id,
            identities,
        })
    }
}

/// Decrypts one request row (with its key) into what its parties see.
pub(crate) async fn requester_view(
    connection: &mut Connection,
    case_id: &CaseId,
    row: &AnyRow,
    id: IdentityRequestId,
    key: &DataKey,
    now: DateTime<Utc>,
) -> Result<RequesterView, DisclosureError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("identity_requests.{what}"));
    let ciphertext: Vec<u8> = row.try_get("ciphertext")?;
    let text: IdentityRequestText = serde_json::from_slice(&open(
        key,
        &ciphertext,
        &labels::request_text(case_id, &id),
    )?)
    .map_err(|_| corrupt("ciphertext"))?;
    let role: String = row.try_get("requester_role")?;
    let approved_generation: Option<i64> = row.try_get("approved_generation")?;
    let generation = match approved_generation {
        Some(generation) => generation,
        None => row.try_get("share_generation")?,
    };
    let expires_at = parse_timestamp(&row.try_get::<String, _>("expires_at")?)?;
    let approvals = approvals_in_generation(&mut *connection, &id, generation).await?;
    let threshold: i64 = row.try_get("share_threshold")?;
    Ok(RequesterView {
        decisions: decisions(&mut *connection, case_id, &id, key).await?,
        status: RequestStatus::at(
            now,
            expires_at,
            approved_generation.is_some(),
            row.try_get::<Option<String>, _>("refused_at")?.is_some(),
        ),
        role: role.parse().map_err(|_| corrupt("requester_role"))?,
        approvals: usize::try_from(approvals).unwrap_or(0),
        threshold: usize::try_from(threshold).unwrap_or(0),
        created_at: parse_timestamp(&row.try_get::<String, _>("created_at")?)?,
        expires_at,
        text,
        id,
    })
}

async fn decisions(
    connection: &mut Connection,
    case_id: &CaseId,
    request_id: &IdentityRequestId,
    key: &DataKey,
) -> Result<Vec<DecisionView>, DisclosureError> {
    let rows = sqlx::query(
        "SELECT d.custodian_id, u.username, d.decision, d.reason_ciphertext, d.decided_at \
         FROM identity_request_decisions d JOIN users u ON u.id = d.custodian_id \
         WHERE d.request_id = $1 ORDER BY d.decided_at, d.custodian_id",
    )
    .bind(request_id.as_str())
    .fetch_all(&mut *connection)
    .await?;
    rows.iter()
        .map(|row| {
            let corrupt = |what: &str| {
                DisclosureError::Store(StoreError::Corrupt(format!(
                    "identity_request_decisions.{what}"
                )))
            };
            let custodian = UserId::from_column(row.try_get("custodian_id")?);
            let reason = open(
                key,
                &row.try_get::<Vec<u8>, _>("reason_ciphertext")?,
                &labels::decision_reason(case_id, request_id, &custodian),
            )?;
            Ok(DecisionView {
                custodian: Username::parse(&row.try_get::<String, _>("username")?)
                    .map_err(|_| corrupt("username"))?,
                decision: Decision::parse(&row.try_get::<String, _>("decision")?)
                    .ok_or_else(|| corrupt("decision"))?,
                reason: String::from_utf8(reason.to_vec()).map_err(|_| corrupt("reason"))?,
                decided_at: parse_timestamp(&row.try_get::<String, _>("decided_at")?)?,
            })
        })
        .collect()
}
