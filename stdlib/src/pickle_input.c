/* pickle_input.c — where the unpickler's bytes come from (a buffer given
 * to loads(), or a file's read / readline / readinto / peek), the value
 * stack with its MARK fences, and the index memo.
 *
 * With a file, reads ask for exactly what an opcode needs, so a file holding
 * several pickles is left positioned just after the STOP of the one loaded.
 * When the file has peek(), up to PREFETCH bytes are peeked and consumed
 * bytes are read() away later (pk_skip_consumed), as CPython does. */
#include <string.h>

#include "pickle_internal.h"
#include "libobject/memoryview.h"
#include "libgc/gc.h"

#define PREFETCH (8192 * 16)
#define READ_WHOLE_LINE (-1)

int pk_bad_readline(void)
{
    ob_err_set_string(PK_ERR(UnpicklingError), "pickle data was truncated");
    return -1;
}

/* Make data (any bytes-like object) the current input; its length. */
static kn_ssize_t set_input(PkUnpickler *u, KnObject *data)
{
    if (KN_BYTES_CHECK(data)) {
        u->input_obj = data;
        u->input = KN_BYTES_AS_STRING(data);
        u->input_len = KN_SIZE(data);
    } else {
        char *copy;
        kn_ssize_t len;
        int r = ob_buffer_copy_data(data, &copy, &len);
        if (r < 0)
            return -1;
        if (r == 0) {
            ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                          ob_type_name(KN_TYPE(data)));
            return -1;
        }
        u->input_obj = NULL;
        u->input = copy;
        u->input_len = len;
    }
    u->next_read_idx = 0;
    u->prefetched_idx = u->input_len;   /* nothing to skip unless peeked */
    return u->input_len;
}

int pk_set_string_input(PkUnpickler *u, KnObject *data)
{
    return set_input(u, data) < 0 ? -1 : 0;
}

int pk_set_input_stream(PkUnpickler *u, KnObject *file)
{
    u->peek = u->readinto = u->read = u->readline = NULL;
    if (ob_lookup_attr(file, PK_ID(peek), &u->peek) < 0
        || ob_lookup_attr(file, PK_ID(readinto), &u->readinto) < 0)
        return -1;
    if (ob_lookup_attr(file, PK_ID(read), &u->read) < 0
        || ob_lookup_attr(file, PK_ID(readline), &u->readline) < 0
        || u->read == NULL || u->readline == NULL) {
        if (!ob_err_occurred())
            ob_err_set_string(ob_exc_TypeError, "file must have 'read' and 'readline' attributes");
        u->peek = u->readinto = u->read = u->readline = NULL;
        return -1;
    }
    return 0;
}

int pk_skip_consumed(PkUnpickler *u)
{
    kn_ssize_t consumed = u->next_read_idx - u->prefetched_idx;
    if (consumed <= 0)
        return 0;
    KnObject *n = ob_int_from_ssize(consumed);
    if (n == NULL || ob_call_onearg(u->read, n) == NULL)
        return -1;
    u->prefetched_idx = u->next_read_idx;
    return 0;
}

static kn_ssize_t read_from_file(PkUnpickler *u, kn_ssize_t n)
{
    KnObject *data;
    if (pk_skip_consumed(u) < 0)
        return -1;
    if (n == READ_WHOLE_LINE) {
        data = ob_call_noargs(u->readline);
    } else {
        if (u->peek != NULL && n < PREFETCH) {
            KnObject *len = ob_int_from_ssize(PREFETCH);
            data = len ? ob_call_onearg(u->peek, len) : NULL;
            if (data == NULL) {
                if (!ob_err_matches((KnObject *)ob_exc_NotImplementedError))
                    return -1;
                ob_err_clear();
                u->peek = NULL;
            } else {
                kn_ssize_t got = set_input(u, data);
                if (got < 0)
                    return -1;
                u->prefetched_idx = 0;
                if (n <= got)
                    return n;
            }
        }
        KnObject *len = ob_int_from_ssize(n);
        data = len ? ob_call_onearg(u->read, len) : NULL;
    }
    if (data == NULL)
        return -1;
    return set_input(u, data);
}

