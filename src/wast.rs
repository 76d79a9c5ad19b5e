//! Runs WebAssembly `.wast` scripts (the format of the official spec testsuite) against hayate:
//! the engine behind `hayate wast FILE...` and the spec test runner (`tests/spec.rs`), so both
//! judge a script the same way.
//!
//! Each script runs in a fresh [`Store`] whose [`Linker`] holds the standard `spectest` module;
//! every directive counts as one check (modules and `register` included) and is reported by line.
//! No IO happens here: the caller reads the script.
//!
//! ```
//! let engine = hayate::Engine::default();
//! let script = r#"
//!     (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
//!     (assert_return (invoke "add" (i32.const 2) (i32.const 40)) (i32.const 42))
//!     (assert_trap (invoke "add" (i32.const 1) (i32.const 1)) "unreachable")
//! "#;
//! let report = hayate::wast::run_script(&engine, script, |_line| {});
//! assert_eq!(report.passed, 2);
//! assert_eq!(report.failures.len(), 1);
//! assert_eq!(report.failures[0].line, 4);
//! ```

use crate::{
    Engine, ErrorKind, ExternRef, Global, GlobalType, Instance, Linker, Memory, MemoryType, Module, Mutability, Store,
    Table, TableType, TrapCode, Val, ValType,
};
use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use wast::core::{AbstractHeapType, HeapType, NanPattern, V128Pattern, WastArgCore, WastRetCore};
use wast::lexer::Lexer;
use wast::parser::{self, ParseBuffer};
use wast::token::{F32, F64, Id, Span};
use wast::{QuoteWat, Wast, WastArg, WastDirective, WastExecute, WastInvoke, WastRet};

/// What went wrong with one directive, as a message for the report.
type Check = Result<(), String>;

/// One directive that did not do what the script says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The directive's line (1-based).
    pub line: usize,
    /// What happened instead.
    pub message: String,
}

/// The outcome of one script.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScriptReport {
    /// Directives that did what the script says.
    pub passed: usize,
    /// Directives that did not, in script order.
    pub failures: Vec<Failure>,
    /// Passed checks whose details differ from the script's wording (a trap or error of the
    /// expected class named differently), as `LINE: note`.
    pub notes: Vec<String>,
}

impl ScriptReport {
    /// A report of a script that could not run past `line`.
    pub fn failed(line: usize, message: String) -> ScriptReport {
        ScriptReport { failures: vec![Failure { line, message }], ..ScriptReport::default() }
    }
}

/// Runs the script `text` in a fresh store of `engine`; `progress` is told the line of each
/// directive as it starts (a watchdog can tell where a script hangs). A panic inside a directive
/// (a bug in hayate) is reported as that directive's failure.
pub fn run_script(engine: &Engine, text: &str, mut progress: impl FnMut(usize)) -> ScriptReport {
    let lines = LineIndex::new(text);
    // The spec scripts test names made of confusable characters on purpose.
    let mut lexer = Lexer::new(text);
    lexer.allow_confusing_unicode(true);
    let buffer = match ParseBuffer::new_with_lexer(lexer) {
        Ok(buffer) => buffer,
        Err(e) => return ScriptReport::failed(lines.line(e.span()), format!("cannot lex: {e}")),
    };
    let directives = match parser::parse::<Wast<'_>>(&buffer) {
        Ok(wast) => wast.directives,
        Err(e) => return ScriptReport::failed(lines.line(e.span()), format!("cannot parse: {e}")),
    };
    let mut runner = match Runner::new(engine) {
        Ok(runner) => runner,
        Err(e) => return ScriptReport::failed(1, format!("cannot set up `spectest`: {e}")),
    };
    let mut report = ScriptReport::default();
    for directive in directives {
        let line = lines.line(directive.span());
        progress(line);
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| runner.run(directive)))
            .unwrap_or_else(|payload| Err(panic_message(payload.as_ref())));
        match outcome {
            Ok(()) => report.passed += 1,
            Err(message) => report.failures.push(Failure { line, message }),
        }
    }
    report.notes = runner.notes.into_iter().map(|(span, note)| format!("{}: {note}", lines.line(span))).collect();
    report
}

/// The message of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".into());
    format!("panic: {message}")
}

