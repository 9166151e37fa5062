/*
 * sre_match.c — the Match object: group(s), groupdict, start/end/span,
 * expand, regs, lastindex, lastgroup, string, re, pos, endpos, [], repr.
 */
#include <string.h>

#include "libgc/gc.h"
#include "sre_internal.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

KnObject *sre_match_new(SrePattern *p, SreState *st, KnObject *string, int found)
{
    if (!found)
        return KN_None;
    SreMatch *m = (SreMatch *)ob_type_generic_alloc(&sre_match_type, 0);
    if (m == NULL)
        return NULL;
    m->ngroups = p->groups + 1;
    if (p->groups <= SRE_MATCH_INLINE_GROUPS)
        m->spans = m->spans_inline;
    else
        m->spans = kgc_alloc_atomic((size_t)m->ngroups * 2 * sizeof(kn_ssize_t));
    if (m->spans == NULL)
        return ob_err_nomemory();
    m->spans[0] = st->start;
    m->spans[1] = st->ptr;
    for (kn_ssize_t i = 0, j = 0; i < p->groups; i++, j += 2) {
        if (j + 1 <= st->lastmark && st->marks[j] >= 0 && st->marks[j + 1] >= 0) {
            m->spans[j + 2] = st->marks[j];
            m->spans[j + 3] = st->marks[j + 1];
            if (m->spans[j + 2] > m->spans[j + 3]) {
                ob_err_set_string(ob_exc_SystemError,
                                  "The span of capturing group is wrong, please report a bug "
                                  "for the re module.");
                return NULL;
            }
        } else {
            m->spans[j + 2] = m->spans[j + 3] = -1;
        }
    }
    m->string = string;
    m->pattern = p;
    m->pos = st->pos;
    m->endpos = st->endpos;
    m->lastindex = st->lastindex;
    return (KnObject *)m;
}

/* The group number of index (an int or a group name); -1 with IndexError. */
static kn_ssize_t group_index(SreMatch *m, KnObject *index)
{
    kn_ssize_t i = -1;
    if (KN_INT_CHECK(index) || (!KN_STR_CHECK(index) && ob_index_check(index))) {
        i = ob_number_as_ssize(index, NULL);
        if (i == -1 && ob_err_occurred()) {
            ob_err_clear();
            i = -1;
        }
    } else if (m->pattern->groupindex != NULL && KN_DICT_CHECK(m->pattern->groupindex)) {
        KnObject *v = ob_dict_getitem(m->pattern->groupindex, index);
        if (v == NULL && ob_err_occurred())
            return -1;
        if (v != NULL && KN_INT_CHECK(v))
            i = ob_int_as_ssize(v);
    }
    if (i < 0 || i >= m->ngroups) {
        ob_err_set_string(ob_exc_IndexError, "no such group");
        return -1;
    }
    return i;
}

/* string[span of group i], or def when the group did not take part. */
static KnObject *group_slice(SreMatch *m, kn_ssize_t i, KnObject *def)
{
    kn_ssize_t a = m->spans[2 * i], b = m->spans[2 * i + 1];
    if (a < 0 || m->string == KN_None)
        return def;
    if (KN_STR_CHECK(m->string)) {
        /* the common case, without setting up a subject state */
        kn_ssize_t len = KN_STR_LEN(m->string);
        return sre_str_slice(m->string, a < len ? a : len, b < len ? b : len);
    }
    SreState st;
    SreSubject subj;
    SrePattern any = *m->pattern;
    any.isbytes = -1;
    if (sre_state_init(&st, &any, m->string, 0, 0, &subj) < 0)
        return NULL;
    if (a > st.length)
        a = st.length;
    if (b > st.length)
        b = st.length;
    KnObject *r = sre_getslice(&st, m->string, a, b);
    sre_state_fini(&subj);
    return r;
}

static KnObject *group_by_object(SreMatch *m, KnObject *index, KnObject *def)
{
    kn_ssize_t i = group_index(m, index);
    return i < 0 ? NULL : group_slice(m, i, def);
}

static KnObject *match_group(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    SreMatch *m = (SreMatch *)self;
    if (n == 0)
        return group_slice(m, 0, KN_None);
    if (n == 1)
        return group_by_object(m, args[0], KN_None);
    KnObject *t = ob_tuple_new(n);
    if (t == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *g = group_by_object(m, args[i], KN_None);
        if (g == NULL)
            return NULL;
        KN_TUPLE_SET(t, i, g);
    }
    return t;
}

