//! Where the guest's stdin comes from: [`InputSource`] (the host's own stdin, in-memory bytes,
//! nothing, or any reader).

use std::fmt;
use std::io::{self, Read};

/// The source of the guest's standard input (fd 0).
#[derive(Default)]
pub enum InputSource {
    /// The host process's stdin, read without buffering so that nothing the guest did not ask for
    /// is consumed.
    #[default]
    Inherit,
    /// In-memory bytes; the guest reads them and then sees end of file.
    Bytes(io::Cursor<Vec<u8>>),
    /// End of file right away.
    Null,
    /// Any reader.
    Reader(Box<dyn Read + Send>),
}

impl InputSource {
    /// An input that yields `bytes` and then end of file.
    pub fn bytes(bytes: impl Into<Vec<u8>>) -> Self {
        InputSource::Bytes(io::Cursor::new(bytes.into()))
    }

    /// Reads up to `buf.len()` bytes with one read.
    pub(crate) fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            InputSource::Inherit => loop {
                match rustix::io::read(rustix::stdio::stdin(), &mut *buf) {
                    Err(rustix::io::Errno::INTR) => continue,
                    // The host's stdin may be non-blocking; the guest's reads block, as in wasmtime.
                    Err(rustix::io::Errno::AGAIN) => wait_until_ready(rustix::stdio::stdin(), false)?,
                    result => return result.map_err(io::Error::from),
                }
            },
            InputSource::Bytes(cursor) => cursor.read(buf),
            InputSource::Null => Ok(0),
            InputSource::Reader(reader) => reader.read(buf),
        }
    }

    /// Bytes that can be read without blocking, when known (`None` for the host's stdin and
    /// readers).
    pub(crate) fn available(&self) -> Option<u64> {
        match self {
            InputSource::Bytes(cursor) => Some((cursor.get_ref().len() as u64).saturating_sub(cursor.position())),
            InputSource::Null => Some(0),
            InputSource::Inherit | InputSource::Reader(_) => None,
        }
    }

    /// Whether this is the host's stdin and that is a terminal.
    pub(crate) fn is_terminal(&self) -> bool {
        matches!(self, InputSource::Inherit) && io::IsTerminal::is_terminal(&io::stdin())
    }
}

/// Blocks until `fd` is readable (or, with `write`, writable), for host stdio that is
/// non-blocking.
pub(crate) fn wait_until_ready(fd: std::os::fd::BorrowedFd<'_>, write: bool) -> io::Result<()> {
    let flags = if write { rustix::event::PollFlags::OUT } else { rustix::event::PollFlags::IN };
    let mut fds = [rustix::event::PollFd::from_borrowed_fd(fd, flags)];
    loop {
        match rustix::event::poll(&mut fds, None) {
            Err(rustix::io::Errno::INTR) => continue,
            result => return result.map(drop).map_err(io::Error::from),
        }
    }
}

impl fmt::Debug for InputSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputSource::Inherit => f.write_str("Inherit"),
            InputSource::Bytes(cursor) => write!(f, "Bytes({} bytes)", cursor.get_ref().len()),
            InputSource::Null => f.write_str("Null"),
            InputSource::Reader(_) => f.write_str("Reader(..)"),
        }
    }
}

impl From<Vec<u8>> for InputSource {
    fn from(bytes: Vec<u8>) -> Self {
        InputSource::bytes(bytes)
    }
}

impl From<&[u8]> for InputSource {
    fn from(bytes: &[u8]) -> Self {
        InputSource::bytes(bytes)
    }
}

impl From<&str> for InputSource {
    fn from(text: &str) -> Self {
        InputSource::bytes(text.as_bytes())
    }
}
