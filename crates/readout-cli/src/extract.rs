//! `readout extract`: HTML pages in, the article of each out, as JSON Lines (`id`, `article`,
//! `encoding`) or, with `--map`, as one JSON object keyed by page id (the form the extraction
//! and date benchmarks' scorers read). The `article` object is the one `readout code` writes:
//! both build the page's document the same way; extraction just stops before coding.

use anyhow::{Context, Result};
use readout_doc::output::OutputArticle;
use readout_doc::ArticleMeta;
use readout_html::PageInfo;
use serde_json::{json, Map, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The page id of a file: its name without `.html`, `.htm` and `.gz`.
fn page_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut id = name.as_str();
    for ext in [".gz", ".html", ".htm"] {
        id = id.strip_suffix(ext).unwrap_or(id);
    }
    id.to_string()
}

/// A comment as `readout extract --comments` gives it.
fn comment_json(c: &readout_html::comments::Comment) -> Value {
    json!({
        "author": c.author,
        "published": c.published.map(|d| d.to_string()),
        "text": c.text,
    })
}

pub fn run(inputs: &[PathBuf], map: bool, url: Option<&str>, comments: bool) -> Result<ExitCode> {
    let pipeline = readout::Pipeline::embedded()?;
    let opts = pipeline.ingest_options(None);
    let mut out = std::io::stdout().lock();
    let mut all = Map::new();
    let (mut extracted, mut failed) = (0, 0);
    let stdin = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &stdin[..]
    } else {
        inputs
    };
    for (path, dir_error) in crate::code::expand(inputs) {
        let name = crate::code::input_name(&path);
        if let Some(e) = dir_error {
            eprintln!("readout: {name}: cannot read directory: {e}");
            failed += 1;
            continue;
        }
        let bytes = match readout_ingest::read_file(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("readout: {name}: {e:#}");
                failed += 1;
                continue;
            }
        };
        if bytes.len() > readout_html::MAX_PAGE_BYTES {
            eprintln!(
                "readout: warning: {name}: the page has {} bytes; only its first {} MiB are read",
                bytes.len(),
                readout_html::MAX_PAGE_BYTES >> 20
            );
        }
        let info = PageInfo {
            url,
            content_type: None,
            furniture: pipeline.furniture(),
            comments,
        };
        let id = if path.as_os_str() == "-" {
            "stdin".to_string()
        } else {
            page_id(&path)
        };
        let page = readout::guarded(|| {
            let mut article = readout_html::extract(&bytes, &info);
            let encoding = article.encoding;
            let comments = std::mem::take(&mut article.comments);
            let known = ArticleMeta {
                url: url.map(str::to_string),
                ..ArticleMeta::default()
            };
            let doc =
                readout_ingest::input::document_from_article(id.clone(), article, known, &opts);
            (doc, encoding, comments)
        });
        let (doc, encoding, page_comments) = match page {
            Ok(page) => page,
            Err(e) => {
                eprintln!("readout: {name}: {e}");
                failed += 1;
                continue;
            }
        };
        extracted += 1;
        let article = OutputArticle::new(&doc);
        let mut value = serde_json::to_value(&article).context("serialising")?;
        if comments {
            value["comments"] = page_comments.iter().map(comment_json).collect();
        }
        if map {
            // schema.org's name for the body, which extraction benchmarks read.
            value["articleBody"] = Value::String(article.body.clone());
            all.insert(id, value);
        } else {
            let line = json!({"id": id, "article": value, "encoding": encoding});
            writeln!(out, "{line}").context("writing output")?;
        }
    }
    if map {
        writeln!(out, "{}", Value::Object(all)).context("writing output")?;
    }
    eprintln!("readout: {extracted} page(s) extracted, {failed} failed");
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
