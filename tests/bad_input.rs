//! Bad-input battery: truncated and over-long encodings, extreme nesting, locals, parameters and
//! `br_table` sizes, huge memories and custom sections, out-of-range segments, runaway guest recursion
//! and failing host functions. Each must end in an error or a trap (never a panic or an abort) within
//! a time bound.

use anyhow::Result;
use hayate::{Caller, Config, Engine, ErrorKind, Instance, Linker, Module, Store, TrapCode, Val};
use std::time::{Duration, Instant};
use wasm_encoder::{
    BlockType, CodeSection, ConstExpr, CustomSection, DataSection, ElementSection, Elements, ExportKind, ExportSection,
    Function, FunctionSection, Instruction as I, MemorySection, MemoryType, RefType, TableSection, TableType,
    TypeSection, ValType,
};

/// How long one case may take: generous in debug builds, tight in release (what CI runs).
fn limit() -> Duration {
    if cfg!(debug_assertions) { Duration::from_secs(30) } else { Duration::from_secs(2) }
}

/// Runs `f`, asserting it finishes within [`limit`].
fn timed<R>(what: &str, f: impl FnOnce() -> R) -> R {
    let start = Instant::now();
    let r = f();
    let took = start.elapsed();
    assert!(took < limit(), "{what} took {took:?} (limit {:?})", limit());
    r
}

/// A module of one exported function "f" of type `params -> results` with `locals` and `body` (the
/// final `end` is added).
fn func_module(params: &[ValType], results: &[ValType], locals: &[(u32, ValType)], body: &[I<'_>]) -> Vec<u8> {
    let mut module = wasm_encoder::Module::new();
    let mut types = TypeSection::new();
    types.ty().function(params.iter().copied(), results.iter().copied());
    module.section(&types);
    let mut funcs = FunctionSection::new();
    funcs.function(0);
    module.section(&funcs);
    let mut exports = ExportSection::new();
    exports.export("f", ExportKind::Func, 0);
    module.section(&exports);
    let mut code = CodeSection::new();
    let mut f = Function::new(locals.iter().copied());
    for i in body {
        f.instruction(i);
    }
    f.instruction(&I::End);
    code.function(&f);
    module.section(&code);
    module.finish()
}

/// Instantiates `wasm` (no imports) and calls "f" with `args`.
fn call_f(engine: &Engine, wasm: &[u8], args: &[Val], results: usize) -> hayate::Result<Vec<Val>> {
    let module = Module::new(engine, wasm)?;
    let mut store = Store::new(engine, ());
    let instance = Instance::new(&mut store, &module, &[])?;
    let f = instance.get_func(&store, "f").expect("export f");
    let mut out = vec![Val::I32(0); results];
    f.call(&mut store, args, &mut out)?;
    Ok(out)
}

fn fib_wasm() -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/wat/fib.wat");
    wat::parse_file(path).expect("wat/fib.wat")
}

/// A larger real module: the biggest of a few wasm-smith modules with every feature hayate has.
fn generated_wasm() -> Vec<u8> {
    let mut best = Vec::new();
    for seed in 0..20u64 {
        let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let bytes: Vec<u8> = (0..8192)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let config = wasm_smith::Config {
            simd_enabled: false,
            relaxed_simd_enabled: false,
            threads_enabled: false,
            tail_call_enabled: false,
            gc_enabled: false,
            exceptions_enabled: false,
            memory64_enabled: false,
            extended_const_enabled: false,
            wide_arithmetic_enabled: false,
            custom_page_sizes_enabled: false,
            max_memories: 1,
            max_imports: 0,
            min_funcs: 5,
            ..wasm_smith::Config::default()
        };
        if let Ok(m) = wasm_smith::Module::new(config, &mut arbitrary::Unstructured::new(&bytes)) {
            let wasm = m.to_bytes();
            if wasm.len() > best.len() {
                best = wasm;
            }
        }
    }
    assert!(best.len() > 1000, "wasm-smith made no sizeable module");
    best
}

