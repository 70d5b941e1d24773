//! A compact document tree: nodes in one vector, text in one buffer, dense `u32` ids, so that
//! extraction keeps its per-node data in vectors rather than hash maps.
//!
//! The tree is built from the events of lol_html's HTML5 tokenizer (Cloudflare's streaming
//! parser) by the rules that matter for text: void elements, an end tag closing whatever it
//! left open, a block start tag closing an open `<p>`, and `<li>`, `<dt>`/`<dd>`, `<tr>`,
//! `<td>`/`<th>`, `<option>` closing their open siblings. Entities are decoded with the full
//! HTML5 table.

use lol_html::html_content::{EndTag, TextChunk};
use lol_html::{doc_text, element, EndTagHandler, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

pub type NodeId = u32;
const NONE: NodeId = u32::MAX;

#[derive(Debug, Clone)]
enum Kind {
    Document,
    /// Name (lowercase) and attributes, as ranges into the DOM's string buffer.
    Element {
        name: Range<u32>,
        attrs: Range<u32>,
    },
    Text(Range<u32>),
}

#[derive(Debug, Clone)]
struct DomNode {
    parent: NodeId,
    first_child: NodeId,
    last_child: NodeId,
    next_sibling: NodeId,
    kind: Kind,
}

#[derive(Debug, Default)]
pub struct Dom {
    nodes: Vec<DomNode>,
    /// Attribute (name, value) pairs, as ranges into `strings`.
    attrs: Vec<(Range<u32>, Range<u32>)>,
    strings: String,
}

/// One step of a depth-first walk.
#[derive(Clone, Copy, Debug)]
pub enum Edge<'a> {
    Open(NodeRef<'a>),
    Close(NodeRef<'a>),
}

#[derive(Clone, Copy, Debug)]
pub struct NodeRef<'a> {
    dom: &'a Dom,
    id: NodeId,
}

/// An element's name and attributes.
#[derive(Clone, Debug)]
pub struct Element<'a> {
    dom: &'a Dom,
    name: &'a str,
    attrs: Range<u32>,
}

impl<'a> Element<'a> {
    pub fn name(&self) -> &'a str {
        self.name
    }
    /// The value of an attribute; `name` is lowercase.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.dom.attrs[self.attrs.start as usize..self.attrs.end as usize]
            .iter()
            .find(|(n, _)| self.dom.str(n) == name)
            .map(|(_, v)| self.dom.str(v))
    }
}

impl Dom {
    fn str(&self, r: &Range<u32>) -> &str {
        &self.strings[r.start as usize..r.end as usize]
    }

    fn push_str(&mut self, s: &str) -> Range<u32> {
        let start = self.strings.len() as u32;
        self.strings.push_str(s);
        start..self.strings.len() as u32
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn root(&self) -> NodeRef<'_> {
        NodeRef { dom: self, id: 0 }
    }

    pub fn get(&self, id: NodeId) -> NodeRef<'_> {
        NodeRef { dom: self, id }
    }

    fn append(&mut self, parent: NodeId, kind: Kind) -> NodeId {
        let id = self.nodes.len() as NodeId;
        self.nodes.push(DomNode {
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            kind,
        });
        let p = &mut self.nodes[parent as usize];
        if p.last_child == NONE {
            p.first_child = id;
        } else {
            let last = p.last_child;
            self.nodes[last as usize].next_sibling = id;
        }
        self.nodes[parent as usize].last_child = id;
        id
    }
}

