/* libjit/src/dis.c — a disassembler in the format of CPython 3.11's
 * `dis.dis` (line, jump-target marker, byte offset, name, argument and its
 * meaning; then the exception table; then nested code objects).  Cache
 * units are not shown.  Code-object constants print without their address
 * ("<code object f, file "x.py", line 1>") so the output is reproducible. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "libjit/jit.h"
#include "libobject/libobject.h"
#include "libobject/complex.h"
#include "opcode.h"

static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};

static void print_str(FILE *out, KnObject *s)
{
    kn_ssize_t n;
    const char *p = s ? ob_str_as_utf8(s, &n) : NULL;
    if (!p) {
        ob_err_clear();
        fputs("?", out);
        return;
    }
    fwrite(p, 1, (size_t)n, out);
}

static void print_const(FILE *out, KnObject *v)
{
    if (KN_TYPE(v) == &jit_code_type) {
        KnCodeObject *co = JIT_CODE(v);
        fputs("<code object ", out);
        print_str(out, co->co_name);
        fputs(", file \"", out);
        print_str(out, co->co_filename);
        fprintf(out, "\", line %d>", (int)co->co_firstlineno);
        return;
    }
    print_str(out, ob_repr(v));
}

static KnObject *localsplus_name(KnCodeObject *co, int i)
{
    if (i < 0 || i >= co->co_nlocalsplus)
        return NULL;
    return ((KnTupleObject *)co->co_localsplusnames)->ob_item[i];
}

static KnObject *tuple_item(KnObject *t, int i)
{
    if (i < 0 || i >= KN_SIZE(t))
        return NULL;
    return ((KnTupleObject *)t)->ob_item[i];
}

static void dis_one(KnCodeObject *co, FILE *out)
{
    int n = co->co_ncode;
    char *is_target = calloc((size_t)n + 1, 1);
    int maxline = 0;
    for (int i = 0; i < n; i++)
        if (co->co_positions[i].lineno > maxline)
            maxline = co->co_positions[i].lineno;
    int lw = 3;
    for (int m = maxline; m >= 1000; m /= 10)
        lw++;
    /* jump targets */
    unsigned ext = 0;
    for (int i = 0; i < n;) {
        int op = co->co_code_orig[i] & 0xFF;
        unsigned arg = ext | (co->co_code_orig[i] >> 8);
        int next = i + 1 + jit_op_caches(op);
        unsigned fl = jit_op_flags(op);
        if (op == JIT_OP_EXTENDED_ARG) {
            ext = arg << 8;
            i = next;
            continue;
        }
        ext = 0;
        if (fl & JIT_OPF_JFWD && (int)(next + arg) <= n)
            is_target[next + arg] = 1;
        if (fl & JIT_OPF_JBACK && next - (int)arg >= 0)
            is_target[next - arg] = 1;
        i = next;
    }
    for (int k = 0; k < co->co_nexc; k++)
        if (co->co_exctable[k].target < n)
            is_target[co->co_exctable[k].target] = 1;
    int lastline = -1, first = 1;
    ext = 0;
    for (int i = 0; i < n;) {
        int op = co->co_code_orig[i] & 0xFF;
        unsigned arg = ext | (co->co_code_orig[i] >> 8);
        int next = i + 1 + jit_op_caches(op);
        unsigned fl = jit_op_flags(op);
        int line = co->co_positions[i].lineno;
        if (line >= 0 && line != lastline) {
            if (!first)
                fputc('\n', out);
            fprintf(out, "%*d", lw, line);
            lastline = line;
        } else {
            fprintf(out, "%*s", lw, "");
        }
        first = 0;
        fprintf(out, "     %s %4d %s", is_target[i] ? ">>" : "  ", i * 2,
                jit_op_name(op) ? jit_op_name(op) : "<unknown>");
        if (fl & JIT_OPF_ARG || op == JIT_OP_RESUME) {
            int pad = 20 - (int)strlen(jit_op_name(op) ? jit_op_name(op) : "<unknown>");
            fprintf(out, "%*s", pad > 0 ? pad : 0, "");
        }
        if (fl & JIT_OPF_ARG || op == JIT_OP_RESUME) {
            fprintf(out, " %5u", arg);
            KnObject *o = NULL;
            if (fl & JIT_OPF_CONST) {
                o = tuple_item(co->co_consts, (int)arg);
                if (o) {
                    fputs(" (", out);
                    print_const(out, o);
                    fputs(")", out);
                }
            } else if (op == JIT_OP_LOAD_GLOBAL) {
                o = tuple_item(co->co_names, (int)(arg >> 1));
                if (o) {
                    fputs(arg & 1 ? " (NULL + " : " (", out);
                    print_str(out, o);
                    fputs(")", out);
                }
            } else if (fl & JIT_OPF_NAME) {
                o = tuple_item(co->co_names, (int)arg);
                if (o && ob_str_length(o)) {
                    fputs(" (", out);
                    print_str(out, o);
                    fputs(")", out);
                }
            } else if (fl & (JIT_OPF_LOCAL | JIT_OPF_FREE) || op == JIT_OP_LOAD_CLOSURE) {
                o = localsplus_name(co, (int)arg);
                if (o) {
                    fputs(" (", out);
                    print_str(out, o);
                    fputs(")", out);
                }
            } else if (fl & JIT_OPF_JFWD) {
                fprintf(out, " (to %d)", (int)(next + arg) * 2);
            } else if (fl & JIT_OPF_JBACK) {
                fprintf(out, " (to %d)", (int)(next - arg) * 2);
            } else if (op == JIT_OP_COMPARE_OP && arg < 6) {
                fprintf(out, " (%s)", cmp_names[arg]);
            } else if (op == JIT_OP_BINARY_OP && jit_binop_symbol((int)arg)) {
                fprintf(out, " (%s)", jit_binop_symbol((int)arg));
            } else if (op == JIT_OP_FORMAT_VALUE) {
                static const char *const conv[] = {"", "str", "repr", "ascii"};
                if (arg & 3)
                    fprintf(out, " (%s%s)", conv[arg & 3], arg & 4 ? ", with format" : "");
                else if (arg & 4)
                    fputs(" (with format)", out);
            } else if (op == JIT_OP_MAKE_FUNCTION && arg) {
                static const char *const parts[] = {"defaults", "kwdefaults", "annotations",
                                                    "closure"};
                const char *sep = " (";
                for (int b = 0; b < 4; b++)
                    if (arg & (1u << b)) {
                        fprintf(out, "%s%s", sep, parts[b]);
                        sep = ", ";
                    }
                fputs(")", out);
            }
        }
        fputc('\n', out);
        ext = op == JIT_OP_EXTENDED_ARG ? arg << 8 : 0;
        i = next;
    }
    if (co->co_nexc) {
        fputs("ExceptionTable:\n", out);
        for (int k = 0; k < co->co_nexc; k++) {
            jit_exc_entry *e = &co->co_exctable[k];
            fprintf(out, "  %d to %d -> %d [%d]%s\n", e->start * 2, e->end * 2 - 2,
                    e->target * 2, e->depth, e->lasti ? " lasti" : "");
        }
    }
    free(is_target);
}

void jit_code_dis(KnObject *code, FILE *out)
{
    KnCodeObject *co = JIT_CODE(code);
    dis_one(co, out);
    for (kn_ssize_t i = 0; i < KN_SIZE(co->co_consts); i++) {
        KnObject *k = ((KnTupleObject *)co->co_consts)->ob_item[i];
        if (KN_TYPE(k) != &jit_code_type)
            continue;
        fputs("\nDisassembly of ", out);
        print_const(out, k);
        fputs(":\n", out);
        jit_code_dis(k, out);
    }
}
