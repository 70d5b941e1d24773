//! Loading: files → records → validated entries → compiled tries.

use crate::entries::*;
use crate::syntax::{parse, Record};
use crate::{embedded, Lexicon, LexiconError, Problem};
use readout_doc::{token_flags as tf, Date};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Sector codes an agent, person role or actor may use.
const SECTORS: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SPY", "MED", "BUS", "CVL", "EDU",
    "HLH", "REF", "LAB", "REL", "HRI", "IGO", "NGO", "PTY", "ELI", "AGR", "ENV", "CRM", "UAF",
    "MNC", "SET", "MOD", "RAD", "IMG", "DEV", "JEW", "MUS", "CHR", "BUD", "HIN", "SHI", "SUN",
];

/// Counts of entries by kind, for `readout lexicon stats`.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// How many files were read; [`Lexicon::stats`] cannot know and leaves it 0.
    pub files: usize,
    /// (what, how many) in display order: countries, organisations, persons, agent phrases,
    /// places, verbs, verb forms, nouns, CAMEO codes, names, function words.
    pub counts: Vec<(&'static str, usize)>,
    /// How many distinct words the entries use ([`crate::Words::len`]).
    pub words: usize,
}

/// Collects lexicon files, then validates and compiles them.
#[derive(Default)]
pub struct LexiconBuilder {
    /// (name, text): embedded files are borrowed from the binary, not copied.
    files: Vec<(String, Cow<'static, str>)>,
    /// Problems found while translating foreign dictionary formats.
    early_problems: Vec<Problem>,
}

struct Compiler {
    lex: Lexicon,
    problems: Vec<Problem>,
    scratch: String,
    tokens: Vec<readout_doc::Token>,
    /// Normalised name → (file, line, owner) to report duplicates across entries.
    seen_names: HashMap<(String, &'static str), (String, usize, String)>,
    sector_index: HashMap<String, u16>,
    title_index: HashMap<String, u32>,
    /// Country codes named by places, roles and actors, checked against the country table
    /// once every file is read (a user's file may name a country defined in another).
    country_references: Vec<(String, usize, String, &'static str)>,
    /// Where each country was first defined, to report a second record with the same code.
    country_lines: HashMap<String, (String, usize)>,
    /// `leader:` lines of actor records, linked to persons once every file is read.
    pending_leaders: Vec<PendingLeader>,
    /// Body roles of several words ("director general"), matched against whole titles.
    body_role_phrases: Vec<String>,
}

/// A `leader:` line whose person is looked up once every file is read.
struct PendingLeader {
    actor: u32,
    person: String,
    start: Option<Date>,
    end: Option<Date>,
    file: String,
    line: usize,
}

impl LexiconBuilder {
    /// A builder with no files yet.
    pub fn new() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    /// Adds every file embedded at build time (the repository's `lexicon/`), named
    /// `lexicon/<path>` in problems.
    pub fn add_embedded(mut self) -> LexiconBuilder {
        for (path, text) in embedded::FILES {
            self.files
                .push((format!("lexicon/{path}"), Cow::Borrowed(*text)));
        }
        self
    }

    /// Adds the embedded files whose path starts with `prefix` (`"grammar/"`): tests use the
    /// real function words with a small lexicon of their own.
    pub fn add_embedded_under(mut self, prefix: &str) -> LexiconBuilder {
        for (path, text) in embedded::FILES
            .iter()
            .filter(|(p, _)| p.starts_with(prefix))
        {
            self.files
                .push((format!("lexicon/{path}"), Cow::Borrowed(*text)));
        }
        self
    }

    /// Adds a TABARI/PETRARCH actor dictionary, translated into readout records.
    pub fn add_petrarch_actors(self, path: &Path) -> Result<LexiconBuilder, LexiconError> {
        self.add_translated(path, crate::petrarch::actors_to_records)
    }

    /// Adds a TABARI/PETRARCH agent dictionary, translated into readout `agent` records.
    pub fn add_petrarch_agents(self, path: &Path) -> Result<LexiconBuilder, LexiconError> {
        self.add_translated(path, crate::petrarch::agents_to_records)
    }

    /// Adds the text of a TABARI/PETRARCH actor dictionary under `name`, without reading the
    /// disk.
    pub fn add_petrarch_actors_text(self, name: &str, text: &str) -> LexiconBuilder {
        self.add_translated_text(name, text, crate::petrarch::actors_to_records)
    }

    /// Adds the text of a TABARI/PETRARCH agent dictionary under `name`, without reading the
    /// disk.
    pub fn add_petrarch_agents_text(self, name: &str, text: &str) -> LexiconBuilder {
        self.add_translated_text(name, text, crate::petrarch::agents_to_records)
    }

    /// Reads a file in a foreign dictionary format and adds its translation into records.
    fn add_translated(
        self,
        path: &Path,
        translate: fn(&str, &str, &[&str], &mut Vec<Problem>) -> String,
    ) -> Result<LexiconBuilder, LexiconError> {
        let text = std::fs::read_to_string(path).map_err(|e| LexiconError::Io {
            path: path.display().to_string(),
            source: e,
        })?;
        Ok(self.add_translated_text(&path.display().to_string(), &text, translate))
    }

    /// Adds the translation into records of a text in a foreign dictionary format.
    fn add_translated_text(
        mut self,
        name: &str,
        text: &str,
        translate: fn(&str, &str, &[&str], &mut Vec<Problem>) -> String,
    ) -> LexiconBuilder {
        let records = translate(name, text, SECTORS, &mut self.early_problems);
        self.files
            .push((format!("{name} (as readout records)"), Cow::Owned(records)));
        self
    }

    /// The embedded lexicon without the files under `prefix` (`"actors/"`: code with another
    /// actor dictionary instead of readout's).
    pub fn add_embedded_except(mut self, prefix: &str) -> LexiconBuilder {
        for (path, text) in embedded::FILES
            .iter()
            .filter(|(p, _)| !p.starts_with(prefix))
        {
            self.files
                .push((format!("lexicon/{path}"), Cow::Borrowed(*text)));
        }
        self
    }

    /// Adds one file's text under `name` (the name problems report), without reading the disk.
    pub fn add_text(mut self, name: &str, text: &str) -> LexiconBuilder {
        self.files
            .push((name.to_string(), Cow::Owned(text.to_string())));
        self
    }

    /// Adds every `.txt` file below `dir` (or `dir` itself if it is a file).
    pub fn add_path(mut self, dir: &Path) -> Result<LexiconBuilder, LexiconError> {
        let io = |e| LexiconError::Io {
            path: dir.display().to_string(),
            source: e,
        };
        if dir.is_file() {
            let text = std::fs::read_to_string(dir).map_err(io)?;
            self.files
                .push((dir.display().to_string(), Cow::Owned(text)));
            return Ok(self);
        }
        let mut stack = vec![dir.to_path_buf()];
        let mut found = Vec::new();
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).map_err(io)? {
                let path = entry.map_err(io)?.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    found.push(path);
                }
            }
        }
        found.sort();
        for path in found {
            let text = std::fs::read_to_string(&path).map_err(|e| LexiconError::Io {
                path: path.display().to_string(),
                source: e,
            })?;
            self.files
                .push((path.display().to_string(), Cow::Owned(text)));
        }
        Ok(self)
    }