/// Every proper prefix of a valid module is decoded without a panic; the ones that do not end on a
/// section boundary are rejected as malformed.
fn check_truncations(wasm: &[u8]) {
    let engine = Engine::default();
    assert!(Module::new(&engine, wasm).is_ok(), "the untruncated module must be valid");
    let boundaries: Vec<usize> = wasmparser::Parser::new(0)
        .parse_all(wasm)
        .filter_map(|p| p.ok().and_then(|p| p.as_section().map(|(_, range)| range.end as usize)))
        .collect();
    timed("all truncations", || {
        for len in 0..wasm.len() {
            let result = Module::new(&engine, &wasm[..len]);
            if len != 8 && !boundaries.contains(&len) {
                assert!(result.is_err(), "a module truncated to {len} of {} bytes was accepted", wasm.len());
            }
        }
    });
}

#[test]
fn truncated_fib_module_is_rejected_at_every_offset() {
    check_truncations(&fib_wasm());
}

#[test]
fn truncated_generated_module_is_rejected_at_every_offset() {
    check_truncations(&generated_wasm());
}

/// `bytes` with the LEB128 at `at` (`len` bytes) re-encoded in `width` bytes.
fn widen_leb(bytes: &[u8], at: usize, len: usize, value: u64, width: usize) -> Vec<u8> {
    let mut leb = Vec::new();
    let mut v = value;
    for i in 0..width {
        let more = i + 1 < width;
        leb.push((v & 0x7f) as u8 | if more { 0x80 } else { 0 });
        v >>= 7;
    }
    let mut out = bytes[..at].to_vec();
    out.extend(leb);
    out.extend(&bytes[at + len..]);
    out
}

#[test]
fn overlong_leb128s_are_malformed() {
    let engine = Engine::default();
    // (type section, 1 type): the section size is at offset 9 (one byte), the count at 10.
    let wasm = func_module(&[], &[ValType::I32], &[], &[I::I32Const(7)]);
    assert_eq!(call_f(&engine, &wasm, &[], 1).unwrap(), [Val::I32(7)]);
    // A u32 in 6 bytes (the spec allows at most 5), and a 5-byte u32 with unused bits set.
    let mut too_long = wasm.clone();
    too_long.splice(10..11, [0x81, 0x80, 0x80, 0x80, 0x80, 0x00]);
    too_long[9] += 5;
    let mut bad_bits = wasm.clone();
    bad_bits.splice(10..11, [0x81, 0x80, 0x80, 0x80, 0x70]);
    bad_bits[9] += 4;
    // The section size itself in 10 bytes.
    let wide_size = widen_leb(&wasm, 9, 1, u64::from(wasm[9]), 10);
    // An i32.const immediate in 6 bytes, an i64.const immediate in 11.
    let i32_wide = {
        let body = func_module(&[], &[ValType::I32], &[], &[I::I32Const(7)]);
        let at = body.windows(2).rposition(|w| w == [0x41, 0x07]).unwrap() + 1;
        let mut b = widen_leb(&body, at, 1, 7, 6);
        // Fix the code section, body sizes: both grew by 5.
        fix_code_sizes(&mut b, 5);
        b
    };
    let i64_wide = {
        let body = func_module(&[], &[ValType::I64], &[], &[I::I64Const(7)]);
        let at = body.windows(2).rposition(|w| w == [0x42, 0x07]).unwrap() + 1;
        let mut b = widen_leb(&body, at, 1, 7, 11);
        fix_code_sizes(&mut b, 10);
        b
    };
    for (what, bytes) in [
        ("6-byte u32", too_long),
        ("u32 unused bits", bad_bits),
        ("10-byte section size", wide_size),
        ("6-byte i32.const", i32_wide),
        ("11-byte i64.const", i64_wide),
    ] {
        let result = timed(what, || Module::new(&engine, &bytes));
        match result {
            Err(e) => assert!(
                matches!(e.kind(), ErrorKind::Malformed { .. } | ErrorKind::Invalid { .. }),
                "{what}: unexpected error kind: {e}"
            ),
            Ok(_) => panic!("{what}: accepted"),
        }
    }
}

