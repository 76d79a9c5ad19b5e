// clocks: clock_gettime/clock_getres on all four clocks, monotonic order, sleeping through
// poll_oneoff (relative and absolute clock subscriptions, the earliest of several firing), the
// invalid poll and clock arguments, random_get, sched_yield, and the calls with no host behind
// them (proc_raise, sockets).
#include "check.h"
#include <time.h>
#include <unistd.h>

// `proc_raise`, which this wasi-libc no longer declares.
__attribute__((import_module("wasi_snapshot_preview1"), import_name("proc_raise"))) int32_t raw_proc_raise(int32_t signal);

static __wasi_timestamp_t now(__wasi_clockid_t id) {
    __wasi_timestamp_t t;
    CHECK_OK(__wasi_clock_time_get(id, 1, &t));
    return t;
}

static __wasi_subscription_t clock_sub(__wasi_userdata_t userdata, __wasi_clockid_t id, __wasi_timestamp_t timeout,
                                       __wasi_subclockflags_t flags) {
    __wasi_subscription_t s;
    memset(&s, 0, sizeof s);
    s.userdata = userdata;
    s.u.tag = __WASI_EVENTTYPE_CLOCK;
    s.u.u.clock.id = id;
    s.u.u.clock.timeout = timeout;
    s.u.u.clock.flags = flags;
    return s;
}

