//! The JSON API. Every route, its parameters and its answers are described in
//! `openapi.json` (served at `/api/openapi.json`); this module is the code behind it.
//!
//! | route | answer |
//! |---|---|
//! | `GET /api/stats` | documents, events and mentions in the store |
//! | `GET /api/events?…` | events a filter selects, a page at a time |
//! | `GET /api/events/{id}` | one event with every mention and its evidence |
//! | `GET /api/dyad?a=&b=&by=` | a dyad's series per quad class, both directions |
//! | `GET /api/top?field=&…` | the most frequent actors or codes for a filter |
//! | `GET /api/places?…` | events per place, for the map |
//! | `GET /api/actors?q=` | actors by code or name prefix, for a search box |
//! | `POST /api/code` | an article coded: the output contract, each event explained |

use crate::pool::Pool;
use crate::{web, Config, ServerError};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State as Shared};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use readout::Pipeline;
use readout_store::export::event_json;
use readout_store::query::{self, EventRow, Filter, Order, Period, TopField};
use readout_store::StoreError;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// The most events one page of `/api/events` holds.
pub const MAX_PAGE: usize = 500;
/// The largest article `POST /api/code` takes.
pub const MAX_ARTICLE_BYTES: usize = 1 << 20;
/// Rows of `/api/top` and `/api/places` at most.
const MAX_ROWS: usize = 1000;

/// What every request shares.
pub struct State {
    pool: Arc<Pool>,
    pipeline: Pipeline,
    /// Coding runs at most this many at once (it is CPU work, not a query).
    coders: Semaphore,
    /// Every actor the lexicon names (lower-cased name, code, name), for the search box.
    names: Vec<(String, String, String)>,
}

impl State {
    /// Opens the store and builds the pipeline.
    pub fn new(config: &Config) -> Result<State, ServerError> {
        let pool = Pool::new(config.db.clone(), config.connections, config.query_timeout)?;
        let pipeline = Pipeline::embedded()?;
        let lexicon = pipeline.lexicon();
        let mut names: Vec<(String, String, String)> = lexicon
            .countries
            .iter()
            .map(|c| (c.name.to_lowercase(), c.code.clone(), c.name.clone()))
            .chain(
                lexicon
                    .actors
                    .iter()
                    .map(|a| (a.name.to_lowercase(), a.code.clone(), a.name.clone())),
            )
            .collect();
        names.sort();
        names.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        Ok(State {
            pool: Arc::new(pool),
            pipeline,
            coders: Semaphore::new(2),
            names,
        })
    }

    /// A code's name from its parts: its country's name and its sector codes ("United
    /// Kingdom GOV"). A stored event's actor name is one person or body, not the code's.
    fn describe(&self, code: &str) -> Option<String> {
        let lexicon = self.pipeline.lexicon();
        let country = &lexicon.countries[*lexicon.country_index.get(code.get(..3)?)? as usize];
        let rest = &code[3..];
        Some(if rest.is_empty() {
            country.name.clone()
        } else {
            format!("{} {rest}", country.name)
        })
    }

    /// The CAMEO name of an event code.
    fn code_name(&self, code: &str) -> Option<&str> {
        self.pipeline.lexicon().code(code).map(|c| c.name.as_str())
    }

    fn event(&self, e: &EventRow) -> Value {
        let mut v = event_json(e);
        v["code_name"] = json!(self.code_name(&e.code));
        v
    }
}

