//! Fuzz target: wasm-smith modules run on hayate and on wasmi, as in `tests/differential.rs` (which
//! this target includes); any divergence panics with the module printed.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(unused)]
#[path = "../../tests/differential.rs"]
mod differential;

fuzz_target!(|data: &[u8]| {
    let Some(wasm) = differential::smith_module(data) else { return };
    let report = differential::compare(&wasm, data.len() as u64);
    if !report.divergences.is_empty() {
        panic!(
            "hayate diverged from wasmi:\n  {}\n{}",
            report.divergences.join("\n  "),
            differential::module_text(&wasm)
        );
    }
});
