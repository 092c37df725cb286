//! Argon2 off the async worker threads: a derivation takes a tenth of a second and
//! 64 MiB, and would stall every other request on the thread that ran it.

use crate::StoreError;

/// Runs `work` on Tokio's blocking pool. A panic inside it carries on here.
pub(crate) async fn off_the_runtime<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, StoreError> {
    match tokio::task::spawn_blocking(work).await {
        Ok(value) => Ok(value),
        Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
        // Cancelled: the runtime is shutting down.
        Err(_) => Err(StoreError::Other(sqlx::Error::WorkerCrashed)),
    }
}
