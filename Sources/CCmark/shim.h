// cmark-gfm and its GitHub extensions (tables, strikethrough, autolinks, task lists).
#ifndef OASST_CCMARK_SHIM_H
#define OASST_CCMARK_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
