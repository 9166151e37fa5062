/*
 * sre_internal.h — the _sre module: CPython 3.11's regular-expression code
 * (re/_constants.py, MAGIC 20220615) and Kiln's matcher for it
 * (NOTES-sre.md).
 */
#ifndef STDLIB_SRE_INTERNAL_H
#define STDLIB_SRE_INTERNAL_H

#include <stdint.h>

#include "libobject/libobject.h"

#define SRE_MAGIC 20220615
#define SRE_MAXREPEAT 0xffffffffu
#define SRE_MAXGROUPS 0x3fffffff

/* opcodes (re/_constants.py OPCODES order) */
enum {
    SRE_OP_FAILURE, SRE_OP_SUCCESS, SRE_OP_ANY, SRE_OP_ANY_ALL, SRE_OP_ASSERT,
    SRE_OP_ASSERT_NOT, SRE_OP_AT, SRE_OP_BRANCH, SRE_OP_CATEGORY, SRE_OP_CHARSET,
    SRE_OP_BIGCHARSET, SRE_OP_GROUPREF, SRE_OP_GROUPREF_EXISTS, SRE_OP_IN, SRE_OP_INFO,
    SRE_OP_JUMP, SRE_OP_LITERAL, SRE_OP_MARK, SRE_OP_MAX_UNTIL, SRE_OP_MIN_UNTIL,
    SRE_OP_NOT_LITERAL, SRE_OP_NEGATE, SRE_OP_RANGE, SRE_OP_REPEAT, SRE_OP_REPEAT_ONE,
    SRE_OP_SUBPATTERN, SRE_OP_MIN_REPEAT_ONE, SRE_OP_ATOMIC_GROUP, SRE_OP_POSSESSIVE_REPEAT,
    SRE_OP_POSSESSIVE_REPEAT_ONE, SRE_OP_GROUPREF_IGNORE, SRE_OP_IN_IGNORE,
    SRE_OP_LITERAL_IGNORE, SRE_OP_NOT_LITERAL_IGNORE, SRE_OP_GROUPREF_LOC_IGNORE,
    SRE_OP_IN_LOC_IGNORE, SRE_OP_LITERAL_LOC_IGNORE, SRE_OP_NOT_LITERAL_LOC_IGNORE,
    SRE_OP_GROUPREF_UNI_IGNORE, SRE_OP_IN_UNI_IGNORE, SRE_OP_LITERAL_UNI_IGNORE,
    SRE_OP_NOT_LITERAL_UNI_IGNORE, SRE_OP_RANGE_UNI_IGNORE
};

/* The case labels of the one-character ops (what sre_char_op accepts),
 * less the final colon: `SRE_CASE_ONE_CHAR_OPS:`. */
#define SRE_CASE_ONE_CHAR_OPS                                                   \
    case SRE_OP_ANY: case SRE_OP_ANY_ALL:                                       \
    case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL:                               \
    case SRE_OP_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_IGNORE:                 \
    case SRE_OP_LITERAL_UNI_IGNORE: case SRE_OP_NOT_LITERAL_UNI_IGNORE:         \
    case SRE_OP_LITERAL_LOC_IGNORE: case SRE_OP_NOT_LITERAL_LOC_IGNORE:         \
    case SRE_OP_CATEGORY:                                                       \
    case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE:           \
    case SRE_OP_IN_LOC_IGNORE

/* AT codes */
enum {
    SRE_AT_BEGINNING, SRE_AT_BEGINNING_LINE, SRE_AT_BEGINNING_STRING, SRE_AT_BOUNDARY,
    SRE_AT_NON_BOUNDARY, SRE_AT_END, SRE_AT_END_LINE, SRE_AT_END_STRING,
    SRE_AT_LOC_BOUNDARY, SRE_AT_LOC_NON_BOUNDARY, SRE_AT_UNI_BOUNDARY, SRE_AT_UNI_NON_BOUNDARY
};

