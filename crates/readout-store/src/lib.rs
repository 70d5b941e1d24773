//! readout's event store: coded documents kept in one SQLite file, each event reported by
//! several articles merged into one, and the questions analysts ask of it.
//!
//! **Takes** coded documents as lines of readout's output contract (`readout code` JSON), so
//! it depends on the contract, not on the coder. **Gives** a database file (SQLite, WAL mode)
//! with documents, their sentences, merged events with GDELT's counts (`num_mentions`,
//! `num_sources`, `num_articles`) and every mention of each event with its document, sentence
//! and evidence; queries ([`query`]), dyad time series ([`query::dyad`]) and exports
//! ([`export`], the GDELT 2.0 event table among them).
//!
//! ## Design
//!
//! - **Idempotent.** A document is stored once: a second one with the same URL, or with the
//!   same title and body (a content hash), is recognised and skipped, so re-ingesting a corpus
//!   adds nothing.
//! - **Crash-safe.** Documents are added in transactions ([`Store::begin`] … [`Batch::commit`]);
//!   SQLite's write-ahead log keeps every committed batch whole after a crash or `kill -9`,
//!   and a batch that did not commit leaves nothing, so running the same ingest again finishes
//!   the rest without duplicates.
//! - **The same event.** Two event records are one event when they agree on the day, the source
//!   and target codes, the full CAMEO code, the place, negation and modality ([`merge_key`]).
//!   An event with no date is never merged: nothing says two undated reports are one occasion.
//! - **Versioned.** The file carries an application id and a schema version
//!   ([`SCHEMA_VERSION`]); a file of another application, or of a newer or older schema, is
//!   refused with a message that says what to do, and never written to.

pub mod export;
pub mod query;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::Value;
use std::path::Path;

/// The version of the schema this code writes and reads.
pub const SCHEMA_VERSION: i64 = 3;

/// How a store of each older version is brought up to date: `(from, SQL)`, applied in order,
/// each in the transaction that also raises the version. A version with no step here (0, or
/// a future one) is refused.
const MIGRATIONS: [(i64, &str); 2] = [
    // 1 -> 2: indexes that list events newest first (most reported first on a day), by
    // reports and by Goldstein value without sorting the table.
    (
        1,
        "DROP INDEX events_date;
         CREATE INDEX events_date ON events(date, num_mentions);
         CREATE INDEX events_reported ON events(num_mentions);
         CREATE INDEX events_goldstein ON events(goldstein);",
    ),
    // 2 -> 3: the last day of an event told as a span of time ("from July 10 to July 16").
    (2, "ALTER TABLE events ADD COLUMN date_until TEXT;"),
];

/// SQLite's `application_id` of a readout store ("RDOT"): how a foreign file is told apart.
const APPLICATION_ID: i64 = 0x5244_4f54;

/// What can go wrong with a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed (a disk error, a locked or corrupt file).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file exists but is not a readout store (or is not a database at all).
    #[error("{0} is not a readout database (another program's file, or not SQLite at all); it was left untouched: give another --db path")]
    Foreign(String),
    /// The store was written with another schema version.
    #[error("{path} has schema version {found}, this readout reads version {expected}: {advice}")]
    Version {
        /// The database file.
        path: String,
        /// The version in the file.
        found: i64,
        /// The version this code reads.
        expected: i64,
        /// What to do about it.
        advice: &'static str,
    },
    /// A document line is not readout output.
    #[error("not a readout document: {0}")]
    Document(String),
    /// A full-text search is not valid FTS5 syntax.
    #[error("the text search {query:?} is not valid: {reason} (quote words with special characters, e.g. \"U.S.\")")]
    Search {
        /// The search as given.
        query: String,
        /// SQLite's complaint.
        reason: String,
    },
    /// An export could not be written (the file or directory named in the message).
    #[error("export failed: {0}")]
    Export(String),
}

/// An open event store.
pub struct Store {
    conn: Connection,
}

