//! The store's events written out for other tools: GDELT 2.0's event table (so that GDELT
//! readers load it unchanged), CSV, JSON Lines and (with the `parquet` feature) Parquet.

#[cfg(feature = "parquet")]
pub mod parquet;

use crate::query::EventRow;
use crate::{Store, StoreError};
use std::io::Write;

/// The 61 columns of the GDELT 2.0 event table, in the codebook's order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// CAMEO sector codes: a code that starts with one has no country ("GOV" for a government
/// the text leaves unnamed).
const SECTORS: [&str; 27] = [
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "INS",
    "JUD", "LAB", "LEG", "MED", "MIL", "MOD", "OPP", "PTY", "RAD", "REB", "REF", "REL", "SPY",
    "UAF",
];

/// Prefixes of actor codes that name a known group rather than a country.
const GROUP_PREFIXES: [&str; 4] = ["IGO", "NGO", "IMG", "MNC"];

/// The actor fields of one side: code, name, country, known group, ethnic, two religion and
/// three type codes (GDELT's ten).
fn actor_fields(code: Option<&str>, name: Option<&str>) -> [String; 10] {
    let code = code.unwrap_or("");
    let mut f: [String; 10] = Default::default();
    if code.is_empty() {
        return f;
    }
    f[0] = code.to_string();
    f[1] = name.unwrap_or("").to_uppercase();
    let (head, rest) = code.split_at(code.len().min(3));
    let mut types: Vec<&str> = Vec::new();
    let mut rest = rest;
    if GROUP_PREFIXES.contains(&head) {
        let (group, tail) = rest.split_at(rest.len().min(3));
        f[3] = group.to_string();
        rest = tail;
    } else if head.len() == 3 && head.bytes().all(|b| b.is_ascii_uppercase()) {
        // A bare sector code ("GOV" with no country) is a type, not a country.
        if SECTORS.contains(&head) {
            types.push(head);
        } else {
            f[2] = head.to_string();
        }
    }
    while rest.len() >= 3 && types.len() < 3 {
        types.push(&rest[..3]);
        rest = &rest[3..];
    }
    for (i, t) in types.iter().enumerate() {
        f[7 + i] = t.to_string();
    }
    f
}

/// GDELT's geographic type of a place kind: 1 country, 2 US state, 3 US city, 4 world city,
/// 5 world state (first-level division).
fn geo_type(kind: Option<&str>, country: Option<&str>) -> &'static str {
    let us = country == Some("USA");
    match kind {
        Some("country") => "1",
        Some("division") if us => "2",
        Some("division") => "5",
        Some(_) if us => "3",
        Some(_) => "4",
        None => "",
    }
}

