/* libjit/src/compile_match.c — the match statement (placeholder until the
 * pattern compiler lands: a clear error instead of wrong code). */
#include "compile.h"
#include "libobject/libobject.h"

int jit_c_match(jit_compiler *c, ps_stmt *s)
{
    (void)s;
    ob_err_set_string(ob_exc_NotImplementedError,
                      "Kiln's compiler does not compile match statements yet");
    return jit_c_objerr(c);
}
