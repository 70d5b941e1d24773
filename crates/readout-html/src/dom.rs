//! A compact document tree: nodes in one vector, text in one buffer, dense `u32` ids, so that
//! extraction keeps its per-node data in vectors rather than hash maps.
//!
//! The tree is built from the callbacks of html5gum's WHATWG-conformant HTML5 tokenizer (which
//! also decodes character references) by the tree-construction rules that matter for text:
//! void elements, an end tag closing whatever it left open, a block start tag closing an open
//! `<p>`, and `<li>`, `<dt>`/`<dd>`, `<tr>`, `<td>`/`<th>`, `<option>` closing their open
//! siblings. `<title>` and `<textarea>` are read as RCDATA and the raw-text elements as raw
//! text, as a browser would.

use std::ops::Range;

/// A node's index in its [`Dom`]. Ids are dense and in document order (a parent before its
/// children), and the document node is 0, so per-node data fits in vectors indexed by id.
pub type NodeId = u32;
const NONE: NodeId = u32::MAX;

/// The elements extraction tells apart, interned while parsing so that classifying a node is a
/// comparison of small integers; every other element is [`Tag::Other`] (its name is still kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// `<a>`, a link: its text counts toward a block's link density, which marks navigation and
    /// link lists.
    A,
    /// `<address>`, contact details: a block of its own.
    Address,
    /// `<area>`, an image-map region: void, never has content.
    Area,
    /// `<article>`: a block, and a hint (a small score bonus) that the article is inside.
    Article,
    /// `<aside>`: usually page furniture, set aside when it holds little of the page's prose.
    Aside,
    /// `<audio>`: a player, never article text.
    Audio,
    /// `<base>`, the document's base URL: void.
    Base,
    /// `<blockquote>`: a quotation, scored like a paragraph.
    Blockquote,
    /// `<body>`, the visible page.
    Body,
    /// `<br>`, a line break: void, and a paragraph boundary when the body is read.
    Br,
    /// `<button>`: a control, never article text.
    Button,
    /// `<canvas>`: drawn by script, never article text.
    Canvas,
    /// `<center>`, obsolete centring: a block.
    Center,
    /// `<col>`, a table column's format: void.
    Col,
    /// `<dd>`, a description in a `<dl>`: closes an open `<dt>` or `<dd>`.
    Dd,
    /// `<dialog>`: a pop-up, treated as page furniture.
    Dialog,
    /// `<div>`: the common container, scored like a paragraph for the text directly in it.
    Div,
    /// `<dl>`, a description list: a block.
    Dl,
    /// `<dt>`, a term in a `<dl>`: closes an open `<dt>` or `<dd>`.
    Dt,
    /// `<embed>`, embedded content: void, never article text.
    Embed,
    /// `<fieldset>`, a group of form controls: closes an open `<p>`.
    Fieldset,
    /// `<figcaption>`: a photo caption, read into the captions, not the paragraphs.
    Figcaption,
    /// `<figure>`, a photo or chart with its caption: a block.
    Figure,
    /// `<footer>`: page or section furniture, set aside when it holds little of the prose.
    Footer,
    /// `<form>`: usually furniture, but some sites wrap the whole page in one (ASP.NET), so it is
    /// set aside only when it holds little of the prose.
    Form,
    /// `<h1>`: the headline, a title candidate for the metadata and left out of the body
    /// paragraphs.
    H1,
    /// `<h2>`, a subheading: kept in the body as a paragraph of its own.
    H2,
    /// `<h3>`, a subheading: kept in the body as a paragraph of its own.
    H3,
    /// `<h4>`, a subheading: kept in the body as a paragraph of its own.
    H4,
    /// `<h5>`, a subheading: kept in the body as a paragraph of its own.
    H5,
    /// `<h6>`, a subheading: kept in the body as a paragraph of its own.
    H6,
    /// `<head>`: metadata only, never article text.
    Head,
    /// `<header>`: a page or section banner, treated as furniture when it holds little of the
    /// prose.
    Header,
    /// `<hr>`, a rule: void, and a paragraph boundary.
    Hr,
    /// `<html>`, the root element: its `lang` gives the page's language.
    Html,
    /// `<iframe>`, another page embedded (video players, ads): never article text.
    Iframe,
    /// `<img>`, an image: void; a photo's words are in its `<figcaption>`.
    Img,
    /// `<input>`, a form field: void, never article text.
    Input,
    /// `<keygen>`, an obsolete form control: void.
    Keygen,
    /// `<li>`, a list item: closes an open `<li>`, and is scored like a paragraph.
    Li,
    /// `<link>`: void; a `rel=canonical` one names the page's own URL.
    Link,
    /// `<main>`, the page's main content: a block.
    Main,
    /// `<menu>`: a list of commands, treated as page furniture.
    Menu,
    /// `<meta>`: void; its name or property and content are read for the article's metadata.
    Meta,
    /// `<nav>`: navigation links, treated as page furniture.
    Nav,
    /// `<noscript>`: the fallback for pages without script, never article text (mostly removed by
    /// the [`strip`](crate::strip) pre-pass).
    Noscript,
    /// `<object>`, embedded content: never article text.
    Object,
    /// `<ol>`, an ordered list: a block.
    Ol,
    /// `<option>` in a `<select>`: closes an open `<option>`.
    Option,
    /// `<p>`, a paragraph: the main unit of body scoring; a block start tag closes an open one.
    P,
    /// `<param>`, an `<object>` parameter: void.
    Param,
    /// `<pre>`, preformatted text: scored like a paragraph.
    Pre,
    /// `<script>`: never article text; a JSON-LD one (`type=application/ld+json`) is read for
    /// metadata. Its content is raw text.
    Script,
    /// `<section>`: a block, scored like a paragraph for the text directly in it.
    Section,
    /// `<select>`, a drop-down: never article text.
    Select,
    /// `<source>`, a media source: void.
    Source,
    /// `<style>`: CSS, raw text, never article text.
    Style,
    /// `<svg>`: icons and drawings, never article text.
    Svg,
    /// `<table>`: a block.
    Table,
    /// `<td>`, a table cell: closes an open cell, and is scored like a paragraph.
    Td,
    /// `<template>`: markup for script to use, never article text.
    Template,
    /// `<textarea>`: a form field, read as RCDATA, never article text.
    Textarea,
    /// `<th>`, a header cell: closes an open cell.
    Th,
    /// `<time>`: the first one's `datetime` dates the article when JSON-LD and `<meta>` tags give
    /// no date.
    Time,
    /// `<title>`, read as RCDATA: the last title candidate, after `og:title`, JSON-LD and `<h1>`.
    Title,
    /// `<tr>`, a table row: closes an open row or cell.
    Tr,
    /// `<track>`, a media text track: void.
    Track,
    /// `<ul>`, an unordered list: a block.
    Ul,
    /// `<video>`: a player, never article text.
    Video,
    /// `<wbr>`, a line-break opportunity: void.
    Wbr,
    /// Any other element, custom elements (`<x-ad-slot>`) included; tell them apart by
    /// [`Element::name`].
    Other,
}

