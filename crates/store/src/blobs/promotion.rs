//! Moving staged blobs into place right before the transaction that
//! references them commits (see the module docs of [`super`]).

use std::fs::File;
use std::path::PathBuf;

use super::{BlobError, BlobStore, StagedBlob};
use crate::Store;

/// Blobs renamed into place whose transaction has not committed yet. Dropped
/// while armed (an error before the commit was attempted), it removes them.
pub(crate) struct PromotedBlobs {
    blobs: Vec<(String, PathBuf)>,
    armed: bool,
}

impl PromotedBlobs {
    /// Renames each staged file to `blobs/<blob id>` and fsyncs the directory,
    /// so the names are durable before the rows that reference them.
    pub(crate) async fn promote(
        store: &BlobStore,
        staged: Vec<StagedBlob>,
    ) -> Result<PromotedBlobs, BlobError> {
        if staged.is_empty() {
            return Ok(PromotedBlobs {
                blobs: Vec::new(),
                armed: false,
            });
        }
        let store = store.clone();
        let work = move || -> Result<PromotedBlobs, BlobError> {
            let mut promoted = PromotedBlobs {
                blobs: Vec::with_capacity(staged.len()),
                armed: true,
            };
            for mut blob in staged {
                let target = store.blob_path(&blob.blob_id);
                std::fs::rename(&blob.tmp_path, &target)?;
                blob.moved = true;
                promoted.blobs.push((blob.blob_id.clone(), target));
            }
            File::open(store.dir())?.sync_all()?;
            Ok(promoted)
        };
        match tokio::task::spawn_blocking(work).await {
            Ok(result) => result,
            Err(join_error) => Err(BlobError::Io(std::io::Error::other(join_error))),
        }
    }

    /// The commit is about to be attempted: from now on, whether the rows exist
    /// is unknown until the database says so, so a drop must not remove files.
    pub(crate) fn commit_attempted(mut self) -> Vec<(String, PathBuf)> {
        self.armed = false;
        std::mem::take(&mut self.blobs)
    }

    /// After a failed commit: removes the files that no row references (a
    /// commit can succeed and still report an error, for example when the
    /// connection drops after the server committed). If the database cannot
    /// even be asked, the files stay for the next start's sweep.
    pub(crate) async fn remove_unreferenced(store: &Store, blobs: Vec<(String, PathBuf)>) {
        for (blob_id, path) in blobs {
            let referenced = sqlx::query("SELECT 1 AS one FROM attachments WHERE blob_id = $1")
                .bind(&blob_id)
                .fetch_optional(store.reader())
                .await
                .map(|row| row.is_some());
            if let Ok(false) = referenced {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

impl Drop for PromotedBlobs {
    fn drop(&mut self) {
        if self.armed {
            for (_, path) in &self.blobs {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}
