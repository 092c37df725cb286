//! An attachment's name and media type: stored only encrypted under the case key.

use khien_domain::intake::{AttachmentName, MediaType};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::StoreError;

/// The document sealed into `attachments.meta_ciphertext`.
#[derive(Serialize, Deserialize)]
pub(crate) struct AttachmentMeta {
    name: String,
    media_type: String,
}

impl AttachmentMeta {
    pub(crate) fn new(name: &str, media_type: MediaType) -> Self {
        Self {
            name: name.to_owned(),
            media_type: media_type.as_str().to_owned(),
        }
    }

    pub(crate) fn to_json(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(serde_json::to_vec(self).expect("two strings serialise"))
    }

    pub(crate) fn from_json(bytes: &[u8]) -> Result<(AttachmentName, MediaType), StoreError> {
        let meta: AttachmentMeta = serde_json::from_slice(bytes)
            .map_err(|_| StoreError::Corrupt("attachment metadata is not JSON".into()))?;
        let name = AttachmentName::from_stored(&meta.name)
            .map_err(|_| StoreError::Corrupt("attachment name".into()))?;
        let media_type = MediaType::parse(&meta.media_type)
            .ok_or_else(|| StoreError::Corrupt("attachment media type".into()))?;
        Ok((name, media_type))
    }
}

impl Drop for AttachmentMeta {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.name);
    }
}