static KnObject *match_getitem(KnObject *self, KnObject *key)
{
    return group_by_object((SreMatch *)self, key, KN_None);
}

static KnObject *match_groups(KnObject *self, KnObject *const *args, kn_ssize_t n,
                              KnObject *kw)
{
    static const char *const names[] = { "default", NULL };
    static const KnArgSpec spec = { "groups", names, 0, 1, 0 };
    KnObject *a[1];
    if (ob_args_parse(&spec, args, n, kw, a) < 0)
        return NULL;
    SreMatch *m = (SreMatch *)self;
    KnObject *def = a[0] != NULL ? a[0] : KN_None;
    KnObject *t = ob_tuple_new(m->ngroups - 1);
    if (t == NULL)
        return NULL;
    for (kn_ssize_t i = 1; i < m->ngroups; i++) {
        KnObject *g = group_slice(m, i, def);
        if (g == NULL)
            return NULL;
        KN_TUPLE_SET(t, i - 1, g);
    }
    return t;
}

static KnObject *match_groupdict(KnObject *self, KnObject *const *args, kn_ssize_t n,
                                 KnObject *kw)
{
    static const char *const names[] = { "default", NULL };
    static const KnArgSpec spec = { "groupdict", names, 0, 1, 0 };
    KnObject *a[1];
    if (ob_args_parse(&spec, args, n, kw, a) < 0)
        return NULL;
    SreMatch *m = (SreMatch *)self;
    KnObject *def = a[0] != NULL ? a[0] : KN_None;
    KnObject *d = ob_dict_new();
    KnObject *gi = m->pattern->groupindex;
    if (d == NULL)
        return NULL;
    if (gi == NULL || !KN_DICT_CHECK(gi))
        return d;
    kn_ssize_t pos = 0;
    KnObject *k, *v;
    while (ob_dict_next(gi, &pos, &k, &v)) {
        KnObject *g = group_by_object(m, k, def);
        if (g == NULL || ob_dict_setitem(d, k, g) < 0)
            return NULL;
    }
    return d;
}

/* The group argument of start/end/span (default 0). */
static kn_ssize_t group_arg(SreMatch *m, KnObject *const *args, kn_ssize_t n, const char *name)
{
    if (n > 1) {
        ob_err_format(ob_exc_TypeError, "%s expected at most 1 argument, got %zd", name, n);
        return -1;
    }
    return n == 0 ? 0 : group_index(m, args[0]);
}

static KnObject *match_start(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    SreMatch *m = (SreMatch *)self;
    kn_ssize_t i = group_arg(m, args, n, "start");
    return i < 0 ? NULL : ob_int_from_ssize(m->spans[2 * i]);
}

static KnObject *match_end(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    SreMatch *m = (SreMatch *)self;
    kn_ssize_t i = group_arg(m, args, n, "end");
    return i < 0 ? NULL : ob_int_from_ssize(m->spans[2 * i + 1]);
}

static KnObject *span_of(SreMatch *m, kn_ssize_t i)
{
    return ob_tuple_pack(2, ob_int_from_ssize(m->spans[2 * i]),
                         ob_int_from_ssize(m->spans[2 * i + 1]));
}

static KnObject *match_span(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    SreMatch *m = (SreMatch *)self;
    kn_ssize_t i = group_arg(m, args, n, "span");
    return i < 0 ? NULL : span_of(m, i);
}

static KnObject *match_expand(KnObject *self, KnObject *template_)
{
    SreMatch *m = (SreMatch *)self;
    KnObject *f = sre_re_function("_expand");
    if (f == NULL)
        return NULL;
    KnObject *args[3] = { (KnObject *)m->pattern, self, template_ };
    return ob_vectorcall(f, args, 3, NULL);
}

static KnObject *match_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    return self;
}

static KnObject *match_deepcopy(KnObject *self, KnObject *memo)
{
    (void)memo;
    return self;
}

