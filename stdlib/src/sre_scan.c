/*
 * sre_scan.c — the Pattern methods that walk the subject match after
 * match (findall, finditer, scanner, split, sub, subn) and the
 * SRE_Scanner object.
 */
#include <string.h>

#include "libgc/gc.h"
#include "libobject/iter.h"
#include "sre_internal.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

/* The hook libjit registers for `import name` (libobject/src/type_new.h;
 * not in the public headers). */
extern KnClassHooks ob_type_hooks;

KnObject *sre_re_function(const char *name)
{
    if (ob_type_hooks.import_module == NULL) {
        ob_err_format(ob_exc_NotImplementedError,
                      "re.%s is needed (template expansion) but no import system is running",
                      name);
        return NULL;
    }
    KnObject *re = ob_type_hooks.import_module(ob_str_intern_cstr("re"));
    return re == NULL ? NULL : ob_getattr_str(re, name);
}

/* Parse (string, pos, endpos) and set up the state. */
static int scan_args(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw,
                     const char *name, SreState *st, SreSubject *subj, KnObject **string)
{
    static const char *const names[] = { "string", "pos", "endpos", NULL };
    KnArgSpec spec = { name, names, 1, 3, 0 };
    KnObject *a[3];
    kn_ssize_t pos, endpos;
    if (ob_args_parse(&spec, args, n, kw, a) < 0 || sre_pos_args(a[1], a[2], &pos, &endpos) < 0)
        return -1;
    *string = a[0];
    return sre_state_init(st, (SrePattern *)self, a[0], pos, endpos, subj);
}

/* Search from st->start; after a hit the next attempt starts at its end
 * and must advance when it was empty. */
static int next_hit(SreState *st)
{
    sre_state_reset(st);
    st->ptr = st->start;
    return sre_search(st);
}

static void step_past(SreState *st)
{
    st->must_advance = st->ptr == st->start;
    st->start = st->ptr;
}

/* Group i's text (1-based), or `missing` when it did not take part. */
static KnObject *state_group(SreState *st, KnObject *string, kn_ssize_t i, KnObject *missing)
{
    kn_ssize_t j = 2 * (i - 1);
    if (j + 1 > st->lastmark || st->marks[j] < 0 || st->marks[j + 1] < 0)
        return missing != NULL ? missing : sre_getslice(st, string, 0, 0);
    if (st->marks[j] > st->marks[j + 1]) {
        /* CPython's check: a stale mark of a failed path (see NOTES-sre) */
        ob_err_set_string(ob_exc_SystemError, "The span of capturing group is wrong, please "
                                              "report a bug for the re module.");
        return NULL;
    }
    return sre_getslice(st, string, st->marks[j], st->marks[j + 1]);
}

KnObject *sre_pattern_findall(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    SrePattern *p = (SrePattern *)self;
    SreState st;
    SreSubject subj;
    KnObject *string;
    if (scan_args(self, args, n, kw, "findall", &st, &subj, &string) < 0)
        return NULL;
    KnObject *list = ob_list_new(0), *result = NULL;
    if (list == NULL)
        goto done;
    for (;;) {
        int r = next_hit(&st);
        if (r < 0)
            goto done;
        if (r == 0)
            break;
        KnObject *item;
        if (p->groups == 0) {
            item = sre_getslice(&st, string, st.start, st.ptr);
        } else if (p->groups == 1) {
            item = state_group(&st, string, 1, NULL);
        } else {
            item = ob_tuple_new(p->groups);
            for (kn_ssize_t i = 0; item != NULL && i < p->groups; i++) {
                KnObject *g = state_group(&st, string, i + 1, NULL);
                if (g == NULL)
                    goto done;
                KN_TUPLE_SET(item, i, g);
            }
        }
        if (item == NULL || ob_list_append(list, item) < 0)
            goto done;
        step_past(&st);
    }
    result = list;
done:
    sre_state_fini(&subj);
    return result;
}

