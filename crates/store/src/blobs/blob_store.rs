//! Where blobs live: `<data dir>/blobs/<blob id>`, with uploads in progress
//! under `<data dir>/blobs/tmp/`.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use khien_vault::random::random_bytes;

use super::BlobError;

/// The blob directory. Cheap to clone.
#[derive(Clone, Debug)]
pub struct BlobStore {
    dir: PathBuf,
}

impl BlobStore {
    /// Opens (creating if needed, mode 0700) a blob directory and its `tmp/`.
    /// Pass [`crate::data_dir::DataDir::blobs`].
    pub fn open(dir: PathBuf) -> Result<BlobStore, BlobError> {
        for path in [dir.clone(), dir.join("tmp")] {
            fs::create_dir_all(&path)?;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o700))?;
        }
        Ok(BlobStore { dir })
    }

    /// The directory committed blobs live in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The directory uploads in progress live in.
    pub fn tmp_dir(&self) -> PathBuf {
        self.dir.join("tmp")
    }

    /// Where a committed blob lives.
    pub(crate) fn blob_path(&self, blob_id: &str) -> PathBuf {
        self.dir.join(blob_id)
    }

    /// A fresh, unguessable temporary path.
    pub(crate) fn new_tmp_path(&self) -> PathBuf {
        self.tmp_dir().join(hex::encode(random_bytes::<16>()))
    }
}

/// Blob ids are 16 random bytes as lowercase hex, like every row id.
pub(crate) fn new_blob_id() -> String {
    hex::encode(random_bytes::<16>())
}

/// Whether a file name in the blob directory is one of ours.
pub(crate) fn is_blob_id(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}
