/* pyparse — libparse's command-line tool.
 *
 *   pyparse --dump [--no-attributes] FILE|-   print ast.dump(ast.parse(src),
 *                                             include_attributes=True/False)
 *   pyparse --check FILE...                   report files that do not parse
 *   pyparse --bench [--repeat N] FILE...      time parsing only (no dump)
 *
 * Files are read as bytes; libparse's tokenizer does the decoding (BOM,
 * coding cookie) exactly as CPython does for a source file.  Errors print as
 * `FILE:LINE:COL: Kind: message` with COL = SyntaxError.offset (1-based
 * characters); the exit status is 1 if any file failed, 2 on usage or I/O
 * errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "libparse/arena.h"
#include "libparse/dump.h"
#include "libparse/error.h"
#include "libparse/parser.h"

/* Reads a whole file ("-" = stdin) into a malloc'd buffer. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *p = realloc(buf, cap * 2);
        if (!p) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = p;
        cap *= 2;
    }
    int bad = ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static void report(const char *path, const ps_error *err)
{
    printf("%s:%d:%d: %s: %s\n", path, err->lineno, err->offset,
           ps_error_kind_name(err->kind), err->msg);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int usage(void)
{
    fprintf(stderr,
            "usage: pyparse --dump [--no-attributes] FILE|-\n"
            "       pyparse --check FILE...\n"
            "       pyparse --bench [--repeat N] FILE...\n");
    return 2;
}

/* Parses one file.  mode: 'd' dump, 'c' check, 'b' bench (adds the time spent
 * inside ps_parse to *secs).  Returns 0 ok, 1 syntax error, 2 I/O error. */
static int run_file(const char *path, char mode, int flags, double *secs)
{
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        fprintf(stderr, "pyparse: cannot read %s\n", path);
        return 2;
    }
    ps_arena *arena = ps_arena_new();
    ps_error err;
    memset(&err, 0, sizeof err);
    int status = 2;
    if (!arena)
        goto done;
    double t0 = now();
    ps_mod *mod = ps_parse(src, len, path, PS_MODE_EXEC, 0, arena, &err);
    if (secs)
        *secs += now() - t0;
    if (!mod) {
        if (mode != 'b')
            report(path, &err);
        status = 1;
        goto done;
    }
    status = 0;
    if (mode == 'd') {
        size_t n;
        char *text = ps_dump_mod(mod, flags, &n);
        if (!text) {
            fprintf(stderr, "pyparse: out of memory\n");
            status = 2;
            goto done;
        }
        fwrite(text, 1, n, stdout);
        putchar('\n');
        free(text);
    }
done:
    ps_error_clear(&err);
    ps_arena_free(arena);
    free(src);
    return status;
}

int main(int argc, char **argv)
{
    char mode = 0;
    int flags = PS_DUMP_ATTRIBUTES, repeat = 1, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (strcmp(argv[i], "--dump") == 0)
            mode = 'd';
        else if (strcmp(argv[i], "--check") == 0)
            mode = 'c';
        else if (strcmp(argv[i], "--bench") == 0)
            mode = 'b';
        else if (strcmp(argv[i], "--no-attributes") == 0)
            flags &= ~PS_DUMP_ATTRIBUTES;
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else
            return usage();
    }
    if (!mode || i >= argc || (mode == 'd' && argc - i != 1) || repeat < 1)
        return usage();
    int worst = 0, failed = 0, files = argc - i;
    double secs = 0;
    for (int r = 0; r < (mode == 'b' ? repeat : 1); r++) {
        failed = 0;
        for (int k = i; k < argc; k++) {
            int st = run_file(argv[k], mode, flags, mode == 'b' ? &secs : NULL);
            if (st > worst)
                worst = st;
            failed += st != 0;
        }
    }
    if (mode == 'b') {
        printf("files %d failed %d repeat %d parse_seconds %.6f\n", files, failed,
               repeat, secs / repeat);
        return 0;
    }
    fflush(stdout);
    return worst;
}
