//! Why a blob could not be written or read.

use khien_domain::intake::AttachmentError;
use khien_vault::error::VaultError;

/// A failure while handling an attachment blob.
#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    /// The file itself was refused (type, size, name): the uploader's mistake,
    /// to be shown next to the file's field.
    #[error("the file was refused: {0}")]
    Rejected(#[from] AttachmentError),
    /// The filesystem failed.
    #[error("blob storage failed: {0}")]
    Io(#[from] std::io::Error),
    /// Encrypting or decrypting failed (a tampered or misplaced blob).
    #[error("blob encryption failed: {0}")]
    Vault(#[from] VaultError),
    /// The writer was used after an earlier error.
    #[error("the blob writer already failed")]
    Poisoned,
}
