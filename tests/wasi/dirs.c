// dirs: directories in the preopened directory `.`: mkdir/rmdir, listing with readdir (every
// entry exactly once, `.` and `..` included) and with raw fd_readdir cookies through a tiny
// buffer, rename (files, directories, overwrite rules), unlink, and the errno of each failure.
#include "check.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define COUNT 300

static void touch(const char *path) {
    int fd = open(path, O_CREAT | O_WRONLY, 0644);
    CHECK(fd >= 0);
    CHECK(close(fd) == 0);
}

int main(void) {
    CHECK(mkdir("d", 0755) == 0);
    CHECK_ERRNO(mkdir("d", 0755), EEXIST);
    CHECK(mkdir("d/sub", 0755) == 0);
    CHECK_ERRNO(mkdir("nope/sub", 0755), ENOENT);
    touch("d/file");
    CHECK_ERRNO(mkdir("d/file/x", 0755), ENOTDIR);
    CHECK_ERRNO(rmdir("d"), ENOTEMPTY);
    CHECK_ERRNO(rmdir("d/file"), ENOTDIR);
    CHECK_ERRNO(unlink("d/sub"), EISDIR);
    CHECK_ERRNO(unlink("d/file/"), ENOTDIR);
    CHECK_ERRNO(open("d/file", O_RDONLY | O_DIRECTORY), ENOTDIR);
    CHECK_ERRNO(open("d", O_RDWR), EISDIR);
    int dfd = open("d/sub/", O_RDONLY);
    CHECK(dfd >= 0);
    struct stat st;
    CHECK(fstat(dfd, &st) == 0 && S_ISDIR(st.st_mode));
    CHECK(close(dfd) == 0);

    // readdir sees every entry exactly once.
    char name[32];
    for (int i = 0; i < COUNT; i++) {
        snprintf(name, sizeof name, "d/f%03d", i);
        touch(name);
    }
    static char seen[COUNT];
    int dots = 0, others = 0;
    DIR *dir = opendir("d");
    CHECK(dir != NULL);
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        int i;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            CHECK(e->d_type == DT_DIR);
            dots++;
        } else if (sscanf(e->d_name, "f%03d", &i) == 1 && i >= 0 && i < COUNT) {
            CHECK(e->d_type == DT_REG);
            CHECK(!seen[i]);
            seen[i] = 1;
        } else if (strcmp(e->d_name, "sub") == 0) {
            CHECK(e->d_type == DT_DIR);
            others++;
        } else if (strcmp(e->d_name, "file") == 0) {
            others++;
        } else {
            FAIL("unexpected entry %s", e->d_name);
        }
    }
    CHECK(dots == 2 && others == 2);
    for (int i = 0; i < COUNT; i++) CHECK(seen[i]);

    // rewinddir starts over.
    rewinddir(dir);
    int again = 0;
    while (readdir(dir) != NULL) again++;
    CHECK(again == COUNT + 4);
    CHECK(closedir(dir) == 0);

    // Raw fd_readdir through a buffer smaller than one entry with its name: the truncated entry
    // reports bufused == buf_len, and cookies resume where the last whole entry ended.
    int fd = open("d", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    uint8_t small[40];
    __wasi_size_t used;
    __wasi_dircookie_t cookie = 0;
    int total = 0;
    for (;;) {
        CHECK_OK(__wasi_fd_readdir(fd, small, sizeof small, cookie, &used));
        if (used == 0) break;
        __wasi_dirent_t ent;
        CHECK(used >= sizeof ent);
        memcpy(&ent, small, sizeof ent);
        if (used < sizeof small) CHECK(used == sizeof ent + ent.d_namlen);
        CHECK(ent.d_namlen <= 4);
        total++;
        cookie = ent.d_next;
    }
    CHECK(total == COUNT + 4);
    CHECK_WASI(__wasi_fd_readdir(fd, small, sizeof small, 100000, &used), __WASI_ERRNO_SUCCESS);
    CHECK(used == 0);
    CHECK(close(fd) == 0);

    // Rename.
    CHECK(rename("d/f000", "d/g000") == 0);
    CHECK_ERRNO(open("d/f000", O_RDONLY), ENOENT);
    CHECK(rename("d/g000", "d/f001") == 0);  // replaces a file
    CHECK(mkdir("empty", 0755) == 0);
    CHECK(mkdir("other", 0755) == 0);
    CHECK(rename("empty", "other") == 0);  // replaces an empty directory
    CHECK_ERRNO(rename("other", "d"), ENOTEMPTY);
    CHECK_ERRNO(rename("d/file", "d/sub"), EISDIR);
    CHECK_ERRNO(rename("d/sub", "d/file"), ENOTDIR);
    CHECK_ERRNO(rename("d/missing", "d/x"), ENOENT);
    CHECK(rename("other", "d/sub/moved") == 0);  // into a subdirectory
    CHECK(stat("d/sub/moved", &st) == 0 && S_ISDIR(st.st_mode));

    // Clean up: unlink everything, then rmdir.
    for (int i = 1; i < COUNT; i++) {
        snprintf(name, sizeof name, "d/f%03d", i);
        CHECK(unlink(name) == 0);
    }
    CHECK(unlink("d/file") == 0);
    CHECK_ERRNO(unlink("d/file"), ENOENT);
    CHECK(rmdir("d/sub/moved") == 0 && rmdir("d/sub") == 0 && rmdir("d") == 0);
    CHECK_ERRNO(rmdir("d"), ENOENT);
    puts("dirs ok");
    return 0;
}