impl Tag {
    /// The tag of a lowercase element name.
    pub fn from_name(name: &[u8]) -> Tag {
        match name {
            b"a" => Tag::A,
            b"address" => Tag::Address,
            b"area" => Tag::Area,
            b"article" => Tag::Article,
            b"aside" => Tag::Aside,
            b"audio" => Tag::Audio,
            b"base" => Tag::Base,
            b"blockquote" => Tag::Blockquote,
            b"body" => Tag::Body,
            b"br" => Tag::Br,
            b"button" => Tag::Button,
            b"canvas" => Tag::Canvas,
            b"center" => Tag::Center,
            b"col" => Tag::Col,
            b"dd" => Tag::Dd,
            b"dialog" => Tag::Dialog,
            b"div" => Tag::Div,
            b"dl" => Tag::Dl,
            b"dt" => Tag::Dt,
            b"embed" => Tag::Embed,
            b"fieldset" => Tag::Fieldset,
            b"figcaption" => Tag::Figcaption,
            b"figure" => Tag::Figure,
            b"footer" => Tag::Footer,
            b"form" => Tag::Form,
            b"h1" => Tag::H1,
            b"h2" => Tag::H2,
            b"h3" => Tag::H3,
            b"h4" => Tag::H4,
            b"h5" => Tag::H5,
            b"h6" => Tag::H6,
            b"head" => Tag::Head,
            b"header" => Tag::Header,
            b"hr" => Tag::Hr,
            b"html" => Tag::Html,
            b"iframe" => Tag::Iframe,
            b"img" => Tag::Img,
            b"input" => Tag::Input,
            b"keygen" => Tag::Keygen,
            b"li" => Tag::Li,
            b"link" => Tag::Link,
            b"main" => Tag::Main,
            b"menu" => Tag::Menu,
            b"meta" => Tag::Meta,
            b"nav" => Tag::Nav,
            b"noscript" => Tag::Noscript,
            b"object" => Tag::Object,
            b"ol" => Tag::Ol,
            b"option" => Tag::Option,
            b"p" => Tag::P,
            b"param" => Tag::Param,
            b"pre" => Tag::Pre,
            b"script" => Tag::Script,
            b"section" => Tag::Section,
            b"select" => Tag::Select,
            b"source" => Tag::Source,
            b"style" => Tag::Style,
            b"svg" => Tag::Svg,
            b"table" => Tag::Table,
            b"td" => Tag::Td,
            b"template" => Tag::Template,
            b"textarea" => Tag::Textarea,
            b"th" => Tag::Th,
            b"time" => Tag::Time,
            b"title" => Tag::Title,
            b"tr" => Tag::Tr,
            b"track" => Tag::Track,
            b"ul" => Tag::Ul,
            b"video" => Tag::Video,
            b"wbr" => Tag::Wbr,
            _ => Tag::Other,
        }
    }

