/* libcapi/tests/layout_table.h — the structs and constants whose layout and
 * values Kiln shares with CPython 3.11 (DESIGN.md §3), as X-macro tables.
 *
 * The same tables are expanded three times:
 *   layout_cpython.c  measures CPython's types (headers of python3.11-dev),
 *   layout_kiln.c     measures Kiln's types (libobject, libjit),
 *   layout_static.c   includes both and _Static_asserts every entry,
 * and test_layout.c compares the two measured tables entry by entry, so a
 * mismatch is reported by the field's CPython name.
 *
 * KN_LAYOUT_STRUCTS(S): S(cpython_type, kiln_type, fields), where
 *   fields(F, T) lists F(T, member) for each member, named as in CPython
 *   (Kiln keeps CPython's member names; `a.b` reaches into a nested struct).
 * KN_LAYOUT_BITS(B): B(cpython_type, kiln_type, member, bitfield) for the
 *   bit-fields (offsetof cannot reach them: the test compares masks).
 * KN_LAYOUT_CONSTS(C): C(cpython_expression, kiln_expression).
 *
 * Add a struct here and all three files pick it up. */
#ifndef LIBCAPI_TESTS_LAYOUT_TABLE_H
#define LIBCAPI_TESTS_LAYOUT_TABLE_H

/* ---- object header ---- */
#define KN_LAYOUT_F_OBJECT(F, T) F(T, ob_refcnt) F(T, ob_type)
#define KN_LAYOUT_F_VAROBJECT(F, T) F(T, ob_base) F(T, ob_base.ob_refcnt) F(T, ob_base.ob_type) F(T, ob_size)
/* Every PyObject_HEAD / PyObject_VAR_HEAD struct starts with these. */
#define KN_LAYOUT_HEAD(F, T) F(T, ob_base) F(T, ob_base.ob_refcnt) F(T, ob_base.ob_type)
#define KN_LAYOUT_VAR_HEAD(F, T) \
    F(T, ob_base) F(T, ob_base.ob_base.ob_refcnt) F(T, ob_base.ob_base.ob_type) \
    F(T, ob_base.ob_size)

/* ---- type objects and slot tables ---- */
#define KN_LAYOUT_F_NUMBER(F, T) \
    F(T, nb_add) F(T, nb_subtract) F(T, nb_multiply) F(T, nb_remainder) \
    F(T, nb_divmod) F(T, nb_power) F(T, nb_negative) F(T, nb_positive) \
    F(T, nb_absolute) F(T, nb_bool) F(T, nb_invert) F(T, nb_lshift) \
    F(T, nb_rshift) F(T, nb_and) F(T, nb_xor) F(T, nb_or) F(T, nb_int) \
    F(T, nb_reserved) F(T, nb_float) F(T, nb_inplace_add) \
    F(T, nb_inplace_subtract) F(T, nb_inplace_multiply) \
    F(T, nb_inplace_remainder) F(T, nb_inplace_power) F(T, nb_inplace_lshift) \
    F(T, nb_inplace_rshift) F(T, nb_inplace_and) F(T, nb_inplace_xor) \
    F(T, nb_inplace_or) F(T, nb_floor_divide) F(T, nb_true_divide) \
    F(T, nb_inplace_floor_divide) F(T, nb_inplace_true_divide) F(T, nb_index) \
    F(T, nb_matrix_multiply) F(T, nb_inplace_matrix_multiply)
#define KN_LAYOUT_F_SEQUENCE(F, T) \
    F(T, sq_length) F(T, sq_concat) F(T, sq_repeat) F(T, sq_item) \
    F(T, was_sq_slice) F(T, sq_ass_item) F(T, was_sq_ass_slice) \
    F(T, sq_contains) F(T, sq_inplace_concat) F(T, sq_inplace_repeat)
