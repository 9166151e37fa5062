/*
 * sre_search.c — match / search entry points and the search filters.
 *
 * A search runs the matcher at successive start positions.  Most positions
 * of a typical subject cannot start a match, and starting the matcher costs
 * far more than looking at one character, so each compiled pattern gets two
 * filters (NOTES-sre.md, "Search filters"):
 *   - the literal prefix of the INFO block (re._compiler emits it when every
 *     match begins with fixed characters): candidates are found with memchr
 *     on the first character and a comparison of the rest;
 *   - otherwise a first-character set derived from the code: the union of
 *     the one-character ops one of which must match the first character,
 *     kept as a bitmap over 0..255 (characters >= 256 always pass).
 * Both only skip positions where the matcher would fail, so the results
 * (and group spans) are those of trying every position.
 */
#include <string.h>

#include "libgc/gc.h"
#include "sre_internal.h"

#define SRE_INFO_PREFIX 1

/* ---- analysis (once per compiled pattern) ---- */

/* Add to map every character < 256 the one-character op at pc accepts;
 * 0 when the op is not one (or depends on the locale). */
static int add_op_map(const uint32_t *code, kn_ssize_t n, kn_ssize_t pc, uint32_t map[8])
{
    if (pc < 0 || pc >= n)
        return 0;
    switch (code[pc]) {
    case SRE_OP_ANY_ALL:                      /* admits everything: no filter */
    case SRE_OP_LITERAL_LOC_IGNORE: case SRE_OP_NOT_LITERAL_LOC_IGNORE:
    case SRE_OP_IN_LOC_IGNORE:
        return 0;
    case SRE_OP_CATEGORY:
        if (pc + 1 < n && (code[pc + 1] == SRE_CAT_LOC_WORD || code[pc + 1] == SRE_CAT_LOC_NOT_WORD))
            return 0;
        break;
    default:
        break;
    }
    for (uint32_t c = 0; c < 256; c++) {
        int r = sre_char_op(code, n, pc, c);
        if (r < 0)
            return 0;
        if (r)
            map[c >> 5] |= 1u << (c & 31);
    }
    return 1;
}

/* Union into map the characters that can start a match of the code from
 * pc.  1 when every such match must consume a first character the map
 * admits; 0 when no such set is known (an empty match may be possible, an
 * assertion or back-reference comes first, the code is malformed...).
 * *minmark is lowered to every MARK index passed on the way. */
static int first_set(const uint32_t *code, kn_ssize_t n, kn_ssize_t pc, uint32_t map[8],
                     kn_ssize_t *minmark, int depth)
{
    if (depth > 16)
        return 0;
    for (int steps = 0; steps < 256; steps++) {
        if (pc < 0 || pc >= n)
            return 0;
        uint32_t op = code[pc];
        switch (op) {
        case SRE_OP_MARK:
            if (pc + 1 < n && (kn_ssize_t)code[pc + 1] < *minmark)
                *minmark = code[pc + 1];
            pc += 2;
            continue;
        case SRE_OP_AT:                       /* zero width: look further */
            pc += 2;
            continue;
        SRE_CASE_ONE_CHAR_OPS:
            return add_op_map(code, n, pc, map);
        case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE:
        case SRE_OP_POSSESSIVE_REPEAT_ONE:
            /* <op> <skip> <min> <max> item: the item starts the match
             * when it must occur at least once */
            if (pc + 4 >= n || code[pc + 2] == 0)
                return 0;
            return add_op_map(code, n, pc + 4, map);
        case SRE_OP_REPEAT: case SRE_OP_POSSESSIVE_REPEAT:
            /* <op> <skip> <min> <max> body: same, through the body */
            if (pc + 4 >= n || code[pc + 2] == 0)
                return 0;
            pc += 4;
            continue;
        case SRE_OP_ATOMIC_GROUP:
            pc += 2;
            continue;
        case SRE_OP_JUMP:
            /* the end of a branch alternative that consumed nothing yet */
            if (pc + 1 >= n || code[pc + 1] == 0)
                return 0;
            pc += 1 + code[pc + 1];
            continue;
        case SRE_OP_BRANCH: {
            /* <BRANCH> <skip> alt <JUMP> ... <skip> alt <JUMP> ... 0 */
            kn_ssize_t alt = pc + 1;
            int any = 0;
            while (alt < n && code[alt] != 0) {
                if (!first_set(code, n, alt + 1, map, minmark, depth + 1))
                    return 0;
                alt += code[alt];
                any = 1;
            }
            return any && alt < n;
        }
        default:
            return 0;
        }
    }
    return 0;
}

/* Maps by code index (SrePattern.maps).  Code words are scanned one by
 * one: a word that merely equals an opcode (a literal's argument, a skip)
 * may get a map too, which costs memory but is still right, since a map
 * only records what the code from that index does (sre_char_op's answers,
 * or first_set of the tail a REPEAT_ONE there would have).  Anything
 * locale-dependent is left to sre_char_op. */
