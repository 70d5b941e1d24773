//! The article body: which part of the page is the article, and its paragraphs.
//!
//! 1. Elements that never hold article text are set aside by tag (`script`, `nav`, `footer`,
//!    `aside`, `form`…), by ARIA role or `hidden`, and by class or id words that mark page
//!    furniture ("share", "related", "newsletter", "comments"…) — the last only for elements that
//!    hold a small part of the page's prose, so a wrapper called "content-sidebar-wrap" that
//!    holds the whole article survives.
//! 2. Every paragraph-like block scores by its length and commas; the score flows to its parent
//!    and, halved, to its grandparent. A container's score is discounted by its link density and
//!    adjusted by class words ("article", "content" up; "comment", "promo" down).
//! 3. The best container is chosen (a list of links — more than half its text in links: an
//!    archive, a tag cloud — only when nothing else is left) — or its parent, when the page
//!    renders each paragraph in a container of its own and the best is one of several built
//!    alike; or, when the best is a lead, teaser or subheading box that won by its class words,
//!    another candidate holding three times the prose it and its siblings would give (scored at
//!    least half as well, or a quarter as well when its paragraphs alone score four times as
//!    high).
//! 4. The chosen container, with those of its siblings that score well or are clean
//!    paragraphs, and the clean paragraphs beside the wrappers that hold nothing else of the
//!    text (a lead outside a folded or paywalled box), is read block by block in document
//!    order; blocks that are mostly links or are known furniture are dropped, and figure
//!    captions are kept apart; a subheading or a short label ending in a colon that the text
//!    ends on ("More on this", "Share this:") goes with the links it headed, and a date line
//!    it opens with ("Updated 1:39 am EST, November 20, 2019") or a byline set apart near its
//!    top ("By Phil Helsel") with the metadata. An article cut into chunks of the same make (tag and classes,
//!    numbered instance classes aside) between ads or in site-builder sections (up to eight
//!    levels apart, in one `<article>`, no linked headline between them) is read from all its
//!    chunks instead.
//!
//! Traversals are iterative, so deeply nested markup cannot overflow the stack; per-node data
//! lives in vectors indexed by the DOM's dense node ids.

use crate::dom::{Attr, Dom, Edge, Element, NodeId, NodeRef, Tag};
use rustc_hash::FxHashMap as HashMap;

/// The article text [`extract`] finds in a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Body {
    /// The article's blocks in document order, white space collapsed; the `<h1>`, blocks that are
    /// mostly links and furniture blocks are left out.
    pub paragraphs: Vec<String>,
    /// The `<figcaption>` texts met inside the article, kept out of the paragraphs.
    pub captions: Vec<String>,
}

/// Elements whose content is never article text.
fn is_never_text_tag(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Script
            | Style
            | Noscript
            | Template
            | Svg
            | Iframe
            | Button
            | Select
            | Textarea
            | Input
            | Object
            | Embed
            | Canvas
            | Video
            | Audio
            | Head
    )
}

/// Elements that usually hold page furniture, but that some sites wrap around everything (an
/// ASP.NET page is one big `<form>`): set aside only when they hold little of the prose.
fn is_furniture_tag(tag: Tag) -> bool {
    use Tag::*;
    matches!(tag, Form | Nav | Footer | Aside | Menu | Dialog | Header)
}

/// Block-level elements: text on either side of them belongs to different paragraphs.
fn is_block(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        P | Div
            | Section
            | Article
            | Main
            | H1
            | H2
            | H3
            | H4
            | H5
            | H6
            | Li
            | Ul
            | Ol
            | Dl
            | Dt
            | Dd
            | Blockquote
            | Pre
            | Table
            | Tr
            | Td
            | Th
            | Figure
            | Figcaption
            | Br
            | Hr
            | Address
            | Center
    )
}

/// Elements that hold their own paragraph of text (inline elements' text counts for them).
fn is_container_block(tag: Tag) -> bool {
    is_block(tag) && !matches!(tag, Tag::Br | Tag::Hr)
}

/// Class and id words of page furniture.
fn is_negative(word: &[u8]) -> bool {
    matches!(
        word,
        b"share"
            | b"sharing"
            | b"social"
            | b"comment"
            | b"comments"
            | b"related"
            | b"recommended"
            | b"recommendations"
            | b"promo"
            | b"newsletter"
            | b"subscribe"
            | b"subscription"
            | b"signup"
            | b"advert"
            | b"advertisement"
            | b"ad"
            | b"ads"
            | b"adslot"
            | b"sponsor"
            | b"sponsored"
            | b"cookie"
            | b"cookies"
            | b"banner"
            | b"breadcrumb"
            | b"breadcrumbs"
            | b"tags"
            | b"tag"
            | b"footer"
            | b"sidebar"
            | b"menu"
            | b"nav"
            | b"navigation"
            | b"popup"
            | b"modal"
            | b"outbrain"
            | b"taboola"
            | b"byline"
            | b"author"
            | b"caption"
            | b"credit"
            | b"widget"
            | b"toolbar"
            | b"masthead"
            | b"login"
            | b"more"
            | b"trending"
            | b"popular"
            | b"skip"
            | b"hidden"
            | b"print"
            | b"disclaimer"
            | b"copyright"
            | b"rss"
            | b"follow"
            | b"related-stories"
            | b"read-more"
            | b"readmore"
            | b"most-read"
            | b"teaser"
    )
}

/// Class and id words of the article itself.
fn is_positive(word: &[u8]) -> bool {
    matches!(
        word,
        b"article"
            | b"body"
            | b"content"
            | b"entry"
            | b"main"
            | b"post"
            | b"story"
            | b"text"
            | b"articlebody"
            | b"prose"
            | b"rich"
    )
}

