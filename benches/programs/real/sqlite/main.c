// main.c: the SQLite benchmark program: SQLite (the amalgamation the libsqlite3-sys package
// bundles, see ../README) with an in-memory database, running N rounds of a query workload: bulk
// inserts through prepared statements in a transaction, indexes, joins with GROUP BY, window
// functions, LIKE, a correlated UPDATE, JSON aggregation, a recursive CTE, DELETE; every result
// cell is hashed as SQLite prints it.
//
// SQLite is built with SQLITE_OS_OTHER, so it has no operating-system layer of its own: the VFS
// below opens no file (":memory:" databases and SQLITE_TEMP_STORE=3 never ask for one), and its
// randomness and clock are constants, so every run does the same work.
#include <string.h>

#include "../../bench.h"
#include "sqlite3.h"

static int vfs_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags) {
    (void)vfs, (void)name, (void)flags, (void)out_flags;
    file->pMethods = NULL;
    return SQLITE_CANTOPEN;
}

static int vfs_delete(sqlite3_vfs *vfs, const char *name, int sync_dir) {
    (void)vfs, (void)name, (void)sync_dir;
    return SQLITE_IOERR_DELETE;
}

static int vfs_access(sqlite3_vfs *vfs, const char *name, int flags, int *result) {
    (void)vfs, (void)name, (void)flags;
    *result = 0;
    return SQLITE_OK;
}

static int vfs_full_pathname(sqlite3_vfs *vfs, const char *name, int size, char *out) {
    (void)vfs;
    sqlite3_snprintf(size, out, "%s", name);
    return SQLITE_OK;
}

static int vfs_randomness(sqlite3_vfs *vfs, int size, char *out) {
    (void)vfs;
    Rng rng = rng_new(0x5117e);
    for (int i = 0; i < size; i++) out[i] = (char)rng_next(&rng);
    return size;
}

static int vfs_sleep(sqlite3_vfs *vfs, int microseconds) {
    (void)vfs;
    return microseconds;
}

static int vfs_current_time(sqlite3_vfs *vfs, double *julian_day) {
    (void)vfs;
    *julian_day = 2461000.5;  // 2025-11-20, fixed
    return SQLITE_OK;
}

static int vfs_last_error(sqlite3_vfs *vfs, int size, char *out) {
    (void)vfs, (void)size, (void)out;
    return 0;
}

static sqlite3_vfs memory_vfs = {
    .iVersion = 1,
    .szOsFile = sizeof(sqlite3_file),
    .mxPathname = 512,
    .zName = "memory-only",
    .xOpen = vfs_open,
    .xDelete = vfs_delete,
    .xAccess = vfs_access,
    .xFullPathname = vfs_full_pathname,
    .xRandomness = vfs_randomness,
    .xSleep = vfs_sleep,
    .xCurrentTime = vfs_current_time,
    .xGetLastError = vfs_last_error,
};

// What SQLITE_OS_OTHER asks the application to provide.
int sqlite3_os_init(void) { return sqlite3_vfs_register(&memory_vfs, 1); }
int sqlite3_os_end(void) { return SQLITE_OK; }

static sqlite3 *db;
static uint64_t checksum;
static uint64_t rows_seen;

static void check(int rc, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "self-check failed: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

// Hashes every cell of every row `sql` returns (as SQLite's text conversion prints it).
static void query(const char *sql) {
    sqlite3_stmt *stmt;
    check(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), sql);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rows_seen++;
        for (int i = 0; i < sqlite3_column_count(stmt); i++) {
            const unsigned char *text = sqlite3_column_text(stmt, i);
            uint64_t h = 0xcbf29ce484222325ULL;
            if (text) {
                for (; *text; text++) h = (h ^ *text) * 0x100000001b3ULL;
            }
            checksum = mix(checksum, h);
        }
    }
    check(rc, sql);
    check(sqlite3_finalize(stmt), sql);
}

static void exec(const char *sql) {
    char *error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) {
        fprintf(stderr, "self-check failed: %s: %s\n", sql, error ? error : "?");
        exit(1);
    }
}

enum { CUSTOMERS = 1500, ORDERS = 12000 };

static const char *const cities[] = {"Osaka", "Lyon", "Porto", "Tartu", "Brno", "Graz", "Aarhus", "Cork", "Turku", "Split"};
static const char *const items[] = {"bolt", "nut", "gear", "spring", "valve", "pipe", "hinge", "lever", "cable", "pulley", "belt", "seal"};

