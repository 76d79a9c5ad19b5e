//! The `fd_*` functions: reading, writing, seeking, stat and flags of open descriptors, the
//! preopen queries and directory listings.
//!
//! Data moves straight between guest memory and the host file (`pread`/`pwrite` into the guest's
//! buffer), with one gathering copy only when a write has several non-empty iovecs.

// The functions take the witx parameters one by one, however many there are.
#![allow(clippy::too_many_arguments)]

use super::super::ctx::WasiCtx;
use super::super::errno::Errno;
use super::super::fs::{self, Filestat};
use super::super::guest::{Iovecs, iovecs, slice, slice_mut, write_u32, write_u64};
use super::super::table::{Desc, Rights};
use super::super::types::{ADVICE_MAX, DIRENT_SIZE, FDSTAT_SIZE, FILESTAT_SIZE, fdflags, rights, whence};
use std::os::fd::AsFd;

type Res = Result<(), Errno>;

/// Buffers larger than this are not kept for reuse between writes.
const MAX_KEPT_SCRATCH: usize = 1 << 16;

pub(super) fn fd_advise(ctx: &mut WasiCtx, _: &mut [u8], fd: u32, offset: u64, len: u64, advice: u32) -> Res {
    if advice > ADVICE_MAX {
        return Err(Errno::Inval);
    }
    let file = ctx.table.file_mut(fd)?;
    let advice = match advice {
        0 => rustix::fs::Advice::Normal,
        1 => rustix::fs::Advice::Sequential,
        2 => rustix::fs::Advice::Random,
        3 => rustix::fs::Advice::WillNeed,
        4 => rustix::fs::Advice::DontNeed,
        _ => rustix::fs::Advice::NoReuse,
    };
    match rustix::fs::fadvise(&file.file, offset, std::num::NonZeroU64::new(len), advice) {
        // Advice is only advice: a pipe or a file system that takes none is no error.
        Ok(()) | Err(rustix::io::Errno::SPIPE | rustix::io::Errno::NOSYS) => Ok(()),
        Err(e) => Err(Errno::from_host(e)),
    }
}

pub(super) fn fd_allocate(ctx: &mut WasiCtx, _: &mut [u8], fd: u32, offset: u64, len: u64) -> Res {
    let file = ctx.table.file_mut(fd)?;
    let end = offset.checked_add(len).filter(|&end| end <= i64::MAX as u64).ok_or(Errno::Fbig)?;
    if len == 0 {
        return Err(Errno::Inval);
    }
    match rustix::fs::fallocate(&file.file, rustix::fs::FallocateFlags::empty(), offset, len) {
        Ok(()) => Ok(()),
        // File systems without `fallocate` (tmpfs on old kernels, some FUSE ones): grow the file.
        Err(rustix::io::Errno::OPNOTSUPP | rustix::io::Errno::NOSYS) => {
            if file.file.metadata()?.len() < end {
                file.file.set_len(end)?;
            }
            Ok(())
        }
        Err(e) => Err(Errno::from_host(e)),
    }
}

pub(super) fn fd_close(ctx: &mut WasiCtx, _: &mut [u8], fd: u32) -> Res {
    if let Desc::Output(out) = ctx.table.remove(fd)? {
        let mut sink = out.sink;
        sink.flush()?;
    }
    Ok(())
}

/// `fd_sync` and `fd_datasync`: files and directories (an `fsync` of a directory makes renames in
/// it durable); stdio has nothing to sync (`Badf`, as in wasmtime).
fn sync(ctx: &mut WasiCtx, fd: u32, data_only: bool) -> Res {
    let result = match ctx.table.get(fd)? {
        Desc::File(file) if data_only => rustix::fs::fdatasync(&file.file),
        Desc::File(file) => rustix::fs::fsync(&file.file),
        Desc::Dir(dir) => rustix::fs::fsync(&dir.dir),
        Desc::Input(_) | Desc::Output(_) => return Err(Errno::Badf),
    };
    match result {
        // Some file systems cannot sync directories.
        Err(rustix::io::Errno::INVAL) if matches!(ctx.table.get(fd), Ok(Desc::Dir(_))) => Ok(()),
        result => result.map_err(Errno::from_host),
    }
}

pub(super) fn fd_datasync(ctx: &mut WasiCtx, _: &mut [u8], fd: u32) -> Res {
    sync(ctx, fd, true)
}

pub(super) fn fd_sync(ctx: &mut WasiCtx, _: &mut [u8], fd: u32) -> Res {
    sync(ctx, fd, false)
}