/// Byte offsets of line starts, to turn spans into line numbers without rescanning the text (as
/// `Span::linecol_in` does) for each of a file's thousands of directives.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { starts }
    }

    /// The 1-based line of a span.
    fn line(&self, span: Span) -> usize {
        self.starts.partition_point(|&start| start <= span.offset())
    }
}

/// The state of one script: its store, the linker with `spectest` and the registered instances,
/// the current and the named instances and module definitions.
struct Runner {
    engine: Engine,
    store: Store<()>,
    linker: Linker<()>,
    current: Option<Instance>,
    instances: HashMap<String, Instance>,
    definitions: HashMap<String, Module>,
    last_definition: Option<Module>,
    /// `ref.extern N` of the script as host references, so that equal `N` give equal references.
    externrefs: HashMap<u32, ExternRef>,
    notes: Vec<(Span, String)>,
}

impl Runner {
    fn new(engine: &Engine) -> crate::Result<Runner> {
        let mut store = Store::new(engine, ());
        let mut linker = Linker::new(engine);
        linker.allow_shadowing(true);
        define_spectest(&mut store, &mut linker)?;
        Ok(Runner {
            engine: engine.clone(),
            store,
            linker,
            current: None,
            instances: HashMap::new(),
            definitions: HashMap::new(),
            last_definition: None,
            externrefs: HashMap::new(),
            notes: Vec::new(),
        })
    }

    fn run(&mut self, directive: WastDirective<'_>) -> Check {
        match directive {
            WastDirective::Module(mut module) => {
                let name = module.name().map(|id| id.name());
                self.forget(name);
                let module = self.compile(&mut module)?;
                self.instantiate_as(&module, name)
            }
            WastDirective::ModuleDefinition(mut module) => {
                self.last_definition = None;
                let compiled = self.compile(&mut module)?;
                if let Some(id) = module.name() {
                    self.definitions.insert(id.name().to_string(), compiled.clone());
                }
                self.last_definition = Some(compiled);
                Ok(())
            }
            WastDirective::ModuleInstance { instance, module, .. } => {
                self.forget(instance.map(|id| id.name()));
                let definition = match module {
                    Some(id) => self.definitions.get(id.name()),
                    None => self.last_definition.as_ref(),
                };
                let definition = definition.cloned().ok_or("no such module definition")?;
                self.instantiate_as(&definition, instance.map(|id| id.name()))
            }
            WastDirective::Register { name, module, .. } => {
                let instance = self.instance(module)?;
                self.linker.instance(&mut self.store, name, instance).map_err(|e| format!("cannot register: {e}"))?;
                Ok(())
            }
            WastDirective::Invoke(invoke) => {
                self.invoke(&invoke)?.map_err(|e| format!("invoke `{}` failed: {e}", invoke.name))?;
                Ok(())
            }
            WastDirective::AssertReturn { exec, results, .. } => {
                let actual = self.execute(exec)?.map_err(|e| format!("expected a return, got: {e}"))?;
                self.check_results(&actual, &results)
            }
            WastDirective::AssertTrap { span, exec, message } => self.assert_trap(span, exec, message),
            WastDirective::AssertExhaustion { call, message, .. } => match self.invoke(&call)? {
                Ok(values) => Err(format!("expected `{message}`, returned {}", self.show_vals(&values))),
                Err(e) if e.trap_code() == Some(TrapCode::StackOverflow) => Ok(()),
                Err(e) => Err(format!("expected `{message}`, got: {e}")),
            },
            WastDirective::AssertInvalid { span, mut module, message } => {
                self.assert_rejected(span, &mut module, message, |k| matches!(k, ErrorKind::Invalid { .. }))
            }
            WastDirective::AssertMalformed { span, mut module, message } => {
                self.assert_rejected(span, &mut module, message, |k| matches!(k, ErrorKind::Malformed { .. }))
            }
            WastDirective::AssertUnlinkable { span, module, message } => {
                let module = self.compile(&mut QuoteWat::Wat(module))?;
                match self.linker.instantiate(&mut self.store, &module) {
                    Ok(_) => Err(format!("expected unlinkable ({message}), it instantiated")),
                    Err(e) => {
                        if !matches!(e.kind(), ErrorKind::Unlinkable(_)) {
                            self.notes.push((span, format!("expected unlinkable ({message}), got: {e}")));
                        }
                        Ok(())
                    }
                }
            }
            WastDirective::AssertException { exec, .. } => match self.execute(exec)? {
                Ok(values) => Err(format!("expected an exception, returned {}", self.show_vals(&values))),
                Err(e) if e.as_exception().is_some() => Ok(()),
                Err(e) => Err(format!("expected an exception, got: {e}")),
            },
            WastDirective::AssertSuspension { .. } => Err("assert_suspension is not supported".into()),
            WastDirective::AssertInvalidCustom { .. } | WastDirective::AssertMalformedCustom { .. } => {
                Err("custom-section assertions are not supported".into())
            }
            WastDirective::Thread(_) | WastDirective::Wait { .. } => Err("threads are not supported".into()),
        }
    }

