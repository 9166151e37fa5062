/*
 * io_open.c — io.open() and io.text_encoding(): the mode string decides the
 * stack FileIO -> Buffered* -> TextIOWrapper, as CPython does.
 */
#include <string.h>

#include "io_internal.h"

static const char *const open_kw[] = {"file", "mode", "buffering", "encoding", "errors",
                                      "newline", "closefd", "opener", NULL};
static const KnArgSpec open_spec = {"open", open_kw, 1, 8, 0};

typedef struct OpenMode {
    int creating, reading, writing, appending, updating, text, binary;
} OpenMode;

static int parse_open_mode(KnObject *modeobj, const char *mode, OpenMode *m)
{
    memset(m, 0, sizeof *m);
    for (const char *s = mode; *s; s++) {
        if (strchr("xrwab+t", *s) == NULL || strchr(s + 1, *s) != NULL) {
            ob_err_format(ob_exc_ValueError, "invalid mode: %R", modeobj);
            return -1;
        }
        switch (*s) {
        case 'x': m->creating = 1; break;
        case 'r': m->reading = 1; break;
        case 'w': m->writing = 1; break;
        case 'a': m->appending = 1; break;
        case '+': m->updating = 1; break;
        case 't': m->text = 1; break;
        case 'b': m->binary = 1; break;
        }
    }
    if (m->text && m->binary) {
        ob_err_set_string(ob_exc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    int n = m->creating + m->reading + m->writing + m->appending;
    if (n > 1) {
        ob_err_set_string(ob_exc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    return 0;
}

static int check_binary_args(const OpenMode *m, KnObject *enc, KnObject *errors, KnObject *nl)
{
    if (!m->binary)
        return 0;
    const char *what = enc && enc != KN_None ? "an encoding"
                     : errors && errors != KN_None ? "an errors"
                     : nl && nl != KN_None ? "a newline" : NULL;
    if (what == NULL)
        return 0;
    ob_err_format(ob_exc_ValueError, "binary mode doesn't take %s argument", what);
    return -1;
}

static int str_or_none(KnObject *o, const char *name)
{
    if (o == NULL || o == KN_None || KN_STR_CHECK(o))
        return 0;
    ob_err_format(ob_exc_TypeError, "open() argument '%s' must be str or None, not %s", name,
                  ob_type_name(KN_TYPE(o)));
    return -1;
}

KnObject *io_open(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    KnObject *a[8];
    if (ob_args_parse(&open_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    KnObject *file = a[0], *modeobj = a[1] ? a[1] : ob_str_from_cstr("r");
    KnObject *enc = a[3], *errors = a[4], *nl = a[5];
    if (!KN_STR_CHECK(modeobj))
        return ob_err_format(ob_exc_TypeError, "open() argument 'mode' must be str, not %s",
                             ob_type_name(KN_TYPE(modeobj)));
    if (str_or_none(enc, "encoding") < 0 || str_or_none(errors, "errors") < 0 ||
        str_or_none(nl, "newline") < 0)
        return NULL;
    kn_ssize_t buffering = -1;
    if (a[2] != NULL) {
        buffering = ob_number_as_ssize(a[2], ob_exc_OverflowError);
        if (buffering == -1 && ob_err_occurred())
            return NULL;
    }
    const char *mode = ob_str_as_utf8(modeobj, NULL);
    if (mode == NULL)
        return NULL;
    OpenMode m;
    if (parse_open_mode(modeobj, mode, &m) < 0 || check_binary_args(&m, enc, errors, nl) < 0)
        return NULL;

    char rawmode[4];
    int k = 0;
    rawmode[k++] = m.creating ? 'x' : m.reading ? 'r' : m.writing ? 'w' : m.appending ? 'a' : '?';
    if (rawmode[0] == '?')
        k = 0;          /* FileIO reports the missing mode */
    if (m.updating)
        rawmode[k++] = '+';
    rawmode[k] = 0;
    KnObject *kw = ob_tuple_pack(2, ob_str_intern_cstr("closefd"), ob_str_intern_cstr("opener"));
    if (kw == NULL)
        return NULL;
    KnObject *raw = ob_vectorcall((KnObject *)&io_fileio_type,
                                  (KnObject *[]){file, ob_str_from_cstr(rawmode),
                                                 a[6] ? a[6] : KN_True, a[7] ? a[7] : KN_None},
                                  2, kw);
    if (raw == NULL)
        return NULL;
    KnObject *result = raw;

    int line_buffering = 0;
    if (buffering == 1 || buffering < 0) {
        int tty = io_call_bool(raw, "isatty");
        if (tty < 0)
            goto error;
        if (buffering == 1 || tty) {
            buffering = -1;
            line_buffering = 1;
        }
    }
    if (buffering < 0) {
        KnObject *bs = ob_getattr_str(raw, "_blksize");
        if (bs == NULL)
            goto error;
        buffering = ob_number_as_ssize(bs, ob_exc_OverflowError);
        if (buffering == -1 && ob_err_occurred())
            goto error;
        if (buffering <= 1)
            buffering = IO_DEFAULT_BUFFER_SIZE;
    }
    if (buffering == 0) {
        if (m.binary)
            return raw;
        ob_err_set_string(ob_exc_ValueError, "can't have unbuffered text I/O");
        goto error;
    }
    KnTypeObject *cls = m.updating ? &io_bufferedrandom_type
                      : m.creating || m.writing || m.appending ? &io_bufferedwriter_type
                      : &io_bufferedreader_type;
    KnObject *buffer = ob_vectorcall((KnObject *)cls, (KnObject *[]){raw, ob_int_from_ssize(buffering)},
                                     2, NULL);
    if (buffer == NULL)
        goto error;
    result = buffer;
    if (m.binary)
        return buffer;
    KnObject *wrapper = ob_vectorcall((KnObject *)&io_textiowrapper_type,
                                      (KnObject *[]){buffer, enc ? enc : KN_None,
                                                     errors ? errors : KN_None, nl ? nl : KN_None,
                                                     KN_BOOL(line_buffering)}, 5, NULL);
    if (wrapper == NULL)
        goto error;
    result = wrapper;
    if (ob_setattr_str(wrapper, "mode", modeobj) < 0)
        goto error;
    return wrapper;
error:;
    KnObject *exc = ob_err_fetch();
    if (ob_call_method(result, "close", 0) == NULL)
        ob_err_clear();
    ob_err_restore(exc);
    return NULL;
}

static const char *const open_code_kw[] = {"path", NULL};
static const KnArgSpec open_code_spec = {"open_code", open_code_kw, 1, 1, 0};

KnObject *io_open_code(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    KnObject *path;
    if (ob_args_parse(&open_code_spec, args, nargs, kwnames, &path) < 0)
        return NULL;
    if (!KN_STR_CHECK(path))
        return ob_err_format(ob_exc_TypeError, "open_code() argument 'path' must be str, not %s",
                             ob_type_name(KN_TYPE(path)));
    /* no PyFile_SetOpenCodeHook equivalent yet: always open(path, "rb") */
    return io_open(NULL, (KnObject *[]){path, ob_str_from_cstr("rb")}, 2, NULL);
}

KnObject *io_text_encoding(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("text_encoding", nargs, 1, 2) < 0)
        return NULL;
    /* EncodingWarning (-X warn_default_encoding) is not emitted: Kiln has
     * no warnings machinery reachable from here yet. */
    if (args[0] == KN_None)
        return ob_str_from_cstr("locale");
    return args[0];
}
