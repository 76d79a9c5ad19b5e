//! Build script: picks the instruction dispatcher. Tail-call dispatch (`cfg(hayate_tail_calls)`)
//! needs the optimizer to turn every handler's final call into a jump, which LLVM does reliably
//! at opt-level 2 or 3 on x86-64 and AArch64; elsewhere the portable `match` loop is used.
//! `HAYATE_DISPATCH=loop` forces the loop, and so does the `stats` feature (only the loop counts).
//!
//! It also links the `hayate` binary with packed relative relocations where the toolchain and the
//! C library support them (see [`packed_relocations`]).

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
    if packed_relocations() {
        println!("cargo::rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether to link the binary with `-z pack-relative-relocs` (DT_RELR). The binary is a PIE, and
/// every pointer in its tables (the handler table, the translator's visitor vtables of ~630
/// entries each) is a relative relocation that the dynamic loader applies at every start: about
/// 7400 of them, ~35K instructions of a 1.7M-instruction short run with plain RELA entries, a
/// fraction of that when packed. Only for a native Linux/glibc build whose C compiler driver links
/// and runs a probe with the flag (binutils 2.38+, glibc 2.36+); `HAYATE_RELR=0` turns it off.
fn packed_relocations() -> bool {
    println!("cargo::rerun-if-env-changed=HAYATE_RELR");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("HAYATE_RELR") == "0"
        || var("CARGO_CFG_TARGET_OS") != "linux"
        || var("CARGO_CFG_TARGET_ENV") != "gnu"
        || var("HOST") != var("TARGET")
    {
        return false;
    }
    let Some(out) = std::env::var_os("OUT_DIR") else { return false };
    let probe = std::path::Path::new(&out).join("relr-probe");
    let source = std::path::Path::new(&out).join("relr-probe.c");
    // A pointer in data, so the probe itself has a relative relocation to pack.
    let code = "static int x; int *volatile p = &x; int main(void) { return *p; }\n";
    if std::fs::write(&source, code).is_err() {
        return false;
    }
    let linked = std::process::Command::new("cc")
        .args(["-pie", "-fPIE", "-o"])
        .arg(&probe)
        .arg(&source)
        .args(["-Wl,-z,pack-relative-relocs", "-Wl,--fatal-warnings"])
        .output()
        .is_ok_and(|o| o.status.success());
    linked && std::process::Command::new(&probe).status().is_ok_and(|s| s.success())
}
