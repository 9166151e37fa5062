/*
 * sre_pattern.c — _sre.compile() and the Pattern object: match, fullmatch,
 * search, attributes, repr, ==, hash, copy (findall / split / sub and the
 * scanner are in sre_scan.c).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "libgc/gc.h"
#include "sre_internal.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

/* ---- the subject ---- */

int sre_state_init(SreState *st, SrePattern *p, KnObject *string, kn_ssize_t pos,
                   kn_ssize_t endpos, SreSubject *subj)
{
    memset(st, 0, offsetof(SreState, marks_inline));
    memset(subj, 0, sizeof *subj);
    st->pat = p;
    if (KN_STR_CHECK(string)) {
        st->data = KN_STR_DATA(string);
        st->kind = KN_STR_KIND(string);
        st->length = KN_STR_LEN(string);
        st->isbytes = 0;
    } else {
        KnBufferProcs *bp = KN_TYPE(string)->tp_as_buffer;
        if (bp == NULL || bp->bf_getbuffer == NULL) {
            ob_err_format(ob_exc_TypeError, "expected string or bytes-like object, got '%s'",
                          ob_type_name(KN_TYPE(string)));
            return -1;
        }
        if (bp->bf_getbuffer(string, &subj->view, 0) < 0)
            return -1;
        subj->has_view = 1;
        st->data = subj->view.buf;
        st->kind = 1;
        st->length = subj->view.len;
        st->isbytes = 1;
    }
    if (p->isbytes == 0 && st->isbytes) {
        sre_state_fini(subj);
        ob_err_set_string(ob_exc_TypeError, "cannot use a string pattern on a bytes-like object");
        return -1;
    }
    if (p->isbytes == 1 && !st->isbytes) {
        ob_err_set_string(ob_exc_TypeError, "cannot use a bytes pattern on a string-like object");
        return -1;
    }
    if (pos < 0)
        pos = 0;
    else if (pos > st->length)
        pos = st->length;
    if (endpos < 0)
        endpos = 0;
    else if (endpos > st->length)
        endpos = st->length;
    st->pos = st->start = pos;
    st->endpos = st->end = endpos;
    st->code = p->code;
    st->codelen = p->codelen;
    st->nmarks = 2 * p->groups;
    if (st->nmarks < SRE_INLINE_MARKS) {
        st->marks = st->marks_inline;
    } else {
        st->marks = kgc_alloc_atomic((size_t)(st->nmarks + 1) * sizeof(kn_ssize_t));
        if (st->marks == NULL) {
            sre_state_fini(subj);
            ob_err_nomemory();
            return -1;
        }
    }
    st->data_stack = st->data_inline;
    st->capdata = SRE_INLINE_DATA;
    st->reps = st->reps_inline;
    st->capreps = SRE_INLINE_REPS;
    st->frames = st->frames_inline;
    st->capframes = SRE_INLINE_FRAMES;
    sre_state_reset(st);
    return 0;
}

void sre_state_fini(SreSubject *subj)
{
    if (subj->has_view) {
        KnObject *o = subj->view.obj;
        if (o != NULL && KN_TYPE(o)->tp_as_buffer && KN_TYPE(o)->tp_as_buffer->bf_releasebuffer)
            KN_TYPE(o)->tp_as_buffer->bf_releasebuffer(o, &subj->view);
        subj->has_view = 0;
    }
}

KnObject *sre_str_slice(KnObject *s, kn_ssize_t i, kn_ssize_t j)
{
    kn_ssize_t len = KN_STR_LEN(s);
    if (i < 0)
        i = 0;
    if (j > len)
        j = len;
    /* An ASCII subject's slices are ASCII: copy without looking for the
     * widest character.  Empty and one-character slices, and the whole
     * string, keep ob_str_substring's shared objects. */
    if (j - i > 1 && j - i < len && KN_STR_IS_ASCII(s) && KN_STR_IS_COMPACT(s)) {
        KnObject *r = ob_str_new(j - i, 0x7f);
        if (r != NULL)
            memcpy(KN_STR_DATA(r), (const char *)KN_STR_DATA(s) + i, (size_t)(j - i));
        return r;
    }
    return ob_str_substring(s, i, j);
}

KnObject *sre_getslice(SreState *st, KnObject *string, kn_ssize_t i, kn_ssize_t j)
{
    if (st->isbytes) {
        if (KN_BYTES_CHECK(string) && KN_TYPE(string) == &ob_bytes_type && i == 0 &&
            j == KN_SIZE(string))
            return string;
        return ob_bytes_from_data((const char *)st->data + i, j - i);
    }
    return sre_str_slice(string, i, j);
}

int sre_pos_args(KnObject *pos, KnObject *endpos, kn_ssize_t *p, kn_ssize_t *e)
{
    *p = 0;
    *e = (kn_ssize_t)(SIZE_MAX >> 1);
    if (pos != NULL) {
        *p = ob_number_as_ssize(pos, ob_exc_OverflowError);
        if (*p == -1 && ob_err_occurred())
            return -1;
    }
    if (endpos != NULL) {
        *e = ob_number_as_ssize(endpos, ob_exc_OverflowError);
        if (*e == -1 && ob_err_occurred())
            return -1;
    }
    return 0;
}

