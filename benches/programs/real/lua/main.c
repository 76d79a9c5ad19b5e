// main.c: the Lua benchmark program: Lua 5.4 (from the lua-src package, see ../README) embedded
// through its C API, running bench.lua (compiled in as a string by ../build.sh) with the global N
// set to the scale; prints the integer the script returns as the checksum.
#include <string.h>

#include "../../bench.h"
#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

static const char script[] =
#include "bench_lua.h"
    ;

// Called where Lua would longjmp to an error handler (wasi.h): prints the error and exits.
_Noreturn void hayate_lua_throw(lua_State *L) {
    const char *message = lua_tostring(L, -1);
    fprintf(stderr, "self-check failed: Lua error: %s\n", message ? message : "(not a string)");
    exit(1);
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 2);
    lua_State *L = luaL_newstate();
    if (!L) bench_fail("luaL_newstate");
    // The standard libraries a pure computation needs; io, os and package reach the host.
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},       {LUA_TABLIBNAME, luaopen_table},
        {LUA_STRLIBNAME, luaopen_string}, {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8},  {NULL, NULL},
    };
    for (const luaL_Reg *lib = libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    lua_pushinteger(L, n);
    lua_setglobal(L, "N");
    if (luaL_loadbuffer(L, script, strlen(script), "=bench.lua") != LUA_OK) hayate_lua_throw(L);
    lua_call(L, 0, 1);
    if (!lua_isinteger(L, -1)) bench_fail("bench.lua did not return an integer");
    bench_checksum((uint64_t)lua_tointeger(L, -1));
    lua_close(L);
    return 0;
}
