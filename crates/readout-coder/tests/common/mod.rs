//! Helpers shared by the coder's test files.

use readout_doc::Kind;

/// Paragraphs separated by blank lines; a paragraph starting with "# " is the title.
pub fn paragraphs(text: &str) -> Vec<(Kind, &str)> {
    text.split("\n\n")
        .map(|p| match p.strip_prefix("# ") {
            Some(title) => (Kind::Title, title),
            None => (Kind::Body, p),
        })
        .collect()
}
