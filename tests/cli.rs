//! End-to-end tests of the `hayate` binary: `run` (WASI `_start` and `--invoke`), `ir`, exit
//! statuses, and the one-line messages of every error the CLI reports.

use std::path::PathBuf;
use std::process::Command;

/// What one `hayate` process did.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs `hayate` with `args` from the crate root (so `wat/...` paths work).
fn hayate(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_hayate"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cannot start the hayate binary");
    Run {
        status: output.status.code().expect("hayate was killed by a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is not UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is not UTF-8"),
    }
}

/// Writes `contents` to a fresh file `name` in this test process's temporary directory.
fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> String {
    let dir: PathBuf = std::env::temp_dir().join(format!("hayate-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_str().unwrap().to_string()
}

/// Asserts that `run` succeeded with exactly `stdout` and nothing on stderr.
fn assert_output(run: &Run, stdout: &str) {
    assert_eq!((run.status, run.stderr.as_str()), (0, ""), "stdout: {}", run.stdout);
    assert_eq!(run.stdout, stdout);
}

/// Asserts that `run` failed with status 1 and one `error: ...` line mentioning each of `needles`.
fn assert_error(run: &Run, needles: &[&str]) {
    assert_eq!(run.status, 1, "stderr: {}", run.stderr);
    assert!(run.stderr.starts_with("error: "), "stderr: {}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "not one line: {}", run.stderr);
    for needle in needles {
        assert!(run.stderr.contains(needle), "`{needle}` not in: {}", run.stderr);
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

const ARITH_WAT: &str = r#"
(module
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "add64") (param i64 i64) (result i64) (i64.add (local.get 0) (local.get 1)))
  (func (export "mul32") (param f32 f32) (result f32) (f32.mul (local.get 0) (local.get 1)))
  (func (export "mul64") (param f64 f64) (result f64) (f64.mul (local.get 0) (local.get 1)))
  (func (export "pair") (param i32) (result i32 i64)
    (local.get 0) (i64.extend_i32_s (local.get 0)))
  (func (export "nothing")))
"#;

/// Prints argv and then the environment, each as WASI lays it out (NUL-terminated strings).
const ARGS_WAT: &str = r#"
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func $print (param $buf i32) (param $len i32)
    (i32.store (i32.const 8) (local.get $buf))
    (i32.store (i32.const 12) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 8) (i32.const 1) (i32.const 16))))
  (func (export "_start")
    (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))
    (drop (call $args_get (i32.const 1024) (i32.const 4096)))
    (call $print (i32.const 4096) (i32.load (i32.const 4)))
    (drop (call $environ_sizes_get (i32.const 0) (i32.const 4)))
    (drop (call $environ_get (i32.const 2048) (i32.const 8192)))
    (call $print (i32.const 8192) (i32.load (i32.const 4)))))
"#;

#[test]
fn hello_prints_hello_world() {
    assert_output(&hayate(&["run", "wat/hello.wat"]), "Hello, World!\n");
}

#[test]
fn binary_modules_run_too() {
    let wasm = wat::parse_file(concat!(env!("CARGO_MANIFEST_DIR"), "/wat/hello.wat")).unwrap();
    let file = temp_file("hello.wasm", wasm);
    assert_output(&hayate(&["run", &file]), "Hello, World!\n");
    // Content decides, not the extension.
    let file = temp_file("fib.wasm", std::fs::read("wat/fib.wat").unwrap());
    assert_output(&hayate(&["run", "--invoke", "fib", &file, "10"]), "55\n");
}

#[test]
fn invoke_fib() {
    assert_output(&hayate(&["run", "--invoke", "fib", "wat/fib.wat", "30"]), "832040\n");
    assert_output(&hayate(&["run", "--invoke", "fib", "wat/fib.wat", "0xa"]), "55\n");
}

