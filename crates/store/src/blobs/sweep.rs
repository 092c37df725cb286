//! Removing what a crash left behind, at start.

use std::time::{Duration, SystemTime};

use super::blob_store::is_blob_id;
use super::{BlobError, BlobStore};
use crate::{Store, StoreError};

/// What [`sweep_orphans`] removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SweepReport {
    /// Files removed from `tmp/` (uploads a crash interrupted).
    pub tmp_removed: usize,
    /// Blob files removed because no attachment row references them (a crash
    /// between the rename and the commit).
    pub orphans_removed: usize,
}

/// Why a sweep stopped.
#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    /// The filesystem failed.
    #[error(transparent)]
    Blob(#[from] BlobError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Removes every file in `tmp/` and every blob file no `attachments` row
/// references, if it was last modified at least `min_age` ago.
///
/// A single server on SQLite calls this at start with `Duration::ZERO`: nothing
/// else writes blobs then. Several servers sharing one PostgreSQL and one blob
/// directory must pass an age longer than any upload (an hour, say), or one
/// server's start would remove another's uploads in flight. Files whose names
/// are not blob ids are left alone.
pub async fn sweep_orphans(
    store: &Store,
    blobs: &BlobStore,
    min_age: Duration,
) -> Result<SweepReport, SweepError> {
    let mut report = SweepReport::default();
    for (path, _) in old_files(&blobs.tmp_dir(), min_age)? {
        std::fs::remove_file(path).map_err(BlobError::from)?;
        report.tmp_removed += 1;
    }
    for (path, name) in old_files(blobs.dir(), min_age)? {
        if !is_blob_id(&name) {
            continue;
        }
        let referenced = sqlx::query("SELECT 1 AS one FROM attachments WHERE blob_id = $1")
            .bind(&name)
            .fetch_optional(store.reader())
            .await
            .map_err(StoreError::from)?
            .is_some();
        if !referenced {
            std::fs::remove_file(path).map_err(BlobError::from)?;
            report.orphans_removed += 1;
        }
    }
    Ok(report)
}

/// Regular files directly in `dir` modified at least `min_age` ago, with their names.
fn old_files(
    dir: &std::path::Path,
    min_age: Duration,
) -> Result<Vec<(std::path::PathBuf, String)>, BlobError> {
    let now = SystemTime::now();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let metadata = entry.metadata()?;
        if !metadata.is_file() {
            continue;
        }
        let age = now
            .duration_since(metadata.modified()?)
            .unwrap_or(Duration::ZERO);
        if age >= min_age {
            let name = entry.file_name().to_string_lossy().into_owned();
            files.push((entry.path(), name));
        }
    }
    Ok(files)
}
