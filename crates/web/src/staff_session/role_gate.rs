//! Role gates: `WithRole<AdminOnly>` in a handler's signature says only an
//! administrator may call it.

use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use khien_domain::accounts::Role;

use super::extractor::{NoSession, Staff};
use crate::{AppError, AppState};

/// The roles that pass a gate (any one of them).
pub trait RoleRequirement: Send + Sync + 'static {
    /// Roles allowed through.
    const ROLES: &'static [Role];
}

/// A staff member holding one of `R::ROLES`.
pub struct WithRole<R: RoleRequirement> {
    /// The staff member.
    pub staff: Staff,
    _requirement: PhantomData<R>,
}

/// Administrators only.
pub struct AdminOnly;
impl RoleRequirement for AdminOnly {
    const ROLES: &'static [Role] = &[Role::Admin];
}

/// Why a gate did not open.
pub enum Denied {
    /// Not logged in.
    NoSession(NoSession),
    /// Logged in without the role.
    Forbidden,
}

impl IntoResponse for Denied {
    fn into_response(self) -> Response {
        match self {
            Denied::NoSession(no_session) => no_session.into_response(),
            Denied::Forbidden => AppError::Forbidden.into_response(),
        }
    }
}

impl<R: RoleRequirement> FromRequestParts<AppState> for WithRole<R> {
    type Rejection = Denied;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Denied> {
        let staff = Staff::from_request_parts(parts, state)
            .await
            .map_err(Denied::NoSession)?;
        if R::ROLES.iter().any(|role| staff.has_role(*role)) {
            Ok(WithRole {
                staff,
                _requirement: PhantomData,
            })
        } else {
            Err(Denied::Forbidden)
        }
    }
}
