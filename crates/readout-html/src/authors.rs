//! Who wrote a page, when its metadata (JSON-LD `author`, an author `<meta>` tag) names nobody:
//! schema.org microdata (`itemprop="author"`, its `name`), else the links marked
//! `rel="author"`, else the first element whose class or id says it is the byline or the
//! author. Its text is cut to the names: a leading "By"
//! (in the languages pages use), dates and anything after a separator go; names are split at
//! commas and "and"; a piece that does not look like a person's name (two to five words, each
//! capitalised or a particle such as "von" or "de", no digits, no e-mail) is dropped, so a
//! date or a bare "By" is never an author.

use crate::dom::{Attr, Dom, NodeRef, Tag};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The byline words of `data/bylines.txt`, by kind.
struct Words {
    by: HashSet<String>,
    and: HashSet<String>,
    particle: HashSet<String>,
    article: HashSet<String>,
    stop: HashSet<String>,
    label: HashSet<String>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut kinds: HashMap<&str, HashSet<String>> = HashMap::new();
        for line in include_str!("../data/bylines.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((kind, list)) = line.split_once('|') {
                kinds
                    .entry(kind.trim())
                    .or_default()
                    .extend(list.split_whitespace().map(str::to_string));
            }
        }
        let mut take = |k: &str| kinds.remove(k).unwrap_or_default();
        Words {
            by: take("by"),
            and: take("and"),
            particle: take("particle"),
            article: take("article"),
            stop: take("stop"),
            label: take("label"),
        }
    })
}

/// Class and id words of a byline.
const BYLINE_WORDS: [&str; 3] = ["byline", "author", "autor"];
/// Class and id words of what is near a byline but is not one.
const NOT_BYLINE_WORDS: [&str; 6] = ["bio", "avatar", "image", "photo", "comment", "box"];
/// Most writers taken from `rel="author"` links: more are a list of contributors, not a byline.
const MAX_LINKED_AUTHORS: usize = 4;
/// The longest byline text read: a longer element is a container or an author's biography.
const MAX_BYLINE: usize = 120;

/// The authors the page's markup names, as described in the module doc.
pub fn from_page(doc: &Dom) -> Vec<String> {
    let mut byline: Option<Vec<String>> = None;
    // "By <a rel="author">Jane Doe</a> and <a rel="author">John Roe</a>": the writers linked
    // in the first byline that has such links (the parent of the first one); author links
    // elsewhere on the page belong to other articles or to an author box.
    let mut linked: Vec<String> = Vec::new();
    let mut linked_in = None;
    for node in doc.nodes() {
        let Some(e) = node.as_element() else { continue };
        if matches!(e.tag(), Tag::Script | Tag::Style | Tag::Meta | Tag::Link) {
            continue;
        }
        if e.attr(Attr::Itemprop)
            .is_some_and(|p| p.eq_ignore_ascii_case("author"))
        {
            let named = node
                .descendants()
                .find(|d| {
                    d.as_element()
                        .and_then(|x| x.attr(Attr::Itemprop))
                        .is_some_and(|p| p.eq_ignore_ascii_case("name"))
                })
                .map(|d| {
                    d.as_element()
                        .and_then(|x| x.attr(Attr::Content))
                        .map(str::to_string)
                        .or_else(|| d.short_text(MAX_BYLINE))
                })
                .unwrap_or_else(|| {
                    e.attr(Attr::Content)
                        .map(str::to_string)
                        .or_else(|| node.short_text(MAX_BYLINE))
                });
            let names = named.map(|t| names_in(&t)).unwrap_or_default();
            if !names.is_empty() {
                return names;
            }
        }
        let rel_author = e.tag() == Tag::A
            && e.attr(Attr::Rel).is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("author"))
            });
        let parent = node.parent().map(|p| p.id());
        if rel_author && linked_in.is_none_or(|p| p == parent) && linked.len() < MAX_LINKED_AUTHORS
        {
            let names = node
                .short_text(MAX_BYLINE)
                .map(|t| names_in(&t))
                .unwrap_or_default();
            if !names.is_empty() {
                linked_in = Some(parent);
            }
            for name in names {
                if !linked.contains(&name) && linked.len() < MAX_LINKED_AUTHORS {
                    linked.push(name);
                }
            }
        }
        if byline.is_none() && is_byline(node) {
            if let Some(names) = node
                .short_text(MAX_BYLINE)
                .map(|t| names_in(&t))
                .filter(|n| !n.is_empty())
            {
                byline = Some(names);
            }
        }
    }
    if !linked.is_empty() {
        return linked;
    }
    byline.unwrap_or_default()
}

