//! The events table as Parquet: typed columns (integers, reals, booleans, days), every event
//! (negated and unasserted ones too, with the columns that say so), one directory per period
//! in Hive's layout (`month=2024-05/part-0.parquet`) so that DuckDB, pyarrow/pandas and Spark
//! read a whole corpus, or prune to the periods a query asks for.
//!
//! Events with no date go to `month=__HIVE_DEFAULT_PARTITION__`, the name Hive, Spark and
//! pyarrow read as a null key.

use crate::{Store, StoreError};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use readout_doc::Date;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How events are split into directories by their date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partition {
    /// `day=2024-05-06/`
    Day,
    /// `month=2024-05/`
    Month,
    /// `year=2024/`
    Year,
}

impl Partition {
    /// The partition named `day`, `month` or `year`.
    pub fn from_name(name: &str) -> Option<Partition> {
        match name {
            "day" => Some(Partition::Day),
            "month" => Some(Partition::Month),
            "year" => Some(Partition::Year),
            _ => None,
        }
    }

    /// The directory of an event with this date (`YYYY-MM-DD`, or none).
    fn directory(self, date: Option<&str>) -> String {
        let (key, len) = match self {
            Partition::Day => ("day", 10),
            Partition::Month => ("month", 7),
            Partition::Year => ("year", 4),
        };
        match date.and_then(|d| d.get(..len)) {
            Some(value) => format!("{key}={value}"),
            None => format!("{key}=__HIVE_DEFAULT_PARTITION__"),
        }
    }
}

/// A column's type in the file.
#[derive(Clone, Copy)]
enum Kind {
    Int,
    Real,
    Text,
    Flag,
    /// `YYYY-MM-DD` text in the store, a Parquet DATE (days since 1970-01-01) in the file.
    Day,
}

/// The exported columns: name (the same as in the store's `events` table), type, and whether
/// it may be null.
const COLUMNS: [(&str, Kind, bool); 26] = [
    ("id", Kind::Int, false),
    ("date", Kind::Day, true),
    ("date_precision", Kind::Text, true),
    ("date_until", Kind::Day, true),
    ("source", Kind::Text, false),
    ("source_country", Kind::Text, true),
    ("source_name", Kind::Text, true),
    ("target", Kind::Text, true),
    ("target_country", Kind::Text, true),
    ("target_name", Kind::Text, true),
    ("code", Kind::Text, false),
    ("root", Kind::Text, false),
    ("quad_class", Kind::Int, false),
    ("goldstein", Kind::Real, true),
    ("place", Kind::Text, true),
    ("place_country", Kind::Text, true),
    ("lat", Kind::Real, true),
    ("lon", Kind::Real, true),
    ("place_kind", Kind::Text, true),
    ("negated", Kind::Flag, false),
    ("modality", Kind::Text, false),
    ("num_mentions", Kind::Int, false),
    ("num_sources", Kind::Int, false),
    ("num_articles", Kind::Int, false),
    ("source_url", Kind::Text, true),
    ("added", Kind::Text, false),
];

/// Rows per Arrow batch handed to the writer: bounded memory on a store of any size.
const BATCH_ROWS: usize = 65_536;

/// What an export wrote.
#[derive(Debug, Default)]
pub struct ParquetSummary {
    /// Events written.
    pub rows: usize,
    /// The files written, in order.
    pub files: Vec<PathBuf>,
}

/// One column being filled.
enum Builder {
    Int(Int64Builder),
    Real(Float64Builder),
    Text(StringBuilder),
    Flag(BooleanBuilder),
    Day(Date32Builder),
}

impl Builder {
    fn new(kind: Kind) -> Builder {
        match kind {
            Kind::Int => Builder::Int(Int64Builder::new()),
            Kind::Real => Builder::Real(Float64Builder::new()),
            Kind::Text => Builder::Text(StringBuilder::new()),
            Kind::Flag => Builder::Flag(BooleanBuilder::new()),
            Kind::Day => Builder::Day(Date32Builder::new()),
        }
    }

    fn push(&mut self, row: &rusqlite::Row, i: usize) -> rusqlite::Result<()> {
        match self {
            Builder::Int(b) => b.append_option(row.get::<_, Option<i64>>(i)?),
            Builder::Real(b) => b.append_option(row.get::<_, Option<f64>>(i)?),
            Builder::Text(b) => b.append_option(row.get::<_, Option<String>>(i)?),
            Builder::Flag(b) => b.append_option(row.get::<_, Option<bool>>(i)?),
            Builder::Day(b) => b.append_option(
                row.get::<_, Option<String>>(i)?
                    .and_then(|d| Date::parse(&d).ok())
                    .map(|d| d.to_days() as i32),
            ),
        }
        Ok(())
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Real(b) => Arc::new(b.finish()),
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Flag(b) => Arc::new(b.finish()),
            Builder::Day(b) => Arc::new(b.finish()),
        }
    }
}

