//! Load test of `readout serve` on loopback: starts the server in this process over a large
//! store, then keeps a number of HTTP/1.1 keep-alive clients busy for a bounded time on each
//! route and reports requests per second and the 50th and 99th percentile latency.
//!
//! ```text
//! cargo bench -p readout-store --bench scale          # once: generates the 10-million-event store
//! cargo bench -p readout-server --bench load
//! ```
//!
//! `LOAD_DB=FILE` serves another store; `LOAD_SECONDS` (default 10) and `LOAD_CLIENTS` (default
//! 8) bound the run. Everything stays on 127.0.0.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// One keep-alive connection that sends GETs and reads whole answers (Content-Length bodies).
struct Client {
    reader: BufReader<TcpStream>,
    host: String,
}

impl Client {
    fn connect(addr: SocketAddr) -> Client {
        let stream = TcpStream::connect(addr).expect("connect");
        stream.set_nodelay(true).unwrap();
        Client {
            reader: BufReader::new(stream),
            host: addr.to_string(),
        }
    }

    /// The status of one GET, its body read and dropped.
    fn get(&mut self, path: &str) -> u16 {
        write!(
            self.reader.get_mut(),
            "GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.host
        )
        .expect("send");
        let mut line = String::new();
        self.reader.read_line(&mut line).expect("status line");
        let status: u16 = line
            .get(9..12)
            .and_then(|s| s.parse().ok())
            .expect("a status");
        let mut length = 0usize;
        loop {
            line.clear();
            self.reader.read_line(&mut line).expect("header");
            if line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().expect("a length");
                }
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).expect("body");
        status
    }
}

/// A route of the test: the path of its `i`-th request.
type Route = fn(usize) -> String;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let db = std::env::var("LOAD_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir().join("readout-store-bench-10000000.db"));
    if !db.exists() {
        eprintln!(
            "{} does not exist: run `cargo bench -p readout-store --bench scale` first (it generates it), or set LOAD_DB",
            db.display()
        );
        std::process::exit(2);
    }
    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let seconds = env("LOAD_SECONDS", 10);
    let clients = env("LOAD_CLIENTS", 8) as usize;
    let mut config = readout_server::Config::new(db.clone());
    config.listen = SocketAddr::from(([127, 0, 0, 1], 0));
    let server = readout_server::start(config).expect("start the server");
    let addr = server.addr();
    let events = Client::connect(addr).get("/api/stats");
    println!(
        "serving {} on {addr} ({events}); {clients} clients, {seconds} s per route",
        db.display()
    );

    // Event lists page through different offsets and filters; dyads vary their pair.
    let routes: [(&str, Route); 4] = [
        ("events, newest first, 50 a page", |i| {
            format!("/api/events?limit=50&offset={}", (i % 20) * 50)
        }),
        ("events of one actor and root, 50 a page", |i| {
            let actor = ["RUS", "CHN", "USA", "IRN", "UKR"][i % 5];
            format!("/api/events?actor={actor}&code=19&limit=50")
        }),
        ("dyad by week", |i| {
            let (a, b) = [
                ("CHN", "RUS"),
                ("USA", "IRN"),
                ("ISR", "LBN"),
                ("UKR", "RUS"),
            ][i % 4];
            format!("/api/dyad?a={a}&b={b}&by=week")
        }),
        ("one event with its mentions", |i| {
            format!("/api/events/{}", 1 + (i * 7919) % 1_000_000)
        }),
    ];
    for (name, path) in routes {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let started = Instant::now();
        let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..clients)
                .map(|c| {
                    scope.spawn(move || {
                        let mut client = Client::connect(addr);
                        let mut latencies = Vec::new();
                        let mut failures = 0;
                        let mut i = c * 1000;
                        while Instant::now() < deadline {
                            let t = Instant::now();
                            let status = client.get(&path(i));
                            latencies.push(t.elapsed());
                            failures += usize::from(status != 200);
                            i += 1;
                        }
                        (latencies, failures)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let elapsed = started.elapsed().as_secs_f64();
        let failures: usize = results.iter().map(|r| r.1).sum();
        let mut all: Vec<Duration> = results.into_iter().flat_map(|r| r.0).collect();
        all.sort();
        println!(
            "{name}: {} requests, {:.0} requests/s, p50 {:.1} ms, p99 {:.1} ms, {failures} not 200",
            all.len(),
            all.len() as f64 / elapsed,
            percentile(&all, 0.50).as_secs_f64() * 1000.0,
            percentile(&all, 0.99).as_secs_f64() * 1000.0,
        );
    }
    server.stop();
}