/// Whether a document was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// Stored, with this many event mentions.
    New {
        /// Event mentions stored (asserted or not).
        mentions: usize,
    },
    /// Already in the store (same URL or same title and body): nothing added.
    Duplicate,
}

const SCHEMA: &str = "
CREATE TABLE documents(
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    url TEXT UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    published TEXT,
    publisher TEXT,
    language TEXT,
    output TEXT NOT NULL
);
CREATE TABLE sentences(
    doc INTEGER NOT NULL REFERENCES documents(id),
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY(doc, idx)
) WITHOUT ROWID;
CREATE TABLE events(
    id INTEGER PRIMARY KEY,
    merge_key TEXT NOT NULL UNIQUE,
    date TEXT,
    date_precision TEXT,
    source TEXT NOT NULL,
    source_country TEXT,
    target TEXT,
    target_country TEXT,
    source_name TEXT,
    target_name TEXT,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL,
    place TEXT,
    place_country TEXT,
    lat REAL,
    lon REAL,
    place_kind TEXT,
    negated INTEGER NOT NULL,
    modality TEXT NOT NULL,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    first_sentence INTEGER NOT NULL,
    source_url TEXT,
    added TEXT NOT NULL DEFAULT (strftime('%Y%m%d%H%M%S', 'now')),
    -- The end of a span of time the event's date begins (the JSON output's date_until).
    date_until TEXT
);
CREATE TABLE mentions(
    id INTEGER PRIMARY KEY,
    event INTEGER NOT NULL REFERENCES events(id),
    doc INTEGER NOT NULL REFERENCES documents(id),
    sentence INTEGER NOT NULL,
    trigger TEXT,
    source_text TEXT,
    target_text TEXT,
    outlet TEXT NOT NULL,
    attribution TEXT
);
CREATE VIRTUAL TABLE evidence USING fts5(text, content='');
CREATE INDEX events_date ON events(date, num_mentions);
CREATE INDEX events_source ON events(source, date);
CREATE INDEX events_target ON events(target, date);
-- Covers a dyad's whole select (no table look-up per event).
CREATE INDEX events_countries ON events(source_country, target_country, date, source, target,
    quad_class, goldstein, modality, negated);
CREATE INDEX events_target_country ON events(target_country, date);
CREATE INDEX events_root ON events(root, date);
CREATE INDEX events_reported ON events(num_mentions);
CREATE INDEX events_goldstein ON events(goldstein);
CREATE INDEX mentions_event ON mentions(event, doc);
CREATE INDEX mentions_outlet ON mentions(event, outlet);
CREATE INDEX mentions_doc ON mentions(doc);
";