#define SRE_MAX_MAPS 128
#define NO_MARK ((kn_ssize_t)1 << 62)

/* The map for the code at pc into *m; 0 when there is none. */
static int map_for(const uint32_t *code, kn_ssize_t n, kn_ssize_t pc, SreMap *m)
{
    uint32_t op = code[pc];
    memset(m, 0, sizeof *m);
    m->minmark = NO_MARK;
    if (op == SRE_OP_CATEGORY) {
        if (code[pc + 1] == SRE_CAT_LOC_WORD || code[pc + 1] == SRE_CAT_LOC_NOT_WORD)
            return 0;
    } else if (op == SRE_OP_IN || op == SRE_OP_IN_IGNORE || op == SRE_OP_IN_UNI_IGNORE) {
        /* <IN> <skip> set... FAILURE: plausibly a set */
        kn_ssize_t skip = code[pc + 1];
        if (skip < 2 || pc + skip >= n || code[pc + skip] != SRE_OP_FAILURE)
            return 0;
    } else if (op == SRE_OP_REPEAT_ONE || op == SRE_OP_MIN_REPEAT_ONE) {
        /* <op> <skip> <min> <max> item <SUCCESS> tail */
        kn_ssize_t skip = code[pc + 1];
        if (skip < 4 || pc + 1 + skip >= n)
            return 0;
        return first_set(code, n, pc + 1 + skip, m->bits, &m->minmark, 0);
    } else {
        return 0;
    }
    for (uint32_t c = 0; c < 256; c++) {
        int r = sre_char_op(code, n, pc, c);
        if (r < 0)
            return 0;
        if (r)
            m->bits[c >> 5] |= 1u << (c & 31);
    }
    return 1;
}

static void build_maps(SrePattern *p)
{
    const uint32_t *code = p->code;
    kn_ssize_t n = p->codelen;
    int32_t *index = NULL;
    SreMap *maps = NULL;
    int nmaps = 0;
    for (kn_ssize_t pc = 0; pc + 1 < n && nmaps < SRE_MAX_MAPS; pc++) {
        uint32_t op = code[pc];
        if (op != SRE_OP_CATEGORY && op != SRE_OP_IN && op != SRE_OP_IN_IGNORE &&
            op != SRE_OP_IN_UNI_IGNORE && op != SRE_OP_REPEAT_ONE && op != SRE_OP_MIN_REPEAT_ONE)
            continue;
        if (index == NULL) {
            index = kgc_alloc_atomic((size_t)n * sizeof(int32_t));
            maps = kgc_alloc_atomic(SRE_MAX_MAPS * sizeof *maps);
            if (index == NULL || maps == NULL)
                return;         /* no maps: sre_char_op does the work */
            for (kn_ssize_t i = 0; i < n; i++)
                index[i] = -1;
        }
        if (map_for(code, n, pc, &maps[nmaps]))
            index[pc] = nmaps++;
    }
    if (nmaps > 0) {
        p->map_index = index;
        p->maps = maps;
    }
}

void sre_pattern_analyse(SrePattern *p)
{
    p->map_index = NULL;
    p->maps = NULL;
    build_maps(p);
    const uint32_t *code = p->code;
    kn_ssize_t n = p->codelen, pc = 0;
    p->first_ok = 0;
    p->prefix_at = p->prefix_len = p->prefix_skip = 0;
    memset(p->first_map, 0, sizeof p->first_map);
    if (n > 0 && code[0] == SRE_OP_INFO) {
        /* <INFO> <skip> <flags> <min> <max> [<len> <skip> prefix... overlap...] */
        if (n < 2 || code[1] == 0 || 1 + (kn_ssize_t)code[1] > n)
            return;
        if (n > 6 && (code[2] & SRE_INFO_PREFIX)) {
            kn_ssize_t len = code[5];
            if (len > 0 && 7 + len <= 1 + (kn_ssize_t)code[1]) {
                p->prefix_at = 7;
                p->prefix_len = len;
            }
        }
        pc = 1 + code[1];
        /* leading LITERAL ops that repeat the prefix: a search that found
         * the prefix starts the matcher after them (their test is done) */
        p->prefix_skip = 0;
        while (p->prefix_skip < p->prefix_len && pc + 2 * p->prefix_skip + 1 < n &&
               code[pc + 2 * p->prefix_skip] == SRE_OP_LITERAL &&
               code[pc + 2 * p->prefix_skip + 1] == code[p->prefix_at + p->prefix_skip])
            p->prefix_skip++;
    }
    uint32_t map[8] = { 0 };
    kn_ssize_t minmark = NO_MARK;     /* search attempts start with no marks */
    if (first_set(code, n, pc, map, &minmark, 0)) {
        memcpy(p->first_map, map, sizeof map);
        p->first_ok = 1;
    }
}

/* ---- entry points ---- */

#define CODE(i) ((i) >= 0 && (i) < st->codelen ? st->code[i] : (uint32_t)SRE_OP_FAILURE)