#define KN_LAYOUT_F_MAPPING(F, T) F(T, mp_length) F(T, mp_subscript) F(T, mp_ass_subscript)
#define KN_LAYOUT_F_ASYNC(F, T) F(T, am_await) F(T, am_aiter) F(T, am_anext) F(T, am_send)
#define KN_LAYOUT_F_BUFFERPROCS(F, T) F(T, bf_getbuffer) F(T, bf_releasebuffer)
#define KN_LAYOUT_F_TYPE(F, T) KN_LAYOUT_VAR_HEAD(F, T) \
    F(T, tp_name) F(T, tp_basicsize) F(T, tp_itemsize) F(T, tp_dealloc) \
    F(T, tp_vectorcall_offset) F(T, tp_getattr) F(T, tp_setattr) \
    F(T, tp_as_async) F(T, tp_repr) F(T, tp_as_number) F(T, tp_as_sequence) \
    F(T, tp_as_mapping) F(T, tp_hash) F(T, tp_call) F(T, tp_str) \
    F(T, tp_getattro) F(T, tp_setattro) F(T, tp_as_buffer) F(T, tp_flags) \
    F(T, tp_doc) F(T, tp_traverse) F(T, tp_clear) F(T, tp_richcompare) \
    F(T, tp_weaklistoffset) F(T, tp_iter) F(T, tp_iternext) F(T, tp_methods) \
    F(T, tp_members) F(T, tp_getset) F(T, tp_base) F(T, tp_dict) \
    F(T, tp_descr_get) F(T, tp_descr_set) F(T, tp_dictoffset) F(T, tp_init) \
    F(T, tp_alloc) F(T, tp_new) F(T, tp_free) F(T, tp_is_gc) F(T, tp_bases) \
    F(T, tp_mro) F(T, tp_cache) F(T, tp_subclasses) F(T, tp_weaklist) \
    F(T, tp_del) F(T, tp_version_tag) F(T, tp_finalize) F(T, tp_vectorcall)
#define KN_LAYOUT_F_HEAPTYPE(F, T) \
    F(T, ht_type) F(T, as_async) F(T, as_async.am_send) F(T, as_number) \
    F(T, as_number.nb_inplace_matrix_multiply) F(T, as_mapping) \
    F(T, as_mapping.mp_ass_subscript) F(T, as_sequence) \
    F(T, as_sequence.sq_inplace_repeat) F(T, as_buffer) \
    F(T, as_buffer.bf_releasebuffer) F(T, ht_name) F(T, ht_slots) \
    F(T, ht_qualname) F(T, ht_cached_keys) F(T, ht_module) F(T, _ht_tpname) \
    F(T, _spec_cache) F(T, _spec_cache.getitem)

/* ---- definitions an extension hands to the runtime ---- */
#define KN_LAYOUT_F_BUFFER(F, T) \
    F(T, buf) F(T, obj) F(T, len) F(T, itemsize) F(T, readonly) F(T, ndim) \
    F(T, format) F(T, shape) F(T, strides) F(T, suboffsets) F(T, internal)
#define KN_LAYOUT_F_METHODDEF(F, T) F(T, ml_name) F(T, ml_meth) F(T, ml_flags) F(T, ml_doc)
#define KN_LAYOUT_F_MEMBERDEF(F, T) F(T, name) F(T, type) F(T, offset) F(T, flags) F(T, doc)
#define KN_LAYOUT_F_GETSETDEF(F, T) F(T, name) F(T, get) F(T, set) F(T, doc) F(T, closure)
#define KN_LAYOUT_F_MODULEDEF_BASE(F, T) KN_LAYOUT_HEAD(F, T) F(T, m_init) F(T, m_index) F(T, m_copy)
#define KN_LAYOUT_F_MODULEDEF(F, T) \
    F(T, m_base) F(T, m_base.m_init) F(T, m_base.m_index) F(T, m_base.m_copy) \
    F(T, m_name) F(T, m_doc) F(T, m_size) F(T, m_methods) F(T, m_slots) \
    F(T, m_traverse) F(T, m_clear) F(T, m_free)

/* ---- built-in objects ---- */
#define KN_LAYOUT_F_TUPLE(F, T) KN_LAYOUT_VAR_HEAD(F, T) F(T, ob_item)
#define KN_LAYOUT_F_LIST(F, T) KN_LAYOUT_VAR_HEAD(F, T) F(T, ob_item) F(T, allocated)
#define KN_LAYOUT_F_BYTES(F, T) KN_LAYOUT_VAR_HEAD(F, T) F(T, ob_shash) F(T, ob_sval)
#define KN_LAYOUT_F_BYTEARRAY(F, T) KN_LAYOUT_VAR_HEAD(F, T) \
    F(T, ob_alloc) F(T, ob_bytes) F(T, ob_start) F(T, ob_exports)