/// Adds `grow` to the code section's size and to its (single) body's size, both one-byte LEB128s.
fn fix_code_sizes(wasm: &mut [u8], grow: u8) {
    let code = wasmparser::Parser::new(0)
        .parse_all(wasm)
        .filter_map(|p| p.ok())
        .find_map(|p| match p {
            wasmparser::Payload::CodeSectionStart { unchecked_range, .. } => Some(unchecked_range.start as usize),
            _ => None,
        })
        .unwrap();
    // [0x0a, size, count=1, body size, ...]
    wasm[code - 1] += grow;
    wasm[code + 1] += grow;
}

/// Calls "f" of a module whose body is `body` (then `i32.const 6`), within [`limit`]. Valid Wasm:
/// hayate may run it or refuse it as too deep, but must do either quickly.
fn nested(what: &str, body: Vec<I<'_>>) {
    let mut body = body;
    body.push(I::I32Const(6));
    let engine = Engine::default();
    let wasm = func_module(&[], &[ValType::I32], &[(1, ValType::I32)], &body);
    match timed(what, || call_f(&engine, &wasm, &[], 1)) {
        Ok(r) => assert_eq!(r, [Val::I32(6)], "{what}"),
        Err(e) => assert!(e.trap_code().is_none(), "{what}: unexpected trap: {e}"),
    }
}

const DEPTH: usize = 100_000;

#[test]
fn hundred_thousand_nested_blocks_and_loops() {
    let mut body = vec![I::Block(BlockType::Empty); DEPTH];
    body.extend(std::iter::repeat_n(I::End, DEPTH));
    nested("100k nested blocks", body);
    // Loops inside one block, with a branch from the innermost out of the block.
    let mut body = vec![I::Block(BlockType::Empty)];
    body.extend(std::iter::repeat_n(I::Loop(BlockType::Empty), DEPTH));
    body.push(I::Br(DEPTH as u32));
    body.extend(std::iter::repeat_n(I::End, DEPTH + 1));
    nested("100k nested loops", body);
    // Blocks each left by a `br_if` at their start, and `if`s each with an `else`.
    let mut body = Vec::new();
    for _ in 0..DEPTH {
        body.extend([I::Block(BlockType::Empty), I::LocalGet(0), I::BrIf(0)]);
    }
    body.extend(std::iter::repeat_n(I::End, DEPTH));
    nested("100k nested blocks with br_if", body);
    let mut body = Vec::new();
    for _ in 0..DEPTH {
        body.extend([I::LocalGet(0), I::If(BlockType::Empty), I::Else]);
    }
    body.extend(std::iter::repeat_n(I::End, DEPTH));
    nested("100k nested if-else", body);
}

/// Regression: translating `if`s without `else` used to take time quadratic in their nesting depth
/// (16k took 0.75 s, 32k 3 s, 100k about 30 s), from jump threading rescanning branch chains.
#[test]
fn hundred_thousand_nested_ifs_without_else() {
    let mut body = Vec::new();
    for _ in 0..DEPTH {
        body.extend([I::LocalGet(0), I::If(BlockType::Empty)]);
    }
    body.extend(std::iter::repeat_n(I::End, DEPTH));
    nested("100k nested ifs", body);
    let mut body = vec![I::Block(BlockType::Empty)];
    for _ in 0..DEPTH / 2 {
        body.extend([I::Loop(BlockType::Empty), I::I32Const(1), I::If(BlockType::Empty)]);
    }
    body.push(I::Br(DEPTH as u32));
    body.extend(std::iter::repeat_n(I::End, DEPTH + 1));
    nested("100k nested loops and ifs", body);
}

