//! The host side of WASI's filesystem: open files ([`FileDesc`]) and directories ([`DirDesc`]),
//! `path_open`, `filestat`s, directory listings and timestamps. Every path is resolved by cap-std
//! inside a directory handle, so `..`, absolute paths and symlinks (however chained, whoever made
//! them) cannot leave it; nothing here checks paths by hand.

use super::errno::Errno;
use super::table::{Desc, Rights};
use super::types::{Filetype, fdflags, fstflags, oflags, rights};
use cap_fs_ext::{DirExt, FollowSymlinks, OpenOptionsFollowExt, OpenOptionsMaybeDirExt, OpenOptionsSyncExt};
use cap_std::fs::{Dir, OpenOptions};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::FileExt;
use std::time::{Duration, SystemTime};

/// An open non-directory file and its own position (reads and writes go through `pread`/`pwrite`
/// at that position, so `fd_pread`/`fd_pwrite` never disturb it).
#[derive(Debug)]
pub(crate) struct FileDesc {
    pub file: std::fs::File,
    pub pos: u64,
    /// Writes go to the end (the host file has `O_APPEND` to match).
    pub append: bool,
    /// `NONBLOCK` and the sync flags it was opened with.
    pub flags: u16,
    /// Regular files and block devices; pipes, sockets and character devices are read and written
    /// in sequence and cannot seek.
    pub seekable: bool,
    pub kind: Filetype,
    pub rights: Rights,
}

impl FileDesc {
    pub(crate) fn filetype(&self) -> Result<Filetype, Errno> {
        Ok(self.kind)
    }

    /// Reads at the current position and advances it.
    pub(crate) fn read(&mut self, buf: &mut [u8]) -> Result<usize, Errno> {
        let n =
            if self.seekable { self.file.read_at(buf, self.pos)? } else { std::io::Read::read(&mut &self.file, buf)? };
        self.pos = self.pos.checked_add(n as u64).ok_or(Errno::Overflow)?;
        Ok(n)
    }

    /// Reads at `offset` without moving the position.
    pub(crate) fn pread(&self, buf: &mut [u8], offset: u64) -> Result<usize, Errno> {
        if !self.seekable {
            return Err(Errno::Spipe);
        }
        Ok(self.file.read_at(buf, offset)?)
    }

    /// Writes at the current position (or the end, in append mode) and advances it.
    pub(crate) fn write(&mut self, buf: &[u8]) -> Result<usize, Errno> {
        if !self.seekable {
            return Ok(std::io::Write::write(&mut &self.file, buf)?);
        }
        if self.append {
            let n = std::io::Write::write(&mut &self.file, buf)?;
            self.pos = self.file.metadata()?.len();
            return Ok(n);
        }
        let n = self.file.write_at(buf, self.pos)?;
        self.pos = self.pos.checked_add(n as u64).ok_or(Errno::Overflow)?;
        Ok(n)
    }

    /// Writes at `offset` without moving the position. In append mode the data goes to the end,
    /// as `pwrite` does on Linux and in wasmtime.
    pub(crate) fn pwrite(&self, buf: &[u8], offset: u64) -> Result<usize, Errno> {
        if !self.seekable {
            return Err(Errno::Spipe);
        }
        if self.append {
            return Ok(std::io::Write::write(&mut &self.file, buf)?);
        }
        Ok(self.file.write_at(buf, offset)?)
    }

    /// Turns append mode on or off, on the host file too.
    pub(crate) fn set_append(&mut self, append: bool) -> Result<(), Errno> {
        if append != self.append {
            let mut flags = rustix::fs::fcntl_getfl(&self.file).map_err(Errno::from_host)?;
            flags.set(rustix::fs::OFlags::APPEND, append);
            rustix::fs::fcntl_setfl(&self.file, flags).map_err(Errno::from_host)?;
            self.append = append;
        }
        Ok(())
    }
}

/// One directory entry as `fd_readdir` returns it.
#[derive(Debug, Clone)]
pub(crate) struct Dirent {
    pub name: Vec<u8>,
    pub ino: u64,
    pub kind: Filetype,
}

