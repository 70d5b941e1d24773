//! The event store from the command line, driven through the real binary: ingest (idempotent,
//! crash-safe under `kill -9`), query, show, dyad and the GDELT export.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn readout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .output()
        .expect("run readout")
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir()
        .join(format!("readout-store-cli-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `n` articles over a fortnight: Japan and China meet or quarrel, each event reported twice,
/// by two outlets, in articles with different words.
fn corpus(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let day = 1 + (i / 2) % 14;
        let outlet = if i % 2 == 0 { "Wire One" } else { "Wire Two" };
        let (verb, object) = match (i / 2) % 3 {
            0 => ("met", "Chinese officials"),
            1 => ("criticised", "China"),
            _ => ("accused", "China of spying"),
        };
        let text = format!(
            "Japan's foreign minister {verb} {object} in Tokyo on May {day}, the ministry said in report {i}."
        );
        out.push_str(
            &serde_json::json!({
                "id": format!("doc{i}"),
                "url": format!("https://{}.example/{i}", outlet.replace(' ', "").to_lowercase()),
                "title": format!("Japan and China, report {i}"),
                "published": format!("2024-05-{:02}", day + 2),
                "publisher": outlet,
                "text": text,
            })
            .to_string(),
        );
        out.push('\n');
    }
    out
}

/// A store of `n` corpus articles, ingested in a fresh directory: (directory, database).
fn ingested(name: &str, n: usize) -> (PathBuf, PathBuf) {
    let d = dir(name);
    let input = d.join("news.jsonl");
    std::fs::write(&input, corpus(n)).unwrap();
    let db = d.join("events.db");
    let out = readout(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    (d, db)
}

fn counts(db: &Path) -> String {
    let out = readout(&[
        "query",
        "--db",
        db.to_str().unwrap(),
        "--limit",
        "1000000",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows = text.lines().count().saturating_sub(1);
    let mentions: i64 = text
        .lines()
        .skip(1)
        .filter_map(|l| l.rsplit(',').nth(2)?.parse::<i64>().ok())
        .sum();
    format!("{rows} events, {mentions} mentions")
}

#[test]
fn ingest_merges_reports_and_a_second_ingest_adds_nothing() {
    let d = dir("merge");
    let input = d.join("news.jsonl");
    std::fs::write(&input, corpus(12)).unwrap();
    let db = d.join("events.db");
    let args = [
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ];
    let first = readout(&args);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("stored 12 new document(s)"),
        "{}",
        stderr(&first)
    );
    let before = counts(&db);
    let second = readout(&args);
    assert!(
        stderr(&second).contains("stored 0 new document(s)"),
        "{}",
        stderr(&second)
    );
    assert!(
        stderr(&second).contains("12 already stored"),
        "{}",
        stderr(&second)
    );
    assert_eq!(counts(&db), before);
    // Each event was reported by two articles from two outlets: merged, with GDELT's counts.
    let out = readout(&[
        "query",
        "--db",
        db.to_str().unwrap(),
        "--code",
        "04",
        "--format",
        "jsonl",
    ]);
    let events: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!events.is_empty(), "{}", stdout(&out));
    for e in &events {
        assert!(e["code"].as_str().unwrap().starts_with("04"));
        assert_eq!(e["num_articles"], 2, "{e}");
        assert_eq!(e["num_sources"], 2, "{e}");
    }
    // `show` gives both articles and the sentence behind the event.
    let id = events[0]["id"].as_i64().unwrap().to_string();
    let shown = stdout(&readout(&["show", &id, "--db", db.to_str().unwrap()]));
    assert!(shown.contains("2 article(s) from 2 outlet(s)"), "{shown}");
    assert!(
        shown.contains("Wire One") && shown.contains("Wire Two"),
        "{shown}"
    );
    assert!(
        shown.contains("foreign minister met Chinese officials"),
        "{shown}"
    );
    // Full-text search over the evidence.
    let found = stdout(&readout(&[
        "query",
        "--db",
        db.to_str().unwrap(),
        "--text",
        "spying",
        "--format",
        "jsonl",
    ]));
    // The accusation is found; the meetings, whose sentences say nothing of spying, are not.
    assert!(
        found.lines().any(|l| l.contains("\"code\":\"112")),
        "{found}"
    );
    assert!(
        !found.lines().any(|l| l.contains("\"code\":\"04")),
        "{found}"
    );
}

#[test]
fn a_killed_ingest_loses_nothing_committed_and_finishes_when_run_again() {
    let d = dir("kill");
    let input = d.join("news.jsonl");
    std::fs::write(&input, corpus(20_000)).unwrap();
    let db = d.join("events.db");
    let args = [
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ];
    let mut child = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let killed = Command::new("kill")
        .arg("-9")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the ingest ended before it was killed: make the input larger"
    );
    // What was committed is readable and whole.
    let partial = counts(&db);
    // Running it again finishes the rest, without duplicates: the same as one clean run.
    let again = readout(&args);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("already stored"),
        "{}",
        stderr(&again)
    );
    let clean_db = d.join("clean.db");
    let clean = readout(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        clean_db.to_str().unwrap(),
    ]);
    assert!(clean.status.success(), "{}", stderr(&clean));
    assert_eq!(counts(&db), counts(&clean_db), "after the kill: {partial}");
}

