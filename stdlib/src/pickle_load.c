/* pickle_load.c — the unpickler's opcode loop: one handler per opcode of
 * protocols 0-5, each returning 0 or -1 with the exception set.  Error
 * messages are CPython's (UnpicklingError for malformed streams,
 * "Ran out of input" EOFError when the stream ends before an opcode). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pickle_internal.h"
#include "libobject/set.h"
#include "libobject/memoryview.h"
#include "libgc/gc.h"

#define UERR(msg) (ob_err_set_string(PK_ERR(UnpicklingError), (msg)), -1)

static kn_ssize_t calc_binsize(const char *b, int nbytes)
{
    const unsigned char *s = (const unsigned char *)b;
    uint64_t x = 0;
    for (int i = 0; i < nbytes; i++)
        x |= (uint64_t)s[i] << (8 * i);
    if (x > (uint64_t)INT64_MAX)
        return -1;
    return (kn_ssize_t)x;
}

static long calc_binint(const char *b, int nbytes)
{
    const unsigned char *s = (const unsigned char *)b;
    long x = 0;
    for (int i = 0; i < nbytes; i++)
        x |= (long)s[i] << (8 * i);
    if (nbytes == 4)
        x = (long)(int32_t)(uint32_t)x;
    return x;
}

static int push(PkUnpickler *u, KnObject *o)
{
    return o == NULL ? -1 : pk_stack_push(u, o);
}

static kn_ssize_t marker(PkUnpickler *u)
{
    if (u->num_marks < 1)
        return UERR("could not find MARK");
    kn_ssize_t mark = u->marks[--u->num_marks];
    u->mark_set = u->num_marks != 0;
    u->fence = u->num_marks ? u->marks[u->num_marks - 1] : 0;
    return mark;
}

static int load_mark(PkUnpickler *u)
{
    if (u->num_marks >= u->marks_cap) {
        kn_ssize_t cap = u->marks_cap ? u->marks_cap * 2 : 20;
        kn_ssize_t *m = kgc_alloc_atomic(sizeof(kn_ssize_t) * (size_t)cap);
        if (m == NULL) {
            ob_err_nomemory();
            return -1;
        }
        if (u->num_marks)
            memcpy(m, u->marks, sizeof(kn_ssize_t) * (size_t)u->num_marks);
        u->marks = m;
        u->marks_cap = cap;
    }
    u->mark_set = 1;
    u->marks[u->num_marks++] = u->fence = u->sp;
    return 0;
}

/* ---- numbers ---- */

/* The next line (newline included), at least min bytes long. */
static kn_ssize_t line_at_least(PkUnpickler *u, char **s, kn_ssize_t min)
{
    kn_ssize_t len = pk_readline(u, s);
    if (len < 0)
        return -1;
    return len < min ? pk_bad_readline() : len;
}

/* CPython parses these lines as C strings: only ASCII whitespace may
 * surround the digits (str.isspace would also accept \x1c-\x1f). */
static int ascii_int_text(const char *s, kn_ssize_t n)
{
    for (kn_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c < 0x20 && !(c >= '\t' && c <= '\r')))
            return 0;
    }
    return 1;
}

/* int(text, base) as CPython's PyLong_FromString reports a bad literal:
 * the text as given (newline included) and the base it settled on. */
static KnObject *parse_int(const char *s, kn_ssize_t n, int base)
{
    n = (kn_ssize_t)strnlen(s, (size_t)n);    /* C-string semantics, as CPython */
    KnObject *v = ascii_int_text(s, n) ? ob_int_from_string(s, n, base) : NULL;
    if (v == NULL && !ob_err_occurred())
        ob_err_set_string(ob_exc_ValueError, "invalid literal");
    if (v != NULL || !ob_err_matches((KnObject *)ob_exc_ValueError))
        return v;
    ob_err_clear();
    if (base == 0) {
        const char *p = s;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '+' || *p == '-')
            p++;
        base = 10;
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
            base = 16;
        else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
            base = 8;
        else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
            base = 2;
    }
    /* CPython decodes (at most 200 bytes of) the text as UTF-8 for the
     * message: a byte that is not UTF-8 becomes the UnicodeDecodeError. */
    KnObject *text = ob_str_decode_utf8(s, n < 200 ? n : 200, "strict");
    if (text != NULL)
        ob_err_format(ob_exc_ValueError, "invalid literal for int() with base %d: %.200R", base,
                      text);
    return NULL;
}

