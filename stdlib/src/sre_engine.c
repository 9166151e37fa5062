/*
 * sre_engine.c — the backtracking matcher over CPython 3.11's regular
 * expression code.  No recursion on the C stack: every sub-match (a branch
 * alternative, the tail after a repeat, a repeat body, an assertion) is a
 * frame on an explicit stack; the parent frame records where to resume
 * and gets the child's result (NOTES-sre.md, "The matcher").
 */
#include <string.h>

#include "libgc/gc.h"
#include "sre_internal.h"

/* Resume points of a frame that waits for a child. */
enum {
    J_NONE, J_BRANCH, J_REPEAT_ONE, J_MIN_REPEAT_ONE, J_REPEAT, J_MAX_UNTIL_1,
    J_MAX_UNTIL_2, J_MAX_UNTIL_3, J_MIN_UNTIL_1, J_MIN_UNTIL_2, J_MIN_UNTIL_3,
    J_POSS_1, J_POSS_2, J_ATOMIC, J_ASSERT, J_ASSERT_NOT
};


static void *grow(void *old, kn_ssize_t *cap, kn_ssize_t need, size_t item)
{
    kn_ssize_t c = *cap < 16 ? 16 : *cap;
    while (c < need)
        c *= 2;
    void *p = kgc_alloc_atomic((size_t)c * item);
    if (p == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    if (old != NULL)
        memcpy(p, old, (size_t)*cap * item);
    *cap = c;
    return p;
}

void sre_state_reset(SreState *st)
{
    st->lastmark = -1;
    st->lastindex = -1;
    st->rep = -1;
    st->nreps = 0;
    st->ndata = 0;
    st->nframes = 0;
    for (kn_ssize_t i = 0; i < st->nmarks; i++)
        st->marks[i] = -1;
}

/* ---- saving and restoring marks (on the data stack) ---- */

static int mark_push(SreState *st, SreFrame *f)
{
    f->markbase = st->ndata;
    f->nsaved = f->lastmark >= 0 ? f->lastmark + 1 : 0;
    if (st->ndata + f->nsaved > st->capdata) {
        kn_ssize_t *d = grow(st->data_stack, &st->capdata, st->ndata + f->nsaved,
                             sizeof(kn_ssize_t));
        if (d == NULL)
            return -1;
        st->data_stack = d;
    }
    if (f->nsaved > 0)
        memcpy(st->data_stack + st->ndata, st->marks, (size_t)f->nsaved * sizeof(kn_ssize_t));
    st->ndata += f->nsaved;
    return 0;
}

static void mark_restore(SreState *st, SreFrame *f)
{
    if (f->nsaved > 0)
        memcpy(st->marks, st->data_stack + f->markbase, (size_t)f->nsaved * sizeof(kn_ssize_t));
}

static void mark_discard(SreState *st, SreFrame *f)
{
    st->ndata = f->markbase;
}

/* ---- single-character ops ---- */

int sre_char_op(const uint32_t *code, kn_ssize_t n, kn_ssize_t pc, uint32_t ch)
{
    uint32_t arg = pc + 1 < n ? code[pc + 1] : 0;
    switch (code[pc]) {
    case SRE_OP_ANY: return ch != '\n';
    case SRE_OP_ANY_ALL: return 1;
    case SRE_OP_LITERAL: return ch == arg;
    case SRE_OP_NOT_LITERAL: return ch != arg;
    case SRE_OP_LITERAL_IGNORE: return sre_lower_ascii(ch) == arg;
    case SRE_OP_NOT_LITERAL_IGNORE: return sre_lower_ascii(ch) != arg;
    case SRE_OP_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) == arg;
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) != arg;
    case SRE_OP_LITERAL_LOC_IGNORE:
        return ch == arg || sre_lower_locale(ch) == arg || sre_upper_locale(ch) == arg;
    case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        return !(ch == arg || sre_lower_locale(ch) == arg || sre_upper_locale(ch) == arg);
    case SRE_OP_CATEGORY: return sre_category(arg, ch);
    case SRE_OP_IN: return sre_charset(code, n, pc + 2, ch);
    case SRE_OP_IN_IGNORE: return sre_charset(code, n, pc + 2, sre_lower_ascii(ch));
    case SRE_OP_IN_UNI_IGNORE: return sre_charset(code, n, pc + 2, sre_lower_unicode(ch));
    case SRE_OP_IN_LOC_IGNORE: return sre_charset_loc_ignore(code, n, pc + 2, ch);
    default: return -1;
    }
}

