//! The WARC reader on arbitrary and damaged input: it reports, it never panics, and it never
//! loops.

use proptest::prelude::*;
use readout_ingest::warc::{http_payload, WarcReader};

fn record(uri: &str, body: &[u8]) -> Vec<u8> {
    let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
    block.extend_from_slice(body);
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

proptest! {
    // 256 cases each; set PROPTEST_CASES for a long fuzzing run.

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let n = WarcReader::new(&bytes[..]).take(10_000).count();
        prop_assert!(n < 10_000);
        let _ = http_payload(&bytes);
    }

    #[test]
    fn damaged_warc_files_never_panic(cut in 0usize..400, flip in 0usize..400, byte in any::<u8>()) {
        let mut data = record("https://a.example/1", b"<p>one</p>");
        data.extend(record("https://a.example/2", b"<p>two</p>"));
        if flip < data.len() {
            data[flip] = byte;
        }
        data.truncate(data.len().saturating_sub(cut));
        let items: Vec<_> = WarcReader::new(&data[..]).take(100).collect();
        // Two records, at most one error for each: the reader resumes at the next record after
        // a damaged one, so one flipped byte and one cut can cost at most the two records.
        prop_assert!(items.len() <= 4);
        prop_assert!(items.iter().filter(|i| i.is_err()).count() <= 2);
        prop_assert!(items.iter().filter(|i| i.is_ok()).count() <= 2);
        for item in items.into_iter().flatten() {
            let _ = http_payload(&item.block);
        }
    }
}
