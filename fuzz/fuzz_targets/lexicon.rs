#![no_main]
//! Fuzz target `lexicon`: see `readout::fuzz::TARGETS`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| readout::fuzz::run("lexicon", data));