#define KN_LAYOUT_F_FLOAT(F, T) KN_LAYOUT_HEAD(F, T) F(T, ob_fval)
#define KN_LAYOUT_F_COMPLEXVAL(F, T) F(T, real) F(T, imag)
#define KN_LAYOUT_F_COMPLEX(F, T) KN_LAYOUT_HEAD(F, T) F(T, cval) F(T, cval.real) F(T, cval.imag)
#define KN_LAYOUT_F_LONG(F, T) KN_LAYOUT_VAR_HEAD(F, T) F(T, ob_digit)
#define KN_LAYOUT_F_ASCII(F, T) KN_LAYOUT_HEAD(F, T) F(T, length) F(T, hash) F(T, state) F(T, wstr)
#define KN_LAYOUT_F_COMPACTUNICODE(F, T) \
    F(T, _base) F(T, _base.length) F(T, _base.hash) F(T, _base.state) \
    F(T, _base.wstr) F(T, utf8_length) F(T, utf8) F(T, wstr_length)
#define KN_LAYOUT_F_UNICODE(F, T) \
    F(T, _base) F(T, _base.utf8_length) F(T, _base.utf8) F(T, _base.wstr_length) \
    F(T, data) F(T, data.any) F(T, data.latin1) F(T, data.ucs2) F(T, data.ucs4)
#define KN_LAYOUT_F_DICT(F, T) KN_LAYOUT_HEAD(F, T) \
    F(T, ma_used) F(T, ma_version_tag) F(T, ma_keys) F(T, ma_values)
#define KN_LAYOUT_F_SLICE(F, T) KN_LAYOUT_HEAD(F, T) F(T, start) F(T, stop) F(T, step)
#define KN_LAYOUT_F_SETENTRY(F, T) F(T, key) F(T, hash)
#define KN_LAYOUT_F_SET(F, T) KN_LAYOUT_HEAD(F, T) \
    F(T, fill) F(T, used) F(T, mask) F(T, table) F(T, hash) F(T, finger) \
    F(T, smalltable) F(T, weakreflist)
#define KN_LAYOUT_F_CELL(F, T) KN_LAYOUT_HEAD(F, T) F(T, ob_ref)
#define KN_LAYOUT_F_METHOD(F, T) KN_LAYOUT_HEAD(F, T) \
    F(T, im_func) F(T, im_self) F(T, im_weakreflist) F(T, vectorcall)
#define KN_LAYOUT_F_CFUNCTION(F, T) KN_LAYOUT_HEAD(F, T) \
    F(T, m_ml) F(T, m_self) F(T, m_module) F(T, m_weakreflist) F(T, vectorcall)
#define KN_LAYOUT_F_DESCR(F, T) KN_LAYOUT_HEAD(F, T) F(T, d_type) F(T, d_name) F(T, d_qualname)
#define KN_LAYOUT_DESCR_COMMON(F, T) \
    F(T, d_common) F(T, d_common.d_type) F(T, d_common.d_name) F(T, d_common.d_qualname)
#define KN_LAYOUT_F_METHODDESCR(F, T) KN_LAYOUT_DESCR_COMMON(F, T) F(T, d_method) F(T, vectorcall)
#define KN_LAYOUT_F_MEMBERDESCR(F, T) KN_LAYOUT_DESCR_COMMON(F, T) F(T, d_member)
#define KN_LAYOUT_F_GETSETDESCR(F, T) KN_LAYOUT_DESCR_COMMON(F, T) F(T, d_getset)
#define KN_LAYOUT_F_WRAPPERDESCR(F, T) KN_LAYOUT_DESCR_COMMON(F, T) F(T, d_base) F(T, d_wrapped)
#define KN_LAYOUT_F_MODULE(F, T) KN_LAYOUT_HEAD(F, T) \
    F(T, md_dict) F(T, md_def) F(T, md_state) F(T, md_weaklist) F(T, md_name)

/* ---- exceptions ---- */
#define KN_LAYOUT_EXC_HEAD(F, T) KN_LAYOUT_HEAD(F, T) \
    F(T, dict) F(T, args) F(T, notes) F(T, traceback) F(T, context) F(T, cause) \
    F(T, suppress_context)
#define KN_LAYOUT_F_BASEEXC(F, T) KN_LAYOUT_EXC_HEAD(F, T)
#define KN_LAYOUT_F_EXCGROUP(F, T) KN_LAYOUT_EXC_HEAD(F, T) F(T, msg) F(T, excs)
#define KN_LAYOUT_F_SYNTAXERROR(F, T) KN_LAYOUT_EXC_HEAD(F, T) \
    F(T, msg) F(T, filename) F(T, lineno) F(T, offset) F(T, end_lineno) \
    F(T, end_offset) F(T, text) F(T, print_file_and_line)