    /// HTML5's void elements, which never have content.
    fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base
                | Br
                | Col
                | Embed
                | Hr
                | Img
                | Input
                | Keygen
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
        )
    }

    /// Start tags that close an open `<p>`.
    fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Div
                | Dl
                | Fieldset
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hr
                | Main
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Table
                | Ul
                | Li
        )
    }

    /// Elements that hold paragraphs or are paragraphs: what a misnested formatting end tag
    /// must not close.
    fn is_block(self) -> bool {
        use Tag::*;
        self.closes_p() || matches!(self, Td | Th | Tr | Dd | Dt | Figcaption | Center)
    }

    /// Whether a new start tag of this kind closes an open element `open` (beside `<p>`).
    fn closes_sibling(self, open: Tag) -> bool {
        use Tag::*;
        match self {
            Li => open == Li,
            Dt | Dd => matches!(open, Dt | Dd),
            Tr => matches!(open, Tr | Td | Th),
            Td | Th => matches!(open, Td | Th),
            Option => open == Option,
            _ => false,
        }
    }
}

/// The attributes extraction and metadata read; the rest are dropped while parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attr {
    /// `class`, on any element: its words ("article", "share", "related") mark article text or page
    /// furniture.
    Class,
    /// `id`, on any element: its words count as `class` words do.
    Id,
    /// `role`, on any element: ARIA landmark roles such as `navigation`, `banner` or `dialog` keep
    /// an element out of the body.
    Role,
    /// `hidden`, on any element: a boolean attribute (present with an empty value) that keeps the
    /// element out of the body.
    Hidden,
    /// `aria-hidden`, on any element: `"true"` keeps the element out of the body.
    AriaHidden,
    /// `style`, on any element: inline CSS with `display:none` or `visibility:hidden` keeps the
    /// element out of the body.
    Style,
    /// `itemprop`, on any element: schema.org microdata; `articleBody` marks the article, and on
    /// `<meta>` it names a metadata key.
    Itemprop,
    /// `type`, on `<script>` only: `application/ld+json` marks JSON-LD metadata.
    Type,
    /// `property`, on `<meta>` only: an Open Graph or similar key (`og:title`,
    /// `article:published_time`).
    Property,
    /// `name`, on `<meta>` only: a metadata key (`author`, `pubdate`).
    Name,
    /// `content`: the value of a `<meta>` tag's key, or of an element's microdata property
    /// (`<span itemprop="datePublished" content="2020-05-19">`).
    Content,
    /// `http-equiv`, on `<meta>` only: a header given in the page (`content-language`).
    HttpEquiv,
    /// `datetime`, on `<time>` and any other element that carries one: a machine-readable date.
    Datetime,
    /// `lang`, on `<html>` only: the page's language tag.
    Lang,
    /// `rel`, on `<link>` and `<a>`: `canonical` marks the page's own URL, `author` a link to
    /// the writer.
    Rel,
    /// `href`, on `<link>` only (the many `<a href>` of a page are never kept).
    Href,
}