/* ---- match / fullmatch / search ---- */

static KnObject *do_match(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw,
                          const char *name, int mode)
{
    static const char *const names[] = { "string", "pos", "endpos", NULL };
    KnArgSpec spec = { name, names, 1, 3, 0 };
    KnObject *a[3] = { NULL, NULL, NULL };
    kn_ssize_t pos, endpos;
    if (n == 1 && (kw == NULL || KN_SIZE(kw) == 0))
        a[0] = args[0];         /* the common call: just the subject */
    else if (ob_args_parse(&spec, args, n, kw, a) < 0)
        return NULL;
    if (sre_pos_args(a[1], a[2], &pos, &endpos) < 0)
        return NULL;
    SrePattern *p = (SrePattern *)self;
    SreState st;
    SreSubject subj;
    if (sre_state_init(&st, p, a[0], pos, endpos, &subj) < 0)
        return NULL;
    int r;
    if (mode == 2) {
        r = sre_search(&st);
    } else {
        st.match_all = mode == 1;
        r = sre_match(&st);
    }
    KnObject *m = r < 0 ? NULL : sre_match_new(p, &st, a[0], r);
    sre_state_fini(&subj);
    return m;
}

static KnObject *pattern_match(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    return do_match(self, args, n, kw, "match", 0);
}

static KnObject *pattern_fullmatch(KnObject *self, KnObject *const *args, kn_ssize_t n,
                                   KnObject *kw)
{
    return do_match(self, args, n, kw, "fullmatch", 1);
}

static KnObject *pattern_search(KnObject *self, KnObject *const *args, kn_ssize_t n,
                                KnObject *kw)
{
    return do_match(self, args, n, kw, "search", 2);
}

/* ---- compile ---- */

KnObject *sre_pattern_compile(KnObject *pattern, int flags, KnObject *code, kn_ssize_t groups,
                              KnObject *groupindex, KnObject *indexgroup)
{
    if (!KN_LIST_CHECK(code)) {
        ob_err_format(ob_exc_TypeError, "compile() argument 'code' must be list, not %s",
                      ob_type_name(KN_TYPE(code)));
        return NULL;
    }
    if (groups < 0 || groups > SRE_MAXGROUPS) {
        ob_err_set_string(ob_exc_RuntimeError, "invalid SRE code");
        return NULL;
    }
    SrePattern *p = (SrePattern *)ob_type_generic_alloc(&sre_pattern_type, 0);
    if (p == NULL)
        return NULL;
    kn_ssize_t n = KN_SIZE(code);
    p->code = kgc_alloc_atomic((size_t)(n + 1) * sizeof(uint32_t));
    if (p->code == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *o = KN_LIST_ITEMS(code)[i];
        if (!KN_INT_CHECK(o)) {
            ob_err_format(ob_exc_TypeError, "an integer is required");
            return NULL;
        }
        int ovf;
        long long v = ob_int_as_long_long_and_overflow(o, &ovf);
        if (ovf || v < 0 || v > 0xffffffffLL) {
            ob_err_set_string(ob_exc_OverflowError, "regular expression code size limit exceeded");
            return NULL;
        }
        p->code[i] = (uint32_t)v;
    }
    p->codelen = n;
    p->pattern = pattern;
    p->flags = flags;
    p->isbytes = pattern == KN_None ? -1 : !KN_STR_CHECK(pattern);
    p->groups = groups;
    p->groupindex = groupindex;
    p->indexgroup = indexgroup;
    sre_pattern_analyse(p);
    return (KnObject *)p;
}

/* ---- attributes, repr, comparison ---- */

static KnObject *get_pattern(KnObject *self, void *c)
{
    (void)c;
    return ((SrePattern *)self)->pattern;
}

static KnObject *get_flags(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(((SrePattern *)self)->flags);
}

static KnObject *get_groups(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(((SrePattern *)self)->groups);
}

/* A copy, so that the pattern's own dict cannot be changed. */
static KnObject *get_groupindex(KnObject *self, void *c)
{
    (void)c;
    KnObject *gi = ((SrePattern *)self)->groupindex;
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return NULL;
    if (gi != NULL && KN_DICT_CHECK(gi)) {
        kn_ssize_t pos = 0;
        KnObject *k, *v;
        while (ob_dict_next(gi, &pos, &k, &v))
            if (ob_dict_setitem(d, k, v) < 0)
                return NULL;
    }
    return d;
}

static const struct { const char *name; int value; } flag_names[] = {
    {"re.TEMPLATE", SRE_FLAG_TEMPLATE}, {"re.IGNORECASE", SRE_FLAG_IGNORECASE},
    {"re.LOCALE", SRE_FLAG_LOCALE}, {"re.MULTILINE", SRE_FLAG_MULTILINE},
    {"re.DOTALL", SRE_FLAG_DOTALL}, {"re.UNICODE", SRE_FLAG_UNICODE},
    {"re.VERBOSE", SRE_FLAG_VERBOSE}, {"re.DEBUG", SRE_FLAG_DEBUG},
    {"re.ASCII", SRE_FLAG_ASCII},
};

