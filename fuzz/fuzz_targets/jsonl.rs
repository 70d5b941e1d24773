#![no_main]
//! Fuzz target `jsonl`: see `readout::fuzz::TARGETS`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| readout::fuzz::run("jsonl", data));