impl Attr {
    /// The attribute of this name if `tag` is read for it: the class, id, role, visibility,
    /// style, `itemprop`, `content` and `datetime` of any element, and the metadata attributes
    /// of `<meta>`, `<link>`, `<script>` and `<html>` only, and an `<a>`'s `rel` (an `<a href>` is
    /// never read, and links are the bulk of a page's markup).
    fn kept(name: &[u8], tag: Tag) -> Option<Attr> {
        let attr = Attr::from_name(name)?;
        let kept = match attr {
            Attr::Property | Attr::Name | Attr::HttpEquiv => tag == Tag::Meta,
            Attr::Rel => matches!(tag, Tag::Link | Tag::A),
            Attr::Href => tag == Tag::Link,
            Attr::Type => tag == Tag::Script,
            Attr::Lang => tag == Tag::Html,
            _ => true,
        };
        kept.then_some(attr)
    }

    fn from_name(name: &[u8]) -> Option<Attr> {
        Some(match name {
            b"class" => Attr::Class,
            b"id" => Attr::Id,
            b"role" => Attr::Role,
            b"hidden" => Attr::Hidden,
            b"aria-hidden" => Attr::AriaHidden,
            b"style" => Attr::Style,
            b"itemprop" => Attr::Itemprop,
            b"type" => Attr::Type,
            b"property" => Attr::Property,
            b"name" => Attr::Name,
            b"content" => Attr::Content,
            b"http-equiv" => Attr::HttpEquiv,
            b"datetime" => Attr::Datetime,
            b"lang" => Attr::Lang,
            b"rel" => Attr::Rel,
            b"href" => Attr::Href,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
enum Kind {
    Document,
    /// The interned tag, the name (lowercase) and the attributes, as ranges into the DOM's
    /// string buffer and attribute list.
    Element {
        tag: Tag,
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

/// A parsed page: built by [`parse`], read through [`NodeRef`]s ([`Dom::root`], [`Dom::nodes`]).
/// Node 0 is the document itself; only the attributes in [`Attr`] are kept.
#[derive(Debug, Default)]
pub struct Dom {
    nodes: Vec<DomNode>,
    /// Kept attributes with their values, as ranges into `strings`.
    attrs: Vec<(Attr, Range<u32>)>,
    strings: String,
}

/// One step of a depth-first walk.
#[derive(Clone, Copy, Debug)]
pub enum Edge<'a> {
    /// Entering a node, before its children.
    Open(NodeRef<'a>),
    /// Leaving a node, after its children; every node is closed, text and empty elements included.
    Close(NodeRef<'a>),
}

/// A node of a [`Dom`]: the document, an element or a run of text. A borrowed id, cheap to copy;
/// its accessors read the tree.
#[derive(Clone, Copy, Debug)]
pub struct NodeRef<'a> {
    dom: &'a Dom,
    id: NodeId,
}

/// An element's tag, name and attributes.
#[derive(Clone, Debug)]
pub struct Element<'a> {
    dom: &'a Dom,
    tag: Tag,
    name: Range<u32>,
    attrs: &'a [(Attr, Range<u32>)],
}

impl<'a> Element<'a> {
    /// The interned tag; [`Tag::Other`] for elements extraction does not tell apart.
    pub fn tag(&self) -> Tag {
        self.tag
    }
    /// The element's name as the tokenizer gave it, lowercased (`div`, `x-ad-slot`).
    pub fn name(&self) -> &'a str {
        self.dom.str(&self.name)
    }
    /// The value of an attribute (the first, when the markup repeats it).
    pub fn attr(&self, attr: Attr) -> Option<&'a str> {
        self.attrs
            .iter()
            .find(|(a, _)| *a == attr)
            .map(|(_, v)| self.dom.str(v))
    }

    /// The `class` and `id` values, lowercased and joined by a space: what a page says an
    /// element is ("post-date", "byline").
    pub fn class_and_id(&self) -> String {
        [self.attr(Attr::Class), self.attr(Attr::Id)]
            .into_iter()
            .flatten()
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether [`Element::class_and_id`] contains one of `any` and none of `none`.
    pub fn class_says(&self, any: &[&str], none: &[&str]) -> bool {
        let words = self.class_and_id();
        any.iter().any(|w| words.contains(w)) && !none.iter().any(|w| words.contains(w))
    }
}

impl Dom {
    fn str(&self, r: &Range<u32>) -> &str {
        // Ranges fall on character boundaries; `get` keeps a broken one from panicking.
        self.strings
            .get(r.start as usize..r.end as usize)
            .unwrap_or_default()
    }

    /// The number of nodes, the document node included: ids run from 0 to `len() - 1`.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether there are no nodes at all; a tree from [`parse`] always has its document node.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The document node (id 0): the parent of `<html>`, or of a fragment's top-level nodes.
    pub fn root(&self) -> NodeRef<'_> {
        NodeRef { dom: self, id: 0 }
    }

    /// The node with this id, which must come from this tree: reading a node out of range panics.
    pub fn get(&self, id: NodeId) -> NodeRef<'_> {
        NodeRef { dom: self, id }
    }

    /// Every node in document order. Nodes are numbered as the parser meets them, and each is
    /// appended to an open element, so id order is document order and no walk is needed.
    pub fn nodes(&self) -> impl DoubleEndedIterator<Item = NodeRef<'_>> + ExactSizeIterator {
        (0..self.nodes.len() as NodeId).map(|id| NodeRef { dom: self, id })
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
    /// This node's id, for indexing per-node vectors.
    pub fn id(&self) -> NodeId {
        self.id
    }
    fn node(&self) -> &'a DomNode {
        &self.dom.nodes[self.id as usize]
    }
    /// The node this one is inside; `None` for the document node.
    pub fn parent(&self) -> Option<NodeRef<'a>> {
        let p = self.node().parent;
        (p != NONE).then_some(NodeRef {
            dom: self.dom,
            id: p,
        })
    }
    /// The nodes directly inside this one, in document order.
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
    /// The element's tag, name and kept attributes; `None` for text and the document node.
    pub fn as_element(&self) -> Option<Element<'a>> {
        match &self.node().kind {
            Kind::Element { tag, name, attrs } => Some(Element {
                dom: self.dom,
                tag: *tag,
                name: name.clone(),
                attrs: &self.dom.attrs[attrs.start as usize..attrs.end as usize],
            }),
            _ => None,
        }
    }
    /// A text node's text, character references decoded and white space as written; `None` for
    /// other nodes.
    pub fn as_text(&self) -> Option<&'a str> {
        match &self.node().kind {
            Kind::Text(r) => Some(self.dom.str(r)),
            _ => None,
        }
    }
    /// Whether this node is an element (not text, not the document).
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

    /// The text under this node with white space collapsed, or `None` when it is empty or
    /// longer than `max` bytes: a short element's text, read without building a long one.
    pub fn short_text(&self, max: usize) -> Option<String> {
        let mut out = String::new();
        for t in self.descendants().filter_map(|n| n.as_text()) {
            for w in t.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(w);
            }
            if out.len() > max {
                return None;
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum TagKind {
    None,
    Start,
    End,
}

/// Builds the tree from html5gum's tokenizer callbacks. Tag names arrive lowercased and text
/// arrives with character references already decoded. Text, names and kept attribute values go
/// straight into one byte buffer, checked as UTF-8 once at the end, so nothing is allocated or
/// validated per token.
struct TreeBuilder {
    dom: Dom,
    /// The future `dom.strings`.
    bytes: Vec<u8>,
    /// Where the text since the last tag starts in `bytes`.
    text_start: usize,
    /// Open elements, innermost last.
    stack: Vec<NodeId>,
    tag: TagKind,
    tag_name: Vec<u8>,
    last_start_tag: Vec<u8>,
    attr_name: Vec<u8>,
    /// Whether the current attribute is kept, decided when its value starts, so that the values
    /// of dropped attributes (`srcset`, `data-*`) are never copied.
    attr_kept: Option<Attr>,
    /// Where the current attribute's value starts in `bytes`.
    attr_value_start: usize,
    /// The current start tag's [`Tag`], once its first attribute asks (the name is complete
    /// by then).
    start_tag: Option<Tag>,
    attrs: Vec<(Attr, Range<u32>)>,
}

impl TreeBuilder {
    fn top(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn push_bytes(&mut self, bytes: &[u8]) -> Range<u32> {
        let start = self.bytes.len() as u32;
        self.bytes.extend_from_slice(bytes);
        self.text_start = self.bytes.len();
        start..self.bytes.len() as u32
    }

    fn flush_text(&mut self) {
        if self.bytes.len() > self.text_start {
            let range = self.text_start as u32..self.bytes.len() as u32;
            self.text_start = self.bytes.len();
            let top = self.top();
            self.dom.append(top, Kind::Text(range));
        }
    }

    fn open_tag(&self, id: NodeId) -> (Tag, &[u8]) {
        match &self.dom.nodes[id as usize].kind {
            // While parsing, the names are still in the builder's buffer.
            Kind::Element { tag, name, .. } => {
                (*tag, &self.bytes[name.start as usize..name.end as usize])
            }
            _ => (Tag::Other, b""),
        }
    }

    /// Pops the elements a new start tag closes implicitly.
    fn implicit_close(&mut self, tag: Tag) {
        while let Some(&open) = self.stack.last() {
            let (open, _) = self.open_tag(open);
            if (open == Tag::P && tag.closes_p()) || tag.closes_sibling(open) {
                self.stack.pop();
            } else {
                break;
            }
        }
    }

    fn start_tag_kind(&mut self) -> Tag {
        *self
            .start_tag
            .get_or_insert_with(|| Tag::from_name(&self.tag_name))
    }

    fn commit_attribute(&mut self) {
        if self.tag == TagKind::Start {
            let value = match self.attr_kept {
                // The value is already in the buffer.
                Some(attr) => Some((attr, self.attr_value_start..self.bytes.len())),
                // An attribute without a value (`hidden`).
                None => {
                    let tag = self.start_tag_kind();
                    Attr::kept(&self.attr_name, tag)
                        .map(|a| (a, self.bytes.len()..self.bytes.len()))
                }
            };
            // The first of repeated attributes wins, as in HTML5.
            match value {
                Some((attr, range)) if !self.attrs.iter().any(|(kept, _)| *kept == attr) => {
                    self.attrs
                        .push((attr, range.start as u32..range.end as u32));
                }
                Some((_, range)) => self.bytes.truncate(range.start),
                None => {}
            }
            self.text_start = self.bytes.len();
        }
        self.attr_name.clear();
        self.attr_kept = None;
    }

    fn start_tag(&mut self) -> Option<html5gum::State> {
        self.commit_attribute();
        let tag = self.start_tag_kind();
        let name = std::mem::take(&mut self.tag_name);
        let name_range = self.push_bytes(&name);
        self.implicit_close(tag);
        let first_attr = self.dom.attrs.len() as u32;
        self.dom.attrs.append(&mut self.attrs);
        let attrs = first_attr..self.dom.attrs.len() as u32;
        let top = self.top();
        let id = self.dom.append(
            top,
            Kind::Element {
                tag,
                name: name_range,
                attrs,
            },
        );
        if !tag.is_void() {
            self.stack.push(id);
        }
        self.last_start_tag.clear();
        self.last_start_tag.extend_from_slice(&name);
        self.tag_name = name;
        self.tag_name.clear();
        html5gum::naive_next_state(&self.last_start_tag)
    }

    fn end_tag(&mut self) {
        self.flush_text();
        // Close the innermost open element of this name and whatever inside it was left open;
        // an end tag with no open element of its name is ignored.
        let tag = Tag::from_name(&self.tag_name);
        if let Some(pos) = self.stack.iter().rposition(|&open| {
            let (open_tag, open_name) = self.open_tag(open);
            open_tag == tag && (tag != Tag::Other || open_name == self.tag_name.as_slice())
        }) {
            let blocks_inside = self.stack[pos + 1..]
                .iter()
                .any(|&open| self.open_tag(open).0.is_block());
            if blocks_inside && is_formatting(&self.tag_name) {
                // `<b><p>One</b> two</p>`: a browser closes the bold and keeps the paragraph
                // open (the adoption agency), so "two" stays in the same paragraph as "One".
                self.stack.remove(pos);
            } else {
                self.stack.truncate(pos);
            }
        }
        self.tag_name.clear();
    }
}

/// HTML5's formatting elements: an end tag of one of these that would close a block opened
/// inside it closes only the formatting element.
fn is_formatting(name: &[u8]) -> bool {
    matches!(
        name,
        b"a" | b"b"
            | b"big"
            | b"code"
            | b"em"
            | b"font"
            | b"i"
            | b"nobr"
            | b"s"
            | b"small"
            | b"strike"
            | b"strong"
            | b"tt"
            | b"u"
    )
}

/// The html5gum side of [`TreeBuilder`]: errors are not wanted, so the tokenizer skips its
/// validation work; comments and doctypes are dropped.
struct Sink<'b>(&'b mut TreeBuilder);

impl html5gum::Emitter for Sink<'_> {
    type Token = std::convert::Infallible;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.0.last_start_tag.clear();
        self.0
            .last_start_tag
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }
    fn emit_eof(&mut self) {
        if self.0.tag != TagKind::None {
            // A tag cut off by the end of the input is dropped, with any value it started.
            self.0.bytes.truncate(self.0.text_start);
        }
        self.0.flush_text();
    }
    fn emit_error(&mut self, _: html5gum::Error) {}
    fn should_emit_errors(&mut self) -> bool {
        false
    }
    fn pop_token(&mut self) -> Option<Self::Token> {
        None
    }
    fn emit_string(&mut self, s: &[u8]) {
        self.0.bytes.extend_from_slice(s);
    }
    fn init_start_tag(&mut self) {
        // All text before the tag has arrived; names and values follow it in the buffer.
        self.0.flush_text();
        self.0.tag = TagKind::Start;
        self.0.tag_name.clear();
        self.0.attrs.clear();
        self.0.attr_name.clear();
        self.0.attr_kept = None;
        self.0.start_tag = None;
    }
    fn init_end_tag(&mut self) {
        // An end tag puts nothing in the buffer, and in raw text ("</p" in a script) it may turn
        // out to be text after all, so the text is flushed only when the tag is emitted.
        self.0.tag = TagKind::End;
        self.0.tag_name.clear();
        self.0.attr_name.clear();
    }
    fn init_comment(&mut self) {
        self.0.tag = TagKind::None;
    }
    fn emit_current_tag(&mut self) -> Option<html5gum::State> {
        let state = match self.0.tag {
            TagKind::Start => self.0.start_tag(),
            TagKind::End => {
                self.0.end_tag();
                None
            }
            TagKind::None => None,
        };
        self.0.tag = TagKind::None;
        state
    }
    fn emit_current_comment(&mut self) {}
    fn emit_current_doctype(&mut self) {}
    fn set_self_closing(&mut self) {}
    fn set_force_quirks(&mut self) {}
    fn push_tag_name(&mut self, s: &[u8]) {
        self.0.tag_name.extend_from_slice(s);
    }
    fn push_comment(&mut self, _: &[u8]) {}
    fn push_doctype_name(&mut self, _: &[u8]) {}
    fn init_doctype(&mut self) {
        self.0.tag = TagKind::None;
    }
    fn init_attribute(&mut self) {
        self.0.commit_attribute();
    }
    fn push_attribute_name(&mut self, s: &[u8]) {
        self.0.attr_name.extend_from_slice(s);
    }
    fn init_attribute_value(&mut self) {
        self.0.attr_kept = if self.0.tag == TagKind::Start {
            let tag = self.0.start_tag_kind();
            Attr::kept(&self.0.attr_name, tag)
        } else {
            None
        };
        self.0.attr_value_start = self.0.bytes.len();
    }
    fn push_attribute_value(&mut self, s: &[u8]) {
        if self.0.attr_kept.is_some() {
            self.0.bytes.extend_from_slice(s);
        }
    }
    fn set_doctype_public_identifier(&mut self, _: &[u8]) {}
    fn set_doctype_system_identifier(&mut self, _: &[u8]) {}
    fn push_doctype_public_identifier(&mut self, _: &[u8]) {}
    fn push_doctype_system_identifier(&mut self, _: &[u8]) {}
    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.0.tag == TagKind::End && self.0.tag_name == self.0.last_start_tag
    }
}

