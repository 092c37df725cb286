//! A custodian approves or refuses a request.

use chrono::{DateTime, Utc};
use khien_domain::disclosure::CustodianReason;
use khien_vault::disclosure::{DisclosureRequest, reseal_share_for_requester};
use khien_vault::sealed_box::SecretKey;
use khien_vault::symmetric::seal;
use serde_json::json;
use sqlx::Row;

use super::request_key::open_request_key;
use super::{DisclosureError, labels};
use crate::accounts::UserId;
use crate::audit::AuditRecord;
use crate::intake::{CaseId, IdentityRequestId};
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Connection, Store, WriteTx};

/// A custodian's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Their share goes to the requester.
    Approve,
    /// The request is closed.
    Refuse,
}

impl Decision {
    /// The spelling in the database and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approve => "approved",
            Decision::Refuse => "refused",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Decision> {
        [Decision::Approve, Decision::Refuse]
            .into_iter()
            .find(|decision| decision.as_str() == text)
    }
}

/// One custodian deciding on one request, in their session.
pub struct CustodianDecision<'a> {
    /// The request.
    pub request_id: &'a IdentityRequestId,
    /// The custodian.
    pub custodian: &'a UserId,
    /// Their private key, from their session.
    pub custodian_key: &'a SecretKey,
    /// Approve or refuse.
    pub decision: Decision,
    /// Why (stored encrypted under the request's key).
    pub reason: &'a CustodianReason,
    /// Now.
    pub now: DateTime<Utc>,
}

/// Where the request stands after a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionOutcome {
    /// Approvals of the case's current share generation.
    pub approvals: usize,
    /// How many are needed.
    pub threshold: usize,
    /// Whether the request is now approved (this was the k-th approval).
    pub approved: bool,
}

