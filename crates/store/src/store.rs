//! Opening a store: pools, pragmas, migrations.

use std::sync::Arc;
use std::time::Duration;

use khien_vault::signing::SigningKey;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Connection, Executor};

use crate::{Backend, DatabaseUrl, StoreError, WriteTx};

/// How a store is opened.
pub struct StoreOptions {
    /// Where the database is.
    pub url: DatabaseUrl,
    /// The key that signs audit checkpoints (kept in the data directory).
    pub audit_signing_key: Arc<SigningKey>,
    /// A signed checkpoint is written every this many audit entries.
    pub checkpoint_every: u64,
    /// How long to wait for the database to answer before giving up.
    pub connect_timeout: Duration,
}

/// Connections of the store's pools.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolUse {
    /// Connections open.
    pub open: u32,
    /// Of those, connections waiting for work.
    pub idle: usize,
}

/// A handle to the database. Cheap to clone; clones share the pools.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    backend: Backend,
    read: AnyPool,
    write: AnyPool,
    audit_signing_key: Arc<SigningKey>,
    checkpoint_every: u64,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Store {
    /// Connects, checking that the database answers.
    pub async fn connect(options: StoreOptions) -> Result<Store, StoreError> {
        install_default_drivers();
        let backend = options.url.backend();
        let url = options.url.connect_string();
        let (read, write) = match backend {
            Backend::Sqlite => {
                let read = sqlite_pool(8, options.connect_timeout)
                    .connect(&url)
                    .await
                    .map_err(StoreError::from)?;
                let write = sqlite_pool(1, options.connect_timeout)
                    .connect(&url)
                    .await
                    .map_err(StoreError::from)?;
                (read, write)
            }
            Backend::Postgres => {
                // One direct attempt first: a pool that cannot connect only says it
                // timed out, while this says why ("connection refused", "password
                // authentication failed", "database does not exist").
                let attempt = tokio::time::timeout(
                    options.connect_timeout,
                    sqlx::AnyConnection::connect(&url),
                )
                .await;
                match attempt {
                    Ok(Ok(connection)) => {
                        let _ = connection.close().await;
                    }
                    Ok(Err(error)) => return Err(StoreError::Unavailable(error)),
                    Err(_) => return Err(StoreError::Unavailable(sqlx::Error::PoolTimedOut)),
                }
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(options.connect_timeout)
                    .connect(&url)
                    .await
                    .map_err(StoreError::from)?;
                (pool.clone(), pool)
            }
        };
        let store = Store {
            inner: Arc::new(Inner {
                backend,
                read,
                write,
                audit_signing_key: options.audit_signing_key,
                checkpoint_every: options.checkpoint_every.max(1),
            }),
        };
        store.ping().await?;
        Ok(store)
    }

    /// Brings the schema up to date. Safe to run again.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let migrator = match self.inner.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&self.inner.write)
            .await
            .map_err(|error| match error {
                sqlx::migrate::MigrateError::Execute(error) => StoreError::from(error),
                other => StoreError::Other(sqlx::Error::Migrate(Box::new(other))),
            })
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1")
            .execute(&self.inner.read)
            .await
            .map(|_| ())
            .map_err(StoreError::from)
    }

    /// Which backend this store runs on.
    pub fn backend(&self) -> Backend {
        self.inner.backend
    }

    /// Starts a write transaction. Everything written through it, audit entries
    /// included, lands together or not at all.
    pub async fn begin(&self) -> Result<WriteTx, StoreError> {
        let tx = self.inner.write.begin().await?;
        Ok(WriteTx::new(tx, self.clone()))
    }

    /// The pool for reads.
    pub fn reader(&self) -> &AnyPool {
        &self.inner.read
    }

    pub(crate) fn audit_signing_key(&self) -> &SigningKey {
        &self.inner.audit_signing_key
    }

    pub(crate) fn checkpoint_every(&self) -> u64 {
        self.inner.checkpoint_every
    }

    /// How many database connections are open, and how many of them idle, over
    /// both pools (for the metrics).
    pub fn pool_use(&self) -> PoolUse {
        let pools: &[&AnyPool] = if self.inner.backend == Backend::Postgres {
            // One pool serves reads and writes.
            &[&self.inner.read]
        } else {
            &[&self.inner.read, &self.inner.write]
        };
        pools
            .iter()
            .fold(PoolUse::default(), |total, pool| PoolUse {
                open: total.open + pool.size(),
                idle: total.idle + pool.num_idle(),
            })
    }

    /// Closes the pools, waiting for connections in use to be returned.
    pub async fn close(&self) {
        self.inner.read.close().await;
        self.inner.write.close().await;
    }
}

/// SQLite connections: WAL so readers never block the writer, foreign keys on, and a
/// full fsync at commit, because a receipt may only be shown for a report that is on disk.
fn sqlite_pool(connections: u32, timeout: Duration) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(connections)
        .acquire_timeout(timeout)
        .after_connect(|connection, _| {
            Box::pin(async move {
                connection
                    .execute(
                        "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                         PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;",
                    )
                    .await?;
                Ok(())
            })
        })
}

impl Store {
    /// The public key of this store's checkpoint signer.
    pub fn audit_verifying_key(&self) -> khien_vault::signing::VerifyingKey {
        self.inner.audit_signing_key.verifying_key()
    }
}