/// An error answered as JSON: `{"error": "...", "status": N}`.
#[derive(Debug)]
pub enum ApiError {
    /// A parameter or body is wrong (400).
    BadRequest(String),
    /// No such thing (404).
    NotFound(String),
    /// The body is larger than allowed (413).
    TooLarge(String),
    /// The server cannot take the request now, or its query ran too long (503).
    Busy(&'static str),
    /// Something failed on the server's side (500).
    Internal(String),
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            // A malformed full-text query is the caller's mistake.
            StoreError::Search { .. } => ApiError::BadRequest(format!("text: {e}")),
            StoreError::Sqlite(ref s) if s.to_string().contains("interrupted") => {
                ApiError::Busy("the query took too long and was stopped; narrow the filter")
            }
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            ApiError::NotFound(m) => (StatusCode::NOT_FOUND, m),
            ApiError::TooLarge(m) => (StatusCode::PAYLOAD_TOO_LARGE, m),
            ApiError::Busy(m) => (StatusCode::SERVICE_UNAVAILABLE, m.to_string()),
            ApiError::Internal(m) => (StatusCode::INTERNAL_SERVER_ERROR, m),
        };
        let mut response = (
            status,
            Json(json!({ "error": message, "status": status.as_u16() })),
        )
            .into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

type Params = Query<HashMap<String, String>>;
type Answer = Result<Json<Value>, ApiError>;

/// The API and the page, with the security headers every answer carries.
pub fn router(state: Arc<State>) -> Router {
    Router::new()
        .route("/api/stats", get(stats))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/dyad", get(dyad))
        .route("/api/top", get(top))
        .route("/api/places", get(places))
        .route("/api/actors", get(actors))
        .route(
            "/api/code",
            post(code).layer(DefaultBodyLimit::max(MAX_ARTICLE_BYTES)),
        )
        .route("/api/openapi.json", get(openapi))
        .route("/api/{*rest}", get(unknown_route))
        .merge(web::routes())
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

async fn security_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

async fn unknown_route(Path(rest): Path<String>) -> ApiError {
    ApiError::NotFound(format!("no API route /api/{rest} (see /api/openapi.json)"))
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
        .into_response()
}

async fn stats(Shared(state): Shared<Arc<State>>) -> Answer {
    let (documents, events, mentions) = state.pool.run(|s| s.counts()).await?;
    Ok(Json(
        json!({ "documents": documents, "events": events, "mentions": mentions }),
    ))
}

/// Reads the parameters a route accepts: a parameter it does not know is an error, so that a
/// misspelt filter is not silently ignored.
struct Reader<'a> {
    params: &'a HashMap<String, String>,
}

impl<'a> Reader<'a> {
    fn new(params: &'a HashMap<String, String>, known: &[&str]) -> Result<Self, ApiError> {
        if let Some(unknown) = params.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(ApiError::BadRequest(format!(
                "unknown parameter {unknown:?}; this route takes {}",
                known.join(", ")
            )));
        }
        Ok(Reader { params })
    }

    /// A non-empty text value, at most 200 bytes.
    fn text(&self, key: &str) -> Result<Option<String>, ApiError> {
        match self.params.get(key).map(|v| v.trim()) {
            None | Some("") => Ok(None),
            Some(v) if v.len() > 200 => Err(ApiError::BadRequest(format!(
                "{key} is longer than 200 bytes"
            ))),
            Some(v) => Ok(Some(v.to_string())),
        }
    }

    fn number(
        &self,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Result<Option<i64>, ApiError> {
        let Some(v) = self.text(key)? else {
            return Ok(None);
        };
        match v.parse::<i64>() {
            Ok(n) if range.contains(&n) => Ok(Some(n)),
            _ => Err(ApiError::BadRequest(format!(
                "{key} must be a whole number from {} to {}, not {v:?}",
                range.start(),
                range.end()
            ))),
        }
    }

    fn day(&self, key: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.text(key)? else {
            return Ok(None);
        };
        readout_doc::Date::parse(&v)
            .ok()
            .filter(|_| v.len() == 10)
            .map(|d| Some(d.to_string()))
            .ok_or_else(|| {
                ApiError::BadRequest(format!("{key} must be a day, YYYY-MM-DD, not {v:?}"))
            })
    }

    /// An actor or event code prefix: capital letters and digits.
    fn code(&self, key: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.text(key)? else {
            return Ok(None);
        };
        let v = v.to_uppercase();
        if v.len() > 40
            || !v
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            return Err(ApiError::BadRequest(format!(
                "{key} must be a code (letters and digits, such as CHN, USAGOV or 19), not {v:?}"
            )));
        }
        Ok(Some(v))
    }

    fn filter(&self) -> Result<Filter, ApiError> {
        let negated = match self.text("negated")?.as_deref() {
            None => None,
            Some("true") => Some(true),
            Some("false") => Some(false),
            Some(v) => {
                return Err(ApiError::BadRequest(format!(
                    "negated must be true or false, not {v:?}"
                )))
            }
        };
        let modality = self.text("modality")?;
        if let Some(m) = &modality {
            if ![
                "asserted",
                "hypothetical",
                "intended",
                "conditional",
                "requested",
            ]
            .contains(&m.as_str())
            {
                return Err(ApiError::BadRequest(format!(
                    "modality must be asserted, hypothetical, intended, conditional or requested, not {m:?}"
                )));
            }
        }
        let order = match self.text("order")? {
            None => Order::Newest,
            Some(o) => Order::from_name(&o).ok_or_else(|| {
                ApiError::BadRequest(format!(
                    "order must be newest, oldest, reported, conflict or cooperation, not {o:?}"
                ))
            })?,
        };
        Ok(Filter {
            actor: self.code("actor")?,
            source: self.code("source")?,
            target: self.code("target")?,
            code: self.code("code")?,
            quad: self.number("quad", 1..=4)?,
            from: self.day("from")?,
            to: self.day("to")?,
            place: self.text("place")?,
            country: self.code("country")?,
            modality,
            negated,
            outlet: self.text("outlet")?,
            text: self.text("text")?,
            limit: self.number("limit", 1..=MAX_PAGE as i64)?.unwrap_or(50) as usize,
            offset: self.number("offset", 0..=1_000_000)?.unwrap_or(0) as usize,
            order,
        })
    }
}

