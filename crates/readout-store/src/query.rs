//! Questions asked of a store: events by filter, one event with all its mentions, and the
//! time series of a dyad. Every value reaches SQLite as a parameter, never inside the SQL.

use crate::{Store, StoreError};
use rusqlite::{params_from_iter, types::Value as Sql, OptionalExtension, Row};

/// Which events a query wants; `None` fields do not filter. Actor codes match by prefix
/// ("CHN" matches CHN, CHNGOV, CHNMIL), as do event codes ("04" is every consultation).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// An actor code prefix on either side.
    pub actor: Option<String>,
    /// A source code prefix.
    pub source: Option<String>,
    /// A target code prefix.
    pub target: Option<String>,
    /// A CAMEO code prefix ("19", "190", "0231").
    pub code: Option<String>,
    /// A quad class, 1 to 4.
    pub quad: Option<i64>,
    /// The first day wanted, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// The last day wanted, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Words of the place's name ("Kyiv"), matched case-insensitively as a substring.
    pub place: Option<String>,
    /// The ISO alpha-3 code of the country the event happened in.
    pub country: Option<String>,
    /// `asserted`, `hypothetical`, `intended`, `conditional`, `requested`…
    pub modality: Option<String>,
    /// Only negated events (`true`) or only events that happened (`false`).
    pub negated: Option<bool>,
    /// An outlet that reported the event (publisher or site), exactly.
    pub outlet: Option<String>,
    /// An FTS5 query over the evidence sentences ("ceasefire", "talks NEAR/3 collapse").
    pub text: Option<String>,
    /// The most events returned (0: 100).
    pub limit: usize,
    /// Events to skip, for paging.
    pub offset: usize,
    /// The order of [`events`]' rows.
    pub order: Order,
}

/// The order events are listed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Newest first (undated last), the most reported first on a day.
    #[default]
    Newest,
    /// Oldest first (undated last).
    Oldest,
    /// The most reported first.
    MostReported,
    /// The most conflictual first (lowest Goldstein value).
    MostConflictual,
    /// The most cooperative first (highest Goldstein value).
    MostCooperative,
}

impl Order {
    /// The order named `newest`, `oldest`, `reported`, `conflict` or `cooperation`.
    pub fn from_name(name: &str) -> Option<Order> {
        Some(match name {
            "newest" => Order::Newest,
            "oldest" => Order::Oldest,
            "reported" => Order::MostReported,
            "conflict" => Order::MostConflictual,
            "cooperation" => Order::MostCooperative,
            _ => return None,
        })
    }

    fn sql(self) -> &'static str {
        match self {
            // Written so that an index gives the order (no expression ahead of the column):
            // SQLite sorts NULL first, so DESC puts undated events last by itself.
            Order::Newest => "e.date DESC, e.num_mentions DESC, e.id DESC",
            Order::Oldest => "e.date ASC NULLS LAST, e.id",
            Order::MostReported => "e.num_mentions DESC, e.id",
            Order::MostConflictual => "e.goldstein ASC NULLS LAST, e.id",
            Order::MostCooperative => "e.goldstein DESC, e.id",
        }
    }
}

/// One merged event, as a query returns it.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    /// The event's id in the store.
    pub id: i64,
    /// Its day, `YYYY-MM-DD`, if known.
    pub date: Option<String>,
    /// Source actor code and name.
    pub source: String,
    /// The source's name.
    pub source_name: Option<String>,
    /// Target actor code, if any.
    pub target: Option<String>,
    /// The target's name.
    pub target_name: Option<String>,
    /// Full CAMEO code.
    pub code: String,
    /// Quad class (1 verbal cooperation … 4 material conflict).
    pub quad_class: i64,
    /// Goldstein scale value.
    pub goldstein: Option<f64>,
    /// Where it happened.
    pub place: Option<String>,
    /// The ISO alpha-3 code of that place's country.
    pub place_country: Option<String>,
    /// Whether the reports say it did not happen.
    pub negated: bool,
    /// How the reports present it.
    pub modality: String,
    /// Reports of it in all (GDELT's NumMentions).
    pub num_mentions: i64,
    /// Outlets that reported it (NumSources).
    pub num_sources: i64,
    /// Articles that reported it (NumArticles).
    pub num_articles: i64,
}

