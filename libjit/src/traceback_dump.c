/* libjit/src/traceback_dump.c — faulthandler's traceback writer
 * (jit_dump_traceback_fd, jit.h).
 *
 * Runs inside signal handlers (SIGSEGV, SIGABRT, user signals) and on a
 * watchdog thread: it only reads frames and code objects and calls
 * write(2) — no allocation, no locks, no Python code.  The format is
 * CPython's faulthandler's: `  File "name", line N in func`, innermost
 * first, strings as ASCII with \xNN / \uNNNN / \UNNNNNNNN escapes and cut
 * at 500 characters, at most 100 frames. */
#include <unistd.h>

#include "eval.h"

#define MAX_STRING 500
#define MAX_FRAMES 100

static void put(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static void puts_fd(int fd, const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    put(fd, s, n);
}

static void put_decimal(int fd, unsigned long v)
{
    char buf[24];
    int i = (int)sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    put(fd, buf + i, sizeof buf - (size_t)i);
}

static void put_hex(int fd, unsigned long v, int width)
{
    char buf[32];
    for (int i = width - 1; i >= 0; i--) {
        buf[i] = "0123456789abcdef"[v & 15];
        v >>= 4;
    }
    put(fd, buf, (size_t)width);
}

static void put_ascii(int fd, KnObject *s)
{
    if (s == NULL || !KN_STR_CHECK(s)) {
        puts_fd(fd, "???");
        return;
    }
    int kind = KN_STR_KIND(s);
    const void *data = KN_STR_DATA(s);
    kn_ssize_t len = KN_STR_LEN(s), n = len > MAX_STRING ? MAX_STRING : len;
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = KN_STR_READ(kind, data, i);
        if (c >= ' ' && c <= '~') {
            char ch = (char)c;
            put(fd, &ch, 1);
        } else if (c <= 0xff) {
            puts_fd(fd, "\\x");
            put_hex(fd, c, 2);
        } else if (c <= 0xffff) {
            puts_fd(fd, "\\u");
            put_hex(fd, c, 4);
        } else {
            puts_fd(fd, "\\U");
            put_hex(fd, c, 8);
        }
    }
    if (len > n)
        puts_fd(fd, "...");
}

static void dump_frame(int fd, jit_frame *f)
{
    KnCodeObject *co = f->code;
    puts_fd(fd, "  File \"");
    put_ascii(fd, co->co_filename);
    puts_fd(fd, "\", line ");
    int line = -1;
    if (f->lasti >= 0 && f->lasti < co->co_ncode && co->co_positions != NULL)
        line = co->co_positions[f->lasti].lineno;
    if (line >= 0)
        put_decimal(fd, (unsigned long)line);
    else
        puts_fd(fd, "???");
    puts_fd(fd, " in ");
    put_ascii(fd, co->co_name);
    puts_fd(fd, "\n");
}

int jit_dump_traceback_fd(int fd, void *tsv)
{
    KnThreadState *ts = tsv;
    jit_tstate *jt = ts ? ts->jit : NULL;
    jit_frame *f = jt ? jt->current : NULL;
    if (f == NULL) {
        puts_fd(fd, "  <no Python frame>\n");
        return -1;
    }
    for (int depth = 0; f != NULL; f = f->previous, depth++) {
        if (depth >= MAX_FRAMES) {
            puts_fd(fd, "  ...\n");
            break;
        }
        dump_frame(fd, f);
    }
    return 0;
}

/* "Current thread 0x00007f...  (most recent call first):" */
void jit_dump_thread_header(int fd, unsigned long thread_id, int current)
{
    puts_fd(fd, current ? "Current thread 0x" : "Thread 0x");
    put_hex(fd, thread_id, (int)sizeof(unsigned long) * 2);
    puts_fd(fd, " (most recent call first):\n");
}
