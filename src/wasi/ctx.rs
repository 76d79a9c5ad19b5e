//! [`WasiCtx`], the per-store WASI state a host function reaches through the store's data, and its
//! [`WasiCtxBuilder`].

use super::guest::StringList;
use super::output::{HostStream, OutputSink};
use crate::error::{Error, Result};

/// The WASI state of one guest program: its arguments, environment and output streams.
///
/// Put it in (or inside) a store's host data and register the WASI functions with
/// [`add_to_linker`](super::add_to_linker). Build one with [`WasiCtx::builder`].
#[derive(Debug, Default)]
pub struct WasiCtx {
    pub(crate) args: StringList,
    pub(crate) env: StringList,
    stdout: OutputSink,
    stderr: OutputSink,
    /// Reused by `fd_write` to gather a call's iovecs.
    pub(crate) scratch: Vec<u8>,
}

impl WasiCtx {
    /// A builder for a context with no arguments, an empty environment and inherited output.
    pub fn builder() -> WasiCtxBuilder {
        WasiCtxBuilder::default()
    }

    /// The output stream behind file descriptor `fd`, if it is one.
    pub(crate) fn output(&mut self, fd: u32) -> Option<(&mut OutputSink, HostStream)> {
        match fd {
            1 => Some((&mut self.stdout, HostStream::Stdout)),
            2 => Some((&mut self.stderr, HostStream::Stderr)),
            _ => None,
        }
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
///     .stdout(stdout.clone())
///     .build()?;
/// # let _ = ctx;
/// # Ok::<(), hayate::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct WasiCtxBuilder {
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdout: OutputSink,
    stderr: OutputSink,
}

impl WasiCtxBuilder {
    /// A builder for a context with no arguments, an empty environment and inherited output.
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

    /// Adds the environment variable `name=value`.
    pub fn env(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.push((name.into(), value.into()));
        self
    }

    /// Adds every environment variable of the host process (those that are valid Unicode).
    pub fn inherit_env(mut self) -> Self {
        self.env.extend(std::env::vars());
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

    /// The context; fails naming an argument or variable that contains a NUL byte or a variable
    /// name that contains `=`.
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
        Ok(WasiCtx { args, env, stdout: self.stdout, stderr: self.stderr, scratch: Vec::new() })
    }
}