#[test]
fn a_file_that_is_not_a_readout_database_is_refused_untouched() {
    let d = dir("foreign");
    let input = d.join("news.jsonl");
    std::fs::write(&input, corpus(2)).unwrap();
    let db = d.join("notes.txt");
    std::fs::write(&db, "my notes, not a database\n").unwrap();
    let out = readout(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is not a readout database"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&db).unwrap(),
        "my notes, not a database\n"
    );
}

#[test]
fn the_gdelt_export_has_the_codebook_s_61_columns_in_order() {
    let (_, db) = ingested("gdelt", 12);
    let out = readout(&["export", "--db", db.to_str().unwrap(), "--format", "gdelt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(r.len(), 61, "{r:?}");
        // GLOBALEVENTID, SQLDATE (YYYYMMDD), MonthYear, Year, FractionDate.
        assert!(r[0].parse::<u64>().is_ok());
        assert!(r[1].len() == 8 && r[1].starts_with("202405"), "{}", r[1]);
        assert_eq!(r[2], &r[1][..6]);
        assert_eq!(r[3], "2024");
        assert!(
            r[4].starts_with("2024.") && r[4].parse::<f64>().is_ok(),
            "{}",
            r[4]
        );
        // Actor1Code, Actor1CountryCode, Actor1Type1Code: JPNGOV is Japan's government.
        assert_eq!(r[5], "JPNGOV", "{r:?}");
        assert_eq!(r[7], "JPN");
        assert_eq!(r[12], "GOV");
        // EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale.
        assert!(r[26].starts_with(r[28]) && r[27] == &r[26][..3], "{r:?}");
        assert!(["1", "2", "3", "4"].contains(&r[29]));
        assert!(r[30].parse::<f64>().is_ok());
        // NumMentions, NumSources, NumArticles: every event was reported twice.
        assert_eq!((r[31], r[32], r[33]), ("2", "2", "2"), "{r:?}");
        // ActionGeo: a place is a world city (type 4) with coordinates, or all empty.
        if r[52].is_empty() {
            assert!(
                r[51].is_empty() && r[56].is_empty() && r[57].is_empty(),
                "{r:?}"
            );
        } else {
            assert_eq!((r[51], r[52]), ("4", "Tokyo"), "{r:?}");
            assert!(r[56].parse::<f64>().is_ok() && r[57].parse::<f64>().is_ok());
        }
        // DATEADDED (YYYYMMDDHHMMSS) and SOURCEURL.
        assert_eq!(r[59].len(), 14);
        assert!(r[60].starts_with("https://"));
    }
    assert!(
        rows.iter().any(|r| r[52] == "Tokyo"),
        "no event placed in Tokyo"
    );
}

#[test]
fn a_dyad_is_counted_per_period_and_drawn() {
    let (d, db) = ingested("dyad", 12);
    let chart = d.join("dyad.svg");
    let out = readout(&[
        "dyad",
        "JPN",
        "CHN",
        "--db",
        db.to_str().unwrap(),
        "--by",
        "day",
        "--format",
        "csv",
        "--chart",
        chart.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    // Days of reports, Japan acting on China, each event counted once however many articles
    // reported it (every event here was reported twice).
    assert!(rows.len() >= 3, "{csv}");
    for r in &rows {
        assert_eq!(r[1], "JPN->CHN");
        let total: i64 = r[2..6].iter().map(|v| v.parse::<i64>().unwrap()).sum();
        assert!((1..=3).contains(&total), "{csv}");
    }
    // The chart: two panels of four lines (drawn 2 wide; the legend's samples are 2-point
    // strokes of the same width), a point per day.
    let svg = std::fs::read_to_string(&chart).unwrap();
    let points = |l: &str| {
        let p = l
            .split("points=\"")
            .nth(1)
            .unwrap_or("")
            .split('"')
            .next()
            .unwrap_or("");
        p.split_whitespace().count()
    };
    let series: Vec<&str> = svg
        .lines()
        .filter(|l| l.contains("<polyline") && l.contains("stroke-width=\"2\"") && points(l) != 2)
        .collect();
    assert_eq!(series.len(), 8, "{svg}");
    for l in series {
        assert_eq!(points(l), rows.len(), "{l}");
    }
    assert!(svg.contains("JPN → CHN") && svg.contains("material conflict"));
}

/// A Python interpreter with the independent readers of `.ci/requirements.txt` (pyarrow,
/// DuckDB): `READOUT_PYTHON`, or `python3`. `.ci/run` installs them in a virtual environment
/// and points `READOUT_PYTHON` at it.
fn python_with_readers() -> PathBuf {
    let python = std::env::var_os("READOUT_PYTHON").map_or("python3".into(), PathBuf::from);
    let probe = Command::new(&python)
        .args(["-c", "import pyarrow, duckdb"])
        .output();
    assert!(
        probe.as_ref().is_ok_and(|o| o.status.success()),
        "this test needs a Python with pyarrow and duckdb ({} has not: `pip install -r \
         .ci/requirements.txt`, or set READOUT_PYTHON)",
        python.display()
    );
    python
}

#[test]
#[ignore = "needs ../shared and Python with pyarrow and duckdb (.ci/requirements.txt)"]
fn a_parquet_export_is_read_by_pyarrow_and_duckdb_as_readout_exported_it() {
    let python = python_with_readers();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bbc = repo.join("../shared/data/corpus/bbc-2225.jsonl");
    let text = std::fs::read_to_string(&bbc).expect("../shared/data/corpus/bbc-2225.jsonl");
    let d = dir("parquet");
    // Real articles (BBC, mostly undated, so events with and without a day) and the synthetic
    // dated ones, which spread over May 2024.
    let mut input: String = text.lines().take(150).map(|l| format!("{l}\n")).collect();
    input.push_str(&corpus(12));
    std::fs::write(d.join("news.jsonl"), input).unwrap();
    let db = d.join("events.db");
    let db_arg = db.to_str().unwrap();
    let out = readout(&[
        "ingest",
        d.join("news.jsonl").to_str().unwrap(),
        "--db",
        db_arg,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    // No --out, an unknown partition, or a directory with something in it: refused.
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "--db", db_arg, "--format", "parquet"];
        args.extend_from_slice(extra);
        readout(&args)
    };
    assert_eq!(export(&[]).status.code(), Some(2));
    let target = d.join("pq");
    let target_arg = target.to_str().unwrap();
    assert_eq!(
        export(&["--out", target_arg, "--partition", "week"])
            .status
            .code(),
        Some(2)
    );
    let out = export(&["--out", target_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Parquet files"), "{}", stderr(&out));
    let again = export(&["--out", target_arg]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("is not empty"),
        "{}",
        stderr(&again)
    );

    // What readout says the store holds, through the JSON Lines export (no Parquet involved).
    let jsonl = readout(&["export", "--db", db_arg, "--format", "jsonl"]);
    assert!(jsonl.status.success(), "{}", stderr(&jsonl));
    let expected: Vec<serde_json::Value> = stdout(&jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(expected.len() > 100, "only {} events", expected.len());
    assert!(expected.iter().any(|e| e["date"].is_null()));
    assert!(expected.iter().any(|e| e["date"].is_string()));

    let read = Command::new(&python)
        .arg(repo.join("crates/readout-cli/tests/readers/parquet_summary.py"))
        .arg(&target)
        .output()
        .unwrap();
    assert!(read.status.success(), "{}", stderr(&read));
    let seen: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    let (arrow, duck) = (&seen["pyarrow"], &seen["duckdb"]);
    assert_eq!(arrow["rows"], expected.len());
    assert_eq!(duck["rows"], expected.len());
    let mentions: i64 = expected
        .iter()
        .map(|e| e["num_mentions"].as_i64().unwrap())
        .sum();
    assert_eq!(duck["mentions"], mentions);
    // Typed columns, not text: a date is a day, counts are integers, negation a boolean.
    assert_eq!(arrow["types"]["date"], "date32[day]");
    assert_eq!(arrow["types"]["num_mentions"], "int64");
    assert_eq!(arrow["types"]["negated"], "bool");
    assert_eq!(arrow["types"]["goldstein"], "double");
    // Every event, with the values readout exported, in the partition of its month.
    let mut months = std::collections::BTreeSet::new();
    for e in &expected {
        let id = e["id"].to_string();
        let got = &arrow["events"][&id];
        assert!(
            got.is_object(),
            "event {id} is missing from the Parquet files"
        );
        for key in [
            "date",
            "code",
            "source",
            "target",
            "quad_class",
            "negated",
            "num_mentions",
        ] {
            assert_eq!(got[key], e[key], "event {id}, column {key}");
        }
        let g = e["goldstein"].as_f64().unwrap();
        assert!(
            (got["goldstein"].as_f64().unwrap() - g).abs() < 1e-9,
            "event {id}"
        );
        let month = e["date"].as_str().map(|d| d[..7].to_string());
        assert_eq!(
            got["month"].as_str().map(str::to_string),
            month,
            "event {id}"
        );
        months.insert(month);
    }
    assert_eq!(duck["months"], months.iter().flatten().count());
    assert!(months.contains(&Some("2024-05".to_string())));
}

#[test]
fn an_export_to_a_file_matches_standard_output_and_never_overwrites_the_database() {
    let (d, db) = ingested("export-file", 6);
    let db_arg = db.to_str().unwrap();
    let to_stdout = readout(&["export", "--db", db_arg, "--format", "csv"]);
    assert!(to_stdout.status.success(), "{}", stderr(&to_stdout));
    let file = d.join("events.csv");
    let to_file = readout(&[
        "export",
        "--db",
        db_arg,
        "--format",
        "csv",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(to_file.status.success(), "{}", stderr(&to_file));
    assert_eq!(std::fs::read(&file).unwrap(), to_stdout.stdout);
    assert!(stdout(&to_stdout).lines().count() > 1);

    let before = std::fs::read(&db).unwrap();
    let clobber = readout(&["export", "--db", db_arg, "--format", "gdelt", "-o", db_arg]);
    assert_eq!(clobber.status.code(), Some(2));
    assert!(
        stderr(&clobber).contains("is also an input"),
        "{}",
        stderr(&clobber)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let unknown = readout(&["export", "--db", db_arg, "--format", "xlsx"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("gdelt, csv, jsonl or parquet"),
        "{}",
        stderr(&unknown)
    );
}