KnObject *sre_pattern_split(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    static const char *const names[] = { "string", "maxsplit", NULL };
    static const KnArgSpec spec = { "split", names, 1, 2, 0 };
    KnObject *a[2];
    if (ob_args_parse(&spec, args, n, kw, a) < 0)
        return NULL;
    kn_ssize_t maxsplit = 0;
    if (a[1] != NULL) {
        maxsplit = ob_number_as_ssize(a[1], ob_exc_OverflowError);
        if (maxsplit == -1 && ob_err_occurred())
            return NULL;
    }
    SrePattern *p = (SrePattern *)self;
    SreState st;
    SreSubject subj;
    KnObject *string = a[0];
    if (sre_state_init(&st, p, string, 0, (kn_ssize_t)(SIZE_MAX >> 1), &subj) < 0)
        return NULL;
    KnObject *list = ob_list_new(0), *result = NULL;
    if (list == NULL)
        goto done;
    kn_ssize_t last = st.start, count = 0;
    while (!maxsplit || count < maxsplit) {
        int r = next_hit(&st);
        if (r < 0)
            goto done;
        if (r == 0)
            break;
        KnObject *item = sre_getslice(&st, string, last, st.start);
        if (item == NULL || ob_list_append(list, item) < 0)
            goto done;
        for (kn_ssize_t i = 1; i <= p->groups; i++) {
            item = state_group(&st, string, i, KN_None);
            if (item == NULL || ob_list_append(list, item) < 0)
                goto done;
        }
        count++;
        step_past(&st);
        last = st.start;
    }
    KnObject *tail = sre_getslice(&st, string, last, st.endpos);
    if (tail == NULL || ob_list_append(list, tail) < 0)
        goto done;
    result = list;
done:
    sre_state_fini(&subj);
    return result;
}

/* Is the replacement free of backslashes (used as is)?  -1 on error. */
static int literal_repl(KnObject *repl)
{
    if (KN_STR_CHECK(repl)) {
        kn_ssize_t n = KN_STR_LEN(repl);
        for (kn_ssize_t i = 0; i < n; i++)
            if (KN_STR_READ(KN_STR_KIND(repl), KN_STR_DATA(repl), i) == '\\')
                return 0;
        return 1;
    }
    KnBufferProcs *bp = KN_TYPE(repl)->tp_as_buffer;
    KnBuffer view;
    if (bp == NULL || bp->bf_getbuffer == NULL) {
        ob_err_format(ob_exc_TypeError, "expected str instance, %s found",
                      ob_type_name(KN_TYPE(repl)));
        return -1;
    }
    if (bp->bf_getbuffer(repl, &view, 0) < 0)
        return -1;
    int lit = memchr(view.buf, '\\', (size_t)view.len) == NULL;
    if (bp->bf_releasebuffer != NULL)
        bp->bf_releasebuffer(repl, &view);
    return lit;
}

/* "".join(list) for two or more str pieces: the result's width comes from
 * the pieces' kinds (each piece is canonical, so its kind says which range
 * its widest character is in) instead of a scan of the result.  NULL
 * without an error when a piece is not a str (ob_str_join reports it). */
static KnObject *join_str_pieces(KnObject *list)
{
    kn_ssize_t n = KN_SIZE(list), total = 0;
    int kind = 1, ascii = 1;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *p = KN_LIST_ITEMS(list)[i];
        if (!KN_STR_CHECK(p) || KN_STR_KIND(p) == 0)
            return NULL;
        if (KN_STR_KIND(p) > kind)
            kind = KN_STR_KIND(p);
        if (!KN_STR_IS_ASCII(p) && KN_STR_LEN(p) > 0)
            ascii = 0;
        total += KN_STR_LEN(p);
    }
    uint32_t maxchar = kind == 4 ? 0x10ffff : kind == 2 ? 0xffff : ascii ? 0x7f : 0xff;
    KnObject *r = ob_str_new(total, maxchar);
    if (r == NULL)
        return NULL;
    char *out = KN_STR_DATA(r);
    kn_ssize_t at = 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *p = KN_LIST_ITEMS(list)[i];
        kn_ssize_t len = KN_STR_LEN(p);
        int pk = KN_STR_KIND(p);
        const void *pd = KN_STR_DATA(p);
        if (pk == kind) {
            memcpy(out + at * kind, pd, (size_t)len * (size_t)kind);
        } else {
            for (kn_ssize_t j = 0; j < len; j++)
                KN_STR_WRITE(kind, out, at + j, KN_STR_READ(pk, pd, j));
        }
        at += len;
    }
    return r;
}

