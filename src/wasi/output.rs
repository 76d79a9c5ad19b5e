//! Where the guest's stdout and stderr go: [`OutputSink`] (the host's own streams, an in-memory
//! [`OutputBuffer`], a discard, or any writer).

use std::fmt;
use std::io::{self, Write};
use std::sync::{Arc, Mutex, MutexGuard};

/// A shared in-memory byte buffer that collects what the guest writes. Clones share the bytes, so
/// the embedder keeps one clone and hands another to the [`WasiCtxBuilder`](super::WasiCtxBuilder).
#[derive(Debug, Clone, Default)]
pub struct OutputBuffer {
    bytes: Arc<Mutex<Vec<u8>>>,
}

impl OutputBuffer {
    /// An empty buffer.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, Vec<u8>> {
        self.bytes.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A copy of the bytes written so far.
    pub fn contents(&self) -> Vec<u8> {
        self.lock().clone()
    }

    /// The bytes written so far, leaving the buffer empty.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.lock())
    }

    /// The bytes written so far as text, with invalid UTF-8 replaced.
    pub fn to_string_lossy(&self) -> String {
        String::from_utf8_lossy(&self.lock()).into_owned()
    }
}

/// The destination of one of the guest's output streams.
#[derive(Default)]
pub enum OutputSink {
    /// The host process's own stream (stdout for fd 1, stderr for fd 2).
    #[default]
    Inherit,
    /// An in-memory buffer.
    Buffer(OutputBuffer),
    /// Accept and discard everything.
    Null,
    /// Any writer.
    Writer(Box<dyn Write + Send>),
}

impl fmt::Debug for OutputSink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutputSink::Inherit => f.write_str("Inherit"),
            OutputSink::Buffer(b) => f.debug_tuple("Buffer").field(b).finish(),
            OutputSink::Null => f.write_str("Null"),
            OutputSink::Writer(_) => f.write_str("Writer(..)"),
        }
    }
}

/// Which host stream [`OutputSink::Inherit`] means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HostStream {
    Stdout,
    Stderr,
}

impl OutputSink {
    /// Writes `bytes` with one write call and returns how many were accepted. An inherited host
    /// stream is written with the `write` system call directly, bypassing (and so never waiting
    /// in) the buffers of Rust's `std::io::stdout`.
    pub(crate) fn write(&mut self, host: HostStream, bytes: &[u8]) -> io::Result<usize> {
        match self {
            OutputSink::Inherit => {
                let fd = match host {
                    HostStream::Stdout => rustix::stdio::stdout(),
                    HostStream::Stderr => rustix::stdio::stderr(),
                };
                loop {
                    match rustix::io::write(fd, bytes) {
                        Err(rustix::io::Errno::INTR) => continue,
                        // Host stdio may be non-blocking; the guest's writes block, as in wasmtime.
                        Err(rustix::io::Errno::AGAIN) => super::input::wait_until_ready(fd, true)?,
                        result => return result.map_err(io::Error::from),
                    }
                }
            }
            OutputSink::Buffer(buffer) => {
                buffer.lock().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            OutputSink::Null => Ok(bytes.len()),
            OutputSink::Writer(w) => w.write(bytes),
        }
    }

    /// Whether this is an inherited host stream that is a terminal.
    pub(crate) fn is_terminal(&self, host: HostStream) -> bool {
        use std::io::IsTerminal;
        matches!(self, OutputSink::Inherit)
            && match host {
                HostStream::Stdout => io::stdout().is_terminal(),
                HostStream::Stderr => io::stderr().is_terminal(),
            }
    }

    /// Flushes a writer; the other sinks hold nothing back.
    pub(crate) fn flush(&mut self) -> io::Result<()> {
        match self {
            OutputSink::Writer(w) => w.flush(),
            _ => Ok(()),
        }
    }
}

impl From<OutputBuffer> for OutputSink {
    fn from(buffer: OutputBuffer) -> Self {
        OutputSink::Buffer(buffer)
    }
}
