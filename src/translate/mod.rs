//! Translation of one function body from Wasm stack code to register IR, validating each operator
//! in the same pass (`FuncValidator` and our [`FuncTranslator`] both visit it).

mod assigned;
mod func;
mod fuse;
mod layout;
mod read;
mod simd;
mod visit;

use crate::code::Translated;
use crate::error::{Error, Result, invalid, malformed};
use crate::types::FuncType;
use func::FuncTranslator;
pub(crate) use func::Scratch;
use read::OpReader;
use wasmparser::{
    FuncValidator, FuncValidatorAllocations, FunctionBody, ValidatorResources, VisitOperator, VisitSimdOperator,
};

/// What translating a function needs to know of its module (given by `module/`, which this
/// module does not know).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Env<'a> {
    /// The module's function types, by type index.
    pub types: &'a [FuncType],
    /// Engine-wide signature id per type index (checked by `call_indirect`).
    pub type_sigs: &'a [u32],
    /// Type index of every function, imports first.
    pub funcs: &'a [u32],
    pub num_imported_funcs: u32,
    /// Type index of every exception tag, imports first.
    pub tags: &'a [u32],
    /// The module's tables, imports first.
    pub tables: &'a [crate::types::TableType],
    /// The module's memories, imports first.
    pub memories: &'a [crate::types::MemoryType],
    /// The module's globals, imports first.
    pub globals: &'a [crate::types::GlobalType],
    /// The engine settings translation follows (fuel, interruption).
    pub config: &'a crate::Config,
}

impl Env<'_> {
    /// The type of function `func` (imported or defined).
    pub(crate) fn func_type(&self, func: u32) -> &FuncType {
        &self.types[self.funcs[func as usize] as usize]
    }

    /// The types of the values an exception with tag `tag` carries.
    pub(crate) fn tag_params(&self, tag: u32) -> &[crate::types::ValType] {
        self.types[self.tags[tag as usize] as usize].params()
    }

    /// How many register cells the values of an exception with tag `tag` occupy.
    pub(crate) fn tag_arity(&self, tag: u32) -> usize {
        crate::types::cells(self.tag_params(tag))
    }
}

/// The local declarations a function body starts with, as (count, type) groups.
pub(crate) type Locals = smallvec::SmallVec<[(u32, wasmparser::ValType); 8]>;

/// Reads the local declarations at the start of a function body from `reader`, passing each group
/// with its offset to `declare` as it goes (the validator's `define_locals`, or nothing for a body
/// validated before).
pub(crate) fn read_locals(
    reader: &mut wasmparser::BinaryReader<'_>,
    mut declare: impl FnMut(u64, u32, wasmparser::ValType) -> Result<()>,
) -> Result<Locals> {
    let mut locals = Locals::new();
    for _ in 0..reader.read_var_u32().map_err(malformed)? {
        let offset = reader.original_position();
        let count: u32 = reader.read().map_err(malformed)?;
        let vt: wasmparser::ValType = reader.read().map_err(malformed)?;
        declare(offset, count, vt)?;
        locals.push((count, vt));
    }
    Ok(locals)
}

/// Validates and translates the body of function `func_index`.
pub(crate) fn translate(
    env: &Env<'_>,
    func_index: u32,
    body: &FunctionBody<'_>,
    mut validator: FuncValidator<ValidatorResources>,
    scratch: &mut Scratch,
) -> Result<(Translated, FuncValidatorAllocations)> {
    let mut reader = body.get_binary_reader();
    let locals =
        read_locals(&mut reader, |offset, count, vt| validator.define_locals(offset, count, vt).map_err(invalid))?;
    let mut t = FuncTranslator::new(env, func_index, &locals, scratch)?;
    let mut ops = OpReader::new(reader).map_err(malformed)?;
    while !ops.eof() {
        let offset = ops.original_position();
        let mut both = Both { validator: &mut validator, translator: &mut t, offset };
        ops.visit_operator(&mut both).map_err(malformed)??;
    }
    ops.finish_expression(&validator.visitor(ops.original_position())).map_err(invalid)?;
    let code = t.finish()?;
    Ok((code, validator.into_allocations()))
}

/// Validates the body of a function without translating it (lazy translation): what
/// `FuncValidator::validate` does, with the operators decoded by [`OpReader::visit_operator`].
pub(crate) fn validate(validator: &mut FuncValidator<ValidatorResources>, body: &FunctionBody<'_>) -> Result<()> {
    let mut reader = body.get_binary_reader();
    validator.read_locals(&mut reader).map_err(invalid)?;
    reader.set_features(*validator.features());
    let mut ops = OpReader::new(reader).map_err(invalid)?;
    while !ops.eof() {
        let offset = ops.original_position();
        ops.visit_operator(&mut validator.visitor(offset)).map_err(invalid)?.map_err(invalid)?;
    }
    ops.finish_expression(&validator.visitor(ops.original_position())).map_err(invalid)
}

