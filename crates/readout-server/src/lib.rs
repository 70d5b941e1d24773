//! `readout serve`: a JSON API and an analyst's web page over an event store.
//!
//! **Takes** a store written by `readout ingest` (`readout-store`), opened read-only, and the
//! coding pipeline (`readout`) for the one endpoint that codes posted text. **Gives** an HTTP
//! server ([`start`] for a running one, [`run`] to serve until interrupted): the API under
//! `/api/` (described in OpenAPI at `/api/openapi.json`, see [`api`]) and the web page at `/`,
//! whose files are embedded in the binary ([`web`]).
//!
//! ## Design
//!
//! - **One request, one pooled read-only connection.** SQLite work runs on blocking threads,
//!   at most [`Config::connections`] at a time; a request that waits too long for one, or
//!   whose query runs past [`Config::query_timeout`], is answered 503 and its query is
//!   interrupted, so no request holds the server.
//! - **Safe by default.** Loopback unless told otherwise; every query parameterised
//!   (`readout-store` binds every value); page sizes and request bodies bounded; errors are
//!   JSON with the right status; the page writes news text as text, never as markup, and a
//!   Content-Security-Policy forbids any script but the page's own.
//! - **Coding writes nothing.** `POST /api/code` runs the pipeline in memory and returns the
//!   output contract with an explanation of each event.

pub mod api;
mod explain;
mod pool;
pub mod web;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How to serve.
#[derive(Clone, Debug)]
pub struct Config {
    /// The store to serve (read-only).
    pub db: PathBuf,
    /// Where to listen; port 0 picks a free one.
    pub listen: SocketAddr,
    /// The longest a query may run before it is interrupted and answered 503.
    pub query_timeout: Duration,
    /// Database connections, and so queries running at once.
    pub connections: usize,
}

impl Config {
    /// Serving `db` on 127.0.0.1:8080 with the default limits.
    pub fn new(db: PathBuf) -> Config {
        Config {
            db,
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            query_timeout: Duration::from_secs(10),
            connections: std::thread::available_parallelism().map_or(2, |n| n.get() * 2),
        }
    }
}

/// What stops a server from starting.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The store cannot be opened.
    #[error(transparent)]
    Store(#[from] readout_store::StoreError),
    /// The coding pipeline cannot be built (its lexicon is invalid).
    #[error(transparent)]
    Pipeline(#[from] readout::Error),
    /// The address cannot be listened on.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address asked for.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The runtime could not start.
    #[error("cannot start the server's runtime: {0}")]
    Runtime(std::io::Error),
}

/// A server running on its own threads; dropping it (or [`Running::stop`]) shuts it down.
pub struct Running {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    /// The address it listens on (with the port chosen, if 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting, lets requests in flight finish, and waits.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// Opens the store, binds the address and serves on background threads.
pub fn start(config: Config) -> Result<Running, ServerError> {
    let state = Arc::new(api::State::new(&config)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("readout-serve")
        .build()
        .map_err(ServerError::Runtime)?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(config.listen))
        .map_err(|source| ServerError::Listen {
            addr: config.listen,
            source,
        })?;
    let addr = listener
        .local_addr()
        .map_err(|source| ServerError::Listen {
            addr: config.listen,
            source,
        })?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let app = api::router(state);
    let thread = std::thread::spawn(move || {
        runtime.block_on(async move {
            let shutdown = async {
                let _ = stopped.await;
            };
            if let Err(e) = axum::serve(listener, app)
                .with_graceful_shutdown(shutdown)
                .await
            {
                eprintln!("readout serve: {e}");
            }
        });
    });
    Ok(Running {
        addr,
        stop: Some(stop),
        thread: Some(thread),
    })
}

/// Serves until Ctrl-C (or SIGTERM), printing the address on standard error.
pub fn run(config: Config) -> Result<(), ServerError> {
    let running = start(config)?;
    eprintln!(
        "readout: serving on http://{}/ (Ctrl-C stops)",
        running.addr()
    );
    let waiter = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(ServerError::Runtime)?;
    waiter.block_on(async {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            match signal(SignalKind::terminate()) {
                Ok(mut term) => {
                    tokio::select! {
                        _ = tokio::signal::ctrl_c() => {}
                        _ = term.recv() => {}
                    }
                }
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    });
    running.stop();
    Ok(())
}
