#![no_main]
//! Fuzz target `scraped`: see `readout::fuzz::TARGETS`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| readout::fuzz::run("scraped", data));
