//! Arguments and environment, clocks, randomness, `proc_raise`, `sched_yield`, and the socket
//! functions (hayate gives guests no sockets, so those answer `NotSock` for any open descriptor).

// The functions take the witx parameters one by one, however many there are.
#![allow(clippy::too_many_arguments)]

use super::super::ctx::WasiCtx;
use super::super::errno::Errno;
use super::super::guest::{StringList, slice_mut, write_string_list, write_u32, write_u64};
use super::super::types::clock;
use std::io::Read;

type Res = Result<(), Errno>;

/// `args_sizes_get`/`environ_sizes_get`: the number of strings and the bytes they need with
/// their NULs.
fn sizes_get(mem: &mut [u8], list: &StringList, count: u32, size: u32) -> Res {
    slice_mut(mem, count, 4)?;
    slice_mut(mem, size, 4)?;
    write_u32(mem, count, list.count())?;
    write_u32(mem, size, list.buf_size())
}

pub(super) fn args_get(ctx: &mut WasiCtx, mem: &mut [u8], argv: u32, buf: u32) -> Res {
    write_string_list(mem, &ctx.args, argv, buf)
}

pub(super) fn args_sizes_get(ctx: &mut WasiCtx, mem: &mut [u8], count: u32, size: u32) -> Res {
    sizes_get(mem, &ctx.args, count, size)
}

pub(super) fn environ_get(ctx: &mut WasiCtx, mem: &mut [u8], environ: u32, buf: u32) -> Res {
    write_string_list(mem, &ctx.env, environ, buf)
}

pub(super) fn environ_sizes_get(ctx: &mut WasiCtx, mem: &mut [u8], count: u32, size: u32) -> Res {
    sizes_get(mem, &ctx.env, count, size)
}

/// The host clock behind a WASI clock id; `Inval` for ids preview1 does not define.
fn clock_id(id: u32) -> Result<rustix::time::ClockId, Errno> {
    Ok(match id {
        clock::REALTIME => rustix::time::ClockId::Realtime,
        clock::MONOTONIC => rustix::time::ClockId::Monotonic,
        clock::PROCESS_CPUTIME => rustix::time::ClockId::ProcessCPUTime,
        clock::THREAD_CPUTIME => rustix::time::ClockId::ThreadCPUTime,
        _ => return Err(Errno::Inval),
    })
}

/// Nanoseconds of a host timespec (never negative for the clocks above).
fn nanos(ts: rustix::time::Timespec) -> u64 {
    (ts.tv_sec.max(0) as u64).saturating_mul(1_000_000_000).saturating_add(ts.tv_nsec.max(0) as u64)
}

/// The current time of WASI clock `id` in nanoseconds.
pub(super) fn now(id: u32) -> Result<u64, Errno> {
    Ok(nanos(rustix::time::clock_gettime(clock_id(id)?)))
}

pub(super) fn clock_res_get(_: &mut WasiCtx, mem: &mut [u8], id: u32, out: u32) -> Res {
    slice_mut(mem, out, 8)?;
    let res = nanos(rustix::time::clock_getres(clock_id(id)?)).max(1);
    write_u64(mem, out, res)
}

pub(super) fn clock_time_get(_: &mut WasiCtx, mem: &mut [u8], id: u32, _precision: u64, out: u32) -> Res {
    slice_mut(mem, out, 8)?;
    write_u64(mem, out, now(id)?)
}

/// Fills the buffer from the host's `/dev/urandom` (a cryptographically secure source), reading
/// straight into guest memory.
pub(super) fn random_get(ctx: &mut WasiCtx, mem: &mut [u8], buf: u32, len: u32) -> Res {
    let dst = slice_mut(mem, buf, len)?;
    if ctx.random.is_none() {
        ctx.random = Some(std::fs::File::open("/dev/urandom")?);
    }
    let random = ctx.random.as_mut().expect("opened above");
    Ok(random.read_exact(dst)?)
}

/// Signals are not supported: wasmtime answers `NotSup` too.
pub(super) fn proc_raise(_: &mut WasiCtx, _: &mut [u8], _signal: u32) -> Res {
    Err(Errno::NotSup)
}

pub(super) fn sched_yield(_: &mut WasiCtx, _: &mut [u8]) -> Res {
    std::thread::yield_now();
    Ok(())
}

/// No descriptor a hayate guest has is a socket: `Badf` for a closed one, `NotSock` otherwise.
fn not_a_socket(ctx: &WasiCtx, fd: u32) -> Res {
    ctx.table.get(fd)?;
    Err(Errno::NotSock)
}

pub(super) fn sock_accept(ctx: &mut WasiCtx, _: &mut [u8], fd: u32, _flags: u32, _out: u32) -> Res {
    not_a_socket(ctx, fd)
}

pub(super) fn sock_recv(
    ctx: &mut WasiCtx,
    _: &mut [u8],
    fd: u32,
    _data: u32,
    _data_len: u32,
    _flags: u32,
    _datalen: u32,
    _oflags: u32,
) -> Res {
    not_a_socket(ctx, fd)
}

pub(super) fn sock_send(
    ctx: &mut WasiCtx,
    _: &mut [u8],
    fd: u32,
    _data: u32,
    _data_len: u32,
    _flags: u32,
    _datalen: u32,
) -> Res {
    not_a_socket(ctx, fd)
}

pub(super) fn sock_shutdown(ctx: &mut WasiCtx, _: &mut [u8], fd: u32, _how: u32) -> Res {
    not_a_socket(ctx, fd)
}