    /// Compiles the lexicon, failing on any error (warnings are allowed).
    pub fn build(self) -> Result<Lexicon, LexiconError> {
        let (lex, problems) = self.check();
        if problems.iter().any(|p| !p.warning) {
            return Err(LexiconError::Invalid(problems));
        }
        Ok(lex)
    }

    /// Compiles what it can and returns every problem found.
    pub fn check(mut self) -> (Lexicon, Vec<Problem>) {
        let mut c = Compiler {
            lex: Lexicon::default(),
            problems: std::mem::take(&mut self.early_problems),
            scratch: String::new(),
            tokens: Vec::new(),
            seen_names: HashMap::new(),
            sector_index: HashMap::new(),
            title_index: HashMap::new(),
            country_references: Vec::new(),
            country_lines: HashMap::new(),
            pending_leaders: Vec::new(),
            body_role_phrases: Vec::new(),
        };
        let mut records = Vec::new();
        for (file, text) in &self.files {
            for r in parse(file, text, &mut c.problems) {
                records.push((file.as_str(), r));
            }
        }
        // CAMEO codes first: frames refer to them.
        for (file, r) in records.iter().filter(|(_, r)| r.kind == "cameo") {
            c.cameo(file, r);
        }
        for (file, r) in &records {
            match r.kind {
                "cameo" => {}
                "country" => c.country(file, r),
                "actor" => c.actor(file, r),
                "person" => c.person(file, r),
                "agent" => c.agent(file, r),
                "place" => c.place(file, r),
                "verb" => c.verb(file, r),
                "noun" => c.noun(file, r),
                "words" => c.words(file, r),
                "cue" => c.cue(file, r),
                "modifier" => c.modifier(file, r),
                "orgword" => c.org_word(file, r),
                "bodykind" => c.body_kind(file, r),
                "holding" => c.holding(file, r),
                "thing" => c.thing(file, r),
                "evaluation" => c.evaluation(file, r),
                "given-names" => c.given_names(file, r),
                "partitive" => c.partitives(file, r),
                "associate" => c.associates(file, r),
                "crowd" => c.crowds(file, r),
                "spokesperson" => c.spokespersons(file, r),
                "stance" => c.stances(file, r),
                "disclosure" => c.disclosures(file, r),
                "body-role" => c.body_roles(file, r),
                "place-noun" => c.place_nouns(file, r),
                "policy" => c.policy_words(file, r),
                "vague-time" => c.vague_times(file, r),
                "earlier-time" => c.earlier_times(file, r),
                other => c.problems.push(Problem::new(file, r.line, format!(
                    "unknown record kind {other:?} (expected country, actor, person, agent, place, verb, noun, cameo, words, cue, modifier, orgword, bodykind, holding, evaluation, given-names, partitive, associate, spokesperson, stance, disclosure, body-role, place-noun, policy, vague-time or earlier-time)"
                ))),
            }
        }
        c.index_offices();
        c.index_body_role_titles();
        c.link_leaders();
        c.check_country_references();
        (c.lex, c.problems)
    }
}

impl Lexicon {
    /// Counts of entries by kind, for `readout lexicon stats`.
    pub fn stats(&self) -> Stats {
        Stats {
            files: 0,
            counts: vec![
                ("countries", self.countries.len()),
                ("organisations and groups", self.actors.len()),
                ("persons", self.persons.len()),
                ("agent phrases", self.agent_phrases),
                ("places", self.places.len()),
                ("verbs", self.verbs.len()),
                ("verb forms", self.verb_forms.len()),
                ("nouns", self.nouns.len()),
                ("CAMEO codes", self.cameo.len()),
                ("names (all phrases)", self.names.len()),
                ("function words", self.function_words.len()),
            ],
            words: self.words.len(),
        }
    }
}

/// The kinds a `place` record may give.
const PLACE_KINDS: [&str; 5] = ["city", "state", "province", "region", "site"];

fn parse_coord(text: &str, max: f64) -> Option<f64> {
    text.parse::<f64>().ok().filter(|v| v.abs() <= max)
}