pub(super) fn fd_fdstat_get(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, out: u32) -> Res {
    slice_mut(mem, out, FDSTAT_SIZE)?;
    let desc = ctx.table.get(fd)?;
    let (filetype, flags) = desc.filetype_and_flags()?;
    let rights = desc.rights();
    let buf = slice_mut(mem, out, FDSTAT_SIZE)?;
    buf.fill(0);
    buf[0] = filetype as u8;
    buf[2..4].copy_from_slice(&flags.to_le_bytes());
    buf[8..16].copy_from_slice(&rights.base.to_le_bytes());
    buf[16..24].copy_from_slice(&rights.inheriting.to_le_bytes());
    Ok(())
}

/// Changes `APPEND` and `NONBLOCK`. The sync flags are fixed when a file is opened (a request to
/// change them is `Inval`, as in wasmtime; repeating them is fine).
pub(super) fn fd_fdstat_set_flags(ctx: &mut WasiCtx, _: &mut [u8], fd: u32, flags: u32) -> Res {
    let flags = u16::try_from(flags).ok().filter(|f| f & !fdflags::ALL == 0).ok_or(Errno::Inval)?;
    match ctx.table.get_mut(fd)? {
        Desc::File(file) => {
            if flags & fdflags::SYNCS != file.flags & fdflags::SYNCS {
                return Err(Errno::Inval);
            }
            file.set_append(flags & fdflags::APPEND != 0)?;
            let nonblock = flags & fdflags::NONBLOCK != 0;
            if nonblock != (file.flags & fdflags::NONBLOCK != 0) {
                let mut host = rustix::fs::fcntl_getfl(&file.file).map_err(Errno::from_host)?;
                host.set(rustix::fs::OFlags::NONBLOCK, nonblock);
                rustix::fs::fcntl_setfl(&file.file, host).map_err(Errno::from_host)?;
                file.flags ^= fdflags::NONBLOCK;
            }
            Ok(())
        }
        // The host's stdio is shared with the host process: the flags are recorded, not applied.
        Desc::Input(input) if flags & fdflags::SYNCS == 0 => {
            input.flags = flags;
            Ok(())
        }
        Desc::Output(output) if flags & fdflags::SYNCS == 0 => {
            output.flags = flags;
            Ok(())
        }
        Desc::Input(_) | Desc::Output(_) => Err(Errno::Inval),
        Desc::Dir(_) => Err(Errno::Badf),
    }
}

/// Drops rights; asking for a right the descriptor does not have is `NotCapable`.
pub(super) fn fd_fdstat_set_rights(ctx: &mut WasiCtx, _: &mut [u8], fd: u32, base: u64, inheriting: u64) -> Res {
    ctx.table.get_mut(fd)?.rights_mut().restrict(Rights { base, inheriting })
}

/// Writes a `filestat` at `out` (checked beforehand by the caller).
pub(super) fn write_filestat(mem: &mut [u8], out: u32, stat: &Filestat) -> Res {
    let buf = slice_mut(mem, out, FILESTAT_SIZE)?;
    buf.fill(0);
    buf[0..8].copy_from_slice(&stat.dev.to_le_bytes());
    buf[8..16].copy_from_slice(&stat.ino.to_le_bytes());
    buf[16] = stat.filetype as u8;
    buf[24..32].copy_from_slice(&stat.nlink.to_le_bytes());
    buf[32..40].copy_from_slice(&stat.size.to_le_bytes());
    buf[40..48].copy_from_slice(&stat.atim.to_le_bytes());
    buf[48..56].copy_from_slice(&stat.mtim.to_le_bytes());
    buf[56..64].copy_from_slice(&stat.ctim.to_le_bytes());
    Ok(())
}

pub(super) fn fd_filestat_get(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, out: u32) -> Res {
    slice_mut(mem, out, FILESTAT_SIZE)?;
    let stat = match ctx.table.get(fd)? {
        Desc::File(file) => Filestat::of_file(&file.file)?,
        Desc::Dir(dir) => Filestat::of(&dir.dir.dir_metadata()?),
        desc @ (Desc::Input(_) | Desc::Output(_)) => {
            let (filetype, _) = desc.filetype_and_flags()?;
            Filestat { dev: 0, ino: 0, filetype, nlink: 0, size: 0, atim: 0, mtim: 0, ctim: 0 }
        }
    };
    write_filestat(mem, out, &stat)
}

pub(super) fn fd_filestat_set_size(ctx: &mut WasiCtx, _: &mut [u8], fd: u32, size: u64) -> Res {
    let file = ctx.table.file_mut(fd)?;
    if size > i64::MAX as u64 {
        return Err(Errno::Fbig);
    }
    Ok(file.file.set_len(size)?)
}

pub(super) fn fd_filestat_set_times(ctx: &mut WasiCtx, _: &mut [u8], fd: u32, atim: u64, mtim: u64, flags: u32) -> Res {
    let times = fs::times(atim, mtim, u16::try_from(flags).map_err(|_| Errno::Inval)?)?;
    match ctx.table.get(fd)? {
        Desc::File(file) => fs::set_fd_times(&file.file, times),
        Desc::Dir(dir) => fs::set_fd_times(dir.dir.as_fd(), times),
        Desc::Input(_) | Desc::Output(_) => Err(Errno::Badf),
    }
}