static int load_int(PkUnpickler *u)
{
    char *s, *end;
    kn_ssize_t len = line_at_least(u, &s, 2);
    if (len < 0)
        return -1;
    errno = 0;
    long x = strtol(s, &end, 0);
    KnObject *v;
    if (errno || (*end != '\n' && *end != '\0')) {
        v = ascii_int_text(s, len - 1) ? ob_int_from_string(s, len - 1, 0) : NULL;
        if (v == NULL) {
            ob_err_set_string(ob_exc_ValueError, "could not convert string to int");
            return -1;
        }
    } else if (len == 3 && (x == 0 || x == 1)) {
        v = KN_BOOL(x);
    } else {
        v = ob_int_from_long_long(x);
    }
    return push(u, v);
}

static int load_binintx(PkUnpickler *u, int size)
{
    char *s;
    if (pk_read(u, &s, size) < 0)
        return -1;
    return push(u, ob_int_from_long_long(calc_binint(s, size)));
}

static int load_long(PkUnpickler *u)
{
    char *s;
    kn_ssize_t len = line_at_least(u, &s, 2);
    if (len < 0)
        return -1;
    return push(u, parse_int(s, s[len - 2] == 'L' ? len - 2 : len, 0));
}

static KnObject *int_from_le_bytes(const char *b, kn_ssize_t n)
{
    if (n <= 8) {
        uint64_t x = 0;
        for (kn_ssize_t i = 0; i < n; i++)
            x |= (uint64_t)(unsigned char)b[i] << (8 * i);
        if (n < 8 && (b[n - 1] & 0x80))
            x |= ~(uint64_t)0 << (8 * n);
        return ob_int_from_long_long((long long)x);
    }
    KnObject *from_bytes = ob_getattr_str((KnObject *)&ob_int_type, "from_bytes");
    KnObject *data = ob_bytes_from_data(b, n);
    KnObject *kw = ob_dict_new();
    if (from_bytes == NULL || data == NULL || kw == NULL
        || ob_dict_setitem_str(kw, "signed", KN_True) < 0)
        return NULL;
    KnObject *args = ob_tuple_pack(2, data, PK_ID(little));
    return args ? ob_call(from_bytes, args, kw) : NULL;
}

static int load_counted_long(PkUnpickler *u, int size)
{
    char *s;
    if (pk_read(u, &s, size) < 0)
        return -1;
    long n = calc_binint(s, size);
    if (n < 0)
        return UERR("LONG pickle has negative byte count");
    if (n == 0)
        return push(u, ob_int_from_long_long(0));
    if (pk_read(u, &s, n) < 0)
        return -1;
    return push(u, int_from_le_bytes(s, n));
}

static int load_float(PkUnpickler *u)
{
    char *s, *end;
    kn_ssize_t len = line_at_least(u, &s, 2);
    if (len < 0)
        return -1;
    errno = 0;
    double d = strtod(s, &end);
    if (end == s || (*end != '\n' && *end != '\0')) {
        ob_err_set_string(ob_exc_ValueError, "could not convert string to float");
        return -1;
    }
    return push(u, ob_float_from_double(d));
}

static int load_binfloat(PkUnpickler *u)
{
    char *s;
    if (pk_read(u, &s, 8) < 0)
        return -1;
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++)
        bits = (bits << 8) | (unsigned char)s[i];
    double d;
    memcpy(&d, &bits, 8);
    return push(u, ob_float_from_double(d));
}

/* ---- strings ---- */

static KnObject *decode_string(PkUnpickler *u, const char *s, kn_ssize_t n)
{
    if (strcmp(u->encoding, "bytes") == 0)
        return ob_bytes_from_data(s, n);
    return ob_str_decode(s, n, u->encoding, u->errors);
}

static int load_string(PkUnpickler *u)
{
    char *s;
    kn_ssize_t len = pk_readline(u, &s);
    if (len < 0)
        return -1;
    len--;
    if (!(len >= 2 && s[0] == s[len - 1] && (s[0] == '\'' || s[0] == '"')))
        return UERR("the STRING opcode argument must be quoted");
    KnObject *b = pk_decode_escape(s + 1, len - 2);
    if (b == NULL)
        return -1;
    if (strcmp(u->encoding, "bytes") == 0)
        return push(u, b);
    return push(u, ob_str_decode(KN_BYTES_AS_STRING(b), KN_SIZE(b), u->encoding, u->errors));
}