/// An open directory: the capability every `path_*` function resolves its path in.
#[derive(Debug)]
pub(crate) struct DirDesc {
    pub dir: Dir,
    /// The guest path of a preopened directory.
    pub preopen: Option<String>,
    pub rights: Rights,
    /// The listing `fd_readdir` hands out by cookie, read again whenever it starts at cookie 0.
    pub entries: Option<Vec<Dirent>>,
}

impl DirDesc {
    /// A preopened directory with the rights wasmtime gives one.
    pub(crate) fn preopen(dir: Dir, guest_path: String) -> DirDesc {
        let rights = Rights { base: rights::DIR_BASE, inheriting: rights::DIR_INHERITING };
        DirDesc { dir, preopen: Some(guest_path), rights, entries: None }
    }

    /// The entries from `cookie` on: `.` and `..` (cookies 0 and 1, with this directory's inode
    /// number for both, so nothing outside is revealed), then the directory's own entries.
    pub(crate) fn entries_from(&mut self, cookie: u64) -> Result<&[Dirent], Errno> {
        if cookie == 0 || self.entries.is_none() {
            self.entries = Some(read_entries(&self.dir)?);
        }
        let entries = self.entries.as_deref().expect("filled above");
        let start = usize::try_from(cookie).unwrap_or(usize::MAX).min(entries.len());
        Ok(&entries[start..])
    }
}

fn read_entries(dir: &Dir) -> Result<Vec<Dirent>, Errno> {
    use cap_std::fs::MetadataExt;
    let ino = dir.dir_metadata()?.ino();
    let mut out = vec![
        Dirent { name: b".".to_vec(), ino, kind: Filetype::Directory },
        Dirent { name: b"..".to_vec(), ino, kind: Filetype::Directory },
    ];
    for entry in dir.entries()? {
        let entry = entry?;
        let kind = match entry.file_type() {
            Ok(ty) => filetype_of(ty),
            // Removed while we listed.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e.into()),
        };
        // The inode number from `stat`, not from the listing: on overlay filesystems the two can
        // differ, and guests compare it with `fd_filestat_get`.
        let ino = entry.metadata().map(|m| m.ino()).unwrap_or(0);
        out.push(Dirent { name: entry.file_name().as_bytes().to_vec(), ino, kind });
    }
    Ok(out)
}

/// The WASI file type of a host file type.
pub(crate) fn filetype_of(ty: cap_std::fs::FileType) -> Filetype {
    use cap_std::fs::FileTypeExt;
    if ty.is_dir() {
        Filetype::Directory
    } else if ty.is_file() {
        Filetype::RegularFile
    } else if ty.is_symlink() {
        Filetype::SymbolicLink
    } else if ty.is_block_device() {
        Filetype::BlockDevice
    } else if ty.is_char_device() {
        Filetype::CharacterDevice
    } else if ty.is_socket() {
        Filetype::SocketStream
    } else {
        Filetype::Unknown
    }
}

/// A `filestat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Filestat {
    pub dev: u64,
    pub ino: u64,
    pub filetype: Filetype,
    pub nlink: u64,
    pub size: u64,
    pub atim: u64,
    pub mtim: u64,
    pub ctim: u64,
}

impl Filestat {
    /// The `filestat` of host metadata (timestamps before 1970 read as 0).
    pub(crate) fn of(meta: &cap_std::fs::Metadata) -> Filestat {
        use cap_std::fs::MetadataExt;
        let ns = |s: i64, n: i64| (s.max(0) as u64).saturating_mul(1_000_000_000).saturating_add(n.max(0) as u64);
        Filestat {
            dev: meta.dev(),
            ino: meta.ino(),
            filetype: filetype_of(meta.file_type()),
            nlink: meta.nlink(),
            size: meta.size(),
            atim: ns(meta.atime(), meta.atime_nsec()),
            mtim: ns(meta.mtime(), meta.mtime_nsec()),
            ctim: ns(meta.ctime(), meta.ctime_nsec()),
        }
    }

    /// The `filestat` of an open host file.
    pub(crate) fn of_file(file: &std::fs::File) -> Result<Filestat, Errno> {
        Ok(Filestat::of(&cap_std::fs::Metadata::from_file(file)?))
    }
}

