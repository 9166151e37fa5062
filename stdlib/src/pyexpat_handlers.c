/*
 * pyexpat_handlers.c — the C callbacks expat calls, each turning its
 * arguments into Python objects (strings are UTF-8 from expat; NULL
 * becomes None) and calling the Python handler stored in the parser's
 * slot, with CPython 3.11's argument shapes, interning and character-data
 * buffering.
 *
 * Error protocol inside a callback: when a handler raises, the exception
 * stays set, every handler is dropped (xp_clear_handlers) and the parse
 * is stopped; Parse() then returns NULL with that exception.  Callbacks
 * do nothing while an exception is pending.
 */
#include <string.h>

#include "pyexpat_internal.h"

/* libjit's importer when linked (weak): the codec registry behind
 * ob_str_decode needs the codecs module loaded. */
KnObject *jit_import_module(const char *name) __attribute__((weak));

/* ---- conversions */

static KnObject *str_or_none(const XML_Char *s)
{
    if (s == NULL)
        return KN_None;
    return ob_str_decode_utf8(s, (kn_ssize_t)strlen(s), "strict");
}

static KnObject *str_len_or_none(const XML_Char *s, int len)
{
    if (s == NULL)
        return KN_None;
    return ob_str_decode_utf8(s, len, "strict");
}

/* CPython's string_intern: names go through the parser's intern dict. */
static KnObject *intern_str(XpParser *p, const XML_Char *s)
{
    KnObject *r = str_or_none(s);
    if (r == NULL || r == KN_None || p->intern == NULL)
        return r;
    KnObject *known = ob_dict_getitem(p->intern, r);
    if (known != NULL)
        return known;
    if (ob_err_occurred() || ob_dict_setitem(p->intern, r, r) < 0)
        return NULL;
    return r;
}

/* ---- calling handlers */

static void flag_error(XpParser *p)
{
    xp_clear_handlers(p);
    XML_StopParser(p->itself, XML_FALSE);
}

/* Call slot i with args[0 .. n-1] (NULL among them: a conversion
 * failed, the exception is set).  The result, or NULL after flag_error. */
static KnObject *call_handler(XpParser *p, int i, KnObject **args, int n)
{
    for (int k = 0; k < n; k++) {
        if (args[k] == NULL) {
            flag_error(p);
            return NULL;
        }
    }
    p->in_callback = 1;
    KnObject *r = ob_vectorcall(p->handlers[i], args, (size_t)n, NULL);
    p->in_callback = 0;
    if (r == NULL)
        flag_error(p);
    return r;
}

/* The common prologue: a handler is set, no exception pending, buffered
 * character data delivered first.  1 to go on. */
static int ready(XpParser *p, int i)
{
    return p->handlers[i] != NULL && !ob_err_occurred() && xp_flush_character_buffer(p) == 0;
}

static void XMLCALL noop_character_data(void *data, const XML_Char *s, int len)
{
    (void)data;
    (void)s;
    (void)len;
}

static int call_character_handler(XpParser *p, const XML_Char *s, int len)
{
    if (p->handlers[XP_CharacterData] == NULL)
        return -1;
    KnObject *arg = str_len_or_none(s, len);
    if (call_handler(p, XP_CharacterData, &arg, 1) == NULL) {
        XML_SetCharacterDataHandler(p->itself, noop_character_data);
        return -1;
    }
    return 0;
}

int xp_flush_character_buffer(XpParser *p)
{
    if (p->buffer == NULL || p->buffer_used == 0)
        return 0;
    int rc = call_character_handler(p, p->buffer, p->buffer_used);
    p->buffer_used = 0;
    return rc;
}

/* ---- the callbacks */

static void XMLCALL on_CharacterData(void *data, const XML_Char *s, int len)
{
    XpParser *p = data;
    if (ob_err_occurred())
        return;
    if (p->buffer == NULL) {
        call_character_handler(p, s, len);
        return;
    }
    if (p->buffer_used + len > p->buffer_size) {
        if (xp_flush_character_buffer(p) < 0)
            return;
        /* the handler may have gone away meanwhile */
        if (p->handlers[XP_CharacterData] == NULL)
            return;
    }
    /* (it may also have turned buffering off) */
    if (p->buffer == NULL || len > p->buffer_size) {
        call_character_handler(p, s, len);
        p->buffer_used = 0;
    } else {
        memcpy(p->buffer + p->buffer_used, s, (size_t)len);
        p->buffer_used += len;
    }
}

