//! Receiving one uploaded file: encrypted as it arrives, in constant memory.

use std::path::PathBuf;

use khien_domain::intake::{
    AttachmentError, AttachmentLimits, AttachmentName, MediaType, SNIFF_LEN, sniff_media_type,
};
use khien_vault::stream::ChunkSealer;
use khien_vault::symmetric::{DataKey, seal};
use tokio::fs::{File, OpenOptions};
use tokio::io::AsyncWriteExt;
use zeroize::Zeroizing;

use super::BlobError;
use super::blob_store::{BlobStore, new_blob_id};
use crate::intake::{AttachmentId, AttachmentMeta, CaseId, case_labels};

/// Encrypts one uploaded file into `tmp/` as its chunks arrive.
///
/// The web layer feeds it multipart chunks with [`BlobWriter::write_chunk`] and
/// calls [`BlobWriter::finish`]. Memory stays flat: one stream chunk (64 KiB)
/// plus the first [`SNIFF_LEN`] bytes kept to check the file's type. The size
/// limit and the type are checked while the file arrives, so a 2 GiB upload of a
/// renamed program stops after its first few KiB. Dropping a writer (after an
/// error, or a cancelled request) removes its temporary file. No `Debug`.
pub struct BlobWriter {
    file: File,
    tmp_path: PathBuf,
    sealer: Option<ChunkSealer>,
    case_id: CaseId,
    attachment_id: AttachmentId,
    /// A copy of the case key, to seal the file's name and type at the end.
    case_key: DataKey,
    name: AttachmentName,
    head: Zeroizing<Vec<u8>>,
    media_type: Option<MediaType>,
    size: u64,
    limit: u64,
    out: Vec<u8>,
    failed: bool,
    finished: bool,
}

/// An encrypted, fsynced file waiting in `tmp/` for the transaction that will
/// reference it. It knows its case; its name and type are already encrypted.
/// Dropping it removes the file. No `Debug`.
pub struct StagedBlob {
    pub(crate) case_id: CaseId,
    pub(crate) attachment_id: AttachmentId,
    pub(crate) blob_id: String,
    pub(crate) size: u64,
    pub(crate) meta_ciphertext: Vec<u8>,
    pub(crate) tmp_path: PathBuf,
    pub(crate) moved: bool,
}

impl StagedBlob {
    /// The attachment's id (assigned when the upload started).
    pub fn attachment_id(&self) -> &AttachmentId {
        &self.attachment_id
    }

    /// The plaintext size in bytes.
    pub fn size(&self) -> u64 {
        self.size
    }
}

impl Drop for StagedBlob {
    fn drop(&mut self) {
        if !self.moved {
            // Best effort: a leftover is swept at the next start.
            let _ = std::fs::remove_file(&self.tmp_path);
        }
    }
}

impl BlobWriter {
    /// Starts receiving a file named `name` (as uploaded; paths are stripped)
    /// for a case whose key is `case_key`. Refuses a name without an accepted
    /// extension before anything is written.
    pub async fn create(
        blobs: &BlobStore,
        case_id: &CaseId,
        case_key: &DataKey,
        name: &str,
        limits: &AttachmentLimits,
    ) -> Result<BlobWriter, BlobError> {
        let name = AttachmentName::parse(name)?;
        if MediaType::for_extension(name.extension()).is_none() {
            return Err(AttachmentError::UnsupportedExtension {
                extension: name.extension().to_owned(),
            }
            .into());
        }
        let attachment_id = AttachmentId::new();
        let tmp_path = blobs.new_tmp_path();
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp_path)
            .await?;
        let sealer = ChunkSealer::new(
            case_key,
            &case_labels::attachment_stream(case_id, &attachment_id),
        );
        Ok(BlobWriter {
            file,
            tmp_path,
            sealer: Some(sealer),
            case_id: case_id.clone(),
            attachment_id,
            case_key: DataKey::from_bytes(case_key.expose_secret()),
            name,
            head: Zeroizing::new(Vec::with_capacity(SNIFF_LEN)),
            media_type: None,
            size: 0,
            limit: limits.max_file_bytes,
            out: Vec::new(),
            failed: false,
            finished: false,
        })
    }

    /// Takes the next piece of the file. On an error the writer is spent: drop
    /// it (which removes the temporary file) and report the error.
    pub async fn write_chunk(&mut self, bytes: &[u8]) -> Result<(), BlobError> {
        if self.failed {
            return Err(BlobError::Poisoned);
        }
        let result = self.write_inner(bytes).await;
        self.failed = result.is_err();
        result
    }

    async fn write_inner(&mut self, bytes: &[u8]) -> Result<(), BlobError> {
        self.size += bytes.len() as u64;
        if self.size > self.limit {
            return Err(AttachmentError::TooLarge {
                limit_bytes: self.limit,
            }
            .into());
        }
        if self.media_type.is_none() {
            let take = (SNIFF_LEN - self.head.len()).min(bytes.len());
            self.head.extend_from_slice(&bytes[..take]);
            if self.head.len() == SNIFF_LEN {
                self.media_type = Some(sniff_media_type(&self.head, self.name.extension())?);
            }
        }
        let sealer = self.sealer.as_mut().ok_or(BlobError::Poisoned)?;
        sealer.push(bytes, &mut self.out)?;
        if !self.out.is_empty() {
            self.file.write_all(&self.out).await?;
            self.out.clear();
        }
        Ok(())
    }

    /// Seals the last chunk, fsyncs the file and hands it over for commit.
    pub async fn finish(mut self) -> Result<StagedBlob, BlobError> {
        if self.failed {
            return Err(BlobError::Poisoned);
        }
        let media_type = match self.media_type {
            Some(media_type) => media_type,
            None => sniff_media_type(&self.head, self.name.extension())?,
        };
        let sealer = self.sealer.take().ok_or(BlobError::Poisoned)?;
        sealer.finish(&mut self.out)?;
        self.file.write_all(&self.out).await?;
        self.out.clear();
        self.file.flush().await?;
        self.file.sync_all().await?;
        let meta = AttachmentMeta::new(self.name.as_str(), media_type);
        let meta_ciphertext = seal(
            &self.case_key,
            &meta.to_json(),
            &case_labels::attachment_meta(&self.case_id, &self.attachment_id),
        );
        self.finished = true;
        Ok(StagedBlob {
            case_id: self.case_id.clone(),
            attachment_id: self.attachment_id.clone(),
            blob_id: new_blob_id(),
            size: self.size,
            meta_ciphertext,
            tmp_path: self.tmp_path.clone(),
            moved: false,
        })
    }
}

impl Drop for BlobWriter {
    fn drop(&mut self) {
        if !self.finished {
            // Best effort: a leftover is swept at the next start.
            let _ = std::fs::remove_file(&self.tmp_path);
        }
    }
}