static KnObject *join_pieces(SreState *st, KnObject *string, KnObject *list)
{
    KnObject *empty = sre_getslice(st, string, 0, 0);
    if (empty == NULL)
        return NULL;
    if (!st->isbytes) {
        if (KN_SIZE(list) >= 2) {
            KnObject *r = join_str_pieces(list);
            if (r != NULL || ob_err_occurred())
                return r;
        }
        return ob_str_join(empty, list);
    }
    if (KN_TYPE(empty) != &ob_bytes_type)
        empty = ob_bytes_from_data("", 0);
    return ob_call_method(empty, "join", 1, list);
}

/* A replacement template expanded here instead of by a Python call per
 * match.  re._subx returns, for a template with group references, its
 * closure `filter(match, template=(groups, literals))`, which calls
 * re._parser.expand_template: a copy of literals with each (index, group)
 * slot set to the group's text (or empty) and joined.  Appending the same
 * pieces to sub's own list gives the same string. */
typedef struct SubTemplate {
    KnObject *literals;     /* list: str/bytes, None at group slots */
    kn_ssize_t *group;      /* per literal slot: group number, -1 literal */
    kn_ssize_t n;
} SubTemplate;

/* Recognise _subx's filter and check its template; 0 (no error) when it
 * is something else, which is then called as usual. */
static int sub_template(SrePattern *p, KnObject *filter, KnObject *string, SubTemplate *t)
{
    int isbytes = KN_TYPE(string) == &ob_bytes_type;
    if (!isbytes && !KN_STR_CHECK_EXACT(string))
        return 0;
    KnObject *qn = ob_getattr_str(filter, "__qualname__");
    KnObject *defs = qn != NULL ? ob_getattr_str(filter, "__defaults__") : NULL;
    if (defs == NULL) {
        ob_err_clear();
        return 0;
    }
    if (!KN_STR_CHECK(qn) || !ob_str_equal_cstr(qn, "_subx.<locals>.filter") != 0 ||
        !KN_TUPLE_CHECK(defs) || KN_SIZE(defs) != 1)
        return 0;
    KnObject *tmpl = KN_TUPLE_ITEMS(defs)[0];
    if (!KN_TUPLE_CHECK(tmpl) || KN_SIZE(tmpl) != 2)
        return 0;
    KnObject *groups = KN_TUPLE_ITEMS(tmpl)[0], *lits = KN_TUPLE_ITEMS(tmpl)[1];
    if (!KN_LIST_CHECK(groups) || !KN_LIST_CHECK(lits))
        return 0;
    kn_ssize_t n = KN_SIZE(lits);
    kn_ssize_t *group = kgc_alloc_atomic((size_t)(n + 1) * sizeof(kn_ssize_t));
    if (group == NULL)
        return 0;
    for (kn_ssize_t i = 0; i < n; i++)
        group[i] = -1;
    for (kn_ssize_t k = 0; k < KN_SIZE(groups); k++) {
        KnObject *g = KN_LIST_ITEMS(groups)[k];
        if (!KN_TUPLE_CHECK(g) || KN_SIZE(g) != 2 || !KN_INT_CHECK(KN_TUPLE_ITEMS(g)[0]) ||
            !KN_INT_CHECK(KN_TUPLE_ITEMS(g)[1]))
            return 0;
        kn_ssize_t slot = ob_int_as_ssize(KN_TUPLE_ITEMS(g)[0]);
        kn_ssize_t num = ob_int_as_ssize(KN_TUPLE_ITEMS(g)[1]);
        if (ob_err_occurred()) {
            ob_err_clear();
            return 0;
        }
        /* a later pair for the same slot wins, as in expand_template */
        if (slot < 0 || slot >= n || num < 0 || num > p->groups)
            return 0;
        group[slot] = num;
    }
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *l = KN_LIST_ITEMS(lits)[i];
        if (group[i] >= 0 ? l != KN_None
                          : (isbytes ? KN_TYPE(l) != &ob_bytes_type : !KN_STR_CHECK_EXACT(l)))
            return 0;
    }
    t->literals = lits;
    t->group = group;
    t->n = n;
    return 1;
}

