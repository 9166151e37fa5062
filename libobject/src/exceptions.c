/*
 * exceptions.c — the built-in exception classes (errors.h's OB_EXC_LIST)
 * and BaseException's behaviour.  Subclass-specific fields are in
 * exc_fields.c.
 *
 * The classes are static type objects (not heap types: their attributes
 * cannot be set, as in CPython) kept in one array and filled in at start-up
 * from the table below: name, base, instance layout, doc.
 */
#include <string.h>

#include "core.h"

#define EXC(o) ((KnBaseExceptionObject *)(o))

#define OB_EXC_DEFINE(name) KnTypeObject *ob_exc_##name;
OB_EXC_LIST(OB_EXC_DEFINE)
#undef OB_EXC_DEFINE

/* ------------------------------------------------------- BaseException */

static KnObject *exc_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    KnObject *self = t->tp_alloc(t, 0);
    if (self == NULL)
        return NULL;
    EXC(self)->args = args ? args : ob_tuple_empty();
    return self;
}

static int exc_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict(ob_type_name(KN_TYPE(self)), kwargs) < 0)
        return -1;
    EXC(self)->args = args;
    return 0;
}

static KnObject *exc_str(KnObject *self)
{
    KnObject *args = EXC(self)->args;
    switch (KN_SIZE(args)) {
    case 0:
        return ob_str_from_utf8("", 0);
    case 1:
        return ob_str(KN_TUPLE_GET(args, 0));
    default:
        return ob_str(args);
    }
}

static KnObject *exc_repr(KnObject *self)
{
    const char *name = ob_type_name(KN_TYPE(self));
    KnObject *args = EXC(self)->args;
    if (KN_SIZE(args) == 1) {
        KnObject *r = ob_repr(KN_TUPLE_GET(args, 0));
        return r ? ob_str_from_format("%s(%U)", name, r) : NULL;
    }
    KnObject *r = ob_repr(args);
    return r ? ob_str_from_format("%s%U", name, r) : NULL;
}

static KnObject *exc_get_args(KnObject *self, void *c)
{
    return EXC(self)->args;
}

static int exc_set_args(KnObject *self, KnObject *v, void *c)
{
    if (v == NULL) {
        ob_err_set_string(ob_exc_TypeError, "args may not be deleted");
        return -1;
    }
    KnObject *t = ob_sequence_tuple(v);
    if (t == NULL)
        return -1;
    EXC(self)->args = t;
    return 0;
}

static int is_traceback(KnObject *o)
{
    return strcmp(KN_TYPE(o)->tp_name, "traceback") == 0;
}

static KnObject *exc_get_tb(KnObject *self, void *c)
{
    return EXC(self)->traceback ? EXC(self)->traceback : KN_None;
}