static KnObject *get_regs(KnObject *self, void *c)
{
    (void)c;
    SreMatch *m = (SreMatch *)self;
    if (m->regs != NULL)
        return m->regs;
    KnObject *t = ob_tuple_new(m->ngroups);
    if (t == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < m->ngroups; i++) {
        KnObject *s = span_of(m, i);
        if (s == NULL)
            return NULL;
        KN_TUPLE_SET(t, i, s);
    }
    m->regs = t;
    return t;
}

static KnObject *get_lastindex(KnObject *self, void *c)
{
    (void)c;
    SreMatch *m = (SreMatch *)self;
    return m->lastindex >= 0 ? ob_int_from_ssize(m->lastindex) : KN_None;
}

static KnObject *get_lastgroup(KnObject *self, void *c)
{
    (void)c;
    SreMatch *m = (SreMatch *)self;
    KnObject *ig = m->pattern->indexgroup;
    if (m->lastindex < 0 || ig == NULL || !KN_TUPLE_CHECK(ig) || m->lastindex >= KN_SIZE(ig))
        return KN_None;
    return KN_TUPLE_GET(ig, m->lastindex);
}

static KnObject *get_string(KnObject *self, void *c)
{
    (void)c;
    return ((SreMatch *)self)->string;
}

static KnObject *get_re(KnObject *self, void *c)
{
    (void)c;
    return (KnObject *)((SreMatch *)self)->pattern;
}

static KnObject *get_pos(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(((SreMatch *)self)->pos);
}

static KnObject *get_endpos(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(((SreMatch *)self)->endpos);
}

static KnObject *match_repr(KnObject *self)
{
    SreMatch *m = (SreMatch *)self;
    KnObject *g = group_slice(m, 0, KN_None);
    if (g == NULL)
        return NULL;
    return ob_str_from_format("<re.Match object; span=(%zd, %zd), match=%.50R>", m->spans[0],
                              m->spans[1], g);
}

/* Pattern[str] / Match[bytes]: a types.GenericAlias (PEP 585). */
static KnObject *class_getitem(KnObject *cls, KnObject *item)
{
    return ob_generic_alias_new(cls, item);
}

static KnMethodDef match_methods[] = {
    {"group", FC(match_group), KN_METH_FASTCALL,
     "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices "
     "or names.\n    For 0 returns the entire match."},
    {"start", FC(match_start), KN_METH_FASTCALL, "Return index of the start of the substring "
     "matched by group."},
    {"end", FC(match_end), KN_METH_FASTCALL, "Return index of the end of the substring matched "
     "by group."},
    {"span", FC(match_span), KN_METH_FASTCALL, "For match object m, return the 2-tuple "
     "(m.start(group), m.end(group))."},
    {"groups", FC(match_groups), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return a tuple containing all the subgroups of the match, from 1."},
    {"groupdict", FC(match_groupdict), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return a dictionary containing all the named subgroups of the match, keyed by the "
     "subgroup name."},
    {"expand", FC(match_expand), KN_METH_O,
     "Return the string obtained by doing backslash substitution on the string template, "
     "as done by the sub() method."},
    {"__copy__", FC(match_copy), KN_METH_NOARGS, NULL},
    {"__deepcopy__", FC(match_deepcopy), KN_METH_O, NULL},
    {"__class_getitem__", FC(class_getitem), KN_METH_O | KN_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef match_getset[] = {
    {"lastindex", get_lastindex, NULL, "The integer index of the last matched capturing group.",
     NULL},
    {"lastgroup", get_lastgroup, NULL, "The name of the last matched capturing group.", NULL},
    {"regs", get_regs, NULL, NULL, NULL},
    {"string", get_string, NULL, "The string passed to match() or search().", NULL},
    {"re", get_re, NULL, "The regular expression object.", NULL},
    {"pos", get_pos, NULL, "The index into the string at which the RE engine started looking "
     "for a match.", NULL},
    {"endpos", get_endpos, NULL, "The index into the string beyond which the RE engine will "
     "not go.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnMappingMethods match_as_mapping = {
    .mp_subscript = match_getitem,
};

KnTypeObject sre_match_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "re.Match",
    .tp_basicsize = sizeof(SreMatch),
    .tp_repr = match_repr,
    .tp_as_mapping = &match_as_mapping,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "The result of re.match() and re.search().\nMatch objects always have a boolean "
              "value of True.",
    .tp_methods = match_methods,
    .tp_getset = match_getset,
};
