/*
 * mmap_module.c — the `mmap` module: the mmap type's constructor, its
 * sequence / mapping / buffer slots, close and the context manager,
 * repr, and the module's constants.  The methods that move the file
 * position or change the contents live in mmap_methods.c.
 *
 * The mapping itself is outside the collector's heap (mmap(2) memory,
 * never scanned: it holds no pointers).  An instance unmaps and closes
 * its descriptor at close() or, failing that, when it is finalized.
 * Buffer exports (memoryview, re, bytes(m) ...) are counted; close and
 * resize refuse while any is live, so no view ever outlives its memory.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libobject/buffer.h"
#include "libobject/slice.h"
#include "mmap_internal.h"
#include "select_fd.h"

KnObject *kn_init_mmap(void);

static KnTypeObject mm_type;

int mm_check_valid(MmObject *m)
{
    if (m->data == NULL) {
        ob_err_set_string(ob_exc_ValueError, "mmap closed or invalid");
        return -1;
    }
    return 0;
}

int mm_check_writable(MmObject *m)
{
    if (m->access == MM_ACCESS_READ) {
        ob_err_set_string(ob_exc_TypeError, "mmap can't modify a readonly memory map.");
        return -1;
    }
    return 0;
}

int mm_ssize_arg(KnObject *o, kn_ssize_t *out)
{
    long long v;
    if (ux_ranged_arg(o, PTRDIFF_MIN, PTRDIFF_MAX, "ssize_t", &v) < 0)
        return -1;
    *out = (kn_ssize_t)v;
    return 0;
}

/* ---- construction ---- */

/* The constructor's arguments, with PyArg_ParseTupleAndKeywords'
 * wording for a format without a function name ("function takes at most
 * 6 arguments (7 given)", "... invalid keyword argument for this
 * function"). */
static int mm_new_args(KnObject *args, KnObject *kwargs, KnObject **a)
{
    static const char *const names[] = {"fileno", "length", "flags", "prot", "access", "offset"};
    kn_ssize_t n = KN_SIZE(args), nkw = kwargs ? ob_dict_size(kwargs) : 0, used = 0;
    if (n + nkw > 6) {
        ob_err_format(ob_exc_TypeError, "function takes at most 6 arguments (%zd given)", n + nkw);
        return -1;
    }
    for (int i = 0; i < 6; i++) {
        KnObject *kv = kwargs ? ob_dict_getitem_str(kwargs, names[i]) : NULL;
        if (kv == NULL && ob_err_occurred())
            return -1;
        if (kv != NULL)
            used++;
        if (i < n) {
            if (kv != NULL) {
                ob_err_format(ob_exc_TypeError, "argument for function given by name ('%s') and position (%d)",
                              names[i], i + 1);
                return -1;
            }
            a[i] = KN_TUPLE_GET(args, i);
        } else {
            a[i] = kv;
        }
        if (a[i] == NULL && i < 2) {
            ob_err_format(ob_exc_TypeError, "function missing required argument '%s' (pos %d)",
                          names[i], i + 1);
            return -1;
        }
    }
    if (used < nkw) {
        kn_ssize_t pos = 0;
        KnObject *k, *v;
        while (ob_dict_next(kwargs, &pos, &k, &v)) {
            if (!KN_STR_CHECK(k)) {
                ob_err_set_string(ob_exc_TypeError, "keywords must be strings");
                return -1;
            }
            int known = 0;
            for (int i = 0; i < 6; i++)
                known |= ob_str_equal_cstr(k, names[i]);
            if (!known) {
                ob_err_format(ob_exc_TypeError, "'%U' is an invalid keyword argument for this function", k);
                return -1;
            }
        }
    }
    return 0;
}

/* Size checks against a regular file; *len 0 means "to the end". */
static int mm_fit_file(int fd, kn_ssize_t *len, long long offset)
{
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
        return 0;   /* mmap(2) itself reports what is wrong */
    if (*len == 0) {
        if (st.st_size == 0) {
            ob_err_set_string(ob_exc_ValueError, "cannot mmap an empty file");
            return -1;
        }
        if (offset >= st.st_size) {
            ob_err_set_string(ob_exc_ValueError, "mmap offset is greater than file size");
            return -1;
        }
        *len = (kn_ssize_t)(st.st_size - offset);
    } else if (offset > st.st_size || st.st_size - offset < *len) {
        ob_err_set_string(ob_exc_ValueError, "mmap length is greater than file size");
        return -1;
    }
    return 0;
}