    /// `assert_trap` on an invocation, or on a module whose instantiation must trap.
    fn assert_trap(&mut self, span: Span, exec: WastExecute<'_>, message: &str) -> Check {
        let error = match self.execute(exec)? {
            Ok(values) => {
                return Err(format!("expected trap `{message}`, returned {}", self.show_vals(&values)));
            }
            Err(e) => e,
        };
        match error.trap_code() {
            Some(code) if trap_matches(message, code) => {
                if !code.message().starts_with(message) {
                    self.notes.push((span, format!("expected trap `{message}`, trapped with `{code}`")));
                }
                Ok(())
            }
            Some(code) => Err(format!("expected trap `{message}`, trapped with `{code}`")),
            None => Err(format!("expected trap `{message}`, got error: {error}")),
        }
    }

    /// `assert_invalid` and `assert_malformed`: the module must fail to encode or to compile; a
    /// compile error of another kind than `expected_kind` passes with a note.
    fn assert_rejected(
        &mut self,
        span: Span,
        module: &mut QuoteWat<'_>,
        message: &str,
        expected_kind: fn(&ErrorKind) -> bool,
    ) -> Check {
        match self.compile(module) {
            Ok(_) => Err(format!("expected a module rejected as `{message}`, it compiled")),
            Err(CompileError::Encode(_)) => Ok(()),
            Err(CompileError::Hayate(e)) => {
                if !expected_kind(e.kind()) {
                    self.notes.push((span, format!("expected `{message}`, got: {e}")));
                }
                Ok(())
            }
        }
    }

    /// Encodes and compiles a module.
    fn compile(&self, module: &mut QuoteWat<'_>) -> Result<Module, CompileError> {
        let bytes = module.encode().map_err(CompileError::Encode)?;
        Module::from_binary(&self.engine, &bytes).map_err(CompileError::Hayate)
    }

    /// Drops the current instance and the one named `name` before a new module takes their place,
    /// so that if it fails, the assertions meant for it fail instead of running against older ones.
    fn forget(&mut self, name: Option<&str>) {
        self.current = None;
        if let Some(name) = name {
            self.instances.remove(name);
        }
    }

    /// Instantiates `module` as the current instance, and under `name` if it has one.
    fn instantiate_as(&mut self, module: &Module, name: Option<&str>) -> Check {
        let instance =
            self.linker.instantiate(&mut self.store, module).map_err(|e| format!("cannot instantiate: {e}"))?;
        self.current = Some(instance);
        if let Some(name) = name {
            self.instances.insert(name.to_string(), instance);
        }
        Ok(())
    }

    /// The instance a directive names, or the current one.
    fn instance(&self, id: Option<Id<'_>>) -> Result<Instance, String> {
        match id {
            Some(id) => {
                self.instances.get(id.name()).copied().ok_or_else(|| format!("no instance named ${}", id.name()))
            }
            None => self.current.ok_or_else(|| "no current instance".to_string()),
        }
    }

    /// Runs an invoke, a `get` or a module instantiation. The outer error is the runner's (the
    /// script refers to something that does not exist), the inner one is hayate's.
    fn execute(&mut self, exec: WastExecute<'_>) -> Result<crate::Result<Vec<Val>>, String> {
        match exec {
            WastExecute::Invoke(invoke) => self.invoke(&invoke),
            WastExecute::Get { module, global, .. } => {
                let instance = self.instance(module)?;
                let g =
                    instance.get_global(&self.store, global).ok_or_else(|| format!("no exported global `{global}`"))?;
                Ok(Ok(vec![g.get(&self.store).map_err(|e| e.to_string())?]))
            }
            WastExecute::Wat(module) => {
                let module = self.compile(&mut QuoteWat::Wat(module))?;
                Ok(self.linker.instantiate(&mut self.store, &module).map(|_| Vec::new()))
            }
        }
    }

