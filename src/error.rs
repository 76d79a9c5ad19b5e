//! hayate's typed errors: [`Error`] (small, boxed kind), [`Trap`] and [`TrapCode`].

use std::fmt;

/// Why a Wasm execution stopped abnormally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TrapCode {
    /// An `unreachable` instruction was executed.
    Unreachable,
    /// Signed division overflowed (`i32::MIN / -1`).
    IntegerOverflow,
    /// Integer division or remainder by zero.
    IntegerDivisionByZero,
    /// A float-to-int conversion of NaN or of a value out of the target's range.
    BadConversionToInteger,
    /// A load, store or bulk memory operation outside the memory's bounds.
    MemoryOutOfBounds,
    /// A table access or bulk table operation outside the table's bounds.
    TableOutOfBounds,
    /// `call_indirect` found a null entry.
    IndirectCallToNull,
    /// `call_indirect` found a function of another type.
    BadSignature,
    /// `ref.as_non_null` of a null reference.
    NullReference,
    /// `call_ref` of a null reference.
    NullFunctionReference,
    /// `throw_ref` of a null reference.
    NullExceptionReference,
    /// The call stack or value stack limit was reached.
    StackOverflow,
    /// The store ran out of fuel.
    OutOfFuel,
    /// The execution was interrupted from outside.
    Interrupted,
}

impl TrapCode {
    /// The message the Wasm spec test suite uses for this trap.
    pub fn message(self) -> &'static str {
        match self {
            TrapCode::Unreachable => "unreachable",
            TrapCode::IntegerOverflow => "integer overflow",
            TrapCode::IntegerDivisionByZero => "integer divide by zero",
            TrapCode::BadConversionToInteger => "invalid conversion to integer",
            TrapCode::MemoryOutOfBounds => "out of bounds memory access",
            TrapCode::TableOutOfBounds => "out of bounds table access",
            TrapCode::IndirectCallToNull => "uninitialized element",
            TrapCode::BadSignature => "indirect call type mismatch",
            TrapCode::NullReference => "null reference",
            TrapCode::NullFunctionReference => "null function reference",
            TrapCode::NullExceptionReference => "null exception reference",
            TrapCode::StackOverflow => "call stack exhausted",
            TrapCode::OutOfFuel => "all fuel consumed",
            TrapCode::Interrupted => "interrupted",
        }
    }
}

impl fmt::Display for TrapCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

/// One frame of a Wasm backtrace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameInfo {
    /// The function's index in its module's function index space.
    pub func_index: u32,
    /// The function's name from the name section, if any.
    pub func_name: Option<String>,
}

impl fmt::Display for FrameInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.func_name {
            Some(name) => write!(f, "{name} (func {})", self.func_index),
            None => write!(f, "func {}", self.func_index),
        }
    }
}

/// A Wasm trap with the Wasm call stack that was active, innermost frame first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trap {
    code: TrapCode,
    backtrace: Vec<FrameInfo>,
}

impl Trap {
    /// A trap with an empty backtrace.
    pub fn new(code: TrapCode) -> Self {
        Trap { code, backtrace: Vec::new() }
    }

    pub(crate) fn with_backtrace(code: TrapCode, backtrace: Vec<FrameInfo>) -> Self {
        Trap { code, backtrace }
    }

    /// What trapped.
    pub fn code(&self) -> TrapCode {
        self.code
    }

    /// The Wasm frames that were active, innermost first.
    pub fn backtrace(&self) -> &[FrameInfo] {
        &self.backtrace
    }
}

impl fmt::Display for Trap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "wasm trap: {}", self.code)?;
        if !self.backtrace.is_empty() {
            f.write_str("\nwasm backtrace:")?;
            // Deep recursion makes long backtraces: show both ends.
            const ENDS: usize = 20;
            let n = self.backtrace.len();
            for (i, frame) in self.backtrace.iter().enumerate() {
                if n > 2 * ENDS && i == ENDS {
                    write!(f, "\n       ... {} more frames ...", n - 2 * ENDS)?;
                }
                if n <= 2 * ENDS || i < ENDS || i >= n - ENDS {
                    write!(f, "\n  {i:>3}: {frame}")?;
                }
            }
        }
        Ok(())
    }
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not a well-formed module (binary or text).
    Malformed {
        /// What is wrong.
        message: String,
        /// Byte offset in the binary, when known.
        offset: Option<usize>,
    },
    /// The module is well-formed but does not validate.
    Invalid {
        /// What is wrong.
        message: String,
        /// Byte offset in the binary.
        offset: usize,
    },
    /// The module uses a feature hayate does not support (yet), or exceeds an implementation limit.
    Unsupported(String),
    /// An import could not be satisfied (missing, or of the wrong type).
    Unlinkable(String),
    /// Execution trapped.
    Trap(Trap),
    /// The guest asked to exit with this status (WASI `proc_exit`).
    Exit(i32),
    /// A resource limit was reached outside of execution (for example a memory too large).
    Limit(String),
    /// An error raised by a host function or a misuse of the API.
    Message(String),
    /// A host function asks to suspend the guest ([`Error::suspend`]), with a payload for the
    /// embedder. Inside a resumable call ([`crate::Func::call_resumable`]) the call returns
    /// suspended instead of failing; it never comes out of a call as an error.
    Suspend(Box<dyn std::any::Any + Send + Sync>),
    /// A Wasm exception that no Wasm code caught ([`crate::Exception`]), or that a host function
    /// throws into its Wasm caller ([`Error::exception`]).
    Exception(Box<crate::Exception>),
}

