/* setjmp.h: stands in for the header wasi-libc does not have (no exception handling in wasm32-wasi
   with clang 14). Lua's ldo.c includes it; wasi.h makes it throw without longjmp. */