static int load_binstring(PkUnpickler *u, int nbytes)
{
    char *s;
    if (pk_read(u, &s, nbytes) < 0)
        return -1;
    kn_ssize_t size = calc_binsize(s, nbytes);
    if (size < 0)
        return UERR("BINSTRING pickle has negative byte count");
    if (pk_read(u, &s, size) < 0)
        return -1;
    return push(u, decode_string(u, s, size));
}

static int load_counted_binbytes(PkUnpickler *u, int nbytes)
{
    char *s;
    if (pk_read(u, &s, nbytes) < 0)
        return -1;
    kn_ssize_t size = calc_binsize(s, nbytes);
    if (size < 0) {
        ob_err_format(ob_exc_OverflowError, "BINBYTES exceeds system's maximum size of %zd bytes",
                      (kn_ssize_t)INT64_MAX);
        return -1;
    }
    if (size <= u->input_len - u->next_read_idx) {
        KnObject *b = ob_bytes_from_data(u->input + u->next_read_idx, size);
        u->next_read_idx += size;
        return push(u, b);
    }
    if (u->read == NULL)
        return pk_bad_readline();     /* in memory: truncated, allocate nothing */
    KnObject *b = ob_bytes_new_uninit(size);
    if (b == NULL || pk_read_into(u, KN_BYTES_AS_STRING(b), size) < 0)
        return -1;
    return push(u, b);
}

static int load_counted_bytearray(PkUnpickler *u)
{
    char *s;
    if (pk_read(u, &s, 8) < 0)
        return -1;
    kn_ssize_t size = calc_binsize(s, 8);
    if (size < 0) {
        ob_err_format(ob_exc_OverflowError,
                      "BYTEARRAY8 exceeds system's maximum size of %zd bytes",
                      (kn_ssize_t)INT64_MAX);
        return -1;
    }
    if (u->read == NULL && size > u->input_len - u->next_read_idx)
        return pk_bad_readline();
    KnObject *b = ob_bytearray_from_data(NULL, size);
    if (b == NULL || pk_read_into(u, ((KnByteArrayObject *)b)->ob_start, size) < 0)
        return -1;
    return push(u, b);
}

static int load_unicode(PkUnpickler *u)
{
    char *s;
    kn_ssize_t len = line_at_least(u, &s, 1);
    if (len < 0)
        return -1;
    return push(u, pk_decode_raw_unicode_escape(s, len - 1));
}

static int load_counted_binunicode(PkUnpickler *u, int nbytes)
{
    char *s;
    if (pk_read(u, &s, nbytes) < 0)
        return -1;
    kn_ssize_t size = calc_binsize(s, nbytes);
    if (size < 0) {
        ob_err_format(ob_exc_OverflowError, "BINUNICODE exceeds system's maximum size of %zd bytes",
                      (kn_ssize_t)INT64_MAX);
        return -1;
    }
    if (pk_read(u, &s, size) < 0)
        return -1;
    return push(u, ob_str_decode_utf8(s, size, "surrogatepass"));
}

/* ---- out-of-band buffers ---- */

static int load_next_buffer(PkUnpickler *u)
{
    if (u->buffers == NULL)
        return UERR("pickle stream refers to out-of-band data but no *buffers* argument was given");
    KnObject *buf = ob_iter_next(u->buffers);
    if (buf == NULL) {
        if (!ob_err_occurred())
            ob_err_set_string(PK_ERR(UnpicklingError), "not enough out-of-band buffers");
        return -1;
    }
    return push(u, buf);
}

static int load_readonly_buffer(PkUnpickler *u)
{
    if (u->sp <= u->fence)
        return pk_stack_underflow(u);
    KnObject *obj = u->stack[u->sp - 1];
    KnObject *view = ob_memoryview_from_object(obj);
    if (view == NULL)
        return -1;
    KnMemoryViewObject *mv = (KnMemoryViewObject *)view;
    if (!mv->view.readonly) {
        mv->view.readonly = 1;
        u->stack[u->sp - 1] = view;
    }
    return 0;
}

/* ---- containers ---- */

static int load_counted_tuple(PkUnpickler *u, kn_ssize_t len)
{
    if (u->sp < len)
        return pk_stack_underflow(u);
    return push(u, pk_stack_poptuple(u, u->sp - len));
}

static int load_tuple(PkUnpickler *u)
{
    kn_ssize_t i = marker(u);
    return i < 0 ? -1 : push(u, pk_stack_poptuple(u, i));
}

