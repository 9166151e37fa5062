/*
 * test_sre.c — the _sre module against python3.11: pattern code made by
 * python3.11's compiler (sre_cases.inc from gen_sre_cases.py) is compiled
 * with _sre.compile and run with search / match / fullmatch / findall /
 * finditer / split / subn; the repr of every result must equal
 * python3.11's (400 of the patterns are random).  Plus deep patterns (no C recursion) and the object API.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"

KnObject *kn_init__sre(void);

typedef struct SrePat {
    const char *pattern;
    int plen;
    int isbytes;
    int flags;
    const uint32_t *code;
    int codelen;
    int groups;
    const char *const *names;     /* index -> name or NULL, groups + 1 entries */
} SrePat;

typedef struct SreCase {
    int pat;
    const char *subject;
    int slen;
    char op;
    int pos, endpos;
    const char *repl;
    int rlen;
    const char *expect;
} SreCase;

#define SRE_CODE
#include "sre_cases.inc"
#undef SRE_CODE
#define SRE_PATTERNS
static const SrePat pats[] = {
#include "sre_cases.inc"
};
#undef SRE_PATTERNS
static const SreCase cases[] = {
#include "sre_cases.inc"
};

#define SRE_CASE_TABLES
#include "sre_cases.inc"
#undef SRE_CASE_TABLES

static KnObject *mod;

static KnObject *text(const char *s, int n, int isbytes)
{
    return isbytes ? ob_bytes_from_data(s, n) : ob_str_from_utf8(s, n);
}

static KnObject *compile_pat(const SrePat *p)
{
    KnObject *code = ob_list_new(0), *gi = ob_dict_new(), *ig = ob_tuple_new(p->groups + 1);
    for (int i = 0; i < p->codelen; i++)
        ob_list_append(code, ob_int_from_unsigned_long_long(p->code[i]));
    for (int i = 0; i <= p->groups; i++) {
        KnObject *name = p->names[i] ? ob_str_from_cstr(p->names[i]) : KN_None;
        KN_TUPLE_SET(ig, i, name);
        if (p->names[i])
            ob_dict_setitem(gi, name, ob_int_from_ssize(i));
    }
    KnObject *args[6] = { text(p->pattern, p->plen, p->isbytes), ob_int_from_ssize(p->flags),
                          code, ob_int_from_ssize(p->groups), gi, ig };
    return ob_vectorcall(ob_getattr_str(mod, "compile"), args, 6, NULL);
}

static KnObject *call(KnObject *o, const char *name, int n, ...)
{
    KnObject *args[4];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, KnObject *);
    va_end(ap);
    KnObject *f = ob_getattr_str(o, name);
    return f == NULL ? NULL : ob_vectorcall(f, args, (size_t)n, NULL);
}

static KnObject *match_summary(KnObject *m, int with_group)
{
    if (m == NULL || m == KN_None)
        return m;
    KnObject *regs = ob_getattr_str(m, "regs"), *li = ob_getattr_str(m, "lastindex");
    if (!with_group)
        return ob_tuple_pack(2, regs, li);
    return ob_tuple_pack(3, regs, li, ob_getattr_str(m, "lastgroup"));
}

static KnObject *run_case(KnObject *pat, const SrePat *p, const SreCase *c)
{
    KnObject *s = text(c->subject, c->slen, p->isbytes);
    KnObject *pos = ob_int_from_ssize(c->pos), *endpos = ob_int_from_ssize(c->endpos);
    switch (c->op) {
    case 's': return match_summary(call(pat, "search", 3, s, pos, endpos), 1);
    case 'm': return match_summary(call(pat, "match", 3, s, pos, endpos), 1);
    case 'f': return match_summary(call(pat, "fullmatch", 3, s, pos, endpos), 1);
    case 'a': return call(pat, "findall", 3, s, pos, endpos);
    case 'p': return call(pat, "split", 2, s, pos);
    case 'r': return call(pat, "subn", 3, text(c->repl, c->rlen, p->isbytes), s, pos);
    case 'i': {
        KnObject *it = call(pat, "finditer", 3, s, pos, endpos);
        if (it == NULL)
            return NULL;
        KnObject *list = ob_list_new(0), *m;
        while ((m = ob_iter_next(it)) != NULL)
            ob_list_append(list, match_summary(m, 0));
        return ob_err_occurred() ? NULL : list;
    }
    default:
        return NULL;
    }
}

