//! WASI preview1 end to end: the C programs in `tests/wasi/` (built by `tests/wasi/build.sh`,
//! see there) run through the embedding API with in-memory stdio and through the `hayate run`
//! CLI, in fresh temporary directories. Each program checks its own results and exits non-zero
//! naming the first failed check; the sandbox battery is also checked from the host side.

mod common;

use anyhow::Result;
use common::{Run, run_wasi};
use hayate::wasi::{self, OutputBuffer, WasiCtx, WasiCtxBuilder};
use hayate::{Engine, Linker, Module, Store};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The path of test program `name` (`tests/wasi/NAME.wasm`).
fn program(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wasi").join(format!("{name}.wasm"))
}

/// A fresh, empty directory for one test, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn path(&self) -> &Path {
        &self.0
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("hayate-wasi-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    TempDir(dir)
}

/// Runs program `name` through the embedding API, with stdout and stderr captured and the
/// context configured by `configure`. Its status is its `proc_exit` code, or 0.
fn run(name: &str, configure: impl FnOnce(WasiCtxBuilder) -> WasiCtxBuilder) -> Result<Run> {
    run_wasi(&Engine::default(), &program(name), |b| configure(b.arg(name)))
}

/// Asserts that a program succeeded, printing `expected` and nothing on stderr.
fn assert_passes(run: &Run, expected: &str) {
    assert_eq!((run.status, run.stderr.as_str()), (0, ""), "stdout: {}", run.stdout);
    assert_eq!(run.stdout, expected);
}

/// Runs `hayate run ARGS` with `stdin`, from the crate root, with only `env` in its environment
/// besides PATH.
fn hayate(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hayate"))
        .arg("run")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_clear()
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot start hayate");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || std::io::Write::write_all(&mut input, &stdin));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    Run {
        status: output.status.code().expect("hayate was killed by a signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn files_seek_pread_pwrite_append_and_truncation() -> Result<()> {
    let dir = temp_dir("fileio");
    assert_passes(&run("fileio", |b| b.preopened_dir(dir.path(), "."))?, "fileio ok\n");
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 0, "fileio leaves nothing behind");
    Ok(())
}

#[test]
fn directories_readdir_cookies_rename_and_unlink() -> Result<()> {
    let dir = temp_dir("dirs");
    assert_passes(&run("dirs", |b| b.preopened_dir(dir.path(), "."))?, "dirs ok\n");
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 0);
    Ok(())
}

#[test]
fn symlinks_readlink_and_hard_links() -> Result<()> {
    let dir = temp_dir("links");
    assert_passes(&run("links", |b| b.preopened_dir(dir.path(), "."))?, "links ok\n");
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 0);
    Ok(())
}

#[test]
fn stat_times_set_exactly() -> Result<()> {
    let dir = temp_dir("times");
    assert_passes(&run("times", |b| b.preopened_dir(dir.path(), "."))?, "times ok\n");
    Ok(())
}

#[test]
fn path_edge_cases_trailing_slashes_and_nofollow() -> Result<()> {
    let dir = temp_dir("edges");
    assert_passes(&run("edges", |b| b.preopened_dir(dir.path(), "."))?, "edges ok\n");
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 0);
    Ok(())
}

#[test]
fn clocks_sleeping_random_and_calls_without_a_host_side() -> Result<()> {
    assert_passes(&run("clocks", |b| b)?, "clocks ok\n");
    Ok(())
}

#[test]
fn errno_of_every_failure_path_and_rights() -> Result<()> {
    let dir = temp_dir("errnos");
    assert_passes(&run("errnos", |b| b.preopened_dir(dir.path(), "/scratch"))?, "errnos ok\n");
    Ok(())
}

#[test]
fn stdin_from_memory_and_from_a_pipe() -> Result<()> {
    let text = "first line\nsecond\n";
    let expected = "FIRST LINE\nSECOND\n18 bytes, 2 lines\n";
    assert_passes(&run("stdin", |b| b.stdin(text))?, expected);
    assert_passes(&hayate(&["tests/wasi/stdin.wasm"], text.as_bytes(), &[]), expected);
    assert_passes(&run("stdin", |b| b.stdin(""))?, "0 bytes, 0 lines\n");
    Ok(())
}

#[test]
fn cli_passes_arguments_and_only_the_environment_asked_for() {
    let env = [("HOME", "/home/secret"), ("KEEP", "kept"), ("PATH", "/usr/bin")];
    let run = hayate(
        &[
            "--env",
            "A=1",
            "--env",
            "KEEP",
            "--env",
            "UNSET",
            "--env",
            "B=x=y",
            "tests/wasi/args_env.wasm",
            "one",
            "two words",
        ],
        b"",
        &env,
    );
    assert_passes(
        &run,
        "argc=3\nargv[0]=tests/wasi/args_env.wasm\nargv[1]=one\nargv[2]=two words\n\
         env A=1\nenv KEEP=kept\nenv B=x=y\nHOME=(unset)\n",
    );
}

