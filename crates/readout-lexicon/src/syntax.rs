//! The record syntax shared by every lexicon file (see `lexicon/README.md`).

use crate::Problem;
use std::borrow::Cow;

/// One `key: value | value` line of a record.
#[derive(Debug, Clone)]
pub struct Attr<'a> {
    pub key: &'a str,
    pub values: Vec<Cow<'a, str>>,
    pub line: usize,
}

/// A header line and its attribute lines.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub kind: &'a str,
    pub head: Vec<Cow<'a, str>>,
    pub attrs: Vec<Attr<'a>>,
    pub line: usize,
}

impl<'a> Record<'a> {
    pub fn values<'s>(&'s self, key: &'s str) -> impl Iterator<Item = (&'s str, usize)> + 's {
        self.attrs
            .iter()
            .filter(move |a| a.key == key)
            .flat_map(|a| a.values.iter().map(move |v| (v.as_ref(), a.line)))
    }
}

/// The line without its comment. Borrowed unless the line escapes a '#' ("\\#").
fn strip_comment(line: &str) -> Cow<'_, str> {
    let Some(hash) = line.find('#') else {
        return Cow::Borrowed(line);
    };
    if !line.contains("\\#") {
        return Cow::Borrowed(&line[..hash]);
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'#') => {
                out.push('#');
                chars.next();
            }
            '#' => break,
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn split_values<'a>(text: &Cow<'a, str>, from: usize) -> Vec<Cow<'a, str>> {
    match text {
        Cow::Borrowed(t) => t[from..]
            .split('|')
            .map(|v| Cow::Borrowed(v.trim()))
            .collect(),
        Cow::Owned(t) => t[from..]
            .split('|')
            .map(|v| Cow::Owned(v.trim().to_string()))
            .collect(),
    }
}

/// Parses one file into records; syntax problems are pushed to `problems` and the line skipped.
pub fn parse<'a>(file: &str, text: &'a str, problems: &mut Vec<Problem>) -> Vec<Record<'a>> {
    let mut records: Vec<Record<'a>> = Vec::new();
    let mut in_bad_record = false;
    let is_word = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let stripped = strip_comment(raw);
        let body = stripped.trim();
        if body.is_empty() {
            continue;
        }
        let indented = raw.starts_with([' ', '\t']);
        if !indented {
            let kind_end = body.find(char::is_whitespace).unwrap_or(body.len());
            // The kind borrows from `raw` (records outlive this loop); `body` is the same text
            // after comment stripping, so a kind that differs between the two is not a word.
            let lead = raw.len() - raw.trim_start().len();
            let kind = raw.get(lead..lead + kind_end).unwrap_or("");
            if !is_word(kind) || kind != &body[..kind_end] {
                let kind = &body[..kind_end];
                problems.push(Problem::new(
                    file,
                    line_no,
                    format!("a record must start with its kind (a lowercase word), found {kind:?}"),
                ));
                in_bad_record = true;
                continue;
            }
            in_bad_record = false;
            let offset = stripped.len() - stripped.trim_start().len() + kind_end;
            let head = if stripped[offset..].trim().is_empty() {
                Vec::new()
            } else {
                split_values(&stripped, offset)
            };
            records.push(Record {
                kind,
                head,
                attrs: Vec::new(),
                line: line_no,
            });
            continue;
        }
        if in_bad_record {
            continue;
        }
        let Some(record) = records.last_mut() else {
            problems.push(Problem::new(
                file,
                line_no,
                "an indented attribute line comes before any record",
            ));
            continue;
        };
        let lead = raw.len() - raw.trim_start().len();
        let (key, values) = match body.split_once(':') {
            Some((k, _)) if is_word(k) => {
                let key = &raw[lead..lead + k.len()];
                (
                    key,
                    split_values(&stripped, stripped.find(':').unwrap() + 1),
                )
            }
            _ if is_word(body) => (&raw[lead..lead + body.len()], Vec::new()),
            _ => {
                problems.push(Problem::new(
                    file,
                    line_no,
                    format!("expected `key: value | value` or a flag, found {body:?}"),
                ));
                continue;
            }
        };
        record.attrs.push(Attr {
            key,
            values,
            line: line_no,
        });
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headers_attributes_flags_and_comments() {
        let text = "# top\ncountry CHN | China  # trailing\n  names: PRC | People\\#s\n  wire\n\nverb meet\n";
        let mut problems = Vec::new();
        let recs = parse("x.txt", text, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].kind, "country");
        assert_eq!(recs[0].head, ["CHN", "China"]);
        assert_eq!(recs[0].attrs[0].values, ["PRC", "People#s"]);
        assert_eq!(recs[0].attrs[1].key, "wire");
        assert_eq!(recs[1].line, 6);
    }

    #[test]
    fn reports_malformed_lines_with_their_line_numbers() {
        let mut problems = Vec::new();
        parse(
            "f.txt",
            "  orphan: x\nCountry X\n  names: y\nverb go\n  Frame = 1\n",
            &mut problems,
        );
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 2, 5]);
        assert!(problems[0].to_string().starts_with("f.txt:1: "));
    }

    #[test]
    fn a_line_led_by_other_whitespace_is_judged_by_its_first_word() {
        // A carriage return or no-break space is not indentation; the kind is read after it,
        // and a non-ASCII kind is a problem on that line, not a slice through a character.
        let mut problems = Vec::new();
        let recs = parse(
            "f.txt",
            "\r\u{a0}verb meet\n\r\u{b3}\u{b3} x\n",
            &mut problems,
        );
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].kind, "verb");
        assert_eq!(recs[0].head, ["meet"]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2);
    }
}
