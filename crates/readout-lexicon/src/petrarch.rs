//! Readers for the TABARI/PETRARCH dictionary formats, so that users can code with those
//! dictionaries instead of, or on top of, readout's own lexicon.
//!
//! The dictionaries are translated into readout's record syntax and then compiled like any
//! other lexicon file, so one validator and one compiler serve both. What the translation
//! understands:
//! - actor files: a root line `NAME_WITH_UNDERSCORES [CODE]`, synonym lines `+OTHER_NAME`, and
//!   code lines (indented) `[CODE]`, `[CODE >YYMMDD]`, `[CODE <YYMMDD]`, `[CODE YYMMDD-YYMMDD]`
//!   (six-digit years below 30 are 20xx, others 19xx; eight-digit dates are taken as they are).
//!   One undated code gives an `actor` record; dated or several codes give a `person` record
//!   with one role per code.
//! - agent files: `!MACRO! = A, B` substitutions, and `NOUN {PLURALS} [~SECTOR]` lines (the
//!   tilde's side says whether the code is a prefix or a suffix; readout only needs the sector).
//!
//! Names are all capitals in those files; they become title case (with short function words in
//! lowercase) so that readout's rule "a capitalised name matches capitalised text" still holds.
//! Stem matching (a name without a trailing underscore matching longer words) is not reproduced.

use crate::Problem;

/// Words kept lowercase when a name is put in title case.
const LOWERCASE: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "la", "le", "da", "do", "dos",
    "van", "von", "y", "bin", "ibn", "el",
];

/// Codes that start with one of these are not a country's.
const NON_COUNTRY: &[&str] = &[
    "IGO", "NGO", "NGM", "IMG", "MNC", "UAF", "BUS", "CVL", "REB", "MED",
];

fn title_case(raw: &str) -> String {
    let words: Vec<String> = raw
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && LOWERCASE.contains(&lower.as_str()) {
                return lower;
            }
            let mut chars = lower.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect();
    words.join(" ")
}

fn strip_comment(line: &str) -> &str {
    line.split('#').next().unwrap_or("")
}

/// `YYMMDD` or `YYYYMMDD` → `YYYY-MM-DD`.
fn date(text: &str) -> Option<String> {
    let t = text.trim();
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match t.len() {
        6 => {
            let yy: u32 = t[..2].parse().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &t[2..])
        }
        8 => (t[..4].parse().ok()?, &t[4..]),
        _ => return None,
    };
    Some(format!("{y:04}-{}-{}", &rest[..2], &rest[2..4]))
}

/// A code with its date restriction: (code, start, end).
type DatedCode = (String, String, String);

fn parse_code(inner: &str) -> Option<DatedCode> {
    let mut parts = inner.split_whitespace();
    let code = parts.next()?.to_uppercase();
    if code.len() < 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let restriction: String = parts.collect::<Vec<_>>().join("");
    let (start, end) = if restriction.is_empty() {
        (String::new(), String::new())
    } else if let Some(d) = restriction.strip_prefix('>') {
        (date(d)?, String::new())
    } else if let Some(d) = restriction.strip_prefix('<') {
        (String::new(), date(d)?)
    } else {
        let (a, b) = restriction.split_once('-')?;
        (date(a)?, date(b)?)
    };
    Some((code, start, end))
}

/// The bracketed codes on a line.
fn codes_on(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        out.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    out
}

struct Entry {
    name: String,
    synonyms: Vec<String>,
    codes: Vec<DatedCode>,
    line: usize,
}