fn is_byline(node: NodeRef) -> bool {
    node.as_element()
        .is_some_and(|e| e.class_says(&BYLINE_WORDS, &NOT_BYLINE_WORDS))
}

/// The most words a byline line has: "By Justine Coleman - 11/18/19 11:04 PM EST".
const MAX_BYLINE_LINE_WORDS: usize = 10;

/// Whether a line of text is a byline set apart: it opens with a byline word ("By", "Von",
/// "Par", "Text:"), is short and ends no sentence.
pub fn is_byline_line(text: &str) -> bool {
    let text = text.trim();
    let first = text
        .split_whitespace()
        .next()
        .map(|w| w.trim_end_matches(':').to_lowercase());
    first.is_some_and(|w| words().by.contains(&w))
        && text.split_whitespace().count() <= MAX_BYLINE_LINE_WORDS
        && text.chars().count() <= MAX_BYLINE
        && !text.ends_with(['.', '!', '?', '。', '！', '？'])
}

/// The persons' names in a byline's text, in order, each once.
pub fn names_in(text: &str) -> Vec<String> {
    // Anything after a separator is a date, a place or a role ("Jane Doe | 3 May 2024").
    let text = text
        .split(['|', '·', '•', '\u{2013}', '\u{2014}', '(', '/', '\n'])
        .next()
        .unwrap_or("");
    let text = text.split(" - ").next().unwrap_or("");
    let w = words();
    let lower = |s: &str| s.trim_end_matches([':', ',', '.']).to_lowercase();
    let mut tokens: Vec<&str> = text.split_whitespace().collect();
    // "By", "Von:", "Geschrieben von", "Texte :" before the names.
    let lead = tokens
        .iter()
        .take_while(|t| w.by.contains(&lower(t)) || **t == ":")
        .count();
    tokens.drain(..lead);
    let mut names: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, names: &mut Vec<String>| {
        // A name written twice in a row (a link and its label): once.
        let half = current.len() / 2;
        if current.len().is_multiple_of(2) && half > 0 && current[..half] == current[half..] {
            current.truncate(half);
        }
        if person_like(current) {
            let name = current.join(" ");
            if !names.contains(&name) {
                names.push(name);
            }
        }
        current.clear();
    };
    for t in tokens {
        let bare = t.trim_end_matches([',', ';', ':', '.']);
        let low = bare.to_lowercase();
        if w.and.contains(&low) || bare == "&" {
            flush(&mut current, &mut names);
            continue;
        }
        // A digit, a month, a weekday or a word around bylines ends the names: dates and
        // links follow them.
        if bare.chars().any(|c| c.is_ascii_digit())
            || w.stop.contains(&low)
            || crate::dates::is_month(&low)
        {
            break;
        }
        // A change from capitals to mixed case, or back, ends a name: an outlet follows it
        // ("JILL LAWLESS Associated Press", "Kevin McCoy USA TODAY").
        let shouting = |x: &str| {
            x.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !x.chars().any(char::is_lowercase)
        };
        if let Some(first) = current.first() {
            if bare.chars().count() > 1
                && first.chars().count() > 1
                && shouting(first) != shouting(bare)
            {
                break;
            }
        }
        if !bare.is_empty() {
            current.push(bare);
        }
        if t.ends_with([',', ';']) {
            flush(&mut current, &mut names);
        }
    }
    flush(&mut current, &mut names);
    names
}

