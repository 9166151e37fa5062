/* libjit/src/xoptions.h — the -X debug switches libjit acts on itself
 * (xoptions.c; python-bin documents them in -h and its README):
 *   -X dis          the main program's bytecode (script, -c, stdin) on
 *                   stderr before it runs
 *   -X dis=all      every code object compiled from source (imports,
 *                   compile(), exec of a string) as it is compiled
 *   -X specstats    the specialisation report at exit (as KILN_SPECSTATS=1) */
#ifndef LIBJIT_XOPTIONS_H
#define LIBJIT_XOPTIONS_H

#include "libjit/jit.h"

/* From jit_configure: read cfg's -X texts. */
void jit_xoptions_apply(const jit_config *cfg);
/* jit.c after compiling the main program; compile.c after every compile. */
void jit_xopt_dis_main(KnObject *code);
void jit_xopt_dis_compiled(KnObject *code);

#endif
