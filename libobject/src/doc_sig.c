/* libobject/src/doc_sig.c — built-in docstrings that start with a text
 * signature header, "name(params)\n--\n\n" followed by the documentation,
 * are split as CPython 3.11 does: __text_signature__ is "(params)" and
 * __doc__ the rest.  A docstring without a well-formed header (name not
 * matching, no "--" line) is documentation only, with no signature. */
#include <string.h>

#include "libobject/libobject.h"

/* The header's "(params)" part [*start, *end) when doc has one for name. */
static int find_signature(const char *name, const char *doc, const char **start,
                          const char **end)
{
    if (name == NULL || doc == NULL)
        return 0;
    /* a qualified name "cls.meth" is matched by its last part */
    const char *dot = strrchr(name, '.');
    if (dot != NULL)
        name = dot + 1;
    size_t n = strlen(name);
    if (strncmp(doc, name, n) != 0 || doc[n] != '(')
        return 0;
    const char *close = strstr(doc + n, ")\n--\n\n");
    if (close == NULL)
        return 0;
    /* the header may wrap, but a blank line ends it */
    const char *blank = strstr(doc + n, "\n\n");
    if (blank != NULL && blank < close)
        return 0;
    *start = doc + n;
    *end = close + 1;
    return 1;
}

KnObject *ob_doc_text_signature(const char *name, const char *doc)
{
    const char *s, *e;
    if (!find_signature(name, doc, &s, &e))
        return KN_None;
    return ob_str_from_utf8(s, e - s);
}

KnObject *ob_doc_body(const char *name, const char *doc)
{
    const char *s, *e;
    if (doc == NULL)
        return KN_None;
    if (find_signature(name, doc, &s, &e)) {
        doc = e + 5; /* past "\n--\n\n" */
        if (*doc == '\0')
            return KN_None;
    }
    return ob_str_from_cstr(doc);
}