/// One report of an event: where it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionRow {
    /// The document's id as given at ingest.
    pub doc_id: String,
    /// The article's title, URL, outlet and publication day.
    pub title: Option<String>,
    /// The article's address.
    pub url: Option<String>,
    /// The outlet it counts for.
    pub outlet: String,
    /// The article's publication day.
    pub published: Option<String>,
    /// The sentence's index in its document, and its text: the evidence.
    pub sentence: i64,
    /// The evidence sentence.
    pub evidence: String,
    /// The words that name the action, the source and the target.
    pub trigger: Option<String>,
    /// The source's words.
    pub source_text: Option<String>,
    /// The target's words.
    pub target_text: Option<String>,
    /// Who the article says reported it ("according to …"), if anyone.
    pub attribution: Option<String>,
}

const EVENT_COLUMNS: &str =
    "e.id, e.date, e.source, e.source_name, e.target, e.target_name, e.code, \
    e.quad_class, e.goldstein, e.place, e.place_country, e.negated, e.modality, e.num_mentions, \
    e.num_sources, e.num_articles";

fn event_row(r: &Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        date: r.get(1)?,
        source: r.get(2)?,
        source_name: r.get(3)?,
        target: r.get(4)?,
        target_name: r.get(5)?,
        code: r.get(6)?,
        quad_class: r.get(7)?,
        goldstein: r.get(8)?,
        place: r.get(9)?,
        place_country: r.get(10)?,
        negated: r.get(11)?,
        modality: r.get(12)?,
        num_mentions: r.get(13)?,
        num_sources: r.get(14)?,
        num_articles: r.get(15)?,
    })
}

/// The SQL condition that `column` starts with `prefix`, and its values. The condition is
/// written so that an index can answer it: a range on the column, and, for actor codes, the
/// country column their first three letters are stored in; for event codes, the root.
fn prefix(column: &str, prefix: &str, out: &mut Vec<Sql>) -> String {
    let mut cond = String::from("(");
    let narrowing = match column {
        "e.source" | "e.target" if prefix.len() >= 3 => {
            Some((format!("{column}_country"), prefix.get(..3)))
        }
        "e.code" if prefix.len() >= 2 => Some(("e.root".to_string(), prefix.get(..2))),
        _ => None,
    };
    if let Some((col, Some(head))) = narrowing {
        cond.push_str(&format!("{col} = ? AND "));
        out.push(Sql::Text(head.to_string()));
    }
    out.push(Sql::Text(prefix.to_string()));
    out.push(Sql::Text(format!("{prefix}\u{10ffff}")));
    cond.push_str(&format!("{column} >= ? AND {column} < ?)"));
    cond
}

