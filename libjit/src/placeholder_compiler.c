/* placeholder until libjit's compiler part lands; remove from build-compiler.ninja then. */
typedef int jit_placeholder_compiler;
