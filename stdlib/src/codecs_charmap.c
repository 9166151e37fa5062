/*
 * codecs_charmap.c — charmap_decode, charmap_encode, charmap_build: the
 * table-driven codecs of encodings/cp*.py, iso8859_*.py, ...
 *
 * Errors go through the error-handler registry (kn_codecs_lookup_error):
 * a UnicodeDecodeError / UnicodeEncodeError ('charmap', ..., "character
 * maps to <undefined>") is built and passed to the handler, whose
 * (replacement, newpos) result is applied — so user handlers work here.
 *
 * charmap_build returns a dict {code point: byte} where CPython returns
 * an EncodingMap object; charmap_encode accepts either form's meaning.
 */
#include <string.h>

#include "codecs_internal.h"

#define UNDEF "character maps to <undefined>"

/* mapping[key]: 1 with *v set, 0 when missing (LookupError) or None,
 * -1 on another error. */
static int map_get(KnObject *mapping, uint32_t key, KnObject **v)
{
    *v = ob_getitem(mapping, ob_int_from_ssize(key));
    if (*v == NULL) {
        if (ob_err_occurred() && ob_err_matches((KnObject *)ob_exc_LookupError)) {
            ob_err_clear();
            return 0;
        }
        return -1;
    }
    return *v != KN_None;
}

/* Decode byte c through mapping: 1 with text appended to list, 0 when
 * undefined, -1 on error. */
