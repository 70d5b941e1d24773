//! Readers' comments under an article, read only on request ([`crate::PageInfo::comments`]):
//! the body leaves them out, as they are not the article.
//!
//! Comment systems that render on the server (WordPress and its themes, most CMS comment
//! modules) mark each comment's text with a class such as `comment-content`, `comment-text` or
//! `comment-body`, and its author with `comment-author` (or the microformat `fn`). Each such
//! text element gives one comment: its text without the parts that are not what the reader
//! wrote (author line, date, reply and report buttons, forms), and the author and date found
//! in the comment's own item (the text element or its nearest ancestors, never one holding
//! another comment). A text element inside another (`comment-body` around `comment-content`)
//! gives its own words only, so no text is read twice. Comments loaded by script (Disqus and
//! the like) are not in the page and cannot be read.

use crate::dates::{find_date, SlashOrder};
use crate::dom::{Dom, Edge, Element, NodeRef, Tag};
use readout_doc::Date;

/// One reader's comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The name the comment is signed with, if the page gives one.
    pub author: Option<String>,
    /// The day it was posted, if the page gives it.
    pub published: Option<Date>,
    /// What the reader wrote: its paragraphs, each on a line, white space collapsed.
    pub text: String,
}

/// Class and id words that mark the text of one comment.
const TEXT_MARKS: [&str; 12] = [
    "comment-content",
    "comment_content",
    "comment__content",
    "commentcontent",
    "comment-text",
    "comment_text",
    "comment__text",
    "commenttext",
    "comment-body",
    "comment_body",
    "comment__body",
    "comment-message",
];
/// Class and id words of the parts of a comment that are not what the reader wrote.
const NOT_TEXT_WORDS: [&str; 14] = [
    "author", "meta", "reply", "tools", "action", "vote", "like", "report", "share", "avatar",
    "toggle", "hidden", "says", "date",
];
/// Class and id words that mark a comment's author.
const AUTHOR_MARKS: [&str; 5] = [
    "comment-author",
    "comment_author",
    "comment__author",
    "commentauthor",
    "comment-user",
];
/// Class words (whole) that name the author inside an author element (the hCard microformat).
const NAME_WORDS: [&str; 3] = ["fn", "name", "nickname"];
/// Ancestors of a comment's text looked at for its author and date.
const MAX_ITEM_DEPTH: usize = 4;
/// Nodes of a comment's item looked through for its author and date.
const MAX_ITEM_NODES: usize = 300;
/// Longest author name or date line.
const MAX_LINE: usize = 120;

fn is_author_mark(e: &Element) -> bool {
    e.class_says(&AUTHOR_MARKS, &["avatar"])
}

/// Whether the element is a part of a comment that is not its text.
fn is_apparatus(e: &Element) -> bool {
    matches!(
        e.tag(),
        Tag::Form
            | Tag::Button
            | Tag::Input
            | Tag::Textarea
            | Tag::Select
            | Tag::Footer
            | Tag::Time
            | Tag::Nav
    ) || e.class_says(&NOT_TEXT_WORDS, &[])
}

/// The page's comments, in page order.
pub fn comments(doc: &Dom) -> Vec<Comment> {
    let mut out = Vec::new();
    for node in doc.nodes() {
        let Some(e) = node.as_element() else { continue };
        if !is_comment_text(&e) {
            continue;
        }
        let text = own_text(node);
        if text.is_empty() {
            continue;
        }
        let item = item_of(node);
        out.push(Comment {
            author: item.and_then(|i| author_in(i, node)),
            published: item.and_then(|i| date_in(i, node)),
            text,
        });
    }
    out
}

/// Class and id words that make an element marked as comment text one of its other parts
/// (`comment-body-meta`, `comment-text-author`).
const MARKED_PART_WORDS: [&str; 4] = ["meta", "author", "date", "reply"];

/// Whether the element holds a comment's text: marked as such, and not as another part of it.
fn is_comment_text(e: &Element) -> bool {
    e.class_says(&TEXT_MARKS, &MARKED_PART_WORDS)
}

/// The words of a comment's text element that are the reader's: without its apparatus and
/// without comment texts nested in it (replies, or the inner `comment-content`).
fn own_text(root: NodeRef) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut skipping: Option<NodeRef> = None;
    let flush = |line: &mut String, lines: &mut Vec<String>| {
        if !line.is_empty() {
            lines.push(std::mem::take(line));
        }
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                if let Some(e) = n.as_element() {
                    let nested =
                        n.id() != root.id() && (is_comment_text(&e) || is_comment_item(&e));
                    if nested || is_apparatus(&e) {
                        skipping = Some(n);
                        continue;
                    }
                    if matches!(
                        e.tag(),
                        Tag::P | Tag::Br | Tag::Div | Tag::Li | Tag::Blockquote
                    ) {
                        flush(&mut line, &mut lines);
                    }
                } else if let Some(t) = n.as_text() {
                    for w in t.split_whitespace() {
                        if !line.is_empty() {
                            line.push(' ');
                        }
                        line.push_str(w);
                    }
                }
            }
            Edge::Close(n) => {
                if skipping.is_some_and(|s| s.id() == n.id()) {
                    skipping = None;
                }
            }
        }
    }
    flush(&mut line, &mut lines);
    lines.join("\n")
}

