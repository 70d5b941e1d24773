//! Query latency of a large store: generates a database of synthetic events (10 million by
//! default; `STORE_BENCH_EVENTS=N` for another size, `STORE_BENCH_DB=FILE` to keep or reuse
//! it) with realistic skew — a few countries in most events, statements and consultations
//! far more common than force, five years of days — then times the questions analysts ask:
//! a dyad by week, a filtered event list, one event with its mentions.
//!
//! ```text
//! cargo bench -p readout-store --bench scale                      # queries
//! cargo bench -p readout-store --features parquet --bench scale   # and a Parquet export
//! ```

use readout_store::query::{self, Filter, Period};
use readout_store::Store;
use rusqlite::{params, Connection};
use std::path::PathBuf;
use std::time::Instant;

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// An index in 0..n, skewed like news: index k is about 1/(k+1) as likely as index 0.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64 + 1.0).powf(u) - 1.0) as usize).min(n - 1)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const COUNTRIES: [&str; 40] = [
    "USA", "CHN", "RUS", "GBR", "UKR", "ISR", "IRN", "IND", "FRA", "DEU", "JPN", "TUR", "SYR",
    "PAK", "AFG", "PRK", "KOR", "SAU", "IRQ", "EGY", "BRA", "MEX", "CAN", "AUS", "ITA", "ESP",
    "POL", "NGA", "ZAF", "KEN", "ETH", "SDN", "YEM", "LBN", "VEN", "COL", "IDN", "PHL", "VNM",
    "TWN",
];
const SECTORS: [&str; 8] = ["", "GOV", "MIL", "GOV", "CVL", "LEG", "BUS", "COP"];
/// CAMEO codes with rough news frequencies (statements and consultations first).
const CODES: [(&str, i64, f64); 16] = [
    ("010", 1, 0.0),
    ("040", 1, 1.0),
    ("020", 1, 3.0),
    ("036", 1, 4.0),
    ("042", 1, 1.9),
    ("051", 1, 3.4),
    ("111", 3, -2.0),
    ("112", 3, -2.0),
    ("130", 3, -4.4),
    ("057", 1, 8.0),
    ("120", 3, -4.0),
    ("141", 3, -6.5),
    ("173", 4, -5.0),
    ("190", 4, -10.0),
    ("193", 4, -10.0),
    ("070", 2, 7.0),
];

fn actor(rng: &mut Rng) -> String {
    format!(
        "{}{}",
        COUNTRIES[rng.zipf(COUNTRIES.len())],
        SECTORS[rng.below(SECTORS.len())]
    )
}

fn generate(path: &PathBuf, n: usize) {
    drop(Store::open(path).expect("create the store"));
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "synchronous", "OFF").unwrap();
    let tx = conn.transaction().unwrap();
    tx.execute(
        "INSERT INTO documents(doc_id, content_hash, output) VALUES ('synthetic', 'synthetic', '{}')",
        [],
    )
    .unwrap();
    let start = Instant::now();
    {
        let mut event = tx
            .prepare(
                "INSERT INTO events(merge_key, date, source, source_country, target, target_country, code,
                    root, quad_class, goldstein, place, negated, modality, num_mentions, num_sources,
                    num_articles, first_sentence)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 1)",
            )
            .unwrap();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let epoch = 18_262; // 2020-01-01 as days since 1970
        for i in 0..n {
            let source = actor(&mut rng);
            let target = (rng.below(10) < 7).then(|| actor(&mut rng));
            let (code, quad, goldstein) = CODES[rng.zipf(CODES.len())];
            let day = epoch + rng.below(5 * 365);
            let date = readout_doc::Date::from_days(day as i64).to_string();
            let mentions = 1 + rng.zipf(20) as i64;
            event
                .execute(params![
                    format!("{i}"),
                    date,
                    source,
                    &source[..3],
                    target,
                    target.as_deref().map(|t| &t[..3]),
                    code,
                    &code[..2],
                    quad,
                    goldstein,
                    (rng.below(2) == 0).then_some("Capital"),
                    rng.below(20) == 0,
                    "asserted",
                    mentions,
                    mentions.min(1 + rng.zipf(5) as i64),
                    mentions,
                ])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    println!(
        "generated {n} events in {:.1} s ({:.0} events/s)",
        start.elapsed().as_secs_f64(),
        n as f64 / start.elapsed().as_secs_f64()
    );
}

fn timed<T>(what: &str, f: impl Fn() -> T, describe: impl Fn(&T) -> String) {
    f(); // warm the page cache
    let mut best = f64::MAX;
    let mut last = None;
    for _ in 0..5 {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed().as_secs_f64());
        last = Some(out);
    }
    println!(
        "{what}: {:.1} ms (best of 5), {}",
        best * 1000.0,
        describe(&last.unwrap())
    );
}

fn main() {
    let n: usize = std::env::var("STORE_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    let path = std::env::var("STORE_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir().join(format!("readout-store-bench-{n}.db")));
    if !path.exists() {
        generate(&path, n);
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("{} ({:.0} MB)", path.display(), size as f64 / 1e6);
    let store = Store::open_read_only(&path).unwrap();
    let (_, events, _) = store.counts().unwrap();
    println!("{events} events");
    timed(
        "dyad CHN RUS by week",
        || query::dyad(&store, "CHN", "RUS", Period::Week).unwrap(),
        |rows| format!("{} rows", rows.len()),
    );
    timed(
        "dyad USAGOV IRN by month",
        || query::dyad(&store, "USAGOV", "IRN", Period::Month).unwrap(),
        |rows| format!("{} rows", rows.len()),
    );
    let filter = Filter {
        actor: Some("RUS".into()),
        code: Some("19".into()),
        from: Some("2023-01-01".into()),
        to: Some("2023-06-30".into()),
        limit: 100,
        ..Filter::default()
    };
    timed(
        "events: actor RUS, root 19, first half of 2023, first 100",
        || query::events(&store, &filter).unwrap(),
        |rows| format!("{} rows", rows.len()),
    );
    let filter = Filter {
        source: Some("ISRMIL".into()),
        target: Some("LBN".into()),
        quad: Some(4),
        limit: 100,
        ..Filter::default()
    };
    timed(
        "events: source ISRMIL, target LBN, material conflict, first 100",
        || query::events(&store, &filter).unwrap(),
        |rows| format!("{} rows", rows.len()),
    );
    timed(
        "one event with its mentions",
        || query::event(&store, (events / 2).max(1)).unwrap(),
        |e| format!("found: {}", e.is_some()),
    );
    #[cfg(feature = "parquet")]
    {
        use readout_store::export::parquet::{parquet, Partition};
        let out = std::env::temp_dir().join(format!("readout-store-bench-{n}-parquet"));
        let _ = std::fs::remove_dir_all(&out);
        let start = Instant::now();
        let summary = parquet(&store, &out, Partition::Month).unwrap();
        let secs = start.elapsed().as_secs_f64();
        let bytes: u64 = summary
            .files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
        println!(
            "parquet export by month: {} events, {} files, {:.0} MB in {secs:.1} s ({:.0} events/s)",
            summary.rows,
            summary.files.len(),
            bytes as f64 / 1e6,
            summary.rows as f64 / secs
        );
        let _ = std::fs::remove_dir_all(&out);
    }
}
