//! `poll_oneoff`: waits for clock subscriptions (relative or absolute, on the realtime or
//! monotonic clock) and for descriptors to be ready. Regular files, in-memory stdin and the output
//! streams are always ready; the host's stdin and pipes are polled with `poll(2)`.

use super::super::ctx::WasiCtx;
use super::super::errno::Errno;
use super::super::guest::{read_u16, read_u32, read_u64, slice, slice_mut, write_u32};
use super::super::input::InputSource;
use super::super::table::Desc;
use super::super::types::{clock, poll};
use super::misc::now;
use rustix::event::{PollFd, PollFlags};
use std::os::fd::{AsFd, BorrowedFd};
use std::time::Duration;

/// What one subscription waits for.
#[derive(Debug, Clone, Copy)]
enum Wait {
    /// The monotonic clock reaching this many nanoseconds.
    Clock(u64),
    /// Descriptor `fd` being readable (`write == false`) or writable.
    Fd { fd: u32, write: bool },
}

/// The `event` answering one subscription.
#[derive(Debug, Clone, Copy)]
struct Event {
    userdata: u64,
    error: Errno,
    kind: u8,
    nbytes: u64,
    flags: u16,
}

/// How an fd subscription stands before any waiting.
enum Readiness {
    Now {
        nbytes: u64,
        hangup: bool,
    },
    Error(Errno),
    /// Ask the host: the descriptor is the host's stdin or a pipe-like file.
    Host,
}

fn readiness(ctx: &WasiCtx, fd: u32, write: bool) -> Readiness {
    match (ctx.table.get(fd), write) {
        (Err(e), _) => Readiness::Error(e),
        (Ok(Desc::File(file)), _) if !file.seekable => Readiness::Host,
        (Ok(Desc::File(file)), false) => {
            let size = file.file.metadata().map(|m| m.len()).unwrap_or(0);
            let nbytes = size.saturating_sub(file.pos);
            Readiness::Now { nbytes, hangup: false }
        }
        (Ok(Desc::File(_)), true) => Readiness::Now { nbytes: 0, hangup: false },
        (Ok(Desc::Input(input)), false) => match (&input.source, input.source.available()) {
            (InputSource::Inherit, _) => Readiness::Host,
            (_, Some(n)) => Readiness::Now { nbytes: n, hangup: n == 0 },
            (_, None) => Readiness::Now { nbytes: 1, hangup: false },
        },
        (Ok(Desc::Output(_)), true) => Readiness::Now { nbytes: 0, hangup: false },
        (Ok(Desc::Input(_) | Desc::Output(_) | Desc::Dir(_)), _) => Readiness::Error(Errno::Badf),
    }
}

/// The host descriptor `poll(2)` watches for subscription `fd`.
fn host_fd(ctx: &WasiCtx, fd: u32) -> Option<BorrowedFd<'_>> {
    match ctx.table.get(fd) {
        Ok(Desc::File(file)) => Some(file.file.as_fd()),
        Ok(Desc::Input(_)) => Some(rustix::stdio::stdin()),
        _ => None,
    }
}

/// Reads the subscriptions: `Inval` for an unknown tag, clock or clock flag.
fn subscriptions(mem: &[u8], subs: u32, nsubs: u32, start: u64) -> Result<Vec<(u64, Wait)>, Errno> {
    let mut out = Vec::with_capacity(nsubs as usize);
    for i in 0..nsubs {
        let at = subs + i * poll::SUBSCRIPTION_SIZE;
        let userdata = read_u64(mem, at)?;
        let wait = match slice(mem, at + 8, 1)?[0] {
            poll::CLOCK => {
                let (id, timeout, flags) = (read_u32(mem, at + 16)?, read_u64(mem, at + 24)?, read_u16(mem, at + 40)?);
                if flags & !poll::ABSTIME != 0 {
                    return Err(Errno::Inval);
                }
                let deadline = match (id, flags & poll::ABSTIME != 0) {
                    (clock::MONOTONIC | clock::REALTIME, false) => start.saturating_add(timeout),
                    (clock::MONOTONIC, true) => timeout,
                    (clock::REALTIME, true) => start.saturating_add(timeout.saturating_sub(now(clock::REALTIME)?)),
                    _ => return Err(Errno::Inval),
                };
                Wait::Clock(deadline)
            }
            poll::FD_READ => Wait::Fd { fd: read_u32(mem, at + 16)?, write: false },
            poll::FD_WRITE => Wait::Fd { fd: read_u32(mem, at + 16)?, write: true },
            _ => return Err(Errno::Inval),
        };
        out.push((userdata, wait));
    }
    Ok(out)
}

