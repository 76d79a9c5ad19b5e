//! The numbers of `wasi_snapshot_preview1`'s type names (`typenames.witx`): rights, flags,
//! file types, clock ids, and the byte layouts of the structs WASI functions read and write.

/// One `rights` bit per operation a descriptor may allow (the whole witx list, some only named).
#[allow(dead_code)]
pub(crate) mod rights {
    pub const FD_DATASYNC: u64 = 1 << 0;
    pub const FD_READ: u64 = 1 << 1;
    pub const FD_SEEK: u64 = 1 << 2;
    pub const FD_FDSTAT_SET_FLAGS: u64 = 1 << 3;
    pub const FD_SYNC: u64 = 1 << 4;
    pub const FD_TELL: u64 = 1 << 5;
    pub const FD_WRITE: u64 = 1 << 6;
    pub const FD_ADVISE: u64 = 1 << 7;
    pub const FD_ALLOCATE: u64 = 1 << 8;
    pub const PATH_CREATE_DIRECTORY: u64 = 1 << 9;
    pub const PATH_CREATE_FILE: u64 = 1 << 10;
    pub const PATH_LINK_SOURCE: u64 = 1 << 11;
    pub const PATH_LINK_TARGET: u64 = 1 << 12;
    pub const PATH_OPEN: u64 = 1 << 13;
    pub const FD_READDIR: u64 = 1 << 14;
    pub const PATH_READLINK: u64 = 1 << 15;
    pub const PATH_RENAME_SOURCE: u64 = 1 << 16;
    pub const PATH_RENAME_TARGET: u64 = 1 << 17;
    pub const PATH_FILESTAT_GET: u64 = 1 << 18;
    pub const PATH_FILESTAT_SET_SIZE: u64 = 1 << 19;
    pub const PATH_FILESTAT_SET_TIMES: u64 = 1 << 20;
    pub const FD_FILESTAT_GET: u64 = 1 << 21;
    pub const FD_FILESTAT_SET_SIZE: u64 = 1 << 22;
    pub const FD_FILESTAT_SET_TIMES: u64 = 1 << 23;
    pub const PATH_SYMLINK: u64 = 1 << 24;
    pub const PATH_REMOVE_DIRECTORY: u64 = 1 << 25;
    pub const PATH_UNLINK_FILE: u64 = 1 << 26;
    pub const POLL_FD_READWRITE: u64 = 1 << 27;
    pub const SOCK_SHUTDOWN: u64 = 1 << 28;
    pub const SOCK_ACCEPT: u64 = 1 << 29;

    /// Every right preview1 defines.
    pub const ALL: u64 = (1 << 30) - 1;

    /// The base rights of a preopened directory: the set wasmtime reports, which userlands
    /// (wasi-libc, Rust's std) expect at least.
    pub const DIR_BASE: u64 = PATH_CREATE_DIRECTORY
        | PATH_CREATE_FILE
        | PATH_LINK_SOURCE
        | PATH_LINK_TARGET
        | PATH_OPEN
        | FD_READDIR
        | PATH_READLINK
        | PATH_RENAME_SOURCE
        | PATH_RENAME_TARGET
        | PATH_SYMLINK
        | PATH_REMOVE_DIRECTORY
        | PATH_UNLINK_FILE
        | PATH_FILESTAT_GET
        | PATH_FILESTAT_SET_TIMES
        | FD_FILESTAT_GET
        | FD_FILESTAT_SET_TIMES;

    /// The inheriting rights of a preopened directory: what descriptors opened beneath it get.
    pub const DIR_INHERITING: u64 = DIR_BASE
        | FD_DATASYNC
        | FD_READ
        | FD_SEEK
        | FD_FDSTAT_SET_FLAGS
        | FD_SYNC
        | FD_TELL
        | FD_WRITE
        | FD_ADVISE
        | FD_ALLOCATE
        | FD_FILESTAT_GET
        | FD_FILESTAT_SET_SIZE
        | FD_FILESTAT_SET_TIMES
        | POLL_FD_READWRITE;