#define KN_LAYOUT_F_IMPORTERROR(F, T) KN_LAYOUT_EXC_HEAD(F, T) F(T, msg) F(T, name) F(T, path)
#define KN_LAYOUT_F_UNICODEERROR(F, T) KN_LAYOUT_EXC_HEAD(F, T) \
    F(T, encoding) F(T, object) F(T, start) F(T, end) F(T, reason)
#define KN_LAYOUT_F_SYSTEMEXIT(F, T) KN_LAYOUT_EXC_HEAD(F, T) F(T, code)
#define KN_LAYOUT_F_OSERROR(F, T) KN_LAYOUT_EXC_HEAD(F, T) \
    F(T, myerrno) F(T, strerror) F(T, filename) F(T, filename2) F(T, written)
#define KN_LAYOUT_F_STOPITERATION(F, T) KN_LAYOUT_EXC_HEAD(F, T) F(T, value)
#define KN_LAYOUT_F_NAMEERROR(F, T) KN_LAYOUT_EXC_HEAD(F, T) F(T, name)
#define KN_LAYOUT_F_ATTRIBUTEERROR(F, T) KN_LAYOUT_EXC_HEAD(F, T) F(T, obj) F(T, name)

/* ---- per-thread state: the prefix extensions read (cpython/pystate.h) ---- */
#define KN_LAYOUT_F_ERRSTACKITEM(F, T) F(T, exc_value) F(T, previous_item)
#define KN_LAYOUT_F_CFRAME(F, T) F(T, use_tracing) F(T, current_frame) F(T, previous)
#define KN_LAYOUT_F_TSTATE(F, T) \
    F(T, prev) F(T, next) F(T, interp) F(T, _initialized) F(T, _static) \
    F(T, recursion_remaining) F(T, recursion_limit) F(T, recursion_headroom) \
    F(T, tracing) F(T, tracing_what) F(T, cframe) F(T, c_profilefunc) \
    F(T, c_tracefunc) F(T, c_profileobj) F(T, c_traceobj) F(T, curexc_type) \
    F(T, curexc_value) F(T, curexc_traceback) F(T, exc_info) F(T, dict) \
    F(T, gilstate_counter) F(T, async_exc) F(T, thread_id) \
    F(T, native_thread_id) F(T, trash_delete_nesting) F(T, trash_delete_later) \
    F(T, on_delete) F(T, on_delete_data) F(T, coroutine_origin_tracking_depth) \
    F(T, async_gen_firstiter) F(T, async_gen_finalizer) F(T, context) \
    F(T, context_ver) F(T, id)

/* ---- functions (libjit/src/eval.h) ---- */
#define KN_LAYOUT_F_FUNCTION(F, T) KN_LAYOUT_HEAD(F, T) \
    F(T, func_globals) F(T, func_builtins) F(T, func_name) F(T, func_qualname) \
    F(T, func_code) F(T, func_defaults) F(T, func_kwdefaults) F(T, func_closure) \
    F(T, func_doc) F(T, func_dict) F(T, func_weakreflist) F(T, func_module) \
    F(T, func_annotations) F(T, vectorcall) F(T, func_version)

/* Structs whose whole size must match (sizeof is checked too: extensions
 * allocate them, embed them, or subclass them with tp_basicsize). */
