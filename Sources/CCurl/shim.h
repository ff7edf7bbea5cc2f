// Typed wrappers for libcurl's variadic calls, which Swift cannot import directly.
#ifndef OASST_CCURL_SHIM_H
#define OASST_CCURL_SHIM_H
#include <curl/curl.h>
#endif
