#![no_main]
//! Fuzz target `petrarch`: see `readout::fuzz::TARGETS`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| readout::fuzz::run("petrarch", data));
