//! What every handler can reach.

use std::sync::Arc;

use khien_store::Store;
use khien_store::data_dir::DataDir;
use khien_vault::kdf::KdfParams;
use khien_vault::server_secret::ServerSecret;

use khien_calendar::Calendar;
use khien_domain::intake::AttachmentLimits;
use khien_store::blobs::BlobStore;

use crate::LoginThrottle;
use crate::argon_pool::ArgonPool;
use crate::source_slowdown::SourceSlowdown;

/// Shared state of the web application. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// The data directory (attachment blobs live under it).
    pub data_dir: DataDir,
    /// Key of receipt lookups and blind indexes.
    pub server_secret: Arc<ServerSecret>,
    /// Argon2id cost of password and receipt key derivation.
    pub kdf_params: KdfParams,
    /// Failed staff logins per source, in memory only.
    pub login_throttle: Arc<LoginThrottle>,
    /// Encrypted attachment files.
    pub blobs: BlobStore,
    /// Bounded pool for receipt key derivations.
    pub argon: ArgonPool,
    /// Working days: built-in schedules plus the administrator's.
    pub calendar: Arc<Calendar>,
    /// Size and count limits of uploaded files.
    pub attachment_limits: AttachmentLimits,
    /// Slows repeated receipt attempts from one source (in memory only).
    pub receipt_slowdown: Arc<SourceSlowdown>,
    /// Slows repeated submissions from one source (in memory only).
    pub submission_slowdown: Arc<SourceSlowdown>,
    /// The base salary (lương cơ sở) reward amounts are computed with, in đồng.
    pub reward_base_salary_vnd: u64,
    /// The place name on official documents; `None`: the issuing unit's name.
    pub document_place: Option<Arc<str>>,
    /// How long a request to see a reporter's identity stays usable.
    pub identity_request_lifetime: chrono::Duration,
}
