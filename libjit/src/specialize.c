/* libjit/src/specialize.c — the adaptive machinery: counters, backoff,
 * side slots, statistics and the KILN_SPECSTATS report
 * (NOTES-specialization.md).  The specialisers are in specialize_ops.c. */
#include <stdlib.h>
#include <string.h>

#include "libgc/gc.h"
#include "specialize.h"

/* Base opcode and name of every specialised form, straight from
 * opcodes.def (the same facts as opcode.c's accessors, as constant
 * tables the specialiser reads without a call). */
static const uint8_t spec_base[256] = {
#define SPEC(name, base) [JIT_OP_##name] = JIT_OP_##base,
#include "opcodes.def"
};
static const char *const spec_name[256] = {
#define OP(name, pops, pushes, caches, flags) [JIT_OP_##name] = #name,
#include "opcodes.def"
#define SPEC(name, base) [JIT_OP_##name] = #name,
#include "opcodes.def"
};

int jit_spec_stats_on;
uint64_t jit_spec_stats[256][JIT_STAT__N];

uint16_t jit_spec_slot_for(KnCodeObject *co, uint16_t *c)
{
    if (*c != 0)
        return *c;
    jit_spec_data *d = co->co_extra;
    if (d == NULL) {
        d = kgc_alloc(sizeof *d);
        if (d == NULL)
            return 0;
        co->co_extra = d;
    }
    if (d->nslots == 0)
        d->nslots = 1;   /* index 0 means "none" */
    if (d->nslots >= 0xffff)
        return 0;
    if (d->nslots >= d->cap) {
        int32_t cap = d->cap ? 2 * d->cap : 8;
        jit_spec_slot *n = kgc_alloc(sizeof *n * (size_t)cap);
        if (n == NULL)
            return 0;
        if (d->slots != NULL)
            memcpy(n, d->slots, sizeof *n * (size_t)d->nslots);
        d->slots = n;
        d->cap = cap;
    }
    *c = (uint16_t)d->nslots++;
    return *c;
}

/* KILN_NOQUICKEN=1: every attempt fails (A/B measurements, debugging). */
static int spec_disabled;

void jit_spec_rewrite(uint16_t *instr, int op)
{
    if (spec_disabled) {
        jit_spec_fail(instr);
        return;
    }
    JIT_SPEC_STAT(op, JIT_STAT_SPECIALISED);
    *instr = (uint16_t)((*instr & 0xff00) | (unsigned)op);
    instr[1] = (uint16_t)(JIT_SPEC_BACKOFF(instr[1]) << 12);
}

static uint16_t backoff_more(uint16_t c)
{
    unsigned b = JIT_SPEC_BACKOFF(c);
    if (b < JIT_SPEC_MAX_BACKOFF)
        b++;
    return (uint16_t)(b << 12);
}

void jit_spec_fail(uint16_t *instr)
{
    JIT_SPEC_STAT(*instr, JIT_STAT_FAILED);
    instr[1] = backoff_more(instr[1]);
}

void jit_spec_miss(uint16_t *instr)
{
    JIT_SPEC_STAT(*instr, JIT_STAT_MISS);
    uint16_t c = instr[1];
    if (JIT_SPEC_COUNT(c) < JIT_SPEC_MISS_LIMIT) {
        instr[1] = (uint16_t)(c + 1);
        return;
    }
    JIT_SPEC_STAT(*instr, JIT_STAT_DEOPT);
    int base = spec_base[*instr & 0xff];
    *instr = (uint16_t)((*instr & 0xff00) | (unsigned)base);
    instr[1] = backoff_more(c);
}

/* ---- statistics ---- */

void jit_specialize_report(FILE *out)
{
    fprintf(out, "Kiln specialisation statistics\n");
    fprintf(out, "%-32s %12s %12s %12s %12s\n", "opcode", "specialised", "failed", "misses",
            "deopts");
    for (int op = 0; op < 256; op++) {
        uint64_t *s = jit_spec_stats[op];
        if (s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] == 0)
            continue;
        fprintf(out, "%-32s %12llu %12llu %12llu %12llu\n", spec_name[op] ? spec_name[op] : "?",
                (unsigned long long)s[JIT_STAT_SPECIALISED],
                (unsigned long long)s[JIT_STAT_FAILED], (unsigned long long)s[JIT_STAT_MISS],
                (unsigned long long)s[JIT_STAT_DEOPT]);
    }
}

static void report_at_exit(void)
{
    jit_specialize_report(stderr);
}

void jit_specialize_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    const char *q = getenv("KILN_NOQUICKEN");
    spec_disabled = q != NULL && *q != '\0' && strcmp(q, "0") != 0;
    const char *e = getenv("KILN_SPECSTATS");
    if (e != NULL && *e != '\0' && strcmp(e, "0") != 0) {
        jit_spec_stats_on = 1;
        atexit(report_at_exit);
    }
}

int jit_isinstance_tuple(KnObject *o, KnObject *classes)
{
    if (ob_enter_recursive_call(" in __instancecheck__") < 0)
        return -1;
    int r = 0;
    for (kn_ssize_t i = 0; r == 0 && i < KN_SIZE(classes); i++)
        r = ob_isinstance(o, KN_TUPLE_GET(classes, i));
    ob_leave_recursive_call();
    return r;
}