/// The total of `n` read or written bytes as WASI's `size` (iovec lengths add up within `u32`).
fn size(n: usize) -> u32 {
    n as u32
}

/// Reads into the iovecs: the first non-empty one with a single read, then, for a seekable file,
/// on into the next ones while each fills up.
fn read_into(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, iovs: &Iovecs, offset: Option<u64>) -> Result<usize, Errno> {
    let mut total = 0usize;
    match ctx.table.get_mut(fd)? {
        Desc::File(file) => {
            if file.rights.base & rights::FD_READ == 0 {
                return Err(Errno::Badf);
            }
            for &(buf, len) in iovs.iter().filter(|(_, len)| *len > 0) {
                let dst = slice_mut(mem, buf, len)?;
                let n = match offset {
                    Some(offset) => file.pread(dst, offset.checked_add(total as u64).ok_or(Errno::Overflow)?)?,
                    None => file.read(dst)?,
                };
                total += n;
                if n < len as usize || !file.seekable {
                    break;
                }
            }
        }
        Desc::Input(input) => {
            if offset.is_some() {
                return Err(Errno::Spipe);
            }
            if let Some(&(buf, len)) = iovs.iter().find(|(_, len)| *len > 0) {
                total = input.source.read(slice_mut(mem, buf, len)?)?;
            }
        }
        Desc::Output(_) | Desc::Dir(_) => return Err(Errno::Badf),
    }
    Ok(total)
}

pub(super) fn fd_read(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, iovs: u32, iovs_len: u32, nread: u32) -> Res {
    slice_mut(mem, nread, 4)?;
    let iovs = iovecs(mem, iovs, iovs_len)?;
    let n = read_into(ctx, mem, fd, &iovs, None)?;
    write_u32(mem, nread, size(n))
}

pub(super) fn fd_pread(
    ctx: &mut WasiCtx,
    mem: &mut [u8],
    fd: u32,
    iovs: u32,
    iovs_len: u32,
    offset: u64,
    nread: u32,
) -> Res {
    slice_mut(mem, nread, 4)?;
    let iovs = iovecs(mem, iovs, iovs_len)?;
    let n = read_into(ctx, mem, fd, &iovs, Some(offset))?;
    write_u32(mem, nread, size(n))
}

/// Writes the iovecs with one write: straight from guest memory when only one is non-empty,
/// otherwise gathered into the context's scratch buffer first.
fn write_from(ctx: &mut WasiCtx, mem: &[u8], fd: u32, iovs: &Iovecs, offset: Option<u64>) -> Result<usize, Errno> {
    let mut non_empty = iovs.iter().filter(|(_, len)| *len > 0);
    let (first, second) = (non_empty.next(), non_empty.next());
    let mut scratch = std::mem::take(&mut ctx.scratch);
    let bytes: &[u8] = match (first, second) {
        (None, _) => &[],
        (Some(&(buf, len)), None) => slice(mem, buf, len)?,
        (Some(_), Some(_)) => {
            scratch.clear();
            for &(buf, len) in iovs.iter() {
                scratch.extend_from_slice(slice(mem, buf, len)?);
            }
            &scratch
        }
    };
    let result = match ctx.table.get_mut(fd)? {
        Desc::File(file) if file.rights.base & rights::FD_WRITE == 0 => Err(Errno::Badf),
        Desc::File(_) | Desc::Output(_) if bytes.is_empty() => Ok(0),
        Desc::File(file) => match offset {
            Some(offset) => file.pwrite(bytes, offset),
            None => file.write(bytes),
        },
        Desc::Output(_) if offset.is_some() => Err(Errno::Spipe),
        Desc::Output(out) => out.sink.write(out.host, bytes).map_err(Errno::from),
        Desc::Input(_) | Desc::Dir(_) => Err(Errno::Badf),
    };
    if scratch.capacity() <= MAX_KEPT_SCRATCH {
        ctx.scratch = scratch;
    }
    result
}

pub(super) fn fd_write(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, iovs: u32, iovs_len: u32, nwritten: u32) -> Res {
    slice_mut(mem, nwritten, 4)?;
    let iovs = iovecs(mem, iovs, iovs_len)?;
    let n = write_from(ctx, mem, fd, &iovs, None)?;
    write_u32(mem, nwritten, size(n))
}

pub(super) fn fd_pwrite(
    ctx: &mut WasiCtx,
    mem: &mut [u8],
    fd: u32,
    iovs: u32,
    iovs_len: u32,
    offset: u64,
    nwritten: u32,
) -> Res {
    slice_mut(mem, nwritten, 4)?;
    let iovs = iovecs(mem, iovs, iovs_len)?;
    let n = write_from(ctx, mem, fd, &iovs, Some(offset))?;
    write_u32(mem, nwritten, size(n))
}

