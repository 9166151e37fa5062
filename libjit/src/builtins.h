/* libjit/src/builtins.h — internals shared by the builtins part
 * (builtins*.c, sys*.c, stdio_writer.c, jit.c).  Not a public header.
 *
 * The builtins module is built from method tables, one per file
 * (jit_builtins_<family>_methods), so each family of functions lives in a
 * small file of its own:
 *   builtins.c         the module, its constants, types and exceptions
 *   builtins_num.c     abs bin hex oct divmod pow round sum hash id chr ord
 *                      format ascii repr len callable
 *   builtins_iter.c    all any iter next aiter anext min max sorted
 *   builtins_anext.c   the awaitable anext(aiterator, default) returns
 *   builtins_attr.c    getattr setattr delattr hasattr dir vars isinstance
 *                      issubclass globals locals
 *   builtins_io.c      print input open breakpoint help
 *   builtins_exec.c    compile exec eval __import__ __build_class__
 *   builtins_site.c    exit quit (site.py's; added unless -S)
 */
#ifndef LIBJIT_BUILTINS_H
#define LIBJIT_BUILTINS_H

#include "libobject/libobject.h"
#include "libjit/jit.h"

#include "libobject/set.h"
#include "libobject/range.h"
#include "libobject/iter.h"

/* Types written by other parts in parallel, referenced weakly: the address
 * is NULL until their part links in (set.h etc. declare them strongly; the
 * redeclarations below make them weak in this part's files). */
#define WEAK_TYPES(X) \
    X(bytes, ob_bytes_type) X(bytearray, ob_bytearray_type) \
    X(set, ob_set_type) X(frozenset, ob_frozenset_type) X(range, ob_range_type) \
    X(enumerate, ob_enumerate_type) X(zip, ob_zip_type) X(map, ob_map_type) \
    X(filter, ob_filter_type) X(reversed, ob_reversed_type) \
    X(property, ob_property_type) X(super, ob_super_type) \
    X(memoryview, ob_memoryview_type)

#define DECLARE_WEAK(pyname, sym) extern KnTypeObject sym __attribute__((weak));
WEAK_TYPES(DECLARE_WEAK)
#undef DECLARE_WEAK

extern KnMethodDef jit_builtins_num_methods[];
extern KnMethodDef jit_builtins_iter_methods[];
extern KnMethodDef jit_builtins_attr_methods[];
extern KnMethodDef jit_builtins_io_methods[];
extern KnMethodDef jit_builtins_exec_methods[];
extern KnMethodDef jit_sys_methods[];
extern KnMethodDef jit_sys_hooks_methods[];   /* sys_hooks.c */

/* The current globals / locals of the running Python frame (NULL with an
 * error when there is none or frame support is missing). */
KnObject *jit_current_globals(void);
KnObject *jit_current_locals(void);

/* builtins_anext.c: the awaitable of anext(aiterator, default). */
KnObject *jit_anext_awaitable_new(KnObject *awaitable, KnObject *dflt);

/* builtins_site.c: exit and quit, as site.py would add them. */
int jit_builtins_add_site_names(KnObject *builtins_dict);

/* builtins.c */
KnObject *jit_builtins_create(void);

/* ---- sys (sys.c) ---- */
KnObject *jit_sys_create(int argc, char **argv);
KnObject *jit_sys_module(void);
/* sys.<name> (borrowed), NULL without error when missing. */
KnObject *jit_sys_get(const char *name);
/* Route ob_err_write_unraisable to sys.unraisablehook (sys_hooks.c). */
void jit_sys_install_unraisable(void);
int jit_sys_set(const char *name, KnObject *value);
/* sys.modules (the dict). */
KnObject *jit_sys_modules(void);
/* The configuration python-bin handed to jit_configure (jit.c). */
const jit_config *jit_get_config(void);
int jit_opt_level(void);
int jit_recursion_limit(void);
void jit_set_recursion_limit(int n);

/* sys.flags etc. helpers (sys_info.c): build the info struct sequences. */
int jit_sys_add_info(KnObject *sys);

/* A struct sequence type (sys_structseq.c: a tuple subclass with named
 * fields; sys.flags, sys.version_info, ...): name is "sys.version_info",
 * fields NULL-ended.  Instances hold one value per field. */
KnTypeObject *jit_structseq_new_type(const char *name, const char *const *fields);
KnObject *jit_structseq_new(KnTypeObject *type, KnObject *const *values);

/* ---- standard streams until _io exists (stdio_writer.c) ---- */
extern KnTypeObject jit_stdio_type;
enum { JIT_STDIO_FULL, JIT_STDIO_LINE, JIT_STDIO_UNBUFFERED };
/* A text stream over fd: name as "<stdout>", writable 0 for stdin,
 * buffering one of JIT_STDIO_*. */
KnObject *jit_stdio_new(int fd, const char *name, int writable, int buffering);
/* Flush sys.stdout and sys.stderr (at exit); errors are ignored. */
void jit_stdio_flush_all(void);
/* Flush sys.stdout only: -1 when that failed (exit status 120). */
int jit_stdio_flush_stdout(void);

/* ---- printing exceptions (jit.c) ---- */
/* Print exc as CPython's default excepthook does (traceback, chained
 * exceptions) on sys.stderr. */
void jit_print_exception(KnObject *exc);

/* Write a str / C string to a file object (file.write(s)); -1 on error. */
int jit_file_write_str(KnObject *file, KnObject *s);
int jit_file_write_cstr(KnObject *file, const char *s);

#endif /* LIBJIT_BUILTINS_H */