static void round_(uint32_t round) {
    Rng rng = rng_new(0xda7aba5e + round);
    exec("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT, balance REAL);"
         "CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER REFERENCES customers(id),"
         " item TEXT, qty INTEGER, price INTEGER, day INTEGER);");
    exec("BEGIN");
    sqlite3_stmt *stmt;
    check(sqlite3_prepare_v2(db, "INSERT INTO customers VALUES(?1, ?2, ?3, ?4)", -1, &stmt, NULL), "prepare");
    for (int i = 1; i <= CUSTOMERS; i++) {
        char name[16];
        int len = 4 + (int)rng_below(&rng, 8);
        for (int k = 0; k < len; k++) name[k] = (char)('a' + rng_below(&rng, 26));
        name[len] = 0;
        sqlite3_bind_int(stmt, 1, i);
        sqlite3_bind_text(stmt, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 3, cities[rng_below(&rng, 10)], -1, SQLITE_STATIC);
        sqlite3_bind_double(stmt, 4, (double)rng_below(&rng, 100000) / 100.0);
        check(sqlite3_step(stmt), "insert customer");
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    check(sqlite3_prepare_v2(db, "INSERT INTO orders(customer, item, qty, price, day) VALUES(?, ?, ?, ?, ?)", -1,
                             &stmt, NULL),
          "prepare");
    for (int i = 0; i < ORDERS; i++) {
        sqlite3_bind_int(stmt, 1, 1 + (int)rng_below(&rng, CUSTOMERS));
        sqlite3_bind_text(stmt, 2, items[rng_below(&rng, 12)], -1, SQLITE_STATIC);
        sqlite3_bind_int(stmt, 3, 1 + (int)rng_below(&rng, 20));
        sqlite3_bind_int(stmt, 4, 50 + (int)rng_below(&rng, 5000));
        sqlite3_bind_int(stmt, 5, (int)rng_below(&rng, 365));
        check(sqlite3_step(stmt), "insert order");
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    exec("COMMIT");
    exec("CREATE INDEX orders_customer ON orders(customer);"
         "CREATE INDEX orders_day_item ON orders(day, item);"
         "CREATE INDEX customers_city ON customers(city, name);");

    query("SELECT c.city, count(*), sum(o.qty * o.price), round(avg(o.price), 3) FROM orders o"
          " JOIN customers c ON c.id = o.customer GROUP BY c.city ORDER BY 3 DESC");
    query("SELECT item, max(price), min(qty), count(DISTINCT customer) FROM orders"
          " WHERE day BETWEEN 100 AND 200 GROUP BY item ORDER BY item");
    query("SELECT name, city FROM customers WHERE name LIKE '%ab%' OR name GLOB '*z?q*' ORDER BY name, id LIMIT 80");
    query("SELECT customer, day, sum(price) OVER (PARTITION BY customer ORDER BY day, id ROWS 3 PRECEDING),"
          " rank() OVER (PARTITION BY customer ORDER BY qty DESC, id) FROM orders WHERE customer <= 150 ORDER BY customer, day, id");
    exec("UPDATE customers SET balance = balance + (SELECT coalesce(sum(qty), 0) FROM orders WHERE customer = customers.id)"
         " WHERE id % 7 = 0");
    query("SELECT city, printf('%.2f', sum(balance)), upper(substr(min(name), 1, 3)), group_concat(DISTINCT length(name))"
          " FROM customers GROUP BY city ORDER BY city");
    query("SELECT json_group_array(json_object('c', customer, 'n', n, 'q', q)) FROM"
          " (SELECT customer, count(*) AS n, sum(qty) AS q FROM orders GROUP BY customer HAVING n > 10 ORDER BY customer)");
    query("WITH RECURSIVE chain(id, depth) AS (SELECT 1, 0 UNION ALL"
          " SELECT (id * 37 + 11) % 1500 + 1, depth + 1 FROM chain WHERE depth < 400)"
          " SELECT count(*), sum(c.balance > 500), max(c.name) FROM chain JOIN customers c ON c.id = chain.id");
    query("SELECT o.item, c.city, count(*), sum(o.qty) FROM orders o JOIN customers c ON c.id = o.customer"
          " WHERE o.day % 5 = 0 AND c.city IN ('Lyon', 'Brno', 'Cork') GROUP BY 1, 2 HAVING count(*) > 5 ORDER BY 4 DESC, 1, 2");
    exec("DELETE FROM orders WHERE qty < 3 OR price > 4800");
    query("SELECT count(*), sum(price), total(qty * 0.5) FROM orders");
    query("SELECT a.customer, count(*) FROM orders a JOIN orders b ON a.customer = b.customer AND a.day + 1 = b.day"
          " GROUP BY a.customer ORDER BY 2 DESC, 1 LIMIT 20");
    exec("DROP TABLE orders; DROP TABLE customers;");
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 2);
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) bench_fail("sqlite3_open");
    for (uint32_t round = 0; round < n; round++) round_(round);
    if (rows_seen == 0) bench_fail("no rows");
    sqlite3_close(db);
    bench_checksum(mix(checksum, rows_seen));
    return 0;
}
