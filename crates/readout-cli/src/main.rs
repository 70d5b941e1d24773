//! `readout`: turn news into sourced political event data.
//!
//! Subcommands: `code` (inputs → JSON Lines), `explain` (why a sentence was coded so),
//! `lexicon check` / `lexicon stats`, and `bench` (throughput over a corpus).

/// Coding allocates many small, short-lived vectors; mimalloc handles that pattern well.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod bench;
mod code;
mod extract;
mod parse;
mod progress;
mod store;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use readout_ingest::input::Format;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "readout",
    version,
    about = "Turn news into structured, sourced political event data (CAMEO)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name)
        .ok_or_else(|| format!("unknown format {name:?} (auto, text, jsonl, html, warc or feed)"))
}

/// Which dictionaries to code with.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct LexiconArgs {
    /// Extra lexicon directory or file in readout's format, loaded on top (repeatable).
    #[arg(long, value_name = "DIR")]
    pub lexicon: Vec<PathBuf>,
    /// A TABARI/PETRARCH actor dictionary to load (repeatable).
    #[arg(long, value_name = "FILE")]
    pub petrarch_actors: Vec<PathBuf>,
    /// A TABARI/PETRARCH agent dictionary to load (repeatable).
    #[arg(long, value_name = "FILE")]
    pub petrarch_agents: Vec<PathBuf>,
    /// Leave out readout's own actors, agents and persons (code with the dictionaries above
    /// instead); verbs, places and grammar stay.
    #[arg(long)]
    pub no_builtin_actors: bool,
}

impl LexiconArgs {
    /// The library's description of the lexicon these arguments ask for.
    pub fn options(&self) -> readout::LexiconOptions {
        readout::LexiconOptions {
            no_builtin_actors: self.no_builtin_actors,
            dirs: self.lexicon.clone(),
            petrarch_actors: self.petrarch_actors.clone(),
            petrarch_agents: self.petrarch_agents.clone(),
        }
    }
}

/// `readout query`'s options: the store and the filter.
#[derive(clap::Args)]
pub struct QueryArgs {
    /// The database file.
    #[arg(long, default_value = "readout.db")]
    pub db: PathBuf,
    /// An actor code prefix on either side (CHN, USAGOV, IGOUNO).
    #[arg(long)]
    pub actor: Option<String>,
    /// A source actor code prefix.
    #[arg(long)]
    pub source: Option<String>,
    /// A target actor code prefix.
    #[arg(long)]
    pub target: Option<String>,
    /// A CAMEO code prefix: a root ("19") or a code ("0231").
    #[arg(long)]
    pub code: Option<String>,
    /// A quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    #[arg(long)]
    pub quad: Option<i64>,
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Words of the place's name.
    #[arg(long)]
    pub place: Option<String>,
    /// The ISO alpha-3 code of the country it happened in.
    #[arg(long)]
    pub country: Option<String>,
    /// asserted, hypothetical, intended, conditional or requested.
    #[arg(long)]
    pub modality: Option<String>,
    /// Only events reported as not having happened.
    #[arg(long, conflicts_with = "happened")]
    pub negated: bool,
    /// Only events reported as having happened (not negated).
    #[arg(long)]
    pub happened: bool,
    /// An outlet that reported the event (its publisher or site).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Full-text search over the evidence sentences (SQLite FTS5 syntax).
    #[arg(long)]
    pub text: Option<String>,
    /// The most events listed.
    #[arg(long, default_value = "100")]
    pub limit: usize,
    /// Events to skip (paging).
    #[arg(long, default_value = "0")]
    pub offset: usize,
    /// newest, oldest, reported (most reported first), conflict (lowest Goldstein first) or
    /// cooperation.
    #[arg(long, default_value = "newest", value_parser = parse_order)]
    pub order: readout_store::query::Order,
    /// table, csv or jsonl.
    #[arg(long, value_parser = store::parse_output_format)]
    pub format: Option<store::OutputFormat>,
}

