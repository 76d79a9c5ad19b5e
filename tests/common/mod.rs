//! Shared by the integration tests that run WASI programs (`wasi.rs`, `programs.rs`): one guest run
//! through the embedding API with captured stdio.

use anyhow::{Context, Result, bail};
use hayate::wasi::{self, InputSource, OutputBuffer, WasiCtx, WasiCtxBuilder};
use hayate::{Engine, Linker, Module, Store};
use std::path::Path;

/// What a guest did.
#[derive(Debug)]
pub struct Run {
    /// Its `proc_exit` code, or 0 when `_start` returned.
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the WASI command at `path` on `engine`, stdin empty and stdout/stderr captured, with the
/// context configured by `configure` (which adds the arguments, `argv[0]` first).
pub fn run_wasi(engine: &Engine, path: &Path, configure: impl FnOnce(WasiCtxBuilder) -> WasiCtxBuilder) -> Result<Run> {
    let bytes = std::fs::read(path).with_context(|| format!("{} (run the build.sh next to it)", path.display()))?;
    let module = Module::new(engine, &bytes)?;
    let (stdout, stderr) = (OutputBuffer::new(), OutputBuffer::new());
    let builder = WasiCtx::builder().stdin(InputSource::Null).stdout(stdout.clone()).stderr(stderr.clone());
    let mut store = Store::new(engine, configure(builder).build()?);
    let mut linker = Linker::new(engine);
    wasi::add_to_linker(&mut linker, |ctx| ctx)?;
    let instance = linker.instantiate(&mut store, &module)?;
    let start = instance.get_typed_func::<(), ()>(&store, "_start")?;
    let status = match start.call(&mut store, ()) {
        Ok(()) => 0,
        Err(e) => match e.i32_exit_status() {
            Some(status) => status,
            None => bail!("{} failed: {e}\nstderr: {}", path.display(), stderr.to_string_lossy()),
        },
    };
    Ok(Run { status, stdout: stdout.to_string_lossy(), stderr: stderr.to_string_lossy() })
}
