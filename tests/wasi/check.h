// check.h: the assertion macros every test program uses. A failed check prints the file, line,
// expression and errno to stderr and exits with status 1, so the Rust harness shows what broke.
#ifndef CHECK_H
#define CHECK_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

#define FAIL(...)                                                  \
    do {                                                           \
        fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);            \
        fprintf(stderr, __VA_ARGS__);                              \
        fprintf(stderr, "\n");                                     \
        exit(1);                                                   \
    } while (0)

// `cond` must hold.
#define CHECK(cond)                                                                      \
    do {                                                                                 \
        errno = 0;                                                                       \
        if (!(cond)) FAIL("check failed: %s (errno %d: %s)", #cond, errno, strerror(errno)); \
    } while (0)

// The libc call `expr` must fail (return -1 or NULL) with errno `want`.
#define CHECK_ERRNO(expr, want)                                                                \
    do {                                                                                       \
        errno = 0;                                                                             \
        long r_ = (long)(expr);                                                                \
        if (r_ != -1 && r_ != 0) FAIL("%s: expected errno %s, got result %ld", #expr, #want, r_); \
        if (errno != (want))                                                                   \
            FAIL("%s: expected errno %s (%d), got %d (%s)", #expr, #want, want, errno, strerror(errno)); \
    } while (0)

// The raw WASI call `expr` must return `want`.
#define CHECK_WASI(expr, want)                                                                   \
    do {                                                                                         \
        __wasi_errno_t e_ = (expr);                                                              \
        if (e_ != (want)) FAIL("%s: expected %s (%d), got %d (%s)", #expr, #want, (int)(want), e_, strerror(e_)); \
    } while (0)

#define CHECK_OK(expr) CHECK_WASI(expr, __WASI_ERRNO_SUCCESS)

// The preopened directory named `name`, found the way wasi-libc does it.
static inline __wasi_fd_t preopen(const char *name) {
    for (__wasi_fd_t fd = 3;; fd++) {
        __wasi_prestat_t prestat;
        if (__wasi_fd_prestat_get(fd, &prestat) != 0) FAIL("no preopen named %s", name);
        char buf[256];
        if (prestat.u.dir.pr_name_len >= sizeof buf) continue;
        if (__wasi_fd_prestat_dir_name(fd, (uint8_t *)buf, prestat.u.dir.pr_name_len) != 0) continue;
        buf[prestat.u.dir.pr_name_len] = 0;
        if (strcmp(buf, name) == 0) return fd;
    }
}

#endif
