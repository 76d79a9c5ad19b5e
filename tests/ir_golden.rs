//! Golden tests for the translator: each `tests/ir/NAME.wat` must translate to exactly the IR in
//! `tests/ir/NAME.ir`. Run with `BLESS=1` to rewrite the expectations after an intended change.

use std::path::Path;

#[test]
fn ir_matches_golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ir");
    let bless = std::env::var_os("BLESS").is_some();
    let mut wats: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "wat"))
        .collect();
    wats.sort();
    assert!(wats.len() >= 8, "golden inputs missing from {}", dir.display());
    let mut mismatches = Vec::new();
    for wat in wats {
        let text = std::fs::read_to_string(&wat).unwrap();
        // A first line `;; golden: fuel interruptible` (either word) translates as the engine
        // with that metering does.
        let options = text.lines().next().and_then(|l| l.strip_prefix(";; golden:")).unwrap_or("");
        let mut config = hayate::Config::new();
        config.consume_fuel(options.contains("fuel")).interruptible(options.contains("interruptible"));
        let engine = hayate::Engine::new(&config);
        let module = hayate::Module::new(&engine, text).unwrap();
        let mut actual = String::new();
        module.disassemble(None, &mut actual).unwrap();
        let expected_path = wat.with_extension("ir");
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            mismatches.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                wat.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(mismatches.is_empty(), "IR differs from golden files:\n{}", mismatches.join("\n"));
}
