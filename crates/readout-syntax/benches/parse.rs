//! Tagging and parsing speed on real text (divan). Run: `cargo bench -p readout-syntax`.
fn main() {}