/// `path_open` in `dir`: opens `path` (following a final symlink when `follow`) with `oflags`,
/// `fdflags` and rights no wider than `dir`'s inheriting rights.
///
/// The host access mode follows the rights: reading when `FD_READ`/`FD_READDIR` remain, writing
/// when `FD_WRITE`, `FD_ALLOCATE` or `FD_FILESTAT_SET_SIZE` do (and for `CREAT`/`TRUNC`, which the
/// host only does for writers). A descriptor without `FD_READ`/`FD_WRITE` answers `fd_read`/
/// `fd_write` with `Badf`, like a POSIX descriptor opened without that access.
pub(crate) fn open(
    dir: &DirDesc,
    follow: bool,
    path: &str,
    oflags: u16,
    requested: Rights,
    fdflags: u16,
) -> Result<Desc, Errno> {
    if oflags & !oflags::ALL != 0 || fdflags & !fdflags::ALL != 0 {
        return Err(Errno::Inval);
    }
    let directory = oflags & oflags::DIRECTORY != 0;
    if directory && oflags & (oflags::CREAT | oflags::EXCL) != 0 {
        return Err(Errno::Inval);
    }
    let rights = Rights {
        base: requested.base & dir.rights.inheriting,
        inheriting: requested.inheriting & dir.rights.inheriting,
    };
    let read = rights.base & (rights::FD_READ | rights::FD_READDIR) != 0;
    let write = rights.base & (rights::FD_WRITE | rights::FD_ALLOCATE | rights::FD_FILESTAT_SET_SIZE) != 0;
    let append = fdflags & fdflags::APPEND != 0;
    let host_write = write || append || oflags & (oflags::CREAT | oflags::TRUNC) != 0;

    let mut options = OpenOptions::new();
    options.read(read || !host_write).write(host_write);
    if oflags & oflags::CREAT != 0 {
        if oflags & oflags::EXCL != 0 {
            options.create_new(true);
        } else {
            options.create(true);
        }
    }
    options.truncate(oflags & oflags::TRUNC != 0);
    options.follow(if follow { FollowSymlinks::Yes } else { FollowSymlinks::No });
    options.maybe_dir(true);
    options.nonblock(fdflags & fdflags::NONBLOCK != 0);
    options.sync(fdflags & fdflags::SYNC != 0);
    options.dsync(fdflags & fdflags::DSYNC != 0);
    options.rsync(fdflags & fdflags::RSYNC != 0);
    let mut custom = rustix::fs::OFlags::empty();
    // `O_APPEND` as a custom flag: cap-std's (like std's) `append(true)` refuses to go with
    // `truncate(true)` (`Inval`), while `open(2)` and wasmtime take `TRUNC` with `APPEND`.
    custom.set(rustix::fs::OFlags::APPEND, append);
    // Fail with `NotDir` before opening (say) a FIFO, which could block.
    custom.set(rustix::fs::OFlags::DIRECTORY, directory);
    cap_std::fs::OpenOptionsExt::custom_flags(&mut options, custom.bits() as i32);
    let file = match dir.dir.open_with(path, &options).map_err(Errno::from) {
        Ok(file) => file.into_std(),
        Err(Errno::NotDir) if directory && follow => open_dir_via_symlink(dir, path, host_write)?,
        Err(e) => return Err(e),
    };
    let meta = cap_std::fs::Metadata::from_file(&file)?;
    if meta.is_dir() {
        let rights = Rights { base: rights.base & rights::DIR, inheriting: rights.inheriting };
        return Ok(Desc::Dir(DirDesc { dir: Dir::from_std_file(file), preopen: None, rights, entries: None }));
    }
    if directory {
        return Err(Errno::NotDir);
    }
    let kind = filetype_of(meta.file_type());
    Ok(Desc::File(FileDesc {
        file,
        pos: 0,
        append,
        flags: fdflags & (fdflags::NONBLOCK | fdflags::SYNCS),
        seekable: matches!(kind, Filetype::RegularFile | Filetype::BlockDevice),
        kind,
        rights: Rights { base: rights.base & rights::FILE, inheriting: rights.inheriting & rights::FILE },
    }))
}

