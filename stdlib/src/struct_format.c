/*
 * struct_format.c — compiling a struct format string (order prefix,
 * repeat counts, native alignment) and getting buffer views.
 */
#include <ctype.h>
#include <string.h>

#include "libgc/gc.h"
#include "struct_internal.h"

/* Size of one value of code c, or 0 when c is not a format char of this
 * mode.  Native sizes are those of the C types on this machine. */
static kn_ssize_t code_size(char c, int native)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
        return 1;
    case 'h': case 'H': case 'e':
        return 2;
    case 'i': case 'I': case 'f':
        return 4;
    case 'l': case 'L':
        return native ? (kn_ssize_t)sizeof(long) : 4;
    case 'q': case 'Q': case 'd':
        return 8;
    case 'n': case 'N':
        return native ? (kn_ssize_t)sizeof(size_t) : 0;
    case 'P':
        return native ? (kn_ssize_t)sizeof(void *) : 0;
    default:
        return 0;
    }
}

static int too_long(void)
{
    ob_err_set_string((KnTypeObject *)st_error, "total struct size too long");
    return -1;
}

/* Parse the text into items; first pass counts (items == NULL), second
 * fills.  Returns 0 or -1 with struct.error set. */
static int scan(const char *f, kn_ssize_t flen, int native, StItem *items,
                kn_ssize_t *size_out, kn_ssize_t *nitems_out)
{
    kn_ssize_t size = 0, n = 0;
    for (kn_ssize_t i = 0; i < flen; i++) {
        char c = f[i];
        if (isspace((unsigned char)c))
            continue;
        kn_ssize_t num = 1;
        if (c >= '0' && c <= '9') {
            num = 0;
            while (i < flen && f[i] >= '0' && f[i] <= '9') {
                if (num > (ST_SSIZE_MAX - (f[i] - '0')) / 10)
                    return too_long();
                num = num * 10 + (f[i] - '0');
                i++;
            }
            if (i >= flen) {
                ob_err_set_string((KnTypeObject *)st_error,
                                  "repeat count given without format specifier");
                return -1;
            }
            c = f[i];
        }
        kn_ssize_t isz = code_size(c, native);
        if (isz == 0) {
            ob_err_set_string((KnTypeObject *)st_error, "bad char in struct format");
            return -1;
        }
        if (native && c != 's' && c != 'p' && c != 'x' && c != 'c') {
            kn_ssize_t a = isz;         /* alignment = size on this ABI */
            if (size > ST_SSIZE_MAX - (a - 1))
                return too_long();
            size = (size + a - 1) / a * a;
        }
        if (c == 's' || c == 'p') {
            if (items != NULL)
                items[n] = (StItem){ c, size, num };
            n++;
        } else if (c != 'x') {
            if (items != NULL)
                for (kn_ssize_t k = 0; k < num; k++)
                    items[n + k] = (StItem){ c, size + k * isz, isz };
            n += num;
        }
        if (num > (ST_SSIZE_MAX - size) / isz)
            return too_long();
        size += num * isz;
    }
    *size_out = size;
    *nitems_out = n;
    return 0;
}

int st_compile(StStruct *s, KnObject *fmt)
{
    const char *f;
    kn_ssize_t flen;
    KnObject *fstr;
    if (KN_STR_CHECK(fmt)) {
        f = ob_str_as_utf8(fmt, &flen);
        if (f == NULL)
            return -1;
        for (kn_ssize_t i = 0; i < flen; i++)
            if ((unsigned char)f[i] >= 0x80) {
                ob_err_format(ob_exc_UnicodeEncodeError,
                              "'ascii' codec can't encode character in struct format");
                return -1;
            }
        fstr = fmt;
    } else if (KN_BYTES_CHECK(fmt)) {
        f = KN_BYTES_AS_STRING(fmt);
        flen = KN_SIZE(fmt);
        fstr = NULL;
    } else {
        ob_err_format(ob_exc_TypeError,
                      "Struct() argument 1 must be a str or bytes object, not %s",
                      ob_type_name(KN_TYPE(fmt)));
        return -1;
    }
    if ((kn_ssize_t)strnlen(f, (size_t)flen) != flen) {
        ob_err_set_string((KnTypeObject *)st_error, "embedded null character");
        return -1;
    }
    const char *body = f;
    kn_ssize_t blen = flen;
    char order = '@';
    if (blen > 0 && strchr("@=<>!", body[0]) != NULL) {
        order = body[0] == '!' ? '>' : body[0];
        body++;
        blen--;
    }
    int native = order == '@';
    kn_ssize_t size, n;
    if (scan(body, blen, native, NULL, &size, &n) < 0)
        return -1;
    StItem *items = kgc_alloc_atomic((size_t)(n > 0 ? n : 1) * sizeof(StItem));
    if (items == NULL) {
        ob_err_nomemory();
        return -1;
    }
    if (scan(body, blen, native, items, &size, &n) < 0)
        return -1;
    if (fstr == NULL) {
        fstr = ob_str_from_latin1(f, flen);
        if (fstr == NULL)
            return -1;
    }
    s->format = fstr;
    s->size = size;
    s->nitems = n;
    s->items = items;
    s->order = order;
    return 0;
}

int st_view_get(KnObject *o, StView *v, int writable)
{
    memset(v, 0, sizeof *v);
    KnBufferProcs *bp = KN_TYPE(o)->tp_as_buffer;
    if (bp != NULL && bp->bf_getbuffer != NULL) {
        if (bp->bf_getbuffer(o, &v->view, writable ? 1 : 0) == 0) {
            v->has_view = 1;
            return 0;
        }
        if (!writable)
            return -1;
        ob_err_clear();
    }
    if (writable)
        ob_err_format(ob_exc_TypeError, "argument must be read-write bytes-like object, not %s",
                      ob_type_name(KN_TYPE(o)));
    else
        ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                      ob_type_name(KN_TYPE(o)));
    return -1;
}

void st_view_release(StView *v)
{
    if (v->has_view) {
        KnObject *o = v->view.obj;
        if (o != NULL && KN_TYPE(o)->tp_as_buffer && KN_TYPE(o)->tp_as_buffer->bf_releasebuffer)
            KN_TYPE(o)->tp_as_buffer->bf_releasebuffer(o, &v->view);
        v->has_view = 0;
    }
}
