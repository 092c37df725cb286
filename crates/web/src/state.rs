//! What every handler can reach.

use std::sync::Arc;

use khien_store::Store;
use khien_store::data_dir::DataDir;
use khien_vault::kdf::KdfParams;
use khien_vault::server_secret::ServerSecret;

use crate::LoginThrottle;

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
}