/// Translates a body that was validated when the module was loaded (lazy translation): the same
/// translator, without the validator.
pub(crate) fn translate_validated(
    env: &Env<'_>,
    func_index: u32,
    wasm: &[u8],
    body: std::ops::Range<usize>,
) -> Result<Translated> {
    let mut reader =
        wasmparser::BinaryReader::new_features(&wasm[body.clone()], body.start as u64, env.config.wasm_features());
    let locals = read_locals(&mut reader, |_, _, _| Ok(()))?;
    let mut scratch = Scratch::default();
    let mut t = FuncTranslator::new(env, func_index, &locals, &mut scratch)?;
    let mut ops = OpReader::new(reader).map_err(malformed)?;
    while !ops.eof() {
        ops.visit_operator(&mut Alone { translator: &mut t }).map_err(malformed)??;
    }
    t.finish()
}

/// Visits each operator with the validator first, then with the translator.
struct Both<'v, 't, 's, 'm> {
    validator: &'v mut FuncValidator<ValidatorResources>,
    translator: &'t mut FuncTranslator<'s, 'm>,
    offset: u64,
}

macro_rules! define_both {
    ($( @$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
        $(
            fn $visit(&mut self $($(, $arg: $argty)*)?) -> Result<()> {
                self.validator
                    .visitor(self.offset)
                    .$visit($($($arg.clone()),*)?)
                    .map_err(invalid)?;
                define_both!(@forward $proposal self $visit $($($arg)*)?)
            }
        )*
    };
    (@forward mvp $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward sign_extension $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward saturating_float_to_int $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward bulk_memory $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward reference_types $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward tail_call $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward exceptions $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward wide_arithmetic $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward function_references $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward legacy_exceptions $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward simd $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward relaxed_simd $s:ident $visit:ident $($arg:ident)*) => { $s.translator.$visit($($arg),*) };
    (@forward $other:ident $s:ident $visit:ident $($arg:ident)*) => {{
        $( let _ = $arg; )*
        Err(Error::unsupported(concat!("instruction ", stringify!($visit), " (", stringify!($other), " proposal)")))
    }};
}

/// [`define_both`] for the SIMD operators, which the validator checks through its SIMD visitor.
macro_rules! define_both_simd {
    ($( @$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
        $(
            fn $visit(&mut self $($(, $arg: $argty)*)?) -> Result<()> {
                self.validator
                    .simd_visitor(self.offset)
                    .$visit($($($arg.clone()),*)?)
                    .map_err(invalid)?;
                define_both!(@forward $proposal self $visit $($($arg)*)?)
            }
        )*
    };
}

impl wasmparser::FrameStack for Both<'_, '_, '_, '_> {
    fn current_frame(&self) -> Option<wasmparser::FrameKind> {
        self.validator.get_control_frame(0).map(|f| f.kind)
    }
}

impl<'a> VisitOperator<'a> for Both<'_, '_, '_, '_> {
    type Output = Result<()>;
    wasmparser::for_each_visit_operator!(define_both);

    fn simd_visitor(&mut self) -> Option<&mut dyn VisitSimdOperator<'a, Output = Self::Output>> {
        Some(self)
    }
}

impl<'a> VisitSimdOperator<'a> for Both<'_, '_, '_, '_> {
    wasmparser::for_each_visit_simd_operator!(define_both_simd);
}

/// Visits each operator with the translator only (the body is known to be valid).
struct Alone<'t, 's, 'm> {
    translator: &'t mut FuncTranslator<'s, 'm>,
}

impl wasmparser::FrameStack for Alone<'_, '_, '_> {
    fn current_frame(&self) -> Option<wasmparser::FrameKind> {
        use func::CtrlKind;
        self.translator.ctrl.last().map(|c| match c.kind {
            CtrlKind::Func | CtrlKind::Block => wasmparser::FrameKind::Block,
            CtrlKind::Loop => wasmparser::FrameKind::Loop,
            CtrlKind::If => wasmparser::FrameKind::If,
            CtrlKind::Else => wasmparser::FrameKind::Else,
            CtrlKind::LegacyTry => wasmparser::FrameKind::LegacyTry,
            CtrlKind::LegacyCatch => wasmparser::FrameKind::LegacyCatch,
            CtrlKind::LegacyCatchAll => wasmparser::FrameKind::LegacyCatchAll,
        })
    }
}

macro_rules! define_alone {
    ($( @$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*))*) => {
        $(
            fn $visit(&mut self $($(, $arg: $argty)*)?) -> Result<()> {
                #[allow(unused_variables)]
                let s = &mut *self;
                define_both!(@forward $proposal s $visit $($($arg)*)?)
            }
        )*
    };
}

impl<'a> VisitOperator<'a> for Alone<'_, '_, '_> {
    type Output = Result<()>;
    wasmparser::for_each_visit_operator!(define_alone);

    fn simd_visitor(&mut self) -> Option<&mut dyn VisitSimdOperator<'a, Output = Self::Output>> {
        Some(self)
    }
}

impl<'a> VisitSimdOperator<'a> for Alone<'_, '_, '_> {
    wasmparser::for_each_visit_simd_operator!(define_alone);
}