impl Store {
    /// Records a custodian's decision, audited as `identity.request_approved`
    /// or `identity.request_refused` (ids and counts only). Approving re-seals
    /// the custodian's share to the requester; one refusal closes the request.
    ///
    /// A custodian decides only on requests whose key was sealed to them
    /// (otherwise [`DisclosureError::NotFound`]), once, never on their own,
    /// and only while the request is open and unexpired.
    pub async fn decide_identity_request(
        &self,
        decision: CustodianDecision<'_>,
    ) -> Result<DecisionOutcome, DisclosureError> {
        let CustodianDecision {
            request_id,
            custodian,
            custodian_key,
            decision,
            reason,
            now,
        } = decision;
        let stamp = format_timestamp(now);
        let mut tx = self.begin().await?;
        // Touching the row first takes its lock on PostgreSQL, so two custodians
        // deciding at once are counted one after the other.
        let touched =
            sqlx::query("UPDATE identity_requests SET last_decision_at = $2 WHERE id = $1")
                .bind(request_id.as_str())
                .bind(&stamp)
                .execute(tx.connection())
                .await?
                .rows_affected();
        if touched == 0 {
            return Err(DisclosureError::NotFound);
        }
        let case_id: String = sqlx::query("SELECT case_id FROM identity_requests WHERE id = $1")
            .bind(request_id.as_str())
            .fetch_one(tx.connection())
            .await?
            .try_get("case_id")?;
        // And the case's shares, so a re-share cannot complete between reading
        // the generation and reading this custodian's share.
        lock_case_shares(tx.connection(), &CaseId::from_column(case_id)).await?;
        let request = sqlx::query(
            "SELECT r.case_id, r.requester_id, r.requester_public_key, r.expires_at, \
             r.approved_at, r.refused_at, i.share_threshold, i.share_generation \
             FROM identity_requests r JOIN case_identities i ON i.case_id = r.case_id \
             WHERE r.id = $1",
        )
        .bind(request_id.as_str())
        .fetch_one(tx.connection())
        .await?;
        let request_key =
            open_request_key(tx.connection(), request_id, custodian, custodian_key).await?;
        let case_id = CaseId::from_column(request.try_get("case_id")?);
        let requester = UserId::from_column(request.try_get("requester_id")?);
        if &requester == custodian {
            return Err(DisclosureError::OwnRequest);
        }
        if request
            .try_get::<Option<String>, _>("approved_at")?
            .is_some()
            || request
                .try_get::<Option<String>, _>("refused_at")?
                .is_some()
        {
            return Err(DisclosureError::Closed);
        }
        if now >= parse_timestamp(&request.try_get::<String, _>("expires_at")?)? {
            return Err(DisclosureError::Expired);
        }
        let decided = sqlx::query(
            "SELECT decision FROM identity_request_decisions \
             WHERE request_id = $1 AND custodian_id = $2",
        )
        .bind(request_id.as_str())
        .bind(custodian.as_str())
        .fetch_optional(tx.connection())
        .await?;
        if decided.is_some() {
            return Err(DisclosureError::AlreadyDecided);
        }
        let threshold: i64 = request.try_get("share_threshold")?;
        let generation: i64 = request.try_get("share_generation")?;
        let reason_ciphertext = seal(
            &request_key,
            reason.as_str().as_bytes(),
            &labels::decision_reason(&case_id, request_id, custodian),
        );
        let resealed = match decision {
            Decision::Refuse => None,
            Decision::Approve => {
                let pinned: Vec<u8> = request.try_get("requester_public_key")?;
                check_requester_unchanged(tx.connection(), &requester, &pinned).await?;
                let own_share = live_share(tx.connection(), &case_id, custodian).await?;
                let requester_key = crate::accounts::public_key_from(
                    pinned,
                    "identity_requests.requester_public_key",
                )?;
                Some(reseal_share_for_requester(
                    &DisclosureRequest {
                        case_id: case_id.as_str(),
                        request_id: request_id.as_str(),
                        requester_id: requester.as_str(),
                    },
                    custodian.as_str(),
                    custodian_key,
                    &own_share,
                    &requester_key,
                )?)
            }
        };
        sqlx::query(
            "INSERT INTO identity_request_decisions (request_id, custodian_id, decision, \
             reason_ciphertext, share_generation, resealed_share, decided_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(request_id.as_str())
        .bind(custodian.as_str())
        .bind(decision.as_str())
        .bind(reason_ciphertext)
        .bind(generation)
        .bind(resealed.map(|share| share.sealed))
        .bind(&stamp)
        .execute(tx.connection())
        .await?;
        let approvals = approvals_in_generation(tx.connection(), request_id, generation).await?;
        let approved = decision == Decision::Approve && approvals >= threshold;
        match decision {
            Decision::Refuse => {
                sqlx::query("UPDATE identity_requests SET refused_at = $2 WHERE id = $1")
                    .bind(request_id.as_str())
                    .bind(&stamp)
                    .execute(tx.connection())
                    .await?;
            }
            Decision::Approve if approved => {
                sqlx::query(
                    "UPDATE identity_requests SET approved_at = $2, approved_generation = $3 \
                     WHERE id = $1",
                )
                .bind(request_id.as_str())
                .bind(&stamp)
                .bind(generation)
                .execute(tx.connection())
                .await?;
            }
            Decision::Approve => {}
        }
        audit_decision(
            &mut tx, custodian, &case_id, request_id, decision, approvals, threshold,
        )
        .await?;
        tx.commit().await?;
        Ok(DecisionOutcome {
            approvals: usize::try_from(approvals).unwrap_or(0),
            threshold: usize::try_from(threshold).unwrap_or(0),
            approved,
        })
    }
}

async fn audit_decision(
    tx: &mut WriteTx,
    custodian: &UserId,
    case_id: &CaseId,
    request_id: &IdentityRequestId,
    decision: Decision,
    approvals: i64,
    threshold: i64,
) -> Result<(), DisclosureError> {
    tx.audit(AuditRecord {
        actor: &format!("user:{custodian}"),
        action: match decision {
            Decision::Approve => "identity.request_approved",
            Decision::Refuse => "identity.request_refused",
        },
        object: &format!("case:{case_id}"),
        details: json!({
            "request": request_id.as_str(),
            "approvals": approvals,
            "threshold": threshold,
        }),
    })
    .await?;
    Ok(())
}

/// Refuses to re-seal to a requester whose key pair was replaced, or whose
/// account was disabled, since they asked: the share would go to a key they no
/// longer hold, or to someone no longer entitled.
async fn check_requester_unchanged(
    connection: &mut Connection,
    requester: &UserId,
    pinned: &[u8],
) -> Result<(), DisclosureError> {
    let row = sqlx::query("SELECT public_key, disabled_at FROM users WHERE id = $1")
        .bind(requester.as_str())
        .fetch_optional(&mut *connection)
        .await?
        .ok_or(DisclosureError::RequesterChanged)?;
    let current: Vec<u8> = row.try_get("public_key")?;
    let disabled: Option<String> = row.try_get("disabled_at")?;
    if current != pinned || disabled.is_some() {
        return Err(DisclosureError::RequesterChanged);
    }
    Ok(())
}

/// Takes the lock on a case's share row (on PostgreSQL; SQLite has one writer):
/// decisions and re-shares of one case then run one after the other.
pub(crate) async fn lock_case_shares(
    connection: &mut Connection,
    case_id: &CaseId,
) -> Result<(), DisclosureError> {
    sqlx::query(
        "UPDATE case_identities SET share_generation = share_generation WHERE case_id = $1",
    )
    .bind(case_id.as_str())
    .execute(&mut *connection)
    .await?;
    Ok(())
}

/// A custodian's live share of a case, as stored (sealed to them).
pub(crate) async fn live_share(
    connection: &mut Connection,
    case_id: &CaseId,
    custodian: &UserId,
) -> Result<Vec<u8>, DisclosureError> {
    sqlx::query(
        "SELECT sealed FROM identity_seals WHERE case_id = $1 AND holder_kind = 'custodian' \
         AND holder_id = $2 AND sealed IS NOT NULL",
    )
    .bind(case_id.as_str())
    .bind(custodian.as_str())
    .fetch_optional(&mut *connection)
    .await?
    .ok_or(DisclosureError::NoShare)?
    .try_get::<Vec<u8>, _>("sealed")
    .map_err(DisclosureError::from)
}

/// How many custodians approved a request with shares of `generation`.
pub(crate) async fn approvals_in_generation(
    connection: &mut Connection,
    request_id: &IdentityRequestId,
    generation: i64,
) -> Result<i64, DisclosureError> {
    Ok(sqlx::query(
        "SELECT COUNT(*) AS n FROM identity_request_decisions \
         WHERE request_id = $1 AND decision = 'approved' AND share_generation = $2",
    )
    .bind(request_id.as_str())
    .bind(generation)
    .fetch_one(&mut *connection)
    .await?
    .try_get("n")?)
}