#[test]
fn tens_of_thousands_of_locals_and_parameters() {
    let engine = Engine::default();
    // 50,000 locals is wasmparser's limit: valid; read the last one after setting it.
    let n = 50_000u32;
    let body = [I::I64Const(9), I::LocalSet(n - 1), I::LocalGet(n - 1)];
    let wasm = func_module(&[], &[ValType::I64], &[(n, ValType::I64)], &body);
    match timed("50,000 locals", || call_f(&engine, &wasm, &[], 1)) {
        Ok(r) => assert_eq!(r, [Val::I64(9)]),
        Err(e) => assert!(e.trap_code().is_none() || e.trap_code() == Some(TrapCode::StackOverflow), "{e}"),
    }
    // 100,000 locals and 4 billion locals are over the limit.
    for count in [100_000u32, u32::MAX] {
        let wasm = func_module(&[], &[], &[(count, ValType::I32)], &[]);
        assert!(timed("too many locals", || Module::new(&engine, &wasm)).is_err(), "{count} locals accepted");
    }
    // Split declarations whose sum overflows u32.
    let wasm = func_module(&[], &[], &[(u32::MAX, ValType::I32), (u32::MAX, ValType::I32)], &[]);
    assert!(timed("overflowing local count", || Module::new(&engine, &wasm)).is_err());
    // 1,000 parameters is the limit; 20,000 are over it.
    let params = vec![ValType::I32; 1000];
    let wasm = func_module(&params, &[ValType::I32], &[], &[I::LocalGet(999)]);
    let args: Vec<Val> = (0..1000).map(Val::I32).collect();
    assert_eq!(timed("1,000 params", || call_f(&engine, &wasm, &args, 1)).unwrap(), [Val::I32(999)]);
    let params = vec![ValType::I32; 20_000];
    let wasm = func_module(&params, &[], &[], &[]);
    assert!(timed("20,000 params", || Module::new(&engine, &wasm)).is_err());
}

#[test]
fn br_table_with_a_million_targets() {
    let engine = Engine::default();
    let targets: Vec<u32> = (0..1_000_000).map(|i| i % 2).collect();
    // Targets of different arities (an empty block and an i32 block): invalid, and must be rejected
    // quickly.
    let invalid = [
        I::Block(BlockType::Result(ValType::I32)),
        I::Block(BlockType::Empty),
        I::I32Const(10),
        I::LocalGet(0),
        I::BrTable(targets.clone().into(), 1),
        I::End,
        I::I32Const(20),
        I::End,
    ];
    let wasm = func_module(&[ValType::I32], &[ValType::I32], &[], &invalid);
    // Even indexes leave the inner block (20), odd ones and the default the outer one (10).
    let body = [
        I::Block(BlockType::Empty),
        I::Block(BlockType::Empty),
        I::LocalGet(0),
        I::BrTable(targets.into(), 1),
        I::End,
        I::I32Const(20),
        I::Return,
        I::End,
        I::I32Const(10),
    ];
    let wasm_fixed = func_module(&[ValType::I32], &[ValType::I32], &[], &body);
    assert!(timed("invalid br_table", || Module::new(&engine, &wasm)).is_err());
    for (index, expect) in [(0, 20), (1, 10), (999_998, 20), (999_999, 10), (1_000_000, 10), (-1, 10)] {
        let r = timed("br_table call", || call_f(&engine, &wasm_fixed, &[Val::I32(index)], 1)).unwrap();
        assert_eq!(r, [Val::I32(expect)], "br_table index {index}");
    }
}

/// One memory of `pages` pages with a data segment of `data` at `offset`.
fn memory_module(pages: u64, max: Option<u64>, offset: i32, data: &[u8]) -> Vec<u8> {
    let mut module = wasm_encoder::Module::new();
    let mut memories = MemorySection::new();
    memories.memory(MemoryType { minimum: pages, maximum: max, memory64: false, shared: false, page_size_log2: None });
    module.section(&memories);
    let mut exports = ExportSection::new();
    exports.export("memory", ExportKind::Memory, 0);
    module.section(&exports);
    let mut datas = DataSection::new();
    datas.active(0, &ConstExpr::i32_const(offset), data.iter().copied());
    module.section(&datas);
    module.finish()
}