#[test]
fn invoke_parses_hex_and_negative_arguments() {
    let file = temp_file("arith.wat", ARITH_WAT);
    let invoke = |args: &[&str]| {
        let mut all = vec!["run", "--invoke", args[0], &file];
        all.extend_from_slice(&args[1..]);
        hayate(&all)
    };
    assert_output(&invoke(&["add", "0x10", "-3"]), "13\n");
    assert_output(&invoke(&["add", "-0x10", "-1"]), "-17\n");
    assert_output(&invoke(&["add", "0xffffffff", "0"]), "-1\n");
    assert_output(&invoke(&["add", "2147483647", "1"]), "-2147483648\n");
    assert_output(&invoke(&["add64", "-9223372036854775808", "0x7fffffffffffffff"]), "-1\n");
    assert_output(&invoke(&["add64", "0x100000000", "-1"]), "4294967295\n");
    assert_output(&invoke(&["mul32", "1.5", "-2"]), "-3\n");
    assert_output(&invoke(&["mul64", "-inf", "2"]), "-inf\n");
    assert_output(&invoke(&["mul64", "inf", "0.5"]), "inf\n");
    assert_output(&invoke(&["mul64", "nan", "1"]), "NaN\n");
    assert_output(&invoke(&["mul64", "0.1", "3"]), "0.30000000000000004\n");
    assert_output(&invoke(&["pair", "-7"]), "-7\n-7\n");
    assert_output(&invoke(&["nothing"]), "");
}

/// A `v128` argument is one unsigned 128-bit integer (decimal or hex); a `v128` result prints as
/// an unsigned decimal, as `wasmtime run --invoke` prints it.
#[test]
fn invoke_takes_and_prints_v128() {
    let file = temp_file(
        "v128.wat",
        r#"(module (func (export "twice") (param v128) (result v128 i32)
             (i32x4.add (local.get 0) (local.get 0)) (i32.const 3)))"#,
    );
    let run = hayate(&["run", "--invoke", "twice", &file, "0x0000000400000003_0000000200000001"]);
    assert_output(&run, &format!("{}\n3\n", 0x0000000800000006_0000000400000002u128));
    assert_output(&hayate(&["run", "--invoke", "twice", &file, "5"]), "10\n3\n");
    assert_error(&hayate(&["run", "--invoke", "twice", &file, "-1"]), &["v128"]);
}

#[test]
fn guest_gets_argv_and_environment() {
    let file = temp_file("args.wat", ARGS_WAT);
    let run = hayate(&["run", "--env", "GREETING=hi there", "--env", "EMPTY=", &file, "-x", "--invoke", "two words"]);
    let expected = format!("{file}\0-x\0--invoke\0two words\0GREETING=hi there\0EMPTY=\0");
    assert_output(&run, &expected);
    // Nothing but argv[0] and no environment by default.
    assert_output(&hayate(&["run", &file]), &format!("{file}\0"));
}

#[test]
fn everything_after_file_goes_to_the_guest() {
    let file = temp_file("args_after_file.wat", ARGS_WAT);
    // hayate's own flags, the `--` separator and options with values, each as the first argument
    // after FILE and later on, with `run` written out or left out.
    let guest_args =
        ["--help", "-h", "--", "-V", "--version", "--invoke", "f", "--dir", ".", "--env", "A=b", "--eager"];
    for first in 0..guest_args.len() {
        let args = &guest_args[first..];
        let expected: String =
            std::iter::once(file.as_str()).chain(args.iter().copied()).map(|a| format!("{a}\0")).collect();
        for run in [&["run"][..], &[]] {
            let mut all = run.to_vec();
            all.push(&file);
            all.extend_from_slice(args);
            assert_output(&hayate(&all), &expected);
            // Options before FILE are still hayate's.
            let mut all = run.to_vec();
            all.extend_from_slice(&["--env", "X=1", &file]);
            all.extend_from_slice(args);
            assert_output(&hayate(&all), &format!("{expected}X=1\0"));
        }
    }
    // `--` before FILE ends hayate's options and is not the guest's.
    assert_output(&hayate(&["run", "--", &file, "--", "x"]), &format!("{file}\0--\0x\0"));
}