/* Code words after the opcode of a one-character op. */
static kn_ssize_t char_op_len(const SreState *st, kn_ssize_t pc)
{
    switch (st->code[pc]) {
    case SRE_OP_ANY: case SRE_OP_ANY_ALL:
        return 0;
    case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
        return pc + 1 < st->codelen ? (kn_ssize_t)st->code[pc + 1] : 0;
    default:
        return 1;
    }
}

static int bad_code(void)
{
    ob_err_set_string(ob_exc_RuntimeError, "invalid SRE code");
    return -1;
}

/* Loop `p` over the subject's characters (as `c`) while `cond` holds,
 * with the character width switch outside the loop. */
#define SCAN_WHILE(cond)                                                     \
    do {                                                                     \
        switch (st->kind) {                                                  \
        case 1: {                                                            \
            const uint8_t *s_ = st->data;                                    \
            for (; p < end; p++) { uint32_t c = s_[p]; if (!(cond)) break; } \
            break;                                                           \
        }                                                                    \
        case 2: {                                                            \
            const uint16_t *s_ = st->data;                                   \
            for (; p < end; p++) { uint32_t c = s_[p]; if (!(cond)) break; } \
            break;                                                           \
        }                                                                    \
        default: {                                                           \
            const uint32_t *s_ = st->data;                                   \
            for (; p < end; p++) { uint32_t c = s_[p]; if (!(cond)) break; } \
            break;                                                           \
        }                                                                    \
        }                                                                    \
    } while (0)

/* How many times (at most maxcount) the one-character item at pc matches
 * from st->ptr; -1 on error.  Literals, ANY and ops with a class bitmap
 * (sre_map_test) get loops of their own. */
static kn_ssize_t count_item(SreState *st, kn_ssize_t pc, uint32_t maxcount)
{
    kn_ssize_t p = st->ptr, end = st->end;
    if (maxcount != SRE_MAXREPEAT && end - p > (kn_ssize_t)maxcount)
        end = p + (kn_ssize_t)maxcount;
    if (pc >= st->codelen)
        return bad_code();
    uint32_t op = st->code[pc];
    uint32_t arg = pc + 1 < st->codelen ? st->code[pc + 1] : 0;
    /* class maps only (a REPEAT_ONE's map means something else) */
    const SreMap *m = op == SRE_OP_IN || op == SRE_OP_IN_IGNORE || op == SRE_OP_IN_UNI_IGNORE ||
                              op == SRE_OP_CATEGORY
                          ? sre_map_at(st->pat, pc)
                          : NULL;
    if (op == SRE_OP_LITERAL) {
        SCAN_WHILE(c == arg);
    } else if (op == SRE_OP_NOT_LITERAL) {
        SCAN_WHILE(c != arg);
    } else if (op == SRE_OP_ANY_ALL) {
        p = end;
    } else if (op == SRE_OP_ANY) {
        SCAN_WHILE(c != '\n');
    } else if (m != NULL) {
        const uint32_t *map = m->bits;
        int r = 1;
        SCAN_WHILE(c < 256 ? (map[c >> 5] >> (c & 31)) & 1
                           : (r = sre_char_op(st->code, st->codelen, pc, c)) > 0);
        if (r < 0)
            return bad_code();
    } else {
        while (p < end) {
            int r = sre_char_op(st->code, st->codelen, pc, sre_ch(st, p));
            if (r < 0)
                return bad_code();
            if (!r)
                break;
            p++;
        }
    }
    return p > st->ptr ? p - st->ptr : 0;
}

