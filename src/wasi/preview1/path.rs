//! The `path_*` functions. Each resolves its path inside a directory descriptor with cap-std,
//! which refuses (`Perm`) absolute paths and any `..` or symlink that would lead outside it.

// The functions take the witx parameters one by one, however many there are.
#![allow(clippy::too_many_arguments)]

use super::super::ctx::WasiCtx;
use super::super::errno::Errno;
use super::super::fs::{self, Filestat};
use super::super::guest::{path, slice_mut, write_u32};
use super::super::table::Rights;
use super::super::types::{FILESTAT_SIZE, LOOKUP_SYMLINK_FOLLOW};
use super::fd::write_filestat;

type Res = Result<(), Errno>;

/// Whether `lookupflags` ask to follow a final symlink; `Inval` for unknown bits.
fn follow(flags: u32) -> Result<bool, Errno> {
    if flags & !LOOKUP_SYMLINK_FOLLOW != 0 {
        return Err(Errno::Inval);
    }
    Ok(flags & LOOKUP_SYMLINK_FOLLOW != 0)
}

pub(super) fn path_create_directory(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, ptr: u32, len: u32) -> Res {
    let path = path(mem, ptr, len)?;
    Ok(ctx.table.dir(fd)?.dir.create_dir(path)?)
}

pub(super) fn path_filestat_get(
    ctx: &mut WasiCtx,
    mem: &mut [u8],
    fd: u32,
    flags: u32,
    ptr: u32,
    len: u32,
    out: u32,
) -> Res {
    slice_mut(mem, out, FILESTAT_SIZE)?;
    let follow = follow(flags)?;
    let dir = &ctx.table.dir(fd)?.dir;
    let path = path(mem, ptr, len)?;
    let meta = if follow { dir.metadata(path)? } else { dir.symlink_metadata(path)? };
    write_filestat(mem, out, &Filestat::of(&meta))
}

pub(super) fn path_filestat_set_times(
    ctx: &mut WasiCtx,
    mem: &mut [u8],
    fd: u32,
    flags: u32,
    ptr: u32,
    len: u32,
    atim: u64,
    mtim: u64,
    fst_flags: u32,
) -> Res {
    let follow = follow(flags)?;
    let times = fs::times(atim, mtim, u16::try_from(fst_flags).map_err(|_| Errno::Inval)?)?;
    let dir = &ctx.table.dir(fd)?.dir;
    fs::set_path_times(dir, path(mem, ptr, len)?, follow, times)
}

/// Hard links never follow a symlink at `old_path` (`Inval` when asked to, as wasmtime).
pub(super) fn path_link(
    ctx: &mut WasiCtx,
    mem: &mut [u8],
    old_fd: u32,
    old_flags: u32,
    old_ptr: u32,
    old_len: u32,
    new_fd: u32,
    new_ptr: u32,
    new_len: u32,
) -> Res {
    if follow(old_flags)? {
        return Err(Errno::Inval);
    }
    let (old_dir, new_dir) = (&ctx.table.dir(old_fd)?.dir, &ctx.table.dir(new_fd)?.dir);
    let (old_path, new_path) = (path(mem, old_ptr, old_len)?, path(mem, new_ptr, new_len)?);
    Ok(old_dir.hard_link(old_path, new_dir, new_path)?)
}

pub(super) fn path_open(
    ctx: &mut WasiCtx,
    mem: &mut [u8],
    fd: u32,
    dirflags: u32,
    ptr: u32,
    len: u32,
    oflags: u32,
    base: u64,
    inheriting: u64,
    fdflags: u32,
    out: u32,
) -> Res {
    slice_mut(mem, out, 4)?;
    let follow = follow(dirflags)?;
    let oflags = u16::try_from(oflags).map_err(|_| Errno::Inval)?;
    let fdflags = u16::try_from(fdflags).map_err(|_| Errno::Inval)?;
    let dir = ctx.table.dir(fd)?;
    let desc = fs::open(dir, follow, path(mem, ptr, len)?, oflags, Rights { base, inheriting }, fdflags)?;
    let new_fd = ctx.table.insert(desc)?;
    write_u32(mem, out, new_fd)
}

/// Reads a symlink's contents, cut to `buf_len` bytes. A link to an absolute path is refused
/// (`Perm`) rather than revealing a host path.
pub(super) fn path_readlink(
    ctx: &mut WasiCtx,
    mem: &mut [u8],
    fd: u32,
    ptr: u32,
    len: u32,
    buf: u32,
    buf_len: u32,
    bufused: u32,
) -> Res {
    slice_mut(mem, bufused, 4)?;
    slice_mut(mem, buf, buf_len)?;
    let dir = &ctx.table.dir(fd)?.dir;
    let target = dir.read_link(path(mem, ptr, len)?)?;
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(target.as_os_str());
    let n = bytes.len().min(buf_len as usize);
    slice_mut(mem, buf, n as u32)?.copy_from_slice(&bytes[..n]);
    write_u32(mem, bufused, n as u32)
}

pub(super) fn path_remove_directory(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, ptr: u32, len: u32) -> Res {
    let path = path(mem, ptr, len)?;
    Ok(ctx.table.dir(fd)?.dir.remove_dir(path)?)
}

pub(super) fn path_rename(
    ctx: &mut WasiCtx,
    mem: &mut [u8],
    old_fd: u32,
    old_ptr: u32,
    old_len: u32,
    new_fd: u32,
    new_ptr: u32,
    new_len: u32,
) -> Res {
    let (old_dir, new_dir) = (&ctx.table.dir(old_fd)?.dir, &ctx.table.dir(new_fd)?.dir);
    let (old_path, new_path) = (path(mem, old_ptr, old_len)?, path(mem, new_ptr, new_len)?);
    Ok(old_dir.rename(old_path, new_dir, new_path)?)
}

/// Creates a symlink whose contents are `old_path`. Any relative contents are allowed (following
/// the link later is confined like every other path); absolute ones are refused (`Perm`).
pub(super) fn path_symlink(
    ctx: &mut WasiCtx,
    mem: &mut [u8],
    old_ptr: u32,
    old_len: u32,
    fd: u32,
    new_ptr: u32,
    new_len: u32,
) -> Res {
    let (old_path, new_path) = (path(mem, old_ptr, old_len)?, path(mem, new_ptr, new_len)?);
    if old_path.starts_with('/') {
        return Err(Errno::Perm);
    }
    Ok(ctx.table.dir(fd)?.dir.symlink(old_path, new_path)?)
}

pub(super) fn path_unlink_file(ctx: &mut WasiCtx, mem: &mut [u8], fd: u32, ptr: u32, len: u32) -> Res {
    let path = path(mem, ptr, len)?;
    Ok(ctx.table.dir(fd)?.dir.remove_file(path)?)
}
