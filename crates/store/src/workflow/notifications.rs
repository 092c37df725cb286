//! Reminders and escalations for staff: what the reminder job finds due, the in-app
//! notifications it leaves, and which of them still wait to be emailed.
//!
//! A notification holds no case content: the case, the deadline's kind and date, and
//! why it was sent. One per person, case, deadline and point (the unique constraint),
//! so a job that runs twice, or on two servers, never sends twice.

use chrono::{DateTime, NaiveDate, Utc};
use khien_domain::accounts::Role;
use khien_domain::case_file::DeadlineKind;
use serde_json::json;
use sqlx::Row;

use crate::accounts::{UnitId, UserId};
use crate::audit::AuditRecord;
use crate::intake::{CaseId, NotificationId};
use crate::timestamp::{format_timestamp, parse_timestamp};
use crate::{Store, StoreError};

/// Why a notification was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotificationKind {
    /// A deadline comes near (or is today).
    Reminder,
    /// A deadline has passed: to the handler and the unit's head.
    Overdue,
    /// A deadline has passed: to the superior unit's head, who demands a report
    /// (LTC Art. 38).
    Escalation,
}

impl NotificationKind {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::Reminder => "reminder",
            NotificationKind::Overdue => "overdue",
            NotificationKind::Escalation => "escalation",
        }
    }

    fn parse(text: &str) -> Option<NotificationKind> {
        [
            NotificationKind::Reminder,
            NotificationKind::Overdue,
            NotificationKind::Escalation,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == text)
    }
}

/// A case whose next deadline falls on or before the job's horizon.
#[derive(Debug, Clone)]
pub struct DueCase {
    pub case_id: CaseId,
    pub tracking_number: String,
    pub unit_id: UnitId,
    pub assignee: Option<UserId>,
    pub kind: DeadlineKind,
    pub due: NaiveDate,
}

/// A notification to leave for one person.
pub struct DueNotification<'a> {
    pub user_id: &'a UserId,
    pub case: &'a DueCase,
    pub kind: NotificationKind,
    /// Which reminder point: `3wd`, `0wd`, `overdue`, `superior`.
    pub point: &'a str,
    pub now: DateTime<Utc>,
}

/// A notification as its recipient sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffNotification {
    pub id: NotificationId,
    pub case_id: CaseId,
    pub tracking_number: String,
    pub kind: NotificationKind,
    pub deadline_kind: DeadlineKind,
    pub due: NaiveDate,
    pub point: String,
    pub created_at: DateTime<Utc>,
    pub read: bool,
    /// Where it is emailed (only for the mail queue).
    pub email: Option<String>,
}

