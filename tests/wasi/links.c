// links: symlinks (create, readlink with short buffers, lstat vs stat, following on open,
// O_NOFOLLOW, dangling links, loops, links to directories) and hard links (shared inode, nlink,
// surviving the original's unlink), with the errno of each failure.
#include "check.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static void write_file(const char *path, const char *text) {
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    CHECK(close(fd) == 0);
}

static void expect_contents(const char *path, const char *text) {
    char buf[64] = {0};
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    CHECK(read(fd, buf, sizeof buf) == (ssize_t)strlen(text));
    CHECK(strcmp(buf, text) == 0);
    CHECK(close(fd) == 0);
}

int main(void) {
    char buf[64];
    struct stat st, lst;
    write_file("target", "contents");

    // Symlinks.
    CHECK(symlink("target", "link") == 0);
    CHECK_ERRNO(symlink("target", "link"), EEXIST);
    CHECK_ERRNO(symlink("target", "target"), EEXIST);
    memset(buf, 'x', sizeof buf);
    CHECK(readlink("link", buf, sizeof buf) == 6 && memcmp(buf, "targetx", 7) == 0);
    CHECK(readlink("link", buf, 3) == 3 && memcmp(buf, "tar", 3) == 0);
    CHECK_ERRNO(readlink("target", buf, sizeof buf), EINVAL);
    CHECK_ERRNO(readlink("missing", buf, sizeof buf), ENOENT);
    CHECK(lstat("link", &lst) == 0 && S_ISLNK(lst.st_mode) && lst.st_size == 6);
    CHECK(stat("link", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 8);
    expect_contents("link", "contents");
    CHECK_ERRNO(open("link", O_RDONLY | O_NOFOLLOW), ELOOP);

    // A dangling link: lstat works, stat and open do not.
    CHECK(symlink("nowhere", "dangling") == 0);
    CHECK(lstat("dangling", &lst) == 0 && S_ISLNK(lst.st_mode));
    CHECK_ERRNO(stat("dangling", &st), ENOENT);
    CHECK_ERRNO(open("dangling", O_RDONLY), ENOENT);
    // Creating through a dangling link creates its target.
    int fd = open("dangling", O_CREAT | O_WRONLY, 0644);
    CHECK(fd >= 0 && close(fd) == 0);
    CHECK(stat("nowhere", &st) == 0 && S_ISREG(st.st_mode));

    // Loops.
    CHECK(symlink("loop2", "loop1") == 0 && symlink("loop1", "loop2") == 0);
    CHECK_ERRNO(open("loop1", O_RDONLY), ELOOP);
    CHECK_ERRNO(stat("loop1", &st), ELOOP);
    CHECK(symlink("self", "self") == 0);
    CHECK_ERRNO(open("self", O_RDONLY), ELOOP);

    // Chains and links to directories.
    CHECK(mkdir("dir", 0755) == 0);
    write_file("dir/inner", "inner");
    CHECK(symlink("dir", "dirlink") == 0);
    CHECK(symlink("dirlink/inner", "chain") == 0);
    expect_contents("dirlink/inner", "inner");
    expect_contents("chain", "inner");
    CHECK(symlink("../target", "dir/up") == 0);  // `..` that stays inside is fine
    expect_contents("dir/up", "contents");
    CHECK_ERRNO(rmdir("dirlink"), ENOTDIR);

    // Unlinking a symlink removes the link, not its target.
    CHECK(unlink("link") == 0);
    CHECK(stat("target", &st) == 0);

    // Hard links share the inode.
    CHECK(link("target", "hard") == 0);
    struct stat a, b;
    CHECK(stat("target", &a) == 0 && stat("hard", &b) == 0);
    CHECK(a.st_ino == b.st_ino && a.st_dev == b.st_dev && a.st_nlink == 2 && b.st_nlink == 2);
    CHECK_ERRNO(link("target", "hard"), EEXIST);
    CHECK_ERRNO(link("missing", "x"), ENOENT);
    CHECK_ERRNO(link("dir", "dirhard"), EPERM);
    CHECK(unlink("target") == 0);
    expect_contents("hard", "contents");
    CHECK(stat("hard", &b) == 0 && b.st_nlink == 1);
    // Linking a symlink links the symlink itself.
    CHECK(link("chain", "chain2") == 0);
    CHECK(lstat("chain2", &lst) == 0 && S_ISLNK(lst.st_mode));

    const char *files[] = {"hard", "dangling", "nowhere", "loop1", "loop2", "self", "chain",
                           "chain2", "dirlink", "dir/up", "dir/inner"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) CHECK(unlink(files[i]) == 0);
    CHECK(rmdir("dir") == 0);
    puts("links ok");
    return 0;
}
