//! Build script: picks the instruction dispatcher. Tail-call dispatch (`cfg(hayate_tail_calls)`)
//! needs the optimizer to turn every handler's final call into a jump, which LLVM does reliably
//! at opt-level 2 or 3 on x86-64 and AArch64; elsewhere the portable `match` loop is used.
//! `HAYATE_DISPATCH=loop` forces the loop, and so does the `stats` feature (only the loop counts).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(hayate_tail_calls)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=HAYATE_DISPATCH");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let optimized = matches!(var("OPT_LEVEL").as_str(), "2" | "3");
    let debug_assertions = std::env::var_os("CARGO_CFG_DEBUG_ASSERTIONS").is_some();
    let arch_ok = matches!(var("CARGO_CFG_TARGET_ARCH").as_str(), "x86_64" | "aarch64");
    if optimized
        && !debug_assertions
        && arch_ok
        && var("HAYATE_DISPATCH") != "loop"
        && var("CARGO_FEATURE_STATS").is_empty()
    {
        println!("cargo::rustc-cfg=hayate_tail_calls");
    }
}