/// Two to five words, each capitalised or a particle, the first and last capitalised; no
/// e-mail address.
fn person_like(words: &[&str]) -> bool {
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .skip(1)
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.' | '\u{2019}'))
    };
    let known = self::words();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| !w.contains('@'))
        && capitalised(words[0])
        && !known.article.contains(&words[0].to_lowercase())
        && capitalised(words[words.len() - 1])
        && words
            .iter()
            .all(|w| capitalised(w) || known.particle.contains(&w.to_lowercase()))
        // A role is no name ("Staff Writer", "STAFF WRITER").
        && !words.iter().any(|w| known.label.contains(&w.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(body: &str) -> Vec<String> {
        from_page(&crate::dom::parse(&format!(
            "<html><body>{body}</body></html>"
        )))
    }

    #[test]
    fn a_byline_gives_its_names_and_nothing_else() {
        assert_eq!(
            authors(
                r#"<h1>T</h1><div class="byline">By Jane Doe and John Roe | May 3, 2024</div>"#
            ),
            ["Jane Doe", "John Roe"]
        );
        assert_eq!(
            authors(r#"<p class="article-author">Von Max Mustermann, 12.03.2022</p>"#),
            ["Max Mustermann"]
        );
        assert_eq!(
            authors(r#"<span class="author">Par Marie de La Tour, Paul Durand</span>"#),
            ["Marie de La Tour", "Paul Durand"]
        );
        assert_eq!(
            authors(r#"<div class="byline">Ursula von der Leyen - Brussels</div>"#),
            ["Ursula von der Leyen"]
        );
        assert_eq!(
            authors(r#"<div class="byline">By JILL LAWLESS Associated Press</div>"#),
            ["JILL LAWLESS"]
        );
        assert_eq!(
            authors(r#"<div class="author">Geschrieben von Elisa Marvena</div>"#),
            ["Elisa Marvena"]
        );
        assert_eq!(
            authors(r#"<span class="post-author">Eingestellt von Unknown</span>"#),
            Vec::<String>::new()
        );
        assert_eq!(
            authors(r#"<a class="author">Kristen Falc'hon Kristen Falc'hon</a>"#),
            ["Kristen Falc'hon"]
        );
        assert_eq!(
            authors(r#"<div class="byline">Carrie Arnold November 12, 2019</div>"#),
            ["Carrie Arnold"]
        );
    }

    #[test]
    fn microdata_names_the_author() {
        assert_eq!(
            authors(
                r#"<div class="byline">Staff</div><span itemprop="author" itemscope><span itemprop="name">Anna Müller</span></span>"#
            ),
            ["Anna Müller"]
        );
    }

    #[test]
    fn links_marked_rel_author_name_the_writers_of_the_first_byline() {
        // No class says "byline" here; the links say "author".
        assert_eq!(
            authors(
                r#"<h1>T</h1><p>Posted by <a rel="author" href="/u/jane">Jane Doe</a> and <a rel="nofollow author" href="/u/john">John Roe</a> on 3 May</p><aside><h3>More</h3><p><a rel="author" href="/u/ann">Ann Other</a></p></aside>"#
            ),
            ["Jane Doe", "John Roe"]
        );
        // Markup that says "author" outranks a class that looks like a byline.
        assert_eq!(
            authors(
                r#"<div class="author-box">Anna Weber</div><div><a rel="author" href="/u/max">Max Mustermann</a></div>"#
            ),
            ["Max Mustermann"]
        );
    }

    #[test]
    fn a_date_a_bare_by_a_label_or_a_biography_is_no_author() {
        for body in [
            r#"<div class="byline">By</div>"#,
            r#"<div class="author">12.03.2022</div>"#,
            r#"<div class="byline">STAFF WRITER</div>"#,
            r#"<div class="author">reuters</div>"#,
            r#"<div class="author-bio">Jane Doe is a writer who has covered politics and courts in three states for twenty years and lives in Ohio with two dogs.</div>"#,
            r#"<div class="author">jane@example.com</div>"#,
        ] {
            assert!(authors(body).is_empty(), "{body}: {:?}", authors(body));
        }
    }
}