impl Store {
    /// Open cases whose next running deadline is on or before `horizon`.
    pub async fn cases_due_by(&self, horizon: NaiveDate) -> Result<Vec<DueCase>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, tracking_number, unit_id, assignee_id, next_due, next_due_kind FROM cases \
             WHERE next_due IS NOT NULL AND next_due <= $1 ORDER BY next_due, id",
        )
        .bind(horizon.to_string())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                let corrupt = |what: &str| StoreError::Corrupt(format!("cases.{what}"));
                let due: String = row.try_get("next_due")?;
                let kind: String = row.try_get("next_due_kind")?;
                Ok(DueCase {
                    case_id: CaseId::from_column(row.try_get("id")?),
                    tracking_number: row.try_get("tracking_number")?,
                    unit_id: UnitId::from_column(row.try_get("unit_id")?),
                    assignee: row
                        .try_get::<Option<String>, _>("assignee_id")?
                        .map(UserId::from_column),
                    kind: DeadlineKind::parse(&kind).ok_or_else(|| corrupt("next_due_kind"))?,
                    due: NaiveDate::parse_from_str(&due, "%Y-%m-%d")
                        .map_err(|_| corrupt("next_due"))?,
                })
            })
            .collect()
    }

    /// Enabled members of `unit` with `role`.
    pub async fn unit_members_with_role(
        &self,
        unit: &UnitId,
        role: Role,
    ) -> Result<Vec<UserId>, StoreError> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id \
             WHERE u.unit_id = $1 AND r.role = $2 AND u.disabled_at IS NULL ORDER BY u.id",
        )
        .bind(unit.as_str())
        .bind(role.as_str())
        .fetch_all(self.reader())
        .await?;
        Ok(ids.into_iter().map(UserId::from_column).collect())
    }

    /// Leaves a notification unless the same one exists; whether it was new. An
    /// escalation is also recorded in the audit chain.
    pub async fn leave_notification(
        &self,
        notification: DueNotification<'_>,
    ) -> Result<bool, StoreError> {
        let DueNotification {
            user_id,
            case,
            kind,
            point,
            now,
        } = notification;
        let mut tx = self.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO staff_notifications (id, user_id, case_id, kind, deadline_kind, due, \
             point, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (user_id, case_id, deadline_kind, due, point) DO NOTHING",
        )
        .bind(NotificationId::new().as_str())
        .bind(user_id.as_str())
        .bind(case.case_id.as_str())
        .bind(kind.as_str())
        .bind(case.kind.code())
        .bind(case.due.to_string())
        .bind(point)
        .bind(format_timestamp(now))
        .execute(tx.connection())
        .await?
        .rows_affected()
            > 0;
        if inserted && kind != NotificationKind::Reminder {
            tx.audit(AuditRecord {
                actor: "system",
                action: &format!("case.{}", kind.as_str()),
                object: &format!("case:{}", case.case_id),
                details: json!({
                    "to": user_id.as_str(),
                    "deadline": case.kind.code(),
                    "due": case.due.to_string(),
                }),
            })
            .await?;
        }
        tx.commit().await?;
        Ok(inserted)
    }

    /// A person's notifications, unread first, newest first.
    pub async fn notifications_for(
        &self,
        user_id: &UserId,
        limit: u32,
    ) -> Result<Vec<StaffNotification>, StoreError> {
        let rows = sqlx::query(&format!(
            "{NOTIFICATION_SELECT} WHERE n.user_id = $1 \
             ORDER BY CASE WHEN n.read_at IS NULL THEN 0 ELSE 1 END, n.created_at DESC, n.id \
             LIMIT $2"
        ))
        .bind(user_id.as_str())
        .bind(i64::from(limit.clamp(1, 500)))
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(notification_from_row).collect()
    }

    /// Marks one of the person's notifications read; whether it was theirs.
    pub async fn mark_notification_read(
        &self,
        user_id: &UserId,
        id: &NotificationId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let changed = sqlx::query(
            "UPDATE staff_notifications SET read_at = COALESCE(read_at, $3) \
             WHERE id = $1 AND user_id = $2",
        )
        .bind(id.as_str())
        .bind(user_id.as_str())
        .bind(format_timestamp(now))
        .execute(tx.connection())
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(changed > 0)
    }

    /// Notifications not yet emailed to people who have an email address.
    pub async fn notifications_to_email(
        &self,
        limit: u32,
    ) -> Result<Vec<StaffNotification>, StoreError> {
        let rows = sqlx::query(&format!(
            "{NOTIFICATION_SELECT} WHERE n.emailed_at IS NULL AND u.email IS NOT NULL \
             ORDER BY n.created_at, n.id LIMIT $1"
        ))
        .bind(i64::from(limit.clamp(1, 500)))
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(notification_from_row).collect()
    }

    /// Records that a notification was emailed.
    pub async fn mark_notification_emailed(
        &self,
        id: &NotificationId,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("UPDATE staff_notifications SET emailed_at = $2 WHERE id = $1")
            .bind(id.as_str())
            .bind(format_timestamp(now))
            .execute(tx.connection())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets (or clears) where a person's reminders are emailed.
    pub async fn set_user_email(
        &self,
        actor: &str,
        user_id: &UserId,
        email: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let changed = sqlx::query("UPDATE users SET email = $2 WHERE id = $1")
            .bind(user_id.as_str())
            .bind(email)
            .execute(tx.connection())
            .await?
            .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        tx.audit(AuditRecord {
            actor,
            action: "user.email_set",
            object: &format!("user:{user_id}"),
            details: json!({ "set": email.is_some() }),
        })
        .await?;
        tx.commit().await
    }
}

const NOTIFICATION_SELECT: &str = "SELECT n.id, n.case_id, c.tracking_number, n.kind, \
     n.deadline_kind, n.due, n.point, n.created_at, n.read_at, u.email \
     FROM staff_notifications n JOIN cases c ON c.id = n.case_id JOIN users u ON u.id = n.user_id";

fn notification_from_row(row: &sqlx::any::AnyRow) -> Result<StaffNotification, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("staff_notifications.{what}"));
    let kind: String = row.try_get("kind")?;
    let deadline_kind: String = row.try_get("deadline_kind")?;
    let due: String = row.try_get("due")?;
    let created_at: String = row.try_get("created_at")?;
    Ok(StaffNotification {
        id: NotificationId::from_column(row.try_get("id")?),
        case_id: CaseId::from_column(row.try_get("case_id")?),
        tracking_number: row.try_get("tracking_number")?,
        kind: NotificationKind::parse(&kind).ok_or_else(|| corrupt("kind"))?,
        deadline_kind: DeadlineKind::parse(&deadline_kind)
            .ok_or_else(|| corrupt("deadline_kind"))?,
        due: NaiveDate::parse_from_str(&due, "%Y-%m-%d").map_err(|_| corrupt("due"))?,
        point: row.try_get("point")?,
        created_at: parse_timestamp(&created_at)?,
        read: row.try_get::<Option<String>, _>("read_at")?.is_some(),
        email: row.try_get("email")?,
    })
}
