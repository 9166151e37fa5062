#ifndef LIBPARSE_VERSION_H
#define LIBPARSE_VERSION_H

#define PS_VERSION "0.1.0"

/* The library's version, as in libparse/VERSION. */
const char *ps_version(void);

#endif
