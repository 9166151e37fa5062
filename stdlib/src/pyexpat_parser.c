/*
 * pyexpat_parser.c — pyexpat.xmlparser: Parse, ParseFile, SetBase,
 * GetBase, GetInputContext, ExternalEntityParserCreate,
 * SetParamEntityParsing, UseForeignDTD; the handler attributes; intern,
 * buffer_text / buffer_size / buffer_used, ordered_attributes,
 * specified_attributes, namespace_prefixes and the Error* / Current*
 * positions — CPython 3.11's behaviour and messages.
 */
#include <limits.h>
#include <string.h>

#include "pyexpat_internal.h"
#include "intarg.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))
#define XP(o) ((XpParser *)(o))
#define XP_BUFFER_SIZE 8192     /* default buffer_size */
#define XP_READ_SIZE 2048       /* ParseFile's read() size */
#define XP_MAX_CHUNK (1 << 20)  /* Parse feeds expat at most this at once */

/* expat's memory comes from the collector (scanned: its structures hold
 * pointers to each other), so a parser needs no finalizer. */
static void *xp_malloc(size_t n)
{
    return kgc_alloc(n ? n : 1);
}

static void *xp_realloc(void *p, size_t n)
{
    return p == NULL ? kgc_alloc(n ? n : 1) : kgc_realloc(p, n ? n : 1);
}

static void xp_free(void *p)
{
    (void)p;
}

static const XML_Memory_Handling_Suite xp_memory = { xp_malloc, xp_realloc, xp_free };

XpParser *xp_parser_new(const char *encoding, const char *separator, KnObject *intern)
{
    XpParser *p = (XpParser *)ob_alloc(&xp_parser_type, 0);
    if (p == NULL)
        return NULL;
    p->buffer_size = XP_BUFFER_SIZE;
    p->intern = intern;
    p->itself = XML_ParserCreate_MM(encoding, &xp_memory, separator);
    if (p->itself == NULL) {
        ob_err_set_string(ob_exc_RuntimeError, "XML_ParserCreate failed");
        return NULL;
    }
    XML_SetUserData(p->itself, p);
    XML_SetUnknownEncodingHandler(p->itself, xp_unknown_encoding, NULL);
    return p;
}

KnObject *xp_set_error(XpParser *p, enum XML_Error code)
{
    int line = (int)XML_GetErrorLineNumber(p->itself);
    int column = (int)XML_GetErrorColumnNumber(p->itself);
    KnObject *msg = ob_str_from_format("%s: line %i, column %i", XML_ErrorString(code), line,
                                       column);
    KnObject *err = msg == NULL ? NULL : ob_call_onearg(xp_error_type, msg);
    if (err == NULL ||
        ob_setattr_str(err, "code", ob_int_from_ssize(code)) < 0 ||
        ob_setattr_str(err, "offset", ob_int_from_ssize(column)) < 0 ||
        ob_setattr_str(err, "lineno", ob_int_from_ssize(line)) < 0)
        return NULL;
    ob_err_set_object((KnTypeObject *)xp_error_type, err);
    return NULL;
}

static KnObject *parse_result(XpParser *p, int rv)
{
    if (ob_err_occurred())
        return NULL;
    if (rv == 0)
        return xp_set_error(p, XML_GetErrorCode(p->itself));
    if (xp_flush_character_buffer(p) < 0)
        return NULL;
    return ob_int_from_ssize(rv);
}

/* ---- methods */

/* Positional-only parameters with clinic's wording for methods that take
 * their defining class (CPython 3.11's _PyArg_UnpackKeywords): too many
 * arguments, then too few positional ones, then any keyword is refused. */