static int load_list(PkUnpickler *u)
{
    kn_ssize_t i = marker(u);
    return i < 0 ? -1 : push(u, pk_stack_poplist(u, i));
}

static void stack_clear(PkUnpickler *u, kn_ssize_t from)
{
    if (u->sp > from) {
        memset(u->stack + from, 0, sizeof(KnObject *) * (size_t)(u->sp - from));
        u->sp = from;
    }
}

static int load_dict(PkUnpickler *u)
{
    kn_ssize_t i = marker(u);
    if (i < 0)
        return -1;
    kn_ssize_t j = u->sp;
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return -1;
    if ((j - i) % 2 != 0)
        return UERR("odd number of items for DICT");
    for (kn_ssize_t k = i + 1; k < j; k += 2) {
        if (ob_dict_setitem(d, u->stack[k - 1], u->stack[k]) < 0)
            return -1;
    }
    stack_clear(u, i);
    return push(u, d);
}

static int load_frozenset(PkUnpickler *u)
{
    kn_ssize_t i = marker(u);
    if (i < 0)
        return -1;
    KnObject *items = pk_stack_poptuple(u, i);
    return items == NULL ? -1 : push(u, ob_frozenset_new(items));
}

static int do_append(PkUnpickler *u, kn_ssize_t x)
{
    kn_ssize_t len = u->sp;
    if (x > len || x <= u->fence)
        return pk_stack_underflow(u);
    if (len == x)
        return 0;
    KnObject *list = u->stack[x - 1];
    if (KN_LIST_CHECK_EXACT(list)) {
        for (kn_ssize_t i = x; i < len; i++) {
            if (ob_list_append(list, u->stack[i]) < 0)
                return -1;
        }
        stack_clear(u, x);
        return 0;
    }
    KnObject *extend;
    if (ob_lookup_attr(list, PK_ID(extend), &extend) < 0)
        return -1;
    if (extend != NULL) {
        KnObject *slice = pk_stack_poplist(u, x);
        return slice == NULL || ob_call_onearg(extend, slice) == NULL ? -1 : 0;
    }
    KnObject *append = ob_getattr_str(list, "append");
    if (append == NULL)
        return -1;
    for (kn_ssize_t i = x; i < len; i++) {
        if (ob_call_onearg(append, u->stack[i]) == NULL) {
            stack_clear(u, x);
            return -1;
        }
    }
    stack_clear(u, x);
    return 0;
}

static int do_setitems(PkUnpickler *u, kn_ssize_t x)
{
    kn_ssize_t len = u->sp;
    if (x > len || x <= u->fence)
        return pk_stack_underflow(u);
    if (len == x)
        return 0;
    if ((len - x) % 2 != 0)
        return UERR("odd number of items for SETITEMS");
    KnObject *d = u->stack[x - 1];
    int status = 0;
    for (kn_ssize_t i = x + 1; i < len; i += 2) {
        if ((KN_DICT_CHECK_EXACT(d) ? ob_dict_setitem(d, u->stack[i - 1], u->stack[i])
                                    : ob_setitem(d, u->stack[i - 1], u->stack[i])) < 0) {
            status = -1;
            break;
        }
    }
    stack_clear(u, x);
    return status;
}

static int load_additems(PkUnpickler *u)
{
    kn_ssize_t mark = marker(u);
    if (mark < 0)
        return -1;
    kn_ssize_t len = u->sp;
    if (mark > len || mark <= u->fence)
        return pk_stack_underflow(u);
    if (len == mark)
        return 0;
    KnObject *set = u->stack[mark - 1];
    if (ob_set_check(set)) {
        KnObject *items = pk_stack_poptuple(u, mark);
        return items == NULL ? -1 : ob_set_update(set, items);
    }
    KnObject *add = ob_getattr_str(set, "add");
    if (add == NULL)
        return -1;
    for (kn_ssize_t i = mark; i < len; i++) {
        if (ob_call_onearg(add, u->stack[i]) == NULL) {
            stack_clear(u, mark);
            return -1;
        }
    }
    stack_clear(u, mark);
    return 0;
}

/* ---- objects ---- */

KnObject *pk_find_class(PkUnpickler *u, KnObject *module, KnObject *name)
{
    return ob_call_method((KnObject *)u, "find_class", 2, module, name);
}

