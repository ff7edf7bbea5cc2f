// ncursesw with the wide-character API, plus wrappers for macros Swift cannot import.
// Swift code reads no ncurses global (stdscr, COLORS, COLOR_PAIRS, ESCDELAY) directly: the
// accessors below do, so strict concurrency checking never sees the C globals.
#ifndef OASST_CNCURSESW_SHIM_H
#define OASST_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Pseudo-terminals (openpty), for running the backend headless in tests.
#include <pty.h>

// glibc declares wcwidth only under __USE_XOPEN.
extern int wcwidth(wchar_t);

// Attributes (function-like macros in curses.h).
static inline attr_t oasst_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t oasst_A_BOLD(void) { return A_BOLD; }
static inline attr_t oasst_A_DIM(void) { return A_DIM; }
static inline attr_t oasst_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t oasst_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t oasst_A_ITALIC(void) { return A_ITALIC; }
static inline attr_t oasst_A_ATTRIBUTES(void) { return A_ATTRIBUTES; }

// Globals, read through functions.
static inline int oasst_COLORS(void) { return COLORS; }
static inline int oasst_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int oasst_ESCDELAY(void) { return ESCDELAY; }
static inline WINDOW *oasst_stdscr(void) { return stdscr; }
static inline WINDOW *oasst_curscr(void) { return curscr; }
static inline void oasst_getmaxyx(WINDOW *win, int *y, int *x) {
    int yy, xx;
    getmaxyx(win, yy, xx);
    *y = yy;
    *x = xx;
}

// Key codes that are macros with arguments.
static inline int oasst_KEY_F(int n) { return KEY_F(n); }

// Mouse masks (expressions over NCURSES_MOUSE_MASK).
static inline mmask_t oasst_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t oasst_BUTTON1_RELEASED(void) { return BUTTON1_RELEASED; }
static inline mmask_t oasst_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t oasst_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t oasst_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }
static inline mmask_t oasst_ALL_MOUSE_EVENTS(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t oasst_REPORT_MOUSE_POSITION(void) { return REPORT_MOUSE_POSITION; }

// A cell's attributes and colour pair, read back from a window (for tests and diagnostics).
static inline int oasst_cchar_pair(const cchar_t *c) {
    attr_t attrs = 0;
    short pair = 0;
    wchar_t text[CCHARW_MAX + 1];
    int ext = 0;
    if (getcchar(c, text, &attrs, &pair, &ext) == ERR) return -1;
    return ext > 0 ? ext : pair;
}
#endif
