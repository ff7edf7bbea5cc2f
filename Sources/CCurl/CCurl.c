// The libcurl functions `oasst` uses, looked up in `libcurl.so.4` on first use (see CCurl.h).
#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>

/// The entry points, filled once by `load`; all NULL when libcurl could not be loaded.
static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *handle);
    CURLcode (*easy_perform)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *line);
    void (*slist_free_all)(struct curl_slist *list);
    char *(*version)(void);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
/// Held while libcurl is being opened and initialised: `exit` waits for it (`wait_for_load`).
static pthread_mutex_t loading = PTHREAD_MUTEX_INITIALIZER;
static int loaded;
static CURLcode global_init_result = CURLE_FAILED_INIT;
static char load_error[512];

/// Runs at exit, before the loaded libraries' destructors: a process that calls `exit` while a transport thread is
/// still opening libcurl would otherwise free OpenSSL's state under its initialiser (`oasst` itself ends with
/// `_exit`, which runs no exit handlers; tests and other callers of this module do not).
static void wait_for_load(void) {
    pthread_mutex_lock(&loading);
    pthread_mutex_unlock(&loading);
}

static void open_library(void);

/// Copies `text` into `load_error` (truncated, always terminated).
static void note_error(const char *text) {
    size_t index = 0;
    for (; text != NULL && text[index] != '\0' && index + 1 < sizeof load_error; index++) {
        load_error[index] = text[index];
    }
    load_error[index] = '\0';
}

/// Opens libcurl, looks every entry point up and runs `curl_global_init`; leaves `loaded` 0 (and `api` unused) when
/// the library or any entry point is missing.
static void load(void) {
    pthread_mutex_lock(&loading);
    atexit(wait_for_load);
    open_library();
    if (loaded) global_init_result = api.global_init(CURL_GLOBAL_DEFAULT);
    pthread_mutex_unlock(&loading);
}

/// The part of `load` that finds libcurl and its entry points.
static void open_library(void) {
    // The soname every libcurl 7.x and 8.x ships under; RTLD_LOCAL keeps its symbols out of the global scope.
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        note_error(dlerror());
        return;
    }
    void *symbols[10];
    static const char *const names[10] = {
        "curl_global_init", "curl_easy_init", "curl_easy_cleanup", "curl_easy_perform", "curl_easy_strerror",
        "curl_easy_setopt", "curl_easy_getinfo", "curl_slist_append", "curl_slist_free_all", "curl_version",
    };
    for (int index = 0; index < 10; index++) {
        symbols[index] = dlsym(library, names[index]);
        if (symbols[index] == NULL) {
            note_error(dlerror());
            return;
        }
    }
    // Function pointers from `void *`: what POSIX specifies dlsym's result to be usable as.
    *(void **)&api.global_init = symbols[0];
    *(void **)&api.easy_init = symbols[1];
    *(void **)&api.easy_cleanup = symbols[2];
    *(void **)&api.easy_perform = symbols[3];
    *(void **)&api.easy_strerror = symbols[4];
    *(void **)&api.easy_setopt = symbols[5];
    *(void **)&api.easy_getinfo = symbols[6];
    *(void **)&api.slist_append = symbols[7];
    *(void **)&api.slist_free_all = symbols[8];
    *(void **)&api.version = symbols[9];
    loaded = 1;
}

int oasst_curl_load(void) {
    pthread_once(&load_once, load);
    return loaded;
}

const char *oasst_curl_load_error(void) {
    return oasst_curl_load() ? NULL : load_error;
}

CURLcode oasst_curl_global_init_default(void) {
    oasst_curl_load();
    return global_init_result;
}

CURL *oasst_curl_easy_init(void) {
    return oasst_curl_load() ? api.easy_init() : NULL;
}

void oasst_curl_easy_cleanup(CURL *handle) {
    if (oasst_curl_load()) api.easy_cleanup(handle);
}

CURLcode oasst_curl_easy_perform(CURL *handle) {
    return oasst_curl_load() ? api.easy_perform(handle) : CURLE_FAILED_INIT;
}

const char *oasst_curl_easy_strerror(CURLcode code) {
    return oasst_curl_load() ? api.easy_strerror(code) : "libcurl is not available";
}

struct curl_slist *oasst_curl_slist_append(struct curl_slist *list, const char *line) {
    return oasst_curl_load() ? api.slist_append(list, line) : NULL;
}

void oasst_curl_slist_free_all(struct curl_slist *list) {
    if (oasst_curl_load()) api.slist_free_all(list);
}

const char *oasst_curl_version(void) {
    return oasst_curl_load() ? api.version() : NULL;
}

CURLcode oasst_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return oasst_curl_load() ? api.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode oasst_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return oasst_curl_load() ? api.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode oasst_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return oasst_curl_load() ? api.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode oasst_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return oasst_curl_load() ? api.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode oasst_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return oasst_curl_load() ? api.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode oasst_curl_setopt_write_callback(CURL *handle, oasst_curl_data_callback callback) {
    return oasst_curl_load() ? api.easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback) : CURLE_FAILED_INIT;
}

CURLcode oasst_curl_setopt_header_callback(CURL *handle, oasst_curl_data_callback callback) {
    return oasst_curl_load() ? api.easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback) : CURLE_FAILED_INIT;
}

CURLcode oasst_curl_setopt_transfer_callback(CURL *handle, oasst_curl_transfer_callback callback) {
    return oasst_curl_load() ? api.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback) : CURLE_FAILED_INIT;
}

CURLcode oasst_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return oasst_curl_load() ? api.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

CURLcode oasst_curl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return oasst_curl_load() ? api.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

CURLcode oasst_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return oasst_curl_load() ? api.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}
