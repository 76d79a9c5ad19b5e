//! [`Errno`]: the error codes WASI preview1 functions return to the guest.

use std::fmt;
use std::io;

macro_rules! errnos {
    ($($name:ident = $code:literal, $text:literal;)*) => {
        /// A WASI preview1 `errno` value, as returned to the guest by every WASI function.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u16)]
        #[non_exhaustive]
        pub enum Errno {
            $(
                #[doc = $text]
                $name = $code,
            )*
        }

        impl Errno {
            /// The POSIX-style description of the code.
            pub fn message(self) -> &'static str {
                match self {
                    $(Errno::$name => $text,)*
                }
            }
        }
    };
}

errnos! {
    Success = 0, "No error occurred";
    TooBig = 1, "Argument list too long";
    Access = 2, "Permission denied";
    AddrInUse = 3, "Address in use";
    AddrNotAvail = 4, "Address not available";
    AfNoSupport = 5, "Address family not supported";
    Again = 6, "Resource unavailable, or operation would block";
    Already = 7, "Connection already in progress";
    Badf = 8, "Bad file descriptor";
    BadMsg = 9, "Bad message";
    Busy = 10, "Device or resource busy";
    Canceled = 11, "Operation canceled";
    Child = 12, "No child processes";
    ConnAborted = 13, "Connection aborted";
    ConnRefused = 14, "Connection refused";
    ConnReset = 15, "Connection reset";
    Deadlk = 16, "Resource deadlock would occur";
    DestAddrReq = 17, "Destination address required";
    Dom = 18, "Mathematics argument out of domain of function";
    Dquot = 19, "Reserved";
    Exist = 20, "File exists";
    Fault = 21, "Bad address";
    Fbig = 22, "File too large";
    HostUnreach = 23, "Host is unreachable";
    Idrm = 24, "Identifier removed";
    Ilseq = 25, "Illegal byte sequence";
    InProgress = 26, "Operation in progress";
    Intr = 27, "Interrupted function";
    Inval = 28, "Invalid argument";
    Io = 29, "I/O error";
    IsConn = 30, "Socket is connected";
    IsDir = 31, "Is a directory";
    Loop = 32, "Too many levels of symbolic links";
    Mfile = 33, "File descriptor value too large";
    Mlink = 34, "Too many links";
    MsgSize = 35, "Message too large";
    Multihop = 36, "Reserved";
    NameTooLong = 37, "Filename too long";
    NetDown = 38, "Network is down";
    NetReset = 39, "Connection aborted by network";
    NetUnreach = 40, "Network unreachable";
    Nfile = 41, "Too many files open in system";
    NoBufs = 42, "No buffer space available";
    NoDev = 43, "No such device";
    NoEnt = 44, "No such file or directory";
    NoExec = 45, "Executable file format error";
    NoLck = 46, "No locks available";
    NoLink = 47, "Reserved";
    NoMem = 48, "Not enough space";
    NoMsg = 49, "No message of the desired type";
    NoProtoOpt = 50, "Protocol not available";
    NoSpc = 51, "No space left on device";
    NoSys = 52, "Function not supported";
    NotConn = 53, "The socket is not connected";
    NotDir = 54, "Not a directory or a symbolic link to a directory";
    NotEmpty = 55, "Directory not empty";
    NotRecoverable = 56, "State not recoverable";
    NotSock = 57, "Not a socket";
    NotSup = 58, "Not supported, or operation not supported on socket";
    NoTty = 59, "Inappropriate I/O control operation";
    Nxio = 60, "No such device or address";
    Overflow = 61, "Value too large to be stored in data type";
    OwnerDead = 62, "Previous owner died";
    Perm = 63, "Operation not permitted";
    Pipe = 64, "Broken pipe";
    Proto = 65, "Protocol error";
    ProtoNoSupport = 66, "Protocol not supported";
    ProtoType = 67, "Protocol wrong type for socket";
    Range = 68, "Result too large";
    Rofs = 69, "Read-only file system";
    Spipe = 70, "Invalid seek";
    Srch = 71, "No such process";
    Stale = 72, "Reserved";
    TimedOut = 73, "Connection timed out";
    TxtBsy = 74, "Text file busy";
    Xdev = 75, "Cross-device link";
    NotCapable = 76, "Extension: Capabilities insufficient";
}

