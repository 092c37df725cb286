//! Argon2id work (receipts) on the blocking thread pool, at most one derivation per
//! core at a time. Each derivation takes 64 MiB; bounding them keeps memory flat
//! under any load, and requests queue instead of failing.

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::Semaphore;

use crate::{AppError, server_metrics};

/// A bounded pool for CPU- and memory-heavy key derivations.
#[derive(Clone)]
pub struct ArgonPool {
    permits: Arc<Semaphore>,
}

impl ArgonPool {
    /// A pool running at most `concurrent` derivations at once.
    pub fn new(concurrent: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(concurrent.max(1))),
        }
    }

    /// One derivation per available core.
    pub fn per_core() -> Self {
        Self::new(std::thread::available_parallelism().map_or(2, usize::from))
    }

    /// Runs `work` on the blocking pool once a permit is free.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let waiting = Instant::now();
        let queue = metrics::gauge!(server_metrics::ARGON_QUEUE);
        queue.increment(1.0);
        let permit = self.permits.acquire().await;
        queue.decrement(1.0);
        metrics::histogram!(server_metrics::ARGON_WAIT).record(waiting.elapsed().as_secs_f64());
        let _permit = permit.map_err(AppError::internal)?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(AppError::internal)
    }
}