/// The guest path of preopen `fd`: `Badf` for a descriptor that is not one.
fn preopen_name(ctx: &WasiCtx, fd: u32) -> Result<&str, Errno> {
    match ctx.table.get(fd)? {
        Desc::Dir(dir) => dir.preopen.as_deref().ok_or(Errno::Badf),
        _ => Err(Errno::Badf),
    }
}

pub(super) fn fd_prestat_get(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, out: u32) -> Res {
    slice_mut(mem, out, 8)?;
    let len = u32::try_from(preopen_name(ctx, fd)?.len()).map_err(|_| Errno::NameTooLong)?;
    let buf = slice_mut(mem, out, 8)?;
    buf.fill(0);
    // `prestat` is a union tagged `preopentype::dir` (0) with the name length at offset 4.
    buf[4..8].copy_from_slice(&len.to_le_bytes());
    Ok(())
}

/// Writes the preopen's name (without a NUL); `NameTooLong` when it does not fit `path_len`, and
/// `NotDir` for a descriptor that is not a preopen (both as wasmtime).
pub(super) fn fd_prestat_dir_name(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, path: u32, path_len: u32) -> Res {
    let name = match preopen_name(ctx, fd) {
        Err(Errno::Badf) if ctx.table.get(fd).is_ok() => return Err(Errno::NotDir),
        name => name?,
    };
    if name.len() > path_len as usize {
        return Err(Errno::NameTooLong);
    }
    slice_mut(mem, path, name.len() as u32)?.copy_from_slice(name.as_bytes());
    Ok(())
}

/// Lists a directory from `cookie` on: each entry is a 24-byte `dirent` followed by its name,
/// and the last one is cut off when the buffer is full (`bufused == buf_len` tells the guest to
/// retry with a larger buffer or to go on from the last complete entry's `d_next`).
pub(super) fn fd_readdir(
    ctx: &mut WasiCtx,
    mem: &mut [u8],
    fd: u32,
    buf: u32,
    buf_len: u32,
    cookie: u64,
    bufused: u32,
) -> Res {
    slice_mut(mem, bufused, 4)?;
    slice_mut(mem, buf, buf_len)?;
    let dir = ctx.table.dir_mut(fd)?;
    let entries = dir.entries_from(cookie)?;
    let out = slice_mut(mem, buf, buf_len)?;
    let mut used = 0usize;
    let mut next = cookie;
    for entry in entries {
        next += 1;
        let mut header = [0u8; DIRENT_SIZE];
        header[0..8].copy_from_slice(&next.to_le_bytes());
        header[8..16].copy_from_slice(&entry.ino.to_le_bytes());
        header[16..20].copy_from_slice(&(entry.name.len() as u32).to_le_bytes());
        header[20] = entry.kind as u8;
        for part in [&header[..], &entry.name[..]] {
            let n = part.len().min(out.len() - used);
            out[used..used + n].copy_from_slice(&part[..n]);
            used += n;
        }
        if used == out.len() {
            break;
        }
    }
    write_u32(mem, bufused, used as u32)
}

pub(super) fn fd_renumber(ctx: &mut WasiCtx, _: &mut [u8], from: u32, to: u32) -> Res {
    ctx.table.renumber(from, to)
}

/// The new position of a seek, `Inval` when it would be negative or overflow.
fn seek(ctx: &mut WasiCtx, fd: u32, offset: i64, how: u32) -> Result<u64, Errno> {
    let file = match ctx.table.get_mut(fd)? {
        Desc::File(file) if file.seekable => file,
        // Pipes, sockets, character devices and stdio cannot seek.
        Desc::File(_) | Desc::Input(_) | Desc::Output(_) => return Err(Errno::Spipe),
        Desc::Dir(_) => return Err(Errno::Badf),
    };
    let base = match how {
        whence::SET => 0,
        whence::CUR => file.pos,
        whence::END => file.file.metadata()?.len(),
        _ => return Err(Errno::Inval),
    };
    let pos = base.checked_add_signed(offset).filter(|&pos| pos <= i64::MAX as u64).ok_or(Errno::Inval)?;
    file.pos = pos;
    Ok(pos)
}

pub(super) fn fd_seek(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, offset: u64, how: u32, out: u32) -> Res {
    slice_mut(mem, out, 8)?;
    let pos = seek(ctx, fd, offset as i64, how)?;
    write_u64(mem, out, pos)
}

pub(super) fn fd_tell(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, out: u32) -> Res {
    slice_mut(mem, out, 8)?;
    let pos = seek(ctx, fd, 0, whence::CUR)?;
    write_u64(mem, out, pos)
}