static void XMLCALL on_StartElement(void *data, const XML_Char *name, const XML_Char **atts)
{
    XpParser *p = data;
    if (!ready(p, XP_StartElement))
        return;
    int max = 0;
    if (p->specified_attributes)
        max = XML_GetSpecifiedAttributeCount(p->itself);
    else
        while (atts[max] != NULL)
            max += 2;
    KnObject *container = p->ordered_attributes ? ob_list_new(0) : ob_dict_new();
    if (container == NULL) {
        flag_error(p);
        return;
    }
    for (int i = 0; i < max; i += 2) {
        KnObject *n = intern_str(p, atts[i]);
        KnObject *v = n == NULL ? NULL : str_or_none(atts[i + 1]);
        int rc = v == NULL ? -1
                 : p->ordered_attributes ? (ob_list_append(container, n) < 0 ? -1
                                                : ob_list_append(container, v))
                 : ob_dict_setitem(container, n, v);
        if (rc < 0) {
            flag_error(p);
            return;
        }
    }
    KnObject *args[2] = { intern_str(p, name), container };
    call_handler(p, XP_StartElement, args, 2);
}

/* Most callbacks: build the arguments, call, ignore the result. */
#define XP_CALL(i, ...) do { \
        KnObject *args_[] = { __VA_ARGS__ }; \
        call_handler(p, i, args_, (int)(sizeof args_ / sizeof *args_)); \
    } while (0)

static void XMLCALL on_EndElement(void *data, const XML_Char *name)
{
    XpParser *p = data;
    if (ready(p, XP_EndElement))
        XP_CALL(XP_EndElement, intern_str(p, name));
}

static void XMLCALL on_ProcessingInstruction(void *data, const XML_Char *target,
                                             const XML_Char *text)
{
    XpParser *p = data;
    if (ready(p, XP_ProcessingInstruction))
        XP_CALL(XP_ProcessingInstruction, intern_str(p, target), str_or_none(text));
}

static void XMLCALL on_UnparsedEntityDecl(void *data, const XML_Char *entity,
                                          const XML_Char *base, const XML_Char *sysid,
                                          const XML_Char *pubid, const XML_Char *notation)
{
    XpParser *p = data;
    if (ready(p, XP_UnparsedEntityDecl))
        XP_CALL(XP_UnparsedEntityDecl, intern_str(p, entity), intern_str(p, base),
                intern_str(p, sysid), intern_str(p, pubid), intern_str(p, notation));
}

static void XMLCALL on_EntityDecl(void *data, const XML_Char *entity, int is_param,
                                  const XML_Char *value, int value_length,
                                  const XML_Char *base, const XML_Char *sysid,
                                  const XML_Char *pubid, const XML_Char *notation)
{
    XpParser *p = data;
    if (ready(p, XP_EntityDecl))
        XP_CALL(XP_EntityDecl, intern_str(p, entity), ob_int_from_ssize(is_param),
                str_len_or_none(value, value_length), intern_str(p, base),
                intern_str(p, sysid), intern_str(p, pubid), intern_str(p, notation));
}

static void XMLCALL on_XmlDecl(void *data, const XML_Char *version, const XML_Char *encoding,
                               int standalone)
{
    XpParser *p = data;
    if (ready(p, XP_XmlDecl))
        XP_CALL(XP_XmlDecl, str_or_none(version), str_or_none(encoding),
                ob_int_from_ssize(standalone));
}

/* An expat content model as CPython's nested tuple (type, quant, name,
 * children). */
static KnObject *content_model(XML_Content *m)
{
    /* models nest as deep as the document says: RecursionError, not a
     * C stack overflow */
    if (ob_enter_recursive_call(" in conv_content_model") < 0)
        return NULL;
    KnObject *r = NULL;
    KnObject *children = ob_tuple_new(m->numchildren);
    if (children == NULL)
        goto done;
    for (unsigned i = 0; i < m->numchildren; i++) {
        KnObject *c = content_model(&m->children[i]);
        if (c == NULL)
            goto done;
        KN_TUPLE_SET(children, i, c);
    }
    KnObject *name = str_or_none(m->name);
    if (name != NULL)
        r = ob_tuple_pack(4, ob_int_from_ssize(m->type), ob_int_from_ssize(m->quant), name,
                          children);
done:
    ob_leave_recursive_call();
    return r;
}