static int posonly_args(const char *fname, KnObject *const *argv, kn_ssize_t nargs,
                        KnObject *kwnames, int min, int max, KnObject **out)
{
    kn_ssize_t nkw = kwnames == NULL ? 0 : KN_SIZE(kwnames);
    if (nargs + nkw > max) {
        ob_err_format(ob_exc_TypeError, "%s() takes at most %d %sargument%s (%zd given)", fname,
                      max, nargs == 0 ? "keyword " : "", max == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs < min) {
        ob_err_format(ob_exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                      fname, min < max ? "at least" : "exactly", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nkw > 0) {
        ob_err_format(ob_exc_TypeError, "'%S' is an invalid keyword argument for %s()",
                      KN_TUPLE_GET(kwnames, 0), fname);
        return -1;
    }
    for (int i = 0; i < max; i++)
        out[i] = i < nargs ? argv[i] : NULL;
    return 0;
}

static KnObject *xp_parse(KnObject *self, KnObject *const *argv, kn_ssize_t nargs,
                          KnObject *kwnames)
{
    XpParser *p = XP(self);
    long long isfinal = 0;
    int overflow;
    KnObject *args[2];
    if (posonly_args("Parse", argv, nargs, kwnames, 1, 2, args) < 0)
        return NULL;
    nargs = args[1] == NULL ? 1 : 2;
    KnBuffer view = { 0 };
    const char *s;
    kn_ssize_t len;
    if (KN_STR_CHECK(args[0])) {
        s = ob_str_as_utf8(args[0], &len);
        if (s == NULL)
            return NULL;
        XML_SetEncoding(p->itself, "utf-8");
    } else {
        if (ob_buffer_get(args[0], &view, KN_BUF_SIMPLE) < 0)
            return NULL;
        s = view.buf;
        len = view.len;
    }
    KnObject *r = NULL;
    if (nargs > 1) {
        if (kn_arg_index_ll(args[1], &isfinal, &overflow) < 0)
            goto done;
        if (overflow || isfinal > INT_MAX || isfinal < INT_MIN) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
            goto done;
        }
    }
    int rc = 1;
    while (len > XP_MAX_CHUNK && rc) {
        rc = XML_Parse(p->itself, s, XP_MAX_CHUNK, 0);
        s += XP_MAX_CHUNK;
        len -= XP_MAX_CHUNK;
    }
    if (rc)
        rc = XML_Parse(p->itself, s, (int)len, (int)isfinal);
    r = parse_result(p, rc);
done:
    if (view.obj != NULL)
        ob_buffer_release(&view);
    return r;
}

/* One read(XP_READ_SIZE) into buf: the byte count, or -1. */
static int read_chunk(KnObject *read, void *buf)
{
    KnObject *data = ob_call_onearg(read, ob_int_from_ssize(XP_READ_SIZE));
    if (data == NULL)
        return -1;
    if (!KN_BYTES_CHECK(data) && !ob_type_is_subtype(KN_TYPE(data), &ob_bytearray_type)) {
        ob_err_format(ob_exc_TypeError, "read() did not return a bytes object (type=%.400s)",
                      KN_TYPE(data)->tp_name);
        return -1;
    }
    KnBuffer view;
    if (ob_buffer_get(data, &view, KN_BUF_SIMPLE) < 0)
        return -1;
    kn_ssize_t n = view.len;
    if (n > XP_READ_SIZE) {
        ob_buffer_release(&view);
        ob_err_format(ob_exc_ValueError,
                      "read() returned too much data: %i bytes requested, %zd returned",
                      XP_READ_SIZE, n);
        return -1;
    }
    memcpy(buf, view.buf, (size_t)n);
    ob_buffer_release(&view);
    return (int)n;
}

static KnObject *xp_parse_file(KnObject *self, KnObject *const *argv, kn_ssize_t nargs,
                              KnObject *kwnames)
{
    XpParser *p = XP(self);
    KnObject *file, *read;
    if (posonly_args("ParseFile", argv, nargs, kwnames, 1, 1, &file) < 0)
        return NULL;
    if (ob_lookup_attr(file, ob_str_from_cstr("read"), &read) < 0)
        return NULL;
    if (read == NULL) {
        ob_err_set_string(ob_exc_TypeError, "argument must have 'read' attribute");
        return NULL;
    }
    int rv = 1;
    for (;;) {
        void *buf = XML_GetBuffer(p->itself, XP_READ_SIZE);
        if (buf == NULL)        /* e.g. parsing already finished: expat's error */
            return parse_result(p, 0);
        int n = read_chunk(read, buf);
        if (n < 0)
            return NULL;
        rv = XML_ParseBuffer(p->itself, n, n == 0);
        if (ob_err_occurred())
            return NULL;
        if (!rv || n == 0)
            break;
    }
    return parse_result(p, rv);
}

static KnObject *xp_set_base(KnObject *self, KnObject *base)
{
    const char *s;
    if (xp_str_arg("SetBase", NULL, base, 0, &s) < 0)
        return NULL;
    if (!XML_SetBase(XP(self)->itself, s))
        return ob_err_nomemory();
    return KN_None;
}

static KnObject *xp_get_base(KnObject *self, KnObject *unused)
{
    (void)unused;
    const XML_Char *b = XML_GetBase(XP(self)->itself);
    return b == NULL ? KN_None : ob_str_decode_utf8(b, (kn_ssize_t)strlen(b), "strict");
}

static KnObject *xp_get_input_context(KnObject *self, KnObject *unused)
{
    (void)unused;
    XpParser *p = XP(self);
    if (!p->in_callback)
        return KN_None;
    int offset, size;
    const char *buf = XML_GetInputContext(p->itself, &offset, &size);
    if (buf == NULL)
        return KN_None;
    return ob_bytes_from_data(buf + offset, size - offset);
}

int xp_str_arg(const char *fname, const char *which, KnObject *o, int or_none, const char **out)
{
    if (or_none && o == KN_None) {
        *out = NULL;
        return 0;
    }
    if (!KN_STR_CHECK(o)) {
        ob_err_format(ob_exc_TypeError, "%s() argument %s%smust be str%s, not %.200s", fname,
                      which ? which : "", which ? " " : "", or_none ? " or None" : "",
                      o == KN_None ? "None" : ob_type_name(KN_TYPE(o)));
        return -1;
    }
    kn_ssize_t len;
    *out = ob_str_as_utf8(o, &len);
    if (*out == NULL)
        return -1;
    if ((kn_ssize_t)strlen(*out) != len) {
        ob_err_set_string(ob_exc_ValueError, "embedded null character");
        return -1;
    }
    return 0;
}

static KnObject *xp_external_entity_parser_create(KnObject *self, KnObject *const *argv,
                                                  kn_ssize_t nargs, KnObject *kwnames)
{
    XpParser *p = XP(self);
    const char *context, *encoding = NULL;
    KnObject *args[2];
    if (posonly_args("ExternalEntityParserCreate", argv, nargs, kwnames, 1, 2, args) < 0 ||
        xp_str_arg("ExternalEntityParserCreate", "1", args[0], 1, &context) < 0 ||
        (args[1] != NULL && xp_str_arg("ExternalEntityParserCreate", "2", args[1], 0, &encoding) < 0))
        return NULL;
    XpParser *n = (XpParser *)ob_alloc(&xp_parser_type, 0);
    if (n == NULL)
        return NULL;
    n->buffer_size = p->buffer_size;
    n->ordered_attributes = p->ordered_attributes;
    n->specified_attributes = p->specified_attributes;
    n->ns_prefixes = p->ns_prefixes;
    n->intern = p->intern;
    n->itself = XML_ExternalEntityParserCreate(p->itself, context, encoding);
    if (n->itself == NULL)
        return ob_err_nomemory();
    if (p->buffer != NULL && (n->buffer = kgc_alloc_atomic((size_t)n->buffer_size)) == NULL)
        return ob_err_nomemory();
    XML_SetUserData(n->itself, n);
    for (int i = 0; i < XP_NHANDLERS; i++) {
        xp_set_c_handler(n, i, 0);
        if (p->handlers[i] != NULL) {
            n->handlers[i] = p->handlers[i];
            xp_set_c_handler(n, i, 1);
        }
    }
    return (KnObject *)n;
}

static KnObject *xp_set_param_entity_parsing(KnObject *self, KnObject *flag)
{
    long long v;
    int overflow;
    if (kn_arg_index_ll(flag, &v, &overflow) < 0)
        return NULL;
    if (overflow || v > INT_MAX || v < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    return ob_int_from_ssize(XML_SetParamEntityParsing(XP(self)->itself,
                                                       (enum XML_ParamEntityParsing)v));
}

static KnObject *xp_use_foreign_dtd(KnObject *self, KnObject *const *argv, kn_ssize_t nargs,
                                   KnObject *kwnames)
{
    XpParser *p = XP(self);
    KnObject *arg;
    if (posonly_args("UseForeignDTD", argv, nargs, kwnames, 0, 1, &arg) < 0)
        return NULL;
    int flag = 1;
    if (arg != NULL && (flag = ob_is_true(arg)) < 0)
        return NULL;
    enum XML_Error rc = XML_UseForeignDTD(p->itself, flag ? XML_TRUE : XML_FALSE);
    if (rc != XML_ERROR_NONE)
        return xp_set_error(p, rc);
    return KN_None;
}

/* ---- attributes */

static int no_delete(KnObject *v)
{
    if (v == NULL) {
        ob_err_set_string(ob_exc_RuntimeError, "Cannot delete attribute");
        return -1;
    }
    return 0;
}

static KnObject *get_handler(KnObject *self, void *c)
{
    KnObject *h = XP(self)->handlers[(intptr_t)c];
    return h == NULL ? KN_None : h;
}

static int set_handler(KnObject *self, KnObject *v, void *c)
{
    XpParser *p = XP(self);
    int i = (int)(intptr_t)c;
    if (no_delete(v) < 0)
        return -1;
    /* data buffered for the old character handler goes to it first */
    if (i == XP_CharacterData && xp_flush_character_buffer(p) < 0)
        return -1;
    p->handlers[i] = v == KN_None ? NULL : v;
    xp_set_c_handler(p, i, v != KN_None);
    return 0;
}

static KnObject *get_intern(KnObject *self, void *c)
{
    (void)c;
    return XP(self)->intern ? XP(self)->intern : KN_None;
}

/* The Error* and Current* positions (expat keeps one set). */
enum { POS_ERROR_CODE, POS_LINE, POS_COLUMN, POS_BYTE };

static KnObject *get_position(KnObject *self, void *c)
{
    XML_Parser x = XP(self)->itself;
    switch ((int)(intptr_t)c) {
    case POS_ERROR_CODE: return ob_int_from_ssize(XML_GetErrorCode(x));
    case POS_LINE: return ob_int_from_ssize((kn_ssize_t)XML_GetCurrentLineNumber(x));
    case POS_COLUMN: return ob_int_from_ssize((kn_ssize_t)XML_GetCurrentColumnNumber(x));
    default: return ob_int_from_long_long((long long)XML_GetCurrentByteIndex(x));
    }
}

static KnObject *get_buffer_text(KnObject *self, void *c)
{
    (void)c;
    return KN_BOOL(XP(self)->buffer != NULL);
}

static int set_buffer_text(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    XpParser *p = XP(self);
    if (no_delete(v) < 0)
        return -1;
    int on = ob_is_true(v);
    if (on < 0)
        return -1;
    if (on) {
        if (p->buffer == NULL) {
            if ((p->buffer = kgc_alloc_atomic((size_t)p->buffer_size)) == NULL) {
                ob_err_nomemory();
                return -1;
            }
            p->buffer_used = 0;
        }
    } else if (p->buffer != NULL) {
        if (xp_flush_character_buffer(p) < 0)
            return -1;
        p->buffer = NULL;
    }
    return 0;
}

static KnObject *get_buffer_size(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(XP(self)->buffer_size);
}

static int set_buffer_size(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    XpParser *p = XP(self);
    if (no_delete(v) < 0)
        return -1;
    if (!KN_INT_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "buffer_size must be an integer");
        return -1;
    }
    int overflow;
    long long n = ob_int_as_long_long_and_overflow(v, &overflow);
    if (overflow < 0 || (!overflow && n <= 0)) {
        ob_err_set_string(ob_exc_ValueError, "buffer_size must be greater than zero");
        return -1;
    }
    if (overflow > 0) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    if (n == p->buffer_size)
        return 0;
    if (n > INT_MAX) {
        ob_err_format(ob_exc_ValueError, "buffer_size must not be greater than %i", INT_MAX);
        return -1;
    }
    if (p->buffer != NULL && p->buffer_used != 0 && xp_flush_character_buffer(p) < 0)
        return -1;
    /* as CPython: a new size also turns buffering on */
    if ((p->buffer = kgc_alloc_atomic((size_t)n)) == NULL) {
        ob_err_nomemory();
        return -1;
    }
    p->buffer_size = (int)n;
    return 0;
}

static KnObject *get_buffer_used(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(XP(self)->buffer_used);
}

enum { FLAG_NS_PREFIXES, FLAG_ORDERED, FLAG_SPECIFIED };

static int *flag_field(XpParser *p, int which)
{
    return which == FLAG_NS_PREFIXES ? &p->ns_prefixes
           : which == FLAG_ORDERED ? &p->ordered_attributes : &p->specified_attributes;
}

static KnObject *get_flag(KnObject *self, void *c)
{
    return KN_BOOL(*flag_field(XP(self), (int)(intptr_t)c));
}

static int set_flag(KnObject *self, KnObject *v, void *c)
{
    int which = (int)(intptr_t)c;
    if (no_delete(v) < 0)
        return -1;
    int b = ob_is_true(v);
    if (b < 0)
        return -1;
    *flag_field(XP(self), which) = b;
    if (which == FLAG_NS_PREFIXES)
        XML_SetReturnNSTriplet(XP(self)->itself, b);
    return 0;
}

static KnMethodDef xp_methods[] = {
    { "Parse", FC(xp_parse), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Parse XML data.\n\n`isfinal' should be true at end of input." },
    { "ParseFile", FC(xp_parse_file), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Parse XML data from file-like object." },
    { "SetBase", FC(xp_set_base), KN_METH_O, "Set the base URL for the parser." },
    { "GetBase", FC(xp_get_base), KN_METH_NOARGS, "Return base URL string for the parser." },
    { "GetInputContext", FC(xp_get_input_context), KN_METH_NOARGS,
      "Return the untranslated text of the input that caused the current event.\n\n"
      "If the event was generated by a large amount of text (such as a start tag\n"
      "for an element with many attributes), not all of the text may be available." },
    { "ExternalEntityParserCreate", FC(xp_external_entity_parser_create),
      KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Create a parser for parsing an external entity based on the information passed to "
      "the ExternalEntityRefHandler." },
    { "SetParamEntityParsing", FC(xp_set_param_entity_parsing), KN_METH_O,
      "Controls parsing of parameter entities (including the external DTD subset).\n\n"
      "Possible flag values are XML_PARAM_ENTITY_PARSING_NEVER,\n"
      "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE and\n"
      "XML_PARAM_ENTITY_PARSING_ALWAYS. Returns true if setting the flag\nwas successful." },
    { "UseForeignDTD", FC(xp_use_foreign_dtd), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Allows the application to provide an artificial external subset if one is not "
      "specified as part of the document instance.\n\nThis readily allows the use of a "
      "'default' document type controlled by the\napplication, while still getting the "
      "advantage of providing document type\ninformation to the parser. 'flag' defaults to "
      "True if not provided." },
    { NULL, NULL, 0, NULL }
};

#define P(x) ((void *)(intptr_t)(x))
static KnGetSetDef xp_getset[] = {
    { "intern", get_intern, NULL, NULL, NULL },
    { "ErrorCode", get_position, NULL, NULL, P(POS_ERROR_CODE) },
    { "ErrorLineNumber", get_position, NULL, NULL, P(POS_LINE) },
    { "ErrorColumnNumber", get_position, NULL, NULL, P(POS_COLUMN) },
    { "ErrorByteIndex", get_position, NULL, NULL, P(POS_BYTE) },
    { "CurrentLineNumber", get_position, NULL, NULL, P(POS_LINE) },
    { "CurrentColumnNumber", get_position, NULL, NULL, P(POS_COLUMN) },
    { "CurrentByteIndex", get_position, NULL, NULL, P(POS_BYTE) },
    { "buffer_size", get_buffer_size, set_buffer_size, NULL, NULL },
    { "buffer_text", get_buffer_text, set_buffer_text, NULL, NULL },
    { "buffer_used", get_buffer_used, NULL, NULL, NULL },
    { "namespace_prefixes", get_flag, set_flag, NULL, P(FLAG_NS_PREFIXES) },
    { "ordered_attributes", get_flag, set_flag, NULL, P(FLAG_ORDERED) },
    { "specified_attributes", get_flag, set_flag, NULL, P(FLAG_SPECIFIED) },
#define XP_GETSET(n, attr) { attr, get_handler, set_handler, NULL, P(XP_##n) },
    XP_HANDLERS(XP_GETSET)
#undef XP_GETSET
    { NULL, NULL, NULL, NULL, NULL }
};

KnTypeObject xp_parser_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "pyexpat.xmlparser", .tp_basicsize = sizeof(XpParser),
    .tp_getattro = ob_generic_getattr, .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "XML parser",
    .tp_methods = xp_methods, .tp_getset = xp_getset,
};
