/* wasi.h: forced into every Lua source file (-include). wasm32-wasi has no setjmp/longjmp here, so
   a Lua error ends the program (the benchmark script raises none, and uses no coroutines, whose
   yields travel the same way); and nothing depends on the clock: the string-hash seed and the
   sort-pivot randomisation are constants, so every run does the same work. */
#ifndef HAYATE_LUA_WASI_H
#define HAYATE_LUA_WASI_H
struct lua_State;
_Noreturn void hayate_lua_throw(struct lua_State *L);
#define LUAI_THROW(L, c) hayate_lua_throw(L)
#define LUAI_TRY(L, c, a) { a }
#define luai_jmpbuf int
#define luai_makeseed(L) 0x5eed5eedu
#define l_randomizePivot() 0u
#define l_signalT int /* set by hooks only, which nothing here uses; wasm32-wasi has no signal.h */
#endif
