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
//! 3. The best container, with those of its siblings that score well or are clean paragraphs,
//!    is read block by block in document order; blocks that are mostly links or are known
//!    furniture are dropped, and figure captions are kept apart.
//!
//! Traversals are iterative, so deeply nested markup cannot overflow the stack.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use scraper::{Html, Node};

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Body {
    pub paragraphs: Vec<String>,
    pub captions: Vec<String>,
}

/// Tags whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "textarea",
    "input", "object", "embed", "canvas", "video", "audio", "head",
];
/// Tags that usually hold page furniture, but that some sites wrap around everything (an
/// ASP.NET page is one big `<form>`): set aside only when they hold little of the prose.
const FURNITURE_TAGS: &[&str] = &["form", "nav", "footer", "aside", "menu", "dialog", "header"];
/// Block-level tags: text on either side of them belongs to different paragraphs.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "br",
    "hr",
    "address",
    "center",
];
/// Elements that hold their own paragraph of text (inline elements' text counts for them).
fn is_container_block(name: &str) -> bool {
    BLOCK_TAGS.contains(&name) && !matches!(name, "br" | "hr")
}

/// Class and id words of page furniture.
const NEGATIVE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "related",
    "recommended",
    "recommendations",
    "promo",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsor",
    "sponsored",
    "cookie",
    "cookies",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "tag",
    "footer",
    "sidebar",
    "menu",
    "nav",
    "navigation",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "byline",
    "author",
    "caption",
    "credit",
    "widget",
    "toolbar",
    "masthead",
    "paywall",
    "login",
    "more",
    "trending",
    "popular",
    "skip",
    "hidden",
    "print",
    "disclaimer",
    "copyright",
    "rss",
    "follow",
    "related-stories",
    "read-more",
    "readmore",
    "most-read",
    "teaser",
];
const POSITIVE_WORDS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "articlebody",
    "prose",
    "rich",
];

fn word_set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

fn is_negative(word: &str) -> bool {
    static SET: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| word_set(NEGATIVE_WORDS)).contains(word)
}

fn is_positive(word: &str) -> bool {
    static SET: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| word_set(POSITIVE_WORDS)).contains(word)
}