/// Parses HTML (already decoded to a string) into a [`Dom`].
pub fn parse(html: &str) -> Dom {
    // Sized from what news pages hold once stripped, to spare regrowing: about a node per 50
    // bytes of markup and a third of the bytes kept as text and attribute values.
    let mut dom = Dom {
        nodes: Vec::with_capacity(html.len() / 50),
        attrs: Vec::with_capacity(html.len() / 200),
        strings: String::new(),
    };
    dom.nodes.push(DomNode {
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        next_sibling: NONE,
        kind: Kind::Document,
    });
    let mut builder = TreeBuilder {
        dom,
        bytes: Vec::with_capacity(html.len() / 3),
        text_start: 0,
        stack: Vec::new(),
        tag: TagKind::None,
        tag_name: Vec::new(),
        last_start_tag: Vec::new(),
        attr_name: Vec::new(),
        attr_kept: None,
        attr_value_start: 0,
        start_tag: None,
        attrs: Vec::new(),
    };
    // Reading from a `str` cannot fail.
    let _ = html5gum::Tokenizer::new_with_emitter(html, Sink(&mut builder)).finish();
    let mut dom = builder.dom;
    // The input is a `str`, and every piece is cut at ASCII markup or is a whole decoded
    // character, so the buffer is UTF-8. Were it not, each bad byte becomes '?', which keeps
    // every range where it was.
    dom.strings = String::from_utf8(builder.bytes).unwrap_or_else(|e| {
        let mut fixed = String::with_capacity(e.as_bytes().len());
        for chunk in e.as_bytes().utf8_chunks() {
            fixed.push_str(chunk.valid());
            fixed.extend(std::iter::repeat_n('?', chunk.invalid().len()));
        }
        fixed
    });
    dom
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
    fn a_misnested_formatting_end_tag_leaves_the_paragraph_open() {
        // The text after `</b>` stays in the paragraph it was written in.
        assert_eq!(
            shape("<div><b><p>One said</b> two more.</p><p>Next.</p></div>"),
            "<div><b><p>One said two more.</p></b><p>Next.</p></div>"
        );
        // A formatting end tag with nothing block-level inside closes as before, and a block
        // end tag still closes what it left open.
        assert_eq!(shape("<p>a <b>b</b> c</p>"), "<p>a <b>b</b> c</p>");
        assert_eq!(
            shape("<div><p>a <b>b</div>c"),
            "<div><p>a <b>b</b></p></div>c"
        );
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
        // Elements extraction does not tell apart are matched by name.
        assert_eq!(
            shape("<x-a><x-b>in</x-b>out</x-a>after"),
            "<x-a><x-b>in</x-b>out</x-a>after"
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
        // Attribute names are matched lowercase; only the attributes extraction reads are kept.
        assert_eq!(
            (div.attr(Attr::Class), div.attr(Attr::Id), div.tag()),
            (Some("article body"), Some("main"), Tag::Div)
        );
        let messy = parse("<ul><li>a<li>b<p>c</ul><table><tr><td>d<td>e</table><span>f</div>g");
        let walked: Vec<NodeId> = messy.root().descendants().map(|n| n.id()).collect();
        let numbered: Vec<NodeId> = messy.nodes().map(|n| n.id()).collect();
        assert_eq!(walked, numbered);
        // Metadata attributes are kept on the elements that carry metadata only.
        let links = parse(r#"<link rel=canonical href="https://a.example/x"><a href="/y">y</a>"#);
        let hrefs: Vec<_> = links
            .nodes()
            .filter_map(|n| n.as_element())
            .map(|e| e.attr(Attr::Href))
            .collect();
        assert_eq!(hrefs, [Some("https://a.example/x"), None]);
        // A tag cut off by the end of the input leaves nothing behind.
        assert_eq!(
            parse(r#"<p>kept</p><div class="cut off"#).root().text(),
            "kept"
        );
        // Repeated attributes: the first wins.
        let dup = parse(r#"<p class="first" class="second" id=x>t</p>"#);
        let p = dup.nodes().find_map(|n| n.as_element()).unwrap();
        assert_eq!(
            (p.attr(Attr::Class), p.attr(Attr::Id)),
            (Some("first"), Some("x"))
        );
        let deep = "<div>".repeat(50_000) + "deep";
        assert_eq!(parse(&deep).root().text(), "deep");
    }
}