static int map_byte(KnObject *mapping, unsigned char c, KnObject *out)
{
    if (KN_STR_CHECK(mapping)) {
        if (c >= ob_str_length(mapping))
            return 0;
        uint32_t ch = ob_str_read_char(mapping, c);
        if (ch == 0xfffe)
            return 0;
        return ob_list_append(out, ob_str_from_char(ch)) < 0 ? -1 : 1;
    }
    KnObject *v;
    int found = map_get(mapping, c, &v);
    if (found <= 0)
        return found;
    if (KN_INT_CHECK(v)) {
        long long x = ob_int_as_long_long(v);
        if (x == -1 && ob_err_occurred())
            return -1;
        if (x < 0 || x > 0x10ffff) {
            ob_err_format(ob_exc_TypeError, "character mapping must be in range(0x110000)");
            return -1;
        }
        if (x == 0xfffe)
            return 0;
        return ob_list_append(out, ob_str_from_char((uint32_t)x)) < 0 ? -1 : 1;
    }
    if (KN_STR_CHECK(v)) {
        if (ob_str_length(v) == 1 && ob_str_read_char(v, 0) == 0xfffe)
            return 0;
        return ob_list_append(out, v) < 0 ? -1 : 1;
    }
    ob_err_format(ob_exc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

static KnObject *cd_charmap_decode(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                   KnObject *kwnames)
{
    (void)m;
    const char *errors;
    CdBytes b;
    if (cd_args("charmap_decode", args, nargs, kwnames, 1, 3) < 0
        || cd_get_bytes(args[0], &b) < 0
        || cd_get_errors("charmap_decode", 2, nargs > 1 ? args[1] : NULL, &errors) < 0)
        return NULL;
    KnObject *mapping = nargs > 2 ? args[2] : KN_None;
    if (mapping == KN_None)
        return cd_pair(cd_str_decode(b.data, b.len, "latin-1", errors), b.len);
    KnObject *parts = ob_list_new(0), *bytes_obj = NULL;
    if (parts == NULL)
        return NULL;
    kn_ssize_t i = 0;
    while (i < b.len) {
        int r = map_byte(mapping, (unsigned char)b.data[i], parts);
        if (r < 0)
            return NULL;
        if (r > 0) {
            i++;
            continue;
        }
        if (bytes_obj == NULL && (bytes_obj = ob_bytes_from_data(b.data, b.len)) == NULL)
            return NULL;
        KnObject *rep;
        if (cd_call_handler("charmap", UNDEF, errors, ob_exc_UnicodeDecodeError, bytes_obj,
                            b.len, i, i + 1, &rep, &i) < 0 || ob_list_append(parts, rep) < 0)
            return NULL;
    }
    return cd_pair(ob_str_join(ob_str_empty(), parts), b.len);
}

/* Encode ch through mapping into w: 1 done, 0 undefined, -1 error. */
static int map_char(KnObject *mapping, uint32_t ch, KnObject *out)
{
    KnObject *v;
    int found = map_get(mapping, ch, &v);
    if (found <= 0)
        return found;
    if (KN_INT_CHECK(v)) {
        long long x = ob_int_as_long_long(v);
        if (x == -1 && ob_err_occurred())
            return -1;
        if (x < 0 || x > 255) {
            ob_err_format(ob_exc_TypeError, "character mapping must be in range(256)");
            return -1;
        }
        char c = (char)x;
        return ob_list_append(out, ob_bytes_from_data(&c, 1)) < 0 ? -1 : 1;
    }
    if (KN_BYTES_CHECK(v))
        return ob_list_append(out, v) < 0 ? -1 : 1;
    ob_err_format(ob_exc_TypeError, "character mapping must return integer, bytes or None, not %s",
                  ob_type_name(KN_TYPE(v)));
    return -1;
}

static KnObject *cd_charmap_encode(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                   KnObject *kwnames)
{
    (void)m;
    const char *errors;
    if (cd_args("charmap_encode", args, nargs, kwnames, 1, 3) < 0
        || cd_check_str("charmap_encode", 1, args[0]) < 0
        || cd_get_errors("charmap_encode", 2, nargs > 1 ? args[1] : NULL, &errors) < 0)
        return NULL;
    KnObject *s = args[0], *mapping = nargs > 2 ? args[2] : KN_None;
    kn_ssize_t len = ob_str_length(s);
    if (mapping == KN_None)
        return cd_pair(cd_str_encode(s, "latin-1", errors), len);
    KnObject *parts = ob_list_new(0);
    if (parts == NULL)
        return NULL;
    kn_ssize_t i = 0;
    while (i < len) {
        int r = map_char(mapping, ob_str_read_char(s, i), parts);
        if (r < 0)
            return NULL;
        if (r > 0) {
            i++;
            continue;
        }
        kn_ssize_t j = i + 1;           /* the run of unencodable characters */
        KnObject *scratch = ob_list_new(0);
        while (j < len && (r = map_char(mapping, ob_str_read_char(s, j), scratch)) == 0)
            j++;
        if (r < 0)
            return NULL;
        KnObject *rep;
        kn_ssize_t newpos;
        if (cd_call_handler("charmap", UNDEF, errors, ob_exc_UnicodeEncodeError, s, len, i, j,
                            &rep, &newpos) < 0)
            return NULL;
        if (KN_BYTES_CHECK(rep)) {
            if (ob_list_append(parts, rep) < 0)
                return NULL;
        } else {
            kn_ssize_t rn = ob_str_length(rep);
            for (kn_ssize_t k = 0; k < rn; k++) {
                r = map_char(mapping, ob_str_read_char(rep, k), parts);
                if (r < 0)
                    return NULL;
                if (r == 0) {
                    KnObject *a = ob_int_from_ssize(i), *b = ob_int_from_ssize(j);
                    KnObject *exc = ob_call((KnObject *)ob_exc_UnicodeEncodeError,
                                            ob_tuple_pack(5, ob_str_from_cstr("charmap"), s, a, b,
                                                          ob_str_from_cstr(UNDEF)), NULL);
                    if (exc != NULL)
                        ob_err_restore(exc);
                    return NULL;
                }
            }
        }
        i = newpos;
    }
    KnObject *empty = ob_bytes_from_data("", 0);
    KnObject *joined = empty == NULL ? NULL : ob_call_method(empty, "join", 1, parts);
    return cd_pair(joined, len);
}

static KnObject *cd_charmap_build(KnObject *m, KnObject *map)
{
    (void)m;
    if (cd_check_str("charmap_build", 1, map) < 0)
        return NULL;
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return NULL;
    kn_ssize_t n = ob_str_length(map);
    for (kn_ssize_t i = 0; i < n && i < 256; i++)
        if (ob_dict_setitem(d, ob_int_from_ssize(ob_str_read_char(map, i)),
                            ob_int_from_ssize(i)) < 0)
            return NULL;
    return d;
}

KnMethodDef cd_charmap_methods[] = {
    {"charmap_decode", (KnCFunction)(void *)cd_charmap_decode, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"charmap_encode", (KnCFunction)(void *)cd_charmap_encode, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"charmap_build", (KnCFunction)cd_charmap_build, KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};
