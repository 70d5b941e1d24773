#![no_main]
//! Fuzz target `pipeline`: see `readout::fuzz::TARGETS`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| readout::fuzz::run("pipeline", data));
