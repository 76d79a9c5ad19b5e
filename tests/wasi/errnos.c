// errnos: the errno of each failure path through the raw WASI calls, in the preopen `/scratch`:
// closed descriptors (EBADF everywhere), the wrong kind of descriptor, invalid flags and
// arguments, NUL bytes and bad UTF-8 in paths, rights (dropping only, reads and writes without
// the right), preopen queries, and what fdstat reports for stdio, files and directories.
#include "check.h"

static __wasi_fd_t open_file(__wasi_fd_t dir, const char *path, __wasi_oflags_t oflags, __wasi_rights_t rights,
                             __wasi_fdflags_t fdflags) {
    __wasi_fd_t fd;
    CHECK_OK(__wasi_path_open(dir, 0, path, oflags, rights, rights, fdflags, &fd));
    return fd;
}

#define IMPORT(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(name)))
IMPORT("path_open") int32_t raw_path_open(int32_t fd, int32_t dirflags, int32_t path, int32_t path_len, int32_t oflags,
                                          int64_t base, int64_t inheriting, int32_t fdflags, int32_t out);
IMPORT("path_create_directory") int32_t raw_mkdir(int32_t fd, int32_t path, int32_t path_len);

int main(void) {
    const __wasi_fd_t BAD = 1234;
    const __wasi_errno_t BADF = __WASI_ERRNO_BADF, INVAL = __WASI_ERRNO_INVAL;
    __wasi_fd_t dir = preopen("/scratch");
    uint8_t buf[64];
    __wasi_size_t n;
    __wasi_fd_t nfd;
    __wasi_filesize_t pos;
    __wasi_filestat_t st;
    __wasi_fdstat_t fdstat;
    __wasi_iovec_t iov = {buf, sizeof buf};
    __wasi_ciovec_t ciov = {buf, 4};

    // A closed descriptor is EBADF for every fd function.
    CHECK_WASI(__wasi_fd_advise(BAD, 0, 0, 0), BADF);
    CHECK_WASI(__wasi_fd_allocate(BAD, 0, 1), BADF);
    CHECK_WASI(__wasi_fd_close(BAD), BADF);
    CHECK_WASI(__wasi_fd_datasync(BAD), BADF);
    CHECK_WASI(__wasi_fd_fdstat_get(BAD, &fdstat), BADF);
    CHECK_WASI(__wasi_fd_fdstat_set_flags(BAD, 0), BADF);
    CHECK_WASI(__wasi_fd_fdstat_set_rights(BAD, 0, 0), BADF);
    CHECK_WASI(__wasi_fd_filestat_get(BAD, &st), BADF);
    CHECK_WASI(__wasi_fd_filestat_set_size(BAD, 0), BADF);
    CHECK_WASI(__wasi_fd_filestat_set_times(BAD, 0, 0, 0), BADF);
    CHECK_WASI(__wasi_fd_pread(BAD, &iov, 1, 0, &n), BADF);
    CHECK_WASI(__wasi_fd_prestat_get(BAD, &(__wasi_prestat_t){0}), BADF);
    CHECK_WASI(__wasi_fd_prestat_dir_name(BAD, buf, sizeof buf), BADF);
    CHECK_WASI(__wasi_fd_pwrite(BAD, &ciov, 1, 0, &n), BADF);
    CHECK_WASI(__wasi_fd_read(BAD, &iov, 1, &n), BADF);
    CHECK_WASI(__wasi_fd_readdir(BAD, buf, sizeof buf, 0, &n), BADF);
    CHECK_WASI(__wasi_fd_renumber(BAD, 1), BADF);
    CHECK_WASI(__wasi_fd_seek(BAD, 0, 0, &pos), BADF);
    CHECK_WASI(__wasi_fd_sync(BAD), BADF);
    CHECK_WASI(__wasi_fd_tell(BAD, &pos), BADF);
    CHECK_WASI(__wasi_fd_write(BAD, &ciov, 1, &n), BADF);
    CHECK_WASI(__wasi_path_create_directory(BAD, "x"), BADF);
    CHECK_WASI(__wasi_path_filestat_get(BAD, 0, "x", &st), BADF);
    CHECK_WASI(__wasi_path_open(BAD, 0, "x", 0, 0, 0, 0, &nfd), BADF);
    CHECK_WASI(__wasi_path_unlink_file(BAD, "x"), BADF);
    CHECK_WASI(__wasi_path_rename(dir, "x", BAD, "y"), BADF);

    // The wrong kind of descriptor.
    __wasi_fd_t file = open_file(dir, "file", __WASI_OFLAGS_CREAT, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0);
    CHECK_WASI(__wasi_path_open(file, 0, "x", 0, 0, 0, 0, &nfd), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(__wasi_path_create_directory(file, "x"), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(__wasi_fd_readdir(file, buf, sizeof buf, 0, &n), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(__wasi_fd_read(dir, &iov, 1, &n), BADF);
    CHECK_WASI(__wasi_fd_write(dir, &ciov, 1, &n), BADF);
    CHECK_WASI(__wasi_fd_seek(dir, 0, __WASI_WHENCE_CUR, &pos), BADF);
    CHECK_WASI(__wasi_fd_tell(dir, &pos), BADF);
    CHECK_WASI(__wasi_fd_allocate(dir, 0, 1), BADF);
    CHECK_WASI(__wasi_fd_filestat_set_size(dir, 0), BADF);
    CHECK_WASI(__wasi_fd_seek(0, 0, __WASI_WHENCE_CUR, &pos), __WASI_ERRNO_SPIPE);
    CHECK_WASI(__wasi_fd_pread(0, &iov, 1, 0, &n), __WASI_ERRNO_SPIPE);
    CHECK_WASI(__wasi_fd_pwrite(1, &ciov, 1, 0, &n), __WASI_ERRNO_SPIPE);
    CHECK_WASI(__wasi_fd_read(1, &iov, 1, &n), BADF);
    CHECK_WASI(__wasi_fd_write(0, &ciov, 1, &n), BADF);
    CHECK_WASI(__wasi_fd_sync(1), BADF);

    // Invalid arguments.
    CHECK_WASI(__wasi_fd_seek(file, 0, 3, &pos), INVAL);
    CHECK_WASI(__wasi_fd_seek(file, -1, __WASI_WHENCE_SET, &pos), INVAL);
    CHECK_WASI(__wasi_fd_advise(file, 0, 0, 6), INVAL);
    CHECK_WASI(__wasi_fd_fdstat_set_flags(file, 1 << 5), INVAL);
    CHECK_WASI(__wasi_fd_fdstat_set_flags(file, __WASI_FDFLAGS_SYNC), INVAL);
    CHECK_WASI(__wasi_path_open(dir, 0, "d", __WASI_OFLAGS_DIRECTORY | __WASI_OFLAGS_CREAT, 0, 0, 0, &nfd), INVAL);
    CHECK_WASI(__wasi_path_open(dir, 0, "file", 1 << 4, 0, 0, 0, &nfd), INVAL);
    CHECK_WASI(__wasi_path_open(dir, 2, "file", 0, 0, 0, 0, &nfd), INVAL);
    CHECK_WASI(__wasi_path_open(dir, 0, "file", 0, 0, 0, 1 << 5, &nfd), INVAL);
    CHECK_WASI(__wasi_path_link(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "file", dir, "l"), INVAL);
    CHECK_WASI(raw_mkdir(dir, (int32_t)(uintptr_t)"a\0b", 3), INVAL);
    CHECK_WASI(raw_mkdir(dir, (int32_t)(uintptr_t)"\xff\xfe", 2), __WASI_ERRNO_ILSEQ);
    CHECK_WASI(__wasi_path_create_directory(dir, ""), __WASI_ERRNO_NOENT);
    CHECK_WASI(__wasi_path_open(dir, 0, "missing", 0, 0, 0, 0, &nfd), __WASI_ERRNO_NOENT);
    CHECK_WASI(__wasi_path_open(dir, 0, "file", __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL, 0, 0, 0, &nfd),
               __WASI_ERRNO_EXIST);
    CHECK_WASI(__wasi_path_open(dir, 0, "file/", 0, 0, 0, 0, &nfd), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(__wasi_path_open(dir, 0, "file", __WASI_OFLAGS_DIRECTORY, 0, 0, 0, &nfd), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(__wasi_path_open(dir, 0, ".", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_WRITE, 0, 0, &nfd),
               __WASI_ERRNO_ISDIR);

    // Rights: a preopen has the directory rights wasmtime gives; files opened in it get no more
    // than it may hand down, and never path rights.
    CHECK_OK(__wasi_fd_fdstat_get(dir, &fdstat));
    CHECK(fdstat.fs_filetype == __WASI_FILETYPE_DIRECTORY && fdstat.fs_flags == 0);
    CHECK(fdstat.fs_rights_base & __WASI_RIGHTS_PATH_OPEN);
    CHECK(fdstat.fs_rights_inheriting & __WASI_RIGHTS_FD_READ);
    CHECK((fdstat.fs_rights_base & (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK)) == 0);
    CHECK_OK(__wasi_fd_fdstat_get(file, &fdstat));
    CHECK(fdstat.fs_filetype == __WASI_FILETYPE_REGULAR_FILE);
    CHECK(fdstat.fs_rights_base == (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE));
    __wasi_fd_t pathy = open_file(dir, "file", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_PATH_OPEN, 0);
    CHECK_OK(__wasi_fd_fdstat_get(pathy, &fdstat));
    CHECK(fdstat.fs_rights_base == __WASI_RIGHTS_FD_READ && fdstat.fs_rights_inheriting == __WASI_RIGHTS_FD_READ);
    // Rights can be dropped, never added back.
    CHECK_WASI(__wasi_fd_write(pathy, &ciov, 1, &n), BADF);
    CHECK_OK(__wasi_fd_fdstat_set_rights(pathy, 0, 0));
    CHECK_WASI(__wasi_fd_read(pathy, &iov, 1, &n), BADF);
    CHECK_WASI(__wasi_fd_fdstat_set_rights(pathy, __WASI_RIGHTS_FD_READ, 0), __WASI_ERRNO_NOTCAPABLE);
    CHECK_OK(__wasi_fd_close(pathy));
    // A directory without FD_READ to hand down opens files that cannot be read.
    __wasi_fd_t sub;
    CHECK_OK(__wasi_fd_fdstat_get(dir, &fdstat));
    CHECK_OK(__wasi_path_open(dir, 0, ".", __WASI_OFLAGS_DIRECTORY, fdstat.fs_rights_base,
                              fdstat.fs_rights_inheriting & ~__WASI_RIGHTS_FD_READ, 0, &sub));
    __wasi_fd_t unreadable = open_file(sub, "file", 0, __WASI_RIGHTS_FD_READ, 0);
    CHECK_WASI(__wasi_fd_read(unreadable, &iov, 1, &n), BADF);
    CHECK_OK(__wasi_fd_fdstat_get(unreadable, &fdstat));
    CHECK(fdstat.fs_rights_base == 0);
    // Directories have no seek right, even when asked for.
    __wasi_fd_t seekdir;
    CHECK_OK(__wasi_path_open(dir, 0, ".", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_READDIR,
                              0, 0, &seekdir));
    CHECK_OK(__wasi_fd_fdstat_get(seekdir, &fdstat));
    CHECK(fdstat.fs_rights_base == __WASI_RIGHTS_FD_READDIR);

    // fdstat flags.
    __wasi_fd_t app = open_file(dir, "file", 0, __WASI_RIGHTS_FD_WRITE, __WASI_FDFLAGS_APPEND | __WASI_FDFLAGS_SYNC);
    CHECK_OK(__wasi_fd_fdstat_get(app, &fdstat));
    CHECK(fdstat.fs_flags == (__WASI_FDFLAGS_APPEND | __WASI_FDFLAGS_SYNC));
    CHECK_OK(__wasi_fd_fdstat_set_flags(app, __WASI_FDFLAGS_SYNC | __WASI_FDFLAGS_NONBLOCK));
    CHECK_OK(__wasi_fd_fdstat_get(app, &fdstat));
    CHECK(fdstat.fs_flags == (__WASI_FDFLAGS_NONBLOCK | __WASI_FDFLAGS_SYNC));

    // stdio: no file type unless a terminal, read or write rights only (so isatty works).
    CHECK_OK(__wasi_fd_fdstat_get(0, &fdstat));
    CHECK(fdstat.fs_filetype == __WASI_FILETYPE_UNKNOWN && (fdstat.fs_rights_base & __WASI_RIGHTS_FD_READ));
    CHECK_OK(__wasi_fd_fdstat_get(1, &fdstat));
    CHECK(fdstat.fs_filetype == __WASI_FILETYPE_UNKNOWN && (fdstat.fs_rights_base & __WASI_RIGHTS_FD_WRITE));
    CHECK((fdstat.fs_rights_base & (__WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_TELL)) == 0);
    CHECK_OK(__wasi_fd_filestat_get(2, &st));
    CHECK(st.filetype == __WASI_FILETYPE_UNKNOWN && st.size == 0);

    // Preopen queries: name too long for the buffer, descriptors that are no preopen.
    __wasi_prestat_t prestat;
    CHECK_OK(__wasi_fd_prestat_get(dir, &prestat));
    CHECK(prestat.tag == __WASI_PREOPENTYPE_DIR && prestat.u.dir.pr_name_len == 8);
    CHECK_WASI(__wasi_fd_prestat_dir_name(dir, buf, 7), __WASI_ERRNO_NAMETOOLONG);
    memset(buf, 'x', sizeof buf);
    CHECK_OK(__wasi_fd_prestat_dir_name(dir, buf, sizeof buf));
    CHECK(memcmp(buf, "/scratchx", 9) == 0);
    CHECK_WASI(__wasi_fd_prestat_get(file, &prestat), BADF);
    CHECK_WASI(__wasi_fd_prestat_get(sub, &prestat), BADF);
    CHECK_WASI(__wasi_fd_prestat_dir_name(file, buf, sizeof buf), __WASI_ERRNO_NOTDIR);

    // Close and renumber.
    CHECK_OK(__wasi_fd_renumber(file, file));
    CHECK_WASI(__wasi_fd_renumber(file, BAD), BADF);
    CHECK_OK(__wasi_fd_renumber(app, file));
    CHECK_WASI(__wasi_fd_close(app), BADF);
    CHECK_OK(__wasi_fd_close(file));
    CHECK_WASI(__wasi_fd_close(file), BADF);
    // The lowest free number is reused.
    __wasi_fd_t again = open_file(dir, "file", 0, 0, 0);
    CHECK(again == file || again == app);
    CHECK_OK(__wasi_path_unlink_file(dir, "file"));
    puts("errnos ok");
    return 0;
}
