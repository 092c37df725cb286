//! Running one test body on both backends.

/// For each `async fn name(backend: Backend)` listed, makes a test `sqlite::name` and
/// a test `postgres::name` that run it on that backend.
///
/// ```text
/// async fn stores_things(backend: Backend) { /* … */ }
/// khien_testkit::on_both_backends!(stores_things);
/// ```
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[::tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::Backend::Sqlite).await })*
        }
        mod postgres {
            $(#[::tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::Backend::Postgres).await })*
        }
    };
}