#define KN_LAYOUT_STRUCTS(S) \
    S(PyObject, KnObject, KN_LAYOUT_F_OBJECT) \
    S(PyVarObject, KnVarObject, KN_LAYOUT_F_VAROBJECT) \
    S(PyNumberMethods, KnNumberMethods, KN_LAYOUT_F_NUMBER) \
    S(PySequenceMethods, KnSequenceMethods, KN_LAYOUT_F_SEQUENCE) \
    S(PyMappingMethods, KnMappingMethods, KN_LAYOUT_F_MAPPING) \
    S(PyAsyncMethods, KnAsyncMethods, KN_LAYOUT_F_ASYNC) \
    S(PyBufferProcs, KnBufferProcs, KN_LAYOUT_F_BUFFERPROCS) \
    S(PyTypeObject, KnTypeObject, KN_LAYOUT_F_TYPE) \
    S(PyHeapTypeObject, KnHeapTypeObject, KN_LAYOUT_F_HEAPTYPE) \
    S(Py_buffer, KnBuffer, KN_LAYOUT_F_BUFFER) \
    S(PyMethodDef, KnMethodDef, KN_LAYOUT_F_METHODDEF) \
    S(PyMemberDef, KnMemberDef, KN_LAYOUT_F_MEMBERDEF) \
    S(PyGetSetDef, KnGetSetDef, KN_LAYOUT_F_GETSETDEF) \
    S(PyModuleDef_Base, KnModuleDefBase, KN_LAYOUT_F_MODULEDEF_BASE) \
    S(PyModuleDef, KnModuleDef, KN_LAYOUT_F_MODULEDEF) \
    S(PyTupleObject, KnTupleObject, KN_LAYOUT_F_TUPLE) \
    S(PyListObject, KnListObject, KN_LAYOUT_F_LIST) \
    S(PyBytesObject, KnBytesObject, KN_LAYOUT_F_BYTES) \
    S(PyByteArrayObject, KnByteArrayObject, KN_LAYOUT_F_BYTEARRAY) \
    S(PyFloatObject, KnFloatObject, KN_LAYOUT_F_FLOAT) \
    S(Py_complex, KnComplex, KN_LAYOUT_F_COMPLEXVAL) \
    S(PyComplexObject, KnComplexObject, KN_LAYOUT_F_COMPLEX) \
    S(PyLongObject, KnLongObject, KN_LAYOUT_F_LONG) \
    S(PyASCIIObject, KnASCIIObject, KN_LAYOUT_F_ASCII) \
    S(PyCompactUnicodeObject, KnCompactUnicodeObject, KN_LAYOUT_F_COMPACTUNICODE) \
    S(PyUnicodeObject, KnUnicodeObject, KN_LAYOUT_F_UNICODE) \
    S(PyDictObject, KnDictObject, KN_LAYOUT_F_DICT) \
    S(PySliceObject, KnSliceObject, KN_LAYOUT_F_SLICE) \
    S(setentry, KnSetEntry, KN_LAYOUT_F_SETENTRY) \
    S(PySetObject, KnSetObject, KN_LAYOUT_F_SET) \
    S(PyCellObject, KnCellObject, KN_LAYOUT_F_CELL) \
    S(PyMethodObject, KnMethodObject, KN_LAYOUT_F_METHOD) \
    S(PyCFunctionObject, KnCFunctionObject, KN_LAYOUT_F_CFUNCTION) \
    S(PyDescrObject, KnDescrObject, KN_LAYOUT_F_DESCR) \
    S(PyMethodDescrObject, KnMethodDescrObject, KN_LAYOUT_F_METHODDESCR) \
    S(PyMemberDescrObject, KnMemberDescrObject, KN_LAYOUT_F_MEMBERDESCR) \
    S(PyGetSetDescrObject, KnGetSetDescrObject, KN_LAYOUT_F_GETSETDESCR) \
    S(PyWrapperDescrObject, KnWrapperDescrObject, KN_LAYOUT_F_WRAPPERDESCR) \
    S(PyModuleObject, KnModuleObject, KN_LAYOUT_F_MODULE) \
    S(PyBaseExceptionObject, KnBaseExceptionObject, KN_LAYOUT_F_BASEEXC) \
    S(PyBaseExceptionGroupObject, KnBaseExceptionGroupObject, KN_LAYOUT_F_EXCGROUP) \
    S(PySyntaxErrorObject, KnSyntaxErrorObject, KN_LAYOUT_F_SYNTAXERROR) \
    S(PyImportErrorObject, KnImportErrorObject, KN_LAYOUT_F_IMPORTERROR) \
    S(PyUnicodeErrorObject, KnUnicodeErrorObject, KN_LAYOUT_F_UNICODEERROR) \
    S(PySystemExitObject, KnSystemExitObject, KN_LAYOUT_F_SYSTEMEXIT) \
    S(PyOSErrorObject, KnOSErrorObject, KN_LAYOUT_F_OSERROR) \
    S(PyStopIterationObject, KnStopIterationObject, KN_LAYOUT_F_STOPITERATION) \
    S(PyNameErrorObject, KnNameErrorObject, KN_LAYOUT_F_NAMEERROR) \
    S(PyAttributeErrorObject, KnAttributeErrorObject, KN_LAYOUT_F_ATTRIBUTEERROR) \
    S(_PyErr_StackItem, KnErrStackItem, KN_LAYOUT_F_ERRSTACKITEM) \
    S(_PyCFrame, KnCFrame, KN_LAYOUT_F_CFRAME) \
    S(PyFunctionObject, KnFunctionObject, KN_LAYOUT_F_FUNCTION)