kn_ssize_t pk_read_impl(PkUnpickler *u, char **s, kn_ssize_t n)
{
    *s = NULL;
    if (u->next_read_idx > ((kn_ssize_t)1 << 62) - n) {
        ob_err_set_string(PK_ERR(UnpicklingError), "read would overflow (invalid bytecode)");
        return -1;
    }
    if (u->read == NULL)
        return pk_bad_readline();
    kn_ssize_t got = read_from_file(u, n);
    if (got < 0)
        return -1;
    if (got < n)
        return pk_bad_readline();
    *s = (char *)u->input;
    u->next_read_idx = n;
    return 0;
}

static kn_ssize_t copy_line(PkUnpickler *u, const char *line, kn_ssize_t n, char **out)
{
    if (n + 1 > u->line_cap) {
        char *b = kgc_alloc_atomic((size_t)n + 1);
        if (b == NULL) {
            ob_err_nomemory();
            return -1;
        }
        u->line = b;
        u->line_cap = n + 1;
    }
    memcpy(u->line, line, (size_t)n);
    u->line[n] = '\0';
    *out = u->line;
    return n;
}

kn_ssize_t pk_readline(PkUnpickler *u, char **s)
{
    const char *start = u->input + u->next_read_idx;
    const char *nl = u->input_len > u->next_read_idx
                         ? memchr(start, '\n', (size_t)(u->input_len - u->next_read_idx))
                         : NULL;
    if (nl != NULL) {
        kn_ssize_t n = nl - start + 1;
        u->next_read_idx += n;
        return copy_line(u, start, n, s);
    }
    if (u->read == NULL)
        return pk_bad_readline();
    kn_ssize_t got = read_from_file(u, READ_WHOLE_LINE);
    if (got < 0)
        return -1;
    if (got == 0 || u->input[got - 1] != '\n')
        return pk_bad_readline();
    u->next_read_idx = got;
    return copy_line(u, u->input, got, s);
}

int pk_read_into(PkUnpickler *u, char *buf, kn_ssize_t n)
{
    if (n == 0)
        return 0;     /* an empty bytearray has no buffer at all */
    kn_ssize_t avail = u->input_len - u->next_read_idx;
    if (avail > 0) {
        kn_ssize_t k = avail < n ? avail : n;
        memcpy(buf, u->input + u->next_read_idx, (size_t)k);
        u->next_read_idx += k;
        buf += k;
        n -= k;
        if (n == 0)
            return 0;
    }
    if (u->read == NULL)
        return pk_bad_readline();
    if (pk_skip_consumed(u) < 0)
        return -1;
    KnObject *len;
    if (u->readinto == NULL) {
        len = ob_int_from_ssize(n);
        KnObject *data = len ? ob_call_onearg(u->read, len) : NULL;
        if (data == NULL)
            return -1;
        if (!KN_BYTES_CHECK(data)) {
            ob_err_format(ob_exc_ValueError, "read() returned non-bytes object (%R)",
                          (KnObject *)KN_TYPE(data));
            return -1;
        }
        if (KN_SIZE(data) < n)
            return pk_bad_readline();
        memcpy(buf, KN_BYTES_AS_STRING(data), (size_t)n);
        return 0;
    }
    KnObject *mv = ob_memoryview_from_memory(buf, n, KN_BUF_WRITE);
    KnObject *r = mv ? ob_call_onearg(u->readinto, mv) : NULL;
    if (r == NULL)
        return -1;
    kn_ssize_t got = ob_number_as_ssize(r, ob_exc_OverflowError);
    if (got < 0) {
        if (!ob_err_occurred())
            ob_err_set_string(ob_exc_ValueError, "readinto() returned negative size");
        return -1;
    }
    return got < n ? pk_bad_readline() : 0;
}

/* ---- the stack ---- */

int pk_stack_underflow(PkUnpickler *u)
{
    ob_err_set_string(PK_ERR(UnpicklingError),
                      u->mark_set ? "unexpected MARK found" : "unpickling stack underflow");
    return -1;
}

