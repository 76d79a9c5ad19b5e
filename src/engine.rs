//! [`Engine`] and [`Config`]: settings shared by modules and stores, and the engine-wide registry of
//! function signatures that makes `call_indirect` a single integer comparison.

use crate::types::FuncType;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Settings for an [`Engine`].
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) max_call_depth: usize,
    pub(crate) max_stack_cells: usize,
    pub(crate) max_memory_bytes: u64,
    pub(crate) max_table_elements: u64,
    pub(crate) consume_fuel: bool,
    pub(crate) interruptible: bool,
    pub(crate) suspend_on_out_of_fuel: bool,
    pub(crate) suspend_on_interrupt: bool,
    pub(crate) lazy_translation: bool,
    /// The WebAssembly proposals modules may use (all that hayate implements, by default).
    pub(crate) features: wasmparser::WasmFeatures,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_call_depth: 100_000,
            max_stack_cells: 16 * 1024 * 1024,
            max_memory_bytes: 4 * 1024 * 1024 * 1024,
            max_table_elements: 10_000_000,
            consume_fuel: false,
            interruptible: false,
            suspend_on_out_of_fuel: false,
            suspend_on_interrupt: false,
            lazy_translation: false,
            features: IMPLEMENTED,
        }
    }
}

impl Config {
    /// A configuration with the defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many Wasm calls may be active at once before a call traps with "call stack exhausted".
    /// The limit is per store: when a host function calls back into Wasm, the functions active in
    /// the calls that wait for it count against the nested call's limit.
    pub fn max_call_depth(&mut self, depth: usize) -> &mut Self {
        self.max_call_depth = depth.max(1);
        self
    }

    /// How many 64-bit register cells all active frames may use together (8 bytes each); like
    /// [`Config::max_call_depth`], per store, counting the frames of calls waiting for a host
    /// function.
    pub fn max_stack_cells(&mut self, cells: usize) -> &mut Self {
        self.max_stack_cells = cells.max(1024);
        self
    }

    /// The largest size one linear memory may reach, in bytes; `memory.grow` beyond returns -1.
    pub fn max_memory_bytes(&mut self, bytes: u64) -> &mut Self {
        self.max_memory_bytes = bytes;
        self
    }

    /// Translate each function on its first call instead of at load time. Validation still happens
    /// at load time, so invalid modules are refused up front; startup of large modules is faster
    /// and functions never called are never translated. Off by default (the CLI turns it on).
    pub fn lazy_translation(&mut self, enable: bool) -> &mut Self {
        self.lazy_translation = enable;
        self
    }

    /// Meter execution with fuel: each function entry and loop iteration consumes fuel in
    /// proportion to the instructions that follow, and a call traps with `OutOfFuel` when the
    /// store's fuel ([`crate::Store::set_fuel`]) runs out. Off by default, and then it costs nothing.
    pub fn consume_fuel(&mut self, enable: bool) -> &mut Self {
        self.consume_fuel = enable;
        self
    }

    /// Make running calls stoppable from another thread through
    /// [`crate::Store::interrupt_handle`]: function entries and loop iterations check the store's
    /// interrupt flag. A request stops every call nested through host functions and stays in
    /// force until the outermost call returns ([`crate::InterruptHandle::interrupt`]). Off by
    /// default, and then it costs nothing.
    pub fn interruptible(&mut self, enable: bool) -> &mut Self {
        self.interruptible = enable;
        self
    }

    /// Make a resumable call ([`crate::Func::call_resumable`]) that runs out of fuel suspend
    /// ([`crate::SuspendReason::OutOfFuel`]) instead of trapping: the embedder adds fuel
    /// ([`crate::Store::set_fuel`]) and resumes it, so one thread can time-slice many guests. A
    /// call resumed without enough fuel suspends again at once. Plain calls still trap. Needs
    /// [`Config::consume_fuel`]; off by default.
    pub fn suspend_on_out_of_fuel(&mut self, enable: bool) -> &mut Self {
        self.suspend_on_out_of_fuel = enable;
        self
    }

    /// Make a resumable call ([`crate::Func::call_resumable`]) that is interrupted
    /// ([`crate::InterruptHandle::interrupt`]) suspend ([`crate::SuspendReason::Interrupted`])
    /// instead of trapping. The request is withdrawn as when a call ends: at once if no other call
    /// into the store is active (a call resumed then goes on), else when the outermost call
    /// returns. Plain calls still trap. Needs [`Config::interruptible`]; off by default.
    pub fn suspend_on_interrupt(&mut self, enable: bool) -> &mut Self {
        self.suspend_on_interrupt = enable;
        self
    }

    /// The largest number of elements one table may reach; `table.grow` beyond returns -1.
    pub fn max_table_elements(&mut self, elements: u64) -> &mut Self {
        self.max_table_elements = elements;
        self
    }

