//! The accused persons' indexes of each case, and the checks made with them.

use khien_domain::accounts::Role;
use std::collections::BTreeSet;

use sqlx::Row;

use super::BlindIndex;
use crate::accounts::UserId;
use crate::intake::CaseId;
use crate::{Store, StoreError, WriteTx};

/// Writes a new case's accused indexes, once each, in the case's transaction.
pub(crate) async fn insert_accused_indexes(
    tx: &mut WriteTx,
    case_id: &CaseId,
    indexes: &[BlindIndex],
) -> Result<(), StoreError> {
    let mut written: Vec<&BlindIndex> = Vec::with_capacity(indexes.len());
    for index in indexes {
        if written.contains(&index) {
            continue;
        }
        sqlx::query("INSERT INTO case_accused_indexes (case_id, blind_index) VALUES ($1, $2)")
            .bind(case_id.as_str())
            .bind(index.to_vec())
            .execute(tx.connection())
            .await?;
        written.push(index);
    }
    Ok(())
}

impl Store {
    /// Whether the staff member registered an ID number, or a name and unit,
    /// that is the index of an accused person of the case.
    pub async fn conflicts_with_case(
        &self,
        user_id: &UserId,
        case_id: &CaseId,
    ) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS matches FROM staff_identity_indexes s \
             JOIN case_accused_indexes a ON a.blind_index = s.blind_index \
             WHERE s.user_id = $1 AND a.case_id = $2",
        )
        .bind(user_id.as_str())
        .bind(case_id.as_str())
        .fetch_one(self.reader())
        .await?;
        Ok(row.try_get::<i64, _>("matches")? > 0)
    }

    /// Every staff member whose registered indexes match an accused person of the
    /// case: one query for the case page's list of whom to offer.
    pub async fn staff_in_conflict_with_case(
        &self,
        case_id: &CaseId,
    ) -> Result<BTreeSet<UserId>, StoreError> {
        sqlx::query(
            "SELECT DISTINCT s.user_id FROM staff_identity_indexes s \
             JOIN case_accused_indexes a ON a.blind_index = s.blind_index \
             WHERE a.case_id = $1",
        )
        .bind(case_id.as_str())
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|row| Ok(UserId::from_column(row.try_get("user_id")?)))
        .collect()
    }

    /// Whether an accused person of the case is, by their registered indexes,
    /// an enabled head of the unit handling it: then the unit cannot resolve it
    /// and the case belongs to its direct superior (LTC Art. 12(1)).
    pub async fn accused_is_head_of_handling_unit(
        &self,
        case_id: &CaseId,
    ) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS matches FROM case_accused_indexes a \
             JOIN cases c ON c.id = a.case_id \
             JOIN staff_identity_indexes s ON s.blind_index = a.blind_index \
             JOIN users u ON u.id = s.user_id AND u.unit_id = c.unit_id \
             JOIN user_roles r ON r.user_id = u.id AND r.role = $2 \
             WHERE a.case_id = $1 AND u.disabled_at IS NULL",
        )
        .bind(case_id.as_str())
        .bind(Role::Head.as_str())
        .fetch_one(self.reader())
        .await?;
        Ok(row.try_get::<i64, _>("matches")? > 0)
    }
}