static int is_uni_word(uint32_t ch)
{
    return sre_category(SRE_CAT_UNI_WORD, ch);
}

static int at(const SreState *st, kn_ssize_t p, uint32_t code)
{
    kn_ssize_t end = st->end;
    int before, here;
    switch (code) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING:
        return p == 0;
    case SRE_AT_BEGINNING_LINE:
        return p == 0 || sre_ch(st, p - 1) == '\n';
    case SRE_AT_END:
        return (end - p == 1 && sre_ch(st, p) == '\n') || p == end;
    case SRE_AT_END_LINE:
        return p == end || sre_ch(st, p) == '\n';
    case SRE_AT_END_STRING:
        return p == end;
    case SRE_AT_BOUNDARY: case SRE_AT_NON_BOUNDARY:
    case SRE_AT_LOC_BOUNDARY: case SRE_AT_LOC_NON_BOUNDARY:
    case SRE_AT_UNI_BOUNDARY: case SRE_AT_UNI_NON_BOUNDARY: {
        if (end == 0)
            return 0;
        int uni = code == SRE_AT_UNI_BOUNDARY || code == SRE_AT_UNI_NON_BOUNDARY;
        uint32_t cat = SRE_CAT_WORD;
        before = p > 0 ? (uni ? is_uni_word(sre_ch(st, p - 1))
                              : sre_category(cat, sre_ch(st, p - 1)))
                       : 0;
        here = p < end ? (uni ? is_uni_word(sre_ch(st, p)) : sre_category(cat, sre_ch(st, p)))
                       : 0;
        int boundary = code == SRE_AT_BOUNDARY || code == SRE_AT_LOC_BOUNDARY ||
                       code == SRE_AT_UNI_BOUNDARY;
        return boundary ? before != here : before == here;
    }
    default:
        return 0;
    }
}

/* The tail map of the REPEAT_ONE / MIN_REPEAT_ONE at pc, when skipping a
 * tail attempt it rejects is the same as running it: the attempt would
 * fail, and any MARK it passes first is either above the saved lastmark
 * (untrusted once lastmark is restored) or restored from the data stack
 * (markbase >= 0).  Otherwise NULL: the stale marks of a failed attempt
 * are observable in CPython, so the attempt must run. */
static const SreMap *tail_map(const SreState *st, const SreFrame *f, kn_ssize_t pc)
{
    const SreMap *m = sre_map_at(st->pat, pc);
    if (m != NULL && f->markbase < 0 && m->minmark <= f->lastmark)
        return NULL;
    return m;
}

/* ---- the frame stack ---- */

static SreFrame *push_frame(SreState *st, kn_ssize_t pc, kn_ssize_t ptr, int toplevel)
{
    if (st->nframes >= st->capframes) {
        SreFrame *f = grow(st->frames, &st->capframes, st->nframes + 1, sizeof(SreFrame));
        if (f == NULL)
            return NULL;
        st->frames = f;
    }
    SreFrame *f = &st->frames[st->nframes++];
    memset(f, 0, sizeof *f);
    f->pc = pc;
    f->ptr = ptr;
    f->toplevel = toplevel;
    f->markbase = -1;
    return f;
}

static kn_ssize_t push_repeat(SreState *st, kn_ssize_t pc)
{
    if (st->nreps >= st->capreps) {
        SreRepeat *r = grow(st->reps, &st->capreps, st->nreps + 1, sizeof(SreRepeat));
        if (r == NULL)
            return -1;
        st->reps = r;
    }
    SreRepeat *r = &st->reps[st->nreps];
    r->count = -1;
    r->pc = pc;
    r->last_ptr = -1;
    r->prev = st->rep;
    return st->nreps++;
}