/// Writes every dated event as a row of GDELT 2.0's event table: tab-separated, no header,
/// empty fields where readout has no value (ethnic and religion codes, tone, FIPS country
/// and ADM codes of places, per-actor places). Undated events have no SQLDATE and are left
/// out. Returns the number of rows written.
pub fn gdelt(store: &Store, out: &mut dyn Write) -> Result<usize, StoreError> {
    let mut stmt = store.conn().prepare(
        "SELECT id, date, source, source_name, target, target_name, code, root, quad_class, goldstein,
                num_mentions, num_sources, num_articles, place, place_country, lat, lon, place_kind,
                first_sentence, added, source_url
         FROM events WHERE date IS NOT NULL AND negated = 0 AND modality = 'asserted' ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let date: String = r.get(1)?;
        let compact = date.replace('-', "");
        let year: i32 = date[..4].parse().unwrap_or(0);
        let month: u32 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
        let day: u32 = date.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
        let day_of_year = (month - 1) * 30 + day;
        let code: String = r.get(6)?;
        let mut f: Vec<String> = Vec::with_capacity(61);
        f.push(r.get::<_, i64>(0)?.to_string());
        f.push(compact.clone());
        f.push(compact[..6.min(compact.len())].to_string());
        f.push(year.to_string());
        f.push(format!("{:.4}", year as f64 + day_of_year as f64 / 365.0));
        f.extend(actor_fields(
            r.get::<_, Option<String>>(2)?.as_deref(),
            r.get::<_, Option<String>>(3)?.as_deref(),
        ));
        f.extend(actor_fields(
            r.get::<_, Option<String>>(4)?.as_deref(),
            r.get::<_, Option<String>>(5)?.as_deref(),
        ));
        // The lead: the title or the first two body sentences.
        let lead = r.get::<_, i64>(18)? <= 2;
        f.push(if lead { "1" } else { "0" }.to_string());
        f.push(code.clone());
        f.push(code[..code.len().min(3)].to_string());
        f.push(r.get::<_, String>(7)?);
        f.push(r.get::<_, i64>(8)?.to_string());
        f.push(
            r.get::<_, Option<f64>>(9)?
                .map(|g| format!("{g:.1}"))
                .unwrap_or_default(),
        );
        for i in 10..13 {
            f.push(r.get::<_, i64>(i)?.to_string());
        }
        f.push(String::new()); // AvgTone: readout measures no tone
                               // Actor1Geo and Actor2Geo: readout places events, not actors.
        for _ in 0..16 {
            f.push(String::new());
        }
        let place: Option<String> = r.get(13)?;
        let country: Option<String> = r.get(14)?;
        let lat: Option<f64> = r.get(15)?;
        let lon: Option<f64> = r.get(16)?;
        let kind: Option<String> = r.get(17)?;
        if place.is_some() {
            f.push(geo_type(kind.as_deref(), country.as_deref()).to_string());
            f.push(place.unwrap_or_default());
        } else {
            f.push(String::new());
            f.push(String::new());
        }
        f.push(String::new()); // CountryCode: GDELT's are FIPS 10-4, readout keeps ISO alpha-3
        f.push(String::new()); // ADM1Code
        f.push(String::new()); // ADM2Code
        f.push(lat.map(|v| format!("{v:.4}")).unwrap_or_default());
        f.push(lon.map(|v| format!("{v:.4}")).unwrap_or_default());
        f.push(String::new()); // FeatureID
        f.push(r.get::<_, String>(19)?);
        f.push(r.get::<_, Option<String>>(20)?.unwrap_or_default());
        debug_assert_eq!(f.len(), GDELT_COLUMNS.len());
        let line: Vec<String> = f
            .into_iter()
            .map(|v| v.replace(['\t', '\n', '\r'], " "))
            .collect();
        writeln!(out, "{}", line.join("\t")).map_err(|e| StoreError::Export(e.to_string()))?;
        n += 1;
    }
    Ok(n)
}

/// The event columns of CSV and JSON Lines exports, in order.
pub const EVENT_FIELDS: [&str; 16] = [
    "id",
    "date",
    "source",
    "source_name",
    "target",
    "target_name",
    "code",
    "quad_class",
    "goldstein",
    "place",
    "place_country",
    "negated",
    "modality",
    "num_mentions",
    "num_sources",
    "num_articles",
];

/// An event's values as text, in [`EVENT_FIELDS`] order (empty for none).
pub fn event_values(e: &EventRow) -> [String; 16] {
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        e.id.to_string(),
        o(&e.date),
        e.source.clone(),
        o(&e.source_name),
        o(&e.target),
        o(&e.target_name),
        e.code.clone(),
        e.quad_class.to_string(),
        e.goldstein.map(|g| g.to_string()).unwrap_or_default(),
        o(&e.place),
        o(&e.place_country),
        e.negated.to_string(),
        e.modality.clone(),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
    ]
}

/// A CSV field, quoted when it must be (RFC 4180).
pub fn csv_field(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

/// An event as one JSON object.
pub fn event_json(e: &EventRow) -> serde_json::Value {
    serde_json::json!({
        "id": e.id, "date": e.date, "source": e.source, "source_name": e.source_name,
        "target": e.target, "target_name": e.target_name, "code": e.code,
        "quad_class": e.quad_class, "goldstein": e.goldstein, "place": e.place,
        "place_country": e.place_country, "negated": e.negated, "modality": e.modality,
        "num_mentions": e.num_mentions, "num_sources": e.num_sources, "num_articles": e.num_articles,
    })
}
