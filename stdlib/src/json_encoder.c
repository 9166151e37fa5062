/*
 * json_encoder.c — `_json.Encoder` (json.encoder.c_make_encoder):
 * make_encoder(markers, default, encoder, indent, key_separator,
 * item_separator, sort_keys, skipkeys, allow_nan); calling the encoder as
 * (obj, current_indent_level) returns a list holding the whole text.
 *
 * Semantics follow CPython 3.11's C encoder: the checks run in the order
 * None, True, False, str, int, float, list/tuple, dict, then default();
 * int and float subclasses are written with int.__repr__ / float.__repr__
 * (so IntEnum members come out as numbers); dict items are sorted as
 * (key, value) pairs; `indent` is stored but not used (json.encoder only
 * picks the C encoder when indent is None).  Circular references are found
 * through `markers`, keyed by id().
 */
#include <math.h>
#include <string.h>

#include "libgc/gc.h"
#include "json_internal.h"

typedef struct Encoder {
    KN_OBJECT_HEAD;
    KnObject *markers, *defaultfn, *encoder, *indent, *key_separator, *item_separator;
    char sort_keys, skipkeys, allow_nan;
    int fast_ascii;    /* encoder is _json.encode_basestring_ascii: 1, encode_basestring: 2 */
} Encoder;

static int encode_obj(Encoder *e, JsonBuf *b, KnObject *obj);

static int put_string(Encoder *e, JsonBuf *b, KnObject *s)
{
    if (e->fast_ascii)
        return json_escape_into(b, s, e->fast_ascii == 1);
    KnObject *r = ob_call_onearg(e->encoder, s);
    if (r == NULL)
        return -1;
    if (!KN_STR_CHECK(r)) {
        ob_err_format(ob_exc_TypeError, "encoder() must return a string, not %.80s",
                      KN_TYPE(r)->tp_name);
        return -1;
    }
    return json_buf_str(b, r, 0, KN_STR_LEN(r));
}

/* Text of a float (any float subclass: float.__repr__), NULL + ValueError
 * for inf/nan when allow_nan is off. */
static int put_float(Encoder *e, JsonBuf *b, KnObject *o)
{
    double v = KN_FLOAT_VALUE(o);
    if (!isfinite(v)) {
        if (!e->allow_nan) {
            ob_err_set_string(ob_exc_ValueError, "Out of range float values are not JSON compliant");
            return -1;
        }
        const char *t = isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        return json_buf_ascii(b, t, (kn_ssize_t)strlen(t));
    }
    char buf[40];
    ob_float_repr_buf(v, buf, sizeof buf);
    return json_buf_ascii(b, buf, (kn_ssize_t)strlen(buf));
}

static int put_int(JsonBuf *b, KnObject *o)
{
    int overflow = 1;
    long long v = 0;
    if (KN_INT_CHECK_EXACT(o))
        v = ob_int_as_long_long_and_overflow(o, &overflow);
    if (!overflow) {
        if (v == -1 && ob_err_occurred())
            return -1;
        char buf[24];
        char *e = buf + sizeof buf, *p = e;
        unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
        do {
            *--p = (char)('0' + m % 10);
            m /= 10;
        } while (m != 0);
        if (v < 0)
            *--p = '-';
        return json_buf_ascii(b, p, e - p);
    }
    KnObject *s = ob_int_to_decimal_string(o);
    return s == NULL ? -1 : json_buf_str(b, s, 0, KN_STR_LEN(s));
}

static int put_sep(JsonBuf *b, KnObject *sep)
{
    return json_buf_str(b, sep, 0, KN_STR_LEN(sep));
}

/* Enter obj into markers; *ident gets the key (NULL when markers is None). */
static int mark(Encoder *e, KnObject *obj, KnObject **ident)
{
    *ident = NULL;
    if (e->markers == KN_None)
        return 0;
    KnObject *id = ob_int_from_size((size_t)(uintptr_t)obj);
    if (id == NULL)
        return -1;
    int has = ob_dict_contains(e->markers, id);
    if (has != 0) {
        if (has > 0)
            ob_err_set_string(ob_exc_ValueError, "Circular reference detected");
        return -1;
    }
    if (ob_dict_setitem(e->markers, id, obj) < 0)
        return -1;
    *ident = id;
    return 0;
}

static int unmark(Encoder *e, KnObject *ident)
{
    return ident == NULL ? 0 : ob_dict_delitem(e->markers, ident);
}

