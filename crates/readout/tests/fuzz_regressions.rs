//! Replays what fuzzing keeps: every input in `fuzz/regressions/TARGET/` (crashes found and
//! fixed) and every seed in `fuzz/corpus/TARGET/`, through the same entry point the fuzz
//! targets call (`readout::fuzz::run`). A panic fails the test and names the file.

use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fuzz_dir().join(kind).join(target))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn every_kept_input_runs_through_its_target() {
    let mut ran = 0;
    for (target, _) in readout::fuzz::TARGETS {
        let seeds = inputs("corpus", target);
        assert!(!seeds.is_empty(), "fuzz/corpus/{target} has no seed");
        for file in seeds.iter().chain(&inputs("regressions", target)) {
            let data = std::fs::read(file).unwrap();
            let result = std::panic::catch_unwind(|| readout::fuzz::run(target, &data));
            assert!(result.is_ok(), "{target} panics on {}", file.display());
            ran += 1;
        }
        // The inputs every reader meets first: nothing, and bytes that are no format at all.
        readout::fuzz::run(target, b"");
        readout::fuzz::run(target, &[0xff, 0xfe, 0x00, 0x1f, 0x8b, 0x08, b'<', b'{']);
    }
    assert!(ran >= readout::fuzz::TARGETS.len());
}

#[test]
fn every_target_has_a_cargo_fuzz_binary() {
    let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
    for (target, _) in readout::fuzz::TARGETS {
        assert!(
            manifest.contains(&format!("name = \"{target}\"")),
            "fuzz/Cargo.toml has no target {target}"
        );
    }
}