#[test]
fn four_gib_memory_with_data_at_the_end() {
    // A memory of 65536 pages is allowed by the spec; with the default 4 GiB limit hayate may
    // allocate it (lazily) or refuse it with a limit error. A 64 MiB limit must refuse it.
    let end = (u32::MAX - 3) as i32;
    let wasm = memory_module(65536, None, end, b"tail");
    let engine = Engine::default();
    let module = Module::new(&engine, &wasm).unwrap();
    let mut store = Store::new(&engine, ());
    match timed("4 GiB memory", || Instance::new(&mut store, &module, &[])) {
        Ok(instance) => {
            let memory = instance.get_memory(&store, "memory").unwrap();
            assert_eq!(memory.data_size(&store).unwrap(), 1 << 32);
            assert_eq!(&memory.data(&store).unwrap()[(1 << 32) - 4..], b"tail");
        }
        Err(e) => assert!(matches!(e.kind(), ErrorKind::Limit(_)), "unexpected error: {e}"),
    }
    drop(store);
    let engine = Engine::new(Config::new().max_memory_bytes(64 << 20));
    let module = Module::new(&engine, &wasm).unwrap();
    let mut store = Store::new(&engine, ());
    let err = timed("limited 4 GiB memory", || Instance::new(&mut store, &module, &[])).unwrap_err();
    assert!(err.trap_code().is_none(), "a memory over the limit is not a trap: {err}");
}

#[test]
fn data_and_element_segments_out_of_range_trap() {
    let engine = Engine::default();
    let cases = [
        ("data past the end", memory_module(1, None, 65535, b"ab")),
        ("data at -1", memory_module(1, None, -1, b"a")),
        ("data in a 0-page memory", memory_module(0, Some(0), 0, b"a")),
    ];
    for (what, wasm) in cases {
        let module = Module::new(&engine, &wasm).unwrap();
        let mut store = Store::new(&engine, ());
        let err = timed(what, || Instance::new(&mut store, &module, &[])).unwrap_err();
        assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds), "{what}: {err}");
    }
    // An empty data segment exactly at the end is fine.
    let module = Module::new(&engine, memory_module(1, None, 65536, b"")).unwrap();
    Instance::new(&mut Store::new(&engine, ()), &module, &[]).unwrap();
    for (what, offset, table_size) in
        [("elements past the end", 9, 10), ("elements at -1", -1, 10), ("empty table", 0, 0)]
    {
        let mut module = wasm_encoder::Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut funcs = FunctionSection::new();
        funcs.function(0);
        module.section(&funcs);
        let mut tables = TableSection::new();
        tables.table(TableType {
            element_type: RefType::FUNCREF,
            minimum: table_size,
            maximum: None,
            table64: false,
            shared: false,
        });
        module.section(&tables);
        let mut elements = ElementSection::new();
        elements.active(Some(0), &ConstExpr::i32_const(offset), Elements::Functions([0, 0].as_slice().into()));
        module.section(&elements);
        let mut code = CodeSection::new();
        let mut f = Function::new([]);
        f.instruction(&I::End);
        code.function(&f);
        module.section(&code);
        let wasm = module.finish();
        let module = Module::new(&engine, &wasm).unwrap();
        let mut store = Store::new(&engine, ());
        let err = timed(what, || Instance::new(&mut store, &module, &[])).unwrap_err();
        assert_eq!(err.trap_code(), Some(TrapCode::TableOutOfBounds), "{what}: {err}");
    }
}

#[test]
fn huge_custom_sections() {
    let engine = Engine::default();
    let base = func_module(&[], &[ValType::I32], &[], &[I::I32Const(3)]);
    // 64 MiB of custom section, before and after the other sections.
    let payload = vec![0xabu8; 64 << 20];
    let mut wasm = base.clone();
    let mut section = Vec::new();
    wasm_encoder::Encode::encode(&CustomSection { name: "big".into(), data: payload.as_slice().into() }, &mut section);
    wasm.push(0);
    wasm.extend(&section);
    let mut front = base[..8].to_vec();
    front.push(0);
    front.extend(&section);
    front.extend(&base[8..]);
    for (what, bytes) in [("64 MiB custom section at the end", wasm), ("64 MiB custom section first", front)] {
        let r = timed(what, || call_f(&engine, &bytes, &[], 1));
        assert_eq!(r.unwrap(), [Val::I32(3)], "{what}");
    }
    // A custom section that claims more bytes than there are, and one whose name runs past it.
    let mut lying = base.clone();
    lying.extend([0, 0xff, 0xff, 0xff, 0xff, 0x0f, 3, b'a', b'b', b'c']);
    let mut bad_name = base.clone();
    bad_name.extend([0, 2, 0x7f, b'a']);
    for (what, bytes) in [("custom section longer than the module", lying), ("custom name past its section", bad_name)]
    {
        assert!(timed(what, || Module::new(&engine, &bytes)).is_err(), "{what}: accepted");
    }
}

