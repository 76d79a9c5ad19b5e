// main.c: the JavaScript benchmark program: QuickJS-ng (from the rquickjs-sys package, see
// ../README) embedded through its C API, evaluating bench.js (compiled in as a string by
// ../build.sh) with the global N set to the scale; the script's completion value, a 32-bit hash,
// makes the checksum. Nothing here reads the clock: the script uses neither Date nor Math.random.
#include <string.h>

#include "../../bench.h"
#include "quickjs.h"

static const char script[] =
#include "bench_js.h"
    ;

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 2);
    JSRuntime *rt = JS_NewRuntime();
    if (!rt) bench_fail("JS_NewRuntime");
    JSContext *ctx = JS_NewContext(rt);
    if (!ctx) bench_fail("JS_NewContext");
    JSValue global = JS_GetGlobalObject(ctx);
    JS_SetPropertyStr(ctx, global, "N", JS_NewUint32(ctx, n));
    JS_FreeValue(ctx, global);
    JSValue result = JS_Eval(ctx, script, strlen(script), "bench.js", JS_EVAL_TYPE_GLOBAL);
    if (JS_IsException(result)) {
        JSValue error = JS_GetException(ctx);
        const char *message = JS_ToCString(ctx, error);
        fprintf(stderr, "self-check failed: JavaScript exception: %s\n", message ? message : "?");
        exit(1);
    }
    uint32_t value;
    if (JS_ToUint32(ctx, &value, result) != 0) bench_fail("bench.js did not end with a number");
    JS_FreeValue(ctx, result);
    JS_FreeContext(ctx);
    JS_FreeRuntime(rt);
    bench_checksum(mix(n, value * 0x9e3779b97f4a7c15ULL));  // spread the 32-bit hash over 64 bits
    return 0;
}