/* CATEGORY codes */
enum {
    SRE_CAT_DIGIT, SRE_CAT_NOT_DIGIT, SRE_CAT_SPACE, SRE_CAT_NOT_SPACE, SRE_CAT_WORD,
    SRE_CAT_NOT_WORD, SRE_CAT_LINEBREAK, SRE_CAT_NOT_LINEBREAK, SRE_CAT_LOC_WORD,
    SRE_CAT_LOC_NOT_WORD, SRE_CAT_UNI_DIGIT, SRE_CAT_UNI_NOT_DIGIT, SRE_CAT_UNI_SPACE,
    SRE_CAT_UNI_NOT_SPACE, SRE_CAT_UNI_WORD, SRE_CAT_UNI_NOT_WORD, SRE_CAT_UNI_LINEBREAK,
    SRE_CAT_UNI_NOT_LINEBREAK
};

#define SRE_FLAG_TEMPLATE 1
#define SRE_FLAG_IGNORECASE 2
#define SRE_FLAG_LOCALE 4
#define SRE_FLAG_MULTILINE 8
#define SRE_FLAG_DOTALL 16
#define SRE_FLAG_UNICODE 32
#define SRE_FLAG_VERBOSE 64
#define SRE_FLAG_DEBUG 128
#define SRE_FLAG_ASCII 256

/* ---- character helpers (sre_chars.c) ---- */
uint32_t sre_lower_ascii(uint32_t ch);
uint32_t sre_lower_unicode(uint32_t ch);      /* simple lowercase mapping */
uint32_t sre_upper_unicode(uint32_t ch);      /* simple uppercase mapping */
uint32_t sre_lower_locale(uint32_t ch);
uint32_t sre_upper_locale(uint32_t ch);
int sre_category(uint32_t cat, uint32_t ch);
/* Is ch in the set starting at code[pc] (ends with FAILURE)?  n = code length. */
int sre_charset(const uint32_t *code, kn_ssize_t n, kn_ssize_t pc, uint32_t ch);
int sre_charset_loc_ignore(const uint32_t *code, kn_ssize_t n, kn_ssize_t pc, uint32_t ch);

/* ---- the matcher (sre_engine.c) ---- */

typedef struct SreRepeat {
    kn_ssize_t count;
    kn_ssize_t pc;          /* code index of the REPEAT's <skip> */
    kn_ssize_t last_ptr;    /* zero-width protection, -1 none */
    kn_ssize_t prev;        /* enclosing repeat, -1 none */
} SreRepeat;

/* A sub-match waiting for (or running) its continuation (sre_engine.c). */
typedef struct SreFrame {
    kn_ssize_t pc;          /* next op; while waiting: the op's first argument */
    kn_ssize_t ptr;
    kn_ssize_t lastmark, lastindex;     /* saved for restoring */
    kn_ssize_t count;
    kn_ssize_t alt;         /* BRANCH: the alternative being tried */
    kn_ssize_t markbase;    /* data-stack index of saved marks, -1 none */
    kn_ssize_t nsaved;      /* marks saved there */
    kn_ssize_t saved;       /* saved last_ptr / POSSESSIVE_REPEAT position */
    kn_ssize_t rep;
    int jump;
    int toplevel;
} SreFrame;

/* Stack room inside the state itself: most matches never allocate. */
#define SRE_INLINE_FRAMES 16
#define SRE_INLINE_DATA 32
#define SRE_INLINE_REPS 8
#define SRE_INLINE_MARKS 24

struct SrePattern;