#[test]
fn runaway_guest_recursion_traps() {
    let recurse = r#"
        (module
          (func $down (export "down") (param i64) (result i64)
            (i64.add (call $down (i64.add (local.get 0) (i64.const 1))) (i64.const 1)))
          (func $wide (export "wide") (param i64) (result i64)
            (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
                   i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
            (i64.add (call $wide (local.get 0)) (local.get 31)))
          (func $even (export "even") (param i32) (result i32)
            (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1))
              (else (call $odd (i32.sub (local.get 0) (i32.const 1))))))
          (func $odd (param i32) (result i32)
            (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
              (else (call $even (i32.sub (local.get 0) (i32.const 1)))))))
    "#;
    for config in
        [Config::new(), Config::new().max_call_depth(1_000).clone(), Config::new().max_stack_cells(4096).clone()]
    {
        let engine = Engine::new(&config);
        let module = Module::new(&engine, recurse).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Instance::new(&mut store, &module, &[]).unwrap();
        for name in ["down", "wide"] {
            let f = instance.get_typed_func::<i64, i64>(&store, name).unwrap();
            let err = timed(name, || f.call(&mut store, 0)).unwrap_err();
            assert_eq!(err.trap_code(), Some(TrapCode::StackOverflow), "{name}: {err}");
            // The store is usable after the trap.
            let even = instance.get_typed_func::<i32, i32>(&store, "even").unwrap();
            assert_eq!(even.call(&mut store, 10).unwrap(), 1);
        }
        // Deep but bounded mutual recursion either completes or exhausts the stack.
        let even = instance.get_typed_func::<i32, i32>(&store, "even").unwrap();
        match timed("even 1e6", || even.call(&mut store, 1_000_000)) {
            Ok(v) => assert_eq!(v, 1),
            Err(e) => assert_eq!(e.trap_code(), Some(TrapCode::StackOverflow), "{e}"),
        }
    }
}

#[test]
fn host_function_errors_propagate() -> Result<()> {
    let wat = r#"
        (module
          (import "host" "fail" (func $fail (param i32) (result i32)))
          (import "host" "reenter" (func $reenter (param i32) (result i32)))
          (func (export "direct") (param i32) (result i32) (call $fail (local.get 0)))
          (func (export "nested") (param i32) (result i32)
            (i32.add (call $reenter (local.get 0)) (i32.const 1)))
          (func (export "inner") (param i32) (result i32)
            (if (result i32) (local.get 0)
              (then (call $fail (local.get 0)))
              (else (i32.const 100)))))
    "#;
    let engine = Engine::default();
    let module = Module::new(&engine, wat)?;
    let mut linker = Linker::<u32>::new(&engine);
    linker.func_wrap("host", "fail", |mut caller: Caller<'_, u32>, x: i32| -> hayate::Result<i32> {
        *caller.data_mut() += 1;
        Err(hayate::Error::msg(format!("host failure {x}")))
    })?;
    linker.func_wrap("host", "reenter", |mut caller: Caller<'_, u32>, x: i32| -> hayate::Result<i32> {
        // Calls back into the guest, which calls `fail` when x != 0; the error passes through.
        let inner = caller.get_export("inner").and_then(|e| e.into_func()).unwrap();
        let mut out = [Val::I32(0)];
        inner.call(&mut caller, &[Val::I32(x)], &mut out)?;
        Ok(out[0].i32().unwrap())
    })?;
    let mut store = Store::new(&engine, 0u32);
    let instance = linker.instantiate(&mut store, &module)?;
    let direct = instance.get_typed_func::<i32, i32>(&store, "direct")?;
    let nested = instance.get_typed_func::<i32, i32>(&store, "nested")?;
    let err = timed("direct host error", || direct.call(&mut store, 7)).unwrap_err();
    assert!(err.to_string().contains("host failure 7"), "{err}");
    assert!(err.trap_code().is_none());
    let err = timed("nested host error", || nested.call(&mut store, 8)).unwrap_err();
    assert!(err.to_string().contains("host failure 8"), "{err}");
    // After the errors the instance still works, through the same re-entrant path.
    assert_eq!(nested.call(&mut store, 0)?, 101);
    assert_eq!(*store.data(), 2);
    // A trap raised by the host is reported as that trap.
    let mut linker = Linker::<()>::new(&engine);
    linker.func_wrap("host", "fail", |_: i32| -> hayate::Result<i32> { Err(TrapCode::IntegerOverflow.into()) })?;
    linker.func_wrap("host", "reenter", |x: i32| x)?;
    let mut store = Store::new(&engine, ());
    let instance = linker.instantiate(&mut store, &module)?;
    let direct = instance.get_typed_func::<i32, i32>(&store, "direct")?;
    assert_eq!(direct.call(&mut store, 1).unwrap_err().trap_code(), Some(TrapCode::IntegerOverflow));
    Ok(())
}

