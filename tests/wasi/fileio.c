// fileio: regular files in the preopened directory `.`: create/exclusive create, read/write,
// seek and tell, pread/pwrite (which leave the offset alone), readv/writev, append mode (at open,
// with O_TRUNC, and toggled with fcntl; pwrite appends too), truncation (O_TRUNC, ftruncate up
// and down), posix_fallocate, fstat sizes, fsync, posix_fadvise, and the errno of each failure.
#include "check.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static void read_all(int fd, off_t at, char *buf, size_t len) {
    CHECK(pread(fd, buf, len, at) == (ssize_t)len);
}

int main(void) {
    char buf[256];

    // Create, exclusively.
    int fd = open("data.txt", O_CREAT | O_EXCL | O_RDWR, 0644);
    CHECK(fd >= 0);
    CHECK_ERRNO(open("data.txt", O_CREAT | O_EXCL | O_RDWR, 0644), EEXIST);
    CHECK_ERRNO(open("missing.txt", O_RDONLY), ENOENT);

    // Write, seek, read.
    CHECK(write(fd, "hello, world", 12) == 12);
    CHECK(lseek(fd, 0, SEEK_CUR) == 12);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(read(fd, buf, 5) == 5 && memcmp(buf, "hello", 5) == 0);
    CHECK(lseek(fd, 2, SEEK_CUR) == 7);
    CHECK(read(fd, buf, 100) == 5 && memcmp(buf, "world", 5) == 0);
    CHECK(read(fd, buf, 100) == 0);
    CHECK(lseek(fd, -5, SEEK_END) == 7);
    CHECK_ERRNO(lseek(fd, -100, SEEK_CUR), EINVAL);
    CHECK_ERRNO(lseek(fd, 0, 42), EINVAL);
    CHECK(lseek(fd, 0, SEEK_CUR) == 7);

    // pread/pwrite do not move the offset.
    CHECK(pwrite(fd, "W", 1, 7) == 1);
    CHECK(lseek(fd, 0, SEEK_CUR) == 7);
    read_all(fd, 0, buf, 12);
    CHECK(memcmp(buf, "hello, World", 12) == 0);
    CHECK(pread(fd, buf, 10, 100) == 0);

    // Writing past the end leaves a hole of zeros.
    CHECK(pwrite(fd, "!", 1, 20) == 1);
    struct stat st;
    CHECK(fstat(fd, &st) == 0 && st.st_size == 21 && S_ISREG(st.st_mode) && st.st_nlink == 1);
    read_all(fd, 12, buf, 9);
    CHECK(memcmp(buf, "\0\0\0\0\0\0\0\0!", 9) == 0);

    // Scatter and gather.
    struct iovec iov[3] = {{"ab", 2}, {"", 0}, {"cde", 3}};
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(writev(fd, iov, 3) == 5);
    char x[2], y[4];
    struct iovec rd[2] = {{x, 2}, {y, 4}};
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(readv(fd, rd, 2) == 6);
    CHECK(memcmp(x, "ab", 2) == 0 && memcmp(y, "cde,", 4) == 0);

    // Truncation.
    CHECK(ftruncate(fd, 3) == 0);
    CHECK(fstat(fd, &st) == 0 && st.st_size == 3);
    CHECK(ftruncate(fd, 10) == 0);
    read_all(fd, 0, buf, 10);
    CHECK(memcmp(buf, "abc\0\0\0\0\0\0\0", 10) == 0);
    CHECK(posix_fallocate(fd, 0, 4096) == 0);
    CHECK(fstat(fd, &st) == 0 && st.st_size == 4096);
    CHECK(posix_fallocate(fd, 10, 10) == 0);
    CHECK(fstat(fd, &st) == 0 && st.st_size == 4096);
    CHECK(posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL) == 0);
    CHECK(posix_fadvise(fd, 0, 0, 99) == EINVAL);
    CHECK(fsync(fd) == 0 && fdatasync(fd) == 0);
    CHECK(close(fd) == 0);
    CHECK_ERRNO(close(fd), EBADF);

    fd = open("data.txt", O_RDWR | O_TRUNC);
    CHECK(fd >= 0);
    CHECK(fstat(fd, &st) == 0 && st.st_size == 0);
    CHECK(close(fd) == 0);

    // Append mode: every write goes to the end, whatever the offset.
    fd = open("log.txt", O_CREAT | O_WRONLY | O_APPEND, 0644);
    CHECK(fd >= 0);
    CHECK((fcntl(fd, F_GETFL) & O_APPEND) == O_APPEND);
    CHECK(write(fd, "one\n", 4) == 4);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(write(fd, "two\n", 4) == 4);
    CHECK(lseek(fd, 0, SEEK_CUR) == 8);
    // Switch append off: now writes land at the offset.
    CHECK(fcntl(fd, F_SETFL, 0) == 0);
    CHECK((fcntl(fd, F_GETFL) & O_APPEND) == 0);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(write(fd, "ONE\n", 4) == 4);
    CHECK(fcntl(fd, F_SETFL, O_APPEND) == 0);
    CHECK(write(fd, "three\n", 6) == 6);
    // Access modes are enforced.
    CHECK_ERRNO(read(fd, buf, 1), EBADF);
    CHECK(close(fd) == 0);
    fd = open("log.txt", O_RDONLY);
    CHECK(fd >= 0);
    CHECK(read(fd, buf, sizeof buf) == 14 && memcmp(buf, "ONE\ntwo\nthree\n", 14) == 0);
    CHECK_ERRNO(write(fd, "x", 1), EBADF);
    CHECK_ERRNO(ftruncate(fd, 0), EINVAL);
    CHECK(close(fd) == 0);

    // O_TRUNC with O_APPEND empties the file, then appends. pwrite on an append descriptor also
    // writes at the end, as Linux's pwrite does and wasmtime's fd_pwrite has since 2024.
    fd = open("log.txt", O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    CHECK(fd >= 0);
    CHECK(fstat(fd, &st) == 0 && st.st_size == 0);
    CHECK(write(fd, "abc", 3) == 3);
    CHECK(pwrite(fd, "de", 2, 0) == 2);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    CHECK(write(fd, "f", 1) == 1);
    CHECK(close(fd) == 0);
    fd = open("log.txt", O_RDONLY);
    CHECK(fd >= 0);
    CHECK(read(fd, buf, sizeof buf) == 6 && memcmp(buf, "abcdef", 6) == 0);
    CHECK(close(fd) == 0);

    // A second descriptor has its own offset.
    int a = open("log.txt", O_RDONLY), b = open("log.txt", O_RDONLY);
    CHECK(a >= 0 && b >= 0 && a != b);
    CHECK(read(a, buf, 4) == 4 && read(b, buf + 4, 4) == 4 && memcmp(buf, buf + 4, 4) == 0);
    CHECK(close(a) == 0 && close(b) == 0);

    // stdio cannot seek.
    CHECK_ERRNO(lseek(1, 0, SEEK_CUR), ESPIPE);

    CHECK(unlink("data.txt") == 0 && unlink("log.txt") == 0);
    puts("fileio ok");
    return 0;
}
