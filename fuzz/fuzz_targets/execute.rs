//! Fuzz target: wasm-smith modules (Wasm 2.0 without SIMD, multi-memory, memory64 and custom page
//! sizes, any size, imports satisfied by dummy definitions, no termination guard) instantiated on
//! hayate with fuel metering and every export
//! called; any outcome is fine but a panic, a hang, or unbounded memory.
#![no_main]

use arbitrary::Unstructured;
use hayate::{Config, Engine, Extern, ExternType, Func, Global, Instance, Memory, Module, Store, Table, Val};
use libfuzzer_sys::fuzz_target;

fn smith_config(u: &mut Unstructured<'_>) -> arbitrary::Result<wasm_smith::Config> {
    Ok(wasm_smith::Config {
        simd_enabled: false,
        relaxed_simd_enabled: false,
        threads_enabled: false,
        shared_everything_threads_enabled: false,
        tail_call_enabled: false,
        gc_enabled: false,
        exceptions_enabled: false,
        memory64_enabled: true,
        extended_const_enabled: false,
        wide_arithmetic_enabled: false,
        custom_page_sizes_enabled: true,
        compact_imports_enabled: false,
        max_memories: 4,
        max_memory32_bytes: 16 << 20,
        max_memory64_bytes: 16 << 20,
        max_table_elements: 100_000,
        max_tables: 4,
        max_funcs: 50,
        max_instructions: 1000,
        disallow_traps: u.arbitrary()?,
        ..wasm_smith::Config::default()
    })
}

/// A stand-in for an import of type `ty`.
fn dummy(store: &mut Store<()>, ty: &ExternType) -> Option<Extern> {
    Some(match ty {
        ExternType::Func(ft) => Extern::Func(Func::new(&mut *store, ft.clone(), |_, _, results| {
            for r in results.iter_mut() {
                *r = Val::default_for(r.ty());
            }
            Ok(())
        })),
        ExternType::Memory(mt) => Extern::Memory(Memory::new(&mut *store, *mt).ok()?),
        ExternType::Table(tt) => Extern::Table(Table::new(&mut *store, *tt, Val::default_for(tt.element())).ok()?),
        ExternType::Global(gt) => Extern::Global(Global::new(&mut *store, *gt, Val::default_for(gt.content)).ok()?),
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(config) = smith_config(&mut u) else { return };
    let Ok(module) = wasm_smith::Module::new(config, &mut u) else { return };
    let wasm = module.to_bytes();
    let mut config = Config::new();
    config.consume_fuel(true).max_memory_bytes(64 << 20).max_table_elements(1 << 20).max_call_depth(10_000);
    let engine = Engine::new(&config);
    let module = match Module::new(&engine, &wasm) {
        Ok(m) => m,
        Err(e) => panic!("hayate rejected a wasm-smith module: {e}\n{}", wasmprinter::print_bytes(&wasm).unwrap()),
    };
    let mut store = Store::new(&engine, ());
    store.set_fuel(100_000).unwrap();
    let imports: Vec<(String, String, ExternType)> =
        module.imports().map(|(m, n, t)| (m.to_string(), n.to_string(), t.clone())).collect();
    let mut externs = Vec::new();
    for (_, _, ty) in &imports {
        let Some(ext) = dummy(&mut store, ty) else { return };
        externs.push(ext);
    }
    let Ok(instance) = Instance::new(&mut store, &module, &externs) else { return };
    let Ok(exports) = instance.exports(&store) else { return };
    for (_, ext) in exports {
        let Extern::Func(f) = ext else { continue };
        let Ok(ty) = f.ty(&store) else { continue };
        let params: Vec<Val> = ty.params().iter().map(|t| Val::default_for(*t)).collect();
        let mut results: Vec<Val> = ty.results().iter().map(|t| Val::default_for(*t)).collect();
        store.set_fuel(100_000).unwrap();
        let _ = f.call(&mut store, &params, &mut results);
    }
});
