/* fuzz_parser.c — libFuzzer target for the whole parser: decoding,
 * tokenizer, parser, f-strings, patterns, and the dumper on every tree it
 * returns.  Built by run.sh (clang, ASan + UBSan), not by the default ninja
 * build.
 *
 * The first input byte picks the mode (exec / eval / single / func_type),
 * whether the text is taken as already decoded (no BOM or cookie handling)
 * and whether warnings are turned into errors; the rest is the source.
 * Invariants checked besides the sanitizers': a failure always carries an
 * error kind and (except for MemoryError) a message; a success yields a
 * tree of the requested mode that dumps both ways; and parsing the same
 * input twice gives the same dump (no hidden state between calls). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libparse/dump.h"
#include "libparse/parser.h"

static int warn_sink(void *ctx, ps_warn_category cat, int lineno, int col,
                     const char *msg)
{
    (void)cat; (void)lineno; (void)col;
    int *as_error = ctx;
    if (msg[0] == '\0')
        abort();
    return *as_error ? -1 : 0;
}

static char *parse_and_dump(const char *src, size_t len, ps_mode mode, int flags,
                            int as_error, int attrs)
{
    ps_arena *arena = ps_arena_new();
    if (!arena)
        return NULL;
    ps_error err;
    ps_error_init(&err);
    ps_mod *mod = ps_parse_ex(src, len, "<fuzz>", mode, flags, arena, &err,
                              warn_sink, &as_error);
    char *text = NULL;
    if (!mod) {
        if (err.kind == PS_ERR_NONE)
            abort();
        if (err.kind != PS_ERR_MEMORY && err.msg[0] == '\0')
            abort();
        text = strdup(err.msg);
    } else {
        static const int want[] = {PS_MOD_Module, PS_MOD_Expression,
                                   PS_MOD_Interactive, PS_MOD_FunctionType};
        if ((int)mod->kind != want[mode] || err.kind != PS_ERR_NONE)
            abort();
        size_t n1 = 0, n2 = 0;
        char *plain = ps_dump_mod(mod, 0, &n1);
        text = ps_dump_mod(mod, attrs ? PS_DUMP_ATTRIBUTES : 0, &n2);
        if (!plain || !text || strlen(plain) != n1 || strlen(text) != n2)
            abort();
        free(plain);
    }
    ps_error_clear(&err);
    ps_arena_free(arena);
    return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    ps_mode mode = (ps_mode)(data[0] & 3);
    int flags = (data[0] & 4) ? PS_INPUT_IS_UTF8_STR : 0;
    int as_error = (data[0] & 8) != 0;
    /* a copy with no slack after it, so reads past the end are caught */
    size_t len = size - 1;
    char *src = malloc(len ? len : 1);
    if (!src)
        return 0;
    memcpy(src, data + 1, len);
    char *a = parse_and_dump(src, len, mode, flags, as_error, 1);
    char *b = parse_and_dump(src, len, mode, flags, as_error, 1);
    if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
        abort();
    free(a);
    free(b);
    free(src);
    return 0;
}