fn emit_entry(e: &Entry, sectors: &[&str], out: &mut String) {
    let undated = e.codes.len() == 1 && e.codes[0].1.is_empty() && e.codes[0].2.is_empty();
    let names: Vec<&String> = e.synonyms.iter().filter(|s| **s != e.name).collect();
    let names_line = |out: &mut String| {
        if !names.is_empty() {
            let joined: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
            out.push_str(&format!("    names: {}\n", joined.join(" | ")));
        }
    };
    if undated {
        let code = &e.codes[0].0;
        out.push_str(&format!("actor {code} | {}\n", e.name));
        names_line(out);
        if !NON_COUNTRY.contains(&&code[..3]) {
            out.push_str(&format!("    country: {}\n", &code[..3]));
        }
        let known: Vec<&str> = (3..code.len())
            .step_by(3)
            .filter_map(|i| code.get(i..i + 3))
            .filter(|s| sectors.contains(s))
            .collect();
        if !known.is_empty() {
            out.push_str(&format!("    sectors: {}\n", known.join(" | ")));
        }
        return;
    }
    out.push_str(&format!("person {}\n", e.name));
    names_line(out);
    for (code, start, end) in &e.codes {
        let (country, rest) = code.split_at(3);
        let sector = if matches!(country, "IGO" | "NGO") {
            rest.to_string()
        } else {
            (0..rest.len())
                .step_by(3)
                .filter_map(|i| rest.get(i..i + 3))
                .find(|s| sectors.contains(s))
                .unwrap_or("")
                .to_string()
        };
        out.push_str(&format!(
            "    role: {country} | {sector} | {start} | {end} | {code}\n"
        ));
    }
}

/// Translates a PETRARCH actor dictionary into readout records. Unreadable lines become
/// problems that name `file` and the line.
pub fn actors_to_records(
    file: &str,
    text: &str,
    sectors: &[&str],
    problems: &mut Vec<Problem>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut current: Option<Entry> = None;
    let mut in_xml_comment = false;
    let flush = |current: &mut Option<Entry>, out: &mut String, problems: &mut Vec<Problem>| {
        if let Some(e) = current.take() {
            if e.codes.is_empty() {
                problems.push(Problem::warning(
                    file,
                    e.line,
                    format!("PETRARCH actor {:?} has no code; skipped", e.name),
                ));
            } else {
                emit_entry(&e, sectors, out);
            }
        }
    };
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        if in_xml_comment || raw.trim_start().starts_with("<!--") {
            in_xml_comment = !raw.contains("-->");
            continue;
        }
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let mut codes = Vec::new();
        for inner in codes_on(line) {
            match parse_code(inner) {
                Some((code, start, end)) if !start.is_empty() && !end.is_empty() && end < start => {
                    problems.push(Problem::warning(
                        file,
                        line_no,
                        format!(
                            "PETRARCH code [{inner}] ends before it starts; its dates are ignored"
                        ),
                    ));
                    codes.push((code, String::new(), String::new()));
                }
                Some(c) => codes.push(c),
                None => problems.push(Problem::warning(
                    file,
                    line_no,
                    format!("unreadable PETRARCH code [{inner}]; ignored"),
                )),
            }
        }
        let before_codes = line.split('[').next().unwrap_or("").trim();
        if let Some(synonym) = before_codes.strip_prefix('+') {
            match current.as_mut() {
                Some(e) => {
                    let name = title_case(synonym);
                    if !name.is_empty() {
                        e.synonyms.push(name);
                    }
                    e.codes.extend(codes);
                }
                None => problems.push(Problem::new(
                    file,
                    line_no,
                    "a synonym line (+…) before any actor",
                )),
            }
        } else if raw.starts_with([' ', '\t']) || before_codes.is_empty() {
            match current.as_mut() {
                Some(e) => e.codes.extend(codes),
                None => problems.push(Problem::new(file, line_no, "a code line before any actor")),
            }
        } else {
            flush(&mut current, &mut out, problems);
            current = Some(Entry {
                name: title_case(before_codes),
                synonyms: Vec::new(),
                codes,
                line: line_no,
            });
        }
    }
    flush(&mut current, &mut out, problems);
    out
}