impl<'a> NodeRef<'a> {
    pub fn id(&self) -> NodeId {
        self.id
    }
    fn node(&self) -> &'a DomNode {
        &self.dom.nodes[self.id as usize]
    }
    pub fn parent(&self) -> Option<NodeRef<'a>> {
        let p = self.node().parent;
        (p != NONE).then_some(NodeRef {
            dom: self.dom,
            id: p,
        })
    }
    pub fn children(&self) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        let dom = self.dom;
        let mut next = self.node().first_child;
        std::iter::from_fn(move || {
            (next != NONE).then(|| {
                let id = next;
                next = dom.nodes[id as usize].next_sibling;
                NodeRef { dom, id }
            })
        })
    }
    pub fn as_element(&self) -> Option<Element<'a>> {
        match &self.node().kind {
            Kind::Element { name, attrs } => Some(Element {
                dom: self.dom,
                name: self.dom.str(name),
                attrs: attrs.clone(),
            }),
            _ => None,
        }
    }
    pub fn as_text(&self) -> Option<&'a str> {
        match &self.node().kind {
            Kind::Text(r) => Some(self.dom.str(r)),
            _ => None,
        }
    }
    pub fn is_element(&self) -> bool {
        matches!(self.node().kind, Kind::Element { .. })
    }
    /// Depth-first open and close events over this subtree, without recursion.
    pub fn traverse(&self) -> impl Iterator<Item = Edge<'a>> + 'a {
        let (dom, root) = (self.dom, self.id);
        let mut next: Option<Edge<'a>> = Some(Edge::Open(*self));
        std::iter::from_fn(move || {
            let current = next?;
            next = match current {
                Edge::Open(n) => match n.node().first_child {
                    NONE => Some(Edge::Close(n)),
                    c => Some(Edge::Open(NodeRef { dom, id: c })),
                },
                Edge::Close(n) if n.id == root => None,
                Edge::Close(n) => match n.node().next_sibling {
                    NONE => n.parent().map(Edge::Close),
                    s => Some(Edge::Open(NodeRef { dom, id: s })),
                },
            };
            Some(current)
        })
    }
    /// This node and everything below it, in document order.
    pub fn descendants(&self) -> impl Iterator<Item = NodeRef<'a>> + 'a {
        self.traverse().filter_map(|e| match e {
            Edge::Open(n) => Some(n),
            Edge::Close(_) => None,
        })
    }
    /// All text below this node, concatenated.
    pub fn text(&self) -> String {
        self.descendants().filter_map(|n| n.as_text()).collect()
    }
}

/// Attributes article extraction and metadata read; the rest are dropped while parsing.
const KEPT_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "role",
    "hidden",
    "aria-hidden",
    "style",
    "itemprop",
    "type",
    "property",
    "name",
    "content",
    "http-equiv",
    "datetime",
    "lang",
    "rel",
    "href",
    "charset",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
];

struct Builder {
    dom: Dom,
    /// Open elements: (node, tag name range).
    stack: Vec<NodeId>,
    pending: String,
}

impl Builder {
    fn top(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }
    fn flush_text(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let decoded = htmlize::unescape(&self.pending);
        let range = self.dom.push_str(&decoded);
        self.pending.clear();
        let top = self.top();
        self.dom.append(top, Kind::Text(range));
    }
    fn open_name(&self, id: NodeId) -> &str {
        match &self.dom.nodes[id as usize].kind {
            Kind::Element { name, .. } => self.dom.str(name),
            _ => "",
        }
    }
    fn implicit_close(&mut self, name: &str) {
        loop {
            let Some(&open) = self.stack.last() else {
                break;
            };
            let open = self.open_name(open);
            let closes_sibling = match name {
                "li" => open == "li",
                "dt" | "dd" => matches!(open, "dt" | "dd"),
                "tr" => matches!(open, "tr" | "td" | "th"),
                "td" | "th" => matches!(open, "td" | "th"),
                "option" => open == "option",
                _ => false,
            };
            if (open == "p" && CLOSES_P.contains(&name)) || closes_sibling {
                self.stack.pop();
            } else {
                break;
            }
        }
    }
}

