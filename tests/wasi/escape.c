// escape: the sandbox battery. Preopens `/sandbox` and `/other` are given; the harness put a
// file `outside.txt` next to them and these links in the sandbox: `abs_link` (absolute, to
// outside.txt), `rel_link` (`../outside.txt`) and `up` (`..`). Every attempt to read, create,
// change or learn anything outside the preopens must be refused; the harness then checks that
// nothing outside changed. Also: descriptors renumbered over a preopen, and bad pointers and
// lengths for every kind of guest memory argument (EFAULT, never a host crash).
#include "check.h"
#include <stdint.h>

static __wasi_fd_t sandbox, other;
static int attempts;

// Raw path_open in `dir`; must fail with `want`.
static void open_refused(__wasi_fd_t dir, __wasi_lookupflags_t follow, const char *path, __wasi_oflags_t oflags,
                         __wasi_errno_t want) {
    __wasi_fd_t fd = 12345;
    __wasi_errno_t e = __wasi_path_open(dir, follow, path, oflags, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE,
                                        0, 0, &fd);
    if (e != want) FAIL("path_open(%s, oflags %d): expected errno %d, got %d (fd %u)", path, oflags, want, e, fd);
    attempts++;
}

#define REFUSED(expr, want)    \
    do {                       \
        CHECK_WASI(expr, want); \
        attempts++;            \
    } while (0)

// Raw imports where wasi-libc's wrappers would measure the path with strlen.
#define IMPORT(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(name)))
IMPORT("path_open") int32_t raw_path_open(int32_t fd, int32_t dirflags, int32_t path, int32_t path_len, int32_t oflags,
                                          int64_t base, int64_t inheriting, int32_t fdflags, int32_t out);
IMPORT("path_readlink") int32_t raw_path_readlink(int32_t fd, int32_t path, int32_t path_len, int32_t buf,
                                                  int32_t buf_len, int32_t used);

static uint32_t memory_size(void) { return (uint32_t)__builtin_wasm_memory_size(0) * 65536u; }