static KnObject *state_group(SreState *st, KnObject *string, kn_ssize_t i, KnObject *missing);

/* Append one match's expansion of t to list. */
static int sub_expand(SreState *st, KnObject *string, const SubTemplate *t, KnObject *list)
{
    for (kn_ssize_t i = 0; i < t->n && i < KN_SIZE(t->literals); i++) {
        KnObject *piece;
        if (t->group[i] < 0)
            piece = KN_LIST_ITEMS(t->literals)[i];
        else if (t->group[i] == 0)
            piece = sre_getslice(st, string, st->start, st->ptr);
        else
            piece = state_group(st, string, t->group[i], KN_None);
        if (piece == NULL)
            return -1;
        if (piece == KN_None || (KN_STR_CHECK(piece) ? KN_STR_LEN(piece) : KN_SIZE(piece)) == 0)
            continue;
        if (ob_list_append(list, piece) < 0)
            return -1;
    }
    return 0;
}

static KnObject *subx(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw,
                      const char *name, int with_count)
{
    static const char *const names[] = { "repl", "string", "count", NULL };
    KnArgSpec spec = { name, names, 2, 3, 0 };
    KnObject *a[3];
    if (ob_args_parse(&spec, args, n, kw, a) < 0)
        return NULL;
    kn_ssize_t maxcount = 0;
    if (a[2] != NULL) {
        maxcount = ob_number_as_ssize(a[2], ob_exc_OverflowError);
        if (maxcount == -1 && ob_err_occurred())
            return NULL;
    }
    KnObject *filter = a[0], *string = a[1];
    SubTemplate tmpl = { NULL, NULL, 0 };
    int native = 0;
    int callable = ob_callable_check(filter);
    if (!callable) {
        int lit = literal_repl(filter);
        if (lit < 0)
            return NULL;
        if (!lit) {
            KnObject *f = sre_re_function("_subx");
            if (f == NULL)
                return NULL;
            KnObject *sargs[2] = { self, filter };
            filter = ob_vectorcall(f, sargs, 2, NULL);
            if (filter == NULL)
                return NULL;
            callable = ob_callable_check(filter);
            if (callable && sub_template((SrePattern *)self, filter, string, &tmpl)) {
                native = 1;
                callable = 0;
            }
        }
    }
    SrePattern *p = (SrePattern *)self;
    SreState st;
    SreSubject subj;
    if (sre_state_init(&st, p, string, 0, (kn_ssize_t)(SIZE_MAX >> 1), &subj) < 0)
        return NULL;
    KnObject *list = ob_list_new(0), *result = NULL;
    kn_ssize_t i = 0, count = 0;
    if (list == NULL)
        goto done;
    while (!maxcount || count < maxcount) {
        int r = next_hit(&st);
        if (r < 0)
            goto done;
        if (r == 0)
            break;
        kn_ssize_t b = st.start, e = st.ptr;
        if (i < b) {
            KnObject *piece = sre_getslice(&st, string, i, b);
            if (piece == NULL || ob_list_append(list, piece) < 0)
                goto done;
        }
        KnObject *item = filter;
        if (native) {
            if (sub_expand(&st, string, &tmpl, list) < 0)
                goto done;
            item = KN_None;
        } else if (callable) {
            KnObject *m = sre_match_new(p, &st, string, 1);
            if (m == NULL)
                goto done;
            item = ob_call_onearg(filter, m);
            if (item == NULL)
                goto done;
        }
        if (item != KN_None && ob_list_append(list, item) < 0)
            goto done;
        i = e;
        count++;
        step_past(&st);
    }
    if (i < st.endpos) {
        KnObject *piece = sre_getslice(&st, string, i, st.endpos);
        if (piece == NULL || ob_list_append(list, piece) < 0)
            goto done;
    }
    KnObject *joined = join_pieces(&st, string, list);
    if (joined == NULL)
        goto done;
    result = with_count ? ob_tuple_pack(2, joined, ob_int_from_ssize(count)) : joined;
done:
    sre_state_fini(&subj);
    return result;
}

