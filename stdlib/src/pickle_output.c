/* pickle_output.c — the pickler's output buffer and protocol-4 framing.
 *
 * Framing must produce CPython's exact bytes: a frame is opened (9 header
 * bytes reserved) by the first write after the previous one was committed;
 * save() commits it at an opcode boundary once it holds 64 KiB or more;
 * a frame under 4 bytes loses its header when committed; a payload of
 * 64 KiB or more is written outside any frame. */
#include <string.h>

#include "pickle_internal.h"
#include "libgc/gc.h"

static int grow(PkPickler *p, kn_ssize_t need)
{
    if (need <= p->out_cap)
        return 0;
    kn_ssize_t cap = p->out_cap ? p->out_cap : 4096;
    while (cap < need) {
        if (cap > ((kn_ssize_t)1 << 61)) {
            ob_err_nomemory();
            return -1;
        }
        cap *= 2;
    }
    char *n = kgc_alloc_atomic((size_t)cap);
    if (n == NULL) {
        ob_err_nomemory();
        return -1;
    }
    if (p->out_len)
        memcpy(n, p->out, (size_t)p->out_len);
    p->out = n;
    p->out_cap = cap;
    return 0;
}

int pk_write(PkPickler *p, const char *data, kn_ssize_t n)
{
    int new_frame = p->framing && p->frame_start == -1;
    kn_ssize_t need = p->out_len + n + (new_frame ? PK_FRAME_HEADER_SIZE : 0);
    if (need > p->out_cap && grow(p, need) < 0)
        return -1;
    if (new_frame) {
        p->frame_start = p->out_len;
        memset(p->out + p->out_len, 0, PK_FRAME_HEADER_SIZE);
        p->out_len += PK_FRAME_HEADER_SIZE;
    }
    if (n == 1)
        p->out[p->out_len] = data[0];
    else if (n > 0)
        memcpy(p->out + p->out_len, data, (size_t)n);
    p->out_len += n;
    return 0;
}

int pk_write_op(PkPickler *p, char op)
{
    if (!p->framing && p->out_len < p->out_cap) {
        p->out[p->out_len++] = op;
        return 0;
    }
    return pk_write(p, &op, 1);
}

int pk_commit_frame(PkPickler *p)
{
    if (!p->framing || p->frame_start == -1)
        return 0;
    kn_ssize_t len = p->out_len - p->frame_start - PK_FRAME_HEADER_SIZE;
    char *q = p->out + p->frame_start;
    if (len >= PK_FRAME_SIZE_MIN) {
        q[0] = '\x95';
        for (int i = 0; i < 8; i++)
            q[1 + i] = (char)((uint64_t)len >> (8 * i));
    } else {
        memmove(q, q + PK_FRAME_HEADER_SIZE, (size_t)len);
        p->out_len -= PK_FRAME_HEADER_SIZE;
    }
    p->frame_start = -1;
    return 0;
}

void pk_clear_buffer(PkPickler *p)
{
    p->out_len = 0;
    p->frame_start = -1;
}

KnObject *pk_output_bytes(PkPickler *p)
{
    return ob_bytes_from_data(p->out_len ? p->out : "", p->out_len);
}

int pk_flush_to_file(PkPickler *p)
{
    KnObject *data = pk_output_bytes(p);
    if (data == NULL)
        return -1;
    return ob_call_onearg(p->write, data) == NULL ? -1 : 0;
}

int pk_opcode_boundary(PkPickler *p)
{
    if (!p->framing || p->frame_start == -1)
        return 0;
    if (p->out_len - p->frame_start - PK_FRAME_HEADER_SIZE < PK_FRAME_SIZE_TARGET)
        return 0;
    pk_commit_frame(p);
    if (p->write != NULL) {
        if (pk_flush_to_file(p) < 0)
            return -1;
        pk_clear_buffer(p);
    }
    return 0;
}

int pk_write_bytes(PkPickler *p, const char *header, kn_ssize_t hlen,
                   const char *data, kn_ssize_t n, KnObject *payload)
{
    int bypass = n >= PK_FRAME_SIZE_TARGET;
    int framing = p->framing;
    if (bypass) {
        pk_commit_frame(p);
        p->framing = 0;
    }
    if (pk_write(p, header, hlen) < 0)
        goto error;
    if (bypass && p->write != NULL) {
        if (pk_flush_to_file(p) < 0)
            goto error;
        if (payload == NULL && (payload = ob_bytes_from_data(data, n)) == NULL)
            goto error;
        if (ob_call_onearg(p->write, payload) == NULL)
            goto error;
        pk_clear_buffer(p);
    } else if (pk_write(p, data, n) < 0) {
        goto error;
    }
    p->framing = framing;
    return 0;
error:
    p->framing = framing;
    return -1;
}
