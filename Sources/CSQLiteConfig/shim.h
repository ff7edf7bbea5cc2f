// sqlite3_config is variadic, which Swift cannot call: this wrapper sets the process-wide options oasst uses.
#include <sqlite3.h>

/// Multi-thread mode (no mutex per connection; GRDB already uses each connection from one thread at a time) and no
/// memory statistics (no global mutex on every SQLite allocation). Only takes effect before SQLite's first use:
/// returns SQLITE_MISUSE afterwards, leaving the defaults in place.
static inline int oasst_sqlite_configure_multithread(void) {
    int code = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (code != SQLITE_OK) return code;
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