/// Brings a store of an older schema version up to [`SCHEMA_VERSION`], one step per
/// transaction (a crash between steps leaves a store of the version before it, which the
/// next open continues from).
fn migrate(conn: &Connection) -> Result<(), StoreError> {
    loop {
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let Some(&(_, sql)) = MIGRATIONS.iter().find(|&&(from, _)| from == version) else {
            return Ok(());
        };
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}

impl Store {
    /// Opens the store at `path`, creating it (with its schema) if the file does not exist.
    /// A file of another program, or of another schema version, is refused untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        let exists = path.exists()
            && std::fs::metadata(path)
                .map(|m| m.len() > 0)
                .unwrap_or(false);
        if exists {
            // Read-only first: nothing is written to a file until it is known to be ours.
            let check = Connection::open_with_flags(
                path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                    | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|_| StoreError::Foreign(name.clone()))?;
            let app: i64 = check
                .pragma_query_value(None, "application_id", |r| r.get(0))
                .map_err(|_| StoreError::Foreign(name.clone()))?;
            if app != APPLICATION_ID {
                return Err(StoreError::Foreign(name));
            }
            let version: i64 = check.pragma_query_value(None, "user_version", |r| r.get(0))?;
            let migratable =
                version < SCHEMA_VERSION && MIGRATIONS.iter().any(|&(from, _)| from == version);
            if version != SCHEMA_VERSION && !migratable {
                let advice = if version > SCHEMA_VERSION {
                    "it was written by a newer readout; use that readout"
                } else {
                    "re-ingest its documents into a new database (readout export --format jsonl from the old readout, then readout ingest)"
                };
                return Err(StoreError::Version {
                    path: name,
                    found: version,
                    expected: SCHEMA_VERSION,
                    advice,
                });
            }
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if !exists {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(SCHEMA)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
            tx.commit()?;
        } else {
            migrate(&conn)?;
        }
        Ok(Store { conn })
    }

    /// Opens an existing store for reading only (the server's and the query commands' way).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                Some(format!("{} does not exist", path.display())),
            )));
        }
        // Checks the file as `open` does, without creating anything.
        drop(Store::open(path)?);
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        Ok(Store { conn })
    }

    /// Starts a batch of additions: one transaction, committed by [`Batch::commit`]. Dropped
    /// without committing, it adds nothing.
    pub fn begin(&mut self) -> Result<Batch<'_>, StoreError> {
        Ok(Batch {
            tx: self.conn.transaction()?,
        })
    }

    /// A handle that stops this store's running query from another thread (it then fails
    /// with an "interrupted" error): how a server bounds a query's time.
    pub fn interrupt_handle(&self) -> rusqlite::InterruptHandle {
        self.conn.get_interrupt_handle()
    }

    /// How many documents, events and mentions the store holds.
    pub fn counts(&self) -> Result<(i64, i64, i64), StoreError> {
        let count = |table: &str| -> Result<i64, StoreError> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok((count("documents")?, count("events")?, count("mentions")?))
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// A batch of additions to a store, in one transaction.
pub struct Batch<'s> {
    tx: Transaction<'s>,
}