static int encode_list(Encoder *e, JsonBuf *b, KnObject *seq)
{
    KnObject *fast = seq;
    if (!KN_LIST_CHECK(seq) && !KN_TUPLE_CHECK(seq) && (fast = ob_sequence_list(seq)) == NULL)
        return -1;
    kn_ssize_t n = KN_SIZE(fast);
    if (n == 0)
        return json_buf_ascii(b, "[]", 2);
    KnObject *ident;
    if (mark(e, seq, &ident) < 0 || json_buf_putc(b, '[') < 0)
        return -1;
    for (kn_ssize_t i = 0; i < KN_SIZE(fast); i++) {
        KnObject *item = KN_LIST_CHECK(fast) ? KN_LIST_GET(fast, i) : KN_TUPLE_GET(fast, i);
        if (i > 0 && put_sep(b, e->item_separator) < 0)
            return -1;
        if (encode_obj(e, b, item) < 0)
            return -1;
    }
    if (unmark(e, ident) < 0)
        return -1;
    return json_buf_putc(b, ']');
}

/* A dict key as a str (NULL with *skip set when skipkeys drops it). */
static KnObject *key_text(Encoder *e, KnObject *key, int *skip)
{
    *skip = 0;
    if (KN_STR_CHECK(key))
        return key;
    if (KN_FLOAT_CHECK(key)) {
        JsonBuf kb;
        json_buf_init(&kb, 32);
        return put_float(e, &kb, key) < 0 ? NULL : json_buf_finish(&kb);
    }
    if (key == KN_True)
        return ob_str_intern_cstr("true");
    if (key == KN_False)
        return ob_str_intern_cstr("false");
    if (key == KN_None)
        return ob_str_intern_cstr("null");
    if (KN_INT_CHECK(key)) {
        JsonBuf kb;
        json_buf_init(&kb, 32);
        return put_int(&kb, key) < 0 ? NULL : json_buf_finish(&kb);
    }
    if (e->skipkeys) {
        *skip = 1;
        return NULL;
    }
    return ob_err_format(ob_exc_TypeError, "keys must be str, int, float, bool or None, not %.100s",
                         KN_TYPE(key)->tp_name);
}

static int encode_dict(Encoder *e, JsonBuf *b, KnObject *d)
{
    if (ob_dict_size(d) == 0)
        return json_buf_ascii(b, "{}", 2);
    KnObject *ident;
    if (mark(e, d, &ident) < 0 || json_buf_putc(b, '{') < 0)
        return -1;
    /* Items are a snapshot taken before any value is encoded (default()
     * may mutate the dict): a list of pairs from items(), or for an exact
     * dict without sort_keys two plain arrays. */
    KnObject *items = NULL, **keys = NULL, **values = NULL;
    kn_ssize_t count = 0;
    if (e->sort_keys || KN_TYPE(d) != &ob_dict_type) {
        items = ob_call_method(d, "items", 0);
        if (items == NULL || (items = ob_sequence_list(items)) == NULL)
            return -1;
        if (e->sort_keys && ob_list_sort(items) < 0)
            return -1;
        count = KN_SIZE(items);
    } else {
        kn_ssize_t n = ob_dict_size(d), pos = 0;
        keys = kgc_alloc((size_t)n * 2 * sizeof(KnObject *));
        if (keys == NULL) {
            ob_err_nomemory();
            return -1;
        }
        values = keys + n;
        while (count < n && ob_dict_next(d, &pos, &keys[count], &values[count]))
            count++;
    }
    int first = 1;
    for (kn_ssize_t i = 0; i < count; i++) {
        KnObject *key, *value;
        if (items != NULL) {
            KnObject *item = KN_LIST_GET(items, i);
            if (!KN_TUPLE_CHECK(item) || KN_SIZE(item) != 2) {
                ob_err_set_string(ob_exc_ValueError, "items must return 2-tuples");
                return -1;
            }
            key = KN_TUPLE_GET(item, 0);
            value = KN_TUPLE_GET(item, 1);
        } else {
            key = keys[i];
            value = values[i];
        }
        int skip;
        KnObject *kstr = key_text(e, key, &skip);
        if (kstr == NULL) {
            if (skip)
                continue;
            return -1;
        }
        if (!first && put_sep(b, e->item_separator) < 0)
            return -1;
        first = 0;
        if (put_string(e, b, kstr) < 0 || put_sep(b, e->key_separator) < 0 ||
            encode_obj(e, b, value) < 0)
            return -1;
    }
    if (unmark(e, ident) < 0)
        return -1;
    return json_buf_putc(b, '}');
}