fn schema() -> SchemaRef {
    let fields: Vec<Field> = COLUMNS
        .iter()
        .map(|&(name, kind, nullable)| {
            let ty = match kind {
                Kind::Int => DataType::Int64,
                Kind::Real => DataType::Float64,
                Kind::Text => DataType::Utf8,
                Kind::Flag => DataType::Boolean,
                Kind::Day => DataType::Date32,
            };
            Field::new(name, ty, nullable)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

/// The file being written for one partition, with the rows not yet handed to it.
struct Open {
    directory: String,
    path: PathBuf,
    writer: ArrowWriter<std::fs::File>,
    builders: Vec<Builder>,
    pending: usize,
}

impl Open {
    fn flush(&mut self, schema: &SchemaRef) -> Result<(), StoreError> {
        if self.pending == 0 {
            return Ok(());
        }
        let columns: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        let batch = RecordBatch::try_new(schema.clone(), columns)
            .map_err(|e| export_error(&self.path, e))?;
        self.writer
            .write(&batch)
            .map_err(|e| export_error(&self.path, e))?;
        self.pending = 0;
        Ok(())
    }

    fn close(mut self, schema: &SchemaRef) -> Result<PathBuf, StoreError> {
        self.flush(schema)?;
        self.writer
            .close()
            .map_err(|e| export_error(&self.path, e))?;
        Ok(self.path)
    }
}

fn export_error(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Export(format!("{}: {e}", path.display()))
}

/// Writes every event under `dir` (created; it must not exist or be empty, so that no earlier
/// export is mixed in or overwritten), one Snappy-compressed file per period, events in date
/// then id order.
pub fn parquet(
    store: &Store,
    dir: &Path,
    partition: Partition,
) -> Result<ParquetSummary, StoreError> {
    if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(StoreError::Export(format!(
            "{} is not empty; a Parquet export goes to a new or empty directory, so that nothing \
             is overwritten or mixed with an earlier export",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| export_error(dir, e))?;
    let schema = schema();
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.0).collect();
    // Undated events last: they share one partition.
    let sql = format!(
        "SELECT {} FROM events ORDER BY date IS NULL, date, id",
        names.join(", ")
    );
    let date_column = names
        .iter()
        .position(|&n| n == "date")
        .expect("a date column");
    let mut stmt = store.conn().prepare(&sql)?;
    let mut rows = stmt.query([])?;
    let mut summary = ParquetSummary::default();
    let mut open: Option<Open> = None;
    while let Some(row) = rows.next()? {
        let date: Option<String> = row.get(date_column)?;
        let directory = partition.directory(date.as_deref());
        if open.as_ref().is_none_or(|o| o.directory != directory) {
            if let Some(done) = open.take() {
                summary.files.push(done.close(&schema)?);
            }
            let sub = dir.join(&directory);
            std::fs::create_dir_all(&sub).map_err(|e| export_error(&sub, e))?;
            let path = sub.join("part-0.parquet");
            let file = std::fs::File::create(&path).map_err(|e| export_error(&path, e))?;
            let writer = ArrowWriter::try_new(file, schema.clone(), Some(props.clone()))
                .map_err(|e| export_error(&path, e))?;
            open = Some(Open {
                directory,
                path,
                writer,
                builders: COLUMNS.iter().map(|c| Builder::new(c.1)).collect(),
                pending: 0,
            });
        }
        let o = open.as_mut().expect("opened above");
        for (i, b) in o.builders.iter_mut().enumerate() {
            b.push(row, i)?;
        }
        o.pending += 1;
        summary.rows += 1;
        if o.pending == BATCH_ROWS {
            o.flush(&schema)?;
        }
    }
    if let Some(done) = open.take() {
        summary.files.push(done.close(&schema)?);
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_name_hive_directories_and_undated_events_get_the_null_key() {
        assert_eq!(
            Partition::Month.directory(Some("2024-05-06")),
            "month=2024-05"
        );
        assert_eq!(
            Partition::Day.directory(Some("2024-05-06")),
            "day=2024-05-06"
        );
        assert_eq!(Partition::Year.directory(Some("2024-05-06")), "year=2024");
        assert_eq!(
            Partition::Month.directory(None),
            "month=__HIVE_DEFAULT_PARTITION__"
        );
        assert_eq!(Partition::from_name("week"), None);
    }

    #[test]
    fn every_exported_column_exists_in_the_store() {
        let dir = std::env::temp_dir().join(format!("readout-parquet-cols-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&dir.join("s.db")).unwrap();
        let out = dir.join("out");
        // An empty store writes no file but checks the select against the schema.
        let summary = parquet(&store, &out, Partition::Month).unwrap();
        assert_eq!(summary.rows, 0);
        assert!(summary.files.is_empty());
        // A directory with something in it is refused and left alone.
        std::fs::write(out.join("keep.txt"), "mine").unwrap();
        let err = parquet(&store, &out, Partition::Month).unwrap_err();
        assert!(err.to_string().contains("is not empty"), "{err}");
        assert_eq!(
            std::fs::read_to_string(out.join("keep.txt")).unwrap(),
            "mine"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