/// Whether the element is one comment's item: a class token `comment` (`<li class="comment
/// even depth-1">`) or an id `comment-<number>`.
fn is_comment_item(e: &Element) -> bool {
    e.attr(crate::dom::Attr::Class).is_some_and(|c| {
        c.split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("comment"))
    }) || e.attr(crate::dom::Attr::Id).is_some_and(|id| {
        id.strip_prefix("comment-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Whether `outer` is `inner` or holds it.
fn holds(outer: NodeRef, inner: NodeRef) -> bool {
    let mut n = Some(inner);
    while let Some(x) = n {
        if x.id() == outer.id() {
            return true;
        }
        if x.id() < outer.id() {
            return false;
        }
        n = x.parent();
    }
    false
}

/// What [`walk_own`] met.
enum Met<'a> {
    /// An element of this comment's.
    Own(NodeRef<'a>, Element<'a>),
    /// Another comment (its item or its text), passed over; `inside` when it is nested in
    /// this comment's text (a reply).
    Other { inside: bool },
}

/// The elements under `root` that belong to the comment whose text element is `text`, in
/// page order, passing over other comments; `visit` returns `Some` to stop with a result.
fn walk_own<'a, T>(
    root: NodeRef<'a>,
    text: NodeRef<'a>,
    mut visit: impl FnMut(Met<'a>) -> Option<T>,
) -> Option<T> {
    let mut skipping: Option<NodeRef> = None;
    for edge in root.traverse().take(2 * MAX_ITEM_NODES) {
        match edge {
            Edge::Open(n) if skipping.is_none() => {
                let Some(e) = n.as_element() else { continue };
                let comment_like = is_comment_item(&e) || is_comment_text(&e);
                if comment_like && n.id() != text.id() && !holds(n, text) {
                    skipping = Some(n);
                    let inside = holds(text, n);
                    if let Some(found) = visit(Met::Other { inside }) {
                        return Some(found);
                    }
                    continue;
                }
                if let Some(found) = visit(Met::Own(n, e)) {
                    return Some(found);
                }
            }
            Edge::Close(n) if skipping.is_some_and(|s| s.id() == n.id()) => skipping = None,
            _ => {}
        }
    }
    None
}

/// What [`author_mark`] found under an element.
enum AuthorSearch<'a> {
    /// This comment's author element.
    Found(NodeRef<'a>),
    /// Another comment beside this one, before any author: the element is past the comment.
    Beside,
    Nothing,
}

/// The author element of the comment whose text element is `text`, looked for under `root`:
/// one of this comment's elements, before the words of its text (an author mark inside the
/// text after its first paragraph is a reply's, as in layouts that nest replies in the text).
fn author_mark<'a>(root: NodeRef<'a>, text: NodeRef<'a>) -> AuthorSearch<'a> {
    let mut past_words = false;
    let found = walk_own(root, text, |met| match met {
        Met::Own(n, e) => {
            let in_text = n.id() != text.id() && holds(text, n);
            past_words |= in_text && matches!(e.tag(), Tag::P | Tag::Blockquote);
            (is_author_mark(&e) && !(in_text && past_words)).then_some(Some(n))
        }
        Met::Other { inside: false } => Some(None),
        Met::Other { inside: true } => None,
    });
    match found {
        Some(Some(n)) => AuthorSearch::Found(n),
        Some(None) => AuthorSearch::Beside,
        None => AuthorSearch::Nothing,
    }
}

/// The element that holds one comment with its author and date: the text element itself or
/// the nearest ancestor with this comment's author mark, never one that holds another comment
/// beside it (a thread, the list).
fn item_of(text: NodeRef) -> Option<NodeRef> {
    let mut node = Some(text);
    for _ in 0..=MAX_ITEM_DEPTH {
        let n = node?;
        match author_mark(n, text) {
            AuthorSearch::Found(_) => return Some(n),
            AuthorSearch::Beside => return None,
            AuthorSearch::Nothing => node = n.parent(),
        }
    }
    None
}

fn author_in(item: NodeRef, text: NodeRef) -> Option<String> {
    let AuthorSearch::Found(n) = author_mark(item, text) else {
        return None;
    };
    // The name element inside (hCard's `fn`), else the element's own words (the rest is a
    // date, a "says", a link to the comment).
    let named = n.descendants().skip(1).find(|d| {
        d.as_element().is_some_and(|x| {
            x.attr(crate::dom::Attr::Class).is_some_and(|c| {
                c.split_whitespace()
                    .any(|w| NAME_WORDS.iter().any(|n| w.eq_ignore_ascii_case(n)))
            })
        })
    });
    let name = match named {
        Some(d) => d.short_text(MAX_LINE),
        None => {
            let own: Vec<&str> = n
                .children()
                .filter_map(|c| c.as_text())
                .flat_map(str::split_whitespace)
                .collect();
            if own.is_empty() {
                n.short_text(MAX_LINE)
            } else {
                Some(own.join(" "))
            }
        }
    }?;
    let name = name.trim_end_matches(':').trim().to_string();
    (!name.is_empty()).then_some(name)
}

fn date_in(item: NodeRef, text: NodeRef) -> Option<Date> {
    walk_own(item, text, |met| {
        let Met::Own(n, e) = met else { return None };
        let dated = e.tag() == Tag::Time || e.class_says(&["date", "time"], &[]);
        if !dated {
            return None;
        }
        e.attr(crate::dom::Attr::Datetime)
            .and_then(crate::dates::parse_date)
            .or_else(|| {
                n.short_text(MAX_LINE)
                    .and_then(|t| find_date(&t, SlashOrder::DayFirst))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> Vec<Comment> {
        comments(&crate::dom::parse(html))
    }

    #[test]
    fn reads_each_comment_with_its_author_and_date() {
        // The WordPress layout: a reply nested in its parent's item, the text inside a
        // `comment-body` that also holds the author line and the reply button.
        let page = r##"<article><p>The article.</p></article>
<div id="comments" class="comments-area"><h2>2 comments</h2><ol class="comment-list">
<li id="comment-1" class="comment depth-1"><article class="comment-body">
  <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Anna</b> <span class="says">says:</span></div>
  <div class="comment-metadata"><a href="#c1"><time datetime="2016-06-23T17:21:09+02:00">23 June 2016</time></a></div></footer>
  <div class="comment-content"><p>First paragraph.</p><p>Second   paragraph.</p></div>
  <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article>
  <ol class="children"><li id="comment-2" class="comment depth-2"><article class="comment-body">
    <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Ben</b></div>
    <div class="comment-metadata"><time datetime="2016-06-24T08:00:00+02:00">24 June 2016</time></div></footer>
    <div class="comment-content"><p>A reply.</p></div></article></li></ol>
</li></ol>
<form id="respond"><textarea name="comment"></textarea><button>Post Comment</button></form></div>"##;
        let found = read(page);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].author.as_deref(), Some("Anna"));
        assert_eq!(
            found[0].published.map(|d| d.to_string()).as_deref(),
            Some("2016-06-23")
        );
        assert_eq!(found[0].text, "First paragraph.\nSecond paragraph.");
        assert_eq!(found[1].author.as_deref(), Some("Ben"));
        assert_eq!(
            found[1].published.map(|d| d.to_string()).as_deref(),
            Some("2016-06-24")
        );
        assert_eq!(found[1].text, "A reply.");
    }

    #[test]
    fn an_author_line_inside_the_text_element_is_not_text() {
        // The author and date inside the text element, the signature as the line's own words.
        let page = r##"<ol class="commentlist"><li class="comment"><div class="comment-content">
<div class="comment-author">Rolf B. <span><a href="#"><time datetime="2020-07-29">29.07.2020 // 12:56</time></a></span></div>
<p>Only the commentator with the calm voice is bearable.</p>
<div class="comment-tools"><ul><li><a href="#">Report</a></li></ul></div></div></li></ol>"##;
        let found = read(page);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].author.as_deref(), Some("Rolf B."));
        assert_eq!(
            found[0].published.map(|d| d.to_string()).as_deref(),
            Some("2020-07-29")
        );
        assert_eq!(
            found[0].text,
            "Only the commentator with the calm voice is bearable."
        );
    }

    #[test]
    fn replies_nested_in_a_comment_s_text_are_comments_of_their_own() {
        // Replies inside the parent's text element, each with its own author line.
        let page = r##"<div class="comments"><div class="comment">
<div class="comment-meta"><div class="comment-author">Claire</div><small class="comment-time">August 06, 2019</small></div>
<div class="comment-content"><p>How does this work in practice?</p>
<div class="comment-tools"><a href="#">Report</a></div>
<div class="comment-reply"><div class="comment-meta"><div class="comment-author">Michael</div><small class="comment-time">August 07, 2019</small></div>
<div class="comment-content"><p>Until a bill is passed there is no way to know.</p></div></div></div></div></div>"##;
        let found = read(page);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].author.as_deref(), Some("Claire"));
        assert_eq!(
            found[0].published.map(|d| d.to_string()).as_deref(),
            Some("2019-08-06")
        );
        assert_eq!(found[0].text, "How does this work in practice?");
        assert_eq!(found[1].author.as_deref(), Some("Michael"));
        assert_eq!(
            found[1].published.map(|d| d.to_string()).as_deref(),
            Some("2019-08-07")
        );
    }

    #[test]
    fn a_page_without_comments_has_none() {
        assert!(read("<article><p>Text.</p><div class=\"comments\"><p>Be the first to comment.</p></div></article>").is_empty());
        // An anonymous comment has no author, and never its neighbour's.
        let page = r#"<div class="comments"><div class="comment"><div class="comment-text"><p>No name.</p></div></div>
<div class="comment"><span class="comment-author">Cleo</span><div class="comment-text"><p>Named.</p></div></div></div>"#;
        let found = read(page);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].author, None);
        assert_eq!(found[1].author.as_deref(), Some("Cleo"));
    }
}