    fn invoke(&mut self, invoke: &WastInvoke<'_>) -> Result<crate::Result<Vec<Val>>, String> {
        let instance = self.instance(invoke.module)?;
        let func = instance
            .get_func(&self.store, invoke.name)
            .ok_or_else(|| format!("no exported function `{}`", invoke.name))?;
        let args = invoke.args.iter().map(|a| self.arg(a)).collect::<Result<Vec<_>, _>>()?;
        let ty = func.ty(&self.store).map_err(|e| e.to_string())?;
        let mut results: Vec<Val> = ty.results().iter().map(|&t| Val::default_for(t)).collect();
        Ok(func.call(&mut self.store, &args, &mut results).map(|()| results))
    }

    fn arg(&mut self, arg: &WastArg<'_>) -> Result<Val, String> {
        let WastArg::Core(arg) = arg else {
            return Err("component-model arguments are not supported".into());
        };
        Ok(match arg {
            WastArgCore::I32(v) => Val::I32(*v),
            WastArgCore::I64(v) => Val::I64(*v),
            WastArgCore::F32(v) => Val::F32(v.bits),
            WastArgCore::F64(v) => Val::F64(v.bits),
            WastArgCore::V128(c) => Val::V128(crate::V128::from(u128::from_le_bytes(c.to_le_bytes()))),
            WastArgCore::RefNull(heap) => match ref_type(heap) {
                Some(ValType::ExternRef) => Val::ExternRef(None),
                Some(t) if t.is_exn_ref() => Val::ExnRef(None),
                Some(_) => Val::FuncRef(None),
                None => return Err(format!("unsupported null reference type {heap:?}")),
            },
            WastArgCore::RefExtern(n) => Val::ExternRef(Some(self.externref(*n))),
            other => return Err(format!("unsupported argument {other:?}")),
        })
    }

    fn externref(&mut self, n: u32) -> ExternRef {
        self.externrefs.entry(n).or_insert_with(|| ExternRef::new(&mut self.store, n)).clone()
    }

