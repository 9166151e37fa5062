/* pyexpat_internal.h — shared by the pyexpat_*.c files (part compress).
 * Not public.  Design notes: ../NOTES-pyexpat.md. */
#ifndef STDLIB_PYEXPAT_INTERNAL_H
#define STDLIB_PYEXPAT_INTERNAL_H

#include <expat.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libobject/buffer.h"

/* The handler attributes, in CPython's order (their index is the slot in
 * XpParser.handlers). */
#define XP_HANDLERS(X) \
    X(StartElement, "StartElementHandler") X(EndElement, "EndElementHandler") \
    X(ProcessingInstruction, "ProcessingInstructionHandler") \
    X(CharacterData, "CharacterDataHandler") X(UnparsedEntityDecl, "UnparsedEntityDeclHandler") \
    X(NotationDecl, "NotationDeclHandler") X(StartNamespaceDecl, "StartNamespaceDeclHandler") \
    X(EndNamespaceDecl, "EndNamespaceDeclHandler") X(Comment, "CommentHandler") \
    X(StartCdataSection, "StartCdataSectionHandler") \
    X(EndCdataSection, "EndCdataSectionHandler") X(Default, "DefaultHandler") \
    X(DefaultExpand, "DefaultHandlerExpand") X(NotStandalone, "NotStandaloneHandler") \
    X(ExternalEntityRef, "ExternalEntityRefHandler") \
    X(StartDoctypeDecl, "StartDoctypeDeclHandler") X(EndDoctypeDecl, "EndDoctypeDeclHandler") \
    X(EntityDecl, "EntityDeclHandler") X(XmlDecl, "XmlDeclHandler") \
    X(ElementDecl, "ElementDeclHandler") X(AttlistDecl, "AttlistDeclHandler") \
    X(SkippedEntity, "SkippedEntityHandler")

enum {
#define XP_ENUM(n, attr) XP_##n,
    XP_HANDLERS(XP_ENUM)
#undef XP_ENUM
    XP_NHANDLERS
};

typedef struct XpParser {
    KN_OBJECT_HEAD;
    XML_Parser itself;
    int ordered_attributes;
    int specified_attributes;
    int in_callback;
    int ns_prefixes;
    XML_Char *buffer;        /* character data buffer, NULL: not buffering */
    int buffer_size;
    int buffer_used;
    KnObject *intern;        /* dict, or NULL: no interning */
    KnObject *handlers[XP_NHANDLERS];
} XpParser;

extern KnTypeObject xp_parser_type;
extern KnObject *xp_error_type;      /* xml.parsers.expat.ExpatError */

/* A parser object around a new expat parser (encoding / separator may be
 * NULL; intern a dict or NULL).  NULL with the exception set. */
XpParser *xp_parser_new(const char *encoding, const char *separator, KnObject *intern);

/* A str argument as UTF-8 without NULs (None gives NULL when or_none):
 * TypeError "<fname>() argument <which> must be str[ or None], not T"
 * (which NULL: "argument must be ..."). */
int xp_str_arg(const char *fname, const char *which, KnObject *o, int or_none, const char **out);

/* pyexpat_handlers.c */
/* Install (handler non-NULL) or remove the C callback of slot i. */
void xp_set_c_handler(XpParser *p, int i, int install);
/* Drop every Python handler (after one raised), as CPython does. */
void xp_clear_handlers(XpParser *p);
/* Hand the buffered character data to CharacterDataHandler.  0 / -1. */
int xp_flush_character_buffer(XpParser *p);
/* The unknown-encoding handler every parser gets (8-bit codecs). */
int XMLCALL xp_unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info);

/* The ExpatError for code (message "<text>: line L, column C", with
 * .code, .lineno, .offset); returns NULL. */
KnObject *xp_set_error(XpParser *p, enum XML_Error code);

#endif
