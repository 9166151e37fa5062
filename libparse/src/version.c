/* version.c — libparse's version string (from libparse/VERSION). */
#include "libparse/version.h"

const char *ps_version(void)
{
    return PS_VERSION;
}