static void test_cases(void **state)
{
    (void)state;
    size_t npat = sizeof pats / sizeof pats[0], n = sizeof cases / sizeof cases[0], bad = 0;
    /* a list, so that the collector sees the patterns */
    KnObject *keep = ob_list_new(0);
    for (size_t i = 0; i < npat; i++) {
        KnObject *cp = compile_pat(&pats[i]);
        ob_list_append(keep, cp != NULL ? cp : KN_None);
        if (cp == NULL) {
            ob_err_clear();
            printf("pattern %zu did not compile\n", i);
            bad++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const SreCase *c = &cases[i];
        KnObject *cp = KN_LIST_ITEMS(keep)[c->pat];
        if (cp == KN_None)
            continue;
        KnObject *r = run_case(cp, &pats[c->pat], c);
        const char *got;
        char buf[128];
        if (r == NULL) {
            KnObject *e = ob_err_fetch();
            snprintf(buf, sizeof buf, "E:%s", ob_type_name(KN_TYPE(e)));
            got = buf;
            if (bad < 5 && strcmp(buf, c->expect) != 0) {
                KnObject *msg = ob_str(e);
                printf("  (%s)\n", msg ? ob_str_as_utf8(msg, NULL) : "?");
            }
        } else {
            got = ob_str_as_utf8(ob_repr(r), NULL);
        }
        if (strcmp(got, c->expect) != 0) {
            if (bad++ < 25)
                printf("case %zu: pattern %d %s (flags %d) op %c pos %d endpos %d subject "
                       "%.*s\n  got    %s\n  expect %s\n",
                       i, c->pat, pats[c->pat].pattern, pats[c->pat].flags, c->op, c->pos,
                       c->endpos, c->slen, c->subject, got, c->expect);
        }
    }
    printf("%zu patterns, %zu sre cases, %zu wrong\n", npat, n, bad);
    assert_int_equal(bad, 0);
}

static int int_of(KnObject *o)
{
    assert_non_null(o);
    return (int)ob_int_as_ssize(o);
}

/* _sre.unicode_iscased / unicode_tolower over every code point. */
static void test_case_helpers(void **state)
{
    (void)state;
    KnObject *iscased = ob_getattr_str(mod, "unicode_iscased");
    KnObject *tolower = ob_getattr_str(mod, "unicode_tolower");
    size_t nr = sizeof iscased_ranges / sizeof iscased_ranges[0], r = 0;
    size_t np = sizeof tolower_pairs / sizeof tolower_pairs[0], q = 0;
    int bad = 0;
    for (uint32_t c = 0; c < 0x110000; c++) {
        while (r < nr && iscased_ranges[r][1] < c)
            r++;
        int want = r < nr && iscased_ranges[r][0] <= c;
        KnObject *arg = ob_int_from_ssize(c);
        KnObject *got = ob_call_onearg(iscased, arg);
        if ((got == KN_True) != want && bad++ < 10)
            printf("unicode_iscased(%#x) wrong\n", c);
        uint32_t lower = c;
        if (q < np && tolower_pairs[q][0] == c)
            lower = tolower_pairs[q++][1];
        if ((uint32_t)int_of(ob_call_onearg(tolower, arg)) != lower && bad++ < 10)
            printf("unicode_tolower(%#x) wrong\n", c);
    }
    assert_int_equal(bad, 0);
}

static KnObject *compile_text(const char *pattern, const uint32_t *code, int n, int groups)
{
    SrePat p = { pattern, (int)strlen(pattern), 0, 32, code, n, groups, NULL };
    const char *names[4] = { NULL, NULL, NULL, NULL };
    p.names = names;
    return compile_pat(&p);
}

/* Repeats of groups over a long subject: the backtracking state lives on
 * the heap, so this neither recurses nor overflows the C stack. */
static void test_deep(void **state)
{
    (void)state;
    /* (?:(a)|b)*c  — python3.11: re._compiler._code(re._parser.parse('(?:(a)|b)*c'), 0) */
    static const uint32_t code[] = { 14u, 4u, 0u, 1u, 4294967295u, 23u, 19u, 0u, 4294967295u,
                                     7u, 9u, 17u, 0u, 16u, 97u, 17u, 1u, 15u, 7u, 5u, 16u,
                                     98u, 15u, 2u, 0u, 18u, 16u, 99u, 1u };
    KnObject *p = compile_text("(?:(a)|b)*c", code, sizeof code / sizeof code[0], 1);
    assert_non_null(p);
    size_t n = 100000;
    char *buf = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        buf[i] = i % 3 ? 'a' : 'b';
    buf[n - 1] = 'c';
    KnObject *s = ob_str_from_utf8(buf, (kn_ssize_t)n);
    KnObject *m = call(p, "match", 1, s);
    assert_non_null(m);
    assert_true(m != KN_None);
    KnObject *span = call(m, "span", 1, ob_int_from_ssize(1));
    assert_int_equal(int_of(KN_TUPLE_GET(span, 0)), (int)n - 2);
    /* no 'c' at the end: every alternative is retried, still no recursion */
    buf[n - 1] = 'a';
    s = ob_str_from_utf8(buf, (kn_ssize_t)n);
    assert_true(call(p, "match", 1, s) == KN_None);
    free(buf);
}

/* Pattern / Match objects: repr, groups by name, errors, callable repl. */
static void test_objects(void **state)
{
    (void)state;
    /* (?P<x>a)(?P<y>b)? */
    static const uint32_t code[] = { 14u, 8u, 1u, 1u, 2u, 1u, 0u, 97u, 0u, 17u, 0u, 16u, 97u,
                                     17u, 1u, 23u, 9u, 0u, 1u, 17u, 2u, 16u, 98u, 17u, 3u, 18u,
                                     1u };
    SrePat sp = { "(?P<x>a)(?P<y>b)?", 17, 0, 32, code, sizeof code / sizeof code[0], 2, NULL };
    const char *names[] = { NULL, "x", "y" };
    sp.names = names;
    KnObject *p = compile_pat(&sp);
    assert_non_null(p);
    assert_string_equal(ob_str_as_utf8(ob_repr(p), NULL), "re.compile('(?P<x>a)(?P<y>b)?')");
    KnObject *m = call(p, "search", 1, ob_str_from_cstr("zab"));
    assert_non_null(m);
    assert_string_equal(ob_str_as_utf8(ob_repr(m), NULL),
                        "<re.Match object; span=(1, 3), match='ab'>");
    assert_string_equal(ob_str_as_utf8(call(m, "group", 1, ob_str_from_cstr("y")), NULL), "b");
    assert_string_equal(ob_str_as_utf8(ob_repr(call(m, "groupdict", 0)), NULL),
                        "{'x': 'a', 'y': 'b'}");
    assert_string_equal(ob_str_as_utf8(ob_getattr_str(m, "lastgroup"), NULL), "y");
    assert_null(call(m, "group", 1, ob_int_from_ssize(3)));
    KnObject *e = ob_err_fetch();
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), "no such group");
    /* a bytes subject for a str pattern */
    assert_null(call(p, "match", 1, ob_bytes_from_data("a", 1)));
    e = ob_err_fetch();
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL),
                        "cannot use a string pattern on a bytes-like object");
    assert_null(call(p, "match", 1, ob_int_from_ssize(1)));
    e = ob_err_fetch();
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL),
                        "expected string or bytes-like object, got 'int'");
    /* sub with a callable: the builtin repr gives each match's text */
    KnObject *r = call(p, "sub", 2, ob_getattr_str(m, "__class__"), ob_str_from_cstr("ab"));
    assert_null(r);         /* re.Match() cannot be called: TypeError */
    ob_err_clear();
    /* a long match is cut to 50 characters of repr */
    static const uint32_t dotstar[] = { 14u, 4u, 0u, 0u, 4294967295u, 24u, 5u, 0u,
                                        4294967295u, 2u, 1u, 1u };
    KnObject *ds = compile_text(".*", dotstar, sizeof dotstar / sizeof dotstar[0], 0);
    char big[101];
    memset(big, 'x', 100);
    big[100] = 0;
    m = call(ds, "match", 1, ob_str_from_cstr(big));
    assert_string_equal(ob_str_as_utf8(ob_repr(m), NULL),
                        "<re.Match object; span=(0, 100), "
                        "match='xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx>");
    /* equal code and pattern: equal and same hash */
    KnObject *ds2 = compile_text(".*", dotstar, sizeof dotstar / sizeof dotstar[0], 0);
    assert_int_equal(ob_richcompare_bool(ds, ds2, KN_EQ), 1);
    assert_true(ob_hash(ds) == ob_hash(ds2));
    assert_int_equal(ob_richcompare_bool(ds, p, KN_EQ), 0);
}

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (mod = kn_init__sre()) == NULL)
        return -1;
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_case_helpers),
        cmocka_unit_test(test_deep),
        cmocka_unit_test(test_objects),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