    fn feature(&mut self, feature: wasmparser::WasmFeatures, enable: bool) -> &mut Self {
        self.features.set(feature, enable);
        self
    }

    /// Allow multiple results of functions and blocks, and block parameters. On by default; a
    /// module that needs a disabled feature is refused with an `Unsupported` error.
    pub fn wasm_multi_value(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::MULTI_VALUE, enable)
    }

    /// Allow bulk memory and table instructions (`memory.copy`, `memory.fill`, `memory.init`,
    /// `data.drop`, `table.copy`, `table.init`, `elem.drop`) and passive segments. On by default.
    pub fn wasm_bulk_memory(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::BULK_MEMORY, enable)
    }

    /// Allow fixed-width SIMD (`v128` values and the SIMD instructions). On by default.
    pub fn wasm_simd(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::SIMD, enable)
    }

    /// Allow relaxed SIMD (the relaxed-simd proposal of Wasm 3.0); it needs [`Config::wasm_simd`]
    /// too. On by default. The specification lets each relaxed instruction choose among several
    /// results; hayate always takes the one its *deterministic profile* prescribes, so a module
    /// computes the same lanes on every host:
    ///
    /// - `i8x16.relaxed_swizzle` is `i8x16.swizzle` (an index of 16 or more selects 0);
    /// - `i32x4.relaxed_trunc_f32x4_s/u` and `i32x4.relaxed_trunc_f64x2_s/u_zero` are the
    ///   `trunc_sat` instructions (NaN becomes 0, out-of-range values saturate);
    /// - `f32x4/f64x2.relaxed_madd` is unfused: `a * b` is rounded, then `+ c` is rounded again,
    ///   as `add(mul(a, b), c)`; `relaxed_nmadd` is `add(mul(-a, b), c)`, unfused as well;
    /// - `i8x16/i16x8/i32x4/i64x2.relaxed_laneselect` is `v128.bitselect` (bit by bit, whatever
    ///   the mask lanes hold);
    /// - `f32x4/f64x2.relaxed_min/max` are `f32x4/f64x2.min/max` (NaN in, NaN out; `-0 < +0`);
    /// - `i16x8.relaxed_q15mulr_s` is `i16x8.q15mulr_sat_s` (`-32768 * -32768` gives 32767);
    /// - `i16x8.relaxed_dot_i8x16_i7x16_s` reads both operands as signed and adds each pair of
    ///   products with i16 saturation;
    /// - `i32x4.relaxed_dot_i8x16_i7x16_add_s` is that i16x8 dot, its lanes added pairwise into
    ///   i32 lanes, plus the third operand (wrapping).
    pub fn wasm_relaxed_simd(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::RELAXED_SIMD, enable)
    }

    /// Allow reference types (`funcref`/`externref` values, several tables, `table.get/set/grow/
    /// size/fill`, `ref.null/is_null/func`). On by default.
    pub fn wasm_reference_types(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::REFERENCE_TYPES, enable)
    }

    /// Allow the sign-extension instructions (`i32.extend8_s` and kin). On by default.
    pub fn wasm_sign_extension(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::SIGN_EXTENSION, enable)
    }

    /// Allow the saturating float-to-int conversions (`i32.trunc_sat_f32_s` and kin). On by default.
    pub fn wasm_saturating_float_to_int(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::SATURATING_FLOAT_TO_INT, enable)
    }

    /// Allow importing and exporting mutable globals. On by default.
    pub fn wasm_mutable_global(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::MUTABLE_GLOBAL, enable)
    }

    /// Allow extended constant expressions (`i32/i64.add/sub/mul` in global initialisers and
    /// segment offsets). On by default.
    pub fn wasm_extended_const(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::EXTENDED_CONST, enable)
    }

    /// Allow tail calls (`return_call`, `return_call_indirect`): the callee replaces the calling
    /// function, so chains of tail calls run in constant space. On by default.
    pub fn wasm_tail_call(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::TAIL_CALL, enable)
    }

    /// Allow exception handling: tags, `throw`, `throw_ref`, `try_table` and `exnref` values.
    /// On by default.
    pub fn wasm_exceptions(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::EXCEPTIONS, enable)
    }

    /// Allow the legacy exception-handling instructions (`try`, `catch`, `catch_all`,
    /// `delegate`, `rethrow`) that toolchains still emit (e.g. clang's `-fwasm-exceptions` without
    /// `-mllvm -wasm-use-legacy-eh=false`). They need [`Config::wasm_exceptions`] too. On by
    /// default.
    pub fn wasm_legacy_exceptions(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::LEGACY_EXCEPTIONS, enable)
    }

    /// Allow the wide-arithmetic instructions (`i64.add128`, `i64.sub128`, `i64.mul_wide_s`,
    /// `i64.mul_wide_u`: 128-bit arithmetic on pairs of `i64`s). On by default.
    pub fn wasm_wide_arithmetic(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::WIDE_ARITHMETIC, enable)
    }

    /// Allow typed function references (`(ref $t)`, `(ref null $t)` and the other reference types
    /// of the proposal, `call_ref`, `ref.as_non_null`, `br_on_null`, `br_on_non_null`,
    /// non-nullable locals, table initialiser expressions). On by default.
    pub fn wasm_function_references(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::FUNCTION_REFERENCES, enable)
    }

    /// Allow several memories in a module (the multi-memory proposal): a memory index on every
    /// memory instruction, `memory.copy` between memories, data segments for any memory. On by
    /// default.
    pub fn wasm_multi_memory(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::MULTI_MEMORY, enable)
    }

    /// Allow 64-bit memories and tables (the memory64 proposal): `i64` addresses, offsets, sizes
    /// and table indices. On by default.
    pub fn wasm_memory64(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::MEMORY64, enable)
    }

    /// Allow memories with a page size of one byte (the custom-page-sizes proposal). On by default.
    pub fn wasm_custom_page_sizes(&mut self, enable: bool) -> &mut Self {
        self.feature(wasmparser::WasmFeatures::CUSTOM_PAGE_SIZES, enable)
    }

    /// Whether modules may use extended constant expressions.
    pub(crate) fn extended_const(&self) -> bool {
        self.features.contains(wasmparser::WasmFeatures::EXTENDED_CONST)
    }

    /// The features the validator checks modules against. Extended constant expressions are
    /// always validated as such (wasmparser would call a disabled one merely invalid); the
    /// decoder refuses them as unsupported when they are off.
    pub(crate) fn wasm_features(&self) -> wasmparser::WasmFeatures {
        self.features | wasmparser::WasmFeatures::EXTENDED_CONST
    }
}

