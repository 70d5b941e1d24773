#![no_main]
//! Fuzz target `sentences`: see `readout::fuzz::TARGETS`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| readout::fuzz::run("sentences", data));
