/* names.c — the interned-name table (names.def, core.h's KN_ID). */
#include "core.h"

KnObject *ob_names[OB_NAME_COUNT];

static const char *const name_text[OB_NAME_COUNT] = {
#define X(n) #n,
#include "names.def"
#undef X
};

int ob_names_init(void)
{
    for (int i = 0; i < OB_NAME_COUNT; i++)
        if (ob_names[i] == NULL && (ob_names[i] = ob_str_intern_cstr(name_text[i])) == NULL)
            return -1;
    return 0;
}