/* Structs of which only a prefix is shared: fields only, no sizeof. */
#define KN_LAYOUT_PREFIXES(S) \
    S(PyThreadState, KnThreadState, KN_LAYOUT_F_TSTATE)

/* Bit-fields: PEP 393's state word of every str. */
#define KN_LAYOUT_BITS(B) \
    B(PyASCIIObject, KnASCIIObject, state, interned) \
    B(PyASCIIObject, KnASCIIObject, state, kind) \
    B(PyASCIIObject, KnASCIIObject, state, compact) \
    B(PyASCIIObject, KnASCIIObject, state, ascii) \
    B(PyASCIIObject, KnASCIIObject, state, ready)

/* Numeric constants an extension compiles in. */
#define KN_LAYOUT_CONSTS(C) \
    C(sizeof(Py_ssize_t), sizeof(kn_ssize_t)) \
    C(sizeof(Py_hash_t), sizeof(kn_hash_t)) \
    C(Py_TPFLAGS_HAVE_FINALIZE, KN_TPFLAGS_HAVE_FINALIZE) \
    C(Py_TPFLAGS_MANAGED_DICT, KN_TPFLAGS_MANAGED_DICT) \
    C(Py_TPFLAGS_SEQUENCE, KN_TPFLAGS_SEQUENCE) \
    C(Py_TPFLAGS_MAPPING, KN_TPFLAGS_MAPPING) \
    C(Py_TPFLAGS_DISALLOW_INSTANTIATION, KN_TPFLAGS_DISALLOW_INSTANTIATION) \
    C(Py_TPFLAGS_IMMUTABLETYPE, KN_TPFLAGS_IMMUTABLETYPE) \
    C(Py_TPFLAGS_HEAPTYPE, KN_TPFLAGS_HEAPTYPE) \
    C(Py_TPFLAGS_BASETYPE, KN_TPFLAGS_BASETYPE) \
    C(Py_TPFLAGS_HAVE_VECTORCALL, KN_TPFLAGS_HAVE_VECTORCALL) \
    C(Py_TPFLAGS_READY, KN_TPFLAGS_READY) \
    C(Py_TPFLAGS_READYING, KN_TPFLAGS_READYING) \
    C(Py_TPFLAGS_HAVE_GC, KN_TPFLAGS_HAVE_GC) \
    C(Py_TPFLAGS_METHOD_DESCRIPTOR, KN_TPFLAGS_METHOD_DESCRIPTOR) \
    C(Py_TPFLAGS_HAVE_VERSION_TAG, KN_TPFLAGS_HAVE_VERSION_TAG) \
    C(Py_TPFLAGS_VALID_VERSION_TAG, KN_TPFLAGS_VALID_VERSION_TAG) \
    C(Py_TPFLAGS_IS_ABSTRACT, KN_TPFLAGS_IS_ABSTRACT) \
    C(_Py_TPFLAGS_MATCH_SELF, KN_TPFLAGS_MATCH_SELF) \
    C(Py_TPFLAGS_LONG_SUBCLASS, KN_TPFLAGS_LONG_SUBCLASS) \
    C(Py_TPFLAGS_LIST_SUBCLASS, KN_TPFLAGS_LIST_SUBCLASS) \
    C(Py_TPFLAGS_TUPLE_SUBCLASS, KN_TPFLAGS_TUPLE_SUBCLASS) \
    C(Py_TPFLAGS_BYTES_SUBCLASS, KN_TPFLAGS_BYTES_SUBCLASS) \
    C(Py_TPFLAGS_UNICODE_SUBCLASS, KN_TPFLAGS_UNICODE_SUBCLASS) \
    C(Py_TPFLAGS_DICT_SUBCLASS, KN_TPFLAGS_DICT_SUBCLASS) \
    C(Py_TPFLAGS_BASE_EXC_SUBCLASS, KN_TPFLAGS_BASE_EXC_SUBCLASS) \
    C(Py_TPFLAGS_TYPE_SUBCLASS, KN_TPFLAGS_TYPE_SUBCLASS) \
    C(METH_VARARGS, KN_METH_VARARGS) \
    C(METH_KEYWORDS, KN_METH_KEYWORDS) \
    C(METH_NOARGS, KN_METH_NOARGS) \
    C(METH_O, KN_METH_O) \
    C(METH_CLASS, KN_METH_CLASS) \
    C(METH_STATIC, KN_METH_STATIC) \
    C(METH_COEXIST, KN_METH_COEXIST) \
    C(METH_FASTCALL, KN_METH_FASTCALL) \
    C(METH_METHOD, KN_METH_METHOD) \
    C(T_SHORT, KN_T_SHORT) \
    C(T_INT, KN_T_INT) \
    C(T_LONG, KN_T_LONG) \
    C(T_FLOAT, KN_T_FLOAT) \
    C(T_DOUBLE, KN_T_DOUBLE) \
    C(T_STRING, KN_T_STRING) \
    C(T_OBJECT, KN_T_OBJECT) \
    C(T_CHAR, KN_T_CHAR) \
    C(T_BYTE, KN_T_BYTE) \
    C(T_UBYTE, KN_T_UBYTE) \
    C(T_UINT, KN_T_UINT) \
    C(T_USHORT, KN_T_USHORT) \
    C(T_ULONG, KN_T_ULONG) \
    C(T_STRING_INPLACE, KN_T_STRING_INPLACE) \
    C(T_BOOL, KN_T_BOOL) \
    C(T_OBJECT_EX, KN_T_OBJECT_EX) \
    C(T_LONGLONG, KN_T_LONGLONG) \
    C(T_ULONGLONG, KN_T_ULONGLONG) \
    C(T_PYSSIZET, KN_T_PYSSIZET) \
    C(T_NONE, KN_T_NONE) \
    C(READONLY, KN_READONLY) \
    C(Py_LT, KN_LT) \
    C(Py_LE, KN_LE) \
    C(Py_EQ, KN_EQ) \
    C(Py_NE, KN_NE) \
    C(Py_GT, KN_GT) \
    C(Py_GE, KN_GE) \
    C(PY_VECTORCALL_ARGUMENTS_OFFSET, KN_VECTORCALL_ARGUMENTS_OFFSET) \
    C(PYGEN_RETURN, KN_SEND_RETURN) \
    C(PYGEN_ERROR, KN_SEND_ERROR) \
    C(PYGEN_NEXT, KN_SEND_NEXT) \
    C(PyUnicode_1BYTE_KIND, KN_STR_1BYTE_KIND) \
    C(PyUnicode_2BYTE_KIND, KN_STR_2BYTE_KIND) \
    C(PyUnicode_4BYTE_KIND, KN_STR_4BYTE_KIND) \
    C(SSTATE_NOT_INTERNED, KN_SSTATE_NOT_INTERNED) \
    C(SSTATE_INTERNED_MORTAL, KN_SSTATE_INTERNED_MORTAL) \
    C(SSTATE_INTERNED_IMMORTAL, KN_SSTATE_INTERNED_IMMORTAL) \
    C(PyLong_SHIFT, KN_INT_SHIFT) \
    C(PyLong_MASK, KN_INT_MASK) \
    C(sizeof(digit), sizeof(kn_digit)) \
    C(CO_OPTIMIZED, JIT_CO_OPTIMIZED) \
    C(CO_NEWLOCALS, JIT_CO_NEWLOCALS) \
    C(CO_VARARGS, JIT_CO_VARARGS) \
    C(CO_VARKEYWORDS, JIT_CO_VARKEYWORDS) \
    C(CO_NESTED, JIT_CO_NESTED) \
    C(CO_GENERATOR, JIT_CO_GENERATOR) \
    C(CO_COROUTINE, JIT_CO_COROUTINE) \
    C(CO_ITERABLE_COROUTINE, JIT_CO_ITERABLE_COROUTINE) \
    C(CO_ASYNC_GENERATOR, JIT_CO_ASYNC_GENERATOR) \
    C(CO_FAST_LOCAL, JIT_LOCAL_LOCAL) \
    C(CO_FAST_CELL, JIT_LOCAL_CELL) \
    C(CO_FAST_FREE, JIT_LOCAL_FREE)

#endif /* LIBCAPI_TESTS_LAYOUT_TABLE_H */