static KnObject *mm_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    KnObject *a[6] = {0};
    int fd, flags = MAP_SHARED, prot = PROT_READ | PROT_WRITE, access = MM_ACCESS_DEFAULT;
    kn_ssize_t len;
    long long offset = 0;
    int ovf = 0;
    if (mm_new_args(args, kwargs, a) < 0 || sel_int_arg(a[0], &fd) < 0 || mm_ssize_arg(a[1], &len) < 0
        || (a[2] && sel_int_arg(a[2], &flags) < 0) || (a[3] && sel_int_arg(a[3], &prot) < 0)
        || (a[4] && sel_int_arg(a[4], &access) < 0) || (a[5] && kn_arg_index_ll(a[5], &offset, &ovf) < 0))
        return NULL;
    if (ovf) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long long");
        return NULL;
    }
    if (len < 0) {
        ob_err_set_string(ob_exc_OverflowError, "memory mapped length must be positive");
        return NULL;
    }
    if (offset < 0) {
        ob_err_set_string(ob_exc_OverflowError, "memory mapped offset must be positive");
        return NULL;
    }
    if (access != MM_ACCESS_DEFAULT && (flags != MAP_SHARED || prot != (PROT_READ | PROT_WRITE))) {
        ob_err_set_string(ob_exc_ValueError, "mmap can't specify both access and flags, prot.");
        return NULL;
    }
    switch (access) {
    case MM_ACCESS_READ: flags = MAP_SHARED; prot = PROT_READ; break;
    case MM_ACCESS_WRITE: flags = MAP_SHARED; prot = PROT_READ | PROT_WRITE; break;
    case MM_ACCESS_COPY: flags = MAP_PRIVATE; prot = PROT_READ | PROT_WRITE; break;
    case MM_ACCESS_DEFAULT:
        if (!((prot & PROT_READ) && (prot & PROT_WRITE)))
            access = (prot & PROT_WRITE) ? MM_ACCESS_WRITE : MM_ACCESS_READ;
        break;
    default:
        ob_err_set_string(ob_exc_ValueError, "mmap invalid access parameter.");
        return NULL;
    }
    if (fd != -1 && mm_fit_file(fd, &len, offset) < 0)
        return NULL;
    MmObject *m = (MmObject *)ob_type_generic_alloc(t, 0);
    if (m == NULL)
        return NULL;
    m->fd = -1;
    if (fd == -1) {
        flags |= MAP_ANONYMOUS;
    } else if ((m->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0) {
        return ux_oserror();
    }
    void *p = mmap(NULL, (size_t)len, prot, flags, m->fd, (off_t)offset);
    if (p == MAP_FAILED) {
        int e = errno;
        if (m->fd >= 0)
            close(m->fd);
        m->fd = -1;
        errno = e;
        return ux_oserror();
    }
    m->data = p;
    m->size = len;
    m->offset = offset;
    m->flags = flags;
    m->prot = prot;
    m->access = access;
    return (KnObject *)m;
}

/* ---- closing ---- */

static void mm_release(MmObject *m)
{
    if (m->data != NULL)
        munmap(m->data, (size_t)m->size);
    if (m->fd >= 0)
        close(m->fd);
    m->data = NULL;
    m->fd = -1;
}

KnObject *mm_close(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (MM(self)->exports > 0) {
        ob_err_set_string(ob_exc_BufferError, "cannot close exported pointers exist");
        return NULL;
    }
    mm_release(MM(self));
    return KN_None;
}

static void mm_finalize(KnObject *self)
{
    if (MM(self)->exports == 0)
        mm_release(MM(self));
}

KnObject *mm_enter(KnObject *self, KnObject *unused)
{
    (void)unused;
    return mm_check_valid(MM(self)) < 0 ? NULL : self;
}

KnObject *mm_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    return mm_close(self, NULL);
}

static KnObject *mm_closed(KnObject *self, void *closure)
{
    (void)closure;
    return KN_BOOL(MM(self)->data == NULL);
}

KnObject *mm_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_err_format(ob_exc_TypeError, "cannot pickle '%s' object", KN_TYPE(self)->tp_name);
}