pub(super) fn poll_oneoff(
    ctx: &mut WasiCtx,
    mem: &mut [u8],
    subs: u32,
    events: u32,
    nsubs: u32,
    nevents: u32,
) -> Result<(), Errno> {
    if nsubs == 0 {
        return Err(Errno::Inval);
    }
    slice_mut(mem, nevents, 4)?;
    slice(mem, subs, nsubs.checked_mul(poll::SUBSCRIPTION_SIZE).ok_or(Errno::Fault)?)?;
    slice_mut(mem, events, nsubs.checked_mul(poll::EVENT_SIZE).ok_or(Errno::Fault)?)?;
    let start = now(clock::MONOTONIC)?;
    let subscriptions = subscriptions(mem, subs, nsubs, start)?;

    let mut ready = Vec::new();
    let mut host = Vec::new();
    for &(userdata, wait) in &subscriptions {
        if let Wait::Fd { fd, write } = wait {
            let kind = if write { poll::FD_WRITE } else { poll::FD_READ };
            match readiness(ctx, fd, write) {
                Readiness::Now { nbytes, hangup } => {
                    let flags = if hangup { poll::HANGUP } else { 0 };
                    ready.push(Event { userdata, error: Errno::Success, kind, nbytes, flags });
                }
                Readiness::Error(error) => ready.push(Event { userdata, error, kind, nbytes: 0, flags: 0 }),
                Readiness::Host => host.push((userdata, fd, write)),
            }
        }
    }
    let deadline = subscriptions.iter().filter_map(|(_, w)| if let Wait::Clock(d) = w { Some(*d) } else { None }).min();
    // Wait only when nothing is ready yet; then report whatever is ready by the end.
    let timeout = match (ready.is_empty(), deadline) {
        (false, _) => Some(0),
        (true, Some(deadline)) => Some(deadline.saturating_sub(start)),
        (true, None) => None,
    };
    if host.is_empty() {
        if let Some(ns) = timeout.filter(|&ns| ns > 0) {
            std::thread::sleep(Duration::from_nanos(ns));
        }
    } else {
        let mut fds: Vec<PollFd<'_>> = host
            .iter()
            .filter_map(|&(_, fd, write)| {
                let flags = if write { PollFlags::OUT } else { PollFlags::IN };
                host_fd(ctx, fd).map(|h| PollFd::from_borrowed_fd(h, flags))
            })
            .collect();
        let timespec = timeout.map(|ns| rustix::event::Timespec {
            tv_sec: (ns / 1_000_000_000) as i64,
            tv_nsec: (ns % 1_000_000_000) as _,
        });
        let _ = loop {
            match rustix::event::poll(&mut fds, timespec.as_ref()) {
                Err(rustix::io::Errno::INTR) => continue,
                result => break result.map_err(Errno::from_host)?,
            }
        };
        for (&(userdata, _, write), pfd) in host.iter().zip(&fds) {
            let revents = pfd.revents();
            let kind = if write { poll::FD_WRITE } else { poll::FD_READ };
            if revents.intersects(PollFlags::ERR | PollFlags::NVAL) {
                ready.push(Event { userdata, error: Errno::Io, kind, nbytes: 0, flags: 0 });
            } else if !revents.is_empty() {
                let flags = if revents.contains(PollFlags::HUP) { poll::HANGUP } else { 0 };
                ready.push(Event { userdata, error: Errno::Success, kind, nbytes: 1, flags });
            }
        }
    }
    let end = now(clock::MONOTONIC)?;
    for &(userdata, wait) in &subscriptions {
        if let Wait::Clock(deadline) = wait
            && deadline <= end
        {
            ready.push(Event { userdata, error: Errno::Success, kind: poll::CLOCK, nbytes: 0, flags: 0 });
        }
    }

    let out = slice_mut(mem, events, ready.len() as u32 * poll::EVENT_SIZE)?;
    for (event, buf) in ready.iter().zip(out.chunks_exact_mut(poll::EVENT_SIZE as usize)) {
        buf.fill(0);
        buf[0..8].copy_from_slice(&event.userdata.to_le_bytes());
        buf[8..10].copy_from_slice(&(event.error as u16).to_le_bytes());
        buf[10] = event.kind;
        buf[16..24].copy_from_slice(&event.nbytes.to_le_bytes());
        buf[24..26].copy_from_slice(&event.flags.to_le_bytes());
    }
    write_u32(mem, nevents, ready.len() as u32)
}