impl Batch<'_> {
    /// Adds one coded document, given as a line of readout's output contract.
    pub fn add_json(&mut self, line: &str) -> Result<Added, StoreError> {
        let doc: Value =
            serde_json::from_str(line).map_err(|e| StoreError::Document(e.to_string()))?;
        self.add(&doc, line)
    }

    /// Adds one coded document (its parsed output and the line it was parsed from).
    pub fn add(&mut self, doc: &Value, line: &str) -> Result<Added, StoreError> {
        let article = &doc["article"];
        let text = |v: &Value| v.as_str().map(str::to_string);
        let doc_id = text(&doc["id"]).ok_or_else(|| StoreError::Document("no id".into()))?;
        let url = text(&article["url"]);
        let title = text(&article["title"]);
        let body = article["body"].as_str().unwrap_or("");
        let hash = content_hash(title.as_deref().unwrap_or(""), body);
        let seen: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM documents WHERE content_hash = ?1 OR (url IS NOT NULL AND url = ?2)",
                params![hash, url],
                |r| r.get(0),
            )
            .optional()?;
        if seen.is_some() {
            return Ok(Added::Duplicate);
        }
        let publisher = text(&article["publisher"]);
        self.tx.execute(
            "INSERT INTO documents(doc_id, url, content_hash, title, published, publisher, language, output)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                doc_id,
                url,
                hash,
                title,
                text(&article["published"]),
                publisher,
                text(&article["language"]),
                line
            ],
        )?;
        let doc_row = self.tx.last_insert_rowid();
        let no_items = Vec::new();
        let sentences = doc["sentences"].as_array().unwrap_or(&no_items);
        {
            let mut insert = self.tx.prepare_cached(
                "INSERT INTO sentences(doc, idx, kind, text) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for s in sentences {
                insert.execute(params![
                    doc_row,
                    s["index"].as_i64().unwrap_or(0),
                    s["kind"].as_str().unwrap_or("body"),
                    s["text"].as_str().unwrap_or("")
                ])?;
            }
        }
        // The outlet an article counts for in num_sources: its publisher, else its site.
        let outlet = publisher
            .or_else(|| url.as_deref().and_then(host).map(str::to_string))
            .unwrap_or_else(|| doc_id.clone());
        let names: std::collections::HashMap<&str, &str> = doc["actors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|a| Some((a["id"].as_str()?, a["name"].as_str()?)))
                    .collect()
            })
            .unwrap_or_default();
        let events = doc["events"].as_array().unwrap_or(&no_items);
        for e in events {
            let key = merge_key(e, &doc_id);
            let event = self.event_row(e, &key, &names, url.as_deref())?;
            let sentence = e["sentence"].as_i64().unwrap_or(0);
            let new_article: bool = !self.tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM mentions WHERE event = ?1 AND doc = ?2)",
                params![event, doc_row],
                |r| r.get(0),
            )?;
            let new_outlet: bool = !self.tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM mentions WHERE event = ?1 AND outlet = ?2)",
                params![event, outlet],
                |r| r.get(0),
            )?;
            self.tx.execute(
                "INSERT INTO mentions(event, doc, sentence, trigger, source_text, target_text, outlet, attribution)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    event,
                    doc_row,
                    sentence,
                    text(&e["trigger"]),
                    text(&e["source"]["text"]),
                    text(&e["target"]["text"]),
                    outlet,
                    text(&e["attribution"]["text"])
                ],
            )?;
            let mention = self.tx.last_insert_rowid();
            let evidence = sentences
                .iter()
                .find(|s| s["index"].as_i64() == Some(sentence))
                .and_then(|s| s["text"].as_str())
                .unwrap_or("");
            self.tx.execute(
                "INSERT INTO evidence(rowid, text) VALUES (?1, ?2)",
                params![mention, evidence],
            )?;
            self.tx.execute(
                "UPDATE events SET num_mentions = num_mentions + 1,
                    num_articles = num_articles + ?2, num_sources = num_sources + ?3,
                    first_sentence = min(first_sentence, ?4) WHERE id = ?1",
                params![event, new_article as i64, new_outlet as i64, sentence],
            )?;
        }
        Ok(Added::New {
            mentions: events.len(),
        })
    }

    /// The row of the event `e` merges into, created if it is the first report of it.
    fn event_row(
        &mut self,
        e: &Value,
        key: &str,
        names: &std::collections::HashMap<&str, &str>,
        url: Option<&str>,
    ) -> Result<i64, StoreError> {
        if let Some(id) = self
            .tx
            .query_row("SELECT id FROM events WHERE merge_key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?
        {
            return Ok(id);
        }
        let text = |v: &Value| v.as_str().map(str::to_string);
        let code = e["code"].as_str().unwrap_or("");
        let source = e["source"]["code"].as_str().unwrap_or("");
        let target = text(&e["target"]["code"]);
        let loc = &e["location"];
        let name = |side: &Value| {
            side["actor"]
                .as_str()
                .and_then(|a| names.get(a).map(|n| n.to_string()))
                .or_else(|| text(&side["text"]))
        };
        self.tx.execute(
            "INSERT INTO events(merge_key, date, date_precision, source, source_country, target, target_country,
                code, root, quad_class, goldstein, place, place_country, lat, lon, place_kind, negated, modality,
                source_name, target_name, first_sentence, source_url, date_until)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                ?19, ?20, ?21, ?22, ?23)",
            params![
                key,
                text(&e["date"]),
                text(&e["date_precision"]),
                source,
                country_of(source),
                target,
                target.as_deref().and_then(country_of),
                code,
                e["root"].as_str().unwrap_or(&code[..code.len().min(2)]),
                e["quad_class"].as_i64().unwrap_or(0),
                e["goldstein"].as_f64(),
                text(&loc["name"]),
                text(&loc["country"]),
                loc["lat"].as_f64(),
                loc["lon"].as_f64(),
                text(&loc["kind"]),
                e["negated"].as_bool().unwrap_or(false),
                e["modality"].as_str().unwrap_or("asserted"),
                name(&e["source"]),
                name(&e["target"]),
                e["sentence"].as_i64().unwrap_or(0),
                url,
                text(&e["date_until"]),
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Makes the batch's additions permanent.
    pub fn commit(self) -> Result<(), StoreError> {
        Ok(self.tx.commit()?)
    }
}

/// The key under which reports of the same event merge: day, source and target codes, full
/// CAMEO code, place, negation and modality. An undated event keys on its own document and
/// position, so it never merges.
pub fn merge_key(e: &Value, doc_id: &str) -> String {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    let date = s(&e["date"]);
    let tail = if date.is_empty() {
        format!("undated|{doc_id}|{}", s(&e["id"]))
    } else {
        date
    };
    format!(
        "{tail}|{}|{}|{}|{}|{}|{}",
        s(&e["source"]["code"]),
        s(&e["target"]["code"]),
        s(&e["code"]),
        s(&e["location"]["name"]),
        e["negated"].as_bool().unwrap_or(false),
        s(&e["modality"]),
    )
}

/// The country (or IGO) prefix of an actor code: its first three letters.
fn country_of(code: &str) -> Option<String> {
    let prefix = code.get(..3)?;
    prefix
        .bytes()
        .all(|b| b.is_ascii_uppercase())
        .then(|| prefix.to_string())
}

/// The host of a URL ("www.bbc.co.uk" in "https://www.bbc.co.uk/news/…").
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty())
}

