/*
 * random_module.c — `_random`: the Mersenne Twister MT19937 (Matsumoto &
 * Nishimura 1998) behind random.Random, seeded and drawn exactly as
 * CPython 3.11 does so that the same seed gives the same numbers:
 *
 *  - seed(int): the absolute value split into little-endian 32-bit words
 *    (at least one) fed to init_by_array; seed(None): 624 words from the
 *    OS (getrandom); any other object: its hash as an unsigned size_t.
 *  - random(): (a*2^26 + b) / 2^53 with a = word>>5, b = word>>6.
 *  - getrandbits(k): little-endian 32-bit words, the last one keeping its
 *    top k mod 32 bits.
 *  - getstate(): a tuple of the 624 words and the index; setstate() the
 *    reverse (the version number is random.py's business).
 */
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "libgc/gc.h"

#include "libobject/libobject.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))
#define MT_N 624
#define MT_M 397

typedef struct {
    KN_OBJECT_HEAD;
    int index;
    uint32_t state[MT_N];
} RandomObject;

static KnTypeObject random_type;

static uint32_t mt_next(RandomObject *r)
{
    if (r->index >= MT_N) {
        uint32_t *s = r->state;
        for (int i = 0; i < MT_N; i++) {
            uint32_t y = (s[i] & 0x80000000u) | (s[(i + 1) % MT_N] & 0x7fffffffu);
            s[i] = s[(i + MT_M) % MT_N] ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
        }
        r->index = 0;
    }
    uint32_t y = r->state[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

static void mt_init_genrand(RandomObject *r, uint32_t s)
{
    r->state[0] = s;
    for (uint32_t i = 1; i < MT_N; i++) {
        uint32_t p = r->state[i - 1];
        r->state[i] = 1812433253u * (p ^ (p >> 30)) + i;
    }
    r->index = MT_N;
}

static void mt_init_by_array(RandomObject *r, const uint32_t *key, size_t len)
{
    uint32_t *s = r->state;
    mt_init_genrand(r, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k > 0; k--) {
        uint32_t p = s[i - 1];
        s[i] = (s[i] ^ ((p ^ (p >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            s[0] = s[MT_N - 1];
            i = 1;
        }
        if (j >= len)
            j = 0;
    }
    for (size_t k = MT_N - 1; k > 0; k--) {
        uint32_t p = s[i - 1];
        s[i] = (s[i] ^ ((p ^ (p >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            s[0] = s[MT_N - 1];
            i = 1;
        }
    }
    s[0] = 0x80000000u;
}

/* The 32-bit little-endian words of |n| (n an int), at least one. */
static uint32_t *int_words(KnObject *n, size_t *count)
{
    KnLongObject *v = (KnLongObject *)n;
    kn_ssize_t nd = KN_SIZE(n) < 0 ? -KN_SIZE(n) : KN_SIZE(n);
    size_t bits = (size_t)nd * KN_INT_SHIFT;
    size_t nw = bits / 32 + 1;
    uint32_t *w = kgc_alloc_atomic(nw * sizeof *w);
    if (w == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    memset(w, 0, nw * sizeof *w);
    for (kn_ssize_t d = 0; d < nd; d++) {
        size_t bit = (size_t)d * KN_INT_SHIFT;
        uint64_t part = (uint64_t)v->ob_digit[d] << (bit % 32);
        w[bit / 32] |= (uint32_t)part;
        if (bit / 32 + 1 < nw)
            w[bit / 32 + 1] |= (uint32_t)(part >> 32);
    }
    while (nw > 1 && w[nw - 1] == 0)
        nw--;
    *count = nw;
    return w;
}

static int random_seed_obj(RandomObject *r, KnObject *arg)
{
    if (arg == NULL || arg == KN_None) {
        uint32_t key[MT_N];
        ssize_t got = getrandom(key, sizeof key, GRND_NONBLOCK);
        if (got != (ssize_t)sizeof key) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            key[0] = (uint32_t)ts.tv_sec;
            key[1] = (uint32_t)ts.tv_nsec;
            key[2] = (uint32_t)getpid();
            mt_init_by_array(r, key, 3);
            return 0;
        }
        mt_init_by_array(r, key, MT_N);
        return 0;
    }
    KnObject *n;
    if (KN_INT_CHECK(arg)) {
        n = arg;
    } else {
        kn_hash_t h = ob_hash(arg);
        if (h == -1 && ob_err_occurred())
            return -1;
        n = ob_int_from_size((size_t)h);
        if (n == NULL)
            return -1;
    }
    size_t count;
    uint32_t *key = int_words(n, &count);
    if (key == NULL)
        return -1;
    mt_init_by_array(r, key, count);
    return 0;
}

static KnObject *random_seed(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("seed", nargs, 0, 1) < 0)
        return NULL;
    if (random_seed_obj((RandomObject *)self, nargs ? args[0] : NULL) < 0)
        return NULL;
    return KN_None;
}

static KnObject *random_random(KnObject *self, KnObject *unused)
{
    (void)unused;
    RandomObject *r = (RandomObject *)self;
    uint32_t a = mt_next(r) >> 5, b = mt_next(r) >> 6;
    return ob_float_from_double((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static KnObject *random_getrandbits(KnObject *self, KnObject *arg)
{
    RandomObject *r = (RandomObject *)self;
    if (KN_FLOAT_CHECK(arg)) {
        ob_err_set_string(ob_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    kn_ssize_t k = ob_number_as_ssize(arg, ob_exc_OverflowError);
    if (k == -1 && ob_err_occurred())
        return NULL;
    if (k > 2147483647 || k < -2147483647 - 1) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (k < 0) {
        ob_err_set_string(ob_exc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (k == 0)
        return ob_int_from_ssize(0);
    if (k <= 32)
        return ob_int_from_ssize(mt_next(r) >> (32 - k));
    /* Build a hex literal, most significant word first. */
    size_t words = (size_t)(k - 1) / 32 + 1;
    uint32_t *w = kgc_alloc_atomic(words * sizeof *w);
    char *hex = kgc_alloc_atomic(words * 8 + 1);
    if (w == NULL || hex == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t v = mt_next(r);
        if (k < 32)
            v >>= 32 - k;
        w[i] = v;
    }
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < words; i++) {
        uint32_t v = w[words - 1 - i];
        for (int j = 0; j < 8; j++)
            hex[i * 8 + (size_t)j] = digits[(v >> (28 - 4 * j)) & 15];
    }
    hex[words * 8] = '\0';
    return ob_int_from_string(hex, (kn_ssize_t)(words * 8), 16);
}

static KnObject *random_getstate(KnObject *self, KnObject *unused)
{
    (void)unused;
    RandomObject *r = (RandomObject *)self;
    KnObject *t = ob_tuple_new(MT_N + 1);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < MT_N; i++) {
        KnObject *v = ob_int_from_unsigned_long_long(r->state[i]);
        if (v == NULL)
            return NULL;
        KN_TUPLE_SET(t, i, v);
    }
    KnObject *v = ob_int_from_ssize(r->index);
    if (v == NULL)
        return NULL;
    KN_TUPLE_SET(t, MT_N, v);
    return t;
}

/* PyLong_AsUnsignedLong, truncated to 32 bits as CPython stores it. */
static int state_word(KnObject *o, uint32_t *out)
{
    if (!KN_INT_CHECK(o)) {
        ob_err_set_string(ob_exc_TypeError, "an integer is required");
        return -1;
    }
    if (ob_int_sign(o) < 0) {
        ob_err_set_string(ob_exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    kn_ssize_t nd = KN_SIZE(o);
    if ((size_t)nd * KN_INT_SHIFT > 64 + KN_INT_SHIFT ||
        (nd == 3 && (((KnLongObject *)o)->ob_digit[2] >> 4) != 0)) {
        ob_err_set_string(ob_exc_OverflowError,
                          "Python int too large to convert to C unsigned long");
        return -1;
    }
    uint64_t v = 0;
    for (kn_ssize_t d = nd - 1; d >= 0; d--)
        v = (v << KN_INT_SHIFT) | ((KnLongObject *)o)->ob_digit[d];
    *out = (uint32_t)v;
    return 0;
}

static KnObject *random_setstate(KnObject *self, KnObject *state)
{
    RandomObject *r = (RandomObject *)self;
    if (!KN_TUPLE_CHECK(state)) {
        ob_err_set_string(ob_exc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (KN_SIZE(state) != MT_N + 1) {
        ob_err_set_string(ob_exc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++)
        if (state_word(KN_TUPLE_GET(state, i), &words[i]) < 0)
            return NULL;
    KnObject *io = KN_TUPLE_GET(state, MT_N);
    if (!KN_INT_CHECK(io)) {
        ob_err_format(ob_exc_TypeError, "an integer is required");
        return NULL;
    }
    int overflow;
    long long index = ob_int_as_long_long_and_overflow(io, &overflow);
    if (overflow) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
        return NULL;
    }
    if (index < 0 || index > MT_N) {
        ob_err_set_string(ob_exc_ValueError, "invalid state");
        return NULL;
    }
    memcpy(r->state, words, sizeof words);
    r->index = (int)index;
    return KN_None;
}

static int random_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnTypeObject *t = KN_TYPE(self);
    if ((t == &random_type || t->tp_init == random_type.tp_init) &&
        ob_args_no_kwargs_dict("Random", kwargs) < 0)
        return -1;
    if (KN_SIZE(args) > 1) {
        ob_err_set_string(ob_exc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed_obj((RandomObject *)self, KN_SIZE(args) ? KN_TUPLE_GET(args, 0) : NULL);
}

static KnMethodDef random_methods[] = {
    { "random", FC(random_random), KN_METH_NOARGS, "random() -> x in the interval [0, 1)." },
    { "seed", FC(random_seed), KN_METH_FASTCALL, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier." },
    { "getstate", FC(random_getstate), KN_METH_NOARGS, "getstate() -> tuple containing the current state." },
    { "setstate", FC(random_setstate), KN_METH_O, "setstate(state) -> None.  Restores generator state." },
    { "getrandbits", FC(random_getrandbits), KN_METH_O, "getrandbits(k) -> x.  Generates an int with k random bits." },
    { NULL, NULL, 0, NULL }
};

static KnTypeObject random_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
    .tp_methods = random_methods,
    .tp_init = random_init,
    .tp_new = ob_type_generic_new,
};

KnObject *kn_init__random(void)
{
    if (ob_type_ready(&random_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_random");
    if (m == NULL || ob_module_add_object(m, "Random", (KnObject *)&random_type) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr("Module implements the Mersenne Twister random number generator.")) < 0)
        return NULL;
    return m;
}
