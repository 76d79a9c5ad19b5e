//! The guest's descriptor table: what each WASI file descriptor number stands for ([`Desc`]) and
//! the rights it carries.

use super::errno::Errno;
use super::fs::{DirDesc, FileDesc};
use super::input::InputSource;
use super::output::{HostStream, OutputSink};
use super::types::{Filetype, fdflags, rights};
use std::collections::BTreeMap;

/// A descriptor's `fs_rights_base` and `fs_rights_inheriting`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rights {
    pub base: u64,
    pub inheriting: u64,
}

impl Rights {
    /// Rights that are both.
    pub(crate) const fn same(rights: u64) -> Rights {
        Rights { base: rights, inheriting: rights }
    }

    /// Replaces the rights with `new`, which may only drop rights (`NotCapable` otherwise).
    pub(crate) fn restrict(&mut self, new: Rights) -> Result<(), Errno> {
        if new.base & !self.base != 0 || new.inheriting & !self.inheriting != 0 {
            return Err(Errno::NotCapable);
        }
        *self = new;
        Ok(())
    }
}

/// The guest's stdin.
#[derive(Debug)]
pub(crate) struct InputDesc {
    pub source: InputSource,
    pub rights: Rights,
    pub flags: u16,
}

/// The guest's stdout or stderr.
#[derive(Debug)]
pub(crate) struct OutputDesc {
    pub sink: OutputSink,
    pub host: HostStream,
    pub rights: Rights,
    pub flags: u16,
}

/// What a descriptor number stands for.
#[derive(Debug)]
pub(crate) enum Desc {
    Input(InputDesc),
    Output(OutputDesc),
    File(FileDesc),
    Dir(DirDesc),
}

impl Desc {
    /// Stdin as WASI reports it: `FD_READ` only (so wasi-libc's `isatty` works) and a character
    /// device when it is a terminal, otherwise an unknown file type, as wasmtime does.
    pub(crate) fn stdin(source: InputSource) -> Desc {
        Desc::Input(InputDesc { source, rights: Rights::same(rights::FD_READ | rights::POLL_FD_READWRITE), flags: 0 })
    }

    /// Stdout or stderr, reported like stdin but with `FD_WRITE`.
    pub(crate) fn output(sink: OutputSink, host: HostStream) -> Desc {
        let rights = Rights::same(rights::FD_WRITE | rights::POLL_FD_READWRITE);
        Desc::Output(OutputDesc { sink, host, rights, flags: 0 })
    }

    pub(crate) fn rights(&self) -> Rights {
        match self {
            Desc::Input(d) => d.rights,
            Desc::Output(d) => d.rights,
            Desc::File(d) => d.rights,
            Desc::Dir(d) => d.rights,
        }
    }

    pub(crate) fn rights_mut(&mut self) -> &mut Rights {
        match self {
            Desc::Input(d) => &mut d.rights,
            Desc::Output(d) => &mut d.rights,
            Desc::File(d) => &mut d.rights,
            Desc::Dir(d) => &mut d.rights,
        }
    }

    /// The `fdstat` file type and flags.
    pub(crate) fn filetype_and_flags(&self) -> Result<(Filetype, u16), Errno> {
        let tty = |is_tty| if is_tty { Filetype::CharacterDevice } else { Filetype::Unknown };
        Ok(match self {
            Desc::Input(d) => (tty(d.source.is_terminal()), d.flags),
            Desc::Output(d) => (tty(d.sink.is_terminal(d.host)), d.flags),
            Desc::File(d) => (d.filetype()?, d.flags | if d.append { fdflags::APPEND } else { 0 }),
            Desc::Dir(_) => (Filetype::Directory, 0),
        })
    }
}

/// The descriptor table. New descriptors get the lowest free number, as in POSIX.
#[derive(Debug, Default)]
pub(crate) struct FdTable {
    map: BTreeMap<u32, Desc>,
}

impl FdTable {
    pub(crate) fn get(&self, fd: u32) -> Result<&Desc, Errno> {
        self.map.get(&fd).ok_or(Errno::Badf)
    }