impl Errno {
    /// The code as the guest sees it (the `i32` result of a WASI function).
    pub fn code(self) -> i32 {
        self as u16 as i32
    }
}

impl fmt::Display for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (errno {})", self.message(), self.code())
    }
}

impl From<io::Error> for Errno {
    /// Maps a host I/O error to the WASI code with the same meaning: by its OS error number when
    /// it has one, otherwise by its kind. A `PermissionDenied` without an OS error is cap-std
    /// refusing a path that leads outside its directory, which WASI runtimes report as `Perm`.
    fn from(e: io::Error) -> Errno {
        if let Some(errno) = rustix::io::Errno::from_io_error(&e) {
            return Errno::from_host(errno);
        }
        match e.kind() {
            io::ErrorKind::BrokenPipe => Errno::Pipe,
            io::ErrorKind::Interrupted => Errno::Intr,
            io::ErrorKind::WouldBlock => Errno::Again,
            io::ErrorKind::PermissionDenied => Errno::Perm,
            io::ErrorKind::NotFound => Errno::NoEnt,
            io::ErrorKind::AlreadyExists => Errno::Exist,
            io::ErrorKind::StorageFull => Errno::NoSpc,
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidFilename => Errno::Inval,
            io::ErrorKind::NotADirectory => Errno::NotDir,
            io::ErrorKind::IsADirectory => Errno::IsDir,
            io::ErrorKind::DirectoryNotEmpty => Errno::NotEmpty,
            io::ErrorKind::Unsupported => Errno::NotSup,
            io::ErrorKind::CrossesDevices => Errno::Xdev,
            io::ErrorKind::ReadOnlyFilesystem => Errno::Rofs,
            io::ErrorKind::FileTooLarge => Errno::Fbig,
            io::ErrorKind::NotSeekable => Errno::Spipe,
            io::ErrorKind::OutOfMemory => Errno::NoMem,
            _ => Errno::Io,
        }
    }
}

