// cat: copies each FILE argument (or stdin when there is none) to stdout in 64 KiB chunks with
// read(2)/write(2). Used to measure bulk I/O throughput and to test stdin.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buf[64 * 1024];

static int copy(int fd, const char *name) {
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n == 0) return 0;
        if (n < 0) {
            fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
            return 1;
        }
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(1, buf + off, (size_t)(n - off));
            if (w < 0) {
                fprintf(stderr, "cat: write: %s\n", strerror(errno));
                return 1;
            }
            off += w;
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 2) return copy(0, "stdin");
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        status |= copy(fd, argv[i]);
        close(fd);
    }
    return status;
}
