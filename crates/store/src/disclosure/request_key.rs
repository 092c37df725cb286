//! A request's own key: it encrypts what the requester and the custodians
//! write, and is sealed to each of them, so the server alone reads none of it.

use khien_vault::error::VaultError;
use khien_vault::sealed_box::{PublicKey, SecretKey, open_sealed_key, seal_key_to};
use khien_vault::symmetric::DataKey;
use sqlx::Row;

use super::{DisclosureError, labels};
use crate::Connection;
use crate::accounts::UserId;
use crate::intake::IdentityRequestId;

/// Seals a request's key to one holder.
pub(crate) fn seal_request_key(
    request: &IdentityRequestId,
    holder: &UserId,
    public_key: &PublicKey,
    key: &DataKey,
) -> Vec<u8> {
    seal_key_to(public_key, key, &labels::request_key(request, holder))
}

/// Opens a request's key as one of its holders; [`DisclosureError::NotFound`]
/// when it was not sealed to them (they are not party to the request), and
/// [`DisclosureError::RequesterChanged`] when it was sealed to a key pair of
/// theirs that has since been replaced (an administrator's reset).
pub(crate) async fn open_request_key(
    connection: &mut Connection,
    request: &IdentityRequestId,
    holder: &UserId,
    holder_key: &SecretKey,
) -> Result<DataKey, DisclosureError> {
    let sealed: Vec<u8> = sqlx::query(
        "SELECT sealed FROM identity_request_key_seals WHERE request_id = $1 AND holder_id = $2",
    )
    .bind(request.as_str())
    .bind(holder.as_str())
    .fetch_optional(&mut *connection)
    .await?
    .ok_or(DisclosureError::NotFound)?
    .try_get("sealed")?;
    open_sealed_key(holder_key, &sealed, &labels::request_key(request, holder)).map_err(|error| {
        match error {
            VaultError::DecryptionFailed => DisclosureError::RequesterChanged,
            other => DisclosureError::Vault(other),
        }
    })
}

/// Like [`open_request_key`], for listings: a request whose key was sealed to
/// a key pair since replaced is left out (`None`) rather than failing the list.
pub(crate) async fn open_request_key_for_listing(
    connection: &mut Connection,
    request: &IdentityRequestId,
    holder: &UserId,
    holder_key: &SecretKey,
) -> Result<Option<DataKey>, DisclosureError> {
    match open_request_key(connection, request, holder, holder_key).await {
        Ok(key) => Ok(Some(key)),
        Err(DisclosureError::RequesterChanged) => Ok(None),
        Err(other) => Err(other),
    }
}