/// The parameters of a filter (every list route takes them).
const FILTER: [&str; 13] = [
    "actor", "source", "target", "code", "quad", "from", "to", "place", "country", "modality",
    "negated", "outlet", "text",
];

fn with_filter(extra: &[&'static str]) -> Vec<&'static str> {
    FILTER.iter().chain(extra).copied().collect()
}

async fn events(Shared(state): Shared<Arc<State>>, Query(params): Params) -> Answer {
    let reader = Reader::new(&params, &with_filter(&["limit", "offset", "order"]))?;
    let mut filter = reader.filter()?;
    let (limit, offset) = (filter.limit, filter.offset);
    // One more than asked: whether there is a next page, without counting every match.
    filter.limit = limit + 1;
    let mut rows = state.pool.run(move |s| query::events(s, &filter)).await?;
    let more = rows.len() > limit;
    rows.truncate(limit);
    let events: Vec<Value> = rows.iter().map(|e| state.event(e)).collect();
    Ok(Json(
        json!({ "events": events, "limit": limit, "offset": offset, "more": more }),
    ))
}

async fn event(Shared(state): Shared<Arc<State>>, Path(id): Path<String>) -> Answer {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::BadRequest(format!("an event id is a number, not {id:?}")))?;
    let found = state.pool.run(move |s| query::event(s, id)).await?;
    let Some((row, mentions)) = found else {
        return Err(ApiError::NotFound(format!("no event {id}")));
    };
    let mentions: Vec<Value> = mentions
        .iter()
        .map(|m| {
            json!({
                "doc_id": m.doc_id, "title": m.title, "url": m.url, "outlet": m.outlet,
                "published": m.published, "sentence": m.sentence, "evidence": m.evidence,
                "trigger": m.trigger, "source_text": m.source_text, "target_text": m.target_text,
                "attribution": m.attribution,
            })
        })
        .collect();
    Ok(Json(
        json!({ "event": state.event(&row), "mentions": mentions }),
    ))
}

async fn dyad(Shared(state): Shared<Arc<State>>, Query(params): Params) -> Answer {
    let reader = Reader::new(&params, &["a", "b", "by"])?;
    let a = reader
        .code("a")?
        .ok_or_else(|| ApiError::BadRequest("a (an actor code) is required".into()))?;
    let b = reader
        .code("b")?
        .ok_or_else(|| ApiError::BadRequest("b (an actor code) is required".into()))?;
    let by_name = reader.text("by")?.unwrap_or_else(|| "week".into());
    let by = Period::from_name(&by_name).ok_or_else(|| {
        ApiError::BadRequest(format!("by must be day, week or month, not {by_name:?}"))
    })?;
    let (qa, qb) = (a.clone(), b.clone());
    let rows = state
        .pool
        .run(move |s| query::dyad(s, &qa, &qb, by))
        .await?;
    let series: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                "period": r.period, "direction": if r.a_to_b { "a_to_b" } else { "b_to_a" },
                "quad": r.quad, "goldstein_sum": r.goldstein_sum, "goldstein_mean": r.goldstein_mean,
            })
        })
        .collect();
    Ok(Json(
        json!({ "a": a, "b": b, "by": by_name, "series": series }),
    ))
}

async fn top(Shared(state): Shared<Arc<State>>, Query(params): Params) -> Answer {
    let reader = Reader::new(&params, &with_filter(&["field", "n"]))?;
    let field_name = reader.text("field")?.unwrap_or_else(|| "source".into());
    let field = match field_name.as_str() {
        "source" => TopField::Source,
        "target" => TopField::Target,
        "code" => TopField::Code,
        "root" => TopField::Root,
        other => {
            return Err(ApiError::BadRequest(format!(
                "field must be source, target, code or root, not {other:?}"
            )))
        }
    };
    let n = reader.number("n", 1..=MAX_ROWS as i64)?.unwrap_or(10) as usize;
    let filter = reader.filter()?;
    let rows = state
        .pool
        .run(move |s| query::top(s, &filter, field, n))
        .await?;
    let rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            let name = match field {
                TopField::Code | TopField::Root => state.code_name(&r.value).map(str::to_string),
                _ => r.name.clone(),
            };
            json!({ "value": r.value, "name": name, "events": r.events })
        })
        .collect();
    Ok(Json(json!({ "field": field_name, "rows": rows })))
}