    /// The rights that mean something for a regular file (no `path_*` ones, no `fd_readdir`).
    pub const FILE: u64 = FD_DATASYNC
        | FD_READ
        | FD_SEEK
        | FD_FDSTAT_SET_FLAGS
        | FD_SYNC
        | FD_TELL
        | FD_WRITE
        | FD_ADVISE
        | FD_ALLOCATE
        | FD_FILESTAT_GET
        | FD_FILESTAT_SET_SIZE
        | FD_FILESTAT_SET_TIMES
        | POLL_FD_READWRITE;

    /// The rights that mean something for a directory (no seeking, reading or writing bytes).
    pub const DIR: u64 = ALL & !(FD_SEEK | FD_TELL | FD_READ | FD_WRITE | FD_ALLOCATE | FD_FILESTAT_SET_SIZE);
}

/// `fdflags`.
pub(crate) mod fdflags {
    pub const APPEND: u16 = 1 << 0;
    pub const DSYNC: u16 = 1 << 1;
    pub const NONBLOCK: u16 = 1 << 2;
    pub const RSYNC: u16 = 1 << 3;
    pub const SYNC: u16 = 1 << 4;
    pub const ALL: u16 = APPEND | DSYNC | NONBLOCK | RSYNC | SYNC;
    pub const SYNCS: u16 = DSYNC | RSYNC | SYNC;
}

/// `oflags`.
pub(crate) mod oflags {
    pub const CREAT: u16 = 1 << 0;
    pub const DIRECTORY: u16 = 1 << 1;
    pub const EXCL: u16 = 1 << 2;
    pub const TRUNC: u16 = 1 << 3;
    pub const ALL: u16 = CREAT | DIRECTORY | EXCL | TRUNC;
}

/// `lookupflags`.
pub(crate) const LOOKUP_SYMLINK_FOLLOW: u32 = 1;

/// `fstflags`.
pub(crate) mod fstflags {
    pub const ATIM: u16 = 1 << 0;
    pub const ATIM_NOW: u16 = 1 << 1;
    pub const MTIM: u16 = 1 << 2;
    pub const MTIM_NOW: u16 = 1 << 3;
    pub const ALL: u16 = ATIM | ATIM_NOW | MTIM | MTIM_NOW;
}

/// `filetype`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Filetype {
    Unknown = 0,
    BlockDevice = 1,
    CharacterDevice = 2,
    Directory = 3,
    RegularFile = 4,
    SocketStream = 6,
    SymbolicLink = 7,
}

/// `clockid`.
pub(crate) mod clock {
    pub const REALTIME: u32 = 0;
    pub const MONOTONIC: u32 = 1;
    pub const PROCESS_CPUTIME: u32 = 2;
    pub const THREAD_CPUTIME: u32 = 3;
}

/// `whence`.
pub(crate) mod whence {
    pub const SET: u32 = 0;
    pub const CUR: u32 = 1;
    pub const END: u32 = 2;
}

/// `eventtype` and the layouts of `subscription` (48 bytes) and `event` (32 bytes).
pub(crate) mod poll {
    pub const CLOCK: u8 = 0;
    pub const FD_READ: u8 = 1;
    pub const FD_WRITE: u8 = 2;
    pub const SUBSCRIPTION_SIZE: u32 = 48;
    pub const EVENT_SIZE: u32 = 32;
    /// `subclockflags::subscription_clock_abstime`.
    pub const ABSTIME: u16 = 1;
    /// `eventrwflags::fd_readwrite_hangup`.
    pub const HANGUP: u16 = 1;
}

/// Size of `fdstat`: `fs_filetype: u8 @0, fs_flags: u16 @2, fs_rights_base: u64 @8,
/// fs_rights_inheriting: u64 @16`.
pub(crate) const FDSTAT_SIZE: u32 = 24;

/// Size of `filestat`: `dev @0, ino @8, filetype: u8 @16, nlink @24, size @32, atim @40,
/// mtim @48, ctim @56`, all `u64` but `filetype`.
pub(crate) const FILESTAT_SIZE: u32 = 64;

/// Size of a `dirent` header (`d_next: u64 @0, d_ino: u64 @8, d_namlen: u32 @16, d_type: u8 @20`);
/// the name follows it.
pub(crate) const DIRENT_SIZE: usize = 24;

/// `advice` values go up to `noreuse`.
pub(crate) const ADVICE_MAX: u32 = 5;
