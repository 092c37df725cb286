//! Starting a server: data directory, secrets, database, listener. Shared by
//! `khien serve`, `khien demo` and the test harness, so tests start the server the
//! way production does.

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use khien_store::audit::AuditRecord;
use khien_store::data_dir::{DataDir, DataDirError, DataDirLock};
use khien_store::{Backend, DatabaseUrl, Store, StoreError, StoreOptions};
use khien_vault::kdf::KdfParams;
use khien_vault::server_secret::ServerSecret;
use serde_json::json;
use tokio::net::TcpListener;

use khien_domain::intake::AttachmentLimits;
use khien_store::blobs::{BlobStore, sweep_orphans};
use khien_store::calendar_files::load_calendar;

use crate::argon_pool::ArgonPool;
use crate::reminders::{ReminderSettings, spawn_reminder_job};
use crate::server_metrics;
use crate::source_slowdown::SourceSlowdown;
use crate::{AppState, LoginThrottle, serve};

/// What a server needs to start.
#[derive(Clone, Debug)]
pub struct ServerSettings {
    /// The data directory (SQLite file, blobs, secrets).
    pub data_dir: PathBuf,
    /// The database; `None` means the SQLite file in the data directory.
    pub database_url: Option<DatabaseUrl>,
    /// Where to listen.
    pub listen: SocketAddr,
    /// A signed audit checkpoint every this many entries.
    pub checkpoint_every: u64,
    /// How long to wait for the database at start.
    pub connect_timeout: Duration,
    /// Argon2id cost for passwords and receipts: production strength except in the
    /// test harness, where it is cheap so that suites run quickly.
    pub kdf_params: KdfParams,
    /// Failed staff logins allowed per source address within 15 minutes.
    pub login_failures_per_source: u32,
    /// Largest attachment accepted, in bytes.
    pub max_attachment_bytes: u64,
    /// Anonymous requests (receipts tried, reports sent) per source in ten minutes
    /// before each further one is delayed.
    pub anonymous_requests_before_slowdown: u32,
    /// The place name of official documents' date line ("Phú Thọ, ngày …"); `None`
    /// uses the issuing unit's name.
    pub document_place: Option<String>,
    /// The reminder job: points, interval, email.
    pub reminders: ReminderSettings,
    /// The base salary (lương cơ sở) reward amounts are computed with, in đồng.
    pub reward_base_salary_vnd: u64,
    /// How long a request to see a reporter's identity stays usable.
    pub identity_request_lifetime: Duration,
    /// Where Prometheus metrics are served (`GET /metrics`); `None`: not at all.
    pub metrics_listen: Option<SocketAddr>,
}

/// The default lifetime of a request to see a reporter's identity: 7 days.
pub const DEFAULT_IDENTITY_REQUEST_LIFETIME: Duration = Duration::from_secs(7 * 24 * 3600);

/// Why the server could not start; each says what to fix.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// The data directory is unusable or in use.
    #[error(transparent)]
    DataDir(#[from] DataDirError),
    /// The database does not answer or could not be migrated.
    #[error("database {url}: {source}")]
    Database {
        /// The database (password hidden).
        url: DatabaseUrl,
        /// What went wrong.
        source: StoreError,
    },
    /// The blob directory or a calendar file could not be used.
    #[error("{0}")]
    Files(String),
    /// The address could not be bound.
    #[error("cannot listen on {address}: {source}")]
    Listen {
        /// The address.
        address: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
}

/// A started, not yet serving, server.
pub struct Application {
    listener: TcpListener,
    metrics_listener: Option<TcpListener>,
    state: AppState,
    _lock: Option<DataDirLock>,
    reminders: ReminderSettings,
}

/// Whether a command needs the data directory to itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// A server or a migration: one at a time on an SQLite data directory.
    Exclusive,
    /// Beside a running server: audit verification, and the administration
    /// commands (`khien user …`, `khien unit …`).
    Shared,
}

/// Opens the data directory and the database, bringing the schema up to date.
/// With [`Access::Exclusive`], holds the directory's lock when the database is the
/// SQLite file inside it (PostgreSQL allows several servers at once).
pub async fn open_store(
    settings: &ServerSettings,
    access: Access,
) -> Result<OpenedStore, StartupError> {
    let data_dir = DataDir::open(&settings.data_dir)?;
    let url = settings
        .database_url
        .clone()
        .unwrap_or_else(|| DatabaseUrl::sqlite_in(data_dir.path()));
    let lock = match (url.backend(), access) {
        (Backend::Sqlite, Access::Exclusive) => Some(data_dir.lock_exclusive()?),
        _ => None,
    };
    let secrets = data_dir.load_or_create_secrets()?;
    let database_error = |source| StartupError::Database {
        url: url.clone(),
        source,
    };
    let store = Store::connect(StoreOptions {
        url: url.clone(),
        audit_signing_key: Arc::new(secrets.audit_signing_key),
        checkpoint_every: settings.checkpoint_every,
        connect_timeout: settings.connect_timeout,
    })
    .await
    .map_err(database_error)?;
    store.migrate().await.map_err(database_error)?;
    Ok(OpenedStore {
        store,
        data_dir,
        server_secret: Arc::new(secrets.server_secret),
        lock,
    })
}