static KnObject *instantiate(KnObject *cls, KnObject *args)
{
    if (KN_SIZE(args) == 0 && KN_TYPE_OBJ_CHECK(cls)) {
        KnObject *f;
        if (ob_lookup_attr(cls, PK_ID(__getinitargs__), &f) < 0)
            return NULL;
        if (f == NULL)
            return ob_call_method(cls, "__new__", 1, cls);
    }
    return ob_call(cls, args, NULL);
}

static KnObject *readline_name(PkUnpickler *u, int utf8)
{
    char *s;
    kn_ssize_t len = line_at_least(u, &s, 2);
    if (len < 0)
        return NULL;
    return utf8 ? ob_str_decode_utf8(s, len - 1, "strict") : ob_str_decode(s, len - 1, "ascii", "strict");
}

static int load_inst(PkUnpickler *u)
{
    kn_ssize_t i = marker(u);
    if (i < 0)
        return -1;
    KnObject *module = readline_name(u, 0);
    KnObject *name = module ? readline_name(u, 0) : NULL;
    KnObject *cls = name ? pk_find_class(u, module, name) : NULL;
    if (cls == NULL)
        return -1;
    KnObject *args = pk_stack_poptuple(u, i);
    return args == NULL ? -1 : push(u, instantiate(cls, args));
}

static int load_obj(PkUnpickler *u)
{
    kn_ssize_t i = marker(u);
    if (i < 0)
        return -1;
    if (u->sp - i < 1)
        return pk_stack_underflow(u);
    KnObject *args = pk_stack_poptuple(u, i + 1);
    KnObject *cls = args ? pk_stack_pop(u) : NULL;
    return cls == NULL ? -1 : push(u, instantiate(cls, args));
}

static int newobj_error(const char *fmt, int ex, const char *tname)
{
    ob_err_format(PK_ERR(UnpicklingError), fmt, ex ? "NEWOBJ_EX" : "NEWOBJ", tname);
    return -1;
}

static int load_newobj(PkUnpickler *u, int use_kwargs)
{
    KnObject *kwargs = NULL;
    if (use_kwargs && (kwargs = pk_stack_pop(u)) == NULL)
        return -1;
    KnObject *args = pk_stack_pop(u);
    KnObject *cls = args ? pk_stack_pop(u) : NULL;
    if (cls == NULL)
        return -1;
    if (!KN_TYPE_OBJ_CHECK(cls))
        return newobj_error("%s class argument must be a type, not %s", use_kwargs,
                            KN_TYPE(cls)->tp_name);
    KnTypeObject *t = (KnTypeObject *)cls;
    if (t->tp_new == NULL)
        return newobj_error("%s class argument '%s' doesn't have __new__", use_kwargs, t->tp_name);
    if (!KN_TUPLE_CHECK(args))
        return newobj_error("%s args argument must be a tuple, not %s", use_kwargs,
                            KN_TYPE(args)->tp_name);
    if (use_kwargs && !KN_DICT_CHECK(kwargs))
        return newobj_error("%s kwargs argument must be a dict, not %s", use_kwargs,
                            KN_TYPE(kwargs)->tp_name);
    return push(u, t->tp_new(t, args, kwargs));
}

static int load_global(PkUnpickler *u)
{
    KnObject *module = readline_name(u, 1);
    KnObject *name = module ? readline_name(u, 1) : NULL;
    return name == NULL ? -1 : push(u, pk_find_class(u, module, name));
}

static int load_stack_global(PkUnpickler *u)
{
    KnObject *name = pk_stack_pop(u);
    KnObject *module = pk_stack_pop(u);
    if (module == NULL || name == NULL || !KN_STR_CHECK_EXACT(module)
        || !KN_STR_CHECK_EXACT(name))
        return UERR("STACK_GLOBAL requires str");
    return push(u, pk_find_class(u, module, name));
}

static int load_reduce(PkUnpickler *u)
{
    KnObject *argtup = pk_stack_pop(u);
    KnObject *callable = argtup ? pk_stack_pop(u) : NULL;
    if (callable == NULL)
        return -1;
    if (!KN_TUPLE_CHECK(argtup)) {
        ob_err_set_string(ob_exc_TypeError, "argument list must be a tuple");
        return -1;
    }
    return push(u, ob_call(callable, argtup, NULL));
}

