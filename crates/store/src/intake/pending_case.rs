//! A case before it exists: its id and keys, made first so that files can be
//! encrypted under the case key while they are still being uploaded.

use khien_vault::case_keys::CaseKeys;
use khien_vault::symmetric::DataKey;

use super::CaseId;

/// A fresh case id with its case key and identity key. Nothing is stored until
/// [`crate::Store::submit_report`]; dropping it forgets the keys. No `Debug`.
pub struct PendingCase {
    pub(crate) id: CaseId,
    pub(crate) keys: CaseKeys,
}

impl PendingCase {
    /// A new id and two new random keys. No I/O.
    pub fn new() -> Self {
        Self {
            id: CaseId::new(),
            keys: CaseKeys::generate(),
        }
    }

    /// The id the case will have.
    pub fn id(&self) -> &CaseId {
        &self.id
    }

    /// The key to encrypt this case's attachments with ([`crate::blobs::BlobWriter::create`]).
    pub fn case_key(&self) -> &DataKey {
        self.keys.case_key()
    }
}

impl Default for PendingCase {
    fn default() -> Self {
        Self::new()
    }
}