int main(void) {
    sandbox = preopen("/sandbox");
    other = preopen("/other");
    const __wasi_errno_t PERM = __WASI_ERRNO_PERM;
    const __wasi_lookupflags_t F = __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW;

    // `..` at every depth, with and without creation, following links or not.
    const char *dotdot[] = {"..", "../", "../outside.txt", "./../outside.txt", "sub/../../outside.txt",
                            "sub/deeper/../../../outside.txt", "sub/deeper/../../../../../../../../etc/passwd",
                            "sub/./deeper/.././../../outside.txt", "../sandbox/inside.txt", "../other/o.txt"};
    for (size_t i = 0; i < sizeof dotdot / sizeof *dotdot; i++) {
        open_refused(sandbox, 0, dotdot[i], 0, PERM);
        open_refused(sandbox, F, dotdot[i], 0, PERM);
        open_refused(sandbox, F, dotdot[i], __WASI_OFLAGS_CREAT, PERM);
        open_refused(sandbox, F, dotdot[i], __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC, PERM);
    }
    open_refused(sandbox, F, "../created.txt", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, PERM);
    // Absolute paths.
    open_refused(sandbox, F, "/etc/passwd", 0, PERM);
    open_refused(sandbox, F, "/", __WASI_OFLAGS_DIRECTORY, PERM);
    open_refused(sandbox, F, "/sandbox/inside.txt", 0, PERM);
    // Symlinks out of the sandbox, made by the host: absolute, relative, to a directory.
    open_refused(sandbox, F, "abs_link", 0, PERM);
    open_refused(sandbox, F, "rel_link", 0, PERM);
    open_refused(sandbox, F, "rel_link", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC, PERM);
    open_refused(sandbox, F, "up/outside.txt", 0, PERM);
    open_refused(sandbox, 0, "up/outside.txt", 0, PERM);
    open_refused(sandbox, F, "up", __WASI_OFLAGS_DIRECTORY, PERM);
    open_refused(sandbox, F, "up/created.txt", __WASI_OFLAGS_CREAT, PERM);
    // ... and by the guest, including chains.
    CHECK_OK(__wasi_path_symlink("../outside.txt", sandbox, "mine"));
    CHECK_OK(__wasi_path_symlink("mine", sandbox, "chain1"));
    CHECK_OK(__wasi_path_symlink("sub/../chain1", sandbox, "chain2"));
    CHECK_OK(__wasi_path_symlink("sub/deeper/../../..", sandbox, "updir"));
    CHECK_OK(__wasi_path_symlink("../../../../..", sandbox, "sub/deeper/way_up"));
    open_refused(sandbox, F, "mine", 0, PERM);
    open_refused(sandbox, F, "chain1", 0, PERM);
    open_refused(sandbox, F, "chain2", 0, PERM);
    open_refused(sandbox, F, "chain2", __WASI_OFLAGS_CREAT, PERM);
    open_refused(sandbox, F, "updir/outside.txt", 0, PERM);
    open_refused(sandbox, F, "sub/deeper/way_up/etc/passwd", 0, PERM);
    // Absolute symlinks cannot even be made.
    REFUSED(__wasi_path_symlink("/etc/passwd", sandbox, "abs_mine"), PERM);
    // Loops end in ELOOP, not in a hang or an escape.
    CHECK_OK(__wasi_path_symlink("loop_b", sandbox, "loop_a"));
    CHECK_OK(__wasi_path_symlink("loop_a", sandbox, "loop_b"));
    open_refused(sandbox, F, "loop_a", 0, __WASI_ERRNO_LOOP);
    open_refused(sandbox, F, "loop_a", __WASI_OFLAGS_CREAT, __WASI_ERRNO_LOOP);

    // Every other path function, through `..`, absolute paths and links.
    __wasi_filestat_t st;
    const char *outs[] = {"../outside.txt", "/outside.txt", "up/outside.txt", "rel_link/x", "updir/outside.txt"};
    for (size_t i = 0; i < sizeof outs / sizeof *outs; i++) {
        const char *p = outs[i];
        __wasi_errno_t e = __wasi_path_filestat_get(sandbox, F, p, &st);
        if (e == 0) FAIL("path_filestat_get(%s) succeeded", p);
        attempts++;
        e = __wasi_path_filestat_set_times(sandbox, F, p, 0, 0, __WASI_FSTFLAGS_MTIM | __WASI_FSTFLAGS_ATIM);
        if (e == 0) FAIL("path_filestat_set_times(%s) succeeded", p);
        attempts++;
        if (__wasi_path_unlink_file(sandbox, p) == 0) FAIL("path_unlink_file(%s) succeeded", p);
        if (__wasi_path_create_directory(sandbox, p) == 0) FAIL("path_create_directory(%s) succeeded", p);
        if (__wasi_path_remove_directory(sandbox, p) == 0) FAIL("path_remove_directory(%s) succeeded", p);
        if (__wasi_path_symlink("x", sandbox, p) == 0) FAIL("path_symlink at %s succeeded", p);
        if (__wasi_path_link(sandbox, 0, "inside.txt", sandbox, p) == 0) FAIL("path_link to %s succeeded", p);
        if (__wasi_path_link(sandbox, 0, p, sandbox, "stolen") == 0) FAIL("path_link from %s succeeded", p);
        if (__wasi_path_rename(sandbox, "inside.txt", sandbox, p) == 0) FAIL("path_rename to %s succeeded", p);
        if (__wasi_path_rename(sandbox, p, sandbox, "stolen") == 0) FAIL("path_rename from %s succeeded", p);
        uint8_t buf[64];
        __wasi_size_t used;
        if (__wasi_path_readlink(sandbox, p, buf, sizeof buf, &used) == 0) FAIL("path_readlink(%s) succeeded", p);
        attempts += 9;
    }
    REFUSED(__wasi_path_filestat_get(sandbox, 0, "../outside.txt", &st), PERM);
    REFUSED(__wasi_path_create_directory(sandbox, "../newdir"), PERM);
    REFUSED(__wasi_path_remove_directory(sandbox, "../other"), PERM);
    REFUSED(__wasi_path_unlink_file(sandbox, "../outside.txt"), PERM);
    REFUSED(__wasi_path_rename(sandbox, "inside.txt", other, "../moved.txt"), PERM);
    REFUSED(__wasi_path_rename(sandbox, "../outside.txt", other, "moved.txt"), PERM);
    REFUSED(__wasi_path_link(sandbox, 0, "../outside.txt", sandbox, "hard"), PERM);
    REFUSED(__wasi_path_link(sandbox, 0, "inside.txt", other, "../hard"), PERM);
    REFUSED(__wasi_path_symlink("inside.txt", other, "../evil"), PERM);
    // An absolute link made by the host is not read out either.
    uint8_t linkbuf[256];
    __wasi_size_t used;
    REFUSED(__wasi_path_readlink(sandbox, "abs_link", linkbuf, sizeof linkbuf, &used), PERM);
    // The directory a guest opens becomes the new root: `..` from it is refused too.
    __wasi_fd_t sub;
    CHECK_OK(__wasi_path_open(sandbox, 0, "sub", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_PATH_OPEN, ~0ULL, 0, &sub));
    open_refused(sub, F, "../inside.txt", 0, PERM);
    open_refused(sub, F, "deeper/../../inside.txt", 0, PERM);
    // Moving a file between two preopens is allowed (the guest holds both), and only between them.
    CHECK_OK(__wasi_path_rename(sandbox, "inside.txt", other, "moved.txt"));
    CHECK_OK(__wasi_path_rename(other, "moved.txt", sandbox, "inside.txt"));

    // Renumbering over a preopen: the preopen is gone, and the new descriptor is confined to the
    // subdirectory it came from.
    CHECK_OK(__wasi_fd_renumber(sub, sandbox));
    __wasi_prestat_t prestat;
    REFUSED(__wasi_fd_prestat_get(sandbox, &prestat), __WASI_ERRNO_BADF);
    REFUSED(__wasi_fd_prestat_get(sub, &prestat), __WASI_ERRNO_BADF);
    open_refused(sandbox, F, "../inside.txt", 0, PERM);
    open_refused(sandbox, F, "../../outside.txt", 0, PERM);
    __wasi_fd_t probe;
    CHECK_OK(__wasi_path_open(sandbox, 0, "deeper", __WASI_OFLAGS_DIRECTORY, 0, 0, 0, &probe));
    // A file renumbered over a directory is no directory to resolve paths in.
    __wasi_fd_t file;
    CHECK_OK(__wasi_path_open(other, 0, "o.txt", 0, __WASI_RIGHTS_FD_READ, 0, 0, &file));
    CHECK_OK(__wasi_fd_renumber(file, probe));
    open_refused(probe, F, "x", 0, __WASI_ERRNO_NOTDIR);
    REFUSED(__wasi_fd_renumber(probe, 9999), __WASI_ERRNO_BADF);

    // Bad pointers and lengths: EFAULT, and nothing happens.
    uint32_t end = memory_size();
    uint8_t *past = (uint8_t *)(uintptr_t)(end - 2);
    __wasi_ciovec_t ciov = {(const uint8_t *)"hi", 2};
    __wasi_iovec_t iov_past = {past, 16};
    __wasi_size_t n;
    REFUSED(__wasi_fd_write(1, (const __wasi_ciovec_t *)(uintptr_t)(end - 4), 1, &n), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_fd_write(1, &ciov, 0x20000000, &n), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_fd_write(1, &ciov, 1, (__wasi_size_t *)(uintptr_t)(end - 2)), __WASI_ERRNO_FAULT);
    __wasi_ciovec_t huge = {(const uint8_t *)"x", 0xFFFFFFFF};
    REFUSED(__wasi_fd_write(1, &huge, 1, &n), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_fd_read(file, &iov_past, 1, &n), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_fd_pread(file, &iov_past, 1, 0, &n), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_fd_pwrite(1, &ciov, 1, 0, (__wasi_size_t *)(uintptr_t)end), __WASI_ERRNO_FAULT);
    REFUSED(raw_path_open(other, 0, (int32_t)(end - 2), 16, 0, 0, 0, 0, (int32_t)(uintptr_t)&probe), __WASI_ERRNO_FAULT);
    REFUSED(raw_path_open(other, 0, (int32_t)(uintptr_t)"o.txt", -1, 0, 0, 0, 0, (int32_t)(uintptr_t)&probe),
            __WASI_ERRNO_FAULT);
    // A failed out-pointer opens nothing: the next descriptor is the same number as before.
    __wasi_fd_t a, b;
    CHECK_OK(__wasi_path_open(other, 0, "o.txt", 0, 0, 0, 0, &a));
    CHECK_OK(__wasi_fd_close(a));
    REFUSED(__wasi_path_open(other, 0, "o.txt", 0, 0, 0, 0, (__wasi_fd_t *)(uintptr_t)(end - 1)), __WASI_ERRNO_FAULT);
    CHECK_OK(__wasi_path_open(other, 0, "o.txt", 0, 0, 0, 0, &b));
    CHECK(a == b);
    REFUSED(__wasi_path_filestat_get(other, 0, "o.txt", (__wasi_filestat_t *)(uintptr_t)(end - 8)), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_fd_filestat_get(b, (__wasi_filestat_t *)(uintptr_t)(end - 63)), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_fd_fdstat_get(b, (__wasi_fdstat_t *)(uintptr_t)(end - 1)), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_fd_readdir(other, past, 64, 0, &n), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_fd_prestat_get(other, (__wasi_prestat_t *)(uintptr_t)(end - 4)), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_fd_prestat_dir_name(other, past, 6), __WASI_ERRNO_FAULT);
    REFUSED(raw_path_readlink(other, (int32_t)(end - 2), 8, (int32_t)(uintptr_t)linkbuf, 8, (int32_t)(uintptr_t)&n),
            __WASI_ERRNO_FAULT);
    REFUSED(raw_path_readlink(other, (int32_t)(uintptr_t)"o.txt", 5, (int32_t)(end - 4), 8, (int32_t)(uintptr_t)&n),
            __WASI_ERRNO_FAULT);
    REFUSED(__wasi_args_sizes_get(&n, (__wasi_size_t *)(uintptr_t)(end - 3)), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_args_get((uint8_t **)(uintptr_t)(end - 3), linkbuf), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_args_get((uint8_t **)linkbuf, past), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_clock_time_get(0, 0, (__wasi_timestamp_t *)(uintptr_t)(end - 7)), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_random_get(past, 3), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_fd_seek(b, 0, __WASI_WHENCE_SET, (__wasi_filesize_t *)(uintptr_t)(end - 4)), __WASI_ERRNO_FAULT);
    __wasi_subscription_t sub_clock;
    memset(&sub_clock, 0, sizeof sub_clock);
    __wasi_event_t ev;
    REFUSED(__wasi_poll_oneoff((const __wasi_subscription_t *)(uintptr_t)(end - 24), &ev, 1, &n), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_poll_oneoff(&sub_clock, (__wasi_event_t *)(uintptr_t)(end - 16), 1, &n), __WASI_ERRNO_FAULT);
    REFUSED(__wasi_poll_oneoff(&sub_clock, &ev, 0x10000000, &n), __WASI_ERRNO_FAULT);

    printf("escape ok: %d attempts refused\n", attempts);
    return 0;
}