static int load_build(PkUnpickler *u)
{
    if (u->sp - 2 < u->fence)
        return pk_stack_underflow(u);
    KnObject *state = pk_stack_pop(u);
    if (state == NULL)
        return -1;
    KnObject *inst = u->stack[u->sp - 1];
    KnObject *setstate;
    if (pk_lookup_attr(inst, PK_ID(__setstate__), &setstate) < 0)
        return -1;
    if (setstate != NULL)
        return ob_call_onearg(setstate, state) == NULL ? -1 : 0;
    KnObject *slotstate = NULL;
    if (KN_TUPLE_CHECK(state) && KN_SIZE(state) == 2) {
        slotstate = KN_TUPLE_GET(state, 1);
        state = KN_TUPLE_GET(state, 0);
    }
    if (state != KN_None) {
        if (!KN_DICT_CHECK(state))
            return UERR("state is not a dictionary");
        KnObject *dict = ob_getattr_str(inst, "__dict__");
        if (dict == NULL)
            return -1;
        kn_ssize_t pos = 0;
        KnObject *k, *v;
        while (ob_dict_next(state, &pos, &k, &v)) {
            if (KN_STR_CHECK_EXACT(k))
                k = ob_str_intern(k);
            if (ob_setitem(dict, k, v) < 0)
                return -1;
        }
    }
    if (slotstate != NULL && slotstate != KN_None) {
        if (!KN_DICT_CHECK(slotstate))
            return UERR("slot state is not a dictionary");
        kn_ssize_t pos = 0;
        KnObject *k, *v;
        while (ob_dict_next(slotstate, &pos, &k, &v)) {
            if (ob_setattr(inst, k, v) < 0)
                return -1;
        }
    }
    return 0;
}

/* ---- persistent ids ---- */

static int no_persistent_load(void)
{
    return UERR("A load persistent id instruction was encountered,\nbut no persistent_load "
                "function was specified.");
}

static int load_persid(PkUnpickler *u)
{
    if (u->pers_func == NULL)
        return no_persistent_load();
    char *s;
    kn_ssize_t len = line_at_least(u, &s, 1);
    if (len < 0)
        return -1;
    KnObject *pid = ob_str_decode(s, len - 1, "ascii", "strict");
    if (pid == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_UnicodeDecodeError))
            ob_err_set_string(PK_ERR(UnpicklingError),
                              "persistent IDs in protocol 0 must be ASCII strings");
        return -1;
    }
    return push(u, ob_call_onearg(u->pers_func, pid));
}

static int load_binpersid(PkUnpickler *u)
{
    if (u->pers_func == NULL)
        return no_persistent_load();
    KnObject *pid = pk_stack_pop(u);
    return pid == NULL ? -1 : push(u, ob_call_onearg(u->pers_func, pid));
}

/* ---- stack manipulation and the memo ---- */

static int load_pop(PkUnpickler *u)
{
    kn_ssize_t len = u->sp;
    if (u->num_marks > 0 && u->marks[u->num_marks - 1] == len) {
        u->num_marks--;
        u->mark_set = u->num_marks != 0;
        u->fence = u->num_marks ? u->marks[u->num_marks - 1] : 0;
    } else if (len <= u->fence) {
        return pk_stack_underflow(u);
    } else {
        u->stack[--u->sp] = NULL;
    }
    return 0;
}

static int load_pop_mark(PkUnpickler *u)
{
    kn_ssize_t i = marker(u);
    if (i < 0)
        return -1;
    stack_clear(u, i);
    return 0;
}

static int load_dup(PkUnpickler *u)
{
    if (u->sp <= u->fence)
        return pk_stack_underflow(u);
    return push(u, u->stack[u->sp - 1]);
}

static int memo_fetch(PkUnpickler *u, kn_ssize_t idx)
{
    KnObject *v = pk_unpickler_memo_get(u, idx);
    if (v == NULL) {
        ob_err_format(PK_ERR(UnpicklingError), "Memo value not found at index %zd", idx);
        return -1;
    }
    return push(u, v);
}

/* The decimal index of a text GET / PUT line (a PUT's must not be
 * negative); *ok 0 with the error set on failure. */
static kn_ssize_t parse_index(const char *s, kn_ssize_t len, int is_put, int *ok)
{
    *ok = 0;
    KnObject *key = parse_int(s, len, 10);
    if (key == NULL)
        return -1;
    kn_ssize_t idx = ob_int_as_ssize(key);
    if (idx == -1 && ob_err_occurred())
        return -1;
    if (is_put && idx < 0) {
        ob_err_set_string(ob_exc_ValueError, "negative PUT argument");
        return -1;
    }
    *ok = 1;
    return idx;
}

