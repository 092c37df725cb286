//! A fresh, empty database for one test.

use std::sync::Arc;
use std::time::Duration;

use khien_store::{Backend, DatabaseUrl, Store, StoreOptions};
use khien_vault::signing::SigningKey;
use sqlx::Connection;
use tempfile::TempDir;

/// A database no other test uses, with its own temporary data directory.
pub struct TestDatabase {
    /// Where it is.
    pub url: DatabaseUrl,
    /// The test's data directory (deleted when dropped).
    pub data_dir: TempDir,
}

/// The variable naming the PostgreSQL server tests may use.
pub const POSTGRES_URL_VARIABLE: &str = "KHIEN_TEST_DATABASE_URL";

/// Makes a fresh database on `backend`. For PostgreSQL, creates a database named
/// `khien_test_<random>` on the server of `KHIEN_TEST_DATABASE_URL`.
///
/// # Panics
/// When PostgreSQL is asked for and the variable is not set or the server does not
/// answer: a PostgreSQL test that quietly skipped would prove nothing.
pub async fn fresh_database(backend: Backend) -> TestDatabase {
    let data_dir = tempfile::tempdir().expect("a temporary directory");
    let url = match backend {
        Backend::Sqlite => DatabaseUrl::sqlite_in(data_dir.path()),
        Backend::Postgres => {
            let admin_url = std::env::var(POSTGRES_URL_VARIABLE).unwrap_or_else(|_| {
                panic!(
                    "{POSTGRES_URL_VARIABLE} is not set: PostgreSQL tests need a server \
                     (scripts/test starts one)"
                )
            });
            let name = format!(
                "khien_test_{}",
                hex::encode(khien_vault::random::random_bytes::<8>())
            );
            let mut admin = sqlx::PgConnection::connect(&admin_url)
                .await
                .unwrap_or_else(|error| panic!("cannot reach {POSTGRES_URL_VARIABLE}: {error}"));
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .await
                .expect("CREATE DATABASE");
            admin.close().await.ok();
            DatabaseUrl::parse(&replace_database_name(&admin_url, &name)).expect("a postgres URL")
        }
    };
    TestDatabase { url, data_dir }
}

/// Opens and migrates a store on a test database, with a fresh signing key.
pub async fn open_test_store(database: &TestDatabase, checkpoint_every: u64) -> Store {
    let store = Store::connect(StoreOptions {
        url: database.url.clone(),
        audit_signing_key: Arc::new(SigningKey::generate()),
        checkpoint_every,
        connect_timeout: Duration::from_secs(10),
    })
    .await
    .expect("connect to the test database");
    store.migrate().await.expect("migrate the test database");
    store
}

/// `postgres://u@h:p/old?x` → `postgres://u@h:p/new?x`
fn replace_database_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_and_path = &base[scheme_end..];
    let host = host_and_path.split('/').next().unwrap_or(host_and_path);
    let mut result = format!("{}{}/{}", &base[..scheme_end], host, name);
    if let Some(query) = query {
        result.push('?');
        result.push_str(query);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::replace_database_name;

    #[test]
    fn the_database_name_is_replaced_and_the_rest_kept() {
        assert_eq!(
            replace_database_name("postgres://p@127.0.0.1:5/postgres?sslmode=disable", "t1"),
            "postgres://p@127.0.0.1:5/t1?sslmode=disable"
        );
        assert_eq!(
            replace_database_name("postgres://p@h", "t2"),
            "postgres://p@h/t2"
        );
    }
}