    pub(crate) fn get_mut(&mut self, fd: u32) -> Result<&mut Desc, Errno> {
        self.map.get_mut(&fd).ok_or(Errno::Badf)
    }

    /// The open file behind `fd`; `Badf` for anything else.
    pub(crate) fn file_mut(&mut self, fd: u32) -> Result<&mut FileDesc, Errno> {
        match self.get_mut(fd)? {
            Desc::File(file) => Ok(file),
            _ => Err(Errno::Badf),
        }
    }

    /// The directory behind `fd`, which a `path_*` function resolves its path in: `NotDir` for a
    /// file, `Badf` for stdio.
    pub(crate) fn dir(&self, fd: u32) -> Result<&DirDesc, Errno> {
        match self.get(fd)? {
            Desc::Dir(dir) => Ok(dir),
            Desc::File(_) => Err(Errno::NotDir),
            _ => Err(Errno::Badf),
        }
    }

    pub(crate) fn dir_mut(&mut self, fd: u32) -> Result<&mut DirDesc, Errno> {
        match self.get_mut(fd)? {
            Desc::Dir(dir) => Ok(dir),
            Desc::File(_) => Err(Errno::NotDir),
            _ => Err(Errno::Badf),
        }
    }

    /// Adds `desc` under the lowest free number.
    pub(crate) fn insert(&mut self, desc: Desc) -> Result<u32, Errno> {
        let mut fd = 0u32;
        for &used in self.map.keys() {
            if used != fd {
                break;
            }
            fd = fd.checked_add(1).ok_or(Errno::Mfile)?;
        }
        self.map.insert(fd, desc);
        Ok(fd)
    }

    pub(crate) fn remove(&mut self, fd: u32) -> Result<Desc, Errno> {
        self.map.remove(&fd).ok_or(Errno::Badf)
    }

    /// Moves `from` to `to`, closing what `to` was. Both must be open (`Badf`), as the spec says:
    /// WASI has no `dup2` onto an arbitrary number.
    pub(crate) fn renumber(&mut self, from: u32, to: u32) -> Result<(), Errno> {
        if !self.map.contains_key(&from) || !self.map.contains_key(&to) {
            return Err(Errno::Badf);
        }
        if from != to {
            let desc = self.map.remove(&from).expect("checked above");
            self.map.insert(to, desc);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_with(n: usize) -> FdTable {
        let mut table = FdTable::default();
        for _ in 0..n {
            table.insert(Desc::stdin(InputSource::Null)).unwrap();
        }
        table
    }

    #[test]
    fn new_descriptors_take_the_lowest_free_number() {
        let mut table = table_with(5);
        table.remove(1).unwrap();
        table.remove(3).unwrap();
        assert_eq!(table.insert(Desc::stdin(InputSource::Null)), Ok(1));
        assert_eq!(table.insert(Desc::stdin(InputSource::Null)), Ok(3));
        assert_eq!(table.insert(Desc::stdin(InputSource::Null)), Ok(5));
        assert_eq!(table.remove(9).map(drop), Err(Errno::Badf));
    }

    #[test]
    fn renumber_needs_both_descriptors_open() {
        let mut table = table_with(3);
        assert_eq!(table.renumber(0, 7), Err(Errno::Badf));
        assert_eq!(table.renumber(7, 0), Err(Errno::Badf));
        assert_eq!(table.renumber(2, 2), Ok(()));
        assert_eq!(table.renumber(2, 0), Ok(()));
        assert!(table.get(2).is_err() && table.get(0).is_ok());
    }

    #[test]
    fn rights_can_only_be_dropped() {
        let mut rights = Rights { base: 0b1110, inheriting: 0b0110 };
        assert_eq!(rights.restrict(Rights { base: 0b0110, inheriting: 0b0010 }), Ok(()));
        assert_eq!(rights.restrict(Rights { base: 0b1110, inheriting: 0b0010 }), Err(Errno::NotCapable));
        assert_eq!(rights.restrict(Rights { base: 0b0110, inheriting: 0b0110 }), Err(Errno::NotCapable));
        assert_eq!(rights, Rights { base: 0b0110, inheriting: 0b0010 });
    }
}
