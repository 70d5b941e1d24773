//! `readout serve` driven through the real binary over loopback HTTP: the API's answers,
//! bounds and errors, and (with ../shared, Chromium and the browser tests' node modules) the
//! web page in headless Chromium (`crates/readout-server/tests/browser/`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir()
        .join(format!("readout-serve-tests-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A sentence whose text carries markup: the page must show it as text.
const HOSTILE: &str = "Japan condemned China over the xssprobe incident <script>__readoutProbe('stored script ran')</script> <img src=x onerror=\"__readoutProbe('stored onerror ran')\"> near Okinawa, officials said.";

/// Ingests JSON Lines into a new store: its path.
fn store(name: &str, lines: &[String]) -> PathBuf {
    let d = dir(name);
    let input = d.join("news.jsonl");
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let db = d.join("events.db");
    let out = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args([
            "ingest",
            input.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

/// A few dated articles: Japan and China, and the hostile one.
fn small_corpus() -> Vec<String> {
    let mut lines: Vec<String> = (0..8)
        .map(|i| {
            let verb = if i % 2 == 0 { "met" } else { "criticised" };
            serde_json::json!({
                "id": format!("d{i}"), "url": format!("https://wire.example/{i}"),
                "title": format!("Report {i}"), "published": format!("2024-05-{:02}", 2 + i),
                "publisher": "Wire", "text": format!("Japan's foreign minister {verb} Chinese officials in Tokyo on Monday in report {i}."),
            })
            .to_string()
        })
        .collect();
    lines.push(
        serde_json::json!({
            "id": "hostile", "url": "javascript:alert(1)", "title": "<script>alert('title')</script>",
            "published": "2024-05-20", "publisher": "<b>Wire</b>", "text": HOSTILE,
        })
        .to_string(),
    );
    lines
}

/// `readout serve` of `db` on a free loopback port.
fn serve_command(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_readout"));
    command.args([
        "serve",
        "--db",
        db.to_str().unwrap(),
        "--listen",
        "127.0.0.1:0",
    ]);
    command
}

/// A running `readout serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(db: &Path) -> Server {
        let mut child = serve_command(db).stderr(Stdio::piped()).spawn().unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        stderr.read_line(&mut line).unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        // Keep draining standard error so the server never blocks on it.
        std::thread::spawn(move || {
            let mut sink = String::new();
            let _ = stderr.read_to_string(&mut sink);
        });
        Server { child, addr }
    }

    /// One request: (status, headers, body).
    fn request(
        &self,
        method: &str,
        path: &str,
        content_type: &str,
        body: &[u8],
    ) -> (u16, String, Vec<u8>) {
        let mut s = TcpStream::connect(self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        write!(
            s,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            self.addr,
            body.len()
        )
        .unwrap();
        // A refused body may be answered before it is all sent.
        let _ = s.write_all(body);
        let mut raw = Vec::new();
        let _ = s.read_to_end(&mut raw);
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let status = head[9..12].parse().unwrap();
        let mut body = raw[split + 4..].to_vec();
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            body = dechunk(&body);
        }
        (status, head, body)
    }

    fn get(&self, path: &str) -> (u16, serde_json::Value) {
        let (status, _, body) = self.request("GET", path, "text/plain", b"");
        (
            status,
            serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(end) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 4 + size..];
    }
}

#[test]
fn the_api_answers_filters_pages_and_explains() {
    let server = Server::start(&store("api", &small_corpus()));
    let (status, stats) = server.get("/api/stats");
    assert_eq!(status, 200);
    assert_eq!(stats["documents"], 9);

    // A page of one, then the next: different events, and `more` says when to stop.
    let (_, first) = server.get("/api/events?actor=JPN&limit=1");
    let (_, second) = server.get("/api/events?actor=JPN&limit=1&offset=1");
    assert_eq!(first["events"].as_array().unwrap().len(), 1);
    assert_eq!(first["more"], true);
    assert_ne!(first["events"][0]["id"], second["events"][0]["id"]);
    let (_, all) = server.get("/api/events?source=JPN&limit=500");
    let all = all["events"].as_array().unwrap().clone();
    assert!(all.len() >= 5, "{all:?}");
    assert!(all
        .iter()
        .all(|e| e["source"].as_str().unwrap().starts_with("JPN")));
    assert!(all.iter().any(|e| e["code_name"].is_string()));

    // Filters and order: criticism only (root 11), most conflictual first.
    let (_, crit) = server.get("/api/events?code=11&order=conflict");
    let crit = crit["events"].as_array().unwrap();
    assert!(!crit.is_empty());
    assert!(crit
        .iter()
        .all(|e| e["code"].as_str().unwrap().starts_with("11")));

    // One event with its evidence.
    let id = all[0]["id"].as_i64().unwrap();
    let (status, one) = server.get(&format!("/api/events/{id}"));
    assert_eq!(status, 200);
    let evidence = one["mentions"][0]["evidence"].as_str().unwrap();
    assert!(evidence.contains("Japan"), "{evidence}");

    // Dyad, top, places, actors.
    let (_, dyad) = server.get("/api/dyad?a=JPN&b=CHN&by=day");
    let series = dyad["series"].as_array().unwrap();
    assert!(series.iter().any(|r| r["direction"] == "a_to_b"));
    let (_, top) = server.get("/api/top?field=root&n=3");
    assert!(top["rows"][0]["events"].as_i64().unwrap() >= 1);
    assert!(top["rows"][0]["name"].is_string());
    let (_, places) = server.get("/api/places");
    assert!(places["places"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["place"] == "Tokyo"));
    let (_, actors) = server.get("/api/actors?q=JP");
    assert_eq!(actors["actors"][0]["code"], "JPN");
    assert_eq!(actors["actors"][0]["name"], "Japan");
    let (_, by_name) = server.get("/api/actors?q=chin");
    assert!(by_name["actors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["code"] == "CHN"));

    // Coding posted text writes nothing and explains each event.
    let (status, _, body) = server.request(
        "POST",
        "/api/code",
        "application/json",
        br#"{"text": "Russia condemned the attack on Monday, the Kremlin said.", "date": "2026-02-04"}"#,
    );
    assert_eq!(status, 200);
    let coded: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let events = coded["document"]["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["root"] == "11" && e["source"]["code"] == "RUS"),
        "{events:?}"
    );
    assert_eq!(
        coded["explanations"].as_array().unwrap().len(),
        events.len()
    );
    assert_eq!(server.get("/api/stats").1, stats);

    let (status, spec) = server.get("/api/openapi.json");
    assert_eq!(status, 200);
    for path in [
        "/api/events",
        "/api/events/{id}",
        "/api/dyad",
        "/api/top",
        "/api/places",
        "/api/actors",
        "/api/code",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} is not described");
    }
}

#[test]
fn bad_requests_get_json_errors_with_the_right_status() {
    let server = Server::start(&store("errors", &small_corpus()));
    for (path, status, words) in [
        ("/api/events?limit=501", 400, "limit"),
        ("/api/events?quad=7", 400, "quad"),
        ("/api/events?from=May", 400, "YYYY-MM-DD"),
        ("/api/events?actor=CH%27N", 400, "code"),
        ("/api/events?colour=red", 400, "unknown parameter"),
        ("/api/events?order=random", 400, "order"),
        ("/api/events?text=%22unbalanced", 400, "text"),
        ("/api/events/abc", 400, "number"),
        ("/api/events/999999", 404, "no event"),
        ("/api/dyad?a=JPN", 400, "b"),
        ("/api/top?field=colour", 400, "field"),
        ("/api/nothing", 404, "no API route"),
    ] {
        let (got, body) = server.get(path);
        assert_eq!(got, status, "{path}: {body}");
        assert_eq!(body["status"], status, "{path}");
        assert!(
            body["error"].as_str().unwrap().contains(words),
            "{path}: {body}"
        );
    }
    // SQL in a parameter is a value like any other.
    let (status, body) = server.get("/api/events?place=x%27%29%3B%20DROP%20TABLE%20events%3B--");
    assert_eq!(status, 200, "{body}");
    assert_eq!(server.get("/api/stats").1["documents"], 9);

    // Bodies: too large, not JSON, no text.
    let big = vec![b'a'; 2 << 20];
    let (status, _, body) = server.request("POST", "/api/code", "text/plain", &big);
    assert_eq!(status, 413, "{}", String::from_utf8_lossy(&body));
    let (status, _, _) = server.request("POST", "/api/code", "application/json", b"{not json");
    assert_eq!(status, 400);
    let (status, _, _) = server.request(
        "POST",
        "/api/code",
        "application/json",
        br#"{"title": "x"}"#,
    );
    assert_eq!(status, 400);

    // Every answer forbids scripts other than the page's own.
    let (_, head, _) = server.request("GET", "/", "text/plain", b"");
    assert!(
        head.to_lowercase()
            .contains("content-security-policy: default-src 'self'; script-src 'self'"),
        "{head}"
    );
    assert!(head.contains("text/html"));
}

#[test]
fn the_server_refuses_a_file_that_is_not_a_store() {
    let d = dir("foreign");
    let db = d.join("notes.db");
    std::fs::write(&db, "my notes").unwrap();
    let out = serve_command(&db).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a readout database"));
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "my notes");
}

/// The BBC articles of ../shared/data/corpus/ with publication dates spread over half a year
/// (the corpus has none; a dyad needs days), and the hostile article.
fn dated_bbc(n: usize) -> Vec<String> {
    let bbc = repo().join("../shared/data/corpus/bbc-2225.jsonl");
    let text = std::fs::read_to_string(&bbc).expect("../shared/data/corpus/bbc-2225.jsonl");
    let mut lines: Vec<String> = text
        .lines()
        .take(n)
        .enumerate()
        .map(|(i, l)| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let day =
                readout_doc::Date::parse("2005-01-03").unwrap().to_days() + (i as i64 * 7) % 180;
            v["published"] = readout_doc::Date::from_days(day).to_string().into();
            v.to_string()
        })
        .collect();
    lines.extend(small_corpus().into_iter().skip(8));
    lines
}

#[test]
#[ignore = "needs ../shared, Chromium and `npm ci` in crates/readout-server/tests/browser"]
fn the_page_works_in_headless_chromium() {
    let tests = repo().join("crates/readout-server/tests/browser");
    assert!(
        tests.join("node_modules/playwright-core").is_dir(),
        "run `npm ci --prefix {}` first (.ci/run does)",
        tests.display()
    );
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "no Chromium at {chromium} (apt-get install chromium, or set CHROMIUM)"
    );
    let server = Server::start(&store("browser", &dated_bbc(2225)));
    let shots = repo().join("target/browser-screenshots");
    let out = Command::new("node")
        .args(["--test", "--test-reporter=spec", "page.test.mjs"])
        .current_dir(&tests)
        .env("READOUT_URL", format!("http://{}", server.addr))
        .env("CHROMIUM", &chromium)
        .env("SCREENSHOTS", &shots)
        .output()
        .expect("run node");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{report}");
    assert!(out.status.success(), "the browser tests failed:\n{report}");
    for view in ["dyad", "events", "map", "code", "xss-evidence"] {
        assert!(
            shots.join(format!("{view}.png")).exists(),
            "no screenshot of {view}"
        );
    }
}
