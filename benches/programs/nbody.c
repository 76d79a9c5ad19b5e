// nbody.c: benchmark program: an n-body simulation of the Sun and the four giant planets in
// double precision (f64 add/mul/div/sqrt), N*1000 time steps; the checksum comes from the system's
// energy and positions rounded to integers, so it does not depend on float printing.
#include <math.h>

#include "bench.h"

enum { BODIES = 5 };

static const double PI = 3.141592653589793;
static const double DAYS_PER_YEAR = 365.24;

typedef struct {
    double x, y, z, vx, vy, vz, mass;
} Body;

// Positions in AU, velocities in AU/day (scaled to AU/year below), masses in solar masses.
static Body bodies[BODIES] = {
    {0, 0, 0, 0, 0, 0, 1},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03,
     7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03,
     4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03,
     2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03,
     1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05},
};

static void setup(void) {
    double solar_mass = 4 * PI * PI;
    for (int i = 0; i < BODIES; i++) {
        bodies[i].vx *= DAYS_PER_YEAR;
        bodies[i].vy *= DAYS_PER_YEAR;
        bodies[i].vz *= DAYS_PER_YEAR;
        bodies[i].mass *= solar_mass;
    }
    // Give the Sun the momentum that makes the system's total zero.
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < BODIES; i++) {
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = -px / solar_mass;
    bodies[0].vy = -py / solar_mass;
    bodies[0].vz = -pz / solar_mass;
}

static void advance(double dt) {
    for (int i = 0; i < BODIES; i++) {
        Body *a = &bodies[i];
        for (int j = i + 1; j < BODIES; j++) {
            Body *b = &bodies[j];
            double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            a->vx -= dx * b->mass * mag;
            a->vy -= dy * b->mass * mag;
            a->vz -= dz * b->mass * mag;
            b->vx += dx * a->mass * mag;
            b->vy += dy * a->mass * mag;
            b->vz += dz * a->mass * mag;
        }
    }
    for (int i = 0; i < BODIES; i++) {
        bodies[i].x += dt * bodies[i].vx;
        bodies[i].y += dt * bodies[i].vy;
        bodies[i].z += dt * bodies[i].vz;
    }
}

static double energy(void) {
    double e = 0;
    for (int i = 0; i < BODIES; i++) {
        const Body *a = &bodies[i];
        e += 0.5 * a->mass * (a->vx * a->vx + a->vy * a->vy + a->vz * a->vz);
        for (int j = i + 1; j < BODIES; j++) {
            const Body *b = &bodies[j];
            double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
            e -= a->mass * b->mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

// `v` scaled by 1e9 and rounded half away from zero, as the two's-complement bits of an int64.
static uint64_t fixed(double v) {
    double scaled = v * 1e9;
    return (uint64_t)(int64_t)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 1000);
    setup();
    double before = energy();
    // The classic value of the initial energy; a wrong physics or float path shows here.
    if (fabs(before - -0.169075164) > 1e-9) bench_fail("initial energy");
    uint64_t checksum = mix(0, fixed(before));
    for (uint32_t k = 0; k < n; k++) {
        for (int step = 0; step < 1000; step++) advance(0.01);
        checksum = mix(checksum, fixed(bodies[1 + k % 4].x));
    }
    double after = energy();
    if (fabs(after - before) > 1e-3) bench_fail("energy drift");
    checksum = mix(checksum, fixed(after));
    for (int i = 0; i < BODIES; i++) checksum = mix(checksum, fixed(bodies[i].y) ^ fixed(bodies[i].vz));
    bench_checksum(checksum);
    return 0;
}
