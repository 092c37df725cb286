//! Asking to see a reporter's identity.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use khien_domain::accounts::Role;
use khien_domain::disclosure::IdentityRequestText;
use khien_vault::sealed_box::PublicKey;
use khien_vault::symmetric::{DataKey, seal};
use serde_json::json;
use sqlx::Row;
use zeroize::Zeroizing;

use super::request_key::seal_request_key;
use super::{DisclosureError, labels};
use crate::accounts::{UserId, public_key_from};
use crate::audit::AuditRecord;
use crate::intake::{CaseId, IdentityRequestId};
use crate::timestamp::format_timestamp;
use crate::{Store, StoreError};

/// The roles that may ask, in the order one is chosen when a user holds several.
pub const REQUESTER_ROLES: [Role; 3] = [Role::Head, Role::Protection, Role::Handler];

/// A request to see a case's reporter.
pub struct NewIdentityRequest<'a> {
    /// The case.
    pub case_id: &'a CaseId,
    /// Who asks: a member of the handling unit.
    pub requester: &'a UserId,
    /// What they wrote.
    pub text: &'a IdentityRequestText,
    /// Now.
    pub now: DateTime<Utc>,
    /// How long the request stays usable.
    pub lifetime: Duration,
}

impl Store {
    /// Records a request, audited as `identity.requested` (ids and the legal
    /// reason's code only). The requester must hold a role of
    /// [`REQUESTER_ROLES`] in the case's unit; an anonymous case is
    /// [`DisclosureError::Anonymous`], a case sealed to no custodian
    /// [`DisclosureError::NoShares`].
    pub async fn request_identity(
        &self,
        request: NewIdentityRequest<'_>,
    ) -> Result<IdentityRequestId, DisclosureError> {
        let requester = self
            .user_by_id(request.requester)
            .await?
            .filter(|user| !user.disabled)
            .ok_or(DisclosureError::NotPermitted)?;
        let role = REQUESTER_ROLES
            .into_iter()
            .find(|role| requester.has_role(*role))
            .ok_or(DisclosureError::NotPermitted)?;
        let case = sqlx::query(
            "SELECT c.unit_id, i.share_count FROM cases c \
             LEFT JOIN case_identities i ON i.case_id = c.id WHERE c.id = $1",
        )
        .bind(request.case_id.as_str())
        .fetch_optional(self.reader())
        .await?
        .ok_or(DisclosureError::NotFound)?;
        let unit_id: String = case.try_get("unit_id")?;
        if unit_id != requester.unit_id.as_str() {
            return Err(DisclosureError::NotFound);
        }
        match case.try_get::<Option<i64>, _>("share_count")? {
            None => return Err(DisclosureError::Anonymous),
            Some(0) => return Err(DisclosureError::NoShares),
            Some(_) => {}
        }
        // The request key goes to the requester and to every custodian who may
        // decide: the unit's custodians and whoever holds a live share.
        let mut holders: BTreeMap<UserId, PublicKey> = self
            .unit_custodians(&requester.unit_id)
            .await?
            .into_iter()
            .collect();
        holders.extend(self.live_share_holders(request.case_id).await?);
        holders.insert(requester.id.clone(), requester.public_key);

        let id = IdentityRequestId::new();
        let key = DataKey::generate();
        let text = Zeroizing::new(
            serde_json::to_vec(request.text)
                .map_err(|_| StoreError::Corrupt("identity request document".into()))?,
        );
        let ciphertext = seal(&key, &text, &labels::request_text(request.case_id, &id));
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO identity_requests (id, case_id, unit_id, requester_id, requester_role, \
             requester_public_key, legal_reason, ciphertext, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id.as_str())
        .bind(request.case_id.as_str())
        .bind(&unit_id)
        .bind(requester.id.as_str())
        .bind(role.as_str())
        .bind(requester.public_key.to_bytes().to_vec())
        .bind(request.text.legal_reason.as_str())
        .bind(ciphertext)
        .bind(format_timestamp(request.now))
        .bind(format_timestamp(request.now + request.lifetime))
        .execute(tx.connection())
        .await?;
        for (holder, public_key) in &holders {
            sqlx::query(
                "INSERT INTO identity_request_key_seals (request_id, holder_id, sealed) \
                 VALUES ($1, $2, $3)",
            )
            .bind(id.as_str())
            .bind(holder.as_str())
            .bind(seal_request_key(&id, holder, public_key, &key))
            .execute(tx.connection())
            .await?;
        }
        tx.audit(AuditRecord {
            actor: &format!("user:{}", requester.id),
            action: "identity.requested",
            object: &format!("case:{}", request.case_id),
            details: json!({
                "request": id.as_str(),
                "legal_reason": request.text.legal_reason.as_str(),
                "role": role.as_str(),
            }),
        })
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The custodians who hold a live share of a case, with their current
    /// (enabled) public keys.
    pub(crate) async fn live_share_holders(
        &self,
        case_id: &CaseId,
    ) -> Result<Vec<(UserId, PublicKey)>, StoreError> {
        sqlx::query(
            "SELECT u.id, u.public_key FROM identity_seals s JOIN users u ON u.id = s.holder_id \
             WHERE s.case_id = $1 AND s.holder_kind = 'custodian' AND s.sealed IS NOT NULL \
             AND u.disabled_at IS NULL ORDER BY u.id",
        )
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?
        .into_iter()
        .map(|row| {
            Ok((
                UserId::from_column(row.try_get("id")?),
                public_key_from(row.try_get("public_key")?, "users.public_key")?,
            ))
        })
        .collect()
    }
}