/// hayate's error type: one pointer wide so that `Result`s stay small.
pub struct Error {
    kind: Box<ErrorKind>,
}

impl Error {
    /// Wraps a kind.
    pub fn new(kind: ErrorKind) -> Self {
        Error { kind: Box::new(kind) }
    }

    /// An error with a message, for host functions and API misuse.
    pub fn msg(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Message(message.into()))
    }

    /// A trap without a backtrace.
    pub fn trap(code: TrapCode) -> Self {
        Error::new(ErrorKind::Trap(Trap::new(code)))
    }

    /// What a host function returns to suspend the guest that called it: the resumable call
    /// ([`crate::Func::call_resumable`]) returns [`crate::ResumableCall::Suspended`], whose
    /// [`crate::SuspendReason::Host`] carries `payload`, and the embedder later resumes it with
    /// the host function's results. Outside a resumable call (a plain call, or a call nested in
    /// another host function) the request is an error.
    pub fn suspend(payload: impl std::any::Any + Send + Sync) -> Self {
        Error::new(ErrorKind::Suspend(Box::new(payload)))
    }

    /// Whether this is a host function's request to suspend ([`Error::suspend`]).
    pub fn is_suspend(&self) -> bool {
        matches!(*self.kind, ErrorKind::Suspend(_))
    }

    /// The payload of a suspension request, or the error itself if it is none.
    pub(crate) fn into_suspend_payload(self) -> Result<Box<dyn std::any::Any + Send + Sync>, Error> {
        if !self.is_suspend() {
            return Err(self);
        }
        match *self.kind {
            ErrorKind::Suspend(payload) => Ok(payload),
            kind => Err(Error::new(kind)),
        }
    }

    /// The error's kind.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The trap, if this error is one.
    pub fn as_trap(&self) -> Option<&Trap> {
        match &*self.kind {
            ErrorKind::Trap(t) => Some(t),
            _ => None,
        }
    }

    /// The trap code, if this error is a trap.
    pub fn trap_code(&self) -> Option<TrapCode> {
        self.as_trap().map(Trap::code)
    }

    /// The exit status, if the guest called `proc_exit`.
    pub fn i32_exit_status(&self) -> Option<i32> {
        match &*self.kind {
            ErrorKind::Exit(code) => Some(*code),
            _ => None,
        }
    }

    pub(crate) fn unsupported(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Unsupported(message.into()))
    }

    pub(crate) fn unlinkable(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Unlinkable(message.into()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.kind {
            ErrorKind::Malformed { message, offset: Some(o) } => {
                write!(f, "malformed module: {message} (at offset {o:#x})")
            }
            ErrorKind::Malformed { message, offset: None } => write!(f, "malformed module: {message}"),
            ErrorKind::Invalid { message, offset } => {
                write!(f, "invalid module: {message} (at offset {offset:#x})")
            }
            ErrorKind::Unsupported(m) => write!(f, "unsupported: {m}"),
            ErrorKind::Unlinkable(m) => write!(f, "unlinkable: {m}"),
            ErrorKind::Trap(t) => t.fmt(f),
            ErrorKind::Exit(code) => write!(f, "exited with status {code}"),
            ErrorKind::Limit(m) => write!(f, "limit exceeded: {m}"),
            ErrorKind::Message(m) => f.write_str(m),
            ErrorKind::Suspend(_) => f.write_str("a host function asked to suspend the guest"),
            ErrorKind::Exception(e) => e.fmt(f),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

impl From<Trap> for Error {
    fn from(t: Trap) -> Self {
        Error::new(ErrorKind::Trap(t))
    }
}

impl From<TrapCode> for Error {
    fn from(code: TrapCode) -> Self {
        Error::trap(code)
    }
}

/// hayate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A decoding error from `wasmparser`: the module is malformed, or uses a disabled proposal's
/// encoding (wasmparser's decoder says "… feature required for …").
pub(crate) fn malformed(e: wasmparser::BinaryReaderError) -> Error {
    if e.message().contains("feature required") {
        return disabled(&e);
    }
    Error::new(ErrorKind::Malformed { message: e.message().to_string(), offset: Some(e.offset() as usize) })
}

/// A validator error: a feature we do not support, or an invalid module.
pub(crate) fn invalid(e: wasmparser::BinaryReaderError) -> Error {
    let message = e.message().to_string();
    // A disabled proposal: wasmparser says "… not enabled", "… must be enabled …", for a second
    // memory without multi-memory "multiple memories", and for typed references outside
    // instructions "function references required for …".
    if message.contains("not enabled")
        || message.contains("must be enabled")
        || message == "multiple memories"
        || message.starts_with("function references required")
    {
        return disabled(&e);
    }
    Error::new(ErrorKind::Invalid { message, offset: e.offset() as usize })
}

/// The error for a module that needs a disabled proposal.
fn disabled(e: &wasmparser::BinaryReaderError) -> Error {
    Error::unsupported(format!("{} (at offset {:#x})", e.message(), e.offset()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_backtraces_show_both_ends() {
        let frames = (0..1000).map(|i| FrameInfo { func_index: i, func_name: None }).collect();
        let text = Trap::with_backtrace(TrapCode::StackOverflow, frames).to_string();
        assert!(text.contains("func 0\n"));
        assert!(text.contains("... 960 more frames ..."));
        assert!(text.ends_with("func 999"));
        assert_eq!(text.lines().count(), 2 + 40 + 1);
    }
}