#define CODE(i) ((i) >= 0 && (i) < st->codelen ? st->code[i] : (uint32_t)SRE_OP_FAILURE)
#define SAVE_LASTMARK(f) ((f)->lastmark = st->lastmark, (f)->lastindex = st->lastindex)
#define RESTORE_LASTMARK(f) (st->lastmark = (f)->lastmark, st->lastindex = (f)->lastindex)

/* Start a child at code index `at_pc` from st->ptr; the current frame
 * resumes at label `j`. */
#define CALL(j, at_pc, top)                                                   \
    do {                                                                      \
        f->jump = (j);                                                        \
        int top_ = (top);                                                     \
        if (push_frame(st, (at_pc), st->ptr, top_) == NULL)                   \
            return -1;                                                        \
        goto next;                                                            \
    } while (0)

static int run(SreState *st, kn_ssize_t pc0)
{
    int ret = 0;
    st->nframes = 0;
    if (push_frame(st, pc0, st->ptr, 1) == NULL)
        return -1;
    SreFrame *f;
next:
    f = &st->frames[st->nframes - 1];
    for (;;) {
        kn_ssize_t pc = f->pc;
        uint32_t op = CODE(pc);
        f->pc = pc + 1;
        switch (op) {
        case SRE_OP_FAILURE:
            goto fail;
        case SRE_OP_SUCCESS:
            if (f->toplevel && ((st->match_all && f->ptr != st->end) ||
                                (st->must_advance && f->ptr == st->start)))
                goto fail;
            st->ptr = f->ptr;
            goto succeed;
        case SRE_OP_AT:
            if (!at(st, f->ptr, CODE(pc + 1)))
                goto fail;
            f->pc = pc + 2;
            break;
        SRE_CASE_ONE_CHAR_OPS:
            if (f->ptr >= st->end)
                goto fail;
            {
                uint32_t c = sre_ch(st, f->ptr);
                int ok = op == SRE_OP_LITERAL ? c == CODE(pc + 1) : sre_map_test(st->pat, pc, c);
                if (ok < 0)
                    ok = sre_char_op(st->code, st->codelen, pc, c);
                if (ok != 1)
                    goto fail;
            }
            f->ptr++;
            f->pc = pc + 1 + char_op_len(st, pc);
            if (f->pc <= pc + 1 && op != SRE_OP_ANY && op != SRE_OP_ANY_ALL)
                return bad_code();
            break;
        case SRE_OP_INFO:
        case SRE_OP_JUMP: {
            uint32_t skip = CODE(pc + 1);
            if (skip == 0)
                return bad_code();
            f->pc = pc + 1 + skip;
            break;
        }
        case SRE_OP_MARK: {
            kn_ssize_t i = CODE(pc + 1);
            if (i >= st->nmarks)
                return bad_code();
            if (i & 1)
                st->lastindex = i / 2 + 1;
            if (i > st->lastmark) {
                for (kn_ssize_t j = st->lastmark + 1; j < i; j++)
                    st->marks[j] = -1;
                st->lastmark = i;
            }
            st->marks[i] = f->ptr;
            f->pc = pc + 2;
            break;
        }
        case SRE_OP_BRANCH:
            SAVE_LASTMARK(f);
            f->markbase = -1;
            if (st->rep >= 0 && mark_push(st, f) < 0)
                return -1;
            f->alt = pc + 1;
            goto branch_next;
        case SRE_OP_REPEAT_ONE:
        case SRE_OP_MIN_REPEAT_ONE:
        case SRE_OP_POSSESSIVE_REPEAT_ONE: {
            /* <op> <skip> <min> <max> item <SUCCESS> tail */
            kn_ssize_t a = pc + 1;
            uint32_t min = CODE(a + 1), max = CODE(a + 2);
            if (CODE(a) == 0)
                return bad_code();
            if (f->ptr + (kn_ssize_t)min > st->end)
                goto fail;
            st->ptr = f->ptr;
            kn_ssize_t n;
            if (op == SRE_OP_MIN_REPEAT_ONE) {
                n = min == 0 ? 0 : count_item(st, a + 3, min);
            } else {
                n = count_item(st, a + 3, max);
            }
            if (n < 0)
                return -1;
            if (n < (kn_ssize_t)min)
                goto fail;
            f->count = n;
            f->ptr += n;
            kn_ssize_t tail = a + CODE(a);
            if (op == SRE_OP_POSSESSIVE_REPEAT_ONE) {
                f->pc = tail;
                break;
            }
            f->pc = a;
            if (CODE(tail) == SRE_OP_SUCCESS && op == SRE_OP_REPEAT_ONE && f->ptr == st->end &&
                !(f->toplevel && st->must_advance && f->ptr == st->start)) {
                st->ptr = f->ptr;
                goto succeed;
            }
            if (CODE(tail) == SRE_OP_SUCCESS && op == SRE_OP_MIN_REPEAT_ONE &&
                !(f->toplevel && ((st->match_all && f->ptr != st->end) ||
                                  (st->must_advance && f->ptr == st->start)))) {
                st->ptr = f->ptr;
                goto succeed;
            }
            SAVE_LASTMARK(f);
            f->markbase = -1;
            if (st->rep >= 0 && mark_push(st, f) < 0)
                return -1;
            if (op == SRE_OP_REPEAT_ONE)
                goto repeat_one_try;
            goto min_repeat_one_try;
        }
        case SRE_OP_REPEAT: {
            /* <REPEAT> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL> tail */
            kn_ssize_t a = pc + 1;
            if (CODE(a) == 0)
                return bad_code();
            kn_ssize_t r = push_repeat(st, a);
            if (r < 0)
                return -1;
            st->rep = r;
            f->rep = r;
            f->pc = a;
            st->ptr = f->ptr;
            CALL(J_REPEAT, a + CODE(a), f->toplevel);
        }
        case SRE_OP_MAX_UNTIL: {
            kn_ssize_t r = st->rep;
            if (r < 0) {
                ob_err_set_string(ob_exc_RuntimeError, "internal error in regular expression engine");
                return -1;
            }
            st->ptr = f->ptr;
            f->rep = r;
            f->count = st->reps[r].count + 1;
            kn_ssize_t rp = st->reps[r].pc;
            uint32_t min = CODE(rp + 1), max = CODE(rp + 2);
            if (f->count < (kn_ssize_t)min) {
                st->reps[r].count = f->count;
                CALL(J_MAX_UNTIL_1, rp + 3, f->toplevel);
            }
            if ((f->count < (kn_ssize_t)max || max == SRE_MAXREPEAT) &&
                st->ptr != st->reps[r].last_ptr) {
                st->reps[r].count = f->count;
                SAVE_LASTMARK(f);
                if (mark_push(st, f) < 0)
                    return -1;
                f->saved = st->reps[r].last_ptr;
                st->reps[r].last_ptr = st->ptr;
                CALL(J_MAX_UNTIL_2, rp + 3, f->toplevel);
            }
            goto max_until_tail;
        }
        case SRE_OP_MIN_UNTIL: {
            kn_ssize_t r = st->rep;
            if (r < 0) {
                ob_err_set_string(ob_exc_RuntimeError, "internal error in regular expression engine");
                return -1;
            }
            st->ptr = f->ptr;
            f->rep = r;
            f->count = st->reps[r].count + 1;
            kn_ssize_t rp = st->reps[r].pc;
            if (f->count < (kn_ssize_t)CODE(rp + 1)) {
                st->reps[r].count = f->count;
                CALL(J_MIN_UNTIL_1, rp + 3, f->toplevel);
            }
            /* try the tail first */
            st->rep = st->reps[r].prev;
            SAVE_LASTMARK(f);
            f->markbase = -1;
            if (st->rep >= 0 && mark_push(st, f) < 0)
                return -1;
            CALL(J_MIN_UNTIL_2, f->pc, f->toplevel);
        }
        case SRE_OP_POSSESSIVE_REPEAT: {
            /* <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail */
            kn_ssize_t a = pc + 1;
            if (CODE(a) == 0)
                return bad_code();
            f->pc = a;
            st->ptr = f->ptr;
            f->count = 0;
            goto poss_min;
        }
        case SRE_OP_ATOMIC_GROUP:
            /* <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail */
            if (CODE(pc + 1) == 0)
                return bad_code();
            f->pc = pc + 1;
            st->ptr = f->ptr;
            CALL(J_ATOMIC, pc + 2, 0);
        case SRE_OP_ASSERT: {
            /* <ASSERT> <skip> <back> pattern */
            kn_ssize_t back = CODE(pc + 2);
            if (CODE(pc + 1) == 0)
                return bad_code();
            if (f->ptr < back)
                goto fail;
            f->pc = pc + 1;
            st->ptr = f->ptr - back;
            CALL(J_ASSERT, pc + 3, 0);
        }
        case SRE_OP_ASSERT_NOT: {
            kn_ssize_t back = CODE(pc + 2);
            if (CODE(pc + 1) == 0)
                return bad_code();
            f->pc = pc + 1;
            if (f->ptr >= back) {
                st->ptr = f->ptr - back;
                SAVE_LASTMARK(f);
                f->markbase = -1;
                if (st->rep >= 0 && mark_push(st, f) < 0)
                    return -1;
                CALL(J_ASSERT_NOT, pc + 3, 0);
            }
            f->pc = pc + 1 + CODE(pc + 1);
            break;
        }
        case SRE_OP_GROUPREF: case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE: case SRE_OP_GROUPREF_LOC_IGNORE: {
            kn_ssize_t g = (kn_ssize_t)CODE(pc + 1) * 2;
            if (g >= st->lastmark)
                goto fail;
            kn_ssize_t p = st->marks[g], e = st->marks[g + 1];
            if (p < 0 || e < 0 || e < p)
                goto fail;
            kn_ssize_t q = f->ptr;
            for (; p < e; p++, q++) {
                if (q >= st->end)
                    goto fail;
                uint32_t a = sre_ch(st, q), b = sre_ch(st, p);
                int same;
                if (op == SRE_OP_GROUPREF)
                    same = a == b;
                else if (op == SRE_OP_GROUPREF_IGNORE)
                    same = sre_lower_ascii(a) == sre_lower_ascii(b);
                else if (op == SRE_OP_GROUPREF_UNI_IGNORE)
                    same = sre_lower_unicode(a) == sre_lower_unicode(b);
                else
                    same = sre_lower_locale(a) == sre_lower_locale(b);
                if (!same)
                    goto fail;
            }
            f->ptr = q;
            f->pc = pc + 2;
            break;
        }
        case SRE_OP_GROUPREF_EXISTS: {
            /* <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno */
            kn_ssize_t g = (kn_ssize_t)CODE(pc + 1) * 2;
            int exists = g < st->lastmark && st->marks[g] >= 0 && st->marks[g + 1] >= 0 &&
                         st->marks[g] <= st->marks[g + 1];
            if (exists) {
                f->pc = pc + 3;
            } else {
                if (CODE(pc + 2) == 0)
                    return bad_code();
                f->pc = pc + 1 + CODE(pc + 2);
            }
            break;
        }
        default:
            return bad_code();
        }
        continue;

branch_next:
        if (CODE(f->alt) == 0) {
            if (f->markbase >= 0)
                mark_discard(st, f);
            goto fail;
        }
        st->ptr = f->ptr;
        CALL(J_BRANCH, f->alt + 1, f->toplevel);

repeat_one_try: {
            kn_ssize_t a = f->pc, tail = a + CODE(a);
            kn_ssize_t min = CODE(a + 1);
            const SreMap *tm = tail_map(st, f, a - 1);
            if (tm != NULL) {
                /* skip positions where the tail's first character cannot be */
                while (f->count >= min &&
                       (f->ptr >= st->end || !sre_map_bit(tm, sre_ch(st, f->ptr)))) {
                    f->ptr--;
                    f->count--;
                }
            } else if (CODE(tail) == SRE_OP_LITERAL) {
                /* skip positions where the tail's first literal is absent */
                uint32_t c = CODE(tail + 1);
                while (f->count >= min && (f->ptr >= st->end || sre_ch(st, f->ptr) != c)) {
                    f->ptr--;
                    f->count--;
                }
            }
            if (f->count < min) {
                if (f->markbase >= 0)
                    mark_discard(st, f);
                goto fail;
            }
            st->ptr = f->ptr;
            CALL(J_REPEAT_ONE, tail, f->toplevel);
        }

min_repeat_one_try: {
            kn_ssize_t a = f->pc;
            uint32_t max = CODE(a + 2);
            if (!(max == SRE_MAXREPEAT || f->count <= (kn_ssize_t)max)) {
                if (f->markbase >= 0)
                    mark_discard(st, f);
                goto fail;
            }
            st->ptr = f->ptr;
            const SreMap *tm = tail_map(st, f, a - 1);
            if (tm != NULL && (f->ptr >= st->end || !sre_map_bit(tm, sre_ch(st, f->ptr))))
                goto min_repeat_one_more;       /* the tail would fail here */
            CALL(J_MIN_REPEAT_ONE, a + CODE(a), f->toplevel);
        }

min_repeat_one_more: {
            /* the tail failed at f->ptr: take one more item */
            st->ptr = f->ptr;
            kn_ssize_t n = count_item(st, f->pc + 3, 1);
            if (n < 0)
                return -1;
            if (n == 0) {
                if (f->markbase >= 0)
                    mark_discard(st, f);
                goto fail;
            }
            f->ptr++;
            f->count++;
            goto min_repeat_one_try;
        }

max_until_tail: {
            /* no more items here: the tail must match */
            st->rep = st->reps[f->rep].prev;
            CALL(J_MAX_UNTIL_3, f->pc, f->toplevel);
        }

poss_min: {
            kn_ssize_t a = f->pc;
            if (f->count < (kn_ssize_t)CODE(a + 1))
                CALL(J_POSS_1, a + 3, 0);
            f->saved = -1;
            goto poss_more;
        }

poss_more: {
            kn_ssize_t a = f->pc;
            uint32_t max = CODE(a + 2);
            if ((f->count < (kn_ssize_t)max || max == SRE_MAXREPEAT) && st->ptr != f->saved) {
                SAVE_LASTMARK(f);
                if (mark_push(st, f) < 0)
                    return -1;
                f->saved = st->ptr;
                CALL(J_POSS_2, a + 3, 0);
            }
            f->pc = a + CODE(a) + 1;
            f->ptr = st->ptr;
            continue;
        }
    }

succeed:
    ret = 1;
    goto unwind;
fail:
    ret = 0;
unwind:
    st->nframes--;
    if (st->nframes == 0)
        return ret;
    f = &st->frames[st->nframes - 1];
    switch (f->jump) {
    case J_BRANCH:
        if (ret) {
            if (f->markbase >= 0)
                mark_discard(st, f);
            goto succeed;
        }
        if (f->markbase >= 0)
            mark_restore(st, f);
        RESTORE_LASTMARK(f);
        f->alt += CODE(f->alt);
        goto branch_next;
    case J_REPEAT_ONE:
    case J_MIN_REPEAT_ONE:
        if (ret) {
            if (f->markbase >= 0)
                mark_discard(st, f);
            goto succeed;
        }
        if (f->markbase >= 0)
            mark_restore(st, f);
        RESTORE_LASTMARK(f);
        if (f->jump == J_REPEAT_ONE) {
            f->ptr--;
            f->count--;
            goto repeat_one_try;
        }
        goto min_repeat_one_more;
    case J_REPEAT:
        st->rep = st->reps[f->rep].prev;
        st->nreps = f->rep;
        if (ret)
            goto succeed;
        goto fail;
    case J_MAX_UNTIL_1:
    case J_MIN_UNTIL_1:
        if (ret)
            goto succeed;
        st->reps[f->rep].count = f->count - 1;
        st->ptr = f->ptr;
        goto fail;
    case J_MAX_UNTIL_2:
        st->reps[f->rep].last_ptr = f->saved;
        if (ret) {
            mark_discard(st, f);
            goto succeed;
        }
        mark_restore(st, f);
        mark_discard(st, f);
        RESTORE_LASTMARK(f);
        st->reps[f->rep].count = f->count - 1;
        st->ptr = f->ptr;
        goto max_until_tail;
    case J_MAX_UNTIL_3:
        st->rep = f->rep;
        if (ret)
            goto succeed;
        st->ptr = f->ptr;
        goto fail;
    case J_MIN_UNTIL_2: {
        st->rep = f->rep;
        if (ret) {
            if (f->markbase >= 0)
                mark_discard(st, f);
            goto succeed;
        }
        if (f->markbase >= 0) {
            mark_restore(st, f);
            mark_discard(st, f);
        }
        RESTORE_LASTMARK(f);
        st->ptr = f->ptr;
        kn_ssize_t rp = st->reps[f->rep].pc;
        uint32_t max = CODE(rp + 2);
        if ((f->count >= (kn_ssize_t)max && max != SRE_MAXREPEAT) ||
            st->ptr == st->reps[f->rep].last_ptr)
            goto fail;
        st->reps[f->rep].count = f->count;
        f->saved = st->reps[f->rep].last_ptr;
        st->reps[f->rep].last_ptr = st->ptr;
        CALL(J_MIN_UNTIL_3, rp + 3, f->toplevel);
    }
    case J_MIN_UNTIL_3:
        st->reps[f->rep].last_ptr = f->saved;
        if (ret)
            goto succeed;
        st->reps[f->rep].count = f->count - 1;
        st->ptr = f->ptr;
        goto fail;
    case J_POSS_1:
        if (ret) {
            f->count++;
            goto poss_min;
        }
        st->ptr = f->ptr;
        goto fail;
    case J_POSS_2:
        if (ret) {
            mark_discard(st, f);
            f->count++;
            goto poss_more;
        }
        mark_restore(st, f);
        mark_discard(st, f);
        RESTORE_LASTMARK(f);
        st->ptr = f->saved;
        f->pc = f->pc + CODE(f->pc) + 1;
        f->ptr = st->ptr;
        goto next;
    case J_ATOMIC:
        if (!ret) {
            st->ptr = f->ptr;
            goto fail;
        }
        f->pc = f->pc + CODE(f->pc);
        f->ptr = st->ptr;
        goto next;
    case J_ASSERT:
        if (!ret)
            goto fail;
        f->pc = f->pc + CODE(f->pc);
        goto next;
    case J_ASSERT_NOT:
        if (ret) {
            if (f->markbase >= 0)
                mark_discard(st, f);
            goto fail;
        }
        if (f->markbase >= 0) {
            mark_restore(st, f);
            mark_discard(st, f);
        }
        RESTORE_LASTMARK(f);
        f->pc = f->pc + CODE(f->pc);
        goto next;
    default:
        return bad_code();
    }
}

int sre_run(SreState *st, kn_ssize_t pc)
{
    return run(st, pc);
}
