//! Exception handling in the executor: a thrown exception unwinds the running call's frames to the
//! `try_table` (or legacy `try`) clause that catches it, or out of the call as an error. Nothing of it runs unless
//! an exception is thrown: the clauses are tables of instruction ranges, looked up only then.

use super::{Ctx, Regs, Stop};
use crate::code::{Catch, CompiledFunc, Handler, SLOT, Slot};
use crate::error::{Error, FrameInfo, Result, TrapCode};
use crate::ir::{Op, Reg};
use crate::runtime::{ExnData, Extern, Tag};
use std::sync::Arc;

impl Ctx {
    /// A new exception with the running instance's tag `tag`, carrying the values in `regs` from
    /// `args` on.
    pub(super) fn new_exception(&mut self, tag: u32, regs: Regs, args: Reg) -> Arc<ExnData> {
        let tag = self.inst().tags[tag as usize];
        let cells = (0..).map(|i| regs.get(Reg(args.0 + i as u16)));
        Arc::new(ExnData::from_cells(self.store(), tag, cells))
    }

    /// The exception an `exnref` cell refers to, for `throw_ref`.
    pub(super) fn exception_at(&mut self, cell: u64) -> Result<Arc<ExnData>, Stop> {
        if cell == 0 {
            return Err(Stop::Trap(TrapCode::NullExceptionReference));
        }
        let value = self.store().exnrefs.get(cell).expect("a live exnref cell holds an exception");
        Ok(value.downcast::<ExnData>().expect("the exception table holds exceptions"))
    }

    /// The exception a host function threw ([`Error::exception`]), checked against its tag's type.
    pub(super) fn exception_from_host(&mut self, e: &Error) -> Result<Arc<ExnData>, Stop> {
        let exception = e.as_exception().expect("an exception");
        let store = self.store();
        let tag = exception.tag();
        store.check(tag.store, "Tag").map_err(Stop::Error)?;
        let types = store.tags[tag.index as usize].ty.params().to_vec();
        let vals = exception.payload();
        if vals.len() != types.len() || vals.iter().zip(&types).any(|(v, &t)| v.ty() != t) {
            return Err(Stop::Error(Error::msg(
                "a host function threw an exception whose values do not match its tag",
            )));
        }
        let cells = crate::Val::cells_of(vals, store).map_err(Stop::Error)?;
        let mut exn = ExnData::from_cells(store, tag.index, cells.into_iter());
        // An exception that left a nested call keeps the frames it unwound there.
        exn.unwound = exception.backtrace().into();
        Ok(Arc::new(exn))
    }

    /// Throws `exn` at `ip` (a throw, or the call the exception came out of) in the running
    /// function: finds the innermost catch clause of the active frames that catches it, drops the
    /// frames above that one, puts the exception's values in place and returns where execution
    /// goes on with that frame's registers. An exception no frame catches leaves the call: the
    /// error (with the frames it unwound) is returned and the frames are left as they are.
    #[cold]
    #[inline(never)]
    pub(super) fn unwind(&mut self, exn: Arc<ExnData>, ip: *const Slot) -> Result<(*const Slot, Regs), Stop> {
        let n = self.frames.len();
        let (mut instance, mut func, mut at) = (self.inst_idx, self.running.func(), ip);
        let mut depth = 0;
        let (code, catch) = loop {
            if let Some(found) = self.catching(instance, func, at, &exn) {
                break found;
            }
            if depth == n {
                return Err(Stop::Error(self.uncaught(&exn)));
            }
            depth += 1;
            let f = &self.frames[n - depth];
            // SAFETY: a caller's resume point follows the call it made, in the same function.
            (instance, func, at) = (f.instance, f.running.func(), unsafe { f.ret_ip.sub(1) });
        };
        if depth > 0 {
            let f = self.frames[n - depth];
            self.frames.truncate(n - depth);
            self.base = f.base;
            self.running = f.running;
            if f.instance != self.inst_idx {
                self.set_instance(f.instance);
            }
        }
        let regs = self.regs_at(self.base);
        let mut dst = catch.dst.0;
        // SAFETY: as in `Ctx::store`; no other reference into the store is live.
        let store = unsafe { &mut *self.store };
        // `catch` and `catch_ref` pass the values on; `catch_all` and `catch_all_ref` do not.
        if catch.tag.is_some() {
            for cell in exn.cells(store) {
                regs.set(Reg(dst), cell);
                dst += 1;
            }
        }
        if let Some(r) = catch.exn {
            let value: crate::runtime::HostValue = exn;
            regs.set(r, store.exnrefs.cell_of(&value));
        }
        let Handler::Pad(pad) = catch.handler else { unreachable!("`catching` returns catching clauses") };
        // SAFETY: the pad is an instruction of the function (translation put it there).
        Ok((unsafe { (*code).ops.as_ptr().add(pad as usize) }, regs))
    }

    /// The clause of defined function `func` of `instance` that catches `exn` thrown at `at`, with
    /// the function's code.
    fn catching(
        &self,
        instance: u32,
        func: u32,
        at: *const Slot,
        exn: &ExnData,
    ) -> Option<(*const CompiledFunc, Catch)> {
        // SAFETY: as in `Ctx::store`; only read here.
        let store = unsafe { &*self.store };
        let inst = &store.instances[instance as usize];
        let code = inst.module.code[func as usize].compiled.get().expect("an active function is compiled");
        if code.catches.is_empty() {
            return None;
        }
        let pc = (at as usize - code.ops.as_ptr() as usize) / SLOT as usize;
        // A tail call to a host function keeps the frame until the callee returns, but the
        // callee is no longer inside the caller's `try_table`s.
        if matches!(
            code.ops[pc].op,
            Op::ReturnCallImported { .. } | Op::ReturnCallIndirect { .. } | Op::ReturnCallRef { .. }
        ) {
            return None;
        }
        let pc = pc as u32;
        let mut i = 0;
        while let Some(c) = code.catches.get(i) {
            i += 1;
            if c.start <= pc && pc < c.end {
                match c.handler {
                    // Translation points a delegate forward, so the search ends.
                    Handler::Delegate(next) => i = next as usize,
                    Handler::Pad(_) if c.tag.is_none_or(|t| inst.tags[t as usize] == exn.tag) => {
                        return Some((code as *const CompiledFunc, *c));
                    }
                    Handler::Pad(_) => {}
                }
            }
        }
        None
    }

    /// The error for `exn` leaving the call: the exception with its tag's exported name (if an
    /// instance exports it) and the frames it unwound.
    fn uncaught(&mut self, exn: &ExnData) -> Error {
        // SAFETY: as in `Ctx::store`; only read here.
        let store = unsafe { &mut *self.store };
        let tag = Tag { store: store.id, index: exn.tag };
        let payload = exn.vals(store);
        let name = store
            .instances
            .iter()
            .find_map(|i| i.exports.iter().find_map(|(name, e)| (*e == Extern::Tag(tag)).then(|| name.clone())));
        let info = |(instance, func): (u32, u32)| {
            let module = &store.instances[instance as usize].module;
            let index = module.num_imported_funcs + func;
            FrameInfo { func_index: index, func_name: module.func_name(index).map(str::to_string) }
        };
        let mut backtrace = exn.unwound.to_vec();
        backtrace.push(info((self.inst_idx, self.running.func())));
        backtrace.extend(self.frames.iter().rev().map(|f| info((f.instance, f.running.func()))));
        let mut exception = crate::runtime::Exception::new(tag, payload);
        exception.tag_name = name;
        exception.backtrace = backtrace;
        Error::exception(exception)
    }
}
