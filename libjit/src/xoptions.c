/* libjit/src/xoptions.c — -X dis, -X dis=all, -X specstats (xoptions.h). */
#include <stdlib.h>
#include <string.h>

#include "specialize.h"
#include "xoptions.h"
#include "code.h"

enum { DIS_OFF = 0, DIS_MAIN = 1, DIS_ALL = 2 };
static int dis_mode;

static void specstats_at_exit(void)
{
    jit_specialize_report(stderr);
}

void jit_xoptions_apply(const jit_config *cfg)
{
    for (int i = 0; i < cfg->n_xoptions; i++) {
        const char *x = cfg->xoptions[i];
        if (strcmp(x, "dis") == 0 || strcmp(x, "dis=main") == 0) {
            dis_mode = DIS_MAIN;
        } else if (strcmp(x, "dis=all") == 0) {
            dis_mode = DIS_ALL;
        } else if (strcmp(x, "specstats") == 0) {
            /* KILN_SPECSTATS registers its own report; one is enough. */
            const char *e = getenv("KILN_SPECSTATS");
            if (!jit_spec_stats_on && !(e != NULL && *e != '\0' && strcmp(e, "0") != 0)) {
                jit_spec_stats_on = 1;
                atexit(specstats_at_exit);
            }
        }
    }
}

void jit_set_dis_on_compile(int on)
{
    dis_mode = on ? DIS_ALL : DIS_OFF;
}

static void dis(KnObject *code)
{
    KnCodeObject *co = JIT_CODE(code);
    const char *file = ob_str_as_utf8(co->co_filename, NULL);
    const char *name = ob_str_as_utf8(co->co_name, NULL);
    if (file == NULL || name == NULL) {
        ob_err_clear();
        file = name = "?";
    }
    fprintf(stderr, "-- Kiln bytecode of %s (%s) --\n", name, file);
    jit_code_dis(code, stderr);
    fflush(stderr);
}

void jit_xopt_dis_main(KnObject *code)
{
    if (dis_mode == DIS_MAIN && code != NULL)
        dis(code);
}

void jit_xopt_dis_compiled(KnObject *code)
{
    if (dis_mode == DIS_ALL && code != NULL && KN_TYPE(code) == &jit_code_type)
        dis(code);
}