/// What the words of a class or id value say: the parts between white space, `-` and `_`,
/// lowercased.
#[derive(Default, Clone, Copy)]
struct ClassWords {
    positive: bool,
    negative: bool,
    /// 25 up for each article word, 25 down for each furniture word.
    weight: f64,
}

impl ClassWords {
    fn of(value: &str) -> ClassWords {
        let mut words = ClassWords::default();
        let mut visit = |word: &[u8]| {
            if is_positive(word) {
                words.positive = true;
                words.weight += 25.0;
            }
            if is_negative(word) {
                words.negative = true;
                words.weight -= 25.0;
            }
        };
        if !value.is_ascii() {
            for word in value.split(|c: char| c.is_whitespace() || c == '-' || c == '_') {
                visit(word.to_lowercase().as_bytes());
            }
            return words;
        }
        // Words longer than any we look for are passed over.
        const LONGEST: usize = 24;
        let mut lower = [0u8; LONGEST];
        let parts = value.as_bytes().split(|&b| {
            matches!(
                b,
                b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b'-' | b'_'
            )
        });
        for word in parts.filter(|w| !w.is_empty() && w.len() <= LONGEST) {
            let lower = &mut lower[..word.len()];
            lower.copy_from_slice(word);
            lower.make_ascii_lowercase();
            visit(lower);
        }
        words
    }
}

/// [`ClassWords`] of each distinct class or id value of a page: templates repeat the same
/// class lists on many elements, so each is read once.
#[derive(Default)]
struct ClassCache<'a>(HashMap<&'a str, ClassWords>);

impl<'a> ClassCache<'a> {
    fn of(&mut self, value: &'a str) -> ClassWords {
        *self.0.entry(value).or_insert_with(|| ClassWords::of(value))
    }
}

fn is_hidden(el: &Element) -> bool {
    el.attr(Attr::Hidden).is_some()
        || el.attr(Attr::AriaHidden) == Some("true")
        || el.attr(Attr::Style).is_some_and(|s| {
            let s = s.replace(' ', "").to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
        || matches!(
            el.attr(Attr::Role),
            Some(
                "navigation"
                    | "banner"
                    | "contentinfo"
                    | "complementary"
                    | "dialog"
                    | "menu"
                    | "alert"
            )
        )
}

/// What an element's tag and attributes say, read once per element.
#[derive(Default, Clone, Copy)]
struct Marks {
    /// Never article text: by tag, or hidden.
    never_text: bool,
    /// A furniture tag, or furniture class words without article ones.
    furniture: bool,
    /// Class and id words, `itemprop` and `<article>` as a score.
    weight: f64,
}

fn marks<'a>(el: &Element<'a>, classes: &mut ClassCache<'a>) -> Marks {
    let mut words = ClassWords::default();
    for value in [el.attr(Attr::Class), el.attr(Attr::Id)]
        .into_iter()
        .flatten()
    {
        let w = classes.of(value);
        words.positive |= w.positive;
        words.negative |= w.negative;
        words.weight += w.weight;
    }
    let mut weight = words.weight;
    let article_body = el.attr(Attr::Itemprop) == Some("articleBody");
    if article_body {
        weight += 60.0;
    }
    if el.tag() == Tag::Article {
        weight += 15.0;
    }
    Marks {
        never_text: is_never_text_tag(el.tag()) || is_hidden(el),
        furniture: is_furniture_tag(el.tag())
            || (words.negative && !words.positive && !article_body),
        weight,
    }
}

#[derive(Default, Clone, Copy)]
struct Stats {
    chars: usize,
    link_chars: usize,
    /// Characters in paragraph-like blocks of some length: prose, not labels.
    prose: usize,
}

impl Stats {
    /// The share of the text in links; `empty` for an element without text.
    fn link_density(&self, empty: f64) -> f64 {
        if self.chars == 0 {
            empty
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// Whether a character only formats text and is never seen: a soft hyphen, a zero-width space,
/// a word joiner, a byte-order mark. Body text and titles leave them out.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Appends `text` to `out` with runs of white space made one space and invisible formatting
/// characters (soft hyphens, zero-width spaces, word joiners, byte-order marks) left out, so a
/// word the page lets break ("Genesenen\u{AD}nachweise") stays one word; returns the number of
/// characters appended.
fn collapse(text: &str, out: &mut String) -> usize {
    let mut space = out.ends_with(' ') || out.is_empty();
    let mut appended = 0;
    let bytes = text.as_bytes();
    // Start of the run of kept characters being read.
    let mut run = 0;
    let mut i = 0;
    let flush_run = |from: usize, to: usize, out: &mut String, space: &mut bool| {
        if from < to {
            out.push_str(&text[from..to]);
            *space = false;
            text[from..to].chars().count()
        } else {
            0
        }
    };
    while i < bytes.len() {
        let (white, invisible, len) = match bytes[i] {
            b if b.is_ascii() => (
                matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C),
                false,
                1,
            ),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), is_invisible(c), c.len_utf8())
            }
        };
        if invisible {
            appended += flush_run(run, i, out, &mut space);
            run = i + len;
        } else if white {
            appended += flush_run(run, i, out, &mut space);
            if !space {
                out.push(' ');
                space = true;
                appended += 1;
            }
            run = i + len;
        }
        i += len;
    }
    appended += flush_run(run, bytes.len(), out, &mut space);
    appended
}

/// Page-furniture phrases that a block may start with ("Advertisement", "Read more").
pub struct Furniture<'a> {
    /// The phrases, compared with a block's start ignoring ASCII case; a block of at most 12 words
    /// that starts with one is dropped. Readout passes the lexicon's `boilerplate` page cues.
    pub prefixes: &'a [String],
}

fn is_furniture(text: &str, furniture: &Furniture) -> bool {
    furniture.prefixes.iter().any(|p| {
        text.len() >= p.len()
            && text.is_char_boundary(p.len())
            && text[..p.len()].eq_ignore_ascii_case(p)
    }) && text.split_whitespace().take(13).count() <= 12
}