static void XMLCALL on_ElementDecl(void *data, const XML_Char *name, XML_Content *model)
{
    XpParser *p = data;
    if (ready(p, XP_ElementDecl))
        XP_CALL(XP_ElementDecl, intern_str(p, name), content_model(model));
    XML_FreeContentModel(p->itself, model);
}

static void XMLCALL on_AttlistDecl(void *data, const XML_Char *elname, const XML_Char *attname,
                                   const XML_Char *att_type, const XML_Char *dflt,
                                   int isrequired)
{
    XpParser *p = data;
    if (ready(p, XP_AttlistDecl))
        XP_CALL(XP_AttlistDecl, intern_str(p, elname), intern_str(p, attname),
                str_or_none(att_type), str_or_none(dflt), ob_int_from_ssize(isrequired));
}

static void XMLCALL on_SkippedEntity(void *data, const XML_Char *entity, int is_param)
{
    XpParser *p = data;
    if (ready(p, XP_SkippedEntity))
        XP_CALL(XP_SkippedEntity, intern_str(p, entity), ob_int_from_ssize(is_param));
}

static void XMLCALL on_NotationDecl(void *data, const XML_Char *notation, const XML_Char *base,
                                    const XML_Char *sysid, const XML_Char *pubid)
{
    XpParser *p = data;
    if (ready(p, XP_NotationDecl))
        XP_CALL(XP_NotationDecl, intern_str(p, notation), intern_str(p, base),
                intern_str(p, sysid), intern_str(p, pubid));
}

static void XMLCALL on_StartNamespaceDecl(void *data, const XML_Char *prefix,
                                          const XML_Char *uri)
{
    XpParser *p = data;
    if (ready(p, XP_StartNamespaceDecl))
        XP_CALL(XP_StartNamespaceDecl, intern_str(p, prefix), intern_str(p, uri));
}

static void XMLCALL on_EndNamespaceDecl(void *data, const XML_Char *prefix)
{
    XpParser *p = data;
    if (ready(p, XP_EndNamespaceDecl))
        XP_CALL(XP_EndNamespaceDecl, intern_str(p, prefix));
}

static void XMLCALL on_Comment(void *data, const XML_Char *text)
{
    XpParser *p = data;
    if (ready(p, XP_Comment))
        XP_CALL(XP_Comment, str_or_none(text));
}

static void XMLCALL on_StartCdataSection(void *data)
{
    XpParser *p = data;
    if (ready(p, XP_StartCdataSection))
        call_handler(p, XP_StartCdataSection, NULL, 0);
}

static void XMLCALL on_EndCdataSection(void *data)
{
    XpParser *p = data;
    if (ready(p, XP_EndCdataSection))
        call_handler(p, XP_EndCdataSection, NULL, 0);
}

static void XMLCALL on_Default(void *data, const XML_Char *s, int len)
{
    XpParser *p = data;
    if (ready(p, XP_Default))
        XP_CALL(XP_Default, str_len_or_none(s, len));
}

static void XMLCALL on_DefaultExpand(void *data, const XML_Char *s, int len)
{
    XpParser *p = data;
    if (ready(p, XP_DefaultExpand))
        XP_CALL(XP_DefaultExpand, str_len_or_none(s, len));
}

static void XMLCALL on_StartDoctypeDecl(void *data, const XML_Char *name, const XML_Char *sysid,
                                        const XML_Char *pubid, int has_internal_subset)
{
    XpParser *p = data;
    if (ready(p, XP_StartDoctypeDecl))
        XP_CALL(XP_StartDoctypeDecl, intern_str(p, name), intern_str(p, sysid),
                intern_str(p, pubid), ob_int_from_ssize(has_internal_subset));
}

static void XMLCALL on_EndDoctypeDecl(void *data)
{
    XpParser *p = data;
    if (ready(p, XP_EndDoctypeDecl))
        call_handler(p, XP_EndDoctypeDecl, NULL, 0);
}

/* The two handlers whose result matters: an int (0 on any error). */
static int int_result(KnObject *r)
{
    if (r == NULL)
        return 0;
    kn_ssize_t v = ob_number_as_ssize(r, NULL);
    return v == -1 && ob_err_occurred() ? 0 : (int)v;
}

static int XMLCALL on_NotStandalone(void *data)
{
    XpParser *p = data;
    if (!ready(p, XP_NotStandalone))
        return 0;
    return int_result(call_handler(p, XP_NotStandalone, NULL, 0));
}