int main(void) {
    const __wasi_clockid_t clocks[] = {__WASI_CLOCKID_REALTIME, __WASI_CLOCKID_MONOTONIC,
                                       __WASI_CLOCKID_PROCESS_CPUTIME_ID, __WASI_CLOCKID_THREAD_CPUTIME_ID};
    for (int i = 0; i < 4; i++) {
        __wasi_timestamp_t res;
        CHECK_OK(__wasi_clock_res_get(clocks[i], &res));
        CHECK(res > 0 && res <= 1000000000);
        now(clocks[i]);
    }
    CHECK_WASI(__wasi_clock_res_get(4, &(__wasi_timestamp_t){0}), __WASI_ERRNO_INVAL);
    CHECK_WASI(__wasi_clock_time_get(99, 0, &(__wasi_timestamp_t){0}), __WASI_ERRNO_INVAL);
    // The realtime clock is past 2020-01-01.
    CHECK(now(__WASI_CLOCKID_REALTIME) > 1577836800ULL * 1000000000ULL);
    struct timespec ts;
    CHECK(clock_gettime(CLOCK_MONOTONIC, &ts) == 0);
    __wasi_timestamp_t m1 = now(__WASI_CLOCKID_MONOTONIC), m2 = now(__WASI_CLOCKID_MONOTONIC);
    CHECK(m2 >= m1);

    // Sleeping: nanosleep and usleep are poll_oneoff with one relative clock.
    __wasi_timestamp_t t0 = now(__WASI_CLOCKID_MONOTONIC);
    struct timespec req = {0, 30 * 1000000};
    CHECK(nanosleep(&req, NULL) == 0);
    CHECK(now(__WASI_CLOCKID_MONOTONIC) - t0 >= 30 * 1000000ULL);
    t0 = now(__WASI_CLOCKID_MONOTONIC);
    CHECK(usleep(20000) == 0);
    CHECK(now(__WASI_CLOCKID_MONOTONIC) - t0 >= 20 * 1000000ULL);

    // Of several clocks, the earliest fires (and only it).
    __wasi_subscription_t subs[3] = {
        clock_sub(1, __WASI_CLOCKID_MONOTONIC, 5ULL * 1000000000ULL, 0),
        clock_sub(2, __WASI_CLOCKID_REALTIME, 20 * 1000000, 0),
        clock_sub(3, __WASI_CLOCKID_MONOTONIC, 2ULL * 1000000000ULL, 0),
    };
    __wasi_event_t events[3];
    __wasi_size_t n;
    t0 = now(__WASI_CLOCKID_MONOTONIC);
    CHECK_OK(__wasi_poll_oneoff(subs, events, 3, &n));
    __wasi_timestamp_t waited = now(__WASI_CLOCKID_MONOTONIC) - t0;
    CHECK(n == 1 && events[0].userdata == 2 && events[0].error == 0 && events[0].type == __WASI_EVENTTYPE_CLOCK);
    CHECK(waited >= 20 * 1000000ULL && waited < 2ULL * 1000000000ULL);

    // Absolute deadlines, on both clocks; one already past fires at once.
    // The wait is measured from before the deadline is set: measured from after it, a slow run
    // (under callgrind on a loaded machine) spent more than the margin in between and failed.
    t0 = now(__WASI_CLOCKID_MONOTONIC);
    subs[0] = clock_sub(7, __WASI_CLOCKID_MONOTONIC, t0 + 15 * 1000000, 1);
    CHECK_OK(__wasi_poll_oneoff(subs, events, 1, &n));
    CHECK(n == 1 && events[0].userdata == 7 && now(__WASI_CLOCKID_MONOTONIC) - t0 >= 15 * 1000000ULL);
    subs[0] = clock_sub(8, __WASI_CLOCKID_REALTIME, now(__WASI_CLOCKID_REALTIME) + 15 * 1000000, 1);
    CHECK_OK(__wasi_poll_oneoff(subs, events, 1, &n));
    CHECK(n == 1 && events[0].userdata == 8);
    subs[0] = clock_sub(9, __WASI_CLOCKID_MONOTONIC, 1, 1);
    CHECK_OK(__wasi_poll_oneoff(subs, events, 1, &n));
    CHECK(n == 1 && events[0].userdata == 9);

    // A write subscription on stdout is ready at once, along with no clock.
    __wasi_subscription_t rw[2];
    rw[0] = clock_sub(10, __WASI_CLOCKID_MONOTONIC, 5ULL * 1000000000ULL, 0);
    memset(&rw[1], 0, sizeof rw[1]);
    rw[1].userdata = 11;
    rw[1].u.tag = __WASI_EVENTTYPE_FD_WRITE;
    rw[1].u.u.fd_write.file_descriptor = 1;
    t0 = now(__WASI_CLOCKID_MONOTONIC);
    CHECK_OK(__wasi_poll_oneoff(rw, events, 2, &n));
    CHECK(n == 1 && events[0].userdata == 11 && events[0].type == __WASI_EVENTTYPE_FD_WRITE && events[0].error == 0);
    CHECK(now(__WASI_CLOCKID_MONOTONIC) - t0 < 1000000000ULL);
    // A closed descriptor is reported in its event.
    rw[1].u.u.fd_write.file_descriptor = 77;
    CHECK_OK(__wasi_poll_oneoff(rw, events, 2, &n));
    CHECK(n == 1 && events[0].userdata == 11 && events[0].error == __WASI_ERRNO_BADF);

    // Invalid subscriptions.
    CHECK_WASI(__wasi_poll_oneoff(subs, events, 0, &n), __WASI_ERRNO_INVAL);
    subs[0] = clock_sub(1, 42, 0, 0);
    CHECK_WASI(__wasi_poll_oneoff(subs, events, 1, &n), __WASI_ERRNO_INVAL);
    subs[0] = clock_sub(1, __WASI_CLOCKID_MONOTONIC, 0, 2);
    CHECK_WASI(__wasi_poll_oneoff(subs, events, 1, &n), __WASI_ERRNO_INVAL);
    subs[0] = clock_sub(1, __WASI_CLOCKID_MONOTONIC, 0, 0);
    subs[0].u.tag = 3;
    CHECK_WASI(__wasi_poll_oneoff(subs, events, 1, &n), __WASI_ERRNO_INVAL);

    // Randomness: two draws differ, and large requests are filled.
    static uint8_t a[4096], b[4096];
    CHECK_OK(__wasi_random_get(a, sizeof a));
    CHECK_OK(__wasi_random_get(b, sizeof b));
    CHECK(memcmp(a, b, sizeof a) != 0);
    CHECK_OK(__wasi_random_get(a, 0));
    CHECK(getentropy(a, 256) == 0);
    CHECK(arc4random() != arc4random() || arc4random() != arc4random());

    CHECK_OK(__wasi_sched_yield());
    CHECK_WASI(raw_proc_raise(15), __WASI_ERRNO_NOTSUP);
    __wasi_fd_t fd;
    __wasi_size_t size;
    __wasi_roflags_t roflags;
    __wasi_iovec_t iov = {a, 4};
    __wasi_ciovec_t ciov = {a, 4};
    CHECK_WASI(__wasi_sock_accept(1, 0, &fd), __WASI_ERRNO_NOTSOCK);
    CHECK_WASI(__wasi_sock_recv(0, &iov, 1, 0, &size, &roflags), __WASI_ERRNO_NOTSOCK);
    CHECK_WASI(__wasi_sock_send(1, &ciov, 1, 0, &size), __WASI_ERRNO_NOTSOCK);
    CHECK_WASI(__wasi_sock_shutdown(1, __WASI_SDFLAGS_RD), __WASI_ERRNO_NOTSOCK);
    CHECK_WASI(__wasi_sock_shutdown(99, __WASI_SDFLAGS_RD), __WASI_ERRNO_BADF);
    puts("clocks ok");
    return 0;
}
