/* pickle_internal.h — shared declarations of the `_pickle` module
 * (pickle_*.c; design note ../NOTES-pickle.md).
 *
 *   pickle_module.c   module object, exceptions, copyreg / _compat_pickle
 *                     state, dump / dumps / load / loads
 *   pickle_buffer.c   PickleBuffer (the PEP 574 buffer wrapper)
 *   pickle_memo.c     the pickler's identity memo table, memo proxies
 *   pickle_output.c   the pickler's output buffer and framing
 *   pickle_save.c     save(): atoms, str/bytes, containers
 *   pickle_reduce.c   save_reduce, save_global, persistent ids
 *   pickle_pickler.c  the Pickler type
 *   pickle_input.c    the unpickler's input (memory or file) and its stack
 *   pickle_text.c     protocol 0's text decoders
 *   pickle_load.c     the opcode loop and every load_* handler
 *   pickle_unpickler.c the Unpickler type
 */
#ifndef STDLIB_PICKLE_INTERNAL_H
#define STDLIB_PICKLE_INTERNAL_H

#include "libobject/libobject.h"
#include "libobject/buffer.h"

/* Protocol constants (pickle.py's). */
#define PK_HIGHEST_PROTOCOL 5
#define PK_DEFAULT_PROTOCOL 4
#define PK_BATCHSIZE 1000
#define PK_FRAME_SIZE_MIN 4
#define PK_FRAME_SIZE_TARGET (64 * 1024)
#define PK_FRAME_HEADER_SIZE 9

/* ---- module state (pickle_module.c) ---- */
typedef struct PkState {
    KnObject *PickleError, *PicklingError, *UnpicklingError;
    KnObject *dispatch_table;       /* copyreg.dispatch_table */
    KnObject *extension_registry;   /* copyreg._extension_registry */
    KnObject *inverted_registry;    /* copyreg._inverted_registry */
    KnObject *extension_cache;      /* copyreg._extension_cache */
    KnObject *name_mapping_2to3, *import_mapping_2to3;
    KnObject *name_mapping_3to2, *import_mapping_3to2;
    KnObject *codecs_encode, *partial, *getattr;
    int loaded;                     /* the Python-level parts above are set */
} PkState;
extern PkState pk_state;
/* Import copyreg, _compat_pickle, codecs, functools on first use. */
int pk_state_load(void);
KnObject *pk_import(KnObject *name);     /* PyImport_Import */
int pk_lookup_attr(KnObject *o, KnObject *name, KnObject **res);
#define PK_ERR(which) ((KnTypeObject *)pk_state.which)

/* ---- the pickler's identity memo (pickle_memo.c) ---- */
typedef struct PkMemoEntry {
    KnObject *key;
    kn_ssize_t value;
} PkMemoEntry;
typedef struct PkMemo {
    PkMemoEntry *table;     /* GC-scanned: keeps memoized objects alive */
    kn_ssize_t mask;        /* table size - 1 (power of two) */
    kn_ssize_t used;
} PkMemo;
int pk_memo_init(PkMemo *m);
kn_ssize_t *pk_memo_get(PkMemo *m, KnObject *key);   /* NULL: absent */
int pk_memo_set(PkMemo *m, KnObject *key, kn_ssize_t value);
void pk_memo_clear(PkMemo *m);
int pk_memo_copy(PkMemo *dst, const PkMemo *src);
KnObject *pk_memoproxy_new(KnTypeObject *t, KnObject *owner);
KnObject *pk_memoproxy_owner(KnObject *proxy);

/* ---- Pickler ---- */
typedef struct PkPickler {
    KN_OBJECT_HEAD;
    PkMemo memo;
    int memo_ready;
    KnObject *pers_func;          /* persistent_id callable or NULL */
    KnObject *dispatch_table;     /* member; NULL: copyreg's */
    KnObject *reducer_override;   /* looked up per dump() */
    KnObject *write;              /* file.write; NULL for dumps */
    KnObject *buffer_callback;
    char *out;                    /* atomic GC memory */
    kn_ssize_t out_len, out_cap;
    kn_ssize_t frame_start;       /* -1: no open frame */
    int framing;
    int proto, bin, fix_imports;
    int fast, fast_nesting;
    KnObject *fast_memo;          /* dict id -> obj while fast */
    KnObject *weakreflist;
} PkPickler;
extern KnTypeObject pk_pickler_type, pk_pickler_memoproxy_type;

/* pickle_output.c */
int pk_write(PkPickler *p, const char *data, kn_ssize_t n);
int pk_write_op(PkPickler *p, char op);
int pk_write_bytes(PkPickler *p, const char *header, kn_ssize_t hlen,
                   const char *data, kn_ssize_t n, KnObject *payload);
int pk_commit_frame(PkPickler *p);
int pk_opcode_boundary(PkPickler *p);
int pk_flush_to_file(PkPickler *p);
void pk_clear_buffer(PkPickler *p);
KnObject *pk_output_bytes(PkPickler *p);

/* pickle_save.c */
int pk_save(PkPickler *p, KnObject *obj, int pers_save);
int pk_memo_put(PkPickler *p, KnObject *obj);
int pk_memo_emit_get(PkPickler *p, KnObject *obj);
int pk_save_bytes_data(PkPickler *p, KnObject *obj, const char *data, kn_ssize_t n);
int pk_save_bytearray_data(PkPickler *p, KnObject *obj, const char *data, kn_ssize_t n);
int pk_batch_list(PkPickler *p, KnObject *iter);
int pk_batch_dict(PkPickler *p, KnObject *iter);
int pk_dump(PkPickler *p, KnObject *obj);

