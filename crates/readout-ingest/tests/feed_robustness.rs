//! The feed reader on damaged feeds: it never panics, never loops, and a damaged item costs at
//! most itself and its neighbours, never the items after them.

use proptest::prelude::*;
use readout_ingest::feed::parse;

fn feed(n: usize) -> String {
    let mut xml =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\n");
    for i in 1..=n {
        xml.push_str(&format!(
            "<item><title>Item {i}</title><link>https://n.example/{i}</link><description><![CDATA[<p>Text {i}.</p>]]></description></item>\n"
        ));
    }
    xml.push_str("</channel></rss>\n");
    xml
}

const JUNK: &[&str] = &[
    "&",
    "<",
    ">",
    "</title>",
    "<item>",
    "</item>",
    "]]>",
    "<![CDATA[",
    "&#x0;",
    "&lol;",
    "\"",
    "é",
    "\u{0}",
    "</channel>",
    "<!DOCTYPE x [<!ENTITY a \"b\">]>",
];

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,2000}") {
        let _ = parse(&text);
    }

    #[test]
    fn junk_in_one_item_leaves_the_last_items(at in 0usize..400, junk in proptest::sample::select(JUNK)) {
        let mut xml = feed(10);
        // Damage inside the first items only.
        let mut at = at.min(xml.len());
        while !xml.is_char_boundary(at) {
            at -= 1;
        }
        xml.insert_str(at, junk);
        let entries = parse(&xml).entries;
        prop_assert!(entries.len() <= 12);
        let last = entries.iter().rev().take(5).filter_map(|e| e.as_ref().ok()).count();
        prop_assert!(last >= 4, "{entries:#?}");
    }
}