int pk_stack_push(PkUnpickler *u, KnObject *o)
{
    if (u->sp == u->stack_cap) {
        kn_ssize_t cap = u->stack_cap ? u->stack_cap * 2 : 64;
        KnObject **n = kgc_alloc(sizeof(KnObject *) * (size_t)cap);
        if (n == NULL) {
            ob_err_nomemory();
            return -1;
        }
        if (u->sp)
            memcpy(n, u->stack, sizeof(KnObject *) * (size_t)u->sp);
        u->stack = n;
        u->stack_cap = cap;
    }
    u->stack[u->sp++] = o;
    return 0;
}

KnObject *pk_stack_pop(PkUnpickler *u)
{
    if (u->sp <= u->fence) {
        pk_stack_underflow(u);
        return NULL;
    }
    KnObject *o = u->stack[--u->sp];
    u->stack[u->sp] = NULL;
    return o;
}

KnObject *pk_stack_poptuple(PkUnpickler *u, kn_ssize_t start)
{
    if (start < u->fence) {
        pk_stack_underflow(u);
        return NULL;
    }
    if (u->sp == start)
        return ob_tuple_empty();
    KnObject *t = ob_tuple_from_array(u->stack + start, u->sp - start);
    if (t == NULL)
        return NULL;
    memset(u->stack + start, 0, sizeof(KnObject *) * (size_t)(u->sp - start));
    u->sp = start;
    return t;
}

KnObject *pk_stack_poplist(PkUnpickler *u, kn_ssize_t start)
{
    if (start < u->fence) {
        pk_stack_underflow(u);
        return NULL;
    }
    if (u->sp == start)
        return ob_list_new(0);
    KnObject *l = ob_list_from_array(u->stack + start, u->sp - start);
    if (l == NULL)
        return NULL;
    memset(u->stack + start, 0, sizeof(KnObject *) * (size_t)(u->sp - start));
    u->sp = start;
    return l;
}

/* ---- the memo ---- */

int pk_unpickler_memo_resize(PkUnpickler *u, kn_ssize_t size)
{
    KnObject **n = kgc_alloc(sizeof(KnObject *) * (size_t)size);
    if (n == NULL) {
        ob_err_nomemory();
        return -1;
    }
    kn_ssize_t keep = u->memo_size < size ? u->memo_size : size;
    if (keep > 0)
        memcpy(n, u->memo, sizeof(KnObject *) * (size_t)keep);
    u->memo = n;
    u->memo_size = size;
    return 0;
}

#define MEMO_DENSE_SLACK 4096

int pk_unpickler_memo_put(PkUnpickler *u, kn_ssize_t idx, KnObject *value)
{
    if (idx >= u->memo_size && idx <= u->memo_size * 2 + MEMO_DENSE_SLACK) {
        if (pk_unpickler_memo_resize(u, idx * 2 + 1) < 0)
            return -1;
    }
    if (idx >= u->memo_size) {
        if (u->memo_far == NULL && (u->memo_far = ob_dict_new()) == NULL)
            return -1;
        KnObject *key = ob_int_from_ssize(idx);
        if (key == NULL)
            return -1;
        int had = ob_dict_contains(u->memo_far, key);
        if (had < 0 || ob_dict_setitem(u->memo_far, key, value) < 0)
            return -1;
        u->memo_len += !had;
        return 0;
    }
    if (u->memo[idx] == NULL)
        u->memo_len++;
    u->memo[idx] = value;
    return 0;
}

KnObject *pk_unpickler_memo_get(PkUnpickler *u, kn_ssize_t idx)
{
    if (idx >= 0 && idx < u->memo_size)
        return u->memo[idx];
    if (idx < 0 || u->memo_far == NULL)
        return NULL;
    KnObject *key = ob_int_from_ssize(idx);
    KnObject *v = key ? ob_dict_getitem(u->memo_far, key) : NULL;
    if (v == NULL)
        ob_err_clear();
    return v;
}