/// The words of an element's class and id, lowercased (borrowed when already lowercase, as
/// they nearly always are).
fn class_words(
    el: &scraper::node::Element,
) -> impl Iterator<Item = std::borrow::Cow<'_, str>> + '_ {
    el.attr("class")
        .into_iter()
        .chain(el.attr("id"))
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().any(|b| b.is_ascii_uppercase()) {
                std::borrow::Cow::Owned(w.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Borrowed(w)
            }
        })
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(|s| {
            let s = s.replace(' ', "").to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
        || matches!(
            el.attr("role"),
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

fn class_weight(el: &scraper::node::Element) -> f64 {
    let mut w = 0.0;
    for word in class_words(el) {
        if is_positive(&word) {
            w += 25.0;
        }
        if is_negative(&word) {
            w -= 25.0;
        }
    }
    if el.attr("itemprop") == Some("articleBody") {
        w += 60.0;
    }
    if el.name() == "article" {
        w += 15.0;
    }
    w
}

#[derive(Default, Clone, Copy)]
struct Stats {
    chars: usize,
    link_chars: usize,
    /// Characters in paragraph-like blocks of some length: prose, not labels.
    prose: usize,
}

fn collapse(text: &str, out: &mut String) {
    let mut space = out.ends_with(' ') || out.is_empty();
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

/// Page-furniture phrases that a block may start with ("Advertisement", "Read more").
pub struct Furniture<'a> {
    pub prefixes: &'a [String],
}

fn is_furniture(text: &str, furniture: &Furniture) -> bool {
    let words = text.split_whitespace().count();
    words <= 12
        && furniture.prefixes.iter().any(|p| {
            text.len() >= p.len()
                && text.is_char_boundary(p.len())
                && text[..p.len()].eq_ignore_ascii_case(p)
        })
}

pub fn extract(doc: &Html, furniture: &Furniture) -> Body {
    let tree = &doc.tree;
    // Pass 1: per-element statistics, bottom-up (post-order). Text counts for its nearest block
    // ancestor: prose often sits in spans inside a div.
    let mut stats: HashMap<NodeId, Stats> = HashMap::default();
    let mut own_text: HashMap<NodeId, usize> = HashMap::default();
    let mut commas: HashMap<NodeId, usize> = HashMap::default();
    let mut blocks: Vec<NodeId> = vec![doc.root_element().id()];
    let mut link_depth = 0usize;
    walk(*doc.root_element(), is_never_text, |edge| match edge {
        Edge::Open(node) => match node.value() {
            Node::Element(el) => {
                if el.name() == "a" {
                    link_depth += 1;
                }
                if is_container_block(el.name()) {
                    blocks.push(node.id());
                }
            }
            Node::Text(t) => {
                let n = t.trim().chars().count();
                if n > 0 {
                    let block = *blocks.last().unwrap();
                    *own_text.entry(block).or_default() += n;
                    *commas.entry(block).or_default() += t.matches([',', '，', '、']).count();
                    if let Some(p) = node.parent() {
                        let s = stats.entry(p.id()).or_default();
                        s.chars += n;
                        if link_depth > 0 {
                            s.link_chars += n;
                        }
                    }
                }
            }
            _ => {}
        },
        Edge::Close(node) => {
            if let Node::Element(el) = node.value() {
                if el.name() == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                if is_container_block(el.name()) && blocks.len() > 1 {
                    blocks.pop();
                }
                let mut s = stats.get(&node.id()).copied().unwrap_or_default();
                let own = own_text.get(&node.id()).copied().unwrap_or(0);
                if own >= 30 && is_container_block(el.name()) {
                    s.prose += own;
                }
                stats.insert(node.id(), s);
                if let Some(parent) = node.parent() {
                    let ps = stats.entry(parent.id()).or_default();
                    ps.chars += s.chars;
                    ps.link_chars += s.link_chars;
                    ps.prose += s.prose;
                }
            }
        }
    });
    let total_prose = stats
        .get(&doc.root_element().id())
        .map(|s| s.prose)
        .unwrap_or(0)
        .max(1);
    // Furniture tags and class words set an element aside, only when it holds a small share of
    // the prose.
    let mut skip: HashSet<NodeId> = HashSet::default();
    for node in doc.root_element().descendants() {
        if let Node::Element(el) = node.value() {
            let negative = FURNITURE_TAGS.contains(&el.name())
                || (class_words(el).any(|w| is_negative(&w))
                    && !class_words(el).any(|w| is_positive(&w))
                    && el.attr("itemprop") != Some("articleBody"));
            let share =
                stats.get(&node.id()).map(|s| s.prose).unwrap_or(0) as f64 / total_prose as f64;
            if negative && share < 0.3 {
                skip.insert(node.id());
            }
        }
    }
    // Everything inside a set-aside element, found in one pre-order pass.
    let mut dead: HashSet<NodeId> = HashSet::default();
    for node in doc.root_element().descendants() {
        let never_text = is_never_text(node);
        if never_text
            || skip.contains(&node.id())
            || node.parent().is_some_and(|p| dead.contains(&p.id()))
        {
            dead.insert(node.id());
        }
    }
    let skipped = |id: NodeId| dead.contains(&id);
    // Pass 2: score paragraph-like blocks into their parents and grandparents.
    let mut score: HashMap<NodeId, f64> = HashMap::default();
    for node in doc.root_element().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        if !matches!(
            el.name(),
            "p" | "pre" | "td" | "blockquote" | "div" | "section" | "li"
        ) {
            continue;
        }
        let own = own_text.get(&node.id()).copied().unwrap_or(0);
        if own < 25 || skipped(node.id()) {
            continue;
        }
        let commas = commas.get(&node.id()).copied().unwrap_or(0) as f64;
        let s = 1.0 + commas + (own as f64 / 100.0).min(3.0);
        let mut ancestor = node.parent();
        for share in [1.0, 0.5, 0.25] {
            let Some(a) = ancestor else { break };
            if let Node::Element(_) = a.value() {
                *score.entry(a.id()).or_default() += s * share;
            }
            ancestor = a.parent();
        }
        if matches!(el.name(), "div" | "section") {
            *score.entry(node.id()).or_default() += s * 0.5;
        }
    }
    let final_score = |id: NodeId| -> f64 {
        let base = score.get(&id).copied().unwrap_or(0.0);
        let s = stats.get(&id).copied().unwrap_or_default();
        let density = if s.chars == 0 {
            0.0
        } else {
            s.link_chars as f64 / s.chars as f64
        };
        let weight = tree
            .get(id)
            .and_then(|n| n.value().as_element().map(class_weight))
            .unwrap_or(0.0);
        (base + weight) * (1.0 - density)
    };
    let mut best: Option<(NodeId, f64)> = None;
    for &id in score.keys() {
        if skipped(id) {
            continue;
        }
        let f = final_score(id);
        if best.is_none_or(|(b, bs)| f > bs || (f == bs && id < b)) {
            best = Some((id, f));
        }
    }
    let Some((top, top_score)) = best else {
        return Body::default();
    };
    // A container whose parent holds much more prose is likely one column of a split body.
    let mut top = top;
    if let Some(parent) = tree.get(top).and_then(|n| n.parent()) {
        let (tp, pp) = (
            stats.get(&top).map(|s| s.prose).unwrap_or(0),
            stats.get(&parent.id()).map(|s| s.prose).unwrap_or(0),
        );
        if pp > tp * 3 / 2
            && !skipped(parent.id())
            && parent.value().is_element()
            && final_score(parent.id()) > top_score * 0.5
        {
            top = parent.id();
        }
    }
    // Siblings that belong to the article too.
    let top_node = tree.get(top).unwrap();
    let threshold = (top_score * 0.2).max(10.0);
    let mut parts = Vec::new();
    match top_node.parent() {
        Some(parent) => {
            for sib in parent.children() {
                if sib.id() == top {
                    parts.push(sib.id());
                    continue;
                }
                let Node::Element(el) = sib.value() else {
                    continue;
                };
                if skipped(sib.id()) {
                    continue;
                }
                let s = stats.get(&sib.id()).copied().unwrap_or_default();
                let density = if s.chars == 0 {
                    1.0
                } else {
                    s.link_chars as f64 / s.chars as f64
                };
                let good_paragraph = el.name() == "p" && s.chars >= 80 && density < 0.25;
                if final_score(sib.id()) >= threshold || good_paragraph {
                    parts.push(sib.id());
                }
            }
        }
        None => parts.push(top),
    }
    // Pass 3: read the chosen parts block by block.
    let mut body = Body::default();
    for part in parts {
        read_blocks(tree.get(part).unwrap(), &skip, furniture, &mut body);
    }
    body
}

/// Appends the text blocks of `root` to `body`.
fn read_blocks(
    root: NodeRef<Node>,
    skip: &HashSet<NodeId>,
    furniture: &Furniture,
    body: &mut Body,
) {
    let mut text = String::new();
    let mut links = 0usize;
    let mut in_link = 0usize;
    let mut caption: Option<(NodeId, String)> = None;
    let flush = |text: &mut String, links: &mut usize, body: &mut Body| {
        let t = text.trim();
        if !t.is_empty() {
            let chars = t.chars().count();
            let link_heavy = *links * 2 > chars && chars < 200;
            if !link_heavy && !is_furniture(t, furniture) {
                body.paragraphs.push(t.to_string());
            }
        }
        text.clear();
        *links = 0;
    };
    // The title (h1) is not body text.
    let leave_out = |n: NodeRef<Node>| {
        is_never_text(n)
            || skip.contains(&n.id())
            || n.value().as_element().is_some_and(|e| e.name() == "h1")
    };
    walk(root, leave_out, |edge| match edge {
        Edge::Open(node) => match node.value() {
            Node::Element(el) => {
                if el.name() == "figcaption" {
                    caption = Some((node.id(), String::new()));
                } else if el.name() == "a" {
                    in_link += 1;
                }
                if BLOCK_TAGS.contains(&el.name()) && caption.is_none() {
                    flush(&mut text, &mut links, body);
                }
            }
            Node::Text(t) => match caption.as_mut() {
                Some((_, c)) => collapse(t, c),
                None => {
                    let before = text.chars().count();
                    collapse(t, &mut text);
                    if in_link > 0 {
                        links += text.chars().count() - before;
                    }
                }
            },
            _ => {}
        },
        Edge::Close(node) => {
            if let Node::Element(el) = node.value() {
                if caption.as_ref().is_some_and(|(id, _)| *id == node.id()) {
                    let (_, c) = caption.take().unwrap();
                    let c = c.trim().to_string();
                    if !c.is_empty() {
                        body.captions.push(c);
                    }
                    return;
                }
                if el.name() == "a" {
                    in_link = in_link.saturating_sub(1);
                }
                if BLOCK_TAGS.contains(&el.name()) && caption.is_none() {
                    flush(&mut text, &mut links, body);
                }
            }
        }
    });
    flush(&mut text, &mut links, body);
}

/// Elements whose content is never article text: by tag, or hidden.
fn is_never_text(node: NodeRef<Node>) -> bool {
    node.value()
        .as_element()
        .is_some_and(|el| SKIP_TAGS.contains(&el.name()) || is_hidden(el))
}

/// Walks `root` in document order, leaving out the subtrees of the nodes `leave_out` names.
fn walk<'a>(
    root: NodeRef<'a, Node>,
    leave_out: impl Fn(NodeRef<'a, Node>) -> bool,
    mut visit: impl FnMut(Edge<'a, Node>),
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

    fn body(html: &str) -> Body {
        let furniture = ["Advertisement".to_string(), "Read more".to_string()];
        extract(
            &Html::parse_document(html),
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
    fn keeps_a_whole_article_inside_a_badly_named_wrapper() {
        let html = format!(
            r#"<html><body><div class="content-sidebar-wrap"><div class="post"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div><div class="sidebar"><p>Short promo text for another page that is here.</p></div></body></html>"#
        );
        assert_eq!(body(&html).paragraphs.len(), 3);
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