static int encode_obj(Encoder *e, JsonBuf *b, KnObject *obj)
{
    if (obj == KN_None)
        return json_buf_ascii(b, "null", 4);
    if (obj == KN_True)
        return json_buf_ascii(b, "true", 4);
    if (obj == KN_False)
        return json_buf_ascii(b, "false", 5);
    if (KN_STR_CHECK(obj))
        return put_string(e, b, obj);
    if (KN_INT_CHECK(obj))
        return put_int(b, obj);
    if (KN_FLOAT_CHECK(obj))
        return put_float(e, b, obj);
    int r;
    if (KN_LIST_CHECK(obj) || KN_TUPLE_CHECK(obj)) {
        if (ob_enter_recursive_call(" while encoding a JSON object") < 0)
            return -1;
        r = encode_list(e, b, obj);
        ob_leave_recursive_call();
        return r;
    }
    if (KN_DICT_CHECK(obj)) {
        if (ob_enter_recursive_call(" while encoding a JSON object") < 0)
            return -1;
        r = encode_dict(e, b, obj);
        ob_leave_recursive_call();
        return r;
    }
    KnObject *ident;
    if (mark(e, obj, &ident) < 0)
        return -1;
    KnObject *newobj = ob_call_onearg(e->defaultfn, obj);
    if (newobj == NULL)
        return -1;
    if (ob_enter_recursive_call(" while encoding a JSON object") < 0)
        return -1;
    r = encode_obj(e, b, newobj);
    ob_leave_recursive_call();
    if (r < 0)
        return -1;
    return unmark(e, ident);
}

static KnObject *encoder_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"obj", "_current_indent_level", NULL};
    static const KnArgSpec spec = {"_iterencode", names, 2, 2, 0};
    KnObject *a[2];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    if (!ob_index_check(a[1]))
        return ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             KN_TYPE(a[1])->tp_name);
    if (ob_number_as_ssize(a[1], ob_exc_OverflowError) == -1 && ob_err_occurred())
        return NULL;
    JsonBuf b;
    json_buf_init(&b, 256);
    if (encode_obj((Encoder *)self, &b, a[0]) < 0)
        return NULL;
    KnObject *s = json_buf_finish(&b);
    return s == NULL ? NULL : ob_list_from_array(&s, 1);
}

static int fast_kind(KnObject *fn)
{
    if (KN_TYPE(fn) != &ob_cfunction_type)
        return 0;
    KnMethodDef *ml = ((KnCFunctionObject *)fn)->m_ml;
    if (ml->ml_meth == json_fast_encoders[0].ml_meth)
        return 1;
    if (ml->ml_meth == json_fast_encoders[1].ml_meth)
        return 2;
    return 0;
}

static KnObject *encoder_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"markers", "default", "encoder", "indent",
                                        "key_separator", "item_separator", "sort_keys",
                                        "skipkeys", "allow_nan", NULL};
    static const KnArgSpec spec = {"make_encoder", names, 9, 9, 0};
    KnObject *a[9];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    if (a[0] != KN_None && !KN_DICT_CHECK(a[0]))
        return ob_err_format(ob_exc_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                             KN_TYPE(a[0])->tp_name);
    for (int i = 4; i < 6; i++)
        if (!KN_STR_CHECK(a[i]))
            return ob_err_format(ob_exc_TypeError, "make_encoder() argument %d must be str, not %.200s",
                                 i + 1, KN_TYPE(a[i])->tp_name);
    int flags[3];
    for (int i = 0; i < 3; i++)
        if ((flags[i] = ob_is_true(a[6 + i])) < 0)
            return NULL;
    Encoder *e = (Encoder *)ob_type_generic_alloc(t, 0);
    if (e == NULL)
        return NULL;
    e->markers = a[0];
    e->defaultfn = a[1];
    e->encoder = a[2];
    e->indent = a[3];
    e->key_separator = a[4];
    e->item_separator = a[5];
    e->sort_keys = (char)flags[0];
    e->skipkeys = (char)flags[1];
    e->allow_nan = (char)flags[2];
    e->fast_ascii = fast_kind(a[2]);
    return (KnObject *)e;
}

static KnMemberDef encoder_members[] = {
    {"markers", KN_T_OBJECT, offsetof(Encoder, markers), KN_READONLY, "markers"},
    {"default", KN_T_OBJECT, offsetof(Encoder, defaultfn), KN_READONLY, "default"},
    {"encoder", KN_T_OBJECT, offsetof(Encoder, encoder), KN_READONLY, "encoder"},
    {"indent", KN_T_OBJECT, offsetof(Encoder, indent), KN_READONLY, "indent"},
    {"key_separator", KN_T_OBJECT, offsetof(Encoder, key_separator), KN_READONLY, "key_separator"},
    {"item_separator", KN_T_OBJECT, offsetof(Encoder, item_separator), KN_READONLY, "item_separator"},
    {"sort_keys", KN_T_BOOL, offsetof(Encoder, sort_keys), KN_READONLY, "sort_keys"},
    {"skipkeys", KN_T_BOOL, offsetof(Encoder, skipkeys), KN_READONLY, "skipkeys"},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject json_encoder_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_json.Encoder",
    .tp_basicsize = sizeof(Encoder),
    .tp_call = encoder_call,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "_iterencode(obj, _current_indent_level) -> iterable",
    .tp_members = encoder_members,
    .tp_new = encoder_new,
};