impl Errno {
    /// The WASI code for a host OS error number.
    pub(crate) fn from_host(e: rustix::io::Errno) -> Errno {
        use rustix::io::Errno as E;
        const TABLE: &[(E, Errno)] = &[
            (E::TOOBIG, Errno::TooBig),
            (E::ACCESS, Errno::Access),
            (E::ADDRINUSE, Errno::AddrInUse),
            (E::ADDRNOTAVAIL, Errno::AddrNotAvail),
            (E::AFNOSUPPORT, Errno::AfNoSupport),
            (E::AGAIN, Errno::Again),
            (E::ALREADY, Errno::Already),
            (E::BADF, Errno::Badf),
            (E::BADMSG, Errno::BadMsg),
            (E::BUSY, Errno::Busy),
            (E::CANCELED, Errno::Canceled),
            (E::CHILD, Errno::Child),
            (E::CONNABORTED, Errno::ConnAborted),
            (E::CONNREFUSED, Errno::ConnRefused),
            (E::CONNRESET, Errno::ConnReset),
            (E::DEADLK, Errno::Deadlk),
            (E::DESTADDRREQ, Errno::DestAddrReq),
            (E::DOM, Errno::Dom),
            (E::DQUOT, Errno::Dquot),
            (E::EXIST, Errno::Exist),
            (E::FAULT, Errno::Fault),
            (E::FBIG, Errno::Fbig),
            (E::HOSTUNREACH, Errno::HostUnreach),
            (E::IDRM, Errno::Idrm),
            (E::ILSEQ, Errno::Ilseq),
            (E::INPROGRESS, Errno::InProgress),
            (E::INTR, Errno::Intr),
            (E::INVAL, Errno::Inval),
            (E::IO, Errno::Io),
            (E::ISCONN, Errno::IsConn),
            (E::ISDIR, Errno::IsDir),
            (E::LOOP, Errno::Loop),
            (E::MFILE, Errno::Mfile),
            (E::MLINK, Errno::Mlink),
            (E::MSGSIZE, Errno::MsgSize),
            (E::MULTIHOP, Errno::Multihop),
            (E::NAMETOOLONG, Errno::NameTooLong),
            (E::NETDOWN, Errno::NetDown),
            (E::NETRESET, Errno::NetReset),
            (E::NETUNREACH, Errno::NetUnreach),
            (E::NFILE, Errno::Nfile),
            (E::NOBUFS, Errno::NoBufs),
            (E::NODEV, Errno::NoDev),
            (E::NOENT, Errno::NoEnt),
            (E::NOEXEC, Errno::NoExec),
            (E::NOLCK, Errno::NoLck),
            (E::NOLINK, Errno::NoLink),
            (E::NOMEM, Errno::NoMem),
            (E::NOMSG, Errno::NoMsg),
            (E::NOPROTOOPT, Errno::NoProtoOpt),
            (E::NOSPC, Errno::NoSpc),
            (E::NOSYS, Errno::NoSys),
            (E::NOTCONN, Errno::NotConn),
            (E::NOTDIR, Errno::NotDir),
            (E::NOTEMPTY, Errno::NotEmpty),
            (E::NOTRECOVERABLE, Errno::NotRecoverable),
            (E::NOTSOCK, Errno::NotSock),
            (E::NOTSUP, Errno::NotSup),
            (E::OPNOTSUPP, Errno::NotSup),
            (E::NOTTY, Errno::NoTty),
            (E::NXIO, Errno::Nxio),
            (E::OVERFLOW, Errno::Overflow),
            (E::OWNERDEAD, Errno::OwnerDead),
            (E::PERM, Errno::Perm),
            (E::PIPE, Errno::Pipe),
            (E::PROTO, Errno::Proto),
            (E::PROTONOSUPPORT, Errno::ProtoNoSupport),
            (E::PROTOTYPE, Errno::ProtoType),
            (E::RANGE, Errno::Range),
            (E::ROFS, Errno::Rofs),
            (E::SPIPE, Errno::Spipe),
            (E::SRCH, Errno::Srch),
            (E::STALE, Errno::Stale),
            (E::TIMEDOUT, Errno::TimedOut),
            (E::TXTBSY, Errno::TxtBsy),
            (E::XDEV, Errno::Xdev),
        ];
        TABLE.iter().find(|(host, _)| *host == e).map_or(Errno::Io, |&(_, wasi)| wasi)
    }
}

#[cfg(test)]
mod tests {
    use super::Errno;

    #[test]
    fn codes_match_the_preview1_witx() {
        assert_eq!(Errno::Success.code(), 0);
        assert_eq!(Errno::Badf.code(), 8);
        assert_eq!(Errno::Fault.code(), 21);
        assert_eq!(Errno::Inval.code(), 28);
        assert_eq!(Errno::NoSys.code(), 52);
        assert_eq!(Errno::Overflow.code(), 61);
        assert_eq!(Errno::NotCapable.code(), 76);
    }

    #[test]
    fn host_errors_map_by_os_error_number_first() {
        use std::io;
        assert_eq!(Errno::from(io::Error::from_raw_os_error(rustix::io::Errno::NOTDIR.raw_os_error())), Errno::NotDir);
        assert_eq!(Errno::from(io::Error::from_raw_os_error(rustix::io::Errno::ACCESS.raw_os_error())), Errno::Access);
        assert_eq!(Errno::from(io::Error::from_raw_os_error(rustix::io::Errno::LOOP.raw_os_error())), Errno::Loop);
        // cap-std's "a path led outside of the filesystem" has no OS error number.
        assert_eq!(Errno::from(io::Error::new(io::ErrorKind::PermissionDenied, "escape")), Errno::Perm);
        assert_eq!(Errno::from(io::Error::other("other")), Errno::Io);
    }
}
