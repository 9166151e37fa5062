/*
 * mmap_methods.c — the mmap type's methods: the file-like interface
 * (read, read_byte, readline, write, write_byte, seek, tell), searching
 * (find, rfind), and whole-map operations (flush, move, resize, size,
 * madvise).  Argument errors use PyArg_ParseTuple's wording, as 3.11's
 * mmap methods do ("write() takes exactly 1 argument (0 given)").
 */
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libobject/buffer.h"
#include "mmap_internal.h"
#include "select_fd.h"

#define MM_ARGS KnObject *self, KnObject *const *args, kn_ssize_t nargs

static int mm_nargs(const char *fname, kn_ssize_t nargs, int min, int max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    int want = nargs < min ? min : max;
    const char *how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    ob_err_format(ob_exc_TypeError, "%s() takes %s %d argument%s (%zd given)", fname, how, want,
                  want == 1 ? "" : "s", nargs);
    return -1;
}

/* Valid map and argument count together (the common prologue). */
static MmObject *mm_enter_call(KnObject *self, const char *fname, kn_ssize_t nargs, int min, int max)
{
    MmObject *m = MM(self);
    if (mm_check_valid(m) < 0 || mm_nargs(fname, nargs, min, max) < 0)
        return NULL;
    return m;
}

static kn_ssize_t mm_remaining(MmObject *m)
{
    return m->pos < m->size ? m->size - m->pos : 0;
}

/* ---- reading ---- */

static KnObject *mm_read(MM_ARGS)
{
    MmObject *m = mm_enter_call(self, "read", nargs, 0, 1);
    if (m == NULL)
        return NULL;
    kn_ssize_t n = -1;
    if (nargs == 1 && args[0] != KN_None) {
        if (!ob_index_check(args[0]) || KN_FLOAT_CHECK(args[0]))
            return ob_err_format(ob_exc_TypeError, "argument should be integer or None, not '%s'",
                                 ob_type_name(KN_TYPE(args[0])));
        n = ob_number_as_ssize(args[0], ob_exc_OverflowError);
        if (n == -1 && ob_err_occurred())
            return NULL;
    }
    kn_ssize_t left = mm_remaining(m);
    if (n < 0 || n > left)
        n = left;
    KnObject *b = ob_bytes_from_data(m->data + m->pos, n);
    if (b != NULL)
        m->pos += n;
    return b;
}

static KnObject *mm_read_byte(KnObject *self, KnObject *unused)
{
    (void)unused;
    MmObject *m = MM(self);
    if (mm_check_valid(m) < 0)
        return NULL;
    if (m->pos >= m->size) {
        ob_err_set_string(ob_exc_ValueError, "read byte out of range");
        return NULL;
    }
    return ob_int_from_long_long((unsigned char)m->data[m->pos++]);
}

static KnObject *mm_readline(KnObject *self, KnObject *unused)
{
    (void)unused;
    MmObject *m = MM(self);
    if (mm_check_valid(m) < 0)
        return NULL;
    kn_ssize_t left = mm_remaining(m);
    const char *start = m->data + m->pos;
    const char *nl = left > 0 ? memchr(start, '\n', (size_t)left) : NULL;
    kn_ssize_t n = nl ? (nl - start) + 1 : left;
    KnObject *b = ob_bytes_from_data(start, n);
    if (b != NULL)
        m->pos += n;
    return b;
}

/* ---- writing ---- */