#[test]
fn exit_status_is_the_proc_exit_code() {
    for code in ["0", "1", "7", "42", "125"] {
        let run = hayate(&["tests/wasi/args_env.wasm", "exit", code], b"", &[]);
        assert_eq!(run.status, code.parse::<i32>().unwrap(), "{run:?}");
        assert!(run.stdout.starts_with("argc=3\n"), "{run:?}");
    }
}

#[test]
fn cli_dir_maps_host_directories_to_guest_names() -> Result<()> {
    let dir = temp_dir("cli-dir");
    std::fs::write(dir.join("in.txt"), "some text\n")?;
    let host = dir.to_str().unwrap();
    // HOST::GUEST.
    let run = hayate(&["--dir", &format!("{host}::/data"), "tests/wasi/cat.wasm", "/data/in.txt"], b"", &[]);
    assert_passes(&run, "some text\n");
    // HOST alone: the guest sees it under the same name.
    let run = hayate(&["--dir", host, "tests/wasi/cat.wasm", &format!("{host}/in.txt")], b"", &[]);
    assert_passes(&run, "some text\n");
    // Without --dir there is nothing to read, and `..` does not get out.
    let run = hayate(&["tests/wasi/cat.wasm", &format!("{host}/in.txt")], b"", &[]);
    assert_eq!((run.status, run.stdout.as_str()), (1, ""), "{run:?}");
    let run = hayate(&["--dir", &format!("{host}::/data"), "tests/wasi/cat.wasm", "/data/../Cargo.toml"], b"", &[]);
    assert_eq!((run.status, run.stdout.as_str()), (1, ""), "{run:?}");
    assert!(run.stderr.contains("Operation not permitted"), "{run:?}");
    // Without `run`, as wasmtime's command line (and harnesses written for it) allow.
    let mut args = vec!["--env".to_string(), "A=1".into(), "--dir".into(), format!("{host}::/data")];
    args.extend(["tests/wasi/cat.wasm".into(), "/data/in.txt".into()]);
    let output = Command::new(env!("CARGO_BIN_EXE_hayate"))
        .args(&args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()?;
    assert_eq!((output.status.code(), output.stdout.as_slice()), (Some(0), &b"some text\n"[..]));
    // Stdin is inherited.
    assert_passes(&hayate(&["tests/wasi/cat.wasm"], b"piped\n", &[]), "piped\n");
    // A missing directory is an error naming it.
    let run = hayate(&["--dir", "/no/such/dir", "tests/wasi/cat.wasm"], b"", &[]);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("`/no/such/dir`"), "{run:?}");
    Ok(())
}

/// The sandbox battery: `escape.wasm` tries everything from inside; here we check that nothing
/// outside the preopens was read into its output, created, removed or changed.
#[test]
fn sandbox_escapes_are_refused_and_nothing_outside_changes() -> Result<()> {
    let root = temp_dir("escape");
    let (sandbox, other) = (root.join("sandbox"), root.join("other"));
    std::fs::create_dir_all(sandbox.join("sub/deeper"))?;
    std::fs::create_dir_all(&other)?;
    std::fs::write(root.join("outside.txt"), "secret\n")?;
    std::fs::write(sandbox.join("inside.txt"), "inside\n")?;
    std::fs::write(other.join("o.txt"), "o\n")?;
    std::os::unix::fs::symlink(root.join("outside.txt"), sandbox.join("abs_link"))?;
    std::os::unix::fs::symlink("../outside.txt", sandbox.join("rel_link"))?;
    std::os::unix::fs::symlink("..", sandbox.join("up"))?;
    let listing = |dir: &Path| -> Result<Vec<String>> {
        let mut names: Vec<String> = std::fs::read_dir(dir)?
            .map(|e| Ok(e?.file_name().to_string_lossy().into_owned()))
            .collect::<Result<_>>()?;
        names.sort();
        Ok(names)
    };
    let outside_meta = std::fs::metadata(root.join("outside.txt"))?;

    let run = run("escape", |b| b.preopened_dir(&sandbox, "/sandbox").preopened_dir(&other, "/other"))?;
    assert_eq!((run.status, run.stderr.as_str()), (0, ""), "stdout: {}", run.stdout);
    assert!(run.stdout.starts_with("escape ok: "), "{}", run.stdout);
    assert!(!run.stdout.contains("secret"));

    assert_eq!(listing(&root)?, ["other", "outside.txt", "sandbox"]);
    assert_eq!(listing(&other)?, ["o.txt"]);
    // Not even read: its access time stands (checked before reading it here).
    let after = std::fs::metadata(root.join("outside.txt"))?;
    assert_eq!((after.modified()?, after.accessed()?), (outside_meta.modified()?, outside_meta.accessed()?));
    assert_eq!(std::fs::read_to_string(root.join("outside.txt"))?, "secret\n");
    assert_eq!(std::fs::read_to_string(sandbox.join("inside.txt"))?, "inside\n");
    Ok(())
}

