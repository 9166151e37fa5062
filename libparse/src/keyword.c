/* keyword.c — classifying NAME tokens as keywords (keyword.def). */
#include "libparse/token.h"

#include <string.h>

static const char *const kw_text[] = {
    NULL,
#define PS_KEYWORD(name, text, soft) text,
#include "libparse/keyword.def"
};
static const unsigned char kw_soft[] = {
    0,
#define PS_KEYWORD(name, text, soft) soft,
#include "libparse/keyword.def"
};

ps_keyword ps_keyword_lookup(const char *s, size_t len)
{
    /* 38 entries: a linear scan filtered on length and first byte is as fast
     * as a hash for this size and needs no generated table. */
    if (len == 0 || len > 8)
        return PS_KW_NOT_A_KEYWORD;
    for (int k = 1; k < PS_KW__COUNT; k++) {
        const char *t = kw_text[k];
        if (t[0] == s[0] && strlen(t) == len && !memcmp(t, s, len))
            return (ps_keyword)k;
    }
    return PS_KW_NOT_A_KEYWORD;
}

int ps_keyword_is_soft(ps_keyword kw)
{
    return (unsigned)kw < PS_KW__COUNT && kw_soft[kw];
}

const char *ps_keyword_text(ps_keyword kw)
{
    return (unsigned)kw < PS_KW__COUNT ? kw_text[kw] : NULL;
}
