/* sys_info.c — sys's descriptive attributes: version, version_info,
 * hexversion, implementation, flags, float_info, int_info, hash_info,
 * thread_info, stdlib_module_names, and the standard streams. */
#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"

/* The language version Kiln implements, and Kiln's own. */
#define PY_MAJOR 3
#define PY_MINOR 11
#define PY_MICRO 2
#define PY_HEXVERSION 0x030b02f0
#define KILN_VERSION "0.1.0"

KnObject *jit_namespace_new(KnObject *dict);

static int set(KnObject *d, const char *name, KnObject *v)
{
    return v == NULL ? -1 : ob_dict_setitem_str(d, name, v);
}

static KnObject *i(long long v) { return ob_int_from_long_long(v); }
static KnObject *s(const char *v) { return ob_str_from_cstr(v); }

/* "3.11.2 (main, Nov 25 2026, 21:17:02) [Kiln 0.1.0, GCC 12.2.0]" — the
 * shape CPython prints (platform.python_build() parses the brackets). */
static KnObject *version_string(void)
{
    const char *date = __DATE__;         /* "Nov 25 2026" */
    char buf[200];
#ifdef __VERSION__
    const char *cc = "GCC " __VERSION__;
#else
    const char *cc = "unknown compiler";
#endif
    snprintf(buf, sizeof buf, "%d.%d.%d (main, %.6s %s, %s) [Kiln %s, %s]", PY_MAJOR,
             PY_MINOR, PY_MICRO, date, date + 7, __TIME__, KILN_VERSION, cc);
    return s(buf);
}

static KnObject *make_seq(const char *name, const char *const *fields, KnObject *const *values)
{
    KnTypeObject *t = jit_structseq_new_type(name, fields);
    for (int k = 0; fields[k] != NULL; k++)
        if (values[k] == NULL)
            return NULL;
    return t == NULL ? NULL : jit_structseq_new(t, values);
}

static KnObject *version_info(void)
{
    static const char *const f[] = { "major", "minor", "micro", "releaselevel", "serial", NULL };
    KnObject *v[] = { i(PY_MAJOR), i(PY_MINOR), i(PY_MICRO), s("final"), i(0) };
    return make_seq("sys.version_info", f, v);
}

static KnObject *flags(const jit_config *c)
{
    static const char *const f[] = {
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
        "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
        "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
        "warn_default_encoding", "safe_path", "int_max_str_digits", NULL,
    };
    const char *seed = c->ignore_environment ? NULL : getenv("PYTHONHASHSEED");
    int randomized = !(seed != NULL && strcmp(seed, "0") == 0);
    KnObject *v[] = {
        i(c->debug), i(c->inspect), i(c->interactive), i(c->optimize),
        i(c->dont_write_bytecode), i(c->no_user_site), i(c->no_site),
        i(c->ignore_environment), i(c->verbose), i(c->bytes_warning), i(c->quiet),
        i(randomized), i(c->isolated), KN_BOOL(c->dev_mode), i(c->utf8_mode),
        i(c->warn_default_encoding), KN_BOOL(c->safe_path),
        i(c->int_max_str_digits ? c->int_max_str_digits : -1),
    };
    return make_seq("sys.flags", f, v);
}

static KnObject *float_info(void)
{
    static const char *const f[] = { "max", "max_exp", "max_10_exp", "min", "min_exp",
                                     "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
                                     "rounds", NULL };
    KnObject *v[] = {
        ob_float_from_double(DBL_MAX), i(DBL_MAX_EXP), i(DBL_MAX_10_EXP),
        ob_float_from_double(DBL_MIN), i(DBL_MIN_EXP), i(DBL_MIN_10_EXP), i(DBL_DIG),
        i(DBL_MANT_DIG), ob_float_from_double(DBL_EPSILON), i(FLT_RADIX), i(1),
    };
    return make_seq("sys.float_info", f, v);
}