static KnObject *mm_write(MM_ARGS)
{
    MmObject *m = mm_enter_call(self, "write", nargs, 1, 1);
    KnBuffer view;
    if (m == NULL || ob_buffer_get(args[0], &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    KnObject *r = NULL;
    if (mm_check_writable(m) < 0)
        goto done;
    if (m->pos > m->size || m->size - m->pos < view.len) {
        ob_err_set_string(ob_exc_ValueError, "data out of range");
        goto done;
    }
    memcpy(m->data + m->pos, view.buf, (size_t)view.len);
    m->pos += view.len;
    r = ob_int_from_ssize(view.len);
done:
    ob_buffer_release(&view);
    return r;
}

static KnObject *mm_write_byte(MM_ARGS)
{
    MmObject *m = mm_enter_call(self, "write_byte", nargs, 1, 1);
    long v;
    if (m == NULL || ux_long_arg(args[0], &v) < 0)
        return NULL;
    if (v < 0 || v > 255) {
        ob_err_set_string(ob_exc_OverflowError, v < 0 ? "unsigned byte integer is less than minimum"
                                                      : "unsigned byte integer is greater than maximum");
        return NULL;
    }
    if (mm_check_writable(m) < 0)
        return NULL;
    if (m->pos >= m->size) {
        ob_err_set_string(ob_exc_ValueError, "write byte out of range");
        return NULL;
    }
    m->data[m->pos++] = (char)v;
    return KN_None;
}

/* ---- position ---- */

static KnObject *mm_seek(MM_ARGS)
{
    MmObject *m = mm_enter_call(self, "seek", nargs, 1, 2);
    kn_ssize_t dist, where;
    int how = 0;
    if (m == NULL || mm_ssize_arg(args[0], &dist) < 0 || (nargs == 2 && sel_int_arg(args[1], &how) < 0))
        return NULL;
    switch (how) {
    case 0: where = dist; break;
    case 1:
        if (__builtin_add_overflow(m->pos, dist, &where))
            goto out_of_range;
        break;
    case 2:
        if (__builtin_add_overflow(m->size, dist, &where))
            goto out_of_range;
        break;
    default:
        ob_err_set_string(ob_exc_ValueError, "unknown seek type");
        return NULL;
    }
    if (where < 0 || where > m->size)
        goto out_of_range;
    m->pos = where;
    return KN_None;
out_of_range:
    ob_err_set_string(ob_exc_ValueError, "seek out of range");
    return NULL;
}

static KnObject *mm_tell(KnObject *self, KnObject *unused)
{
    (void)unused;
    MmObject *m = MM(self);
    return mm_check_valid(m) < 0 ? NULL : ob_int_from_ssize(m->pos);
}

/* ---- searching ---- */

/* start / end of find and rfind: negative counts from the end, then
 * clamped to [0, size]. */
static kn_ssize_t mm_clamp(kn_ssize_t i, kn_ssize_t size)
{
    if (i < 0) {
        i += size;
        if (i < 0)
            i = 0;
    } else if (i > size) {
        i = size;
    }
    return i;
}

static kn_ssize_t mm_search(const char *hay, kn_ssize_t start, kn_ssize_t end, const char *needle,
                            kn_ssize_t n, int reverse)
{
    if (end - start < n)
        return -1;
    if (n == 0)
        return reverse ? end : start;
    if (!reverse) {
        const char *p = memmem(hay + start, (size_t)(end - start), needle, (size_t)n);
        return p ? p - hay : -1;
    }
    for (kn_ssize_t i = end - n; i >= start; i--)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, (size_t)n) == 0)
            return i;
    return -1;
}

