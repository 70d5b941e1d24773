#![no_main]
//! Fuzz target `warc`: see `readout::fuzz::TARGETS`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| readout::fuzz::run("warc", data));