static int XMLCALL on_ExternalEntityRef(XML_Parser parser, const XML_Char *context,
                                        const XML_Char *base, const XML_Char *sysid,
                                        const XML_Char *pubid)
{
    XpParser *p = XML_GetUserData(parser);
    if (!ready(p, XP_ExternalEntityRef))
        return 0;
    KnObject *args[] = { str_or_none(context), intern_str(p, base), intern_str(p, sysid),
                         intern_str(p, pubid) };
    return int_result(call_handler(p, XP_ExternalEntityRef, args, 4));
}

/* After an error: refuse external entities quietly (the parse stops). */
static int XMLCALL refuse_external_entity(XML_Parser parser, const XML_Char *context,
                                          const XML_Char *base, const XML_Char *sysid,
                                          const XML_Char *pubid)
{
    (void)parser;
    (void)context;
    (void)base;
    (void)sysid;
    (void)pubid;
    return 0;
}

/* ---- the slot table */

void xp_set_c_handler(XpParser *p, int i, int install)
{
    XML_Parser x = p->itself;
    switch (i) {
#define XP_SET(slot, setter) \
    case XP_##slot: setter(x, install ? on_##slot : NULL); break;
    XP_SET(StartElement, XML_SetStartElementHandler)
    XP_SET(EndElement, XML_SetEndElementHandler)
    XP_SET(ProcessingInstruction, XML_SetProcessingInstructionHandler)
    XP_SET(CharacterData, XML_SetCharacterDataHandler)
    XP_SET(UnparsedEntityDecl, XML_SetUnparsedEntityDeclHandler)
    XP_SET(NotationDecl, XML_SetNotationDeclHandler)
    XP_SET(StartNamespaceDecl, XML_SetStartNamespaceDeclHandler)
    XP_SET(EndNamespaceDecl, XML_SetEndNamespaceDeclHandler)
    XP_SET(Comment, XML_SetCommentHandler)
    XP_SET(StartCdataSection, XML_SetStartCdataSectionHandler)
    XP_SET(EndCdataSection, XML_SetEndCdataSectionHandler)
    XP_SET(Default, XML_SetDefaultHandler)
    XP_SET(DefaultExpand, XML_SetDefaultHandlerExpand)
    XP_SET(NotStandalone, XML_SetNotStandaloneHandler)
    XP_SET(ExternalEntityRef, XML_SetExternalEntityRefHandler)
    XP_SET(StartDoctypeDecl, XML_SetStartDoctypeDeclHandler)
    XP_SET(EndDoctypeDecl, XML_SetEndDoctypeDeclHandler)
    XP_SET(EntityDecl, XML_SetEntityDeclHandler)
    XP_SET(XmlDecl, XML_SetXmlDeclHandler)
    XP_SET(ElementDecl, XML_SetElementDeclHandler)
    XP_SET(AttlistDecl, XML_SetAttlistDeclHandler)
    XP_SET(SkippedEntity, XML_SetSkippedEntityHandler)
#undef XP_SET
    }
    /* Removing CharacterData while expat is inside a callback: a no-op
     * callback is safer than none (CPython does the same). */
    if (i == XP_CharacterData && !install && p->in_callback)
        XML_SetCharacterDataHandler(x, noop_character_data);
}

void xp_clear_handlers(XpParser *p)
{
    for (int i = 0; i < XP_NHANDLERS; i++) {
        p->handlers[i] = NULL;
        xp_set_c_handler(p, i, 0);
    }
    XML_SetExternalEntityRefHandler(p->itself, refuse_external_entity);
}

/* ---- encodings expat does not know: any 8-bit codec Python has */

int XMLCALL xp_unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info)
{
    (void)data;
    char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (char)i;
    if (jit_import_module != NULL && jit_import_module("codecs") == NULL)
        return XML_STATUS_ERROR;
    KnObject *s = ob_str_decode(all, 256, name, "replace");
    if (s == NULL)
        return XML_STATUS_ERROR;
    if (ob_length(s) != 256) {
        ob_err_set_string(ob_exc_ValueError, "multi-byte encodings are not supported");
        return XML_STATUS_ERROR;
    }
    for (int i = 0; i < 256; i++) {
        uint32_t cp = ob_str_read_char(s, i);
        info->map[i] = cp == 0xFFFD ? -1 : (int)cp;
    }
    info->data = NULL;
    info->convert = NULL;
    info->release = NULL;
    return XML_STATUS_OK;
}