/// A module that imports every preview1 function with its witx signature links, and an unknown
/// one is refused by name.
#[test]
fn every_preview1_function_is_defined_with_its_signature() -> Result<()> {
    const FUNCS: &[(&str, &str, bool)] = &[
        ("args_get", "i32 i32", true),
        ("args_sizes_get", "i32 i32", true),
        ("environ_get", "i32 i32", true),
        ("environ_sizes_get", "i32 i32", true),
        ("clock_res_get", "i32 i32", true),
        ("clock_time_get", "i32 i64 i32", true),
        ("fd_advise", "i32 i64 i64 i32", true),
        ("fd_allocate", "i32 i64 i64", true),
        ("fd_close", "i32", true),
        ("fd_datasync", "i32", true),
        ("fd_fdstat_get", "i32 i32", true),
        ("fd_fdstat_set_flags", "i32 i32", true),
        ("fd_fdstat_set_rights", "i32 i64 i64", true),
        ("fd_filestat_get", "i32 i32", true),
        ("fd_filestat_set_size", "i32 i64", true),
        ("fd_filestat_set_times", "i32 i64 i64 i32", true),
        ("fd_pread", "i32 i32 i32 i64 i32", true),
        ("fd_prestat_get", "i32 i32", true),
        ("fd_prestat_dir_name", "i32 i32 i32", true),
        ("fd_pwrite", "i32 i32 i32 i64 i32", true),
        ("fd_read", "i32 i32 i32 i32", true),
        ("fd_readdir", "i32 i32 i32 i64 i32", true),
        ("fd_renumber", "i32 i32", true),
        ("fd_seek", "i32 i64 i32 i32", true),
        ("fd_sync", "i32", true),
        ("fd_tell", "i32 i32", true),
        ("fd_write", "i32 i32 i32 i32", true),
        ("path_create_directory", "i32 i32 i32", true),
        ("path_filestat_get", "i32 i32 i32 i32 i32", true),
        ("path_filestat_set_times", "i32 i32 i32 i32 i64 i64 i32", true),
        ("path_link", "i32 i32 i32 i32 i32 i32 i32", true),
        ("path_open", "i32 i32 i32 i32 i32 i64 i64 i32 i32", true),
        ("path_readlink", "i32 i32 i32 i32 i32 i32", true),
        ("path_remove_directory", "i32 i32 i32", true),
        ("path_rename", "i32 i32 i32 i32 i32 i32", true),
        ("path_symlink", "i32 i32 i32 i32 i32", true),
        ("path_unlink_file", "i32 i32 i32", true),
        ("poll_oneoff", "i32 i32 i32 i32", true),
        ("proc_exit", "i32", false),
        ("proc_raise", "i32", true),
        ("sched_yield", "", true),
        ("random_get", "i32 i32", true),
        ("sock_accept", "i32 i32 i32", true),
        ("sock_recv", "i32 i32 i32 i32 i32 i32", true),
        ("sock_send", "i32 i32 i32 i32 i32", true),
        ("sock_shutdown", "i32 i32", true),
    ];
    assert_eq!(FUNCS.len(), 46);
    let imports: String = FUNCS
        .iter()
        .map(|(name, params, result)| {
            let result = if *result { "(result i32)" } else { "" };
            format!("(import \"wasi_snapshot_preview1\" \"{name}\" (func (param {params}) {result}))\n")
        })
        .collect();
    let engine = Engine::default();
    let link = |extra: &str| -> hayate::Result<()> {
        let wat = format!("(module {imports} {extra} (memory (export \"memory\") 1))");
        let module = Module::new(&engine, wat.as_str())?;
        let mut store = Store::new(&engine, WasiCtx::default());
        let mut linker = Linker::new(&engine);
        wasi::add_to_linker(&mut linker, |ctx| ctx)?;
        linker.instantiate(&mut store, &module).map(drop)
    };
    link("")?;
    let err = link(r#"(import "wasi_snapshot_preview1" "fd_frobnicate" (func (param i32) (result i32)))"#)
        .expect_err("an unknown WASI function must not link");
    assert!(err.to_string().contains("wasi_snapshot_preview1::fd_frobnicate"), "{err}");
    Ok(())
}

/// Writes to a closed pipe, reads past the end of guest memory and calls without a memory export
/// are errors the guest or the embedder sees, never a host crash.
#[test]
fn functions_needing_memory_say_so_when_there_is_none() -> Result<()> {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
             (import "wasi_snapshot_preview1" "fd_close" (func $c (param i32) (result i32)))
             (func (export "close") (result i32) (call $c (i32.const 1)))
             (func (export "write") (result i32) (call $w (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 0))))"#,
    )?;
    let mut store = Store::new(&engine, WasiCtx::builder().stdout(OutputBuffer::new()).build()?);
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, |ctx| ctx)?;
    let instance = linker.instantiate(&mut store, &module)?;
    let write = instance.get_typed_func::<(), i32>(&store, "write")?;
    let err = write.call(&mut store, ()).expect_err("fd_write without memory");
    assert!(err.to_string().contains("`fd_write`") && err.to_string().contains("`memory`"), "{err}");
    // fd_close takes no pointer and works without a memory.
    assert_eq!(instance.get_typed_func::<(), i32>(&store, "close")?.call(&mut store, ())?, 0);
    assert_eq!(instance.get_typed_func::<(), i32>(&store, "close")?.call(&mut store, ())?, 8);
    Ok(())
}