typedef struct SreState {
    const void *data;       /* the subject's characters */
    int kind;               /* 1, 2, 4 bytes per character */
    int isbytes;
    kn_ssize_t length;      /* of the whole subject ("beginning" is 0) */
    kn_ssize_t pos, endpos; /* clamped arguments */
    kn_ssize_t start, end;  /* the current attempt's start; end == endpos */
    kn_ssize_t ptr;         /* where the last success ended */
    int match_all, must_advance;
    kn_ssize_t lastmark, lastindex;
    kn_ssize_t *marks;      /* 2 per group, -1 unset */
    kn_ssize_t nmarks;
    kn_ssize_t rep;         /* current repeat, -1 none */
    const uint32_t *code;
    kn_ssize_t codelen;
    /* stacks, grown on demand (kgc_alloc_atomic) */
    SreRepeat *reps;
    kn_ssize_t nreps, capreps;
    kn_ssize_t *data_stack;
    kn_ssize_t ndata, capdata;
    SreFrame *frames;
    kn_ssize_t nframes, capframes;
    const struct SrePattern *pat;   /* for the search filters */
    /* The stacks start here (sre_state_init points at them); grow() copies
     * to the heap when one overflows.  Not cleared by sre_state_init. */
    kn_ssize_t marks_inline[SRE_INLINE_MARKS];
    kn_ssize_t data_inline[SRE_INLINE_DATA];
    SreRepeat reps_inline[SRE_INLINE_REPS];
    SreFrame frames_inline[SRE_INLINE_FRAMES];
} SreState;

static inline uint32_t sre_ch(const SreState *st, kn_ssize_t i)
{
    return st->kind == 1   ? ((const uint8_t *)st->data)[i]
           : st->kind == 2 ? ((const uint16_t *)st->data)[i]
                           : ((const uint32_t *)st->data)[i];
}

/* Does the one-character op at code[pc] (its opcode) accept ch?  -1 when
 * the op is not a one-character op. */
int sre_char_op(const uint32_t *code, kn_ssize_t n, kn_ssize_t pc, uint32_t ch);
/* Run the matcher from code index pc at st->ptr (sre_search.c's loop). */
int sre_run(SreState *st, kn_ssize_t pc);

/* Reset marks and repeat state before an attempt. */
void sre_state_reset(SreState *st);
/* Match at st->start (toplevel); 1 found (st->ptr = end), 0 not, -1 error. */
int sre_match(SreState *st);
/* Leftmost match from st->start; st->start / st->ptr give the span. */
int sre_search(SreState *st);

/* ---- objects (sre_pattern.c, sre_match.c, sre_scan.c) ---- */

typedef struct SrePattern {
    KN_OBJECT_HEAD;
    KnObject *pattern;      /* str, bytes or None */
    int flags;
    int isbytes;            /* -1: pattern None (either subject kind) */
    kn_ssize_t groups;
    KnObject *groupindex;   /* dict */
    KnObject *indexgroup;   /* tuple */
    uint32_t *code;
    kn_ssize_t codelen;
    KnObject *weakreflist;
    /* Search filters (sre_search.c, set by sre_pattern_analyse):
     * first_ok: every match starts with a character c for which
     *   c >= 256 || first_map has bit c (positions failing it are skipped);
     * prefix_len > 0: every match starts with the literal code[prefix_at ..
     *   prefix_at + prefix_len) (the INFO block's prefix), and the code
     *   after INFO starts with prefix_skip LITERAL ops for its first
     *   characters. */
    int first_ok;
    uint32_t first_map[8];
    kn_ssize_t prefix_at, prefix_len, prefix_skip;
    /* Bitmaps by code index: map_index[pc] >= 0 names a maps[] entry, -1
     * none (map_index NULL: no maps at all).  What the entry means depends
     * on the op at pc:
     *   IN / CATEGORY: bit c (c < 256) is sre_char_op(code, codelen, pc, c);
     *   REPEAT_ONE / MIN_REPEAT_ONE: the tail's first-character set (a tail
     *     attempt at a character outside it fails), with minmark the lowest
     *     MARK index the tail can execute before that character. */
    int32_t *map_index;
    struct SreMap *maps;
} SrePattern;

typedef struct SreMap {
    uint32_t bits[8];
    kn_ssize_t minmark;     /* tail maps; KN_SSIZE_MAX-like when no MARK */
} SreMap;

static inline int sre_map_bit(const SreMap *m, uint32_t c)
{
    return c >= 256 || ((m->bits[c >> 5] >> (c & 31)) & 1);
}