static int load_get(PkUnpickler *u)
{
    char *s;
    kn_ssize_t len = line_at_least(u, &s, 2);
    if (len < 0)
        return -1;
    int ok;
    kn_ssize_t idx = parse_index(s, len, 0, &ok);
    return ok ? memo_fetch(u, idx) : -1;
}

static int load_binget(PkUnpickler *u, int nbytes)
{
    char *s;
    if (pk_read(u, &s, nbytes) < 0)
        return -1;
    return memo_fetch(u, calc_binsize(s, nbytes));
}

static int load_put(PkUnpickler *u)
{
    char *s;
    kn_ssize_t len = line_at_least(u, &s, 2);
    if (len < 0)
        return -1;
    if (u->sp <= u->fence)
        return pk_stack_underflow(u);
    int ok;
    kn_ssize_t idx = parse_index(s, len, 1, &ok);
    return ok ? pk_unpickler_memo_put(u, idx, u->stack[u->sp - 1]) : -1;
}

static int load_binput(PkUnpickler *u, int nbytes)
{
    char *s;
    if (pk_read(u, &s, nbytes) < 0)
        return -1;
    if (u->sp <= u->fence)
        return pk_stack_underflow(u);
    kn_ssize_t idx = calc_binsize(s, nbytes);
    if (idx < 0) {
        ob_err_set_string(ob_exc_ValueError, "negative LONG_BINPUT argument");
        return -1;
    }
    return pk_unpickler_memo_put(u, idx, u->stack[u->sp - 1]);
}

static int load_memoize(PkUnpickler *u)
{
    if (u->sp <= u->fence)
        return pk_stack_underflow(u);
    return pk_unpickler_memo_put(u, u->memo_len, u->stack[u->sp - 1]);
}

/* ---- protocol framing and the extension registry ---- */

static int load_proto(PkUnpickler *u)
{
    char *s;
    if (pk_read(u, &s, 1) < 0)
        return -1;
    int i = (unsigned char)s[0];
    if (i <= PK_HIGHEST_PROTOCOL) {
        u->proto = i;
        return 0;
    }
    ob_err_format(ob_exc_ValueError, "unsupported pickle protocol: %d", i);
    return -1;
}

static int load_frame(PkUnpickler *u)
{
    char *s;
    if (pk_read(u, &s, 8) < 0)
        return -1;
    kn_ssize_t len = calc_binsize(s, 8);
    if (len < 0) {
        ob_err_format(ob_exc_OverflowError, "FRAME length exceeds system's maximum of %zd bytes",
                      (kn_ssize_t)INT64_MAX);
        return -1;
    }
    if (pk_read(u, &s, len) < 0)
        return -1;
    u->next_read_idx -= len;
    return 0;
}

static int load_extension(PkUnpickler *u, int nbytes)
{
    char *s;
    if (pk_read(u, &s, nbytes) < 0)
        return -1;
    long code = calc_binint(s, nbytes);
    if (code <= 0)
        return UERR("EXT specifies code <= 0");
    KnObject *key = ob_int_from_long_long(code);
    if (key == NULL)
        return -1;
    KnObject *obj = ob_dict_getitem(pk_state.extension_cache, key);
    if (obj != NULL)
        return push(u, obj);
    if (ob_err_occurred())
        return -1;
    KnObject *pair = ob_dict_getitem(pk_state.inverted_registry, key);
    if (pair == NULL) {
        if (!ob_err_occurred())
            ob_err_format(ob_exc_ValueError, "unregistered extension code %ld", code);
        return -1;
    }
    if (!KN_TUPLE_CHECK(pair) || KN_SIZE(pair) != 2 || !KN_STR_CHECK(KN_TUPLE_GET(pair, 0))
        || !KN_STR_CHECK(KN_TUPLE_GET(pair, 1))) {
        ob_err_format(ob_exc_ValueError, "_inverted_registry[%ld] isn't a 2-tuple of strings",
                      code);
        return -1;
    }
    obj = pk_find_class(u, KN_TUPLE_GET(pair, 0), KN_TUPLE_GET(pair, 1));
    if (obj == NULL || ob_dict_setitem(pk_state.extension_cache, key, obj) < 0)
        return -1;
    return push(u, obj);
}

/* ---- the loop ---- */

