/*
 * codec_hooks.c — where the `_codecs` module (stdlib) plugs the codec
 * registry into libobject's codecs (str.h, "stdlib-codecs" block).
 *
 * libobject knows only its built-in C codecs and error handler names; for
 * any other encoding or handler name ob_str_decode / ob_str_encode are
 * meant to call these hooks, which run the registry's codec (or the
 * registered handler) with CPython's semantics.  Unset (NULL) until
 * `_codecs` is initialised.
 */
#include "libobject/libobject.h"

KnCodecHooks ob_codec_hooks;
