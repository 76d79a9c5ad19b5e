// times: file timestamps: exact nanosecond times set with utimensat/futimens read back by stat,
// leaving a time alone and "now", a symlink's own times (AT_SYMLINK_NOFOLLOW), and the invalid fstflags
// combinations (EINVAL).
#include "check.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void) {
    int fd = open("f", O_CREAT | O_RDWR, 0644);
    CHECK(fd >= 0);
    struct stat st;
    struct timespec now;
    CHECK(clock_gettime(CLOCK_REALTIME, &now) == 0);
    CHECK(fstat(fd, &st) == 0);
    // Freshly created: within a minute of the guest's clock.
    CHECK(llabs(ns(st.st_mtim) - ns(now)) < 60 * 1000000000LL);

    struct timespec set[2] = {{1000000000, 123456789}, {1200000000, 987654321}};
    CHECK(utimensat(AT_FDCWD, "f", set, 0) == 0);
    CHECK(stat("f", &st) == 0);
    CHECK(ns(st.st_atim) == ns(set[0]) && ns(st.st_mtim) == ns(set[1]));

    // Leaving a time alone (UTIME_OMIT) and taking the current one (UTIME_NOW), through the raw
    // call: this wasi-libc's futimens rejects UTIME_OMIT/UTIME_NOW for the modification time.
    CHECK_OK(__wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM_NOW));
    CHECK(fstat(fd, &st) == 0);
    CHECK(ns(st.st_atim) == ns(set[0]));
    CHECK(llabs(ns(st.st_mtim) - ns(now)) < 60 * 1000000000LL);
    CHECK_OK(__wasi_fd_filestat_set_times(fd, 42000000000ULL, 0, __WASI_FSTFLAGS_ATIM));
    CHECK(fstat(fd, &st) == 0 && st.st_atim.tv_sec == 42 && st.st_atim.tv_nsec == 0);

    // A symlink's own times.
    CHECK(symlink("f", "l") == 0);
    struct timespec link_times[2] = {{5, 0}, {7, 0}};
    CHECK(utimensat(AT_FDCWD, "l", link_times, AT_SYMLINK_NOFOLLOW) == 0);
    CHECK(lstat("l", &st) == 0 && st.st_mtim.tv_sec == 7);
    CHECK(stat("l", &st) == 0 && st.st_atim.tv_sec == 42);

    // A directory's times through its descriptor.
    CHECK(mkdir("d", 0755) == 0);
    int dfd = open("d", O_RDONLY | O_DIRECTORY);
    CHECK(dfd >= 0);
    CHECK(futimens(dfd, set) == 0);
    CHECK(stat("d", &st) == 0 && ns(st.st_mtim) == ns(set[1]));
    CHECK(close(dfd) == 0);

    // Both "set" and "now" for one time is invalid, and so is an unknown flag.
    __wasi_fd_t dir = preopen(".");
    CHECK_WASI(__wasi_fd_filestat_set_times(fd, 1, 2, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW),
               __WASI_ERRNO_INVAL);
    CHECK_WASI(__wasi_fd_filestat_set_times(fd, 1, 2, __WASI_FSTFLAGS_MTIM | __WASI_FSTFLAGS_MTIM_NOW),
               __WASI_ERRNO_INVAL);
    CHECK_WASI(__wasi_fd_filestat_set_times(fd, 1, 2, 1 << 4), __WASI_ERRNO_INVAL);
    CHECK_WASI(__wasi_path_filestat_set_times(dir, 0, "f", 1, 2, __WASI_FSTFLAGS_MTIM | __WASI_FSTFLAGS_MTIM_NOW),
               __WASI_ERRNO_INVAL);
    CHECK_WASI(__wasi_path_filestat_set_times(dir, 0, "missing", 1, 2, __WASI_FSTFLAGS_MTIM), __WASI_ERRNO_NOENT);
    // Neither flag: nothing changes.
    CHECK(fstat(fd, &st) == 0);
    long long before = ns(st.st_mtim);
    CHECK_OK(__wasi_fd_filestat_set_times(fd, 1, 2, 0));
    CHECK(fstat(fd, &st) == 0 && ns(st.st_mtim) == before);

    CHECK(close(fd) == 0);
    CHECK(unlink("l") == 0 && unlink("f") == 0 && rmdir("d") == 0);
    puts("times ok");
    return 0;
}