static int invalid_key(unsigned char c)
{
    char msg[40];
    if (0x20 <= c && c <= 0x7e && c != '\'' && c != '\\')
        snprintf(msg, sizeof msg, "invalid load key, '%c'.", c);
    else
        snprintf(msg, sizeof msg, "invalid load key, '\\x%02x'.", c);
    ob_err_set_string(PK_ERR(UnpicklingError), msg);
    return -1;
}

static int dispatch(PkUnpickler *u, unsigned char op)
{
    switch ((char)op) {
    case 'N': return pk_stack_push(u, KN_None);
    case '\x88': return pk_stack_push(u, KN_True);
    case '\x89': return pk_stack_push(u, KN_False);
    case 'I': return load_int(u);
    case 'J': return load_binintx(u, 4);
    case 'K': return load_binintx(u, 1);
    case 'M': return load_binintx(u, 2);
    case 'L': return load_long(u);
    case '\x8a': return load_counted_long(u, 1);
    case '\x8b': return load_counted_long(u, 4);
    case 'F': return load_float(u);
    case 'G': return load_binfloat(u);
    case 'S': return load_string(u);
    case 'T': return load_binstring(u, 4);
    case 'U': return load_binstring(u, 1);
    case 'B': return load_counted_binbytes(u, 4);
    case 'C': return load_counted_binbytes(u, 1);
    case '\x8e': return load_counted_binbytes(u, 8);
    case '\x96': return load_counted_bytearray(u);
    case '\x97': return load_next_buffer(u);
    case '\x98': return load_readonly_buffer(u);
    case 'V': return load_unicode(u);
    case 'X': return load_counted_binunicode(u, 4);
    case '\x8c': return load_counted_binunicode(u, 1);
    case '\x8d': return load_counted_binunicode(u, 8);
    case ')': return load_counted_tuple(u, 0);
    case '\x85': return load_counted_tuple(u, 1);
    case '\x86': return load_counted_tuple(u, 2);
    case '\x87': return load_counted_tuple(u, 3);
    case 't': return load_tuple(u);
    case ']': return push(u, ob_list_new(0));
    case 'l': return load_list(u);
    case '}': return push(u, ob_dict_new());
    case 'd': return load_dict(u);
    case '\x8f': return push(u, ob_set_new(NULL));
    case '\x91': return load_frozenset(u);
    case '\x90': return load_additems(u);
    case 'a': return do_append(u, u->sp - 1);
    case 'e': {
        kn_ssize_t i = marker(u);
        return i < 0 ? -1 : do_append(u, i);
    }
    case 's': return do_setitems(u, u->sp - 2);
    case 'u': {
        kn_ssize_t i = marker(u);
        return i < 0 ? -1 : do_setitems(u, i);
    }
    case 'o': return load_obj(u);
    case 'i': return load_inst(u);
    case '\x81': return load_newobj(u, 0);
    case '\x92': return load_newobj(u, 1);
    case 'c': return load_global(u);
    case '\x93': return load_stack_global(u);
    case 'R': return load_reduce(u);
    case 'b': return load_build(u);
    case '(': return load_mark(u);
    case 'P': return load_persid(u);
    case 'Q': return load_binpersid(u);
    case '0': return load_pop(u);
    case '1': return load_pop_mark(u);
    case '2': return load_dup(u);
    case 'g': return load_get(u);
    case 'h': return load_binget(u, 1);
    case 'j': return load_binget(u, 4);
    case 'p': return load_put(u);
    case 'q': return load_binput(u, 1);
    case 'r': return load_binput(u, 4);
    case '\x94': return load_memoize(u);
    case '\x80': return load_proto(u);
    case '\x95': return load_frame(u);
    case '\x82': return load_extension(u, 1);
    case '\x83': return load_extension(u, 2);
    case '\x84': return load_extension(u, 4);
    default: return invalid_key(op);
    }
}

KnObject *pk_load(PkUnpickler *u)
{
    u->num_marks = 0;
    u->mark_set = 0;
    u->fence = 0;
    u->proto = 0;
    stack_clear(u, 0);
    for (;;) {
        char *s;
        if (pk_read(u, &s, 1) < 0) {
            if (ob_err_matches(pk_state.UnpicklingError))
                ob_err_set_string(ob_exc_EOFError, "Ran out of input");
            return NULL;
        }
        if (*s == '.')
            break;
        if (dispatch(u, (unsigned char)*s) < 0)
            return NULL;
    }
    if (u->read != NULL && pk_skip_consumed(u) < 0)
        return NULL;
    return pk_stack_pop(u);
}
