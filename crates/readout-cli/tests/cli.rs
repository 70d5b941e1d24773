//! End-to-end tests: they run the real `readout` binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn readout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .output()
        .expect("run readout")
}

fn readout_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run readout");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` next to the repository. Tests that read it are `#[ignore = "needs ../shared"]`:
/// `cargo test` leaves them out and says so, `.ci/run` runs them with `--include-ignored`, and
/// a run without `../shared` then fails here instead of passing untested.
fn shared() -> PathBuf {
    let p = repo().join("../shared");
    assert!(
        p.join("data").is_dir(),
        "this test needs ../shared/data beside the repository ({} is missing)",
        p.display()
    );
    p.canonicalize().unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("readout-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
#[ignore = "needs ../shared"]
fn seed_article_passes_the_strict_gold_score() {
    let shared = shared();
    let out_path = tmp("seed.json");
    let seed = shared.join("data/seed/china-russia-2026-02-01.txt");
    let out = readout(&[
        "code",
        "--date",
        "2026-02-01",
        seed.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let score = Command::new("python3")
        .arg(shared.join("tools/score_seed.py"))
        .arg(shared.join("data/seed/gold.json"))
        .arg(&out_path)
        .arg("--strict")
        .output()
        .expect("python3 runs the scorer");
    let report = String::from_utf8_lossy(&score.stdout);
    println!("{report}");
    assert!(
        score.status.success(),
        "seed article fails the strict score:\n{report}"
    );
}

#[test]
fn codes_the_example_article_shipped_in_the_repo() {
    let example = repo().join("examples/japan-philippines-2026-03-12.txt");
    let out = readout(&["code", "--date", "2026-03-12", example.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(
        doc["article"]["credits"],
        serde_json::json!(["AFP", "Reuters"])
    );
    let body = doc["article"]["body"].as_str().unwrap();
    assert!(
        !body.contains("Subscribe") && !body.contains("File Photo") && !body.contains("Read more")
    );
    let events = doc["events"].as_array().unwrap();
    let has = |root: &str, src: &str, tgt: &str| {
        events.iter().any(|e| {
            e["root"] == root
                && e["source"]["code"].as_str().unwrap_or("").starts_with(src)
                && e["target"]["code"].as_str().unwrap_or("").starts_with(tgt)
        })
    };
    assert!(
        has("04", "JPN", "PHL") || has("04", "PHL", "JPN"),
        "the defence ministers' meeting: {events:#?}"
    );
    assert!(
        has("11", "PHL", "CHN"),
        "Manila condemns China: {events:#?}"
    );
    // The denial is reported as negated, not as harassment.
    assert!(!events.iter().any(|e| e["source"]["code"]
        .as_str()
        .unwrap_or("")
        .starts_with("CHN")
        && e["negated"] == false
        && e["root"] == "17"));
}

#[test]
fn jsonl_records_keep_their_ids_and_a_bad_line_is_reported_and_skipped() {
    let input = concat!(
        r#"{"id": "a", "text": "Japan condemned North Korea on Monday.", "published": "2024-05-06"}"#,
        "\n",
        "{this is not json\n",
        r#"{"id": "c", "text": "Germany praised France."}"#,
        "\n",
    );
    let out = readout_stdin(
        &["code", "--format", "jsonl", "--date", "2024-01-01", "-"],
        input.as_bytes(),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed record makes the exit code 1"
    );
    let docs = json_lines(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(docs[0]["events"][0]["date"], "2024-05-06");
    assert_eq!(docs[1]["article"]["published"], "2024-01-01");
    let err = stderr(&out);
    assert!(err.contains("<stdin>:2: not a valid JSON record"), "{err}");
    assert!(err.contains("2 document(s) coded"), "{err}");
}

#[test]
fn bad_inputs_are_named_and_the_good_ones_still_coded() {
    let good = tmp("good.txt");
    std::fs::write(
        &good,
        "A headline\n\nJapan condemned North Korea on Monday.\n",
    )
    .unwrap();
    let empty = tmp("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = tmp("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00").unwrap();
    let latin1 = tmp("latin1.txt");
    std::fs::write(
        &latin1,
        b"Caf\xe9 talks\n\nThe minister met the ambassador.\n",
    )
    .unwrap();
    let missing = tmp("does-not-exist.txt");
    let args: Vec<&str> = ["code", "--date", "2024-05-06"]
        .into_iter()
        .chain(
            [&good, &empty, &binary, &latin1, &missing]
                .iter()
                .map(|p| p.to_str().unwrap()),
        )
        .collect();
    let out = readout(&args);
    assert_eq!(out.status.code(), Some(1));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "good.txt");
    let err = stderr(&out);
    // An empty input is no failure: it holds nothing to code.
    assert!(!err.contains("empty.txt"), "{err}");
    assert!(err.contains("1 skipped (1 empty input)"), "{err}");
    for expected in [
        "image.txt: the input looks like binary data",
        "latin1.txt: the input is not valid UTF-8 (first bad byte at offset 3, line 1)",
        "does-not-exist.txt: cannot read",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(!err.contains("panicked"));
}

#[test]
fn a_50_megabyte_text_file_is_coded_without_trouble() {
    let big = tmp("big.txt");
    let paragraph = "Japan condemned North Korea on Monday after a missile test, officials said. ";
    let mut text = String::from("A very long page\n\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    std::fs::write(&big, &text).unwrap();
    let out_path = tmp("big.json");
    let out = readout(&[
        "code",
        "--date",
        "2024-05-06",
        big.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::metadata(&out_path).unwrap();
    assert!(
        meta.len() > 50 * 1024 * 1024,
        "the output holds the document"
    );
    std::fs::remove_file(&big).ok();
    std::fs::remove_file(&out_path).ok();
}

#[test]
fn explain_shows_groups_frames_and_events() {
    let out = readout(&[
        "explain",
        "--date",
        "2026-02-01",
        "Russia's foreign minister did not condemn China on Friday.",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("group \"Russia's foreign minister\""),
        "{text}"
    );
    assert!(text.contains("RUSGOV"), "{text}");
    assert!(text.contains("frame"), "{text}");
    assert!(text.contains("NEGATED"), "{text}");
    assert!(
        text.contains("2026-01-30"),
        "Friday before publication: {text}"
    );
}

#[test]
fn lexicon_check_reports_file_and_line_and_fails() {
    let dir = tmp("badlex");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("bad.txt"),
        "country XX | Nowhere\nverb glorp\n    frame: + = 999\n",
    )
    .unwrap();
    let out = readout(&["lexicon", "check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("bad.txt:1: country code \"XX\""), "{text}");
    assert!(text.contains("bad.txt:3: frame code \"999\""), "{text}");
    // An add-on is checked against the built-in lexicon: references must resolve, countries
    // must be new, place kinds must be known.
    let addon = tmp("addon");
    std::fs::create_dir_all(&addon).unwrap();
    std::fs::write(
        addon.join("mine.txt"),
        "country FRA | France again\nplace Lowtown | QQQ | 10 | 10 | city\nplace Hightown | FRA | 10 | 10 | town\n",
    )
    .unwrap();
    let out = readout(&["lexicon", "check", addon.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("mine.txt:1: country FRA is defined twice"),
        "{text}"
    );
    assert!(
        text.contains("mine.txt:2: place country QQQ is not in the country table"),
        "{text}"
    );
    assert!(text.contains("mine.txt:3: place kind \"town\""), "{text}");
    assert!(text.contains("3 error(s)"), "{text}");
    // On its own, the add-on defines France once and knows no country QQQ either.
    let out = readout(&["lexicon", "check", "--alone", addon.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("defined twice"), "{text}");
    assert!(text.contains("QQQ is not in the country table"), "{text}");
    let out = readout(&["lexicon", "check"]);
    assert!(
        out.status.success(),
        "the built-in lexicon is valid:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(
        readout(&["code", "--date", "yesterday", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(readout(&["frobnicate"]).status.code(), Some(2));
}

#[test]
#[ignore = "needs ../shared"]
fn codes_with_petrarch_dictionaries_instead_of_the_builtin_actors() {
    let shared = shared();
    let dir = shared.join("data/petrarch2");
    let path = |f: &str| dir.join(f).to_str().unwrap().to_string();
    let (countries, agents) = (
        path("Phoenix.Countries.actors.txt"),
        path("Phoenix.agents.txt"),
    );
    let (intl, nonstate) = (
        path("Phoenix.International.actors.txt"),
        path("Phoenix.MilNonState.actors.txt"),
    );
    let dictionaries = [
        "--no-builtin-actors",
        "--petrarch-actors",
        &countries,
        "--petrarch-actors",
        &intl,
        "--petrarch-actors",
        &nonstate,
        "--petrarch-agents",
        &agents,
    ];
    let mut args = vec!["lexicon", "check"];
    args.extend(dictionaries);
    let out = readout(&args);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the Phoenix dictionaries load without errors:\n{report}"
    );
    let mut args = vec!["code", "--format", "jsonl", "--date", "2014-06-01"];
    args.extend(dictionaries);
    args.push("-");
    let out = readout_stdin(
        &args,
        br#"{"id": "p", "text": "Afghan soldiers attacked Taliban fighters."}"#,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&out);
    let event = &docs[0]["events"][0];
    assert_eq!(
        (
            event["source"]["code"].as_str(),
            event["target"]["code"].as_str()
        ),
        (Some("AFGMIL"), Some("AFGREB"))
    );
}

/// `readout extract --map` over every page of `pages`, scored by `../shared/tools/SCORER`
/// against `truth`: the scorer's JSON.
fn score_extraction_of(pages: &Path, scorer: &str, truth: &Path) -> serde_json::Value {
    let shared = shared();
    let mut files: Vec<String> = std::fs::read_dir(pages)
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    files.sort();
    let mut args = vec!["extract".to_string(), "--map".to_string()];
    args.extend(files);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = readout(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let predictions = tmp(&format!("{scorer}.json"));
    std::fs::write(&predictions, &out.stdout).unwrap();
    let score = Command::new("python3")
        .arg(shared.join("tools").join(scorer))
        .arg(truth)
        .arg(&predictions)
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    serde_json::from_slice(&score.stdout).expect("the scorer prints JSON")
}

#[test]
#[ignore = "needs ../shared"]
fn article_extraction_keeps_body_f1_at_or_above_0_96() {
    let bench = shared().join("data/extraction-bench");
    let result = score_extraction_of(
        &bench.join("html"),
        "score_extraction.py",
        &bench.join("ground-truth.json"),
    );
    println!("extraction benchmark: {result}");
    let f1 = result["f1"].as_f64().unwrap();
    assert!(f1 >= 0.96, "body F1 {f1:.3} is below 0.96");
}

#[test]
#[ignore = "needs ../shared"]
fn publication_dates_are_right_on_at_least_90_percent_of_date_eval() {
    let eval = shared().join("data/date-eval");
    let result = score_extraction_of(
        &eval.join("pages"),
        "score_dates.py",
        &eval.join("truth.json"),
    );
    println!("date-eval: {result}");
    let accuracy = result["accuracy"].as_f64().unwrap();
    // 0.903 when this floor was set (the issue asks for 0.90); htmldate's best mode reports
    // 0.903 on these pages.
    assert!(
        accuracy >= 0.90,
        "publication-date accuracy {accuracy:.3} is below 0.90"
    );
}

/// A WARC record with an HTTP response block.
fn warc_record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-06T10:00:00Z\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn gzip_member(data: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

#[test]
fn warc_gz_html_responses_are_coded_and_bad_records_reported() {
    let page = |title: &str, sentence: &str| {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><title>{title}</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1><p>{sentence}</p><p>The talks are due to continue next week, officials from both sides said on Monday.</p></article></body></html>"
        )
        .into_bytes()
    };
    let mut warc = Vec::new();
    // CC-NEWS layout: every record is its own gzip member.
    warc.extend(gzip_member(&warc_record(
        "warcinfo",
        "",
        b"software: readout test",
    )));
    warc.extend(gzip_member(&warc_record(
        "request",
        "https://news.example/a",
        b"GET /a HTTP/1.1\r\n\r\n",
    )));
    warc.extend(gzip_member(&warc_record(
        "response",
        "https://news.example/2024/05/06/a",
        &page(
            "Japan protests",
            "Japan condemned North Korea on Monday after a missile test.",
        ),
    )));
    warc.extend(gzip_member(&warc_record(
        "response",
        "https://news.example/logo.png",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....",
    )));
    warc.extend(gzip_member(&warc_record(
        "response",
        "https://news.example/b",
        &page(
            "Talks",
            "Germany praised France for its mediation in the dispute.",
        ),
    )));
    let mut truncated = warc_record(
        "response",
        "https://news.example/c",
        &page("Cut", "France praised Germany."),
    );
    truncated.truncate(truncated.len() / 2);
    warc.extend(gzip_member(&truncated));
    let path = tmp("crawl.warc.gz");
    std::fs::write(&path, &warc).unwrap();
    let out = readout(&["code", path.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the truncated record is a failure"
    );
    let docs = json_lines(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "https://news.example/2024/05/06/a",
            "https://news.example/b"
        ]
    );
    assert_eq!(docs[0]["article"]["title"], "Japan protests");
    assert_eq!(docs[0]["article"]["published"], "2024-05-06");
    let japan = docs[0]["events"].as_array().unwrap();
    assert!(
        japan.iter().any(|e| e["source"]["code"] == "JPN"
            && e["target"]["code"] == "PRK"
            && e["root"] == "11"),
        "{japan:#?}"
    );
    assert!(!docs[0]["article"]["body"]
        .as_str()
        .unwrap()
        .contains("Home"));
    let err = stderr(&out);
    assert!(
        err.contains("record 6") && err.contains("truncated"),
        "{err}"
    );
    assert!(err.contains("2 document(s) coded"), "{err}");
    assert!(
        err.contains("1 warcinfo record")
            && err.contains("1 request record")
            && err.contains("1 not HTML"),
        "{err}"
    );
}

#[test]
fn parse_prints_conllu_for_text_and_files_and_reports_missing_ones() {
    let out = readout_stdin(
        &["parse", "-"],
        b"The ministry condemned the attack.\n\nTroops left.",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.iter().all(|r| r.len() == 10), "ten CoNLL-U columns");
    assert_eq!(
        text.matches("# text = ").count(),
        2,
        "one block per sentence"
    );
    let row = |form: &str| rows.iter().find(|r| r[1] == form).unwrap().clone();
    assert_eq!(&row("condemned")[6..8], ["0", "root"]);
    assert_eq!(&row("ministry")[6..8], ["3", "nsubj"]);
    assert_eq!(&row("attack")[6..8], ["3", "obj"]);
    let missing = tmp("no-such-file.txt");
    let out = readout(&["parse", missing.to_str().unwrap(), "--text", "Troops left."]);
    assert_eq!(out.status.code(), Some(1), "a missing input fails the run");
    assert!(stderr(&out).contains("no-such-file.txt"));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Troops"),
        "the rest is parsed"
    );
}

/// Runs readout on `input` (standard input), failing the test if it runs for over a minute: the
/// defects these tests guard against include runs that never end.
fn readout_bounded(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run readout");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output().unwrap()));
    let out = match rx.recv_timeout(std::time::Duration::from_secs(60)) {
        Ok(out) => out,
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("readout {args:?} did not end within a minute");
        }
    };
    writer.join().unwrap();
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    gzip_member(data)
}

fn jsonl_records(n: usize) -> String {
    (1..=n)
        .map(|i| {
            format!("{{\"id\": \"r{i}\", \"text\": \"Japan condemned North Korea on day {i}.\"}}\n")
        })
        .collect()
}

#[test]
fn a_truncated_jsonl_gz_ends_once_with_the_records_before_it() {
    let mut gz = gzip(jsonl_records(3000).as_bytes());
    gz.truncate(gz.len() / 2);
    let path = tmp("cut.jsonl.gz");
    std::fs::write(&path, &gz).unwrap();
    let from_file = readout_bounded(
        &["code", "--date", "2024-05-06", path.to_str().unwrap()],
        b"",
    );
    let from_stdin = readout_bounded(&["code", "--format", "jsonl", "-"], &gz);
    for (out, name) in [(&from_file, "cut.jsonl.gz:"), (&from_stdin, "<stdin>:")] {
        assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
        let docs = json_lines(out);
        assert!(docs.len() > 100, "{}", docs.len());
        assert_eq!(docs[0]["id"], "r1");
        let err = stderr(out);
        assert_eq!(err.matches("read error").count(), 1, "{err}");
        assert!(err.contains(name), "{err}");
        assert!(err.contains("1 input(s) or record(s) failed"), "{err}");
    }
}

#[test]
fn a_page_that_panicked_the_metadata_reader_is_coded_with_its_neighbours() {
    let dir = tmp("pages-with-bad-dates");
    std::fs::create_dir_all(&dir).unwrap();
    let page = |date: &str, sentence: &str| {
        format!("<html><head><meta property=\"article:published_time\" content=\"{date}\"><title>Talks</title></head><body><article><p>{sentence}</p><p>The talks are due to continue next week, officials from both sides said.</p></article></body></html>")
    };
    std::fs::write(
        dir.join("a.html"),
        page("2024-05-06", "Japan condemned North Korea on Monday."),
    )
    .unwrap();
    std::fs::write(
        dir.join("b.html"),
        page("2019-11-1é", "Germany praised France for its mediation."),
    )
    .unwrap();
    std::fs::write(
        dir.join("c.html"),
        page("2024-05-07", "France praised Germany on Tuesday."),
    )
    .unwrap();
    let out = readout_bounded(&["code", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a.html", "b.html", "c.html"]);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

fn html_response(i: usize) -> Vec<u8> {
    warc_record(
        "response",
        &format!("https://news.example/{i}"),
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>Japan condemned North Korea on day {i} after a missile test.</p></article></body></html>").as_bytes(),
    )
}

#[test]
fn damaged_warc_records_lose_only_themselves() {
    let n = 2000;
    let mut plain = Vec::new();
    let mut zipped = Vec::new();
    for i in 1..=n {
        let mut record = html_response(i);
        match i {
            // A wrong Content-Length, a cut record, a bad header.
            500 => {
                let text = String::from_utf8(record).unwrap();
                let at = text.find("Content-Length: ").unwrap() + 16;
                record = format!("{}9{}", &text[..at], &text[at..]).into_bytes();
            }
            1000 => record.truncate(record.len() - 40),
            1500 => record[..8].copy_from_slice(b"WARC/X.Y"),
            _ => {}
        }
        plain.extend_from_slice(&record);
        let mut member = gzip_member(&html_response(i));
        match i {
            // A damaged gzip member in a CC-NEWS file, and one cut short.
            450 => {
                let mid = member.len() / 2;
                member[mid..mid + 16].fill(0xff);
            }
            1200 => member.truncate(member.len() * 2 / 3),
            _ => {}
        }
        zipped.extend(member);
    }
    for (name, data, lost) in [
        ("plain.warc", plain, vec![500, 1000, 1500]),
        ("cc.warc.gz", zipped, vec![450, 1200]),
    ] {
        let path = tmp(name);
        std::fs::write(&path, &data).unwrap();
        let out = readout_bounded(&["code", path.to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(1));
        let ids: Vec<String> = json_lines(&out)
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect();
        let want: Vec<String> = (1..=n)
            .filter(|i| !lost.contains(i))
            .map(|i| format!("https://news.example/{i}"))
            .collect();
        assert_eq!(ids, want, "{name}: {}", stderr(&out));
        let err = stderr(&out);
        for i in lost {
            assert!(
                err.contains(&format!("{name}: record {i} ")),
                "{name}: {err}"
            );
        }
    }
}

#[test]
fn a_broken_feed_item_is_named_and_every_other_item_coded() {
    let rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>News & views</title>\n\
        <item><title>One</title><link>https://n.example/1</link><description>Japan condemned North Korea & China on Monday.</description></item>\n\
        <item><title>Two</title><link>https://n.example/2</titel><description>Germany praised France.</description></item>\n\
        <item><title>Three</title><link>https://n.example/3</link><description>France praised Germany.</description></item>\n\
        </channel></rss>\n";
    let path = tmp("news.rss");
    std::fs::write(&path, rss).unwrap();
    let out = readout_bounded(&["code", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["https://n.example/1", "https://n.example/3"]);
    let err = stderr(&out);
    assert!(
        err.contains("news.rss: item 2 (line 4): the end tag </titel>"),
        "{err}"
    );
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_kept() {
    let path = tmp("same.jsonl");
    let input = jsonl_records(2);
    std::fs::write(&path, &input).unwrap();
    let p = path.to_str().unwrap();
    let out = readout(&["code", "-o", p, p]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is also an input"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("document(s) coded"),
        "the summary ends every run"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), input);

    let dir = tmp("input-dir");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("in.jsonl"), &input).unwrap();
    let inside = dir.join("out.jsonl");
    let out = readout(&[
        "code",
        "-o",
        inside.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("inside the input directory"),
        "{}",
        stderr(&out)
    );
    assert!(!inside.exists());

    // A good run leaves the output and no temporary file beside it.
    let target = tmp("out-dir");
    std::fs::create_dir_all(&target).unwrap();
    let out = readout(&[
        "code",
        "-o",
        target.join("out.jsonl").to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let names: Vec<String> = std::fs::read_dir(&target)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["out.jsonl"]);
    assert_eq!(
        std::fs::read_to_string(target.join("out.jsonl"))
            .unwrap()
            .lines()
            .count(),
        2
    );
}

#[test]
fn byte_order_marks_and_utf16_are_read() {
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(jsonl_records(2).as_bytes());
    let out = readout_bounded(&["code", "--format", "jsonl", "-"], &bom);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json_lines(&out).len(), 2);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Talks in Tokyo\n\nJapan condemned North Korea on Monday.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let path = tmp("wide.txt");
    std::fs::write(&path, utf16).unwrap();
    let out = readout(&["code", "--date", "2024-05-06", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = json_lines(&out);
    assert_eq!(docs[0]["article"]["title"], "Talks in Tokyo");
}

#[test]
fn thread_counts_are_checked() {
    let out = readout(&["code", "--threads", "0", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--threads 0"), "{}", stderr(&out));
    let out = readout_bounded(
        &["code", "--threads", "1000", "--format", "jsonl", "-"],
        jsonl_records(3).as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--threads 1000 is more than"),
        "{}",
        stderr(&out)
    );
    assert_eq!(json_lines(&out).len(), 3);
}

#[test]
fn a_closed_output_pipe_ends_the_run_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["code", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(jsonl_records(3000).as_bytes());
    });
    let mut first = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut first,
    )
    .unwrap();
    // The reader drops the pipe after one line, as `head -1` does.
    assert!(first.starts_with('{'));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.to_lowercase().contains("broken pipe"), "{err}");
}

#[test]
fn empty_inputs_are_no_failure() {
    for name in ["empty.jsonl", "empty-page.txt", "empty.html"] {
        let path = tmp(name);
        std::fs::write(&path, "").unwrap();
        let out = readout(&["code", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_gzip_bomb_is_skipped_with_its_reason() {
    let mut text = b"A title\n\n".to_vec();
    text.resize(65 * 1024 * 1024, b' ');
    let path = tmp("bomb.txt.gz");
    std::fs::write(&path, gzip(&text)).unwrap();
    let out = readout_bounded(&["code", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bomb.txt.gz: larger than 64 MiB once decompressed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn extract_reads_standard_input_and_directories() {
    let page = "<html><head><title>Talks resume in Geneva today</title></head><body><article><p>Ministers from both countries met in Geneva on Monday and agreed to resume the talks.</p></article></body></html>";
    let out = readout_bounded(&["extract", "-"], page.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json_lines(&out)[0]["id"], "stdin");
    let dir = tmp("extract-dir");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.html"), page).unwrap();
    std::fs::write(dir.join("sub/b.html.gz"), gzip(page.as_bytes())).unwrap();
    let out = readout(&["extract", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
#[ignore = "needs ../shared"]
fn an_article_cut_into_chunks_between_ads_is_read_whole() {
    // Real pages whose article is cut into sections of the same make, each a few levels down,
    // with ads and links between: every section's words are the article's.
    let pages = shared().join("data/date-eval/pages");
    for (page, sentences) in [
        (
            "theatlantic.com.disasters.html.gz",
            [
                "When I moved to California five years ago",
                "Right now my friends across the state",
                "Simple human error also contributed",
            ],
        ),
        (
            "wired.co.uk-Facebook.html.gz",
            [
                "How much is privacy worth?",
                "Yesterday, it was announced that Norway",
                "Pay-for-privacy approaches also contribute",
            ],
        ),
    ] {
        let out = readout(&["extract", pages.join(page).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let body = json_lines(&out)[0]["article"]["body"]
            .as_str()
            .unwrap()
            .to_string();
        for s in sentences {
            assert!(body.contains(s), "{page}: {s:?} missing");
        }
    }
}

#[test]
fn extract_gives_readers_comments_only_on_request() {
    let page = r##"<html><body><article><h1>Talks resume</h1><p>Ministers from both countries met in Geneva on Monday and agreed to resume the talks.</p></article>
<div id="comments"><ol class="comment-list"><li id="comment-7" class="comment"><article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Dana</b> <span class="says">says:</span></div>
<time datetime="2024-05-06T09:00:00+02:00">6 May 2024</time></footer>
<div class="comment-content"><p>About time they talked again.</p></div>
<div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></article></li></ol></div></body></html>"##;
    let out = readout_bounded(&["extract", "-"], page.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let article = &json_lines(&out)[0]["article"];
    assert!(article.get("comments").is_none(), "{article}");
    assert!(!article["body"].as_str().unwrap().contains("About time"));
    let out = readout_bounded(&["extract", "--comments", "-"], page.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let article = &json_lines(&out)[0]["article"];
    assert_eq!(
        article["comments"],
        serde_json::json!([{"author": "Dana", "published": "2024-05-06", "text": "About time they talked again."}])
    );
    assert!(!article["body"].as_str().unwrap().contains("About time"));
}

/// The most address space one run of the hostile battery may use (`ulimit -v`, in KiB): the
/// lexicon and parser model take about 200 MB, a worst input a few hundred more.
const BATTERY_MEMORY_KIB: u64 = 2_000_000;

/// Runs readout under [`BATTERY_MEMORY_KIB`] of address space and a one-minute limit.
fn readout_capped(args: &[&str]) -> Output {
    let mut command = vec![env!("CARGO_BIN_EXE_readout").to_string()];
    command.extend(args.iter().map(|a| a.to_string()));
    let script = format!("ulimit -v {BATTERY_MEMORY_KIB}; exec timeout 60 \"$@\"");
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg("sh")
        .args(&command)
        .output()
        .expect("run readout")
}

#[test]
fn a_battery_of_hostile_inputs_loses_no_good_record() {
    let dir = tmp("battery");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    let article = "Talks\n\nJapan condemned North Korea on Monday, officials said.\n";
    // Good inputs, some in hostile shapes.
    write("good.txt", article.as_bytes());
    let endless: String = (0..1_500_000)
        .map(|i| ["officials ", "met ", "rebels ", "and "][i % 4])
        .collect();
    write(
        "one-endless-line.txt",
        format!("Title\n\n{endless}").as_bytes(),
    );
    let headlines: String = (0..20_000)
        .map(|i| format!("Minister Condemns Attack In Round {i}\n"))
        .collect();
    write("headline-list.txt", headlines.as_bytes());
    let deep = format!(
        "<html><body>{}<article><p>Japan condemned North Korea on Monday, officials said.</p></article></body></html>",
        "<div>".repeat(100_000)
    );
    write("deep.html", deep.as_bytes());
    write(
        "misnested.html",
        b"<html><body><article><b><p>Japan condemned</b> North Korea on Monday, officials said.</p></article></body></html>",
    );
    write(
        "wrong-charset.html",
        "<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>Officials in Z\u{fc}rich said Japan condemned North Korea on Monday.</p></article></body></html>".as_bytes(),
    );
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(jsonl_records(3).as_bytes());
    bom.extend(b"{\"id\": \"broken\", \"text\": \n");
    bom.extend(b"{\"id\": \"r4\", \"text\": \"India criticised Pakistan.\"}\n");
    write("records.jsonl", &bom);
    // Bad inputs: each must be named.
    let random: Vec<u8> = (0u32..100_000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    write("random.bin", &random);
    let mut bomb = b"Title\n\n".to_vec();
    bomb.resize(65 * 1024 * 1024, b' ');
    write("bomb.txt.gz", &gzip(&bomb));
    let mut cut = gzip(jsonl_records(2000).as_bytes());
    cut.truncate(cut.len() / 2);
    write("cut.jsonl.gz", &cut);
    write("empty.txt", b"");
    // Gzip members of 100 records each: the second corrupt, the fourth cut short.
    let members: String = (1..=600)
        .map(|i| {
            format!("{{\"id\": \"m{i}\", \"text\": \"Japan condemned North Korea on day {i}.\"}}\n")
        })
        .collect();
    let lines: Vec<&str> = members.split_inclusive('\n').collect();
    let mut members_gz = Vec::new();
    for (k, chunk) in lines.chunks(100).enumerate() {
        let mut member = gzip(chunk.concat().as_bytes());
        match k {
            1 => {
                let mid = member.len() / 2;
                member[mid] ^= 0xff;
                member[mid + 1] ^= 0xff;
            }
            3 => member.truncate(member.len() / 2),
            _ => {}
        }
        members_gz.extend(member);
    }
    write("members.jsonl.gz", &members_gz);
    write(
        "feed.rss",
        b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>News</title>\n\
        <item><title>One</title><link>https://n.example/1</link><description>Japan condemned North Korea on Monday.</description></item>\n\
        <item><title>Two</title><link>https://n.example/2</link><description>Germany praised France.</description></item>\n\
        <item><title>Three</title><link>https://n.example/3</titel><description>Germany praised France.</description></item>\n\
        <item><title>Four</title><link>https://n.example/4</link><description>France praised Germany.</description></item>\n\
        </channel></rss>\n",
    );

    let out_path = tmp("battery.jsonl");
    let out = readout_capped(&[
        "code",
        "--date",
        "2024-05-06",
        dir.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let docs: Vec<serde_json::Value> = std::fs::read_to_string(&out_path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = docs.iter().filter_map(|d| d["id"].as_str()).collect();
    for good in [
        "good.txt",
        "one-endless-line.txt",
        "headline-list.txt",
        "deep.html",
        "misnested.html",
        "wrong-charset.html",
    ] {
        assert!(
            ids.iter().any(|id| id.ends_with(good)),
            "{good} not coded: {ids:?}\n{err}"
        );
    }
    for id in ["r1", "r2", "r3", "r4"] {
        assert!(ids.contains(&id), "record {id} lost: {ids:?}");
    }
    // Every record of the whole gzip members; the feed's well-formed items.
    for i in (1..=100).chain(201..=300).chain(401..=600) {
        let id = format!("m{i}");
        assert!(ids.contains(&id.as_str()), "record {id} lost");
    }
    for link in [
        "https://n.example/1",
        "https://n.example/2",
        "https://n.example/4",
    ] {
        assert!(ids.contains(&link), "feed item {link} lost: {ids:?}");
    }
    assert!(
        ids.iter().filter(|id| id.starts_with('r')).count() > 100,
        "cut.jsonl.gz kept nothing"
    );
    let body = |name: &str| {
        docs.iter()
            .find(|d| d["id"].as_str().is_some_and(|id| id.ends_with(name)))
            .map(|d| d["article"]["body"].as_str().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    assert!(body("misnested.html").contains("Japan condemned North Korea on Monday"));
    assert!(
        body("wrong-charset.html").contains("Zürich"),
        "{}",
        body("wrong-charset.html")
    );
    for named in [
        "random.bin: the input looks like binary data",
        "bomb.txt.gz: larger than 64 MiB once decompressed",
        "cut.jsonl.gz:",
        "records.jsonl:4",
        "members.jsonl.gz:",
        "feed.rss: item 3",
    ] {
        assert!(err.contains(named), "{named:?} not reported:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn extract_and_code_give_the_same_article() {
    let page = r#"<html lang="en-GB"><head><title>Talks resume in Geneva</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume in Geneva","datePublished":"2024-03-05T09:00:00Z","author":{"@type":"Person","name":"Jane Porter"}}</script>
</head><body><article><h1>Talks resume in Geneva</h1>
<p>GENEVA (Reuters) - Ministers from both countries met in Geneva on Monday and agreed to resume the talks that broke down last year, officials said.</p>
<p>The foreign minister said the two delegations would meet again next week to discuss a ceasefire along the border and the exchange of prisoners.</p>
</article></body></html>"#;
    let path = tmp("same-article.html");
    std::fs::write(&path, page).unwrap();
    let extracted = readout(&["extract", path.to_str().unwrap()]);
    assert_eq!(extracted.status.code(), Some(0), "{}", stderr(&extracted));
    let coded = readout(&["code", path.to_str().unwrap()]);
    assert_eq!(coded.status.code(), Some(0), "{}", stderr(&coded));
    let (extracted, coded) = (&json_lines(&extracted)[0], &json_lines(&coded)[0]);
    assert_eq!(extracted["article"], coded["article"]);
    let article = &coded["article"];
    assert_eq!(article["published"], "2024-03-05");
    assert_eq!(article["published_from"], "JSON-LD datePublished");
    assert_eq!(article["authors"], serde_json::json!(["Jane Porter"]));
    assert_eq!(article["dateline"], "GENEVA (Reuters)");
    assert_eq!(article["language"], "en");
    assert!(article["body"]
        .as_str()
        .unwrap()
        .starts_with("Ministers from both countries"));
}

#[test]
fn an_article_in_another_language_is_segmented_but_not_coded() {
    // Declared English by the site's template, written in German.
    let page = r#"<html lang="en"><head><title>Gespräche in Genf</title></head><body><article>
<p>Die Außenminister beider Länder haben sich am Montag in Genf getroffen und vereinbart, die im vergangenen Jahr abgebrochenen Gespräche wieder aufzunehmen, sagten Regierungsvertreter.</p>
<p>Die beiden Delegationen sollen sich nächste Woche erneut treffen, um über eine Waffenruhe an der Grenze und den Austausch von Gefangenen zu sprechen.</p>
</article></body></html>"#;
    let path = tmp("german-article.html");
    std::fs::write(&path, page).unwrap();
    let out = readout(&["code", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = &json_lines(&out)[0];
    assert_eq!(doc["article"]["language"], "de");
    assert!(!doc["sentences"].as_array().unwrap().is_empty());
    assert!(doc["events"].as_array().unwrap().is_empty());
    assert!(
        stderr(&out).contains("1 not in English: sentences only, no events"),
        "{}",
        stderr(&out)
    );
}

/// Peak memory `readout bench` reports for one record of `text`.
fn peak_memory_coding(name: &str, text: &str) -> f64 {
    let path = tmp(name);
    let record = serde_json::json!({"id": name, "text": text});
    std::fs::write(&path, format!("{record}\n")).unwrap();
    let out = readout(&["bench", "--repeat", "1", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let line = stdout
        .lines()
        .find(|l| l.starts_with("peak memory: "))
        .unwrap_or_else(|| panic!("no peak memory in {stdout}"));
    line["peak memory: ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn five_megabytes_of_short_lines_cost_a_bounded_amount_of_memory() {
    // Once 559 MB: the shape of a scraped index page, 5 MB of lines of one to four words.
    let words = [
        "the", "army", "said", "police", "met", "talks", "in", "Paris", "Russia",
    ];
    let mut text = String::new();
    let mut i = 0usize;
    while text.len() < 5_000_000 {
        for k in 0..=(i % 4) {
            text.push_str(words[(i * 7 + k * 3) % words.len()]);
            text.push(' ');
        }
        text.push('\n');
        i += 1;
    }
    let small = peak_memory_coding("memory-small.jsonl", "Japan condemned North Korea.");
    let large = peak_memory_coding("memory-lines.jsonl", &text);
    // About 130 MB today over the lexicon and model's 210; the README states the bound.
    assert!(
        large - small < 250.0,
        "5 MB of short lines took {large:.0} MB, one sentence {small:.0} MB"
    );
}

#[test]
fn extract_reports_the_encoding_it_read_not_the_one_declared() {
    let sentence = "Officials in Zürich said Japan condemned North Korea on Monday after talks.";
    let page = |charset: &str, body: &[u8]| {
        let mut page = format!("<html><head><meta charset=\"{charset}\"></head><body><article><p>")
            .into_bytes();
        page.extend_from_slice(body);
        page.extend_from_slice(b"</p></article></body></html>");
        page
    };
    let latin1: Vec<u8> = sentence.chars().map(|c| c as u32 as u8).collect();
    let declared_latin1 = tmp("declared-latin1-is-utf8.html");
    std::fs::write(&declared_latin1, page("iso-8859-1", sentence.as_bytes())).unwrap();
    let declared_utf8 = tmp("declared-utf8-is-latin1.html");
    std::fs::write(&declared_utf8, page("utf-8", &latin1)).unwrap();
    let out = readout(&[
        "extract",
        declared_latin1.to_str().unwrap(),
        declared_utf8.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = json_lines(&out);
    assert_eq!(docs[0]["encoding"], "UTF-8");
    assert_eq!(docs[1]["encoding"], "windows-1252");
    for doc in &docs {
        assert_eq!(doc["article"]["body"], sentence);
    }
}