static KnObject *int_info(void)
{
    static const char *const f[] = { "bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                     "str_digits_check_threshold", NULL };
    KnObject *v[] = { i(KN_INT_SHIFT), i(sizeof(kn_digit)), i(4300), i(640) };
    return make_seq("sys.int_info", f, v);
}

static KnObject *hash_info(void)
{
    static const char *const f[] = { "width", "modulus", "inf", "nan", "imag", "algorithm",
                                     "hash_bits", "seed_bits", "cutoff", NULL };
    KnObject *v[] = { i(64), i((1LL << 61) - 1), i(314159), i(0), i(1000003), s("siphash13"),
                      i(64), i(128), i(0) };
    return make_seq("sys.hash_info", f, v);
}

static KnObject *thread_info(void)
{
    static const char *const f[] = { "name", "lock", "version", NULL };
    char buf[64] = "NPTL";
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    confstr(_CS_GNU_LIBPTHREAD_VERSION, buf, sizeof buf);
#endif
    KnObject *v[] = { s("pthread"), s("semaphore"), s(buf) };
    return make_seq("sys.thread_info", f, v);
}

static KnObject *implementation(KnObject *vinfo)
{
    KnObject *d = ob_dict_new();
    if (d == NULL || set(d, "name", s("kiln")) < 0 || set(d, "cache_tag", s("kiln-311")) < 0
        || set(d, "version", vinfo) < 0 || set(d, "hexversion", i(PY_HEXVERSION)) < 0
        || set(d, "_multiarch", s("x86_64-linux-gnu")) < 0
        || set(d, "kiln_version", s(KILN_VERSION)) < 0)
        return NULL;
    return jit_namespace_new(d);
}

static KnObject *stdlib_names(void)
{
    static const char *const names[] = {
#define X(n) n,
#include "sys_stdlib_names.def"
#undef X
        NULL,
    };
    if (&ob_frozenset_type == NULL)
        return KN_None;     /* set.c not linked in yet: no frozenset to hold them */
    KnObject *l = ob_list_new(0);
    if (l == NULL)
        return NULL;
    for (int k = 0; names[k] != NULL; k++)
        if (ob_list_append(l, ob_str_intern_cstr(names[k])) < 0)
            return NULL;
    return ob_frozenset_new(l);
}

/* A standard stream, or None when its fd is not open (CPython's rule). */
static KnObject *stream(int fd, const char *name, int writable, int buffering)
{
    if (fcntl(fd, F_GETFD) == -1 && errno == EBADF)
        return KN_None;
    return jit_stdio_new(fd, name, writable, buffering);
}

static int add_streams(KnObject *d, const jit_config *c)
{
    /* stdout: line-buffered on a terminal, block-buffered otherwise;
     * stderr: always line-buffered (CPython 3.9+); -u: both write through. */
    KnObject *in = stream(0, "<stdin>", 0, JIT_STDIO_LINE);
    KnObject *out = stream(1, "<stdout>", 1, c->unbuffered ? JIT_STDIO_UNBUFFERED
                           : isatty(1) ? JIT_STDIO_LINE : JIT_STDIO_FULL);
    KnObject *err = stream(2, "<stderr>", 1, c->unbuffered ? JIT_STDIO_UNBUFFERED
                           : JIT_STDIO_LINE);
    if (in == NULL || out == NULL || err == NULL)
        return -1;
    if (set(d, "stdin", in) < 0 || set(d, "stdout", out) < 0 || set(d, "stderr", err) < 0
        || set(d, "__stdin__", in) < 0 || set(d, "__stdout__", out) < 0
        || set(d, "__stderr__", err) < 0)
        return -1;
    return 0;
}

int jit_sys_add_info(KnObject *sys)
{
    const jit_config *c = jit_get_config();
    KnObject *d = ob_module_get_dict(sys);
    KnObject *vinfo = version_info();
    if (set(d, "version", version_string()) < 0 || set(d, "version_info", vinfo) < 0
        || set(d, "hexversion", i(PY_HEXVERSION)) < 0
        || set(d, "implementation", implementation(vinfo)) < 0
        || set(d, "flags", flags(c)) < 0 || set(d, "float_info", float_info()) < 0
        || set(d, "int_info", int_info()) < 0 || set(d, "hash_info", hash_info()) < 0
        || set(d, "thread_info", thread_info()) < 0
        || set(d, "stdlib_module_names", stdlib_names()) < 0)
        return -1;
    return add_streams(d, c);
}