async fn places(Shared(state): Shared<Arc<State>>, Query(params): Params) -> Answer {
    let reader = Reader::new(&params, &with_filter(&["n"]))?;
    let n = reader.number("n", 1..=MAX_ROWS as i64)?.unwrap_or(300) as usize;
    let filter = reader.filter()?;
    let rows = state
        .pool
        .run(move |s| query::places(s, &filter, n))
        .await?;
    let places: Vec<Value> = rows
        .iter()
        .map(|p| {
            json!({ "place": p.place, "country": p.country, "lat": p.lat, "lon": p.lon, "events": p.events })
        })
        .collect();
    Ok(Json(json!({ "places": places })))
}

async fn actors(Shared(state): Shared<Arc<State>>, Query(params): Params) -> Answer {
    let reader = Reader::new(&params, &["q", "n"])?;
    let q = reader.text("q")?.unwrap_or_default();
    let n = reader.number("n", 1..=100)?.unwrap_or(10) as usize;
    if q.is_empty() {
        return Ok(Json(json!({ "actors": [] })));
    }
    let mut out: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // Codes stored in the database that start with the words typed.
    let upper = q.to_uppercase();
    if upper
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        let prefix = upper.clone();
        for (code, stored) in state
            .pool
            .run(move |s| query::actor_codes(s, &prefix, n))
            .await?
        {
            seen.insert(code.clone());
            let name = state.describe(&code).or(stored);
            out.push(json!({ "code": code, "name": name, "in_store": true }));
        }
    }
    // Then names the lexicon knows ("chin" finds China), by prefix.
    let lower = q.to_lowercase();
    let start = state
        .names
        .partition_point(|(name, _, _)| name.as_str() < lower.as_str());
    for (_, code, display) in state.names[start..]
        .iter()
        .take_while(|(name, _, _)| name.starts_with(&lower))
    {
        if out.len() >= n {
            break;
        }
        if seen.insert(code.clone()) {
            out.push(json!({ "code": code, "name": display, "in_store": false }));
        }
    }
    out.truncate(n);
    Ok(Json(json!({ "actors": out })))
}

/// `POST /api/code`: a JSON object (`{"text", "title"?, "date"?}`) or plain text.
async fn code(
    Shared(state): Shared<Arc<State>>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Answer {
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge(format!(
                "an article may have at most {MAX_ARTICLE_BYTES} bytes"
            ))
        } else {
            ApiError::BadRequest(e.body_text())
        }
    })?;
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let text = std::str::from_utf8(&body)
        .map_err(|_| ApiError::BadRequest("the body is not UTF-8 text".into()))?;
    let (text, title, date) = if is_json {
        let v: Value = serde_json::from_str(text)
            .map_err(|e| ApiError::BadRequest(format!("the body is not JSON: {e}")))?;
        let field = |k: &str| -> Result<Option<String>, ApiError> {
            match v.get(k) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(ApiError::BadRequest(format!("\"{k}\" must be a string"))),
            }
        };
        let Some(t) = field("text")? else {
            return Err(ApiError::BadRequest(
                "the JSON body needs a \"text\" string".into(),
            ));
        };
        (t, field("title")?, field("date")?)
    } else {
        (text.to_string(), None, None)
    };
    if text.trim().is_empty() {
        return Err(ApiError::BadRequest("there is no text to code".into()));
    }
    let date = match date.filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => Some(
            readout_doc::Date::parse(&d)
                .map_err(|_| ApiError::BadRequest(format!("date must be YYYY-MM-DD, not {d:?}")))?,
        ),
    };
    let _permit = state
        .coders
        .try_acquire()
        .map_err(|_| ApiError::Busy("the server is coding other articles; try again"))?;
    let worker = Arc::clone(&state);
    let coded = tokio::task::spawn_blocking(move || {
        readout::guarded(|| crate::explain::code(&worker.pipeline, &text, title.as_deref(), date))
    })
    .await
    .map_err(|_| ApiError::Internal("coding failed".into()))?
    .map_err(|e| ApiError::Internal(format!("coding failed: {e}")))?
    .map_err(ApiError::BadRequest)?;
    Ok(Json(coded))
}