/// `path_open` of a symlink to a directory with `DIRECTORY` and `SYMLINK_FOLLOW`, where cap-std
/// resolves paths by hand (no `openat2`: kernels before 5.6, seccomp filters, valgrind): there it
/// opens the final symlink with `O_NOFOLLOW`, which with our custom `O_DIRECTORY` fails with
/// `NotDir` rather than reporting a symlink to follow. `path` is opened as a directory when it
/// leads to one; otherwise the `NotDir` stands.
#[cold]
fn open_dir_via_symlink(dir: &DirDesc, path: &str, write: bool) -> Result<std::fs::File, Errno> {
    let symlink = dir.dir.symlink_metadata(path).is_ok_and(|meta| meta.is_symlink());
    if !symlink || !dir.dir.metadata(path).is_ok_and(|meta| meta.is_dir()) {
        return Err(Errno::NotDir);
    }
    // As `open(2)` answers a request to write to a directory.
    if write {
        return Err(Errno::IsDir);
    }
    Ok(dir.dir.open_dir(path)?.into_std_file())
}

/// Checks `fstflags` and returns the access and modification times they ask for: `None` to leave
/// one alone, `Some(None)` for "now", `Some(Some(t))` for nanoseconds `t` since the epoch.
pub(crate) fn times(atim: u64, mtim: u64, flags: u16) -> Result<[Option<Option<u64>>; 2], Errno> {
    let one = |value: u64, set: u16, now: u16| match (flags & set != 0, flags & now != 0) {
        (true, true) => Err(Errno::Inval),
        (true, false) => Ok(Some(Some(value))),
        (false, true) => Ok(Some(None)),
        (false, false) => Ok(None),
    };
    if flags & !fstflags::ALL != 0 {
        return Err(Errno::Inval);
    }
    Ok([one(atim, fstflags::ATIM, fstflags::ATIM_NOW)?, one(mtim, fstflags::MTIM, fstflags::MTIM_NOW)?])
}

/// Sets the times of an open file or directory (`futimens`).
pub(crate) fn set_fd_times(fd: impl std::os::fd::AsFd, times: [Option<Option<u64>>; 2]) -> Result<(), Errno> {
    let spec = |time: Option<Option<u64>>| match time {
        None => rustix::fs::Timespec { tv_sec: 0, tv_nsec: rustix::fs::UTIME_OMIT },
        Some(None) => rustix::fs::Timespec { tv_sec: 0, tv_nsec: rustix::fs::UTIME_NOW },
        Some(Some(ns)) => {
            rustix::fs::Timespec { tv_sec: (ns / 1_000_000_000) as i64, tv_nsec: (ns % 1_000_000_000) as _ }
        }
    };
    let stamps = rustix::fs::Timestamps { last_access: spec(times[0]), last_modification: spec(times[1]) };
    rustix::fs::futimens(fd, &stamps).map_err(Errno::from_host)
}

/// Sets the times of `path` in `dir`, of the symlink itself unless `follow`.
pub(crate) fn set_path_times(
    dir: &Dir,
    path: &str,
    follow: bool,
    times: [Option<Option<u64>>; 2],
) -> Result<(), Errno> {
    let spec = |time: Option<Option<u64>>| {
        time.map(|t| match t {
            None => cap_fs_ext::SystemTimeSpec::SymbolicNow,
            Some(ns) => cap_fs_ext::SystemTimeSpec::Absolute(cap_std::time::SystemTime::from_std(
                SystemTime::UNIX_EPOCH + Duration::from_nanos(ns),
            )),
        })
    };
    let (atime, mtime) = (spec(times[0]), spec(times[1]));
    if follow { dir.set_times(path, atime, mtime) } else { dir.set_symlink_times(path, atime, mtime) }
        .map_err(Errno::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fstflags_pick_each_time_and_reject_set_with_now() {
        use fstflags::*;
        assert_eq!(times(1, 2, 0), Ok([None, None]));
        assert_eq!(times(1, 2, ATIM | MTIM_NOW), Ok([Some(Some(1)), Some(None)]));
        assert_eq!(times(1, 2, ATIM_NOW | MTIM), Ok([Some(None), Some(Some(2))]));
        assert_eq!(times(1, 2, ATIM | ATIM_NOW), Err(Errno::Inval));
        assert_eq!(times(1, 2, MTIM | MTIM_NOW), Err(Errno::Inval));
        assert_eq!(times(1, 2, 1 << 4), Err(Errno::Inval));
    }
}
