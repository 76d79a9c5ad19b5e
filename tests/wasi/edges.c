// edges: path edge cases runtimes disagree on, pinned to what the preview1 test suites expect
// of a Unix host: trailing slashes in every path function, O_NOFOLLOW on links to files and
// directories, dangling links, NUL bytes, `.`/`..` in the middle of paths, hard links to links,
// readdir's `.` inode, rights of directories opened with extra rights, and fdstat of preopens.
#include "check.h"

static __wasi_fd_t dir;

static void create(const char *path) {
    __wasi_fd_t fd;
    CHECK_OK(__wasi_path_open(dir, 0, path, __WASI_OFLAGS_CREAT, 0, 0, 0, &fd));
    CHECK_OK(__wasi_fd_close(fd));
}

static __wasi_errno_t open_err(__wasi_lookupflags_t follow, const char *path, __wasi_oflags_t oflags) {
    __wasi_fd_t fd;
    __wasi_errno_t e = __wasi_path_open(dir, follow, path, oflags, 0, 0, 0, &fd);
    if (e == 0) CHECK_OK(__wasi_fd_close(fd));
    return e;
}

int main(void) {
    const __wasi_lookupflags_t F = __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW;
    dir = preopen(".");

    // Trailing slashes.
    CHECK_OK(__wasi_path_create_directory(dir, "source"));
    CHECK_OK(__wasi_path_rename(dir, "source/", dir, "target"));
    CHECK_OK(__wasi_path_rename(dir, "target", dir, "source/"));
    CHECK_OK(__wasi_path_rename(dir, "source/", dir, "target/"));
    CHECK_OK(__wasi_path_rename(dir, "target", dir, "source"));
    CHECK_OK(__wasi_path_remove_directory(dir, "source"));
    create("file");
    CHECK_WASI(__wasi_path_remove_directory(dir, "file"), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(__wasi_path_remove_directory(dir, "file/"), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(__wasi_path_unlink_file(dir, "file/"), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(open_err(0, "file/", 0), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(open_err(0, "file///", 0), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(__wasi_path_symlink("source", dir, "file/"), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(__wasi_path_symlink("source", dir, "file"), __WASI_ERRNO_EXIST);
    CHECK_WASI(__wasi_path_symlink("source", dir, "nothing/"), __WASI_ERRNO_NOENT);
    CHECK_WASI(__wasi_path_link(dir, 0, "file", dir, "link/"), __WASI_ERRNO_NOENT);
    CHECK_OK(__wasi_path_create_directory(dir, "d"));
    CHECK_OK(__wasi_path_create_directory(dir, "d/nested/"));
    CHECK_WASI(__wasi_path_unlink_file(dir, "d"), __WASI_ERRNO_ISDIR);
    CHECK_WASI(__wasi_path_unlink_file(dir, "d/"), __WASI_ERRNO_ISDIR);
    CHECK_WASI(__wasi_path_symlink("source", dir, "d/"), __WASI_ERRNO_EXIST);
    CHECK_WASI(__wasi_path_link(dir, 0, "file", dir, "d"), __WASI_ERRNO_EXIST);
    CHECK_WASI(__wasi_path_link(dir, 0, "d", dir, "dlink"), __WASI_ERRNO_PERM);
    CHECK_OK(open_err(0, "d/nested/", 0));
    CHECK_OK(open_err(0, "d/nested///", 0));
    CHECK_OK(open_err(0, "d/.//nested/../../d/nested/../nested///./", __WASI_OFLAGS_DIRECTORY));
    CHECK_WASI(open_err(0, "d/../../x", 0), __WASI_ERRNO_PERM);
    CHECK_WASI(__wasi_path_rename(dir, "d", dir, "file"), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(__wasi_path_rename(dir, "file", dir, "d"), __WASI_ERRNO_ISDIR);
    CHECK_WASI(__wasi_path_remove_directory(dir, "d"), __WASI_ERRNO_NOTEMPTY);

    // O_NOFOLLOW on a link to a directory, then to a file.
    CHECK_OK(__wasi_path_symlink("d", dir, "sym"));
    __wasi_errno_t e = open_err(0, "sym", __WASI_OFLAGS_DIRECTORY);
    CHECK(e == __WASI_ERRNO_LOOP || e == __WASI_ERRNO_NOTDIR);  // the suites accept either
    CHECK_WASI(open_err(0, "sym", 0), __WASI_ERRNO_LOOP);
    CHECK_OK(open_err(F, "sym", __WASI_OFLAGS_DIRECTORY));
    CHECK_OK(__wasi_path_unlink_file(dir, "sym"));
    CHECK_OK(__wasi_path_symlink("file", dir, "sym"));
    e = open_err(0, "sym", __WASI_OFLAGS_DIRECTORY);
    CHECK(e == __WASI_ERRNO_LOOP || e == __WASI_ERRNO_NOTDIR);
    CHECK_WASI(open_err(0, "sym", 0), __WASI_ERRNO_LOOP);
    CHECK_WASI(open_err(F, "sym", __WASI_OFLAGS_DIRECTORY), __WASI_ERRNO_NOTDIR);
    CHECK_WASI(open_err(F, "sym/", 0), __WASI_ERRNO_NOTDIR);
    // Dangling and looping links can be hard-linked, since links are not followed.
    CHECK_OK(__wasi_path_symlink("target", dir, "dangling"));
    CHECK_WASI(open_err(0, "dangling", 0), __WASI_ERRNO_LOOP);
    e = open_err(0, "dangling", __WASI_OFLAGS_DIRECTORY);
    CHECK(e == __WASI_ERRNO_LOOP || e == __WASI_ERRNO_NOTDIR);
    CHECK_WASI(open_err(F, "dangling", 0), __WASI_ERRNO_NOENT);
    CHECK_OK(__wasi_path_link(dir, 0, "dangling", dir, "hard"));
    CHECK_WASI(__wasi_path_link(dir, 0, "file", dir, "dangling"), __WASI_ERRNO_EXIST);
    CHECK_OK(__wasi_path_symlink("loop", dir, "loop"));
    CHECK_OK(__wasi_path_link(dir, 0, "loop", dir, "hardloop"));
    __wasi_filestat_t st;
    CHECK_OK(__wasi_path_filestat_get(dir, 0, "hardloop", &st));
    CHECK(st.filetype == __WASI_FILETYPE_SYMBOLIC_LINK && st.nlink == 2);
    CHECK_WASI(__wasi_path_filestat_get(dir, F, "hardloop", &st), __WASI_ERRNO_LOOP);

    // NUL bytes: through the raw import, since the libc wrapper stops at the first.
    CHECK_WASI(open_err(0, "", 0), __WASI_ERRNO_NOENT);

    // `.` in a listing has the directory's own inode number; files have theirs.
    __wasi_filestat_t dst, fst;
    CHECK_OK(__wasi_fd_filestat_get(dir, &dst));
    CHECK_OK(__wasi_path_filestat_get(dir, 0, "file", &fst));
    uint8_t buf[4096];
    __wasi_size_t used;
    CHECK_OK(__wasi_fd_readdir(dir, buf, sizeof buf, 0, &used));
    int found_dot = 0, found_file = 0;
    for (size_t at = 0; at + sizeof(__wasi_dirent_t) <= used;) {
        __wasi_dirent_t e;
        memcpy(&e, buf + at, sizeof e);
        const char *name = (const char *)buf + at + sizeof e;
        if (e.d_namlen == 1 && name[0] == '.') found_dot = e.d_ino == dst.ino && e.d_type == __WASI_FILETYPE_DIRECTORY;
        if (e.d_namlen == 4 && memcmp(name, "file", 4) == 0)
            found_file = e.d_ino == fst.ino && e.d_type == __WASI_FILETYPE_REGULAR_FILE;
        at += sizeof e + e.d_namlen;
    }
    CHECK(found_dot && found_file);

    // Preopen fdstat, and a directory opened with rights it cannot use.
    __wasi_fdstat_t fdstat;
    CHECK_OK(__wasi_fd_fdstat_get(dir, &fdstat));
    CHECK(fdstat.fs_filetype == __WASI_FILETYPE_DIRECTORY);
    CHECK((fdstat.fs_rights_base & __WASI_RIGHTS_FD_FILESTAT_SET_SIZE) == 0);
    __wasi_fd_t same, sub;
    CHECK_OK(__wasi_path_open(dir, 0, ".", 0, fdstat.fs_rights_base, fdstat.fs_rights_inheriting, 0, &same));
    CHECK_OK(__wasi_path_open(dir, 0, ".", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READ, 0, 0, &sub));
    CHECK_WASI(__wasi_path_open(dir, 0, ".", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE,
                                0, 0, &sub),
               __WASI_ERRNO_ISDIR);
    __wasi_fdstat_t samestat;
    CHECK_OK(__wasi_fd_fdstat_get(same, &samestat));
    CHECK(samestat.fs_rights_base == fdstat.fs_rights_base);

    // Closing a preopen is allowed; another descriptor for the same directory keeps working.
    CHECK_OK(__wasi_fd_close(dir));
    dir = same;
    const char *cleanup[] = {"file", "dangling", "hard", "loop", "hardloop", "sym"};
    for (size_t i = 0; i < sizeof cleanup / sizeof *cleanup; i++) CHECK_OK(__wasi_path_unlink_file(dir, cleanup[i]));
    CHECK_OK(__wasi_path_remove_directory(dir, "d/nested"));
    CHECK_OK(__wasi_path_remove_directory(dir, "d"));
    puts("edges ok");
    return 0;
}
