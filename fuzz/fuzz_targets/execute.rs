//! Fuzz target: wasm-smith modules (Wasm 2.0 with SIMD, relaxed SIMD, tail calls, exceptions, extended
//! constants, wide arithmetic, multi-memory, memory64 and custom page sizes, any size, imports
//! satisfied by dummy definitions, no termination guard) instantiated on hayate with fuel metering
//! and every export called; any outcome is fine but a panic, a hang, or unbounded memory. Half of
//! the modules have their direct calls rewritten into typed function references (`ref.func $f;
//! [ref.as_non_null;] call_ref $t`, see [`with_call_ref`]): wasm-smith makes typed references only
//! together with GC types, which hayate does not run.
#![no_main]

use arbitrary::Unstructured;
use hayate::{Config, Engine, Extern, ExternType, Func, Global, Instance, Memory, Module, Store, Table, Tag, Val};
use libfuzzer_sys::fuzz_target;

fn smith_config(u: &mut Unstructured<'_>) -> arbitrary::Result<wasm_smith::Config> {
    Ok(wasm_smith::Config {
        simd_enabled: true,
        // No oracle here, so relaxed SIMD runs too (hayate's results are deterministic anyway).
        relaxed_simd_enabled: true,
        threads_enabled: false,
        shared_everything_threads_enabled: false,
        tail_call_enabled: true,
        gc_enabled: false,
        exceptions_enabled: true,
        memory64_enabled: true,
        extended_const_enabled: true,
        wide_arithmetic_enabled: true,
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
        ExternType::Tag(tt) => Extern::Tag(Tag::new(&mut *store, tt).ok()?),
    })
}

/// The module with every `call $f` replaced by `ref.func $f; call_ref $t` (`$t` the type of
/// `$f`), every other one with `ref.as_non_null` between, and a declarative element segment
/// naming every function (which `ref.func` in a body needs); `None` if re-encoding fails.
fn with_call_ref(wasm: &[u8]) -> Option<Vec<u8>> {
    use wasm_encoder::reencode::{Error, Reencode, utils};
    use wasm_encoder::{ElementSection, Elements, Instruction, SectionId};

    struct CallRef {
        /// The type index of every function, imports first.
        func_types: Vec<u32>,
        calls: u32,
        declared: bool,
    }
    impl CallRef {
        fn declaration(&self, elements: &mut ElementSection) {
            let funcs: Vec<u32> = (0..self.func_types.len() as u32).collect();
            elements.declared(Elements::Functions(funcs.into()));
        }
    }
    impl Reencode for CallRef {
        type Error = std::convert::Infallible;
        fn parse_function_body(
            &mut self,
            code: &mut wasm_encoder::CodeSection,
            body: wasmparser::FunctionBody<'_>,
        ) -> Result<(), Error> {
            let mut f = self.new_function_with_parsed_locals(&body)?;
            let mut reader = body.get_operators_reader()?;
            while !reader.eof() {
                match reader.read()? {
                    wasmparser::Operator::Call { function_index } => {
                        f.instruction(&Instruction::RefFunc(function_index));
                        self.calls += 1;
                        if self.calls % 2 == 0 {
                            f.instruction(&Instruction::RefAsNonNull);
                        }
                        f.instruction(&Instruction::CallRef(self.func_types[function_index as usize]));
                    }
                    op => {
                        f.instruction(&self.instruction(op)?);
                    }
                }
            }
            code.function(&f);
            Ok(())
        }
        fn parse_element_section(
            &mut self,
            elements: &mut ElementSection,
            section: wasmparser::ElementSectionReader<'_>,
        ) -> Result<(), Error> {
            utils::parse_element_section(self, elements, section)?;
            self.declaration(elements);
            self.declared = true;
            Ok(())
        }
        fn intersperse_section_hook(
            &mut self,
            module: &mut wasm_encoder::Module,
            _after: Option<SectionId>,
            before: Option<SectionId>,
        ) -> Result<(), Error> {
            if !self.declared && matches!(before, None | Some(SectionId::DataCount | SectionId::Code | SectionId::Data))
            {
                let mut elements = ElementSection::new();
                self.declaration(&mut elements);
                module.section(&elements);
                self.declared = true;
            }
            Ok(())
        }
    }

    let mut func_types = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        match payload.ok()? {
            wasmparser::Payload::ImportSection(r) => {
                for import in r.into_imports() {
                    if let wasmparser::TypeRef::Func(t) = import.ok()?.ty {
                        func_types.push(t);
                    }
                }
            }
            wasmparser::Payload::FunctionSection(r) => {
                for t in r {
                    func_types.push(t.ok()?);
                }
            }
            _ => {}
        }
    }
    let mut module = wasm_encoder::Module::new();
    let mut reencoder = CallRef { func_types, calls: 0, declared: false };
    reencoder.parse_core_module(&mut module, wasmparser::Parser::new(0), wasm).ok()?;
    Some(module.finish())
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(config) = smith_config(&mut u) else { return };
    let rewrite: bool = u.arbitrary().unwrap_or(false);
    let Ok(module) = wasm_smith::Module::new(config, &mut u) else { return };
    let mut wasm = module.to_bytes();
    if rewrite && let Some(rewritten) = with_call_ref(&wasm) {
        wasm = rewritten;
    }
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
