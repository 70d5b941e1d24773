//! `readout extract`: HTML pages in, the article of each out (body, title, date, publisher,
//! authors, captions), as JSON Lines or, with `--map`, as one JSON object keyed by page id
//! (the form the extraction benchmark's scorer reads).

use anyhow::{Context, Result};
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

pub fn article_json(article: &readout_html::Article, url: Option<&str>) -> Value {
    json!({
                "url": url.map(str::to_string).or(article.url.clone()),
        "title": article.title,
        "published": article.published.map(|d| d.to_string()),
        "published_from": article.published_from.map(|s| s.as_str()),
        "publisher": article.publisher,
        "authors": article.authors,
        "language": article.language,
        "encoding": article.encoding,
        "articleBody": article.body(),
        "captions": article.captions,
    })
}

pub fn run(inputs: &[PathBuf], map: bool, url: Option<&str>) -> Result<ExitCode> {
    let pipeline = readout::Pipeline::embedded()?;
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
        };
        let article = match readout::guarded(|| readout_html::extract(&bytes, &info)) {
            Ok(article) => article,
            Err(e) => {
                eprintln!("readout: {name}: {e}");
                failed += 1;
                continue;
            }
        };
        extracted += 1;
        let value = article_json(&article, url);
        let id = if path.as_os_str() == "-" {
            "stdin".to_string()
        } else {
            page_id(&path)
        };
        if map {
            all.insert(id, value);
        } else {
            let mut v = value;
            v["id"] = Value::String(id);
            writeln!(out, "{v}").context("writing output")?;
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
