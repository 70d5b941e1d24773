#![no_main]
//! Fuzz target `dates`: see `readout::fuzz::TARGETS`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| readout::fuzz::run("dates", data));
