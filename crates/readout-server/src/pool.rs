//! Read-only connections to the store, shared by requests: each query takes one, runs on a
//! blocking thread under a time limit, and gives it back.

use crate::api::ApiError;
use readout_store::{Store, StoreError};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;

/// How long a request waits for a free connection before it is told the server is busy.
const WAIT_FOR_CONNECTION: Duration = Duration::from_secs(5);

pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
    timeout: Duration,
}

impl Pool {
    /// A pool of up to `size` connections to `path`; one is opened now, so that a file that is
    /// not a store is refused at start, not at the first request.
    pub fn new(path: PathBuf, size: usize, timeout: Duration) -> Result<Pool, StoreError> {
        let first = Store::open_read_only(&path)?;
        Ok(Pool {
            path,
            idle: Mutex::new(vec![first]),
            permits: Arc::new(Semaphore::new(size.max(1))),
            timeout,
        })
    }

    /// Runs `f` on a connection on a blocking thread. Busy (no connection within
    /// [`WAIT_FOR_CONNECTION`]) and too slow (past the pool's timeout; the query is
    /// interrupted) are 503s.
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        let permit =
            tokio::time::timeout(WAIT_FOR_CONNECTION, self.permits.clone().acquire_owned())
                .await
                .map_err(|_| ApiError::Busy("every database connection is in use; try again"))?
                .map_err(|_| ApiError::Busy("the server is shutting down"))?;
        let store = self.take()?;
        let interrupt = store.interrupt_handle();
        let pool = Arc::clone(self);
        let task = tokio::task::spawn_blocking(move || {
            let result = f(&store);
            pool.give_back(store);
            // Released only when the query has really ended, interrupted or not.
            drop(permit);
            result
        });
        match tokio::time::timeout(self.timeout, task).await {
            Ok(Ok(result)) => result.map_err(ApiError::from),
            Ok(Err(_)) => Err(ApiError::Internal("a query failed unexpectedly".into())),
            Err(_) => {
                interrupt.interrupt();
                Err(ApiError::Busy(
                    "the query took too long and was stopped; narrow the filter",
                ))
            }
        }
    }

    fn take(&self) -> Result<Store, ApiError> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match idle {
            Some(store) => Ok(store),
            None => Store::open_read_only(&self.path).map_err(ApiError::from),
        }
    }

    fn give_back(&self, store: Store) {
        self.idle
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(store);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(timeout: Duration, size: usize) -> Arc<Pool> {
        let dir = std::env::temp_dir().join(format!("readout-pool-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{}-{size}.db", timeout.as_millis()));
        let _ = std::fs::remove_file(&path);
        drop(Store::open(&path).unwrap());
        Arc::new(Pool::new(path, size, timeout).unwrap())
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn work_past_the_time_limit_is_answered_busy_at_the_limit() {
        let pool = pool(Duration::from_millis(200), 1);
        let started = std::time::Instant::now();
        let result = pool
            .run(|s| {
                std::thread::sleep(Duration::from_millis(1500));
                s.counts()
            })
            .await;
        assert!(matches!(result, Err(ApiError::Busy(_))), "{result:?}");
        assert!(started.elapsed() < Duration::from_millis(1000));
        // The connection comes back when the work ends, and the next request gets it.
        let counts = pool.run(|s| s.counts()).await.unwrap();
        assert_eq!(counts, (0, 0, 0));
        assert!(started.elapsed() >= Duration::from_millis(1500));
    }
}
