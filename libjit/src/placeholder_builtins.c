/* placeholder until libjit's builtins part lands; remove from build-builtins.ninja then. */
typedef int jit_placeholder_builtins;
