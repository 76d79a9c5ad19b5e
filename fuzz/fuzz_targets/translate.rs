//! Fuzz target: arbitrary bytes through `Module::new` (decode, validate, translate) must give a module
//! or an error, never a panic. Half the inputs get a valid header so that the fuzzer reaches sections.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let engine = hayate::Engine::default();
    let _ = hayate::Module::new(&engine, data);
    let mut headed = b"\0asm\x01\0\0\0".to_vec();
    headed.extend_from_slice(data);
    if let Ok(module) = hayate::Module::from_binary(&engine, &headed) {
        // Whatever validates must also print through the IR disassembler.
        let mut out = String::new();
        let _ = module.disassemble(None, &mut out);
    }
});
