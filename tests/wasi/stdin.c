// stdin: waits for stdin with poll_oneoff (next to a 10 s timeout that must not be the one to
// fire), reads it line by line and prints each line upper-cased, then the byte and line counts.
// fstat(0) works and stdin is not a terminal when it is a pipe or in-memory bytes.
#include "check.h"
#include <ctype.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    __wasi_subscription_t subs[2];
    memset(subs, 0, sizeof subs);
    subs[0].userdata = 1;
    subs[0].u.tag = __WASI_EVENTTYPE_FD_READ;
    subs[0].u.u.fd_read.file_descriptor = 0;
    subs[1].userdata = 2;
    subs[1].u.tag = __WASI_EVENTTYPE_CLOCK;
    subs[1].u.u.clock.id = __WASI_CLOCKID_MONOTONIC;
    subs[1].u.u.clock.timeout = 10ULL * 1000000000ULL;
    __wasi_event_t events[2];
    __wasi_size_t n;
    CHECK_OK(__wasi_poll_oneoff(subs, events, 2, &n));
    CHECK(n >= 1 && events[0].userdata == 1 && events[0].type == __WASI_EVENTTYPE_FD_READ && events[0].error == 0);

    struct stat st;
    CHECK(fstat(0, &st) == 0);
    CHECK(!isatty(0));
    __wasi_fdstat_t fdstat;
    CHECK_OK(__wasi_fd_fdstat_get(0, &fdstat));
    CHECK(fdstat.fs_rights_base & __WASI_RIGHTS_FD_READ);

    char line[1024];
    long bytes = 0, lines = 0;
    while (fgets(line, sizeof line, stdin)) {
        bytes += (long)strlen(line);
        lines++;
        for (char *p = line; *p; p++) *p = (char)toupper((unsigned char)*p);
        fputs(line, stdout);
    }
    CHECK(!ferror(stdin));
    printf("%ld bytes, %ld lines\n", bytes, lines);
    return 0;
}
