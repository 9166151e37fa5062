/* sys_traceback.c — the traceback part of sys.excepthook's output, used
 * while the eval part has no printer of its own (jit_traceback_print).
 *
 *   Traceback (most recent call last):
 *     File "x.py", line 4, in <module>
 *       1/0
 *
 * It walks the traceback through its Python attributes (tb_frame,
 * tb_lineno, tb_next, f_code, co_filename, co_name), so it depends on no
 * layout.  Runs of more than three identical entries are folded as
 * CPython folds them.  PEP 657 caret lines are not drawn (that needs the
 * position tables and the anchor rules; the eval part's printer does it). */
#include <stdio.h>
#include <string.h>

#include "builtins.h"

/* Line `lineno` of a source file, blanks stripped; NULL when unreadable. */
static KnObject *source_line(KnObject *filename, long lineno)
{
    const char *path = ob_str_as_utf8(filename, NULL);
    if (path == NULL) {
        ob_err_clear();
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    char buf[4096];
    long n = 0;
    KnObject *line = NULL;
    while (fgets(buf, sizeof buf, fp) != NULL) {
        size_t len = strlen(buf);
        int whole = len > 0 && buf[len - 1] == '\n';
        if (++n == lineno) {
            const char *s = buf;
            while (*s == ' ' || *s == '\t' || *s == '\f')
                s++;
            size_t l = strlen(s);
            while (l > 0 && (s[l - 1] == '\n' || s[l - 1] == '\r' || s[l - 1] == ' '
                             || s[l - 1] == '\t'))
                l--;
            line = ob_str_decode_utf8(s, (kn_ssize_t)l, "replace");
            break;
        }
        /* A line longer than the buffer continues in the next read. */
        while (!whole && fgets(buf, sizeof buf, fp) != NULL) {
            len = strlen(buf);
            whole = len > 0 && buf[len - 1] == '\n';
        }
    }
    fclose(fp);
    if (line == NULL)
        ob_err_clear();
    return line;
}

typedef struct {
    KnObject *filename, *name;
    long lineno;
} TbEntry;

static int entry_of(KnObject *tb, TbEntry *e)
{
    KnObject *frame = ob_getattr_str(tb, "tb_frame");
    KnObject *lineno = ob_getattr_str(tb, "tb_lineno");
    KnObject *code = frame ? ob_getattr_str(frame, "f_code") : NULL;
    if (lineno == NULL || code == NULL)
        return -1;
    e->filename = ob_getattr_str(code, "co_filename");
    e->name = ob_getattr_str(code, "co_name");
    if (e->filename == NULL || e->name == NULL)
        return -1;
    e->lineno = lineno == KN_None ? -1 : (long)ob_int_as_ssize(lineno);
    return ob_err_occurred() ? -1 : 0;
}

static int print_entry(KnObject *file, const TbEntry *e)
{
    KnObject *head = ob_str_from_format("  File \"%S\", line %ld, in %S\n", e->filename,
                                        e->lineno, e->name);
    if (head == NULL || jit_file_write_str(file, head) < 0)
        return -1;
    KnObject *src = e->lineno > 0 ? source_line(e->filename, e->lineno) : NULL;
    if (src != NULL && KN_STR_LEN(src) > 0) {
        KnObject *text = ob_str_from_format("    %U\n", src);
        if (text == NULL || jit_file_write_str(file, text) < 0)
            return -1;
    }
    return 0;
}

static int print_repeats(KnObject *file, long extra)
{
    if (extra <= 0)
        return 0;
    KnObject *msg = ob_str_from_format("  [Previous line repeated %ld more time%s]\n", extra,
                                       extra > 1 ? "s" : "");
    return msg == NULL ? -1 : jit_file_write_str(file, msg);
}

int jit_sys_print_traceback(KnObject *tb, KnObject *file)
{
    if (jit_file_write_cstr(file, "Traceback (most recent call last):\n") < 0)
        return -1;
    TbEntry prev = { NULL, NULL, 0 };
    long repeats = 0;
    for (; tb != NULL && tb != KN_None; tb = ob_getattr_str(tb, "tb_next")) {
        TbEntry e;
        if (entry_of(tb, &e) < 0)
            return -1;
        int same = prev.filename != NULL && e.lineno == prev.lineno
            && ob_str_equal(e.filename, prev.filename) && ob_str_equal(e.name, prev.name);
        if (same && ++repeats >= 3)
            continue;
        if (!same) {
            if (print_repeats(file, repeats - 2) < 0)
                return -1;
            repeats = 0;
        }
        prev = e;
        if (print_entry(file, &e) < 0)
            return -1;
    }
    if (ob_err_occurred())
        return -1;
    return print_repeats(file, repeats - 2);
}