#[test]
fn help_and_version_before_file_are_hayates() {
    for help in [&["--help"][..], &["-h"], &["help"], &["help", "run"], &["run", "--help"], &["run", "-h"]] {
        let run = hayate(help);
        assert_eq!((run.status, run.stderr.as_str()), (0, ""), "{help:?}");
        assert!(run.stdout.contains("Usage: hayate"), "{help:?}: {}", run.stdout);
    }
    let run = hayate(&["run", "--help"]);
    assert!(run.stdout.contains("Usage: hayate run [OPTIONS] <FILE> [ARGS]..."), "{}", run.stdout);
    assert!(run.stdout.contains("--invoke <NAME>"), "{}", run.stdout);
    for version in ["--version", "-V"] {
        assert_output(&hayate(&[version]), &format!("hayate {}\n", env!("CARGO_PKG_VERSION")));
    }
    // A missing FILE is still an error, with the usage.
    let run = hayate(&["run", "--env", "A=b"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("<FILE>"), "{}", run.stderr);
}

#[test]
fn proc_exit_status_propagates() {
    let file = temp_file(
        "exit.wat",
        r#"
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
          (memory (export "memory") 1)
          (data (i32.const 32) "bye\n")
          (func (export "_start")
            (i32.store (i32.const 0) (i32.const 32))
            (i32.store (i32.const 4) (i32.const 4))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
            (call $proc_exit (i32.const 42))
            unreachable)
          (func (export "exit_with") (param i32)
            (call $proc_exit (local.get 0))))
        "#,
    );
    let run = hayate(&["run", &file]);
    assert_eq!((run.status, run.stdout.as_str(), run.stderr.as_str()), (42, "bye\n", ""));
    let run = hayate(&["run", "--invoke", "exit_with", &file, "0"]);
    assert_eq!((run.status, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""));
    let run = hayate(&["run", "--invoke", "exit_with", &file, "7"]);
    assert_eq!((run.status, run.stdout.as_str(), run.stderr.as_str()), (7, "", ""));
}

