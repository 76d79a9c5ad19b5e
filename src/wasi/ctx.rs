//! [`WasiCtx`], the per-store WASI state a host function reaches through the store's data, and its
//! [`WasiCtxBuilder`].

use super::fs::DirDesc;
use super::guest::StringList;
use super::input::InputSource;
use super::output::{HostStream, OutputSink};
use super::table::{Desc, FdTable};
use crate::error::{Error, Result};
use std::path::PathBuf;

/// The WASI state of one guest program: its arguments, environment and descriptor table (stdio,
/// preopened directories, and whatever the guest opened since).
///
/// Put it in (or inside) a store's host data and register the WASI functions with
/// [`add_to_linker`](super::add_to_linker). Build one with [`WasiCtx::builder`].
#[derive(Debug)]
pub struct WasiCtx {
    pub(crate) args: StringList,
    pub(crate) env: StringList,
    pub(crate) table: FdTable,
    /// Reused to gather a write's iovecs into one buffer.
    pub(crate) scratch: Vec<u8>,
    /// `/dev/urandom`, opened on the first `random_get`.
    pub(crate) random: Option<std::fs::File>,
}

impl WasiCtx {
    /// A builder for a context with no arguments, an empty environment, inherited stdio and no
    /// preopened directories.
    pub fn builder() -> WasiCtxBuilder {
        WasiCtxBuilder::default()
    }
}

impl Default for WasiCtx {
    /// A context with no arguments, an empty environment, inherited stdio and no directories.
    fn default() -> Self {
        WasiCtxBuilder::new().build().expect("an empty WASI context always builds")
    }
}

/// Builds a [`WasiCtx`].
///
/// ```
/// use hayate::wasi::{OutputBuffer, WasiCtx};
///
/// let stdout = OutputBuffer::new();
/// let ctx = WasiCtx::builder()
///     .arg("prog.wasm")
///     .args(["--verbose", "input.txt"])
///     .env("LANG", "C")
///     .stdin("some input\n")
///     .stdout(stdout.clone())
///     .preopened_dir(std::env::temp_dir(), "/tmp")
///     .build()?;
/// # let _ = ctx;
/// # Ok::<(), hayate::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct WasiCtxBuilder {
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: InputSource,
    stdout: OutputSink,
    stderr: OutputSink,
    preopens: Vec<(PathBuf, String)>,
}

impl WasiCtxBuilder {
    /// A builder for a context with no arguments, an empty environment, inherited stdio and no
    /// preopened directories.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends one argument; the first one is the program name (`argv[0]`).
    pub fn arg(mut self, arg: impl Into<String>) -> Self {
        self.args.push(arg.into());
        self
    }

    /// Appends arguments.
    pub fn args<S: Into<String>>(mut self, args: impl IntoIterator<Item = S>) -> Self {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Adds the environment variable `name=value`. No host variable reaches the guest unless it is
    /// added here (or with [`inherit_env`](Self::inherit_env)).
    pub fn env(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.push((name.into(), value.into()));
        self
    }

    /// Adds every environment variable of the host process (those that are valid Unicode).
    pub fn inherit_env(mut self) -> Self {
        self.env.extend(std::env::vars());
        self
    }

    /// Where the guest's stdin (fd 0) comes from; inherited by default.
    pub fn stdin(mut self, source: impl Into<InputSource>) -> Self {
        self.stdin = source.into();
        self
    }

    /// Where the guest's stdout (fd 1) goes; inherited by default.
    pub fn stdout(mut self, sink: impl Into<OutputSink>) -> Self {
        self.stdout = sink.into();
        self
    }

    /// Where the guest's stderr (fd 2) goes; inherited by default.
    pub fn stderr(mut self, sink: impl Into<OutputSink>) -> Self {
        self.stderr = sink.into();
        self
    }

    /// Gives the guest the host directory `host` under the name `guest` (what it finds with
    /// `fd_prestat_dir_name`, e.g. `.` or `/data`). Preopens get descriptors 3, 4, … in the order
    /// they are added. The guest reaches nothing outside its preopens.
    pub fn preopened_dir(mut self, host: impl Into<PathBuf>, guest: impl Into<String>) -> Self {
        self.preopens.push((host.into(), guest.into()));
        self
    }

    /// The context; fails naming an argument or variable that contains a NUL byte, a variable
    /// name that contains `=`, or a preopened directory that cannot be opened.
    pub fn build(self) -> Result<WasiCtx> {
        let nul = |what: &str, item: Vec<u8>| {
            Error::msg(format!("WASI {what} `{}` contains a NUL byte", String::from_utf8_lossy(&item).escape_debug()))
        };
        if let Some((name, _)) = self.env.iter().find(|(name, _)| name.contains('=') || name.is_empty()) {
            return Err(Error::msg(format!("WASI environment variable name `{name}` is empty or contains `=`")));
        }
        let args = StringList::new(&self.args).map_err(|item| nul("argument", item))?;
        let env = StringList::new(self.env.iter().map(|(name, value)| format!("{name}={value}")))
            .map_err(|item| nul("environment variable", item))?;
        let mut table = FdTable::default();
        table.insert(Desc::stdin(self.stdin)).map_err(|_| Error::msg("cannot create stdin"))?;
        table.insert(Desc::output(self.stdout, HostStream::Stdout)).map_err(|_| Error::msg("cannot create stdout"))?;
        table.insert(Desc::output(self.stderr, HostStream::Stderr)).map_err(|_| Error::msg("cannot create stderr"))?;
        for (host, guest) in self.preopens {
            let dir = cap_std::fs::Dir::open_ambient_dir(&host, cap_std::ambient_authority())
                .map_err(|e| Error::msg(format!("cannot open directory `{}` to preopen: {e}", host.display())))?;
            table
                .insert(Desc::Dir(DirDesc::preopen(dir, guest)))
                .map_err(|_| Error::msg(format!("too many preopened directories at `{}`", host.display())))?;
        }
        Ok(WasiCtx { args, env, table, scratch: Vec::new(), random: None })
    }
}