/// A module of `n` functions (over the size from which bodies are validated in parallel), those in
/// `bad` invalid (an `i32.add` of an `i64`).
fn many_funcs_with_invalid(n: u32, bad: &[u32]) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], [ValType::I32]);
    let mut funcs = FunctionSection::new();
    let mut code = CodeSection::new();
    for i in 0..n {
        funcs.function(0);
        let mut f = Function::new([(2, ValType::I32)]);
        for k in 0..40 {
            f.instruction(&I::LocalGet(0))
                .instruction(&I::I32Const(k * 7 + i as i32))
                .instruction(&I::I32Add)
                .instruction(&I::LocalSet(1));
        }
        if bad.contains(&i) {
            f.instruction(&I::I64Const(1)).instruction(&I::I32Add).instruction(&I::Drop);
        }
        f.instruction(&I::LocalGet(1)).instruction(&I::End);
        code.function(&f);
    }
    let mut m = wasm_encoder::Module::new();
    m.section(&types).section(&funcs).section(&code);
    m.finish()
}

#[test]
fn a_malformed_section_after_a_large_code_section_is_reported_before_its_invalid_bodies() {
    // The bodies are validated by several threads while the entries are read; their errors wait
    // until the payload after the section has been decoded, as in order.
    let mut wasm = many_funcs_with_invalid(4000, &[10, 3900]);
    wasm.extend_from_slice(&[11, 200]); // a data section header whose size runs past the end
    for lazy in [false, true] {
        let engine = Engine::new(Config::new().lazy_translation(lazy));
        let error = Module::new(&engine, &wasm).expect_err("malformed");
        assert!(matches!(error.kind(), ErrorKind::Malformed { .. }), "lazy {lazy}: {error}");
        let body_error = Module::new(&engine, many_funcs_with_invalid(4000, &[10, 3900])).expect_err("invalid");
        assert!(!matches!(body_error.kind(), ErrorKind::Malformed { .. }), "lazy {lazy}: {body_error}");
    }
}

#[test]
fn the_first_invalid_function_is_reported_when_bodies_are_validated_in_parallel() {
    let n = 4000;
    assert!(many_funcs_with_invalid(n, &[]).len() > 600 * 1024, "the module must be large enough to split");
    for lazy in [false, true] {
        let engine = Engine::new(Config::new().lazy_translation(lazy));
        let error =
            |bad: &[u32]| timed("invalid large module", || Module::new(&engine, many_funcs_with_invalid(n, bad)));
        assert!(error(&[]).is_ok());
        let first = error(&[1200]).expect_err("invalid").to_string();
        let second = error(&[3900]).expect_err("invalid").to_string();
        assert_ne!(first, second, "the two errors must differ (they name offsets)");
        assert_eq!(error(&[3900, 1200]).expect_err("invalid").to_string(), first, "lazy: {lazy}");
        assert_eq!(
            error(&[10, 3900]).expect_err("invalid").to_string(),
            error(&[10]).expect_err("invalid").to_string()
        );
    }
}