/// Finds the article in a parsed page and reads its paragraphs and captions, as the module doc
/// describes. A page with no paragraph-like block of 25 characters or more outside the furniture
/// gives an empty [`Body`].
pub fn extract(dom: &Dom, furniture: &Furniture) -> Body {
    let n = dom.len();
    let root = dom.root();
    let mut classes = ClassCache::default();
    let marks: Vec<Marks> = dom
        .nodes()
        .map(|node| {
            node.as_element()
                .map(|el| marks(&el, &mut classes))
                .unwrap_or_default()
        })
        .collect();
    // Pass 1, top-down in id order (which is document order, parents first): whether a node is
    // inside a never-text element or a link, and its nearest block. Text counts for its
    // nearest block ancestor: prose often sits in spans inside a div.
    let mut stats = vec![Stats::default(); n];
    let mut own_text = vec![0usize; n];
    let mut commas = vec![0usize; n];
    let mut hidden = vec![false; n];
    let mut in_link = vec![false; n];
    let mut block = vec![0 as NodeId; n];
    for node in dom.nodes().skip(1) {
        let id = node.id() as usize;
        let parent = node.parent().map_or(0, |p| p.id() as usize);
        hidden[id] = hidden[parent] || marks[id].never_text;
        if hidden[id] {
            continue;
        }
        in_link[id] = in_link[parent];
        block[id] = block[parent];
        if let Some(el) = node.as_element() {
            in_link[id] |= el.tag() == Tag::A;
            if is_container_block(el.tag()) {
                block[id] = id as NodeId;
            }
        } else if let Some(t) = node.as_text() {
            let chars = t.trim().chars().count();
            if chars > 0 {
                let b = block[parent] as usize;
                own_text[b] += chars;
                commas[b] += if t.is_ascii() {
                    memchr::memchr_iter(b',', t.as_bytes()).count()
                } else {
                    t.matches([',', '，', '、']).count()
                };
                stats[parent].chars += chars;
                if in_link[parent] {
                    stats[parent].link_chars += chars;
                }
            }
        }
    }
    // Then bottom-up, children (higher ids) before parents: each element's totals flow up.
    for node in dom.nodes().skip(1).rev() {
        let id = node.id() as usize;
        let Some(el) = node.as_element().filter(|_| !hidden[id]) else {
            continue;
        };
        if own_text[id] >= 30 && is_container_block(el.tag()) {
            stats[id].prose += own_text[id];
        }
        let s = stats[id];
        if let Some(parent) = node.parent() {
            let ps = &mut stats[parent.id() as usize];
            ps.chars += s.chars;
            ps.link_chars += s.link_chars;
            ps.prose += s.prose;
        }
    }
    let total_prose = stats[root.id() as usize].prose.max(1);
    // Furniture tags and class words set an element aside, only when it holds a small share of
    // the prose; everything inside a set-aside element is dead, found in one pre-order pass.
    let mut skip = vec![false; n];
    let mut dead = vec![false; n];
    for node in dom.nodes() {
        let id = node.id() as usize;
        let share = stats[id].prose as f64 / total_prose as f64;
        skip[id] = marks[id].furniture && share < 0.3;
        // `hidden` already covers never-text elements and everything inside them.
        dead[id] = skip[id] || hidden[id] || node.parent().is_some_and(|p| dead[p.id() as usize]);
    }
    // Pass 2: score paragraph-like blocks into their parents and grandparents.
    let mut score = vec![0.0f64; n];
    let mut scored: Vec<NodeId> = Vec::new();
    let mut add = |score: &mut Vec<f64>, id: NodeId, s: f64| {
        if score[id as usize] == 0.0 {
            scored.push(id);
        }
        score[id as usize] += s;
    };
    for node in dom.nodes() {
        let Some(el) = node.as_element() else {
            continue;
        };
        if !matches!(
            el.tag(),
            Tag::P | Tag::Pre | Tag::Td | Tag::Blockquote | Tag::Div | Tag::Section | Tag::Li
        ) {
            continue;
        }
        let id = node.id() as usize;
        if own_text[id] < 25 || dead[id] {
            continue;
        }
        let s = 1.0 + commas[id] as f64 + (own_text[id] as f64 / 100.0).min(3.0);
        let mut ancestor = node.parent();
        for share in [1.0, 0.5, 0.25] {
            let Some(a) = ancestor else { break };
            // The document itself counts as a container: a fragment has no <body> around it.
            add(&mut score, a.id(), s * share);
            ancestor = a.parent();
        }
        if matches!(el.tag(), Tag::Div | Tag::Section) {
            add(&mut score, node.id(), s * 0.5);
        }
    }
    let final_score = |id: NodeId| -> f64 {
        let i = id as usize;
        (score[i] + marks[i].weight) * (1.0 - stats[i].link_density(0.0))
    };
    // The chosen container and the siblings that belong to the article too.
    let clean_paragraph = |node: NodeRef| {
        let s = stats[node.id() as usize];
        node.as_element().is_some_and(|el| el.tag() == Tag::P)
            && !dead[node.id() as usize]
            && s.chars >= 80
            && s.link_density(1.0) < 0.25
    };
    let article_parts = |top: NodeId, top_score: f64| -> Vec<NodeId> {
        let Some(parent) = dom.get(top).parent() else {
            return vec![top];
        };
        let threshold = (top_score * 0.2).max(10.0);
        let mut parts = Vec::new();
        for sib in parent.children() {
            if sib.id() == top {
                parts.push(sib.id());
                continue;
            }
            if sib.as_element().is_none() || dead[sib.id() as usize] {
                continue;
            }
            if final_score(sib.id()) >= threshold || clean_paragraph(sib) {
                parts.push(sib.id());
            }
        }
        // Wrappers that add no prose to the chosen container (a "read more" box, a paywall
        // div) hold it as one: clean paragraphs beside the outermost, such as the lead, are
        // the article's too.
        let mut unit = parent;
        while stats[unit.id() as usize].prose == stats[top as usize].prose {
            let Some(up) = unit.parent().filter(|up| {
                !dead[up.id() as usize]
                    && up
                        .as_element()
                        .is_some_and(|e| !matches!(e.tag(), Tag::Body | Tag::Html))
            }) else {
                return parts;
            };
            let (before, after): (Vec<NodeRef>, Vec<NodeRef>) = {
                let mut before = Vec::new();
                let mut after = Vec::new();
                let mut seen = false;
                for sib in up.children() {
                    if sib.id() == unit.id() {
                        seen = true;
                    } else if clean_paragraph(sib) {
                        if seen {
                            after.push(sib)
                        } else {
                            before.push(sib)
                        }
                    }
                }
                (before, after)
            };
            if !before.is_empty() || !after.is_empty() {
                let mut all: Vec<NodeId> = before.iter().map(|n| n.id()).collect();
                all.extend(parts);
                all.extend(after.iter().map(|n| n.id()));
                parts = all;
            }
            unit = up;
        }
        parts
    };
    // A link list (archives, tag clouds) ranks below any container of text, however long.
    let rank = |id: NodeId| {
        (
            stats[id as usize].link_density(0.0) <= MAX_LINK_DENSITY,
            final_score(id),
        )
    };
    let mut best: Option<(NodeId, f64)> = None;
    for &id in &scored {
        if dead[id as usize] {
            continue;
        }
        let r = rank(id);
        if best.is_none_or(|(b, _)| {
            let rb = rank(b);
            r > rb || (r == rb && id < b)
        }) {
            best = Some((id, r.1));
        }
    }
    let Some((top, top_score)) = best else {
        return Body::default();
    };
    // A container whose parent holds much more prose is likely one column of a split body.
    let (mut top, mut top_score) = (top, top_score);
    if let Some(parent) = dom.get(top).parent() {
        let (tp, pp) = (stats[top as usize].prose, stats[parent.id() as usize].prose);
        if pp > tp * 3 / 2
            && !dead[parent.id() as usize]
            && final_score(parent.id()) > top_score * 0.5
        {
            top = parent.id();
        }
    }
    // "<div><div class=text><p>…</p></div></div>" once per paragraph: a container that holds
    // one paragraph, repeated for each, is one of many; the article is their parent.
    if let Some(parent) = repeated_paragraph_parent(dom, top, &stats, &dead) {
        top = parent;
    } else {
        // A lead, teaser or subheading box can outscore the article by its class words alone:
        // a candidate (not the page's body) holding several times the prose the chosen one
        // and its siblings would give, and scored nearly as well (or, when its paragraphs
        // score several times as high, at least a quarter as well), is the article.
        let chosen: usize = article_parts(top, top_score)
            .iter()
            .map(|&id| stats[id as usize].prose)
            .sum();
        let dominant = scored
            .iter()
            .copied()
            .filter(|&id| {
                let i = id as usize;
                id != top
                    && !dead[i]
                    && dom
                        .get(id)
                        .as_element()
                        .is_some_and(|el| el.tag() != Tag::Body)
                    && stats[i].prose >= chosen * PROSE_DOMINANCE
                    && stats[i].link_density(0.0) <= MAX_LINK_DENSITY
                    && (final_score(id) >= top_score * DOMINANT_SCORE_SHARE
                        || (score[i] >= score[top as usize] * CONTENT_DOMINANCE
                            && final_score(id) >= top_score * DOMINANT_CONTENT_SCORE_SHARE))
            })
            .map(|id| (id, final_score(id)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((id, score)) = dominant {
            (top, top_score) = (id, score);
            if let Some(parent) = repeated_paragraph_parent(dom, top, &stats, &dead) {
                top = parent;
            }
        }
    }
    // An article cut into chunks between ads ("<div><div><section class=body>…" again and
    // again) is read from every chunk of the chosen one's make; otherwise from the chosen
    // container and the siblings that belong with it.
    let parts =
        same_make_chunks(dom, top, &stats, &dead).unwrap_or_else(|| article_parts(top, top_score));
    // Pass 3: read the chosen parts block by block.
    let mut body = Body::default();
    let mut headings = Vec::new();
    for part in parts {
        read_blocks(
            dom.get(part),
            &skip,
            &marks,
            furniture,
            &mut body,
            &mut headings,
        );
    }
    // A subheading or a label the article ends on heads what was left out after it (the
    // related links under "More on this", the buttons under "Share:"), not text of the article.
    while body.paragraphs.len() > 1
        && body
            .paragraphs
            .last()
            .is_some_and(|p| headings.last() == Some(&true) || (p.ends_with(':') && is_label(p)))
    {
        body.paragraphs.pop();
        headings.pop();
    }
    // A date line the article opens with ("am 3. Februar 2022 um 21:17", "Stand: 07.11.2023")
    // dates the page, which the metadata reads; it is not text of the article.
    let dated = body
        .paragraphs
        .iter()
        .take_while(|p| is_date_line(p))
        .count()
        .min(body.paragraphs.len().saturating_sub(1));
    body.paragraphs.drain(..dated);
    // So does a byline set apart near the top ("By Phil Helsel", "Von Jennifer Patt"): the
    // authors are read from it, but it is not text of the article.
    let mut i = 0;
    while i < BYLINE_LINES.min(body.paragraphs.len()) && body.paragraphs.len() > 1 {
        if crate::authors::is_byline_line(&body.paragraphs[i]) {
            body.paragraphs.remove(i);
        } else {
            i += 1;
        }
    }
    body
}

/// How many paragraphs at the top of the article are looked at for a byline.
const BYLINE_LINES: usize = 3;

/// The most words a date line has besides its date ("Updated on … by …").
const MAX_DATE_LINE_WORDS: usize = 8;

/// Whether a block is a line that gives a date and ends no sentence. A line ending in a dash or
/// a colon leads into the text ("PARIS, Nov 20 (Reuters) -", a dateline set apart) and is kept.
fn is_date_line(text: &str) -> bool {
    use crate::dates::{find_date, SlashOrder};
    text.split_whitespace().count() <= MAX_DATE_LINE_WORDS
        && text.chars().count() <= MAX_LINE_CHARS
        && !text
            .trim_end()
            .ends_with(['.', '!', '?', '。', '！', '？', '-', '–', '—', ':'])
        && (find_date(text, SlashOrder::DayFirst).is_some()
            || find_date(text, SlashOrder::MonthFirst).is_some())
}

/// The most words a label has.
const MAX_LABEL_WORDS: usize = 5;

/// The most characters a label or a date line has: scripts written without spaces make a
/// sentence one "word".
const MAX_LINE_CHARS: usize = 80;

/// Whether a block is a label: a few words.
fn is_label(text: &str) -> bool {
    text.split_whitespace().count() <= MAX_LABEL_WORDS && text.chars().count() <= MAX_LINE_CHARS
}

/// The share of a container's text in links above which it is a list of links, not text.
const MAX_LINK_DENSITY: f64 = 0.5;

/// How many levels above the chosen container the chunks of a cut-up article are looked for:
/// site builders wrap each text block in section, row, column and module containers, so the
/// blocks of one page meet five to seven levels up.
const CHUNK_LEVELS: usize = 8;
/// Least prose (characters) of a chunk of a cut-up article, and most of its text in links.
const MIN_CHUNK_PROSE: usize = 80;
const MAX_CHUNK_LINK_DENSITY: f64 = 0.3;

/// The chunks of an article cut into several containers of the same make (tag and classes)
/// between ads and pull quotes, in document order, when the chosen container is one of them:
/// the containers like it, none inside another, under its ancestor [`CHUNK_LEVELS`] up,
/// each with some prose and not mostly links. `None` when it stands alone.
fn same_make_chunks(dom: &Dom, top: NodeId, stats: &[Stats], dead: &[bool]) -> Option<Vec<NodeId>> {
    let chosen = dom.get(top);
    let own_element = chosen.as_element()?;
    let own_kinds = own_element
        .attr(Attr::Class)
        .map(class_kinds)
        .filter(|kinds| !kinds.is_empty())?;
    // The same tag and the same kinds of class.
    let same_make = |n: NodeRef| {
        n.as_element().is_some_and(|e| {
            e.tag() == own_element.tag()
                && e.attr(Attr::Class)
                    .is_some_and(|c| class_kinds(c) == own_kinds)
        })
    };
    let mut ancestor = chosen;
    // A shallow page's chunks are looked for under its root.
    for _ in 0..CHUNK_LEVELS {
        match ancestor.parent() {
            Some(up) => ancestor = up,
            None => break,
        }
    }
    // Another story's body can be built like this one (a blog's front page, a newsletter, the
    // stories under the article): chunks stay inside the chosen one's `<article>`, and a
    // linked headline between two chunks starts another story.
    let article_of = |n: NodeRef| {
        let mut up = n.parent();
        while let Some(u) = up {
            if u.as_element().is_some_and(|e| e.tag() == Tag::Article) {
                return Some(u.id());
            }
            up = u.parent();
        }
        None
    };
    let own_article = article_of(chosen);
    let mut chunks = Vec::new();
    // Subtrees of chunks already taken are not searched: a chunk holds no other chunk.
    let mut inside: Option<NodeRef> = None;
    let mut story_break = false;
    for edge in ancestor.traverse() {
        match edge {
            Edge::Open(n) if inside.is_none() => {
                let i = n.id() as usize;
                let Some(e) = n.as_element() else { continue };
                if matches!(e.tag(), Tag::H1 | Tag::H2 | Tag::H3)
                    && n.descendants()
                        .any(|d| d.as_element().is_some_and(|x| x.tag() == Tag::A))
                {
                    story_break = true;
                }
                if dead[i] || !same_make(n) || article_of(n) != own_article {
                    continue;
                }
                if story_break {
                    if chunks.contains(&top) {
                        // Another story starts after the chosen one's chunks.
                        break;
                    }
                    // The chunks so far belonged to a story before the chosen one's.
                    chunks.clear();
                    story_break = false;
                }
                let s = stats[i];
                if n.id() == top
                    || (s.prose >= MIN_CHUNK_PROSE && s.link_density(1.0) < MAX_CHUNK_LINK_DENSITY)
                {
                    chunks.push(n.id());
                    inside = Some(n);
                }
            }
            Edge::Close(n) if inside.is_some_and(|x| x.id() == n.id()) => inside = None,
            _ => {}
        }
    }
    (chunks.len() > 1 && chunks.contains(&top)).then_some(chunks)
}

/// The classes of a class list that name a kind of element: those with a digit number one
/// instance ("et_pb_text_2", "c587", "post-42") and are left out, unless every class has one.
fn class_kinds(class: &str) -> Vec<&str> {
    let kinds: Vec<&str> = class
        .split_whitespace()
        .filter(|c| !c.bytes().any(|b| b.is_ascii_digit()))
        .collect();
    if kinds.is_empty() {
        class.split_whitespace().collect()
    } else {
        kinds
    }
}

/// How many times the best-scored container's prose another candidate must hold to be taken
/// instead, and the share of its score it must reach; or, when its paragraphs alone score this
/// many times as high (class words and tags left out), the smaller share.
const PROSE_DOMINANCE: usize = 3;
const DOMINANT_SCORE_SHARE: f64 = 0.5;
const CONTENT_DOMINANCE: f64 = 4.0;
const DOMINANT_CONTENT_SCORE_SHARE: f64 = 0.25;

/// Fewest containers of the same make, the chosen one included, that mark it as one paragraph
/// of an article split into one container per paragraph.
const MIN_REPEATED_PARAGRAPHS: usize = 3;

/// The parent of `top` when `top` (or a wrapper holding nothing but it) is one of several
/// siblings built the same way — the same tags and classes down to the paragraph — each with
/// prose of its own: sites that render every paragraph in its own container.
fn repeated_paragraph_parent(
    dom: &Dom,
    top: NodeId,
    stats: &[Stats],
    dead: &[bool],
) -> Option<NodeId> {
    // Look past wrappers that hold nothing but the container.
    let mut unit = dom.get(top);
    while let Some(p) = unit.parent() {
        if stats[p.id() as usize].prose != stats[unit.id() as usize].prose
            || dead[p.id() as usize]
            || p.parent().is_none()
        {
            break;
        }
        unit = p;
    }
    let parent = unit.parent()?;
    let depth = {
        let (mut d, mut n) = (0, dom.get(top));
        while n.id() != unit.id() {
            d += 1;
            n = n.parent()?;
        }
        d
    };
    fn make<'d>(node: NodeRef<'d>, depth: usize) -> Option<Vec<(Tag, &'d str)>> {
        let mut path = Vec::with_capacity(depth + 1);
        let mut n = node;
        for level in 0..=depth {
            let el = n.as_element()?;
            path.push((el.tag(), el.attr(Attr::Class).unwrap_or("")));
            if level < depth {
                // Down the single element child, as the chosen container's wrappers go.
                let mut kids = n.children().filter(|c| c.as_element().is_some());
                n = kids.next()?;
                if kids.next().is_some() {
                    return None;
                }
            }
        }
        Some(path)
    }
    let own = make(unit, depth)?;
    // Only a make that names something (a class somewhere on the way down) says "the same".
    if own.iter().all(|(_, class)| class.is_empty()) {
        return None;
    }
    let alike = parent
        .children()
        .filter(|c| !dead[c.id() as usize] && stats[c.id() as usize].prose > 0)
        .filter(|&c| make(c, depth).as_ref() == Some(&own))
        .count();
    (alike >= MIN_REPEATED_PARAGRAPHS).then(|| parent.id())
}

/// Appends the text blocks of `root` to `body`.
fn read_blocks(
    root: NodeRef,
    skip: &[bool],
    marks: &[Marks],
    furniture: &Furniture,
    body: &mut Body,
    headings: &mut Vec<bool>,
) {
    let mut text = String::new();
    let mut links = 0usize;
    let mut in_link = 0usize;
    let mut caption: Option<(NodeId, String)> = None;
    // `heading`: the text ends a subheading.
    let flush = |text: &mut String,
                 links: &mut usize,
                 body: &mut Body,
                 headings: &mut Vec<bool>,
                 heading: bool| {
        let t = text.trim();
        if !t.is_empty() {
            let chars = t.chars().count();
            let link_heavy = *links * 2 > chars && chars < 200;
            if !link_heavy && !is_furniture(t, furniture) {
                body.paragraphs.push(t.to_string());
                headings.push(heading);
            }
        }
        text.clear();
        *links = 0;
    };
    // The title (h1) is not body text.
    let leave_out = |n: NodeRef| {
        marks[n.id() as usize].never_text
            || skip[n.id() as usize]
            || n.as_element().is_some_and(|e| e.tag() == Tag::H1)
    };
    walk(root, leave_out, |edge| match edge {
        Edge::Open(node) => {
            if let Some(el) = node.as_element() {
                if el.tag() == Tag::Figcaption {
                    caption = Some((node.id(), String::new()));
                } else if el.tag() == Tag::A {
                    in_link += 1;
                }
                if is_block(el.tag()) && caption.is_none() {
                    flush(&mut text, &mut links, body, headings, false);
                }
            } else if let Some(t) = node.as_text() {
                match caption.as_mut() {
                    Some((_, c)) => {
                        collapse(t, c);
                    }
                    None => {
                        let appended = collapse(t, &mut text);
                        if in_link > 0 {
                            links += appended;
                        }
                    }
                }
            }
        }
        Edge::Close(node) => {
            if let Some(el) = node.as_element() {
                if caption.as_ref().is_some_and(|(id, _)| *id == node.id()) {
                    let (_, c) = caption.take().unwrap();
                    let c = c.trim().to_string();
                    if !c.is_empty() {
                        body.captions.push(c);
                    }
                    return;
                }
                if el.tag() == Tag::A {
                    in_link = in_link.saturating_sub(1);
                }
                if is_block(el.tag()) && caption.is_none() {
                    let heading =
                        matches!(el.tag(), Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6);
                    flush(&mut text, &mut links, body, headings, heading);
                }
            }
        }
    });
    flush(&mut text, &mut links, body, headings, false);
}

/// Walks `root` in document order, leaving out the subtrees of the nodes `leave_out` names.
fn walk<'a>(
    root: NodeRef<'a>,
    leave_out: impl Fn(NodeRef<'a>) -> bool,
    mut visit: impl FnMut(Edge<'a>),
) {
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                if leave_out(node) {
                    skipping = Some(node.id());
                    continue;
                }
                visit(edge);
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                visit(edge);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_white_space_runs_including_unicode_spaces() {
        let mut out = String::from("a");
        let n = collapse(" \t b\u{a0}\u{2003}c\n", &mut out);
        assert_eq!((out.as_str(), n), ("a b c ", 5));
        let mut out = String::new();
        assert_eq!((collapse("  x", &mut out), out.as_str()), (1, "x"));
    }

    #[test]
    fn invisible_formatting_characters_leave_words_whole() {
        let mut out = String::new();
        let n = collapse(
            "Genesenen\u{AD}nachweise and\u{200B}more \u{FEFF}text",
            &mut out,
        );
        assert_eq!((out.as_str(), n), ("Genesenennachweise andmore text", 31));
    }

    fn body(html: &str) -> Body {
        let furniture = ["Advertisement".to_string(), "Read more".to_string()];
        extract(
            &crate::dom::parse(html),
            &Furniture {
                prefixes: &furniture,
            },
        )
    }

    const PROSE: &str = "Ministers from both countries met on Tuesday, and they agreed to resume the talks, which had stalled for months, officials said.";

    #[test]
    fn finds_the_article_among_page_furniture() {
        let html = format!(
            r##"<html><body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
            <div class="share-bar"><a href="#">Share on X</a></div>
            <article><h1>Talks resume</h1><p>{PROSE}</p><p>Advertisement</p><figure><img src="x.jpg"><figcaption>The ministers in 2019.</figcaption></figure><p>{PROSE}</p><h2>What next</h2><p>{PROSE}</p></article>
            <div class="related"><p>Other story one, with a long teaser text that runs on.</p></div>
            <footer><p>Copyright 2024 Example News, all rights reserved, and more words.</p></footer></body></html>"##
        );
        let b = body(&html);
        assert_eq!(b.paragraphs, [PROSE, PROSE, "What next", PROSE]);
        assert_eq!(b.captions, ["The ministers in 2019."]);
    }

    #[test]
    fn other_stories_built_like_the_article_stay_out() {
        // A front page: each story's text in a container of the same make, each under its own
        // linked headline.
        let story = |n: usize, extra: &str| {
            format!(
                r#"<div class="item"><h2><a href="/s{n}">Story {n}</a></h2><div class="story-text"><p>Story {n}. {PROSE}</p>{extra}</div></div>"#
            )
        };
        let long = format!("<p>{PROSE}</p>").repeat(4);
        let html = format!(
            r#"<html><body><main>{}{}{}</main></body></html>"#,
            story(1, ""),
            story(2, &long),
            story(3, "")
        );
        let b = body(&html);
        assert!(b.paragraphs.iter().any(|p| p.starts_with("Story 2.")));
        assert!(
            b.paragraphs
                .iter()
                .all(|p| !p.starts_with("Story 1.") && !p.starts_with("Story 3.")),
            "{:?}",
            b.paragraphs
        );
    }

    #[test]
    fn keeps_a_whole_article_inside_a_badly_named_wrapper() {
        let html = format!(
            r#"<html><body><div class="content-sidebar-wrap"><div class="post"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div><div class="sidebar"><p>Short promo text for another page that is here.</p></div></body></html>"#
        );
        assert_eq!(body(&html).paragraphs.len(), 3);
    }

    #[test]
    fn an_article_rendered_one_container_per_paragraph_is_read_whole() {
        // A longer paragraph in a class the scoring favours must not win alone: its siblings
        // are built the same way and continue the same text.
        let long = format!("{PROSE} {PROSE}");
        let para = |text: &str| {
            format!(
                r#"<div data-id="1"><div class="article--text body-copy"><p>{text}</p></div></div>"#
            )
        };
        let html = format!(
            r#"<html><body><div class="main-column"><h1>Talks resume</h1>{}{}<div class="promo"><a href="/x">Watch the video of the day and more</a></div>{}{}</div><div class="teasers"><p>Short promo text for another page that is here.</p></div></body></html>"#,
            para(PROSE),
            para(PROSE),
            para(&long),
            para(PROSE),
        );
        let b = body(&html);
        assert_eq!(b.paragraphs, [PROSE, PROSE, long.as_str(), PROSE]);
        // Two containers alike are not yet a pattern of one container per paragraph, but they
        // are two chunks of the article: both are read, and nothing else of their parent.
        let html = format!(
            r#"<html><body><div class="main-column">{}<div class="promo"><a href="/x">Watch the video of the day and more</a></div>{}</div></body></html>"#,
            para(PROSE),
            para(&long)
        );
        assert_eq!(body(&html).paragraphs, [PROSE, long.as_str()]);
    }

    #[test]
    fn an_article_built_from_page_builder_sections_is_read_from_all_of_them() {
        // Site builders put each text block of a page in its own section, five wrappers deep
        // (section > row > column > module > text), with images and buttons between them,
        // and number each instance in a class of its own.
        let block = |text: &str| {
            let n = text.len();
            format!(
                r#"<div class="pb-section pb-section-{n}"><div class="pb-row"><div class="pb-column"><div class="pb-module pb-text pb-text-{n}"><div class="pb-text-inner"><p>{text}</p></div></div></div></div></div><div class="pb-section"><div class="pb-row"><img src="x.jpg"><a class="pb-button" href="/join">Join</a></div></div>"#
            )
        };
        let first = format!("First. {PROSE}");
        let second = format!("Second. {PROSE} {PROSE}");
        let html = format!(
            r#"<html><body><div id="page"><div class="page-content">{}{}</div></div><footer><p>Copyright 2024 Example Foundation, all rights reserved, and more words.</p></footer></body></html>"#,
            block(&first),
            block(&second),
        );
        assert_eq!(body(&html).paragraphs, [first, second]);
    }

    #[test]
    fn a_long_list_of_links_does_not_outweigh_the_article() {
        // A blog post beside its archive: two hundred entries, each a date and a linked title,
        // hold far more text than the post, most of it in links.
        let entry = r#"<li><span>Jan 30, 2020</span> <a href="/news/1">A title of some length here</a></li>"#;
        let html = format!(
            r#"<html><body><div class="blog"><article><div class="entry"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></article><ul class="items">{}</ul></div></body></html>"#,
            entry.repeat(200)
        );
        assert_eq!(body(&html).paragraphs, [PROSE, PROSE, PROSE]);
    }

    #[test]
    fn the_lead_beside_the_wrapper_of_the_article_text_is_kept() {
        // The lead paragraph stands outside the wrappers of the rest of the text (a box that
        // a script folds or puts behind a paywall).
        let lead = "The government will raise the minimum wage next year, the labour minister said on Monday, after months of talks.";
        let html = format!(
            r#"<html><body><div id="page"><h1>Wages</h1><div><p>{lead}</p><div class="fold"><div class="fold-inner"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div></div><aside><p>Another story with a teaser that runs on for a while.</p></aside></div></body></html>"#
        );
        assert_eq!(body(&html).paragraphs, [lead, PROSE, PROSE, PROSE]);
    }

    #[test]
    fn a_heading_or_label_the_article_ends_on_is_left_out() {
        // The links under them are dropped as link lists; the heading and the label that
        // introduced them are not article text either.
        let html = format!(
            r#"<html><body><article><p>{PROSE}</p><h2>What next</h2><p>{PROSE}</p><h3>More on this story</h3><ul><li><a href="/a">Talks stall again</a></li><li><a href="/b">Ministers meet in Geneva</a></li></ul><p>Share this:</p><p><a href="/x">X</a> <a href="/f">Facebook</a></p></article></body></html>"#
        );
        assert_eq!(body(&html).paragraphs, [PROSE, "What next", PROSE]);
        // A last line of the article that is no heading stays, however short.
        let html = format!(
            r#"<html><body><article><p>{PROSE}</p><p>{PROSE}</p><p>Gruß Heiko</p></article></body></html>"#
        );
        assert_eq!(body(&html).paragraphs, [PROSE, PROSE, "Gruß Heiko"]);
    }

    #[test]
    fn a_date_line_the_article_opens_with_is_left_out() {
        for line in [
            "Updated 1:39 am EST, Wednesday, November 20, 2019",
            "am 3. Februar 2022 um 21:17",
            "Stand: 07.11.2023, 07:30 Uhr",
        ] {
            let html = format!(
                r#"<html><body><article><p>{line}</p><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"#
            );
            assert_eq!(body(&html).paragraphs, [PROSE, PROSE], "{line}");
        }
        // A dateline set apart leads into the text; a sentence with a date is text.
        for line in [
            "PARIS, Nov. 20, 2019 (Reuters) -",
            "The talks began on 20 November 2019.",
            "政府は2019-11-20に新しい法律を発表した。",
        ] {
            let html = format!(
                r#"<html><body><article><p>{line}</p><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"#
            );
            assert_eq!(body(&html).paragraphs, [line, PROSE, PROSE], "{line}");
        }
    }

    #[test]
    fn a_byline_set_apart_at_the_top_is_left_out() {
        for line in [
            "By Phil Helsel",
            "Von Jennifer Patt, dpa",
            "Texte : Paul Roux",
        ] {
            let html = format!(
                r#"<html><body><article><p>{PROSE}</p><p>{line}</p><p>{PROSE}</p></article></body></html>"#
            );
            assert_eq!(body(&html).paragraphs, [PROSE, PROSE], "{line}");
        }
        // A sentence that opens with "By" is text.
        let line = "By the end of the day, ministers had agreed.";
        let html =
            format!(r#"<html><body><article><p>{line}</p><p>{PROSE}</p></article></body></html>"#);
        assert_eq!(body(&html).paragraphs, [line, PROSE]);
    }

    #[test]
    fn a_lead_box_favoured_by_its_class_words_does_not_stand_for_the_article() {
        // The lead sits in a box whose class words the scoring favours most; the article's
        // paragraphs sit in another column, one box each, with a subheading between them.
        let block =
            |text: &str| format!(r#"<div class="text-column content-element"><p>{text}</p></div>"#);
        let html = format!(
            r#"<html><body><div class="row"><div class="col"><div class="text-column content-element article-subheading"><p>{PROSE}</p></div></div>
            <div class="article-body column">{}<h2>What next</h2>{}{}</div></div>
            <footer><p>Copyright 2024 Example News, all rights reserved, and more words.</p></footer></body></html>"#,
            block(PROSE),
            block(PROSE),
            block(PROSE),
        );
        assert_eq!(body(&html).paragraphs, [PROSE, "What next", PROSE, PROSE]);
        // Teasers in <article> tags with article class words, and the story in a plain box
        // whose paragraphs alone score many times as high.
        let teaser = r#"<article class="article-compact story-text post-content"><p>Another story, with its short teaser text here.</p></article>"#;
        let story: String = (0..8).map(|_| format!("<p>{PROSE}</p>")).collect();
        let html = format!(
            r#"<html><body><div class="col">{teaser}</div><div class="col"><div class="box">{story}</div></div><div class="col">{teaser}</div></body></html>"#
        );
        assert_eq!(body(&html).paragraphs, [PROSE; 8]);
        // A favoured box that holds the article itself stays chosen.
        let html = format!(
            r#"<html><body><div class="post-text main-text"><p>{PROSE}</p><p>{PROSE}</p></div><div class="col"><p>{PROSE}</p></div></body></html>"#
        );
        assert_eq!(body(&html).paragraphs, [PROSE, PROSE]);
    }

    #[test]
    fn paragraphs_marked_for_a_paywall_are_the_article() {
        // Script hides them from readers who have not subscribed; the page carries them all.
        let html = format!(
            r#"<html><body><article><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p class="paywall">{PROSE}</p><p class="paywall">{PROSE}</p></article></body></html>"#
        );
        assert_eq!(body(&html).paragraphs, [PROSE; 6]);
    }

    #[test]
    fn reads_a_fragment_without_html_or_body() {
        assert_eq!(body(&format!("<p>{PROSE}</p>")).paragraphs, [PROSE]);
    }

    #[test]
    fn survives_very_deep_nesting() {
        let mut html = String::from("<html><body>");
        for _ in 0..20000 {
            html.push_str("<div>");
        }
        html.push_str(&format!("<p>{PROSE}</p>"));
        let b = body(&html);
        assert_eq!(b.paragraphs, [PROSE]);
    }
}
