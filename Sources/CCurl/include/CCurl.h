// libcurl for Swift, loaded on first use instead of linked.
//
// Linking libcurl made every start of `oasst` load and relocate its dependency tree (about 35
// libraries: OpenSSL, GnuTLS, Kerberos, LDAP, SSH, ...), 7 ms before `main` on this machine, for a
// program whose first frame needs no network. Here `libcurl.so.4` is opened (`dlopen`) the first
// time any of these functions runs, on the calling thread; the transport calls them from its own
// threads, so a start never waits for it. Every function below answers as libcurl does when the
// library cannot be loaded: `CURLE_FAILED_INIT`, NULL, or a message saying so.
//
// `curl_easy_setopt` and `curl_easy_getinfo` take their value through `...`; Swift marks C
// variadics unavailable, so each argument type gets one function here.
#ifndef OASST_CCURL_H
#define OASST_CCURL_H

#include <curl/curl.h>
#include <stddef.h>

/// Loads libcurl once (later calls return at once); 1 when it is available, else 0.
int oasst_curl_load(void);

/// Why libcurl could not be loaded (`dlerror()` of the first attempt), or NULL when it was.
const char *oasst_curl_load_error(void);

/// The result of `curl_global_init(CURL_GLOBAL_DEFAULT)`, which the load runs once (the flag is a macro expression
/// Swift may not import); `CURLE_FAILED_INIT` when libcurl cannot be loaded.
CURLcode oasst_curl_global_init_default(void);

/// `curl_easy_init()`.
CURL *oasst_curl_easy_init(void);

/// `curl_easy_cleanup(handle)`.
void oasst_curl_easy_cleanup(CURL *handle);

/// `curl_easy_perform(handle)`.
CURLcode oasst_curl_easy_perform(CURL *handle);

/// `curl_easy_strerror(code)`.
const char *oasst_curl_easy_strerror(CURLcode code);

/// `curl_slist_append(list, line)`.
struct curl_slist *oasst_curl_slist_append(struct curl_slist *list, const char *line);

/// `curl_slist_free_all(list)`.
void oasst_curl_slist_free_all(struct curl_slist *list);

/// `curl_version()`, or NULL when libcurl cannot be loaded.
const char *oasst_curl_version(void);

/// Signature shared by CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
typedef size_t (*oasst_curl_data_callback)(char *data, size_t size, size_t count, void *context);

/// Signature of CURLOPT_XFERINFOFUNCTION; a non-zero return aborts the transfer.
typedef int (*oasst_curl_transfer_callback)(void *context, curl_off_t download_total, curl_off_t download_now,
                                            curl_off_t upload_total, curl_off_t upload_now);

/// Sets an option whose value is a `long` (flags, timeouts in ms, enums).
CURLcode oasst_curl_setopt_long(CURL *handle, CURLoption option, long value);

/// Sets an option whose value is a `curl_off_t` (the `_LARGE` sizes).
CURLcode oasst_curl_setopt_off(CURL *handle, CURLoption option, curl_off_t value);

/// Sets an option whose value is a C string; libcurl copies it (except CURLOPT_POSTFIELDS).
/// Passing NULL restores the option's default (e.g. CURLOPT_CUSTOMREQUEST).
CURLcode oasst_curl_setopt_string(CURL *handle, CURLoption option, const char *value);

/// Sets an option whose value is an untyped pointer (WRITEDATA, HEADERDATA, ERRORBUFFER,
/// COPYPOSTFIELDS, XFERINFODATA).
CURLcode oasst_curl_setopt_pointer(CURL *handle, CURLoption option, void *value);

/// Sets an option whose value is a header list (CURLOPT_HTTPHEADER); the list must outlive the
/// transfer.
CURLcode oasst_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);

/// Sets CURLOPT_WRITEFUNCTION, which receives the response body.
CURLcode oasst_curl_setopt_write_callback(CURL *handle, oasst_curl_data_callback callback);

/// Sets CURLOPT_HEADERFUNCTION, which receives each response header line (status line included).
CURLcode oasst_curl_setopt_header_callback(CURL *handle, oasst_curl_data_callback callback);

/// Sets CURLOPT_XFERINFOFUNCTION, called about once a second or more during a transfer.
CURLcode oasst_curl_setopt_transfer_callback(CURL *handle, oasst_curl_transfer_callback callback);

/// Reads a `long` transfer fact (CURLINFO_RESPONSE_CODE, CURLINFO_NUM_CONNECTS, ...).
CURLcode oasst_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);

/// Reads a `curl_off_t` transfer fact (CURLINFO_SIZE_DOWNLOAD_T, ...).
CURLcode oasst_curl_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value);

/// Reads a string transfer fact (CURLINFO_EFFECTIVE_URL, ...); libcurl owns the returned memory.
CURLcode oasst_curl_getinfo_string(CURL *handle, CURLINFO info, const char **value);

#endif
