// Typed wrappers for libcurl's variadic calls, which Swift cannot import directly.
//
// `curl_easy_setopt` and `curl_easy_getinfo` take their value through `...`; Swift marks C
// variadics unavailable, so each argument type gets one `static inline` function here. No `.c`
// file is needed: the compiler inlines these into the Swift callers.
#ifndef OASST_CCURL_SHIM_H
#define OASST_CCURL_SHIM_H

#include <curl/curl.h>
#include <stddef.h>

/// Signature shared by CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
typedef size_t (*oasst_curl_data_callback)(char *data, size_t size, size_t count, void *context);

/// Signature of CURLOPT_XFERINFOFUNCTION; a non-zero return aborts the transfer.
typedef int (*oasst_curl_transfer_callback)(void *context, curl_off_t download_total, curl_off_t download_now,
                                            curl_off_t upload_total, curl_off_t upload_now);

/// `curl_global_init(CURL_GLOBAL_DEFAULT)`; the flag is a macro expression Swift may not import.
static inline CURLcode oasst_curl_global_init_default(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

/// Sets an option whose value is a `long` (flags, timeouts in ms, enums).
static inline CURLcode oasst_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option whose value is a `curl_off_t` (the `_LARGE` sizes).
static inline CURLcode oasst_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option whose value is a C string; libcurl copies it (except CURLOPT_POSTFIELDS).
/// Passing NULL restores the option's default (e.g. CURLOPT_CUSTOMREQUEST).
static inline CURLcode oasst_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option whose value is an untyped pointer (WRITEDATA, HEADERDATA, ERRORBUFFER,
/// COPYPOSTFIELDS, XFERINFODATA).
static inline CURLcode oasst_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option whose value is a header list (CURLOPT_HTTPHEADER); the list must outlive the
/// transfer.
static inline CURLcode oasst_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets CURLOPT_WRITEFUNCTION, which receives the response body.
static inline CURLcode oasst_curl_setopt_write_callback(CURL *handle, oasst_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

/// Sets CURLOPT_HEADERFUNCTION, which receives each response header line (status line included).
static inline CURLcode oasst_curl_setopt_header_callback(CURL *handle, oasst_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

/// Sets CURLOPT_XFERINFOFUNCTION, called about once a second or more during a transfer.
static inline CURLcode oasst_curl_setopt_transfer_callback(CURL *handle, oasst_curl_transfer_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

/// Reads a `long` transfer fact (CURLINFO_RESPONSE_CODE, CURLINFO_NUM_CONNECTS, ...).
static inline CURLcode oasst_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Reads a `curl_off_t` transfer fact (CURLINFO_SIZE_DOWNLOAD_T, ...).
static inline CURLcode oasst_curl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Reads a string transfer fact (CURLINFO_EFFECTIVE_URL, ...); libcurl owns the returned memory.
static inline CURLcode oasst_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
