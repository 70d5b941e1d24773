#![no_main]
//! Fuzz target `feed`: see `readout::fuzz::TARGETS`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| readout::fuzz::run("feed", data));