KnObject *sre_pattern_sub(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    return subx(self, args, n, kw, "sub", 0);
}

KnObject *sre_pattern_subn(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    return subx(self, args, n, kw, "subn", 1);
}

/* ---- the scanner ---- */

KnObject *sre_scanner_new(SrePattern *p, KnObject *string, kn_ssize_t pos, kn_ssize_t endpos)
{
    SreState st;
    SreSubject subj;
    /* checks the subject's type and clamps pos/endpos */
    if (sre_state_init(&st, p, string, pos, endpos, &subj) < 0)
        return NULL;
    sre_state_fini(&subj);
    SreScanner *s = (SreScanner *)ob_type_generic_alloc(&sre_scanner_type, 0);
    if (s == NULL)
        return NULL;
    s->pattern = p;
    s->string = string;
    s->pos = s->origpos = st.start;
    s->endpos = st.end;
    return (KnObject *)s;
}

static KnObject *scanner_step(KnObject *self, int search)
{
    SreScanner *s = (SreScanner *)self;
    if (s->exhausted)
        return KN_None;
    SreState st;
    SreSubject subj;
    if (sre_state_init(&st, s->pattern, s->string, 0, s->endpos, &subj) < 0)
        return NULL;
    st.start = s->pos;
    st.must_advance = s->must_advance;
    st.ptr = st.start;
    int r = search ? sre_search(&st) : sre_match(&st);
    KnObject *m = NULL;
    if (r >= 0) {
        st.pos = s->origpos;
        m = sre_match_new(s->pattern, &st, s->string, r);
        if (m != NULL && r == 0) {
            s->exhausted = 1;
        } else if (m != NULL) {
            s->must_advance = st.ptr == st.start;
            s->pos = st.ptr;
        }
    }
    sre_state_fini(&subj);
    return m;
}

static KnObject *scanner_match(KnObject *self, KnObject *unused)
{
    (void)unused;
    return scanner_step(self, 0);
}

static KnObject *scanner_search(KnObject *self, KnObject *unused)
{
    (void)unused;
    return scanner_step(self, 1);
}

static KnObject *scanner_get_pattern(KnObject *self, void *c)
{
    (void)c;
    return (KnObject *)((SreScanner *)self)->pattern;
}

static KnMethodDef scanner_methods[] = {
    {"match", FC(scanner_match), KN_METH_NOARGS, NULL},
    {"search", FC(scanner_search), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef scanner_getset[] = {
    {"pattern", scanner_get_pattern, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject sre_scanner_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_sre.SRE_Scanner",
    .tp_basicsize = sizeof(SreScanner),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = scanner_methods,
    .tp_getset = scanner_getset,
};

static KnObject *scanner_from_args(KnObject *self, KnObject *const *args, kn_ssize_t n,
                                   KnObject *kw, const char *name)
{
    static const char *const names[] = { "string", "pos", "endpos", NULL };
    KnArgSpec spec = { name, names, 1, 3, 0 };
    KnObject *a[3];
    kn_ssize_t pos, endpos;
    if (ob_args_parse(&spec, args, n, kw, a) < 0 || sre_pos_args(a[1], a[2], &pos, &endpos) < 0)
        return NULL;
    return sre_scanner_new((SrePattern *)self, a[0], pos, endpos);
}

KnObject *sre_pattern_scanner(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    return scanner_from_args(self, args, n, kw, "scanner");
}

KnObject *sre_pattern_finditer(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    KnObject *s = scanner_from_args(self, args, n, kw, "finditer");
    if (s == NULL)
        return NULL;
    KnObject *search = ob_getattr_str(s, "search");
    return search == NULL ? NULL : ob_calliter_new(search, KN_None);
}
