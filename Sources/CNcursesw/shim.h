// ncursesw with the wide-character API, plus wrappers for macros Swift cannot import.
#ifndef OASST_CNCURSESW_SHIM_H
#define OASST_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#endif
