//! `POST /api/code`'s answer: the article coded (the output contract) and, for each event,
//! the reasons in words an analyst reads, all taken from the contract itself (the trigger, who
//! the source and target words resolved to, where the date and place came from, negation,
//! modality and attribution).

use readout::{Date, OutputDocument, Pipeline};
use serde_json::{json, Value};

/// GDELT's quad classes, by number.
const QUADS: [&str; 5] = [
    "",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

/// Codes `text` and explains its events: `{"document": …, "explanations": [{"event", "why"}]}`.
pub fn code(
    pipeline: &Pipeline,
    text: &str,
    title: Option<&str>,
    date: Option<Date>,
) -> Result<Value, String> {
    let record = json!({ "id": "posted", "text": text, "title": title });
    let doc = pipeline
        .code_json_line(&record.to_string(), "posted", date)
        .map_err(|e| e.to_string())?;
    let document = serde_json::to_value(OutputDocument::new(&doc)).map_err(|e| e.to_string())?;
    let explanations: Vec<Value> = document["events"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| json!({ "event": e["id"], "why": explain(e, &document, pipeline) }))
        .collect();
    Ok(json!({ "document": document, "explanations": explanations }))
}

/// One line per reason.
fn explain(e: &Value, doc: &Value, pipeline: &Pipeline) -> Vec<String> {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    let actor_name = |side: &Value| -> String {
        let id = side["actor"].as_str().unwrap_or("");
        doc["actors"]
            .as_array()
            .and_then(|a| a.iter().find(|x| x["id"] == id))
            .map(|a| s(&a["name"]))
            .unwrap_or_default()
    };
    let code = s(&e["code"]);
    let code_name = pipeline
        .lexicon()
        .code(&code)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let quad = e["quad_class"].as_u64().unwrap_or(0) as usize;
    let mut why = vec![format!(
        "\u{201c}{}\u{201d} in sentence {} is CAMEO {code} ({code_name}): {}, Goldstein {}.",
        s(&e["trigger"]),
        e["sentence"],
        QUADS.get(quad).copied().unwrap_or(""),
        e["goldstein"]
    )];
    let side = |label: &str, v: &Value| -> String {
        let name = actor_name(v);
        let name = if name.is_empty() {
            String::new()
        } else {
            format!(", {name}")
        };
        format!(
            "{label}: \u{201c}{}\u{201d} is {}{name}.",
            s(&v["text"]),
            s(&v["code"])
        )
    };
    why.push(side("Source", &e["source"]));
    if e["target"].is_null() {
        why.push("Target: none; the event is not directed at anyone the text names.".into());
    } else {
        why.push(side("Target", &e["target"]));
    }
    why.push(match (e["date"].as_str(), e["date_text"].as_str()) {
        (None, _) => "Date: none; nothing dates it and the article has no publication date.".into(),
        (Some(d), None) => {
            format!("Date: {d}, the publication date (nothing in the text dates it).")
        }
        (Some(d), Some(t)) => format!(
            "Date: {d} ({} precision), resolved from \u{201c}{t}\u{201d}.",
            s(&e["date_precision"])
        ),
    });
    let place = &e["location"];
    why.push(if place.is_null() {
        "Place: none; nothing in the text places it.".into()
    } else {
        let how = match place["how"].as_str() {
            Some("dateline") => "from the article's dateline",
            Some("earlier") => "from an earlier event of the same day",
            Some("headline") => "from the place the headline names (a local story)",
            Some("story") => "the country the story is set in (its people's events happen there)",
            _ => "named in the event's clause",
        };
        let words = place["text"]
            .as_str()
            .map(|t| format!(" (\u{201c}{t}\u{201d})"))
            .unwrap_or_default();
        format!("Place: {}{words}, {how}.", s(&place["name"]))
    });
    if e["negated"] == true {
        why.push("Negated: the text says it did not happen.".into());
    }
    let modality = s(&e["modality"]);
    if modality != "asserted" {
        why.push(format!(
            "Modality: {modality}; the text does not report it as having happened."
        ));
    }
    if let Some(by) = e["attribution"]["text"].as_str() {
        why.push(format!("Attributed to \u{201c}{by}\u{201d}."));
    }
    why
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pipeline() -> &'static Pipeline {
        static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
        P.get_or_init(|| Pipeline::embedded().unwrap())
    }

    #[test]
    fn a_negated_attributed_event_is_explained_with_its_reasons() {
        let date = Date::parse("2026-02-03").ok();
        let out = code(
            pipeline(),
            "Japan did not condemn China on Monday, according to Kyodo.",
            None,
            date,
        )
        .unwrap();
        let events = out["document"]["events"].as_array().unwrap();
        let e = events
            .iter()
            .find(|e| e["root"] == "11")
            .expect("a 11 event");
        let why = out["explanations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["event"] == e["id"])
            .unwrap()["why"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(why.contains("is CAMEO 11"), "{why}");
        assert!(
            why.contains("Source: \u{201c}Japan\u{201d} is JPN"),
            "{why}"
        );
        assert!(
            why.contains("resolved from \u{201c}Monday\u{201d}"),
            "{why}"
        );
        assert!(why.contains("Negated"), "{why}");
        assert!(why.contains("Attributed to \u{201c}Kyodo\u{201d}"), "{why}");
    }
}