/// An opened installation: its database, data directory and secret.
pub struct OpenedStore {
    /// The migrated database.
    pub store: Store,
    /// The data directory.
    pub data_dir: DataDir,
    /// Key of receipt lookups and blind indexes.
    pub server_secret: Arc<ServerSecret>,
    /// The directory lock, when one was taken; released on drop.
    pub lock: Option<DataDirLock>,
}

impl Application {
    /// Prepares everything and binds the listener; fails with a clear reason.
    pub async fn build(settings: ServerSettings) -> Result<Application, StartupError> {
        let opened = open_store(&settings, Access::Exclusive).await?;
        let record_start = async {
            let mut tx = opened.store.begin().await?;
            tx.audit(AuditRecord {
                actor: "system",
                action: "server.started",
                object: "server",
                details: json!({ "version": env!("CARGO_PKG_VERSION") }),
            })
            .await?;
            tx.commit().await
        };
        record_start
            .await
            .map_err(|source| StartupError::Database {
                url: settings
                    .database_url
                    .clone()
                    .unwrap_or_else(|| DatabaseUrl::sqlite_in(opened.data_dir.path())),
                source,
            })?;
        let listener =
            TcpListener::bind(settings.listen)
                .await
                .map_err(|source| StartupError::Listen {
                    address: settings.listen,
                    source,
                })?;
        let metrics_listener = match settings.metrics_listen {
            Some(address) => {
                server_metrics::install_recorder();
                Some(
                    TcpListener::bind(address)
                        .await
                        .map_err(|source| StartupError::Listen { address, source })?,
                )
            }
            None => None,
        };
        let blobs = BlobStore::open(opened.data_dir.blobs())
            .map_err(|error| StartupError::Files(format!("attachment directory: {error}")))?;
        // With SQLite this is the only process, so anything unreferenced is an orphan
        // of a crash. Several processes may share PostgreSQL: only old files then.
        let min_age = match opened.store.backend() {
            Backend::Sqlite => Duration::ZERO,
            Backend::Postgres => Duration::from_secs(3600),
        };
        match sweep_orphans(&opened.store, &blobs, min_age).await {
            Ok(report) => tracing::info!(
                tmp_removed = report.tmp_removed,
                orphans_removed = report.orphans_removed,
                "swept unfinished uploads"
            ),
            Err(error) => tracing::warn!(error = %error, "could not sweep unfinished uploads"),
        }
        let calendar = load_calendar(opened.data_dir.path())
            .map_err(|error| StartupError::Files(error.to_string()))?;
        Ok(Application {
            listener,
            metrics_listener,
            state: AppState {
                store: opened.store,
                data_dir: opened.data_dir,
                server_secret: opened.server_secret,
                kdf_params: settings.kdf_params,
                login_throttle: Arc::new(LoginThrottle::new(settings.login_failures_per_source)),
                blobs,
                argon: ArgonPool::per_core(),
                calendar: Arc::new(calendar),
                attachment_limits: AttachmentLimits {
                    max_file_bytes: settings.max_attachment_bytes,
                    ..AttachmentLimits::default()
                },
                receipt_slowdown: Arc::new(SourceSlowdown::new(
                    settings.anonymous_requests_before_slowdown,
                )),
                submission_slowdown: Arc::new(SourceSlowdown::new(
                    settings.anonymous_requests_before_slowdown,
                )),
                reward_base_salary_vnd: settings.reward_base_salary_vnd,
                document_place: settings.document_place.as_deref().map(Arc::from),
                identity_request_lifetime: chrono::Duration::from_std(
                    settings.identity_request_lifetime,
                )
                .unwrap_or(chrono::Duration::days(7)),
            },
            _lock: opened.lock,
            reminders: settings.reminders.clone(),
        })
    }

    /// The address actually bound (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// The address metrics are served on, if they are.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics_listener.as_ref().map(|listener| {
            listener
                .local_addr()
                .expect("a bound listener has an address")
        })
    }

    /// The application's state (the store), for tests and seeding.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes; then signs an audit checkpoint and closes
    /// the database.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), StoreError> {
        let store = self.state.store.clone();
        let reminders = spawn_reminder_job(self.state.clone(), self.reminders.clone());
        // Metrics stop with the server: they are aborted once it has finished.
        let metrics = self.metrics_listener.map(|listener| {
            let state = self.state.clone();
            tokio::spawn(async move {
                if let Err(error) =
                    server_metrics::serve_metrics(listener, state, std::future::pending()).await
                {
                    tracing::error!(error = %error, "the metrics listener stopped");
                }
            })
        });
        if let Err(error) = serve(self.listener, self.state, shutdown).await {
            tracing::error!(error = %error, "server stopped with an error");
        }
        reminders.abort();
        if let Some(metrics) = metrics {
            metrics.abort();
        }
        let mut tx = store.begin().await?;
        tx.audit(AuditRecord {
            actor: "system",
            action: "server.stopped",
            object: "server",
            details: json!({}),
        })
        .await?;
        tx.commit().await?;
        store.checkpoint().await?;
        store.close().await;
        Ok(())
    }
}
