/*
 * io_module.c — the `_io` module object: its classes, DEFAULT_BUFFER_SIZE,
 * UnsupportedOperation (OSError + ValueError, __module__ 'io'), the
 * BlockingIOError alias, open() and text_encoding().
 */
#include "io_internal.h"

KnTypeObject *io_unsupported_operation;

static KnTypeObject *const io_all_types[] = {
    &io_iobase_type, &io_rawiobase_type, &io_bufferediobase_type, &io_textiobase_type,
    &io_fileio_type, &io_bytesio_type, &io_stringio_type, &io_nldecoder_type,
    &io_bufferedreader_type, &io_bufferedwriter_type, &io_bufferedrandom_type,
    &io_bufferedrwpair_type, &io_textiowrapper_type,
};
extern KnTypeObject io_bytesiobuffer_type;  /* not in the module's namespace */

static const char *const io_type_names[] = {
    "_IOBase", "_RawIOBase", "_BufferedIOBase", "_TextIOBase",
    "FileIO", "BytesIO", "StringIO", "IncrementalNewlineDecoder",
    "BufferedReader", "BufferedWriter", "BufferedRandom",
    "BufferedRWPair", "TextIOWrapper",
};

#define N_TYPES (sizeof io_all_types / sizeof io_all_types[0])

int io_types_init(void)
{
    if (io_unsupported_operation != NULL)
        return 0;
    for (size_t i = 0; i < N_TYPES; i++)
        if (ob_type_ready(io_all_types[i]) < 0)
            return -1;
    if (ob_type_ready(&io_bytesiobuffer_type) < 0)
        return -1;
    KnObject *bases = ob_tuple_pack(2, (KnObject *)ob_exc_OSError, (KnObject *)ob_exc_ValueError);
    KnObject *ns = ob_dict_new();
    if (bases == NULL || ns == NULL || ob_dict_setitem_str(ns, "__module__", ob_str_from_cstr("io")) < 0)
        return -1;
    KnObject *cls = ob_type_new(&ob_type_type, ob_str_from_cstr("UnsupportedOperation"), bases, ns);
    if (cls == NULL)
        return -1;
    io_unsupported_operation = (KnTypeObject *)cls;
    return 0;
}

static KnMethodDef io_functions[] = {
    {"open", FC(io_open), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Open file and return a stream.  Raise OSError upon failure."},
    {"open_code", FC(io_open_code), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Opens the provided file with the intent to import the contents."},
    {"text_encoding", FC(io_text_encoding), KN_METH_FASTCALL,
     "A helper function to choose the text encoding."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__io(void)
{
    if (io_types_init() < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_io");
    if (m == NULL)
        return NULL;
    if (ob_module_add_functions(m, io_functions) < 0)
        return NULL;
    if (ob_module_add_object(m, "DEFAULT_BUFFER_SIZE", ob_int_from_ssize(IO_DEFAULT_BUFFER_SIZE)) < 0 ||
        ob_module_add_object(m, "UnsupportedOperation", (KnObject *)io_unsupported_operation) < 0 ||
        ob_module_add_object(m, "BlockingIOError", (KnObject *)ob_exc_BlockingIOError) < 0)
        return NULL;
    for (size_t i = 0; i < N_TYPES; i++)
        if (ob_module_add_object(m, io_type_names[i], (KnObject *)io_all_types[i]) < 0)
            return NULL;
    return m;
}