static int exc_set_tb(KnObject *self, KnObject *v, void *c)
{
    if (v == NULL) {
        ob_err_set_string(ob_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != KN_None && !is_traceback(v)) {
        ob_err_set_string(ob_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    EXC(self)->traceback = v == KN_None ? NULL : v;
    return 0;
}

static KnObject *exc_get_context(KnObject *self, void *c)
{
    return EXC(self)->context ? EXC(self)->context : KN_None;
}

static int exc_set_context(KnObject *self, KnObject *v, void *c)
{
    if (v == NULL) {
        ob_err_set_string(ob_exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (v != KN_None && !KN_EXC_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    EXC(self)->context = v == KN_None ? NULL : v;
    return 0;
}

static KnObject *exc_get_cause(KnObject *self, void *c)
{
    return EXC(self)->cause ? EXC(self)->cause : KN_None;
}

static int exc_set_cause(KnObject *self, KnObject *v, void *c)
{
    if (v == NULL) {
        ob_err_set_string(ob_exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (v != KN_None && !KN_EXC_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    EXC(self)->cause = v == KN_None ? NULL : v;
    EXC(self)->suppress_context = 1;
    return 0;
}

static KnGetSetDef exc_getset[] = {
    { "__dict__", ob_object_get_dict, ob_object_set_dict, NULL, NULL },
    { "args", exc_get_args, exc_set_args, NULL, NULL },
    { "__traceback__", exc_get_tb, exc_set_tb, NULL, NULL },
    { "__context__", exc_get_context, exc_set_context, "exception context", NULL },
    { "__cause__", exc_get_cause, exc_set_cause, "exception cause", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static KnMemberDef exc_members[] = {
    { "__suppress_context__", KN_T_BOOL, offsetof(KnBaseExceptionObject, suppress_context), 0, NULL },
    { NULL, 0, 0, 0, NULL }
};

static KnObject *exc_with_traceback(KnObject *self, KnObject *tb)
{
    if (exc_set_tb(self, tb, NULL) < 0)
        return NULL;
    return self;
}

static KnObject *exc_add_note(KnObject *self, KnObject *note)
{
    if (!KN_STR_CHECK(note))
        return ob_err_format(ob_exc_TypeError, "note must be a str, not '%s'", KN_TNAME(note));
    KnObject *notes;
    int r = ob_lookup_attr(self, KN_ID(__notes__), &notes);
    if (r < 0)
        return NULL;
    if (r == 0) {
        if ((notes = ob_list_new(0)) == NULL || ob_setattr(self, KN_ID(__notes__), notes) < 0)
            return NULL;
    } else if (!KN_LIST_CHECK(notes)) {
        return ob_err_format(ob_exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    return ob_list_append(notes, note) < 0 ? NULL : KN_None;
}

static KnObject *exc_reduce(KnObject *self, KnObject *unused)
{
    KnObject *d = EXC(self)->dict;
    if (d != NULL && ob_dict_size(d) > 0)
        return ob_tuple_pack(3, (KnObject *)KN_TYPE(self), EXC(self)->args, d);
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self), EXC(self)->args);
}

static KnObject *exc_setstate(KnObject *self, KnObject *state)
{
    if (state == KN_None)
        return KN_None;
    if (!KN_DICT_CHECK(state))
        return ob_err_format(ob_exc_TypeError, "state is not a dictionary");
    kn_ssize_t pos = 0;
    KnObject *k, *v;
    while (ob_dict_next(state, &pos, &k, &v))
        if (ob_setattr(self, k, v) < 0)
            return NULL;
    return KN_None;
}

static KnMethodDef exc_methods[] = {
    { "with_traceback", (KnCFunction)exc_with_traceback, KN_METH_O,
      "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self." },
    { "add_note", (KnCFunction)exc_add_note, KN_METH_O,
      "Exception.add_note(note) --\n    add a note to the exception" },
    { "__reduce__", (KnCFunction)exc_reduce, KN_METH_NOARGS, NULL },
    { "__setstate__", (KnCFunction)exc_setstate, KN_METH_O, NULL },
    { NULL, NULL, 0, NULL }
};

/* ------------------------------------------------------------- classes */


typedef struct KnExcSpec {
    const char *name;
    KnTypeObject **base;
    kn_ssize_t basicsize;
    initproc init;
    newfunc new_;
    reprfunc str;
    KnMemberDef *members;
    const char *doc;
    KnMethodDef *methods;
} KnExcSpec;

#include "exc_fields.h"

KnObject *ob_exc_oserror_new(KnTypeObject *t, KnObject *args, KnObject *kwargs);

static KnTypeObject exc_types[80];

/* Order matters: a base comes before its subclasses. */
static const KnExcSpec exc_table[] = {
#define E(name, base, doc) { #name, &ob_exc_##base, 0, NULL, NULL, NULL, NULL, doc, NULL }
#define F(name, base, size, init, str, members, doc) \
    { #name, &ob_exc_##base, size, init, NULL, str, members, doc, NULL }
    { "BaseException", NULL, sizeof(KnBaseExceptionObject), exc_init, exc_new, exc_str, NULL,
      "Common base class for all exceptions", NULL },
    E(Exception, BaseException, "Common base class for all non-exit exceptions."),
    { "BaseExceptionGroup", &ob_exc_BaseException, sizeof(KnBaseExceptionGroupObject), NULL,
      ob_exc_group_new, ob_exc_group_str, ob_exc_group_members,
      "A combination of multiple unrelated exceptions.", ob_exc_group_methods },
    E(GeneratorExit, BaseException, "Request that a generator exit."),
    E(KeyboardInterrupt, BaseException, "Program interrupted by user."),
    F(SystemExit, BaseException, sizeof(KnSystemExitObject), ob_exc_systemexit_init, NULL,
      ob_exc_systemexit_members, "Request to exit from the interpreter."),
    E(ArithmeticError, Exception, "Base class for arithmetic errors."),
    E(FloatingPointError, ArithmeticError, "Floating point operation failed."),
    E(OverflowError, ArithmeticError, "Result too large to be represented."),
    E(ZeroDivisionError, ArithmeticError, "Second argument to a division or modulo operation was zero."),
    E(AssertionError, Exception, "Assertion failed."),
    F(AttributeError, Exception, sizeof(KnAttributeErrorObject), ob_exc_attributeerror_init, NULL,
      ob_exc_attributeerror_members, "Attribute not found."),
    E(BufferError, Exception, "Buffer error."),
    E(EOFError, Exception, "Read beyond end of file."),
    F(ImportError, Exception, sizeof(KnImportErrorObject), ob_exc_importerror_init,
      ob_exc_importerror_str, ob_exc_importerror_members, "Import can't find module, or can't find name in module."),
    E(ModuleNotFoundError, ImportError, "Module not found."),
    E(LookupError, Exception, "Base class for lookup errors."),
    E(IndexError, LookupError, "Sequence index out of range."),
    F(KeyError, LookupError, 0, NULL, ob_exc_keyerror_str, NULL, "Mapping key not found."),
    E(MemoryError, Exception, "Out of memory."),
    F(NameError, Exception, sizeof(KnNameErrorObject), ob_exc_nameerror_init, NULL,
      ob_exc_nameerror_members, "Name not found globally."),
    E(UnboundLocalError, NameError, "Local name referenced but not bound to a value."),
    F(OSError, Exception, sizeof(KnOSErrorObject), ob_exc_oserror_init, ob_exc_oserror_str,
      ob_exc_oserror_members, "Base class for I/O related errors."),
    E(BlockingIOError, OSError, "I/O operation would block."),
    E(ChildProcessError, OSError, "Child process error."),
    E(ConnectionError, OSError, "Connection error."),
    E(BrokenPipeError, ConnectionError, "Broken pipe."),
    E(ConnectionAbortedError, ConnectionError, "Connection aborted."),
    E(ConnectionRefusedError, ConnectionError, "Connection refused."),
    E(ConnectionResetError, ConnectionError, "Connection reset."),
    E(FileExistsError, OSError, "File already exists."),
    E(FileNotFoundError, OSError, "File not found."),
    E(InterruptedError, OSError, "Interrupted by signal."),
    E(IsADirectoryError, OSError, "Operation doesn't work on directories."),
    E(NotADirectoryError, OSError, "Operation only works on directories."),
    E(PermissionError, OSError, "Not enough permissions."),
    E(ProcessLookupError, OSError, "Process not found."),
    E(TimeoutError, OSError, "Timeout expired."),
    E(ReferenceError, Exception, "Weak ref proxy used after referent went away."),
    E(RuntimeError, Exception, "Unspecified run-time error."),
    E(NotImplementedError, RuntimeError, "Method or function hasn't been implemented yet."),
    E(RecursionError, RuntimeError, "Recursion limit exceeded."),
    E(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__()."),
    F(StopIteration, Exception, sizeof(KnStopIterationObject), ob_exc_stopiteration_init, NULL,
      ob_exc_stopiteration_members, "Signal the end from iterator.__next__()."),
    F(SyntaxError, Exception, sizeof(KnSyntaxErrorObject), ob_exc_syntaxerror_init,
      ob_exc_syntaxerror_str, ob_exc_syntaxerror_members, "Invalid syntax."),
    E(IndentationError, SyntaxError, "Improper indentation."),
    E(TabError, IndentationError, "Improper mixture of spaces and tabs."),
    E(SystemError, Exception, "Internal error in the Python interpreter.\n\n"
      "Please report this to the Python maintainer, along with the traceback,\n"
      "the Python version, and the hardware/OS platform and version."),
    E(TypeError, Exception, "Inappropriate argument type."),
    E(ValueError, Exception, "Inappropriate argument value (of correct type)."),
    E(UnicodeError, ValueError, "Unicode related error."),
    F(UnicodeDecodeError, UnicodeError, sizeof(KnUnicodeErrorObject), ob_exc_unicodedecode_init,
      ob_exc_unicodedecode_str, ob_exc_unicodeerror_members, "Unicode decoding error."),
    F(UnicodeEncodeError, UnicodeError, sizeof(KnUnicodeErrorObject), ob_exc_unicodeencode_init,
      ob_exc_unicodeencode_str, ob_exc_unicodeerror_members, "Unicode encoding error."),
    F(UnicodeTranslateError, UnicodeError, sizeof(KnUnicodeErrorObject),
      ob_exc_unicodetranslate_init, ob_exc_unicodetranslate_str, ob_exc_unicodeerror_members,
      "Unicode translation error."),
    E(Warning, Exception, "Base class for warning categories."),
    E(BytesWarning, Warning, "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str."),
    E(DeprecationWarning, Warning, "Base class for warnings about deprecated features."),
    E(EncodingWarning, Warning, "Base class for warnings about encodings."),
    E(FutureWarning, Warning, "Base class for warnings about constructs that will change semantically\nin the future."),
    E(ImportWarning, Warning, "Base class for warnings about probable mistakes in module imports"),
    E(PendingDeprecationWarning, Warning, "Base class for warnings about features which will be deprecated\nin the future."),
    E(ResourceWarning, Warning, "Base class for warnings about resource usage."),
    E(RuntimeWarning, Warning, "Base class for warnings about dubious runtime behavior."),
    E(SyntaxWarning, Warning, "Base class for warnings about dubious syntax."),
    E(UnicodeWarning, Warning, "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems."),
    E(UserWarning, Warning, "Base class for warnings generated by user code."),
#undef E
#undef F
};

static KnTypeObject **slot_for(const char *name)
{
#define X(n) if (strcmp(name, #n) == 0) return &ob_exc_##n;
    OB_EXC_LIST(X)
#undef X
    return NULL;
}

void ob_errors_preallocate(void);

/* The classes that list no __new__ of their own in CPython 3.11 (their
 * tp_new is inherited); every other one has __new__ and __init__ in its
 * __dict__, which dir()-level code can see. */
static int inherits_new(const char *name)
{
    static const char *const names[] = {
        "AttributeError", "BlockingIOError", "BrokenPipeError", "ChildProcessError",
        "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError",
        "ConnectionResetError", "FileExistsError", "FileNotFoundError", "ImportError",
        "IndentationError", "InterruptedError", "IsADirectoryError", "KeyError",
        "ModuleNotFoundError", "NameError", "NotADirectoryError", "PermissionError",
        "ProcessLookupError", "StopIteration", "SyntaxError", "SystemExit", "TabError",
        "TimeoutError", "UnboundLocalError", NULL
    };
    for (int i = 0; names[i] != NULL; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

int ob_exceptions_init(void)
{
    size_t n = sizeof exc_table / sizeof exc_table[0];
    for (size_t i = 0; i < n; i++) {
        const KnExcSpec *s = &exc_table[i];
        KnTypeObject *t = &exc_types[i];
        KnTypeObject *base = s->base ? *s->base : &ob_object_type;
        t->ob_base.ob_base.ob_refcnt = (kn_ssize_t)1 << 60;
        t->ob_base.ob_base.ob_type = &ob_type_type;
        t->tp_name = s->name;
        t->tp_base = base;
        t->tp_basicsize = s->basicsize ? s->basicsize : base->tp_basicsize;
        t->tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_BASE_EXC_SUBCLASS |
                      KN_TPFLAGS_HAVE_GC;
        t->tp_doc = s->doc;
        t->tp_init = s->init ? s->init : base->tp_init;    /* __init__ in every __dict__ */
        t->tp_new = inherits_new(s->name) ? NULL : s->new_ ? s->new_ : exc_new;
        t->tp_str = s->str;
        t->tp_members = s->members;
        t->tp_methods = s->methods;
        if (strcmp(s->name, "OSError") == 0) {
            t->tp_new = ob_exc_oserror_new;
            t->tp_getset = ob_exc_oserror_getset;
            t->tp_methods = ob_exc_oserror_methods;
        }
        if (strcmp(s->name, "ImportError") == 0)
            t->tp_methods = ob_exc_importerror_methods;
        /* these list BaseException's __str__ in their own __dict__ */
        if (strcmp(s->name, "AttributeError") == 0 || strcmp(s->name, "NameError") == 0)
            t->tp_str = exc_str;
        if (base == &ob_object_type) {
            t->tp_repr = exc_repr;
            t->tp_getset = exc_getset;
            t->tp_members = exc_members;
            t->tp_methods = exc_methods;
            t->tp_dictoffset = offsetof(KnBaseExceptionObject, dict);
            /* explicit, as CPython's, so they are listed in its __dict__ */
            t->tp_getattro = ob_generic_getattr;
            t->tp_setattro = ob_generic_setattr;
        }
        KnTypeObject **slot = slot_for(s->name);
        if (slot != NULL)
            *slot = t;
        if (ob_type_ready(t) < 0)
            return -1;
    }
    /* ExceptionGroup is a heap class (as in CPython), made once Exception
     * and BaseExceptionGroup are ready. */
    if ((ob_exc_ExceptionGroup = ob_exc_group_make_exception_group()) == NULL)
        return -1;
    ob_errors_preallocate();
    return 0;
}

/* ---------------------------------------------------------- C helpers */

KnObject *ob_exc_new(KnTypeObject *type, KnObject *args)
{
    return ob_call((KnObject *)type, args ? args : ob_tuple_empty(), NULL);
}

KnObject *ob_exc_get_traceback(KnObject *exc) { return EXC(exc)->traceback; }
int ob_exc_set_traceback(KnObject *exc, KnObject *tb) { return exc_set_tb(exc, tb, NULL); }
KnObject *ob_exc_get_context(KnObject *exc) { return EXC(exc)->context; }
void ob_exc_set_context(KnObject *exc, KnObject *ctx) { EXC(exc)->context = ctx; }
KnObject *ob_exc_get_cause(KnObject *exc) { return EXC(exc)->cause; }
void ob_exc_set_cause(KnObject *exc, KnObject *cause)
{
    EXC(exc)->cause = cause;
    EXC(exc)->suppress_context = 1;
}
KnObject *ob_exc_get_args(KnObject *exc) { return EXC(exc)->args; }

void ob_err_set_stop_iteration(KnObject *value)
{
    KnObject *args = ob_tuple_pack(1, value ? value : KN_None);
    if (args != NULL)
        ob_err_set_object(ob_exc_StopIteration, args);
}
