//! What the reporter is told: every disclosure of their identity — to which
//! role, in which unit, on which legal ground, on which day. Never a name.

use chrono::{DateTime, Utc};
use khien_domain::accounts::Role;
use khien_domain::disclosure::LegalReason;
use sqlx::Row;

use crate::intake::CaseId;
use crate::timestamp::parse_timestamp;
use crate::{Store, StoreError};

/// One disclosure, as the reporter sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disclosure {
    /// The role the requester asked in.
    pub requester_role: Role,
    /// The requester's unit's name.
    pub unit_name: String,
    /// The legal ground.
    pub legal_reason: LegalReason,
    /// When k custodians had agreed (from then on the requester could open it).
    pub approved_at: DateTime<Utc>,
    /// Whether the requester has opened it.
    pub opened: bool,
}

impl Store {
    /// Every approved request for a case's identity, oldest first. Needs no
    /// key: these facts are in clear so the reporter can always be told.
    pub async fn identity_disclosures(
        &self,
        case_id: &CaseId,
    ) -> Result<Vec<Disclosure>, StoreError> {
        sqlx::query(
            "SELECT r.requester_role, u.name, r.legal_reason, r.approved_at, r.first_opened_at \
             FROM identity_requests r JOIN units u ON u.id = r.unit_id \
             WHERE r.case_id = $1 AND r.approved_at IS NOT NULL ORDER BY r.approved_at, r.id",
        )
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?
        .into_iter()
        .map(|row| {
            let corrupt = |what: &str| StoreError::Corrupt(format!("identity_requests.{what}"));
            let role: String = row.try_get("requester_role")?;
            let reason: String = row.try_get("legal_reason")?;
            Ok(Disclosure {
                requester_role: role.parse().map_err(|_| corrupt("requester_role"))?,
                unit_name: row.try_get("name")?,
                legal_reason: LegalReason::parse(&reason).ok_or_else(|| corrupt("legal_reason"))?,
                approved_at: parse_timestamp(&row.try_get::<String, _>("approved_at")?)?,
                opened: row
                    .try_get::<Option<String>, _>("first_opened_at")?
                    .is_some(),
            })
        })
        .collect()
    }
}