impl Filter {
    /// Checks the full-text search, if any, so that a malformed one is reported as such and
    /// not as a failure of the query around it.
    fn check(&self, store: &Store) -> Result<(), StoreError> {
        let Some(text) = &self.text else {
            return Ok(());
        };
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM (SELECT rowid FROM evidence WHERE evidence MATCH ?1 LIMIT 1)",
                [text],
                |_| Ok(()),
            )
            .map_err(|e| StoreError::Search {
                query: text.clone(),
                reason: e.to_string(),
            })
    }

    /// The WHERE clause and its parameters, with `extra` conditions of the caller's (written
    /// with no parameters) added to the filter's.
    fn sql(&self, extra: &[&str]) -> (String, Vec<Sql>) {
        let mut conds: Vec<String> = extra.iter().map(|c| c.to_string()).collect();
        let mut p = Vec::new();
        if let Some(a) = &self.actor {
            let s = prefix("e.source", a, &mut p);
            let t = prefix("e.target", a, &mut p);
            conds.push(format!("({s} OR {t})"));
        }
        if let Some(a) = &self.source {
            conds.push(prefix("e.source", a, &mut p));
        }
        if let Some(a) = &self.target {
            conds.push(prefix("e.target", a, &mut p));
        }
        if let Some(c) = &self.code {
            conds.push(prefix("e.code", c, &mut p));
        }
        if let Some(q) = self.quad {
            conds.push("e.quad_class = ?".into());
            p.push(Sql::Integer(q));
        }
        if let Some(d) = &self.from {
            conds.push("e.date >= ?".into());
            p.push(Sql::Text(d.clone()));
        }
        if let Some(d) = &self.to {
            conds.push("e.date <= ?".into());
            p.push(Sql::Text(d.clone()));
        }
        if let Some(pl) = &self.place {
            conds.push("instr(lower(e.place), lower(?)) > 0".into());
            p.push(Sql::Text(pl.clone()));
        }
        if let Some(c) = &self.country {
            conds.push("e.place_country = ?".into());
            p.push(Sql::Text(c.clone()));
        }
        if let Some(m) = &self.modality {
            conds.push("e.modality = ?".into());
            p.push(Sql::Text(m.clone()));
        }
        if let Some(n) = self.negated {
            conds.push("e.negated = ?".into());
            p.push(Sql::Integer(n as i64));
        }
        if let Some(o) = &self.outlet {
            conds.push(
                "EXISTS(SELECT 1 FROM mentions m WHERE m.event = e.id AND m.outlet = ?)".into(),
            );
            p.push(Sql::Text(o.clone()));
        }
        if let Some(t) = &self.text {
            conds.push(
                "e.id IN (SELECT m.event FROM mentions m WHERE m.id IN \
                 (SELECT rowid FROM evidence WHERE evidence MATCH ?))"
                    .into(),
            );
            p.push(Sql::Text(t.clone()));
        }
        let clause = if conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conds.join(" AND "))
        };
        (clause, p)
    }
}

/// The events a filter selects, in its [`Order`] (newest first by default).
pub fn events(store: &Store, filter: &Filter) -> Result<Vec<EventRow>, StoreError> {
    filter.check(store)?;
    let (clause, mut p) = filter.sql(&[]);
    p.push(Sql::Integer(
        if filter.limit == 0 { 100 } else { filter.limit } as i64,
    ));
    p.push(Sql::Integer(filter.offset as i64));
    let order = filter.order.sql();
    let sql =
        format!("SELECT {EVENT_COLUMNS} FROM events e {clause} ORDER BY {order} LIMIT ? OFFSET ?");
    let mut stmt = store.conn().prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(p), event_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Calls `f` on every event in id order, in one pass over the table: for exports, which
/// `events`' pages would make quadratic (each page skips every row before it). Stops at the
/// first error `f` returns.
pub fn each_event<E: From<StoreError>>(
    store: &Store,
    mut f: impl FnMut(&EventRow) -> Result<(), E>,
) -> Result<(), E> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events e ORDER BY e.id");
    let mut stmt = store.conn().prepare(&sql).map_err(StoreError::from)?;
    let mut rows = stmt.query([]).map_err(StoreError::from)?;
    while let Some(row) = rows.next().map_err(StoreError::from)? {
        f(&event_row(row).map_err(StoreError::from)?)?;
    }
    Ok(())
}