/* The map of the op at pc, or NULL. */
static inline const SreMap *sre_map_at(const SrePattern *p, kn_ssize_t pc)
{
    if (p == NULL || p->map_index == NULL)
        return NULL;
    int32_t mi = p->map_index[pc];
    return mi < 0 ? NULL : &p->maps[mi];
}

/* Does the op at pc (IN or CATEGORY with a map) accept c?  -1: no map. */
static inline int sre_map_test(const SrePattern *p, kn_ssize_t pc, uint32_t c)
{
    if (c >= 256)
        return -1;
    const SreMap *m = sre_map_at(p, pc);
    return m == NULL ? -1 : (int)((m->bits[c >> 5] >> (c & 31)) & 1);
}

/* Fill the search filters of a freshly compiled pattern (never fails: a
 * pattern it cannot analyse just gets no filter). */
void sre_pattern_analyse(SrePattern *p);

#define SRE_MATCH_INLINE_GROUPS 4
typedef struct SreMatch {
    KN_OBJECT_HEAD;
    KnObject *string;
    SrePattern *pattern;
    kn_ssize_t pos, endpos;
    kn_ssize_t lastindex;
    kn_ssize_t ngroups;     /* groups + 1 */
    kn_ssize_t *spans;      /* 2 per group, group 0 first; -1 unset */
    KnObject *regs;         /* cached tuple */
    /* spans points here when there are at most SRE_MATCH_INLINE_GROUPS
     * groups (one allocation per match instead of two) */
    kn_ssize_t spans_inline[2 * (SRE_MATCH_INLINE_GROUPS + 1)];
} SreMatch;

typedef struct SreScanner {
    KN_OBJECT_HEAD;
    SrePattern *pattern;
    KnObject *string;
    kn_ssize_t pos, endpos; /* start of the next attempt, end */
    kn_ssize_t origpos;     /* the pos argument (Match.pos) */
    int must_advance;
    int exhausted;
} SreScanner;

extern KnTypeObject sre_pattern_type, sre_match_type, sre_scanner_type;

/* Fill st for subject `string` (a str or a bytes-like object).  The view
 * (if any) is returned in *view/ *has_view for sre_state_fini. */
typedef struct SreSubject {
    KnBuffer view;
    int has_view;
} SreSubject;
int sre_state_init(SreState *st, SrePattern *p, KnObject *string, kn_ssize_t pos,
                   kn_ssize_t endpos, SreSubject *subj);
void sre_state_fini(SreSubject *subj);
/* s[i:j] of a str s (i, j clamped), as ob_str_substring. */
KnObject *sre_str_slice(KnObject *s, kn_ssize_t i, kn_ssize_t j);
/* string[i:j] as CPython's getslice: bytes for any bytes-like subject. */
KnObject *sre_getslice(SreState *st, KnObject *string, kn_ssize_t i, kn_ssize_t j);

KnObject *sre_match_new(SrePattern *p, SreState *st, KnObject *string, int found);
KnObject *sre_scanner_new(SrePattern *p, KnObject *string, kn_ssize_t pos, kn_ssize_t endpos);
KnObject *sre_pattern_compile(KnObject *pattern, int flags, KnObject *code, kn_ssize_t groups,
                              KnObject *groupindex, KnObject *indexgroup);

/* Pattern methods in sre_scan.c */
KnObject *sre_pattern_findall(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw);
KnObject *sre_pattern_finditer(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw);
KnObject *sre_pattern_scanner(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw);
KnObject *sre_pattern_split(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw);
KnObject *sre_pattern_sub(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw);
KnObject *sre_pattern_subn(KnObject *self, KnObject *const *args, kn_ssize_t n, KnObject *kw);
/* pos / endpos arguments (NULL: default) as CPython clamps them later */
int sre_pos_args(KnObject *pos, KnObject *endpos, kn_ssize_t *p, kn_ssize_t *e);
/* a function of the `re` module (re._subx, re._expand) */
KnObject *sre_re_function(const char *name);

#endif /* STDLIB_SRE_INTERNAL_H */