static KnObject *mm_find_impl(KnObject *self, KnObject *const *args, kn_ssize_t nargs, int reverse)
{
    MmObject *m = mm_enter_call(self, reverse ? "rfind" : "find", nargs, 1, 3);
    if (m == NULL)
        return NULL;
    kn_ssize_t start = m->pos, end = m->size;
    KnBuffer view;
    if (ob_buffer_get(args[0], &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    if ((nargs >= 2 && mm_ssize_arg(args[1], &start) < 0) || (nargs == 3 && mm_ssize_arg(args[2], &end) < 0)) {
        ob_buffer_release(&view);
        return NULL;
    }
    start = mm_clamp(start, m->size);
    end = mm_clamp(end, m->size);
    kn_ssize_t r = mm_search(m->data, start, end, view.buf, view.len, reverse);
    ob_buffer_release(&view);
    return ob_int_from_ssize(r);
}

static KnObject *mm_find(MM_ARGS)
{
    return mm_find_impl(self, args, nargs, 0);
}

static KnObject *mm_rfind(MM_ARGS)
{
    return mm_find_impl(self, args, nargs, 1);
}

/* ---- whole-map operations ---- */

static KnObject *mm_flush(MM_ARGS)
{
    MmObject *m = mm_enter_call(self, "flush", nargs, 0, 2);
    if (m == NULL)
        return NULL;
    kn_ssize_t offset = 0, size = m->size;
    if ((nargs >= 1 && mm_ssize_arg(args[0], &offset) < 0) || (nargs == 2 && mm_ssize_arg(args[1], &size) < 0))
        return NULL;
    if (size < 0 || offset < 0 || m->size - offset < size) {
        ob_err_set_string(ob_exc_ValueError, "flush values out of range");
        return NULL;
    }
    if (m->access == MM_ACCESS_READ || m->access == MM_ACCESS_COPY)
        return KN_None;
    if (msync(m->data + offset, (size_t)size, MS_SYNC) < 0)
        return ux_oserror();
    return KN_None;
}

static KnObject *mm_move(MM_ARGS)
{
    MmObject *m = mm_enter_call(self, "move", nargs, 3, 3);
    kn_ssize_t dest, src, cnt;
    if (m == NULL || mm_ssize_arg(args[0], &dest) < 0 || mm_ssize_arg(args[1], &src) < 0
        || mm_ssize_arg(args[2], &cnt) < 0 || mm_check_writable(m) < 0)
        return NULL;
    if (dest < 0 || src < 0 || cnt < 0 || m->size - dest < cnt || m->size - src < cnt) {
        ob_err_set_string(ob_exc_ValueError, "source, destination, or count out of range");
        return NULL;
    }
    memmove(m->data + dest, m->data + src, (size_t)cnt);
    return KN_None;
}

/* A file-backed map grows / shrinks its file first, then the mapping
 * moves wherever the kernel puts it (MREMAP_MAYMOVE). */
static KnObject *mm_resize(MM_ARGS)
{
    MmObject *m = mm_enter_call(self, "resize", nargs, 1, 1);
    kn_ssize_t n;
    if (m == NULL || mm_ssize_arg(args[0], &n) < 0)
        return NULL;
    if (m->exports > 0) {
        ob_err_set_string(ob_exc_BufferError, "mmap can't resize with extant buffers exported.");
        return NULL;
    }
    if (m->access != MM_ACCESS_WRITE && m->access != MM_ACCESS_DEFAULT) {
        ob_err_set_string(ob_exc_TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
        return NULL;
    }
    if (n < 0 || (long long)n > INT64_MAX - m->offset) {
        ob_err_set_string(ob_exc_ValueError, "new size out of range");
        return NULL;
    }
    if (m->fd >= 0 && ftruncate(m->fd, (off_t)(m->offset + n)) < 0)
        return ux_oserror();
    void *p = mremap(m->data, (size_t)m->size, (size_t)n, MREMAP_MAYMOVE);
    if (p == MAP_FAILED)
        return ux_oserror();
    m->data = p;
    m->size = n;
    return KN_None;
}

/* The size of the underlying file (an anonymous map has none: EBADF, as
 * in CPython). */
static KnObject *mm_size(KnObject *self, KnObject *unused)
{
    (void)unused;
    MmObject *m = MM(self);
    struct stat st;
    if (mm_check_valid(m) < 0)
        return NULL;
    if (fstat(m->fd, &st) < 0)
        return ux_oserror();
    return ob_int_from_long_long(st.st_size);
}

static KnObject *mm_madvise(MM_ARGS)
{
    MmObject *m = mm_enter_call(self, "madvise", nargs, 1, 3);
    int option;
    if (m == NULL || sel_int_arg(args[0], &option) < 0)
        return NULL;
    kn_ssize_t start = 0, len = m->size;
    if ((nargs >= 2 && mm_ssize_arg(args[1], &start) < 0) || (nargs == 3 && mm_ssize_arg(args[2], &len) < 0))
        return NULL;
    if (start < 0 || start >= m->size) {
        ob_err_set_string(ob_exc_ValueError, "madvise start out of bounds");
        return NULL;
    }
    if (len < 0) {
        ob_err_set_string(ob_exc_ValueError, "madvise length invalid");
        return NULL;
    }
    if (len > PTRDIFF_MAX - start) {
        ob_err_set_string(ob_exc_OverflowError, "madvise length too large");
        return NULL;
    }
    if (len > m->size - start)
        len = m->size - start;
    if (madvise(m->data + start, (size_t)len, option) < 0)
        return ux_oserror();
    return KN_None;
}

KnMethodDef mm_methods[] = {
    {"close", mm_close, KN_METH_NOARGS, NULL},
    {"find", UX_FC(mm_find), KN_METH_FASTCALL, NULL},
    {"rfind", UX_FC(mm_rfind), KN_METH_FASTCALL, NULL},
    {"flush", UX_FC(mm_flush), KN_METH_FASTCALL, NULL},
    {"madvise", UX_FC(mm_madvise), KN_METH_FASTCALL, NULL},
    {"move", UX_FC(mm_move), KN_METH_FASTCALL, NULL},
    {"read", UX_FC(mm_read), KN_METH_FASTCALL, NULL},
    {"read_byte", mm_read_byte, KN_METH_NOARGS, NULL},
    {"readline", mm_readline, KN_METH_NOARGS, NULL},
    {"resize", UX_FC(mm_resize), KN_METH_FASTCALL, NULL},
    {"seek", UX_FC(mm_seek), KN_METH_FASTCALL, NULL},
    {"size", mm_size, KN_METH_NOARGS, NULL},
    {"tell", mm_tell, KN_METH_NOARGS, NULL},
    {"write", UX_FC(mm_write), KN_METH_FASTCALL, NULL},
    {"write_byte", UX_FC(mm_write_byte), KN_METH_FASTCALL, NULL},
    {"__enter__", mm_enter, KN_METH_NOARGS, NULL},
    {"__exit__", UX_FC(mm_exit), KN_METH_FASTCALL, NULL},
    {"__reduce__", mm_reduce, KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};
