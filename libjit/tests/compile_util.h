/* libjit/tests/compile_util.h — helpers shared by the compiler's tests:
 * compile a snippet, disassemble into a string, read SyntaxError fields. */
#ifndef LIBJIT_TESTS_COMPILE_UTIL_H
#define LIBJIT_TESTS_COMPILE_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "libjit/jit.h"
#include "libobject/libobject.h"

static inline void tu_init(void)
{
    static int done;
    if (!done) {
        ob_runtime_init();
        done = 1;
    }
}

static inline KnObject *tu_compile(const char *src, jit_mode mode)
{
    tu_init();
    return jit_compile_source(src, strlen(src), "x.py", mode, 0, 0);
}

/* malloc'd disassembly text of src compiled as a module; NULL on error */
static inline char *tu_dis(const char *src)
{
    KnObject *co = tu_compile(src, JIT_MODE_EXEC);
    if (!co)
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    jit_code_dis(co, f);
    fclose(f);
    return buf;
}

/* "msg|lineno|offset|end_lineno|end_offset" of the SyntaxError raised by
 * compiling src, or "OK" / "OTHER: <type>" */
static inline char *tu_syntax_error(const char *src)
{
    KnObject *co = tu_compile(src, JIT_MODE_EXEC);
    char *out = malloc(1024);
    if (co) {
        strcpy(out, "OK");
        return out;
    }
    KnObject *exc = ob_err_fetch();
    if (!KN_FAST_SUBCLASS(exc, KN_TPFLAGS_BASE_EXC_SUBCLASS) ||
        !ob_type_is_subtype(KN_TYPE(exc), ob_exc_SyntaxError)) {
        snprintf(out, 1024, "OTHER: %s", KN_TYPE(exc)->tp_name);
        return out;
    }
    KnSyntaxErrorObject *se = (KnSyntaxErrorObject *)exc;
    KnObject *f[4] = {se->lineno, se->offset, se->end_lineno, se->end_offset};
    char parts[4][32];
    for (int i = 0; i < 4; i++) {
        if (!f[i] || f[i] == &ob_none_obj)
            strcpy(parts[i], "None");
        else
            snprintf(parts[i], sizeof parts[i], "%zd", (ssize_t)ob_int_as_ssize(f[i]));
    }
    snprintf(out, 1024, "%s|%s|%s|%s|%s", ob_str_as_utf8(se->msg, NULL), parts[0], parts[1],
             parts[2], parts[3]);
    return out;
}

#endif