/* pickle_reduce.c */
int pk_save_reduce(PkPickler *p, KnObject *args, KnObject *obj);
int pk_save_global(PkPickler *p, KnObject *obj, KnObject *name);
int pk_save_type(PkPickler *p, KnObject *obj);
int pk_save_pers(PkPickler *p, KnObject *obj);
int pk_save_via_reduce(PkPickler *p, KnObject *obj);
/* Split a (qual)name at dots; AttributeError for a <locals> part. */
KnObject *pk_dotted_path(KnObject *obj, KnObject *name);
KnObject *pk_deep_attribute(KnObject *obj, KnObject *path, KnObject **parent);

/* pickle_pickler.c */
int pk_pickler_setup(PkPickler *p, KnObject *file, KnObject *protocol,
                     int fix_imports, KnObject *buffer_callback);

/* ---- Unpickler ---- */
typedef struct PkUnpickler {
    KN_OBJECT_HEAD;
    /* the value stack (GC-scanned) and the mark stack */
    KnObject **stack;
    kn_ssize_t sp, stack_cap, fence;
    int mark_set;
    kn_ssize_t *marks;
    kn_ssize_t num_marks, marks_cap;
    /* memo: index -> object; indices far beyond the array go to a dict
     * (a hostile LONG_BINPUT must not allocate gigabytes) */
    KnObject **memo;
    kn_ssize_t memo_size, memo_len;
    KnObject *memo_far;
    /* input */
    KnObject *input_obj;          /* keeps the data alive */
    const char *input;
    kn_ssize_t input_len, next_read_idx, prefetched_idx;
    char *line;                   /* copy of the last line read */
    kn_ssize_t line_cap;
    KnObject *read, *readline, *readinto, *peek;
    KnObject *buffers;            /* iterator or NULL */
    KnObject *pers_func;
    char *encoding, *errors;
    int proto, fix_imports;
    KnObject *weakreflist;
} PkUnpickler;
extern KnTypeObject pk_unpickler_type, pk_unpickler_memoproxy_type;

/* pickle_input.c */
int pk_set_string_input(PkUnpickler *u, KnObject *data);
int pk_set_input_stream(PkUnpickler *u, KnObject *file);
kn_ssize_t pk_read_impl(PkUnpickler *u, char **s, kn_ssize_t n);
static inline kn_ssize_t pk_read(PkUnpickler *u, char **s, kn_ssize_t n)
{
    if (n <= u->input_len - u->next_read_idx) {
        *s = (char *)u->input + u->next_read_idx;
        u->next_read_idx += n;
        return 0;
    }
    return pk_read_impl(u, s, n);
}
kn_ssize_t pk_readline(PkUnpickler *u, char **s);
int pk_read_into(PkUnpickler *u, char *buf, kn_ssize_t n);
int pk_skip_consumed(PkUnpickler *u);
int pk_bad_readline(void);
int pk_stack_push(PkUnpickler *u, KnObject *o);
KnObject *pk_stack_pop(PkUnpickler *u);
int pk_stack_underflow(PkUnpickler *u);
KnObject *pk_stack_poptuple(PkUnpickler *u, kn_ssize_t start);
KnObject *pk_stack_poplist(PkUnpickler *u, kn_ssize_t start);
int pk_unpickler_memo_put(PkUnpickler *u, kn_ssize_t idx, KnObject *value);
int pk_unpickler_memo_resize(PkUnpickler *u, kn_ssize_t size);
KnObject *pk_unpickler_memo_get(PkUnpickler *u, kn_ssize_t idx);   /* NULL: absent */

/* pickle_text.c */
KnObject *pk_decode_raw_unicode_escape(const char *s, kn_ssize_t n);
KnObject *pk_decode_escape(const char *s, kn_ssize_t n);

/* pickle_load.c */
KnObject *pk_load(PkUnpickler *u);
KnObject *pk_find_class(PkUnpickler *u, KnObject *module, KnObject *name);

/* pickle_unpickler.c */
int pk_unpickler_setup(PkUnpickler *u, KnObject *file, int fix_imports,
                       KnObject *encoding, KnObject *errors, KnObject *buffers);
int pk_unpickler_prepare(PkUnpickler *u, int fix_imports, KnObject *encoding,
                         KnObject *errors, KnObject *buffers);

/* pickle_buffer.c */
extern KnTypeObject pk_picklebuffer_type;
/* The held view; ValueError when released. */
const KnBuffer *pk_picklebuffer_view(KnObject *pb);

/* Interned names the hot paths look attributes up by, made once at module
 * initialisation (pk_names_init): PK_ID(__reduce_ex__). */
#define PK_NAMES(X) \
    X(__class__) \
    X(__getinitargs__) \
    X(__main__) \
    X(__module__) \
    X(__name__) \
    X(__new__) \
    X(__qualname__) \
    X(__reduce__) \
    X(__reduce_ex__) \
    X(__setstate__) \
    X(dispatch_table) \
    X(extend) \
    X(latin1) \
    X(little) \
    X(peek) \
    X(persistent_id) \
    X(persistent_load) \
    X(read) \
    X(readinto) \
    X(readline) \
    X(reducer_override) \
    X(sys) \
    X(write)

#define PK_NAME_DECLARE(n) extern KnObject *pk_name_##n;
PK_NAMES(PK_NAME_DECLARE)
#undef PK_NAME_DECLARE
#define PK_ID(n) (pk_name_##n)
int pk_names_init(void);

#define PK_FC(f) ((KnCFunction)(void (*)(void))(f))
#define PK_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

#endif