static KnObject *mm_repr(KnObject *self)
{
    static const char *const modes[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"};
    MmObject *m = MM(self);
    const char *tn = KN_TYPE(self)->tp_name;
    if (m->data == NULL)
        return ob_str_from_format("<%s closed=True>", tn);
    return ob_str_from_format("<%s closed=False, access=%s, length=%zd, pos=%zd, offset=%lld>", tn,
                              modes[m->access], m->size, m->pos, m->offset);
}

/* ---- sequence and mapping slots ---- */

static kn_ssize_t mm_length(KnObject *self)
{
    return mm_check_valid(MM(self)) < 0 ? -1 : MM(self)->size;
}

/* m[i] through the sequence protocol (iteration): a one-byte bytes. */
static KnObject *mm_item(KnObject *self, kn_ssize_t i)
{
    MmObject *m = MM(self);
    if (mm_check_valid(m) < 0)
        return NULL;
    if (i < 0 || i >= m->size) {
        ob_err_set_string(ob_exc_IndexError, "mmap index out of range");
        return NULL;
    }
    return ob_bytes_from_data(m->data + i, 1);
}

/* An integer subscript made absolute; -1 with IndexError. */
static int mm_index(MmObject *m, KnObject *key, kn_ssize_t *i)
{
    *i = ob_number_as_ssize(key, ob_exc_IndexError);
    if (*i == -1 && ob_err_occurred())
        return -1;
    if (*i < 0)
        *i += m->size;
    if (*i < 0 || *i >= m->size) {
        ob_err_set_string(ob_exc_IndexError, "mmap index out of range");
        return -1;
    }
    return 0;
}

static KnObject *mm_subscript(KnObject *self, KnObject *key)
{
    MmObject *m = MM(self);
    if (mm_check_valid(m) < 0)
        return NULL;
    if (ob_index_check(key) && !KN_FLOAT_CHECK(key)) {
        kn_ssize_t i;
        if (mm_index(m, key, &i) < 0)
            return NULL;
        return ob_int_from_long_long((unsigned char)m->data[i]);
    }
    if (!KN_SLICE_CHECK(key)) {
        ob_err_set_string(ob_exc_TypeError, "mmap indices must be integers");
        return NULL;
    }
    kn_ssize_t start, stop, step, n;
    if (ob_slice_get_indices(key, m->size, &start, &stop, &step, &n) < 0)
        return NULL;
    if (step == 1)
        return ob_bytes_from_data(m->data + start, n);
    KnObject *b = ob_bytes_new_uninit(n);
    if (b == NULL)
        return NULL;
    for (kn_ssize_t k = 0; k < n; k++)
        KN_BYTES_AS_STRING(b)[k] = m->data[start + k * step];
    return b;
}

static int mm_ass_index(MmObject *m, KnObject *key, KnObject *value)
{
    kn_ssize_t i;
    if (mm_index(m, key, &i) < 0)
        return -1;
    if (value == NULL) {
        ob_err_set_string(ob_exc_TypeError, "mmap doesn't support item deletion");
        return -1;
    }
    if (KN_FLOAT_CHECK(value) || !ob_index_check(value)) {
        ob_err_set_string(ob_exc_TypeError, "mmap item value must be an int");
        return -1;
    }
    kn_ssize_t v = ob_number_as_ssize(value, ob_exc_TypeError);
    if (v == -1 && ob_err_occurred())
        return -1;
    if (v < 0 || v > 255) {
        ob_err_set_string(ob_exc_ValueError, "mmap item value must be in range(0, 256)");
        return -1;
    }
    m->data[i] = (char)v;
    return 0;
}

static int mm_ass_subscript(KnObject *self, KnObject *key, KnObject *value)
{
    MmObject *m = MM(self);
    if (mm_check_valid(m) < 0)
        return -1;
    if (ob_index_check(key) && !KN_FLOAT_CHECK(key))
        return mm_check_writable(m) < 0 ? -1 : mm_ass_index(m, key, value);
    if (!KN_SLICE_CHECK(key)) {
        ob_err_set_string(ob_exc_TypeError, "mmap indices must be integer");
        return -1;
    }
    kn_ssize_t start, stop, step, n;
    if (ob_slice_get_indices(key, m->size, &start, &stop, &step, &n) < 0)
        return -1;
    if (value == NULL) {
        ob_err_set_string(ob_exc_TypeError, "mmap object doesn't support slice deletion");
        return -1;
    }
    KnBuffer view;
    if (ob_buffer_get(value, &view, KN_BUF_SIMPLE) < 0)
        return -1;
    int r = -1;
    if (view.len != n)
        ob_err_set_string(ob_exc_IndexError, "mmap slice assignment is wrong size");
    else if (mm_check_writable(m) == 0) {
        for (kn_ssize_t k = 0; k < n; k++)
            m->data[start + k * step] = ((const char *)view.buf)[k];
        r = 0;
    }
    ob_buffer_release(&view);
    return r;
}

/* ---- buffer ---- */

static int mm_getbuffer(KnObject *self, KnBuffer *view, int flags)
{
    MmObject *m = MM(self);
    if (mm_check_valid(m) < 0
        || ob_buffer_fill_info(view, self, m->data, m->size, m->access == MM_ACCESS_READ, flags) < 0)
        return -1;
    m->exports++;
    return 0;
}

static void mm_releasebuffer(KnObject *self, KnBuffer *view)
{
    (void)view;
    MM(self)->exports--;
}

static KnSequenceMethods mm_as_sequence = {
    .sq_length = mm_length,
    .sq_item = mm_item,
};

static KnMappingMethods mm_as_mapping = {mm_length, mm_subscript, mm_ass_subscript};

static KnBufferProcs mm_as_buffer = {mm_getbuffer, mm_releasebuffer};

static KnGetSetDef mm_getset[] = {
    {"closed", mm_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static const char mm_doc[] =
    "Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\n"
    "Maps length bytes from the file specified by the file handle fileno,\n"
    "and returns a mmap object.  If length is larger than the current size\n"
    "of the file, the file is extended to contain length bytes.  If length\n"
    "is 0, the maximum length of the map is the current size of the file,\n"
    "except that if the file is empty Windows raises an exception (you cannot\n"
    "create an empty mapping on Windows).\n\n"
    "Unix: mmap(fileno, length[, flags[, prot[, access[, offset]]]])\n\n"
    "Maps length bytes from the file specified by the file descriptor fileno,\n"
    "and returns a mmap object.  If length is 0, the maximum length of the map\n"
    "will be the current size of the file when mmap is called.\n"
    "flags specifies the nature of the mapping. MAP_PRIVATE creates a\n"
    "private copy-on-write mapping, so changes to the contents of the mmap\n"
    "object will be private to this process, and MAP_SHARED creates a mapping\n"
    "that's shared with all other processes mapping the same areas of the file.\n"
    "The default value is MAP_SHARED.\n\n"
    "To map anonymous memory, pass -1 as the fileno (both versions).";

static KnTypeObject mm_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "mmap.mmap",
    .tp_basicsize = sizeof(MmObject),
    .tp_repr = mm_repr,
    .tp_as_sequence = &mm_as_sequence,
    .tp_as_mapping = &mm_as_mapping,
    .tp_getattro = ob_generic_getattr,
    .tp_as_buffer = &mm_as_buffer,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_doc = mm_doc,
    .tp_weaklistoffset = offsetof(MmObject, weakreflist),
    .tp_methods = mm_methods,
    .tp_getset = mm_getset,
    .tp_new = mm_new,
    .tp_finalize = mm_finalize,
};

static const UxConst mm_consts[] = {
#define C(n) {#n, (long long)(n)},
    C(PROT_EXEC) C(PROT_READ) C(PROT_WRITE) C(MAP_SHARED) C(MAP_PRIVATE) C(MAP_DENYWRITE)
    C(MAP_EXECUTABLE) C(MAP_ANON) C(MAP_ANONYMOUS) C(MAP_POPULATE) C(MAP_STACK)
    C(MADV_NORMAL) C(MADV_RANDOM) C(MADV_SEQUENTIAL) C(MADV_WILLNEED) C(MADV_DONTNEED)
    C(MADV_REMOVE) C(MADV_DONTFORK) C(MADV_DOFORK) C(MADV_HWPOISON) C(MADV_MERGEABLE)
    C(MADV_UNMERGEABLE) C(MADV_HUGEPAGE) C(MADV_NOHUGEPAGE) C(MADV_DONTDUMP) C(MADV_DODUMP)
    C(MADV_FREE)
#undef C
    {"ACCESS_DEFAULT", MM_ACCESS_DEFAULT},
    {"ACCESS_READ", MM_ACCESS_READ},
    {"ACCESS_WRITE", MM_ACCESS_WRITE},
    {"ACCESS_COPY", MM_ACCESS_COPY},
    {NULL, 0}
};

KnObject *kn_init_mmap(void)
{
    if (ob_type_ready(&mm_type) < 0)
        return NULL;
    KnObject *mod = ob_module_new_cstr("mmap");
    long page = sysconf(_SC_PAGESIZE);
    if (mod == NULL || ob_module_add_object(mod, "mmap", (KnObject *)&mm_type) < 0
        || ob_module_add_object(mod, "error", (KnObject *)ob_exc_OSError) < 0
        || ob_module_add_object(mod, "PAGESIZE", ob_int_from_long_long(page)) < 0
        || ob_module_add_object(mod, "ALLOCATIONGRANULARITY", ob_int_from_long_long(page)) < 0
        || ux_add_consts(mod, mm_consts) < 0)
        return NULL;
    return mod;
}