#[test]
fn start_returning_normally_exits_zero() {
    let file = temp_file("empty_start.wat", r#"(module (func (export "_start")))"#);
    assert_output(&hayate(&["run", &file]), "");
}

#[test]
fn trap_exits_134_with_message_and_backtrace() {
    let file = temp_file(
        "trap.wat",
        r#"
        (module
          (func $inner (unreachable))
          (func $outer (call $inner))
          (func (export "_start") (call $outer))
          (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
        "#,
    );
    let run = hayate(&["run", &file]);
    assert_eq!(run.status, 134, "stderr: {}", run.stderr);
    assert!(run.stderr.contains("unreachable"), "{}", run.stderr);
    assert!(run.stderr.contains("wasm backtrace"), "{}", run.stderr);
    assert!(run.stderr.contains("inner (func 0)"), "{}", run.stderr);
    assert!(run.stderr.contains("outer (func 1)"), "{}", run.stderr);
    let run = hayate(&["run", "--invoke", "div", &file, "1", "0"]);
    assert_eq!(run.status, 134, "stderr: {}", run.stderr);
    assert!(run.stderr.contains("integer divide by zero"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn an_uncaught_exception_exits_1_with_its_tag_values_and_backtrace() {
    let file = temp_file(
        "throw.wat",
        r#"
        (module
          (tag $oops (export "oops") (param i32))
          (func $inner (throw $oops (i32.const 42)))
          (func (export "_start") (call $inner)))
        "#,
    );
    let run = hayate(&["run", &file]);
    assert_eq!(run.status, 1, "stderr: {}", run.stderr);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    for needle in ["uncaught wasm exception", "`oops`", "42", "inner (func 0)"] {
        assert!(run.stderr.contains(needle), "`{needle}` not in: {}", run.stderr);
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn missing_file_is_an_error() {
    assert_error(&hayate(&["run", "no/such/file.wasm"]), &["no/such/file.wasm"]);
    assert_error(&hayate(&["ir", "no/such/file.wat"]), &["no/such/file.wat"]);
}

#[test]
fn malformed_modules_are_errors() {
    let file = temp_file("garbage.wasm", b"\0asm\x01\0\0\0\x01\xff\xff\xff");
    assert_error(&hayate(&["run", &file]), &["garbage.wasm", "malformed", "offset"]);
    let file = temp_file("not_wasm.wasm", b"\x7fELF\x02\x01\x01");
    assert_error(&hayate(&["run", &file]), &["not_wasm.wasm", "malformed"]);
    let file = temp_file("unbalanced.wat", "(module\n  (func (export \"f\")\n");
    assert_error(&hayate(&["run", &file]), &["unbalanced.wat", "malformed", "line 3"]);
}

#[test]
fn invalid_module_is_an_error() {
    let file = temp_file("invalid.wat", r#"(module (func (export "f") (result i32) (i64.const 1)))"#);
    assert_error(
        &hayate(&["run", "--invoke", "f", &file]),
        &["invalid.wat", "invalid module", "type mismatch", "offset"],
    );
}

#[test]
fn missing_export_is_an_error() {
    assert_error(&hayate(&["run", "--invoke", "fob", "wat/fib.wat", "1"]), &["wat/fib.wat", "`fob`"]);
    assert_error(&hayate(&["run", "wat/fib.wat"]), &["wat/fib.wat", "`_start`"]);
    let file = temp_file("export_memory.wat", r#"(module (memory (export "mem") 1))"#);
    assert_error(&hayate(&["run", "--invoke", "mem", &file]), &["`mem`"]);
}

#[test]
fn wrong_argument_count_is_an_error() {
    assert_error(&hayate(&["run", "--invoke", "fib", "wat/fib.wat"]), &["`fib`", "1 argument", "0 were given"]);
    assert_error(&hayate(&["run", "--invoke", "fib", "wat/fib.wat", "1", "2"]), &["`fib`", "2 were given"]);
}

#[test]
fn unparsable_argument_is_an_error() {
    assert_error(
        &hayate(&["run", "--invoke", "fib", "wat/fib.wat", "thirty"]),
        &["`thirty`", "parameter 0", "`fib`", "i32"],
    );
    assert_error(&hayate(&["run", "--invoke", "fib", "wat/fib.wat", "4294967296"]), &["`4294967296`"]);
    assert_error(&hayate(&["run", "--invoke", "fib", "wat/fib.wat", "1.5"]), &["`1.5`"]);
    let file = temp_file("floats.wat", ARITH_WAT);
    assert_error(&hayate(&["run", "--invoke", "mul64", &file, "1", "one"]), &["`one`", "parameter 1", "f64"]);
}

#[test]
fn unknown_wasi_import_is_an_error() {
    let file = temp_file(
        "fd_frobnicate.wat",
        r#"
        (module
          (import "wasi_snapshot_preview1" "fd_frobnicate" (func (param i32 i32 i32 i32) (result i32)))
          (func (export "_start")))
        "#,
    );
    assert_error(
        &hayate(&["run", &file]),
        &["unknown import", "`wasi_snapshot_preview1::fd_frobnicate` has not been defined"],
    );
}

#[test]
fn mismatched_wasi_import_type_is_an_error() {
    let file = temp_file(
        "bad_fd_write.wat",
        r#"
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func (param i32) (result i32)))
          (func (export "_start")))
        "#,
    );
    assert_error(&hayate(&["run", &file]), &["`wasi_snapshot_preview1::fd_write`"]);
}

#[test]
fn ir_prints_instructions() {
    let run = hayate(&["ir", "wat/fib.wat"]);
    assert_eq!((run.status, run.stderr.as_str()), (0, ""));
    assert!(run.stdout.starts_with("func 0 $fib"), "{}", run.stdout);
    assert!(run.stdout.lines().count() > 3, "{}", run.stdout);
    // Selecting by export name, by index and by name-section name gives the same listing.
    assert_output(&hayate(&["ir", "wat/fib.wat", "--func", "fib"]), &run.stdout);
    assert_output(&hayate(&["ir", "--func", "0", "wat/fib.wat"]), &run.stdout);
    let file = temp_file(
        "named.wat",
        r#"
        (module
          (import "env" "f" (func $imported))
          (func $first (export "one") (nop))
          (func $second (export "two") (result i32) (i32.const 2)))
        "#,
    );
    let two = hayate(&["ir", &file, "--func", "two"]);
    assert!(two.stdout.starts_with("func 2 $second"), "{}", two.stdout);
    assert_output(&hayate(&["ir", &file, "--func", "second"]), &two.stdout);
    assert_output(&hayate(&["ir", &file, "--func", "2"]), &two.stdout);
    assert_error(&hayate(&["ir", &file, "--func", "0"]), &["function 0", "imported"]);
    assert_error(&hayate(&["ir", &file, "--func", "9"]), &["no function 9"]);
    assert_error(&hayate(&["ir", &file, "--func", "third"]), &["`third`"]);
    // `--fuel` shows the metered code: a charge at the function's entry and at each loop head.
    assert!(!run.stdout.contains("ConsumeFuel"), "{}", run.stdout);
    let metered = hayate(&["ir", "--fuel", "wat/count.wat"]);
    assert_eq!((metered.status, metered.stderr.as_str()), (0, ""));
    assert_eq!(metered.stdout.matches("ConsumeFuel").count(), 2, "{}", metered.stdout);
}

#[test]
fn version_is_printed() {
    let run = hayate(&["--version"]);
    assert_output(&run, &format!("hayate {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn deep_recursion_traps_with_a_short_backtrace() {
    let file = temp_file("recurse.wat", r#"(module (func $down (export "down") (call $down)))"#);
    let run = hayate(&["run", "--invoke", "down", &file]);
    assert_eq!(run.status, 134, "stderr: {}", run.stderr);
    assert!(run.stderr.contains("call stack exhausted"), "{}", run.stderr);
    assert!(run.stderr.contains("0: down (func 0)"), "{}", run.stderr);
    assert!(run.stderr.lines().count() < 10, "{}", run.stderr);
}

#[test]
#[cfg(not(feature = "stats"))]
fn stats_needs_the_stats_feature() {
    let out = temp_file("refused.tsv", "");
    let run = hayate(&["run", "--stats", &out, "--invoke", "fib", "wat/fib.wat", "10"]);
    assert_eq!(run.status, 1, "stdout: {}", run.stdout);
    assert_error(&run, &["--stats", "`stats` feature"]);
}

#[test]
#[cfg(feature = "stats")]
fn stats_counts_every_instruction_executed() {
    let out = temp_file("fib.tsv", "");
    let run = hayate(&["run", "--stats", &out, "--invoke", "fib", "wat/fib.wat", "20"]);
    assert_output(&run, "6765\n");
    let text = std::fs::read_to_string(&out).unwrap();
    let count = |kind: &str| -> Vec<(String, u64)> {
        text.lines()
            .filter_map(|l| l.strip_prefix(kind))
            .map(|l| {
                let (key, n) = l.rsplit_once('\t').unwrap();
                (key.to_string(), n.parse().unwrap())
            })
            .collect()
    };
    let (ops, pairs, triples) = (count("op\t"), count("pair\t"), count("triple\t"));
    let of = |name: &str| ops.iter().find(|(k, _)| k == name).map_or(0, |(_, n)| *n);
    // fib(20) makes 21891 calls in all: the entry call and 21890 `call`s, each returning once.
    assert_eq!((of("CallInternal"), of("Return1")), (21890, 21891));
    let total: u64 = ops.iter().map(|(_, n)| n).sum();
    // One stream of instructions: every one but the first starts a pair, all but two a triple.
    assert_eq!(pairs.iter().map(|(_, n)| n).sum::<u64>(), total - 1);
    assert_eq!(triples.iter().map(|(_, n)| n).sum::<u64>(), total - 2);
    assert!(ops.windows(2).all(|w| w[0].1 >= w[1].1), "not sorted by count");
}

const WAST_SCRIPT: &str = r#"(module
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
(assert_return (invoke "add" (i32.const 2) (i32.const 40)) (i32.const 42))
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")
(assert_malformed (module quote "(func (i32.const))") "unexpected token")
"#;

#[test]
fn wast_runs_scripts_and_counts_directives() {
    let file = temp_file("pass.wast", WAST_SCRIPT);
    let run = hayate(&["wast", &file]);
    assert_output(&run, &format!("{file}: 5 passed, 0 failed\n"));
    // Eager translation judges the same script the same way.
    assert_output(&hayate(&["wast", "--eager", &file]), &format!("{file}: 5 passed, 0 failed\n"));
}

#[test]
fn wast_reports_each_failing_directive_with_its_line() {
    let good = temp_file("good.wast", WAST_SCRIPT);
    let bad = temp_file(
        "bad.wast",
        format!(
            "{WAST_SCRIPT}(assert_return (invoke \"add\" (i32.const 1) (i32.const 1)) (i32.const 3))\n(assert_trap (invoke \"add\" (i32.const 1) (i32.const 1)) \"unreachable\")\n"
        ),
    );
    let run = hayate(&["wast", &good, &bad]);
    assert_eq!(run.status, 1, "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], format!("{good}: 5 passed, 0 failed"));
    assert_eq!(lines[1], format!("{bad}: 5 passed, 2 failed"));
    assert!(lines[2].starts_with(&format!("{bad}:8: expected [i32 3], got [i32 2]")), "{}", run.stdout);
    assert!(lines[3].starts_with(&format!("{bad}:9: expected trap `unreachable`, returned")), "{}", run.stdout);
    assert_eq!(lines[4], "total: 10 passed, 2 failed");
}

#[test]
fn wast_errors_are_reported() {
    assert_error(&hayate(&["wast", "no/such/script.wast"]), &["no/such/script.wast"]);
    let unparsable = temp_file("unparsable.wast", "(module\n  (func (export \"f\")\n");
    let run = hayate(&["wast", &unparsable]);
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains(&format!("{unparsable}:")) && run.stdout.contains("cannot parse"), "{}", run.stdout);
}
