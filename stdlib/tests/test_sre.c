/*
 * test_sre.c — the _sre module against python3.11: pattern code made by
 * python3.11's compiler (sre_cases.inc from gen_sre_cases.py) is compiled
 * with _sre.compile and run with search / match / fullmatch / findall /
 * finditer / split / subn; the repr of every result must equal
 * python3.11's.  Plus deep patterns (no C recursion) and the object API.
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
            if (bad < 5) {
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
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
