//! Who wrote something in a case: the reporter (never identified by the
//! server) or a staff member.

use crate::accounts::UserId;
use crate::audit::REPORTER_ACTOR;

/// The author of a report, a message or an attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Author {
    /// The reporter, through the portal with their receipt.
    Reporter,
    /// A staff member (an intake officer recording a call, a handler replying).
    Staff(UserId),
}

impl Author {
    /// The audit chain's actor: `reporter` or `user:<id>`.
    pub(crate) fn audit_actor(&self) -> String {
        match self {
            Author::Reporter => REPORTER_ACTOR.to_owned(),
            Author::Staff(user) => format!("user:{user}"),
        }
    }

    /// The `author_kind` column.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Author::Reporter => "reporter",
            Author::Staff(_) => "staff",
        }
    }

    /// The `author_user_id` / `created_by` column.
    pub(crate) fn user_id(&self) -> Option<&str> {
        match self {
            Author::Reporter => None,
            Author::Staff(user) => Some(user.as_str()),
        }
    }

    pub(crate) fn from_columns(
        kind: &str,
        user: Option<String>,
    ) -> Result<Self, crate::StoreError> {
        match (kind, user) {
            ("reporter", None) => Ok(Author::Reporter),
            ("staff", Some(user)) => Ok(Author::Staff(UserId::from_column(user))),
            _ => Err(crate::StoreError::Corrupt(format!("author kind {kind:?}"))),
        }
    }
}