    fn check_results(&self, actual: &[Val], expected: &[WastRet<'_>]) -> Check {
        let mismatch = actual.len() != expected.len()
            || actual.iter().zip(expected).any(|(a, e)| match e {
                WastRet::Core(e) => !self.matches(a, e),
                _ => true,
            });
        if mismatch {
            let expected: Vec<String> = expected
                .iter()
                .map(|e| match e {
                    WastRet::Core(e) => show_expected(e),
                    other => format!("{other:?}"),
                })
                .collect();
            return Err(format!("expected [{}], got {}", expected.join(", "), self.show_vals(actual)));
        }
        Ok(())
    }

    fn matches(&self, actual: &Val, expected: &WastRetCore<'_>) -> bool {
        match (actual, expected) {
            (Val::I32(a), WastRetCore::I32(e)) => a == e,
            (Val::I64(a), WastRetCore::I64(e)) => a == e,
            (Val::F32(a), WastRetCore::F32(e)) => f32_matches(*a, e),
            (Val::F64(a), WastRetCore::F64(e)) => f64_matches(*a, e),
            (Val::V128(a), WastRetCore::V128(p)) => v128_matches(a.as_u128(), p),
            (Val::FuncRef(a), WastRetCore::RefNull(heap)) => {
                a.is_none() && heap.as_ref().is_none_or(|h| ref_type(h) == Some(ValType::FuncRef))
            }
            (Val::ExternRef(a), WastRetCore::RefNull(heap)) => {
                a.is_none() && heap.as_ref().is_none_or(|h| ref_type(h) == Some(ValType::ExternRef))
            }
            (Val::ExnRef(a), WastRetCore::RefNull(heap)) => {
                a.is_none() && heap.as_ref().is_none_or(|h| ref_type(h).is_some_and(ValType::is_exn_ref))
            }
            (Val::ExternRef(Some(r)), WastRetCore::RefExtern(e)) => {
                e.is_none_or(|n| r.data(&self.store).ok().and_then(|d| d.downcast_ref::<u32>()) == Some(&n))
            }
            // Which function a `ref.func` result names is not checked: a `Func` does not tell its
            // index in the script's module.
            (Val::FuncRef(f), WastRetCore::RefFunc(_)) => f.is_some(),
            (actual, WastRetCore::Either(options)) => options.iter().any(|e| self.matches(actual, e)),
            _ => false,
        }
    }

    fn show_vals(&self, values: &[Val]) -> String {
        let shown: Vec<String> = values.iter().map(|v| self.show_val(v)).collect();
        format!("[{}]", shown.join(", "))
    }

    fn show_val(&self, value: &Val) -> String {
        match value {
            Val::I32(v) => format!("i32 {v}"),
            Val::I64(v) => format!("i64 {v}"),
            Val::F32(bits) => format!("f32 {} ({bits:#010x})", f32::from_bits(*bits)),
            Val::F64(bits) => format!("f64 {} ({bits:#018x})", f64::from_bits(*bits)),
            Val::V128(v) => format!("v128 {:#034x}", v.as_u128()),
            Val::FuncRef(None) => "ref.null func".into(),
            Val::FuncRef(Some(_)) => "ref.func".into(),
            Val::ExternRef(None) => "ref.null extern".into(),
            Val::ExternRef(Some(r)) => match r.data(&self.store).ok().and_then(|d| d.downcast_ref::<u32>()) {
                Some(n) => format!("ref.extern {n}"),
                None => "ref.extern (not from the script)".into(),
            },
            Val::ExnRef(None) => "ref.null exn".into(),
            Val::ExnRef(Some(_)) => "ref.exn".into(),
        }
    }
}

/// Why a script's module did not compile: the text did not encode, or hayate rejected the binary.
enum CompileError {
    Encode(wast::Error),
    Hayate(crate::Error),
}

impl From<CompileError> for String {
    fn from(e: CompileError) -> String {
        match e {
            CompileError::Encode(e) => format!("cannot encode: {e}"),
            CompileError::Hayate(e) => e.to_string(),
        }
    }
}

/// The value type of a null reference's heap type, for the two of Wasm 2.0.
fn ref_type(heap: &HeapType<'_>) -> Option<ValType> {
    match heap {
        HeapType::Abstract { ty: AbstractHeapType::Func, .. } => Some(ValType::FuncRef),
        HeapType::Abstract { ty: AbstractHeapType::Extern, .. } => Some(ValType::ExternRef),
        HeapType::Abstract { ty: AbstractHeapType::Exn | AbstractHeapType::NoExn, .. } => {
            Some(ValType::Ref(crate::RefType::EXNREF))
        }
        _ => None,
    }
}

/// Whether an `f32`'s bits match a pattern (a value, or any canonical or arithmetic NaN).
fn f32_matches(a: u32, e: &NanPattern<F32>) -> bool {
    match e {
        NanPattern::CanonicalNan => a & 0x7fff_ffff == 0x7fc0_0000,
        NanPattern::ArithmeticNan => a & 0x7fc0_0000 == 0x7fc0_0000,
        NanPattern::Value(e) => a == e.bits,
    }
}

/// Whether an `f64`'s bits match a pattern.
fn f64_matches(a: u64, e: &NanPattern<F64>) -> bool {
    match e {
        NanPattern::CanonicalNan => a & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000,
        NanPattern::ArithmeticNan => a & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000,
        NanPattern::Value(e) => a == e.bits,
    }
}

/// Whether a `v128`'s bits match a pattern, lane by lane (float lanes may be NaN patterns).
fn v128_matches(a: u128, p: &V128Pattern) -> bool {
    let b = a.to_le_bytes();
    let lane = |i: usize, w: usize| b[i * w..(i + 1) * w].iter().rev().fold(0u64, |v, x| (v << 8) | u64::from(*x));
    match p {
        V128Pattern::I8x16(e) => e.iter().enumerate().all(|(i, e)| lane(i, 1) as u8 == *e as u8),
        V128Pattern::I16x8(e) => e.iter().enumerate().all(|(i, e)| lane(i, 2) as u16 == *e as u16),
        V128Pattern::I32x4(e) => e.iter().enumerate().all(|(i, e)| lane(i, 4) as u32 == *e as u32),
        V128Pattern::I64x2(e) => e.iter().enumerate().all(|(i, e)| lane(i, 8) == *e as u64),
        V128Pattern::F32x4(e) => e.iter().enumerate().all(|(i, e)| f32_matches(lane(i, 4) as u32, e)),
        V128Pattern::F64x2(e) => e.iter().enumerate().all(|(i, e)| f64_matches(lane(i, 8), e)),
    }
}

fn show_expected(e: &WastRetCore<'_>) -> String {
    fn nan<T>(p: &NanPattern<T>, ty: &str, value: impl Fn(&T) -> String) -> String {
        match p {
            NanPattern::CanonicalNan => format!("{ty} nan:canonical"),
            NanPattern::ArithmeticNan => format!("{ty} nan:arithmetic"),
            NanPattern::Value(v) => format!("{ty} {}", value(v)),
        }
    }
    match e {
        WastRetCore::I32(v) => format!("i32 {v}"),
        WastRetCore::I64(v) => format!("i64 {v}"),
        WastRetCore::F32(p) => nan(p, "f32", |v: &F32| format!("{} ({:#010x})", f32::from_bits(v.bits), v.bits)),
        WastRetCore::F64(p) => nan(p, "f64", |v: &F64| format!("{} ({:#018x})", f64::from_bits(v.bits), v.bits)),
        WastRetCore::RefNull(Some(h)) => match ref_type(h) {
            Some(ValType::ExternRef) => "ref.null extern".into(),
            Some(_) => "ref.null func".into(),
            None => format!("ref.null {h:?}"),
        },
        WastRetCore::RefNull(None) => "ref.null".into(),
        WastRetCore::RefExtern(Some(n)) => format!("ref.extern {n}"),
        WastRetCore::RefExtern(None) => "ref.extern".into(),
        WastRetCore::RefFunc(_) => "ref.func".into(),
        WastRetCore::Either(options) => {
            let shown: Vec<String> = options.iter().map(show_expected).collect();
            format!("either({})", shown.join(" | "))
        }
        other => format!("{other:?}"),
    }
}

/// Whether a trap code is the one the script's message names. Only the start is compared, since
/// scripts sometimes add detail ("uninitialized element 2"). An out-of-bounds `call_indirect`
/// index ("undefined element") and a null entry ("uninitialized element") are one class: engines
/// report either as a table access or as a null call.
fn trap_matches(message: &str, code: TrapCode) -> bool {
    let element_class = |m: &str| m.starts_with("undefined element") || m.starts_with("uninitialized element");
    if element_class(message) {
        return matches!(code, TrapCode::IndirectCallToNull | TrapCode::TableOutOfBounds);
    }
    message.starts_with(code.message()) || code.message().starts_with(message)
}

/// The standard `spectest` module every script may import from.
fn define_spectest(store: &mut Store<()>, linker: &mut Linker<()>) -> crate::Result<()> {
    linker.func_wrap("spectest", "print", || {})?;
    linker.func_wrap("spectest", "print_i32", |_: i32| {})?;
    linker.func_wrap("spectest", "print_i64", |_: i64| {})?;
    linker.func_wrap("spectest", "print_f32", |_: f32| {})?;
    linker.func_wrap("spectest", "print_f64", |_: f64| {})?;
    linker.func_wrap("spectest", "print_i32_f32", |_: i32, _: f32| {})?;
    linker.func_wrap("spectest", "print_f64_f64", |_: f64, _: f64| {})?;
    let globals = [
        ("global_i32", Val::I32(666)),
        ("global_i64", Val::I64(666)),
        ("global_f32", Val::from(666.6f32)),
        ("global_f64", Val::from(666.6f64)),
    ];
    for (name, value) in globals {
        let global = Global::new(&mut *store, GlobalType::new(value.ty(), Mutability::Const), value)?;
        linker.define("spectest", name, global)?;
    }
    let table = Table::new(&mut *store, TableType::new(ValType::FuncRef, 10, Some(20)), Val::FuncRef(None))?;
    linker.define("spectest", "table", table)?;
    let memory = Memory::new(&mut *store, MemoryType::new(1, Some(2)))?;
    linker.define("spectest", "memory", memory)?;
    Ok(())
}