/// Every feature hayate implements: Wasm 2.0 (fixed-width SIMD included), relaxed SIMD, extended
/// constant expressions, tail calls, exception handling, wide arithmetic, typed function
/// references, multiple memories, memory64 and custom page sizes.
const IMPLEMENTED: wasmparser::WasmFeatures = wasmparser::WasmFeatures::WASM2
    .union(wasmparser::WasmFeatures::RELAXED_SIMD)
    .union(wasmparser::WasmFeatures::EXTENDED_CONST)
    .union(wasmparser::WasmFeatures::TAIL_CALL)
    .union(wasmparser::WasmFeatures::EXCEPTIONS)
    .union(wasmparser::WasmFeatures::LEGACY_EXCEPTIONS)
    .union(wasmparser::WasmFeatures::WIDE_ARITHMETIC)
    .union(wasmparser::WasmFeatures::FUNCTION_REFERENCES)
    .union(wasmparser::WasmFeatures::MULTI_MEMORY)
    .union(wasmparser::WasmFeatures::MEMORY64)
    .union(wasmparser::WasmFeatures::CUSTOM_PAGE_SIZES);

/// Shared, thread-safe state for compiling and running modules. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Engine {
    inner: Arc<EngineInner>,
}

#[derive(Debug, Default)]
struct EngineInner {
    config: Config,
    signatures: Mutex<Signatures>,
}

#[derive(Debug, Default)]
struct Signatures {
    ids: HashMap<FuncType, u32>,
    types: Vec<FuncType>,
}

impl Engine {
    /// An engine with the given settings.
    pub fn new(config: &Config) -> Self {
        Engine { inner: Arc::new(EngineInner { config: config.clone(), signatures: Default::default() }) }
    }

    /// The engine's settings.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The engine-wide id of a signature: equal types get equal ids.
    pub(crate) fn intern(&self, ty: &FuncType) -> u32 {
        let mut sigs = self.inner.signatures.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = sigs.ids.get(ty) {
            return id;
        }
        let id = sigs.types.len() as u32;
        sigs.types.push(ty.clone());
        sigs.ids.insert(ty.clone(), id);
        id
    }

    /// The signature behind an id from [`Engine::intern`].
    pub(crate) fn signature(&self, id: u32) -> FuncType {
        let sigs = self.inner.signatures.lock().unwrap_or_else(|e| e.into_inner());
        sigs.types[id as usize].clone()
    }

    /// The engine-wide id of a function signature, as [`crate::HeapType::Concrete`] holds it:
    /// equal signatures get equal ids.
    pub fn func_type_id(&self, ty: &FuncType) -> u32 {
        self.intern(ty)
    }

    /// The signature behind an id from [`Engine::func_type_id`] (or a [`crate::HeapType::Concrete`]
    /// of a module of this engine); `None` for an id this engine never gave.
    pub fn func_type(&self, id: u32) -> Option<FuncType> {
        let sigs = self.inner.signatures.lock().unwrap_or_else(|e| e.into_inner());
        sigs.types.get(id as usize).cloned()
    }

    /// Whether two handles are the same engine.
    pub fn same(a: &Engine, b: &Engine) -> bool {
        Arc::ptr_eq(&a.inner, &b.inner)
    }
}