/// A 128-bit hash of a document's title and body, as hex: two FNV-1a passes with different
/// offsets (stable across runs and platforms, unlike the standard library's hasher).
fn content_hash(title: &str, body: &str) -> String {
    let fnv = |seed: u64| {
        let mut h = seed;
        for b in title.bytes().chain([0xff]).chain(body.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("readout-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        let _ = std::fs::remove_file(&p);
        p
    }

    fn doc(
        id: &str,
        url: Option<&str>,
        publisher: &str,
        body: &str,
        events: &[(&str, &str, &str, &str)],
    ) -> String {
        let events: Vec<Value> = events
            .iter()
            .enumerate()
            .map(|(i, (date, src, tgt, code))| {
                serde_json::json!({
                    "id": format!("e{}", i + 1), "sentence": 1, "code": code, "root": &code[..2],
                    "quad_class": 1, "goldstein": 1.0, "source": {"code": src, "text": src},
                    "target": {"code": tgt, "text": tgt}, "trigger": "met",
                    "date": if date.is_empty() { Value::Null } else { Value::from(*date) },
                    "location": null, "negated": false, "modality": "asserted"
                })
            })
            .collect();
        serde_json::json!({
            "id": id,
            "article": {"title": "T", "published": "2024-05-06", "url": url, "publisher": publisher, "language": "en", "body": body},
            "sentences": [{"index": 0, "kind": "title", "text": "T"}, {"index": 1, "kind": "body", "text": body}],
            "actors": [], "events": events, "quotes": []
        })
        .to_string()
    }

    #[test]
    fn a_span_s_end_and_a_site_without_coordinates_are_kept() {
        let path = temp("span.db");
        let mut store = Store::open(&path).unwrap();
        let mut batch = store.begin().unwrap();
        let mut record: Value = serde_json::from_str(&doc(
            "a",
            None,
            "One",
            "Japan met China from May 6 to May 8 at the Hotel Saturnia.",
            &[("2024-05-06", "JPN", "CHN", "040")],
        ))
        .unwrap();
        let event = &mut record["events"][0];
        event["date_until"] = "2024-05-08".into();
        event["location"] = serde_json::json!({"name": "Hotel Saturnia", "country": "ITA",
            "lat": null, "lon": null, "kind": "site", "how": "text", "text": "Hotel Saturnia"});
        batch.add_json(&record.to_string()).unwrap();
        batch.commit().unwrap();
        let row: (Option<String>, String, Option<f64>, String) = store
            .conn()
            .query_row(
                "SELECT date_until, place, lat, place_kind FROM events",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(
            row,
            (
                Some("2024-05-08".into()),
                "Hotel Saturnia".into(),
                None,
                "site".into()
            )
        );
    }

    #[test]
    fn the_same_event_in_two_articles_is_one_event_with_counts() {
        let path = temp("merge.db");
        let mut store = Store::open(&path).unwrap();
        let mut batch = store.begin().unwrap();
        let a = doc(
            "a",
            Some("https://one.example/a"),
            "One",
            "Japan met China.",
            &[("2024-05-06", "JPN", "CHN", "040")],
        );
        let b = doc(
            "b",
            Some("https://two.example/b"),
            "Two",
            "Japan and China met.",
            &[
                ("2024-05-06", "JPN", "CHN", "040"),
                ("", "JPN", "CHN", "040"),
            ],
        );
        assert_eq!(batch.add_json(&a).unwrap(), Added::New { mentions: 1 });
        assert_eq!(batch.add_json(&b).unwrap(), Added::New { mentions: 2 });
        // The same URL again, or the same text under another URL: nothing new.
        assert_eq!(batch.add_json(&a).unwrap(), Added::Duplicate);
        let again = doc(
            "c",
            Some("https://three.example/c"),
            "Three",
            "Japan met China.",
            &[],
        );
        assert_eq!(batch.add_json(&again).unwrap(), Added::Duplicate);
        batch.commit().unwrap();
        assert_eq!(store.counts().unwrap(), (2, 2, 3));
        let (mentions, sources, articles): (i64, i64, i64) = store
            .conn()
            .query_row(
                "SELECT num_mentions, num_sources, num_articles FROM events WHERE date = '2024-05-06'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((mentions, sources, articles), (2, 2, 2));
    }

    #[test]
    fn an_uncommitted_batch_adds_nothing() {
        let path = temp("rollback.db");
        let mut store = Store::open(&path).unwrap();
        {
            let mut batch = store.begin().unwrap();
            batch
                .add_json(&doc(
                    "a",
                    None,
                    "One",
                    "Japan met China.",
                    &[("2024-05-06", "JPN", "CHN", "040")],
                ))
                .unwrap();
        }
        assert_eq!(store.counts().unwrap(), (0, 0, 0));
    }

    #[test]
    fn a_foreign_file_is_refused_and_left_untouched() {
        let path = temp("foreign.db");
        std::fs::write(&path, b"just some text, not a database").unwrap();
        let err = Store::open(&path).err().expect("refused");
        assert!(matches!(err, StoreError::Foreign(_)), "{err}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"just some text, not a database"
        );
        // Another program's SQLite file.
        let other = temp("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        assert!(matches!(Store::open(&other), Err(StoreError::Foreign(_))));
        // A readout store of another schema version.
        let old = temp("old.db");
        drop(Store::open(&old).unwrap());
        Connection::open(&old)
            .unwrap()
            .pragma_update(None, "user_version", 0)
            .unwrap();
        let err = Store::open(&old).err().expect("refused");
        assert!(err.to_string().contains("schema version 0"), "{err}");
        // A newer one.
        let newer = temp("newer.db");
        drop(Store::open(&newer).unwrap());
        Connection::open(&newer)
            .unwrap()
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        let err = Store::open(&newer).err().expect("refused");
        assert!(err.to_string().contains("newer readout"), "{err}");
    }

    #[test]
    fn a_version_1_store_is_migrated_and_keeps_its_events() {
        let path = temp("v1.db");
        let mut store = Store::open(&path).unwrap();
        let mut batch = store.begin().unwrap();
        batch
            .add_json(&doc(
                "a",
                Some("https://a.example/1"),
                "One",
                "Japan met China.",
                &[("2024-05-06", "JPN", "CHN", "040")],
            ))
            .unwrap();
        batch.commit().unwrap();
        let before = store.counts().unwrap();
        drop(store);
        // What a version 1 store looked like: no ordering indexes, no end of a span,
        // user_version 1.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP INDEX events_reported; DROP INDEX events_goldstein; DROP INDEX events_date;
             CREATE INDEX events_date ON events(date); ALTER TABLE events DROP COLUMN date_until;
             PRAGMA user_version = 1;",
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.counts().unwrap(), before);
        let version: i64 = store
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let indexes: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('events_reported', 'events_goldstein')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexes, 2);
        let until: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'date_until'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(until, 1, "version 3 adds the end of a span");
    }
}