static KnObject *pattern_repr(KnObject *self)
{
    SrePattern *p = (SrePattern *)self;
    int flags = p->flags;
    if (p->pattern != NULL && KN_STR_CHECK(p->pattern) &&
        (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE)
        flags &= ~SRE_FLAG_UNICODE;
    char buf[256] = "";
    for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++)
        if (flags & flag_names[i].value) {
            if (buf[0])
                strcat(buf, "|");
            strcat(buf, flag_names[i].name);
            flags &= ~flag_names[i].value;
        }
    if (flags) {
        char hex[32];
        snprintf(hex, sizeof hex, "%s0x%x", buf[0] ? "|" : "", (unsigned)flags);
        strcat(buf, hex);
    }
    if (buf[0])
        return ob_str_from_format("re.compile(%.200R, %s)", p->pattern, buf);
    return ob_str_from_format("re.compile(%.200R)", p->pattern);
}

static KnObject *pattern_richcompare(KnObject *a, KnObject *b, int op)
{
    if ((op != KN_EQ && op != KN_NE) || !KN_TYPE_CHECK(b, &sre_pattern_type))
        return KN_NotImplemented;
    SrePattern *x = (SrePattern *)a, *y = (SrePattern *)b;
    int eq = x == y;
    if (!eq && x->flags == y->flags && x->isbytes == y->isbytes && x->codelen == y->codelen &&
        memcmp(x->code, y->codelen ? y->code : x->code, (size_t)x->codelen * sizeof(uint32_t)) == 0) {
        int r = ob_richcompare_bool(x->pattern, y->pattern, KN_EQ);
        if (r < 0)
            return NULL;
        eq = r;
    }
    return KN_BOOL(op == KN_EQ ? eq : !eq);
}

static kn_hash_t pattern_hash(KnObject *self)
{
    SrePattern *p = (SrePattern *)self;
    kn_hash_t h = ob_hash(p->pattern);
    if (h == -1)
        return -1;
    uint64_t x = 1469598103934665603ULL;
    for (kn_ssize_t i = 0; i < p->codelen; i++)
        x = (x ^ p->code[i]) * 1099511628211ULL;
    h ^= (kn_hash_t)(x >> 1);
    h ^= p->flags ^ (p->isbytes << 16);
    return h == -1 ? -2 : h;
}

static KnObject *pattern_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    return self;
}

static KnObject *pattern_deepcopy(KnObject *self, KnObject *memo)
{
    (void)memo;
    return self;
}

/* Pattern[str] / Match[bytes]: a types.GenericAlias (PEP 585). */
static KnObject *class_getitem(KnObject *cls, KnObject *item)
{
    return ob_generic_alias_new(cls, item);
}

static KnMethodDef pattern_methods[] = {
    {"match", FC(pattern_match), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", FC(pattern_fullmatch), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Matches against all of the string."},
    {"search", FC(pattern_search), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Scan through string looking for a match, and return a corresponding match object "
     "instance.\n\nReturn None if no position in the string matches."},
    {"sub", FC(sre_pattern_sub), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of "
     "pattern in string by the replacement repl."},
    {"subn", FC(sre_pattern_subn), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost "
     "non-overlapping occurrences of pattern with the replacement repl."},
    {"findall", FC(sre_pattern_findall), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return a list of all non-overlapping matches of pattern in string."},
    {"split", FC(sre_pattern_split), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Split string by the occurrences of pattern."},
    {"finditer", FC(sre_pattern_finditer), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Return an iterator over all non-overlapping matches for the RE pattern in string."},
    {"scanner", FC(sre_pattern_scanner), KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"__copy__", FC(pattern_copy), KN_METH_NOARGS, NULL},
    {"__deepcopy__", FC(pattern_deepcopy), KN_METH_O, NULL},
    {"__class_getitem__", FC(class_getitem), KN_METH_O | KN_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef pattern_getset[] = {
    {"pattern", get_pattern, NULL, "The pattern string from which the RE object was compiled.",
     NULL},
    {"flags", get_flags, NULL, "The regex matching flags.", NULL},
    {"groups", get_groups, NULL, "The number of capturing groups in the pattern.", NULL},
    {"groupindex", get_groupindex, NULL,
     "A dictionary mapping group names to group numbers.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject sre_pattern_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "re.Pattern",
    .tp_basicsize = sizeof(SrePattern),
    .tp_repr = pattern_repr,
    .tp_hash = pattern_hash,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Compiled regular expression object.",
    .tp_richcompare = pattern_richcompare,
    .tp_weaklistoffset = offsetof(SrePattern, weakreflist),
    .tp_methods = pattern_methods,
    .tp_getset = pattern_getset,
};