/// Parses HTML (already decoded to a string) into a [`Dom`].
pub fn parse(html: &str) -> Dom {
    let mut dom = Dom::default();
    dom.nodes.push(DomNode {
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        next_sibling: NONE,
        kind: Kind::Document,
    });
    let builder = Rc::new(RefCell::new(Builder {
        dom,
        stack: Vec::new(),
        pending: String::new(),
    }));
    let (b1, b2) = (builder.clone(), builder.clone());
    let settings = Settings {
        element_content_handlers: vec![element!("*", move |el| {
            let mut b = b1.borrow_mut();
            b.flush_text();
            let name = el.tag_name();
            b.implicit_close(&name);
            let name_range = b.dom.push_str(&name);
            let first_attr = b.dom.attrs.len() as u32;
            for a in el.attributes() {
                // Only the attributes extraction reads are kept.
                let mut name = a.name();
                name.make_ascii_lowercase();
                if KEPT_ATTRIBUTES.contains(&name.as_str()) {
                    let n = b.dom.push_str(&name);
                    let v = b.dom.push_str(&a.value());
                    b.dom.attrs.push((n, v));
                }
            }
            let attrs = first_attr..b.dom.attrs.len() as u32;
            let top = b.top();
            let id = b.dom.append(
                top,
                Kind::Element {
                    name: name_range,
                    attrs,
                },
            );
            if el.can_have_content() {
                b.stack.push(id);
                let b3 = b1.clone();
                let close: EndTagHandler<'static> = Box::new(move |_end: &mut EndTag<'_>| {
                    let mut b = b3.borrow_mut();
                    b.flush_text();
                    // Close this element and whatever inside it was left open.
                    if let Some(pos) = b.stack.iter().rposition(|&open| open == id) {
                        b.stack.truncate(pos);
                    }
                    Ok(())
                });
                // An element whose end tag is missing is closed by its ancestor's.
                let _ = el.on_end_tag(close);
            }
            Ok(())
        })],
        // Text anywhere in the document, not only inside matched elements.
        document_content_handlers: vec![doc_text!(move |t: &mut TextChunk| {
            b2.borrow_mut().pending.push_str(t.as_str());
            Ok(())
        })],
        ..Settings::new()
    };
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // The input is valid UTF-8; the rewriter's only errors are memory limits and handler errors.
    let _ = rewriter.write(html.as_bytes());
    let _ = rewriter.end();
    let mut b = builder.borrow_mut();
    b.flush_text();
    std::mem::take(&mut b.dom)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(html: &str) -> String {
        let dom = parse(html);
        let mut out = String::new();
        for edge in dom.root().traverse() {
            match edge {
                Edge::Open(n) => {
                    if let Some(e) = n.as_element() {
                        out.push_str(&format!("<{}>", e.name()));
                    } else if let Some(t) = n.as_text() {
                        out.push_str(t);
                    }
                }
                Edge::Close(n) => {
                    if let Some(e) = n.as_element() {
                        out.push_str(&format!("</{}>", e.name()));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn builds_the_tree_with_implicit_closes_and_decoded_text() {
        assert_eq!(
            shape("<div><p>a &amp; b<p>c&rsquo;s</div>"),
            "<div><p>a & b</p><p>c’s</p></div>"
        );
        assert_eq!(
            shape("<ul><li>one<li>two</ul><br>x"),
            "<ul><li>one</li><li>two</li></ul><br></br>x"
        );
        assert_eq!(
            shape("<section><div><span>open</section>after"),
            "<section><div><span>open</span></div></section>after"
        );
    }

    #[test]
    fn keeps_attributes_and_walks_without_recursion() {
        let dom = parse(r#"<div class="article body" ID=main data-x="dropped"><p>x</p></div>"#);
        let div = dom
            .root()
            .descendants()
            .find_map(|n| n.as_element().filter(|e| e.name() == "div"))
            .unwrap();
        // Attribute names are stored lowercase; only the attributes extraction reads are kept.
        assert_eq!(
            (div.attr("class"), div.attr("id"), div.attr("data-x")),
            (Some("article body"), Some("main"), None)
        );
        let deep = "<div>".repeat(50_000) + "deep";
        assert_eq!(parse(&deep).root().text(), "deep");
    }
}