/* The code after the INFO block, or -1 when the subject is too short for
 * the pattern's minimum width. */
static kn_ssize_t skip_info(SreState *st, kn_ssize_t from)
{
    if (st->codelen > 0 && st->code[0] == SRE_OP_INFO) {
        uint32_t min = CODE(3);
        if (min && st->end - from < (kn_ssize_t)min)
            return -1;
        return 1 + CODE(1);
    }
    return 0;
}

int sre_match(SreState *st)
{
    st->ptr = st->start;
    kn_ssize_t pc = skip_info(st, st->start);
    if (pc < 0)
        return 0;
    return sre_run(st, pc);
}

/* One attempt at p; origin is where the search began (the caller has
 * reset the state for it; later attempts start from clean marks and
 * without the must-advance rule, which concerns the origin only). */
static int attempt(SreState *st, kn_ssize_t pc, kn_ssize_t p, kn_ssize_t origin)
{
    if (p != origin) {
        st->must_advance = 0;
        st->lastmark = st->lastindex = -1;
    }
    st->start = st->ptr = p;
    return sre_run(st, pc);
}

/* An attempt at p where the first `skip` characters are known to match the
 * pattern's first `skip` LITERAL ops: run from after them. */
static int attempt_after(SreState *st, kn_ssize_t pc, kn_ssize_t p, kn_ssize_t origin,
                         kn_ssize_t skip)
{
    if (p != origin) {
        st->must_advance = 0;
        st->lastmark = st->lastindex = -1;
    }
    st->start = p;
    st->ptr = p + skip;
    return sre_run(st, pc + 2 * skip);
}

/* The first position in [p, end) whose character passes map, or end. */
static kn_ssize_t next_candidate(const SreState *st, kn_ssize_t p, kn_ssize_t end,
                                 const uint32_t *map)
{
#define SCAN(T)                                                              \
    do {                                                                     \
        const T *s = (const T *)st->data;                                    \
        for (; p < end; p++) {                                               \
            uint32_t c = s[p];                                               \
            if (c >= 256 || (map[c >> 5] >> (c & 31)) & 1)                   \
                return p;                                                    \
        }                                                                    \
    } while (0)
    switch (st->kind) {
    case 1: SCAN(uint8_t); break;
    case 2: SCAN(uint16_t); break;
    default: SCAN(uint32_t); break;
    }
#undef SCAN
    return end;
}

/* The first position in [p, last] where the prefix starts, or -1. */
static kn_ssize_t next_prefix(const SreState *st, kn_ssize_t p, kn_ssize_t last,
                              const uint32_t *pre, kn_ssize_t len)
{
    uint32_t c0 = pre[0];
    while (p <= last) {
        if (st->kind == 1) {
            if (c0 > 255)
                return -1;
            const uint8_t *s = st->data;
            const uint8_t *hit = memchr(s + p, (int)c0, (size_t)(last - p + 1));
            if (hit == NULL)
                return -1;
            p = hit - s;
        } else {
            while (p <= last && sre_ch(st, p) != c0)
                p++;
            if (p > last)
                return -1;
        }
        kn_ssize_t k = 1;
        while (k < len && sre_ch(st, p + k) == pre[k])
            k++;
        if (k == len)
            return p;
        p++;
    }
    return -1;
}

int sre_search(SreState *st)
{
    kn_ssize_t p = st->start, end = st->end, origin = p;
    if (p > end)
        return 0;
    kn_ssize_t pc = skip_info(st, p);
    if (pc < 0)
        return 0;
    int r;
    uint32_t first = CODE(pc);
    if (first == SRE_OP_AT && (CODE(pc + 1) == SRE_AT_BEGINNING ||
                               CODE(pc + 1) == SRE_AT_BEGINNING_STRING)) {
        /* anchored: only the origin can match */
        st->ptr = p;
        r = sre_run(st, pc);
        st->must_advance = 0;
        if (r == 0)
            st->start = st->ptr = end;
        return r;
    }
    const SrePattern *pat = st->pat;
    if (pat != NULL && pat->prefix_len > 0 && pat->prefix_at + pat->prefix_len <= st->codelen) {
        kn_ssize_t len = pat->prefix_len, last = end - len;
        const uint32_t *pre = st->code + pat->prefix_at;
        while (p <= last) {
            p = next_prefix(st, p, last, pre, len);
            if (p < 0)
                break;
            r = attempt_after(st, pc, p, origin, pat->prefix_skip);
            if (r != 0)
                return r;
            p++;
        }
    } else if (pat != NULL && pat->first_ok) {
        for (;;) {
            p = next_candidate(st, p, end, pat->first_map);
            if (p >= end)
                break;
            r = attempt(st, pc, p, origin);
            if (r != 0)
                return r;
            p++;
        }
    } else {
        for (; p <= end; p++) {
            r = attempt(st, pc, p, origin);
            if (r != 0)
                return r;
        }
    }
    st->must_advance = 0;
    st->start = st->ptr = end;
    return 0;
}