impl QueryArgs {
    /// The store's filter these options describe.
    fn filter(&self) -> readout_store::query::Filter {
        readout_store::query::Filter {
            actor: self.actor.clone(),
            source: self.source.clone(),
            target: self.target.clone(),
            code: self.code.clone(),
            quad: self.quad,
            from: self.from.clone(),
            to: self.to.clone(),
            place: self.place.clone(),
            country: self.country.clone(),
            modality: self.modality.clone(),
            negated: match (self.negated, self.happened) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            outlet: self.outlet.clone(),
            text: self.text.clone(),
            order: self.order,
            limit: self.limit,
            offset: self.offset,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Code documents: files (or `-` for stdin) in, one JSON object per document out.
    Code {
        /// Input files or directories (read recursively); `-` or nothing reads standard input.
        inputs: Vec<PathBuf>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Publication date (YYYY-MM-DD) for inputs that carry none.
        #[arg(long)]
        date: Option<String>,
        /// The inputs' kind: auto (guess from name and content), text (a scraped page, first line
        /// the title), jsonl (records with id, text or html, title, url, published), html, warc
        /// (WARC or WARC.gz: its HTML responses) or feed (RSS or Atom: one document per item).
        #[arg(long, default_value = "auto", value_parser = parse_format)]
        format: Format,
        /// Threads to code with (default: every core; at most two per core are used).
        #[arg(long)]
        threads: Option<usize>,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Code documents and keep them in an event store (SQLite): the same event reported by
    /// several articles is merged, and a document already stored is not stored again.
    Ingest {
        /// Input files or directories, as for `code`; `-` or nothing reads standard input.
        inputs: Vec<PathBuf>,
        /// The database file (created if missing).
        #[arg(long, default_value = "readout.db")]
        db: PathBuf,
        /// Publication date (YYYY-MM-DD) for inputs that carry none.
        #[arg(long)]
        date: Option<String>,
        /// The inputs' kind, as for `code`.
        #[arg(long, default_value = "auto", value_parser = parse_format)]
        format: Format,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Events in a store, filtered: a table on a terminal, CSV otherwise (or --format).
    Query(QueryArgs),
    /// One event of a store with every article that reported it and the sentences behind it.
    Show {
        /// The event's id (from `readout query`).
        id: i64,
        /// The database file.
        #[arg(long, default_value = "readout.db")]
        db: PathBuf,
    },
    /// Events between two actors per day, week or month, both directions: counts per quad
    /// class and Goldstein sum and mean.
    Dyad {
        /// The first actor (a code prefix: CHN, USAGOV).
        a: String,
        /// The second actor.
        b: String,
        /// The database file.
        #[arg(long, default_value = "readout.db")]
        db: PathBuf,
        /// day, week or month.
        #[arg(long, default_value = "week", value_parser = parse_period)]
        by: readout_store::query::Period,
        /// table, csv or jsonl.
        #[arg(long, value_parser = store::parse_output_format)]
        format: Option<store::OutputFormat>,
        /// Also draw the series as an SVG chart: one panel per direction, a line per quad class.
        #[arg(long, value_name = "FILE.svg")]
        chart: Option<PathBuf>,
    },
    /// Serve a store over HTTP: a JSON API (`/api/`, described at `/api/openapi.json`) and a
    /// web page for analysts (`/`). The store is opened read-only.
    Serve {
        /// The database file.
        #[arg(long, default_value = "readout.db")]
        db: PathBuf,
        /// The address to listen on; loopback unless you say otherwise (port 0: any free port).
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
        /// Seconds a query may run before it is stopped and answered 503.
        #[arg(long, default_value = "10")]
        query_timeout: u64,
    },
    /// Every event of a store: gdelt (the GDELT 2.0 event table, 61 tab-separated columns),
    /// csv or jsonl (on standard output, or to --out), or parquet (a directory per period).
    Export {
        /// The database file.
        #[arg(long, default_value = "readout.db")]
        db: PathBuf,
        /// gdelt, csv, jsonl or parquet.
        #[arg(long, default_value = "jsonl")]
        format: String,
        /// Where to write: a file for gdelt, csv and jsonl (standard output without it); a new
        /// or empty directory for parquet (required).
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Parquet only: one directory per day, month or year of the events' dates.
        #[arg(long, default_value = "month")]
        partition: String,
    },
    /// Show how a sentence (or a file) is analysed and coded.
    Explain {
        /// The sentence to explain.
        text: Option<String>,
        /// Explain a whole file instead (scraped text).
        #[arg(long)]
        file: Option<PathBuf>,
        #[arg(long)]
        date: Option<String>,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Tag and parse plain text: every sentence as CoNLL-U (universal and Penn tags, heads,
    /// Universal Dependencies relations).
    Parse {
        /// Text files (paragraphs separated by blank lines); `-` reads standard input.
        inputs: Vec<PathBuf>,
        /// Parse this text instead of (or besides) files.
        #[arg(long)]
        text: Option<String>,
    },
    /// Validate or describe lexicon files.
    Lexicon {
        #[command(subcommand)]
        command: LexiconCommand,
    },
    /// Extract the article from HTML pages (plain or gzipped): body, title, date, publisher.
    Extract {
        /// HTML files (`.html` or `.html.gz`) or directories of them (read recursively); `-` or
        /// nothing reads one page from standard input.
        inputs: Vec<PathBuf>,
        /// Print one JSON object mapping each page id (file name) to its article.
        #[arg(long)]
        map: bool,
        /// The pages' URL, when all inputs share one (for dates in URLs).
        #[arg(long)]
        url: Option<String>,
        /// Also give the readers' comments under each article (`comments`: author, date,
        /// text), read from the comment markup pages serve; they are never part of the body.
        #[arg(long)]
        comments: bool,
    },
    /// Measure throughput on one thread (MB/s, documents/s): coding JSON Lines corpora, or with
    /// `--html`, extracting and coding HTML pages held in memory.
    Bench {
        /// JSON Lines files (records with `text`), or with `--html` HTML files (plain or gzipped).
        inputs: Vec<PathBuf>,
        /// The inputs are HTML pages: time extraction, then extraction and coding.
        #[arg(long)]
        html: bool,
        /// Code the corpus this many times.
        #[arg(long, default_value_t = 5)]
        repeat: usize,
    },
}

#[derive(Subcommand)]
enum LexiconCommand {
    /// Report malformed entries, unknown codes and duplicate names as file:line.
    Check {
        /// A lexicon directory or file of your own, checked on top of the built-in lexicon
        /// (as `--lexicon DIR` loads it: a country it names must exist, a country it defines
        /// must be new); without one, the built-in lexicon plus any dictionaries given with the
        /// options.
        dir: Option<PathBuf>,
        /// Check DIR on its own, without the built-in lexicon (for the lexicon's own sources).
        #[arg(long, requires = "dir")]
        alone: bool,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Count entries by kind, and time loading.
    Stats {
        /// A lexicon directory or file of your own, counted on top of the built-in lexicon.
        dir: Option<PathBuf>,
        /// Count DIR on its own, without the built-in lexicon.
        #[arg(long, requires = "dir")]
        alone: bool,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
}

fn parse_order(s: &str) -> Result<readout_store::query::Order, String> {
    readout_store::query::Order::from_name(s)
        .ok_or_else(|| format!("{s:?}: newest, oldest, reported, conflict or cooperation"))
}

fn parse_period(name: &str) -> Result<readout_store::query::Period, String> {
    readout_store::query::Period::from_name(name)
        .ok_or_else(|| format!("unknown period {name:?}: day, week or month"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // Whoever read the output has all they wanted: that ends the run quietly.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("readout: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// More threads than this many per core only add switching (a thousand threads ran 70 times
/// slower than two).
const THREADS_PER_CORE: usize = 2;

/// The threads `--threads N` gets: at least one, at most [`THREADS_PER_CORE`] per core.
fn thread_count(asked: usize) -> Result<usize> {
    if asked == 0 {
        bail!("--threads 0: give at least 1 (or leave --threads out to use every core)");
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = cores * THREADS_PER_CORE;
    if asked > most {
        eprintln!(
            "readout: --threads {asked} is more than {cores} core(s) can use; using {most} threads"
        );
        return Ok(most);
    }
    Ok(asked)
}

/// Whether an error is output written to a closed pipe (`readout … | head -1`).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Code {
            inputs,
            output,
            date,
            format,
            threads,
            lexicon,
        } => {
            if let Some(n) = threads {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(thread_count(n)?)
                    .build_global()
                    .context("starting the worker threads")?;
            }
            code::run(
                &inputs,
                output.as_deref(),
                date.as_deref(),
                format,
                &lexicon,
            )
        }
        Command::Ingest {
            inputs,
            db,
            date,
            format,
            lexicon,
        } => store::ingest(&inputs, &db, date.as_deref(), format, &lexicon),
        Command::Query(args) => store::query(&args.db, &args.filter(), args.format),
        Command::Show { id, db } => store::show(&db, id),
        Command::Dyad {
            a,
            b,
            db,
            by,
            format,
            chart,
        } => store::dyad(&db, &a, &b, by, format, chart.as_deref()),
        Command::Serve {
            db,
            listen,
            query_timeout,
        } => {
            if !listen.ip().is_loopback() {
                eprintln!(
                    "readout: listening on {listen}, which other machines can reach; the API has no authentication"
                );
            }
            let mut config = readout_server::Config::new(db);
            config.listen = listen;
            config.query_timeout = std::time::Duration::from_secs(query_timeout.max(1));
            readout_server::run(config)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            db,
            format,
            out,
            partition,
        } => store::export(&db, &format, out.as_deref(), &partition),
        Command::Explain {
            text,
            file,
            date,
            lexicon,
        } => code::explain(text.as_deref(), file.as_deref(), date.as_deref(), &lexicon),
        Command::Parse { inputs, text } => parse::run(&inputs, text.as_deref()),
        Command::Lexicon {
            command:
                LexiconCommand::Check {
                    dir,
                    alone,
                    lexicon,
                },
        } => code::lexicon_check(dir.as_deref(), alone, &lexicon),
        Command::Lexicon {
            command:
                LexiconCommand::Stats {
                    dir,
                    alone,
                    lexicon,
                },
        } => code::lexicon_stats(dir.as_deref(), alone, &lexicon),
        Command::Bench {
            inputs,
            repeat,
            html: false,
        } => bench::run(&inputs, repeat),
        Command::Bench {
            inputs,
            repeat,
            html: true,
        } => bench::run_html(&inputs, repeat),
        Command::Extract {
            inputs,
            map,
            url,
            comments,
        } => extract::run(&inputs, map, url.as_deref(), comments),
    }
}
