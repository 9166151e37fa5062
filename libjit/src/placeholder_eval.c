/* placeholder until libjit's eval part lands; remove from build-eval.ninja then. */
typedef int jit_placeholder_eval;