/// One event and every report of it, oldest article first; `None` if there is no such id.
pub fn event(store: &Store, id: i64) -> Result<Option<(EventRow, Vec<MentionRow>)>, StoreError> {
    let conn = store.conn();
    let Some(row) = conn
        .query_row(
            &format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?1"),
            [id],
            event_row,
        )
        .optional()?
    else {
        return Ok(None);
    };
    let mut stmt = conn.prepare(
        "SELECT d.doc_id, d.title, d.url, m.outlet, d.published, m.sentence, s.text, m.trigger,
                m.source_text, m.target_text, m.attribution
         FROM mentions m JOIN documents d ON d.id = m.doc
         LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence
         WHERE m.event = ?1 ORDER BY d.published, m.id",
    )?;
    let mentions = stmt
        .query_map([id], |r| {
            Ok(MentionRow {
                doc_id: r.get(0)?,
                title: r.get(1)?,
                url: r.get(2)?,
                outlet: r.get(3)?,
                published: r.get(4)?,
                sentence: r.get(5)?,
                evidence: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                trigger: r.get(7)?,
                source_text: r.get(8)?,
                target_text: r.get(9)?,
                attribution: r.get(10)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Some((row, mentions)))
}

/// The length of a dyad series' periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// Calendar days.
    Day,
    /// Weeks from Monday.
    Week,
    /// Calendar months.
    Month,
}

impl Period {
    /// The period named `day`, `week` or `month`.
    pub fn from_name(name: &str) -> Option<Period> {
        match name {
            "day" => Some(Period::Day),
            "week" => Some(Period::Week),
            "month" => Some(Period::Month),
            _ => None,
        }
    }

    /// The SQL expression naming the period of `e.date`: the day, the Monday that starts its
    /// week, or `YYYY-MM`.
    fn sql(self) -> &'static str {
        match self {
            Period::Day => "e.date",
            Period::Week => "date(e.date, '-6 days', 'weekday 1')",
            Period::Month => "substr(e.date, 1, 7)",
        }
    }
}

/// One period of a dyad series in one direction.
#[derive(Clone, Debug, PartialEq)]
pub struct DyadRow {
    /// The period: `YYYY-MM-DD` (a day, or the Monday of a week) or `YYYY-MM`.
    pub period: String,
    /// `true` for A acting on B, `false` for B acting on A.
    pub a_to_b: bool,
    /// Events per quad class: verbal cooperation, material cooperation, verbal conflict,
    /// material conflict.
    pub quad: [i64; 4],
    /// The sum of the events' Goldstein values.
    pub goldstein_sum: f64,
    /// Their mean.
    pub goldstein_mean: f64,
}

/// The events between actors `a` and `b` (code prefixes) in both directions, per period:
/// dated events reported as having happened (asserted, not negated), each counted once
/// however many articles reported it.
pub fn dyad(store: &Store, a: &str, b: &str, by: Period) -> Result<Vec<DyadRow>, StoreError> {
    let period = by.sql();
    let mut p = Vec::new();
    // One indexed select per direction, so that each reads only its own dyad's rows.
    let direction = |from: &str, to: &str, a_to_b: bool, p: &mut Vec<Sql>| {
        let src = prefix("e.source", from, p);
        let tgt = prefix("e.target", to, p);
        format!(
            "SELECT {period} AS period, {a_to_b} AS a_to_b, e.quad_class AS quad, e.goldstein AS g
             FROM events e
             WHERE {src} AND {tgt} AND e.date IS NOT NULL AND e.modality = 'asserted' AND e.negated = 0"
        )
    };
    let forward = direction(a, b, true, &mut p);
    let backward = direction(b, a, false, &mut p);
    let sql = format!(
        "SELECT period, a_to_b, sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4),
            coalesce(sum(g), 0), coalesce(avg(g), 0)
         FROM ({forward} UNION ALL {backward})
         GROUP BY period, a_to_b ORDER BY period, a_to_b DESC"
    );
    let mut stmt = store.conn().prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(p), |r| {
        Ok(DyadRow {
            period: r.get(0)?,
            a_to_b: r.get(1)?,
            quad: [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?],
            goldstein_sum: r.get(6)?,
            goldstein_mean: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// What [`top`] ranks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopField {
    /// Source actor codes.
    Source,
    /// Target actor codes.
    Target,
    /// Full event codes.
    Code,
    /// Event roots.
    Root,
}

/// One value of a ranking and how many events have it.
#[derive(Clone, Debug, PartialEq)]
pub struct TopRow {
    /// The code.
    pub value: String,
    /// An actor's name (for actor rankings).
    pub name: Option<String>,
    /// Events with it.
    pub events: i64,
}

/// The `n` most frequent values of `field` among the events a filter selects.
pub fn top(
    store: &Store,
    filter: &Filter,
    field: TopField,
    n: usize,
) -> Result<Vec<TopRow>, StoreError> {
    filter.check(store)?;
    let (value, name) = match field {
        TopField::Source => ("e.source", "max(e.source_name)"),
        TopField::Target => ("e.target", "max(e.target_name)"),
        TopField::Code => ("e.code", "NULL"),
        TopField::Root => ("e.root", "NULL"),
    };
    let (clause, mut p) = filter.sql(&[&format!("{value} IS NOT NULL")]);
    p.push(Sql::Integer(n as i64));
    let sql = format!(
        "SELECT {value}, {name}, count(*) FROM events e {clause}
         GROUP BY {value} ORDER BY count(*) DESC, {value} LIMIT ?"
    );
    let mut stmt = store.conn().prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(p), |r| {
        Ok(TopRow {
            value: r.get(0)?,
            name: r.get(1)?,
            events: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A place and the events a filter selects there.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceRow {
    /// The place's name.
    pub place: String,
    /// Its country (ISO alpha-3).
    pub country: Option<String>,
    /// Its coordinates.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Events placed there.
    pub events: i64,
}

/// The `n` places with the most events among those a filter selects (placed events with
/// coordinates only).
pub fn places(store: &Store, filter: &Filter, n: usize) -> Result<Vec<PlaceRow>, StoreError> {
    filter.check(store)?;
    let (clause, mut p) = filter.sql(&[
        "e.place IS NOT NULL",
        "e.lat IS NOT NULL",
        "e.lon IS NOT NULL",
    ]);
    p.push(Sql::Integer(n as i64));
    let sql = format!(
        "SELECT e.place, max(e.place_country), e.lat, e.lon, count(*) FROM events e {clause}
         GROUP BY e.place, e.lat, e.lon ORDER BY count(*) DESC, e.place LIMIT ?"
    );
    let mut stmt = store.conn().prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(p), |r| {
        Ok(PlaceRow {
            place: r.get(0)?,
            country: r.get(1)?,
            lat: r.get(2)?,
            lon: r.get(3)?,
            events: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Up to `n` actor codes in the store that start with `prefix` (as source or target), in
/// code order, each with a name it was stored with. Each code costs a few index seeks, not a
/// scan of its events, so a prefix shared by millions of events answers at once.
pub fn actor_codes(
    store: &Store,
    prefix: &str,
    n: usize,
) -> Result<Vec<(String, Option<String>)>, StoreError> {
    let upper = format!("{prefix}\u{10ffff}");
    let conn = store.conn();
    let mut found: Vec<String> = Vec::new();
    for column in ["source", "target"] {
        let mut next = conn.prepare_cached(&format!(
            "SELECT min({column}) FROM events WHERE {column} > ?1 AND {column} < ?2"
        ))?;
        let mut first = conn.prepare_cached(&format!(
            "SELECT min({column}) FROM events WHERE {column} >= ?1 AND {column} < ?2"
        ))?;
        let mut code: Option<String> = first.query_row([prefix, &upper], |r| r.get(0))?;
        let mut seen = 0;
        while let Some(c) = code {
            if seen == n {
                break;
            }
            seen += 1;
            code = next.query_row([c.as_str(), &upper], |r| r.get(0))?;
            found.push(c);
        }
    }
    found.sort();
    found.dedup();
    found.truncate(n);
    let mut name = conn.prepare_cached(
        "SELECT coalesce((SELECT source_name FROM events WHERE source = ?1 AND source_name IS NOT NULL LIMIT 1),
                         (SELECT target_name FROM events WHERE target = ?1 AND target_name IS NOT NULL LIMIT 1))",
    )?;
    let mut out = Vec::with_capacity(found.len());
    for code in found {
        let n: Option<String> = name.query_row([code.as_str()], |r| r.get(0))?;
        out.push((code, n));
    }
    Ok(out)
}
