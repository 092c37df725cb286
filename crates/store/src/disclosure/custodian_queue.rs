//! What a custodian sees: the requests they may decide on, decrypted with
//! their own key.

use chrono::{DateTime, Utc};
use khien_domain::accounts::Username;
use khien_domain::intake::TrackingNumber;
use khien_vault::sealed_box::SecretKey;
use sqlx::Row;

use super::DisclosureError;
use super::decisions::Decision;
use super::opening::{RequesterView, requester_view};
use super::request_key::open_request_key_for_listing;
use crate::accounts::UserId;
use crate::intake::{CaseId, IdentityRequestId};
use crate::{Store, StoreError};

/// The most requests one listing returns, newest first.
const LISTED: i64 = 200;

/// A request as one custodian sees it. No `Debug`.
pub struct CustodianQueueItem {
    /// The request, its text and decisions.
    pub request: RequesterView,
    /// The case.
    pub case_id: CaseId,
    /// Its public tracking number.
    pub tracking_number: TrackingNumber,
    /// Who asked.
    pub requester: Username,
    /// This custodian's own decision, if they made one.
    pub my_decision: Option<Decision>,
    /// Whether this custodian holds a live share of the case (needed to approve).
    pub holds_share: bool,
}

impl Store {
    /// The requests this custodian is party to (their key was sealed to them),
    /// newest first, other than their own.
    pub async fn identity_requests_for_custodian(
        &self,
        custodian: &UserId,
        custodian_key: &SecretKey,
        now: DateTime<Utc>,
    ) -> Result<Vec<CustodianQueueItem>, DisclosureError> {
        let mut connection = self.reader().acquire().await.map_err(StoreError::from)?;
        let rows = sqlx::query(
            "SELECT r.id, r.case_id, c.tracking_number, u.username, r.requester_role, \
             r.ciphertext, r.created_at, r.expires_at, r.approved_generation, r.refused_at, \
             i.share_threshold, i.share_generation, \
             (SELECT d.decision FROM identity_request_decisions d \
              WHERE d.request_id = r.id AND d.custodian_id = $1) AS my_decision, \
             (SELECT COUNT(*) FROM identity_seals s WHERE s.case_id = r.case_id \
              AND s.holder_kind = 'custodian' AND s.holder_id = $1 AND s.sealed IS NOT NULL) \
              AS holds_share \
             FROM identity_requests r \
             JOIN identity_request_key_seals k ON k.request_id = r.id AND k.holder_id = $1 \
             JOIN cases c ON c.id = r.case_id \
             JOIN users u ON u.id = r.requester_id \
             JOIN case_identities i ON i.case_id = r.case_id \
             WHERE r.requester_id <> $1 ORDER BY r.created_at DESC LIMIT $2",
        )
        .bind(custodian.as_str())
        .bind(LISTED)
        .fetch_all(&mut *connection)
        .await?;
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            let corrupt = |what: &str| StoreError::Corrupt(format!("identity request {what}"));
            let id = IdentityRequestId::from_column(row.try_get("id")?);
            let case_id = CaseId::from_column(row.try_get("case_id")?);
            let Some(key) =
                open_request_key_for_listing(&mut connection, &id, custodian, custodian_key)
                    .await?
            else {
                continue;
            };
            let my_decision: Option<String> = row.try_get("my_decision")?;
            items.push(CustodianQueueItem {
                request: requester_view(&mut connection, &case_id, &row, id, &key, now).await?,
                tracking_number: TrackingNumber::parse(
                    &row.try_get::<String, _>("tracking_number")?,
                )
                .ok_or_else(|| corrupt("tracking number"))?,
                requester: Username::parse(&row.try_get::<String, _>("username")?)
                    .map_err(|_| corrupt("requester"))?,
                my_decision: my_decision
                    .map(|text| Decision::parse(&text).ok_or_else(|| corrupt("decision")))
                    .transpose()?,
                holds_share: row.try_get::<i64, _>("holds_share")? > 0,
                case_id,
            });
        }
        Ok(items)
    }
}