/// Translates a PETRARCH agent dictionary into readout `agent` records.
pub fn agents_to_records(
    file: &str,
    text: &str,
    sectors: &[&str],
    problems: &mut Vec<Problem>,
) -> String {
    let mut macros: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = String::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = strip_comment(raw).trim();
        if line.is_empty() || line.starts_with("<!--") {
            continue;
        }
        if line.starts_with('!') {
            if let Some((name, values)) = line.split_once('=') {
                let values = values
                    .split(',')
                    .map(|v| v.trim().to_lowercase())
                    .filter(|v| !v.is_empty())
                    .collect();
                macros.push((name.trim().to_string(), values));
                continue;
            }
        }
        let Some(open) = line.rfind('[') else {
            problems.push(Problem::warning(
                file,
                line_no,
                format!("PETRARCH agent line without a [code]: {line:?}"),
            ));
            continue;
        };
        let full: String = line[open + 1..]
            .chars()
            .filter(|c| c.is_ascii_uppercase())
            .collect();
        // A compound agent ("GOVMED", a government's media) is coded by its first sector.
        let code = (0..full.len())
            .step_by(3)
            .filter_map(|i| full.get(i..i + 3))
            .find(|s| sectors.contains(s))
            .unwrap_or(&full)
            .to_string();
        if !sectors.contains(&code.as_str()) {
            problems.push(Problem::warning(
                file,
                line_no,
                format!("PETRARCH agent code {code:?} is not a sector readout knows; skipped"),
            ));
            continue;
        }
        let body = &line[..open];
        let (noun, plurals) = match (body.find('{'), body.find('}')) {
            (Some(a), Some(b)) if a < b => (
                &body[..a],
                body[a + 1..b]
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>(),
            ),
            _ => (body, Vec::new()),
        };
        let mut forms = vec![noun.trim().to_lowercase()];
        forms.extend(plurals.iter().map(|p| p.to_lowercase()));
        // Expand macros: "CATTLE!PERSON!" → cattleman, cattlemen, …
        for (name, values) in &macros {
            let lower = name.to_lowercase();
            if forms.iter().any(|f| f.contains(&lower)) {
                forms = forms
                    .iter()
                    .flat_map(|f| {
                        if f.contains(&lower) {
                            values.iter().map(|v| f.replace(&lower, v)).collect()
                        } else {
                            vec![f.clone()]
                        }
                    })
                    .collect();
            }
        }
        let forms: Vec<String> = forms
            .iter()
            .map(|f| f.replace('_', " ").trim().to_string())
            .filter(|f| !f.is_empty() && !f.contains(['!', '|', '#']))
            .collect();
        if !forms.is_empty() {
            out.push_str(&format!("agent {code} | {}\n", forms.join(" | ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECTORS: &[&str] = &["GOV", "MIL", "REB", "AGR", "IGO"];

    #[test]
    fn translates_actors_with_synonyms_and_dated_codes() {
        let text = "# comment\nNORTHLAND_ [NTH]\n+NORTHLANDIAN_\n\nJANE_Q._DOE_\n+MINISTER_DOE\n\t[NTHGOV 150101-191231]\n\t[NTHELI >200101]\nFREEDOM_FRONT [NTHREBFFR] # a group\n";
        let mut problems = Vec::new();
        let out = actors_to_records("a.txt", text, SECTORS, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            out,
            "actor NTH | Northland\n    names: Northlandian\n    country: NTH\n\
             person Jane Q. Doe\n    names: Minister Doe\n    role: NTH | GOV | 2015-01-01 | 2019-12-31 | NTHGOV\n    role: NTH |  | 2020-01-01 |  | NTHELI\n\
             actor NTHREBFFR | Freedom Front\n    country: NTH\n    sectors: REB\n"
        );
    }

    #[test]
    fn translates_agents_with_macros_and_plurals() {
        let text = "!PERSON! = MAN, MEN\nFARMER [~AGR]\nCATTLE!PERSON! [~AGR]\nTROOPER {TROOPERS} [~MIL]\nOBSERVER [IGO~]\nWIZARD [~XYZ]\n";
        let mut problems = Vec::new();
        let out = agents_to_records("g.txt", text, SECTORS, &mut problems);
        assert_eq!(out, "agent AGR | farmer\nagent AGR | cattleman | cattlemen\nagent MIL | trooper | troopers\nagent IGO | observer\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0]
            .to_string()
            .starts_with("g.txt:6: warning: PETRARCH agent code \"XYZ\""));
    }

    #[test]
    fn reads_two_and_four_digit_years() {
        assert_eq!(date("140608").as_deref(), Some("2014-06-08"));
        assert_eq!(date("320101").as_deref(), Some("1932-01-01"));
        assert_eq!(date("19270101").as_deref(), Some("1927-01-01"));
        assert_eq!(date("14-06"), None);
    }
}