fn is_alpha3(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Regular English plural of the last word of a phrase.
pub fn pluralize(phrase: &str) -> String {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), phrase),
    };
    let plural = if let Some(stem) = last.strip_suffix("man") {
        format!("{stem}men")
    } else if last.ends_with('y')
        && !last.ends_with("ey")
        && !last.ends_with("ay")
        && !last.ends_with("oy")
    {
        format!("{}ies", &last[..last.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|s| last.ends_with(s))
    {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    head + &plural
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Regular inflections of a verb: (third person, past, gerund).
pub fn inflect(verb: &str) -> (String, String, String) {
    let chars: Vec<char> = verb.chars().collect();
    let n = chars.len();
    let cons_y = n >= 2 && chars[n - 1] == 'y' && !is_vowel(chars[n - 2]);
    let third = if cons_y {
        format!("{}ies", &verb[..verb.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|s| verb.ends_with(s))
    {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    };
    let past = if verb.ends_with('e') {
        format!("{verb}d")
    } else if cons_y {
        format!("{}ied", &verb[..verb.len() - 1])
    } else {
        format!("{verb}ed")
    };
    let gerund = if let Some(stem) = verb.strip_suffix("ie") {
        format!("{stem}ying")
    } else if verb.ends_with('e')
        && !verb.ends_with("ee")
        && !verb.ends_with("ye")
        && !verb.ends_with("oe")
        && n > 2
    {
        format!("{}ing", &verb[..verb.len() - 1])
    } else {
        format!("{verb}ing")
    };
    (third, past, gerund)
}

impl Compiler {
    /// Links each person's roles to the agent title they hold, for "Russia's foreign minister".
    fn index_offices(&mut self) {
        for (p, person) in self.lex.persons.iter().enumerate() {
            for (r, role) in person.roles.iter().enumerate() {
                if let Some(&t) = self.title_index.get(&normalize_title(&role.title)) {
                    self.lex
                        .office_holders
                        .entry((role.country.clone(), t))
                        .or_default()
                        .push((p as u32, r));
                }
            }
        }
    }

    fn err(&mut self, file: &str, line: usize, msg: impl Into<String>) {
        self.problems.push(Problem::new(file, line, msg));
    }

    /// Tokenizes and interns a phrase; returns word ids and the capitalisation mask.
    fn phrase(&mut self, text: &str) -> (Vec<u32>, u64) {
        self.tokens.clear();
        readout_text::tokenize(text, 0, &mut self.tokens);
        let mut ids = Vec::with_capacity(self.tokens.len());
        let mut caps = 0u64;
        for (i, t) in self.tokens.iter().enumerate() {
            readout_text::normalize_into(&text[t.span.range()], &mut self.scratch);
            ids.push(self.lex.words.intern(&self.scratch));
            if t.has(tf::CAPITALIZED) && i < 64 {
                caps |= 1 << i;
            }
        }
        (ids, caps)
    }

    /// Adds a name to the names trie, warning when another entry already uses it.
    fn name(
        &mut self,
        file: &str,
        line: usize,
        text: &str,
        owner: &str,
        value: NameRef,
        any_case: bool,
    ) {
        if text.is_empty() {
            self.err(file, line, format!("empty name in {owner}"));
            return;
        }
        let class = match value {
            NameRef::Agent { .. } => "agent",
            NameRef::Place(_) => "place",
            _ => "actor",
        };
        let (ids, caps) = self.phrase(text);
        readout_text::normalize_into(text, &mut self.scratch);
        let key = (self.scratch.clone(), class);
        match self.seen_names.get(&key) {
            Some((f, l, o)) if o != owner => {
                let msg = format!(
                    "{text:?} is already a name of {o} ({f}:{l}); it now also names {owner}"
                );
                self.problems.push(Problem::warning(file, line, msg));
            }
            Some(_) => {}
            None => {
                self.seen_names
                    .insert(key, (file.to_string(), line, owner.to_string()));
            }
        }
        self.lex
            .names
            .insert(&ids, if any_case { 0 } else { caps }, value);
    }

    fn sector(&mut self, file: &str, line: usize, code: &str) -> Option<u16> {
        if !SECTORS.contains(&code) {
            self.err(
                file,
                line,
                format!(
                    "unknown sector code {code:?} (known: {})",
                    SECTORS.join(", ")
                ),
            );
            return None;
        }
        if let Some(&i) = self.sector_index.get(code) {
            return Some(i);
        }
        let i = self.lex.sectors.len() as u16;
        self.lex.sectors.push(code.to_string());
        self.sector_index.insert(code.to_string(), i);
        Some(i)
    }

    fn unknown_keys(&mut self, file: &str, r: &Record, known: &[&str]) {
        for a in &r.attrs {
            if !known.contains(&a.key) {
                let msg = format!(
                    "unknown attribute {:?} for a {} record (expected one of: {})",
                    a.key,
                    r.kind,
                    known.join(", ")
                );
                self.err(file, a.line, msg);
            }
        }
    }

    fn cameo(&mut self, file: &str, r: &Record) {
        let [code, name, goldstein, quad, plover] = r.head.as_slice() else {
            return self.err(
                file,
                r.line,
                "a cameo record is `cameo CODE | name | Goldstein | quad class | PLOVER`",
            );
        };
        if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return self.err(
                file,
                r.line,
                format!("CAMEO code {code:?} must be 2 to 4 digits"),
            );
        }
        let Some(goldstein) = goldstein
            .parse::<f32>()
            .ok()
            .filter(|g| (-10.0..=10.0).contains(g))
        else {
            return self.err(
                file,
                r.line,
                format!("Goldstein score {goldstein:?} must be a number from -10 to 10"),
            );
        };
        let Some(quad_class) = quad.parse::<u8>().ok().filter(|q| (1..=4).contains(q)) else {
            return self.err(
                file,
                r.line,
                format!("quad class {quad:?} must be 1, 2, 3 or 4"),
            );
        };
        if self.lex.cameo.contains_key(code.as_ref()) {
            return self.err(file, r.line, format!("CAMEO code {code} is defined twice"));
        }
        let plover = (plover != "-" && !plover.is_empty()).then(|| plover.to_string());
        self.lex.cameo.insert(
            code.to_string(),
            CameoCode {
                code: code.to_string(),
                name: name.to_string(),
                goldstein,
                quad_class,
                plover,
            },
        );
    }

    fn country(&mut self, file: &str, r: &Record) {
        self.unknown_keys(
            file,
            r,
            &[
                "names",
                "adjectives",
                "demonyms",
                "capital",
                "seats",
                "location",
            ],
        );
        let [code, name] = r.head.as_slice() else {
            return self.err(file, r.line, "a country record is `country ISO3 | name`");
        };
        if !is_alpha3(code) {
            return self.err(
                file,
                r.line,
                format!("country code {code:?} is not an ISO 3166-1 alpha-3 code"),
            );
        }
        if let Some((first_file, first_line)) = self.country_lines.get(code.as_ref()) {
            let msg =
                format!("country {code} is defined twice (first at {first_file}:{first_line})");
            return self.err(file, r.line, msg);
        }
        self.country_lines
            .insert(code.to_string(), (file.to_string(), r.line));
        let index = self.lex.countries.len() as u32;
        let owner = format!("country {code}");
        let adjectives = r.values("adjectives").map(|(a, _)| a.to_string()).collect();
        let mut country = Country {
            code: code.to_string(),
            name: name.to_string(),
            adjectives,
            capital: None,
            location: None,
        };
        let form = |form| NameRef::Country {
            index,
            form,
            sector: None,
        };
        self.name(file, r.line, name, &owner, form(CountryForm::Name), false);
        let lists: Vec<(String, usize, CountryForm)> = [
            ("names", CountryForm::Name),
            ("adjectives", CountryForm::Adjective),
            ("demonyms", CountryForm::Demonym),
        ]
        .iter()
        .flat_map(|(key, f)| r.values(key).map(move |(v, l)| (v.to_string(), l, *f)))
        .collect();
        for (v, l, f) in lists {
            self.name(file, l, &v, &owner, form(f), false);
        }
        for a in r.attrs.iter().filter(|a| a.key == "capital") {
            match a.values.as_slice() {
                [cap, lat, lon] => match (parse_coord(lat, 90.0), parse_coord(lon, 180.0)) {
                    (Some(lat), Some(lon)) => {
                        self.name(file, a.line, cap, &owner, form(CountryForm::Capital), false);
                        country.capital = Some(Coordinates {
                            name: cap.to_string(),
                            lat,
                            lon,
                        });
                    }
                    _ => self.err(
                        file,
                        a.line,
                        format!(
                            "capital coordinates {lat:?}, {lon:?} are not a latitude and longitude"
                        ),
                    ),
                },
                _ => self.err(file, a.line, "capital is `capital: name | lat | lon`"),
            }
        }
        let seats: Vec<(String, usize)> =
            r.values("seats").map(|(v, l)| (v.to_string(), l)).collect();
        for (seat, l) in seats {
            let (seat_name, sector) = match seat.rsplit_once('=') {
                Some((n, s)) => (n.trim().to_string(), self.sector(file, l, s.trim())),
                None => (seat.to_string(), None),
            };
            let value = NameRef::Country {
                index,
                form: CountryForm::Seat,
                sector,
            };
            self.name(file, l, &seat_name, &owner, value, false);
        }
        for a in r.attrs.iter().filter(|a| a.key == "location") {
            match a.values.as_slice() {
                [lat, lon] => match (parse_coord(lat, 90.0), parse_coord(lon, 180.0)) {
                    (Some(lat), Some(lon)) => country.location = Some((lat, lon)),
                    _ => self.err(file, a.line, "location must be `location: lat | lon`"),
                },
                _ => self.err(file, a.line, "location must be `location: lat | lon`"),
            }
        }
        self.lex
            .country_index
            .insert(country.code.to_string(), index);
        self.lex.countries.push(country);
    }

    fn actor(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &["names", "country", "sectors", "wire", "leader"]);
        let [code, name] = r.head.as_slice() else {
            return self.err(file, r.line, "an actor record is `actor CODE | name`");
        };
        if code.len() < 3
            || !code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            return self.err(file, r.line, format!("actor code {code:?} must be uppercase letters (country or IGO prefix, then sectors)"));
        }
        let country = r.values("country").next().map(|(c, _)| c.to_string());
        if let Some(c) = &country {
            if !is_alpha3(c) {
                self.err(
                    file,
                    r.line,
                    format!("country {c:?} is not an ISO alpha-3 code"),
                );
            } else {
                self.country_references
                    .push((file.to_string(), r.line, c.to_string(), "actor"));
            }
        }
        let mut sectors = Vec::new();
        for (s, l) in r
            .values("sectors")
            .map(|(s, l)| (s.to_string(), l))
            .collect::<Vec<_>>()
        {
            if self.sector(file, l, &s).is_some() {
                sectors.push(s);
            }
        }
        let index = self.lex.actors.len() as u32;
        let owner = format!("actor {code} {name}");
        self.name(file, r.line, name, &owner, NameRef::Actor(index), false);
        for (alias, l) in r
            .values("names")
            .map(|(s, l)| (s.to_string(), l))
            .collect::<Vec<_>>()
        {
            self.name(file, l, &alias, &owner, NameRef::Actor(index), false);
        }
        let wire = r.attrs.iter().any(|a| a.key == "wire");
        for a in r.attrs.iter().filter(|a| a.key == "leader") {
            let [person, start, end] = a.values.as_slice() else {
                self.err(
                    file,
                    a.line,
                    "a leader line is `leader: person's name | first day | first day out`",
                );
                continue;
            };
            let (start, end) = (self.date(file, a.line, start), self.date(file, a.line, end));
            self.pending_leaders.push(PendingLeader {
                actor: index,
                person: person.to_string(),
                start,
                end,
                file: file.to_string(),
                line: a.line,
            });
        }
        self.lex.actors.push(OrgActor {
            code: code.to_string(),
            name: name.to_string(),
            country,
            sectors,
            wire,
            leaders: Vec::new(),
        });
    }

    /// Links each `leader:` line to the person record of that name.
    fn link_leaders(&mut self) {
        let persons: HashMap<&str, u32> = self
            .lex
            .persons
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.as_str(), i as u32))
            .collect();
        let mut problems = Vec::new();
        for l in std::mem::take(&mut self.pending_leaders) {
            match persons.get(l.person.as_str()) {
                Some(&p) => self.lex.actors[l.actor as usize].leaders.push(Leader {
                    person: p,
                    start: l.start,
                    end: l.end,
                }),
                None => problems.push(Problem::new(
                    &l.file,
                    l.line,
                    format!("leader {:?} is no person record", l.person),
                )),
            }
        }
        self.problems.extend(problems);
    }

    fn date(&mut self, file: &str, line: usize, text: &str) -> Option<Date> {
        if text.is_empty() {
            return None;
        }
        Date::parse(text)
            .map_err(|e| self.err(file, line, e.to_string()))
            .ok()
    }

    fn person(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &["names", "surname", "role"]);
        let [name] = r.head.as_slice() else {
            return self.err(file, r.line, "a person record is `person Full Name`");
        };
        let index = self.lex.persons.len() as u32;
        let owner = format!("person {name}");
        self.name(file, r.line, name, &owner, NameRef::Person(index), false);
        for (alias, l) in r
            .values("names")
            .map(|(s, l)| (s.to_string(), l))
            .collect::<Vec<_>>()
        {
            if alias != *name {
                self.name(file, l, &alias, &owner, NameRef::Person(index), false);
            }
        }
        let surname = r
            .values("surname")
            .next()
            .map(|(s, _)| s.to_string())
            .unwrap_or_else(|| name.rsplit(' ').next().unwrap_or(name).to_string());
        // Surnames may have several words ("Le Pen", "Lopez Obrador"); they must be capitalised
        // in the text, as names are.
        let (ids, caps) = self.phrase(&surname);
        if ids.is_empty() {
            self.err(file, r.line, "empty surname");
        } else {
            self.lex.surnames.insert(&ids, caps, index);
        }
        let mut roles = Vec::new();
        for a in r.attrs.iter().filter(|a| a.key == "role") {
            let [country, sector, start, end, title] = a.values.as_slice() else {
                self.err(
                    file,
                    a.line,
                    "a role is `role: COUNTRY | SECTOR | start | end | title`",
                );
                continue;
            };
            if !is_alpha3(country) {
                self.err(
                    file,
                    a.line,
                    format!("role country {country:?} is not an ISO alpha-3 code"),
                );
            }
            // In an international or non-governmental organisation the "sector" names the body:
            // IGO | EURCOM, NGO | ICRC.
            if !matches!(country.as_ref(), "IGO" | "NGO") {
                self.country_references.push((
                    file.to_string(),
                    a.line,
                    country.to_string(),
                    "role",
                ));
            }
            let igo_body = matches!(country.as_ref(), "IGO" | "NGO")
                && sector.len() >= 2
                && sector.bytes().all(|b| b.is_ascii_uppercase());
            // An empty sector means the role gives a country only.
            if !igo_body && !sector.is_empty() {
                self.sector(file, a.line, sector);
            }
            let (s, e) = (self.date(file, a.line, start), self.date(file, a.line, end));
            if let (Some(s), Some(e)) = (s, e) {
                if e < s {
                    self.err(
                        file,
                        a.line,
                        format!("role ends ({e}) before it starts ({s})"),
                    );
                }
            }
            roles.push(Role {
                country: country.to_string(),
                sector: sector.to_string(),
                start: s,
                end: e,
                title: title.to_string(),
            });
        }
        if roles.is_empty() {
            self.err(
                file,
                r.line,
                format!(
                    "person {name} has no role: give at least `role: COUNTRY | SECTOR | | | title`"
                ),
            );
        }
        readout_text::normalize_into(&surname, &mut self.scratch);
        let surname = self.scratch.clone();
        self.lex.persons.push(Person {
            name: name.to_string(),
            surname,
            roles,
        });
    }

    fn agent(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let Some((sector, nouns)) = r.head.split_first() else {
            return;
        };
        let Some(index) = self.sector(file, r.line, sector) else {
            return;
        };
        let owner = format!("agent {sector}");
        for noun in nouns {
            let title = normalize_title(noun);
            let title = match self.title_index.get(&title) {
                Some(&t) => t,
                None => {
                    let t = self.lex.titles.len() as u32;
                    self.lex.titles.push(title.clone());
                    self.title_index.insert(title, t);
                    t
                }
            };
            self.name(
                file,
                r.line,
                noun,
                &owner,
                NameRef::Agent {
                    sector: index,
                    title,
                },
                true,
            );
            self.lex.agent_phrases += 1;
            let plural = pluralize(noun);
            if plural != noun.as_ref() && !nouns.iter().any(|n| *n == plural) {
                self.name(
                    file,
                    r.line,
                    &plural,
                    &owner,
                    NameRef::Agent {
                        sector: index,
                        title: NO_TITLE,
                    },
                    true,
                );
            }
        }
    }

    fn place(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        const FORM: &str = "a place record is `place name | COUNTRY | lat | lon | kind [| population [| region [| GeoNames id]]]`";
        let (name, country, lat, lon, kind, rest) = match r.head.as_slice() {
            [name, country, lat, lon, kind, rest @ ..] if rest.len() <= 3 => {
                (name, country, lat, lon, kind, rest)
            }
            _ => return self.err(file, r.line, FORM),
        };
        if !is_alpha3(country) {
            return self.err(
                file,
                r.line,
                format!("place country {country:?} is not an ISO alpha-3 code"),
            );
        }
        if !PLACE_KINDS.contains(&kind.as_ref()) {
            return self.err(
                file,
                r.line,
                format!(
                    "place kind {kind:?} is not one of {}",
                    PLACE_KINDS.join(", ")
                ),
            );
        }
        self.country_references
            .push((file.to_string(), r.line, country.to_string(), "place"));
        let (Some(lat), Some(lon)) = (parse_coord(lat, 90.0), parse_coord(lon, 180.0)) else {
            return self.err(
                file,
                r.line,
                format!("{lat:?}, {lon:?} is not a latitude and longitude"),
            );
        };
        let number = |field: Option<&str>, what: &str| -> Result<Option<u64>, String> {
            match field.filter(|p| !p.is_empty()) {
                Some(p) => p
                    .parse::<u64>()
                    .map(Some)
                    .map_err(|_| format!("{what} {p:?} is not a whole number")),
                None => Ok(None),
            }
        };
        let population = match number(rest.first().map(|p| p.as_ref()), "population") {
            Ok(n) => n.unwrap_or(0),
            Err(msg) => return self.err(file, r.line, msg),
        };
        let geonames_id = match number(rest.get(2).map(|p| p.as_ref()), "GeoNames id") {
            Ok(n) => n.map(|n| n as u32),
            Err(msg) => return self.err(file, r.line, msg),
        };
        let region = rest.get(1).map(|r| r.to_string()).unwrap_or_default();
        let index = self.lex.places.len() as u32;
        // Many places share a name ("Springfield"): that is what population and context are
        // for, so places are not reported as duplicates of each other.
        let (ids, caps) = self.phrase(name);
        self.lex.names.insert(&ids, caps, NameRef::Place(index));
        self.lex.places.push(Place {
            name: name.to_string(),
            country: country.to_string(),
            lat,
            lon,
            kind: kind.to_string(),
            population,
            region,
            geonames_id,
        });
    }

    /// Every country a place, role or actor names must be in the country table (when there is
    /// one: coding with PETRARCH dictionaries instead of readout's actors has none).
    fn check_country_references(&mut self) {
        let references = std::mem::take(&mut self.country_references);
        if self.lex.countries.is_empty() {
            return;
        }
        for (file, line, code, what) in references {
            if !self.lex.country_index.contains_key(&code) {
                self.err(
                    &file,
                    line,
                    format!("{what} country {code} is not in the country table"),
                );
            }
        }
    }

    fn frames(&mut self, file: &str, r: &Record) -> Vec<Frame> {
        let mut frames = Vec::new();
        for a in r.attrs.iter().filter(|a| a.key == "frame") {
            let [text] = a.values.as_slice() else {
                self.err(file, a.line, "a frame is `frame: pattern = CODE`");
                continue;
            };
            let Some((pattern, code)) = text.rsplit_once('=') else {
                self.err(file, a.line, format!("frame {text:?} has no `= CODE`"));
                continue;
            };
            let code = code.trim();
            // `= -`: a sense that is no event ("spoke on condition of anonymity").
            if code != NO_EVENT && !self.lex.cameo.contains_key(code) {
                self.err(
                    file,
                    a.line,
                    format!("frame code {code:?} is not a CAMEO code in lexicon/cameo"),
                );
                continue;
            }
            let mut items = Vec::new();
            for w in pattern.split_whitespace() {
                items.push(match w {
                    "+" => PatternItem::Target,
                    "*" => PatternItem::Gap,
                    w => {
                        readout_text::normalize_into(w, &mut self.scratch);
                        PatternItem::Word(self.lex.words.intern(&self.scratch))
                    }
                });
            }
            frames.push(Frame {
                pattern: items,
                code: code.to_string(),
                text: pattern.trim().to_string(),
            });
        }
        // A verb may carry only a complement ("verb plan / complement: intended"): it codes
        // nothing itself but qualifies the event it governs.
        let complement_only = r.kind == "verb"
            && r.attrs
                .iter()
                .any(|a| a.key == "complement" || a.key == "light");
        if frames.is_empty() && !complement_only {
            self.err(
                file,
                r.line,
                format!("{} {:?} has no frame", r.kind, r.head.join(" ")),
            );
        }
        frames
    }

    fn verb(&mut self, file: &str, r: &Record) {
        self.unknown_keys(
            file,
            r,
            &[
                "forms",
                "frame",
                "report",
                "complement",
                "light",
                "intransitive",
            ],
        );
        let [lemma] = r.head.as_slice() else {
            return self.err(file, r.line, "a verb record is `verb lemma`");
        };
        let index = self.lex.verbs.len() as u32;
        let (first, particle) = match lemma.split_once(' ') {
            Some((f, p)) => (f.to_string(), format!(" {p}")),
            None => (lemma.to_string(), String::new()),
        };
        let (third, past, gerund) = inflect(&first);
        let mut forms = vec![
            (first.clone(), FormKind::Base),
            (third, FormKind::ThirdPerson),
            (past, FormKind::Past),
            (gerund, FormKind::Gerund),
        ];
        for (f, _) in r.values("forms") {
            let kind = if f.ends_with("ing") {
                FormKind::Gerund
            } else {
                FormKind::Past
            };
            forms.push((f.to_string(), kind));
        }
        let mut done = HashSet::new();
        for (form, kind) in forms {
            let phrase = if form.contains(' ') {
                form
            } else {
                format!("{form}{particle}")
            };
            if done.insert(phrase.clone()) {
                let (ids, _) = self.phrase(&phrase);
                self.lex
                    .verb_forms
                    .insert(&ids, 0, VerbForm { verb: index, kind });
            }
        }
        let frames = self.frames(file, r);
        let report = r.attrs.iter().any(|a| a.key == "report");
        let light = r.attrs.iter().any(|a| a.key == "light");
        let intransitive = r.attrs.iter().any(|a| a.key == "intransitive");
        let mut complement = None;
        for (value, line) in r.values("complement") {
            match Complement::parse(value) {
                Some(c) => complement = Some(c),
                None => self.err(
                    file,
                    line,
                    format!("complement {value:?}: expected intended, requested, negated or hypothetical"),
                ),
            }
        }
        self.lex.verbs.push(Verb {
            lemma: lemma.to_string(),
            report,
            light,
            intransitive,
            complement,
            frames,
            file: file.to_string(),
            line: r.line,
        });
    }

    fn noun(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &["frame", "from-origin"]);
        let [lemma] = r.head.as_slice() else {
            return self.err(file, r.line, "a noun record is `noun phrase`");
        };
        let index = self.lex.nouns.len() as u32;
        let (ids, _) = self.phrase(lemma);
        self.lex.noun_triggers.insert(&ids, 0, index);
        let frames = self.frames(file, r);
        self.lex.nouns.push(Noun {
            lemma: lemma.to_string(),
            frames,
            from_origin: r.attrs.iter().any(|a| a.key == "from-origin"),
            file: file.to_string(),
            line: r.line,
        });
    }

    fn modifier(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let Some((sector, words)) = r.head.split_first() else {
            return;
        };
        let Some(index) = self.sector(file, r.line, sector) else {
            return;
        };
        for w in words {
            let (ids, _) = self.phrase(w);
            match ids.as_slice() {
                [id] => {
                    self.lex.modifiers.insert(*id, index);
                }
                _ => self.err(file, r.line, format!("modifier {w:?} must be one word")),
            }
        }
    }

    fn org_word(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let Some((sector, words)) = r.head.split_first() else {
            return;
        };
        if sector.as_ref() == "-" {
            let ids = self.single_words(file, r, words, "organisation word");
            self.lex.body_words.extend(ids);
            return;
        }
        let Some(index) = self.sector(file, r.line, sector) else {
            return;
        };
        for w in words {
            let (ids, _) = self.phrase(w);
            match ids.as_slice() {
                [id] => {
                    self.lex.org_words.insert(*id, index);
                }
                _ => self.err(
                    file,
                    r.line,
                    format!("organisation word {w:?} must be one word"),
                ),
            }
        }
    }

    fn body_kind(&mut self, file: &str, r: &Record) {
        for (id, index) in self.sector_words(file, r, "body kind") {
            self.lex.body_kinds.insert(id, index);
        }
    }

    fn thing(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let ids = self.single_words(file, r, &r.head, "thing name");
        self.lex.thing_names.extend(ids);
    }

    fn holding(&mut self, file: &str, r: &Record) {
        for (id, index) in self.sector_words(file, r, "holding noun") {
            self.lex.holdings.insert(id, index);
        }
    }

    /// The words of a `SECTOR | word | word` record, each with the sector's index.
    fn sector_words(&mut self, file: &str, r: &Record, what: &str) -> Vec<(u32, u16)> {
        self.unknown_keys(file, r, &[]);
        let Some((sector, words)) = r.head.split_first() else {
            return Vec::new();
        };
        let Some(index) = self.sector(file, r.line, sector) else {
            return Vec::new();
        };
        let ids = self.single_words(file, r, words, what);
        ids.into_iter().map(|id| (id, index)).collect()
    }

    /// The word ids of a record whose values are single words (`what` names them in errors).
    fn single_words(
        &mut self,
        file: &str,
        r: &Record,
        words: &[std::borrow::Cow<'_, str>],
        what: &str,
    ) -> Vec<u32> {
        let mut out = Vec::with_capacity(words.len());
        for w in words {
            let (ids, _) = self.phrase(w);
            match ids.as_slice() {
                [id] => out.push(*id),
                _ => self.err(file, r.line, format!("{what} {w:?} must be one word")),
            }
        }
        out
    }

    fn partitives(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let ids = self.single_words(file, r, &r.head, "partitive");
        self.lex.partitives.extend(ids);
    }

    fn associates(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let ids = self.single_words(file, r, &r.head, "associate");
        self.lex.associates.extend(ids);
    }

    fn crowds(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let ids = self.single_words(file, r, &r.head, "crowd word");
        self.lex.crowds.extend(ids);
    }

    fn stances(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let ids = self.single_words(file, r, &r.head, "stance word");
        self.lex.stances.extend(ids);
    }

    fn disclosures(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let ids = self.single_words(file, r, &r.head, "disclosure verb");
        self.lex.disclosures.extend(ids);
    }

    fn spokespersons(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let ids = self.single_words(file, r, &r.head, "spokesperson");
        self.lex.spokespersons.extend(ids);
    }

    /// Single words go to the word set the coder checks in a person's title; a title of
    /// several words ("director general") is matched whole when the titles are indexed.
    fn body_roles(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        for role in &r.head {
            let (ids, _) = self.phrase(role);
            match ids.as_slice() {
                [id] => {
                    self.lex.body_roles.insert(*id);
                }
                [] => self.err(file, r.line, format!("body role {role:?} has no word")),
                _ => self.body_role_phrases.push(role.to_lowercase()),
            }
        }
    }

    fn place_nouns(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let Some((kind, nouns)) = r.head.split_first() else {
            return;
        };
        if !matches!(kind.as_ref(), "city" | "division" | "country" | "site") {
            self.err(
                file,
                r.line,
                format!("a place-noun record starts with the kind of place, city, division, country or site, not {kind:?}"),
            );
            return;
        }
        let ids = self.single_words(file, r, nouns, "place noun");
        for id in ids {
            self.lex.place_nouns.insert(id, kind.to_string());
        }
    }

    /// Marks the agent titles headed by a body role ("vice president") or listed whole as one
    /// ("director general"), once every record is read (agents and body roles may come in either order).
    fn index_body_role_titles(&mut self) {
        for t in 0..self.lex.titles.len() {
            let Some(last) = self.lex.titles[t]
                .split_whitespace()
                .last()
                .map(str::to_string)
            else {
                continue;
            };
            let (ids, _) = self.phrase(&last);
            let whole = self.lex.titles[t].to_lowercase();
            if (ids.len() == 1 && self.lex.body_roles.contains(&ids[0]))
                || self.body_role_phrases.contains(&whole)
            {
                self.lex.body_role_titles.insert(t as u32);
            }
        }
    }

    fn policy_words(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let ids = self.single_words(file, r, &r.head, "policy word");
        self.lex.policy_words.extend(ids);
    }

    fn vague_times(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let ids = self.single_words(file, r, &r.head, "vague time word");
        self.lex.vague_times.extend(ids);
    }

    fn earlier_times(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        for phrase in &r.head {
            let (ids, _) = self.phrase(phrase);
            if ids.is_empty() {
                self.err(
                    file,
                    r.line,
                    format!("earlier time {phrase:?} has no words"),
                );
            } else {
                self.lex.earlier_times.push(ids);
            }
        }
    }

    fn given_names(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let ids = self.single_words(file, r, &r.head, "given name");
        self.lex.given_names.extend(ids);
    }

    fn evaluation(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let Some((polarity, words)) = r.head.split_first() else {
            return;
        };
        let sign: i8 = match polarity.as_ref() {
            "negative" => -1,
            "positive" => 1,
            "neutral" => 0,
            "thing" => 0,
            "remedy" | "ordeal" => {
                let ids = self.single_words(file, r, words, "remedy or ordeal word");
                if polarity.as_ref() == "ordeal" {
                    self.lex.ordeals.extend(ids.iter().copied());
                }
                self.lex.object_blames_no_one.extend(ids);
                return;
            }
            other => {
                return self.err(
                    file,
                    r.line,
                    format!(
                        "evaluation {other:?}: expected negative, positive, neutral, thing, remedy or ordeal"
                    ),
                )
            }
        };
        if polarity.as_ref() == "thing" {
            let ids = self.single_words(file, r, words, "evaluation thing");
            self.lex.judged_things.extend(ids);
            return;
        }
        let possessives: Vec<u32> = crate::POSSESSIVE_PRONOUNS
            .iter()
            .map(|p| self.phrase(p).0[0])
            .collect();
        for w in words {
            let (mut ids, _) = self.phrase(w);
            match ids.len() {
                0 => self.err(file, r.line, format!("evaluation word {w:?} has no word")),
                1 if sign == 0 => self.err(
                    file,
                    r.line,
                    format!("neutral evaluation {w:?} must be a phrase of several words"),
                ),
                1 => {
                    self.lex.evaluations.insert(ids[0], sign);
                }
                _ => {
                    for id in ids.iter_mut().skip(1) {
                        if possessives.contains(id) {
                            *id = crate::ANY_POSSESSIVE;
                        }
                    }
                    let first = ids.remove(0);
                    self.lex
                        .evaluation_phrases
                        .entry(first)
                        .or_default()
                        .push((ids, sign));
                }
            }
        }
    }

    fn cue(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let Some((class, phrases)) = r.head.split_first() else {
            return;
        };
        if !["caption-marker", "credit-line", "boilerplate"].contains(&class.as_ref()) {
            return self.err(
                file,
                r.line,
                format!("unknown cue class {class:?} (caption-marker, credit-line or boilerplate)"),
            );
        }
        self.lex
            .page_cues
            .entry(class.to_string())
            .or_default()
            .extend(
                phrases
                    .iter()
                    .filter(|p| !p.is_empty())
                    .map(|p| p.to_string()),
            );
    }

    fn words(&mut self, file: &str, r: &Record) {
        self.unknown_keys(file, r, &[]);
        let Some((class, words)) = r.head.split_first() else {
            return;
        };
        let Some(classes) = WordClasses::from_name(class) else {
            return self.err(file, r.line, format!("unknown word class {class:?}"));
        };
        for w in words {
            let (ids, _) = self.phrase(w);
            if ids.is_empty() {
                continue;
            }
            self.lex.function_words.insert(&ids, 0, classes);
            if let [id] = ids.as_slice() {
                let id = *id as usize;
                if self.lex.word_classes.len() <= id {
                    self.lex.word_classes.resize(id + 1, WordClasses::NONE);
                }
                self.lex.word_classes[id] = self.lex.word_classes[id] | classes;
            }
            if ids.len() == 1 {
                readout_text::normalize_into(w, &mut self.scratch);
                let word = self.scratch.trim_end_matches('.').to_string();
                if classes == WordClasses::ABBREVIATION {
                    self.lex.split_rules.abbreviations.insert(word);
                } else if classes == WordClasses::OPENER {
                    self.lex.split_rules.sentence_openers.insert(word);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_regular_verbs() {
        assert_eq!(
            inflect("support"),
            ("supports".into(), "supported".into(), "supporting".into())
        );
        assert_eq!(
            inflect("accuse"),
            ("accuses".into(), "accused".into(), "accusing".into())
        );
        assert_eq!(
            inflect("deny"),
            ("denies".into(), "denied".into(), "denying".into())
        );
        assert_eq!(
            inflect("push"),
            ("pushes".into(), "pushed".into(), "pushing".into())
        );
        assert_eq!(
            inflect("free"),
            ("frees".into(), "freed".into(), "freeing".into())
        );
    }

    #[test]
    fn pluralizes_the_last_word() {
        assert_eq!(pluralize("foreign minister"), "foreign ministers");
        assert_eq!(pluralize("spokesman"), "spokesmen");
        assert_eq!(pluralize("authority"), "authorities");
        assert_eq!(pluralize("envoy"), "envoys");
        assert_eq!(pluralize("coalition force"), "coalition forces");
    }

    fn check(text: &str) -> Vec<String> {
        let (_, problems) = LexiconBuilder::new()
            .add_text("codes.txt", "cameo 040 | Consult | 1.0 | 1 | CONSULT\n")
            .add_text("test.txt", text)
            .check();
        problems.into_iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn reports_bad_entries_with_file_and_line() {
        let problems = check(
            "country CHNA | China\nverb meet\n  frame: + = 999\nperson Someone\n  role: CHN | GOV | 2020-02-30 | | x\nagent XYZ | clerk\n",
        );
        for expected in [
            "test.txt:1: country code \"CHNA\"",
            "test.txt:3: frame code \"999\"",
            "test.txt:2: verb \"meet\" has no frame",
            "test.txt:5: not a valid date",
            "test.txt:6: unknown sector code \"XYZ\"",
        ] {
            assert!(
                problems.iter().any(|p| p.starts_with(expected)),
                "{expected:?} not in {problems:?}"
            );
        }
    }

    #[test]
    fn links_a_party_s_leaders_to_persons_and_reports_unknown_ones() {
        let text = "country AAA | Arland\nperson Ann Example\n  role: AAA | OPP | 2010-01-01 | | opposition leader\nactor AAAPTY | Unity Party\n  country: AAA\n  sectors: PTY\n  leader: Ann Example | 2010-01-01 | 2015-01-01\n  leader: Bob Nobody | 2015-01-01 |\n";
        let (lex, problems) = LexiconBuilder::new().add_text("p.txt", text).check();
        let problems: Vec<String> = problems.into_iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("p.txt:8: leader \"Bob Nobody\" is no person record"),
            "{problems:?}"
        );
        let on = |d: &str| lex.leader_of(0, Some(Date::parse(d).unwrap()));
        assert_eq!(on("2012-06-01"), Some(0));
        assert_eq!(on("2016-06-01"), None);
        assert_eq!(on("2009-06-01"), None);
    }

    #[test]
    fn warns_when_two_entries_share_a_name() {
        let problems = check("country GEO | Georgia\nplace Georgia | USA | 32.1 | -83.1 | state\ncountry USA | United States\n  names: Georgia\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("warning: \"Georgia\" is already a name of country GEO"));
    }

    #[test]
    fn picks_the_office_holder_of_the_day() {
        let (lex, problems) = LexiconBuilder::new()
            .add_text("p.txt", "person Ann Example\n  role: AAA | GOV | 2010-01-01 | 2015-01-01 | minister\n  role: AAA | OPP | 2015-01-01 | | opposition leader\n")
            .check();
        assert!(problems.is_empty(), "{problems:?}");
        let p = &lex.persons[0];
        let on = |d: &str| {
            p.role_on(Some(Date::parse(d).unwrap()))
                .map(|r| r.sector.clone())
        };
        assert_eq!(on("2012-05-05").as_deref(), Some("GOV"));
        assert_eq!(on("2020-05-05").as_deref(), Some("OPP"));
        assert_eq!(
            on("2001-05-05"),
            None,
            "not in office before the first role"
        );
        let standing = |d: &str| p.standing_on(Some(Date::parse(d).unwrap()));
        assert!(
            matches!(standing("2001-05-05"), Some(crate::Standing::NotYet(r)) if r.sector == "GOV")
        );
        let (lex, _) = LexiconBuilder::new()
            .add_text(
                "p.txt",
                "person Bo Example\n  role: AAA | GOV | 2010-01-01 | 2015-01-01 | minister\n",
            )
            .check();
        let p = &lex.persons[0];
        assert!(matches!(
            p.standing_on(Some(Date::parse("2016-01-01").unwrap())),
            Some(crate::Standing::Former(r)) if r.country == "AAA"
        ));
    }
}
