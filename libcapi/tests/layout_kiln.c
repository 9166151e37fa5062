/* libcapi/tests/layout_kiln.c — Kiln's side of the layout check: the same
 * tables measured on libobject's and libjit's structs. */
#include "libobject/libobject.h"
#include "libobject/bytes.h"
#include "libobject/complex.h"
#include "libobject/set.h"
#include "libobject/slice.h"
#include "libobject/str.h"
#include "libobject/tstate.h"
#include "code.h"            /* libjit/src: CO_* flags and locals kinds */
#include "eval.h"            /* libjit/src: KnFunctionObject */

#define LAYOUT_PICK(c, k) k
#define LAYOUT_FN layout_kiln
#define LAYOUT_LABEL "Kiln"
#include "layout_expand.h"
