#![no_main]
//! Fuzz target `auto`: see `readout::fuzz::TARGETS`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| readout::fuzz::run("auto", data));
