/*
 * termios_module.c — the `termios` module: tty attributes (tcgetattr /
 * tcsetattr), line control (tcsendbreak, tcdrain, tcflush, tcflow), the
 * window size (tcgetwinsize / tcsetwinsize), termios.error and the
 * constants of termios_consts.def.
 *
 * Attributes travel as CPython's list [iflag, oflag, cflag, lflag,
 * ispeed, ospeed, cc]: cc holds NCCS one-byte bytes objects, except
 * cc[VMIN] and cc[VTIME], which are ints while ICANON is off.  Failing
 * calls raise termios.error(errno, strerror) — an Exception, not an
 * OSError, as in CPython.
 */
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "select_fd.h"
#include "unix_internal.h"

KnObject *kn_init_termios(void);

static KnObject *tc_error;

/* glibc names the switch character VSWTC only; CPython exports both. */
#ifndef VSWTCH
#define VSWTCH VSWTC
#endif

static KnObject *tc_fail(void)
{
    return ux_errno_error(tc_error);
}

static KnObject *tc_getattr(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    struct termios t;
    if (sel_fileno(arg, &fd) < 0)
        return NULL;
    if (tcgetattr(fd, &t) < 0)
        return tc_fail();
    KnObject *cc = ob_list_new(0);
    if (cc == NULL)
        return NULL;
    for (int i = 0; i < NCCS; i++) {
        char ch = (char)t.c_cc[i];
        KnObject *v = ob_bytes_from_data(&ch, 1);
        if (v == NULL || ob_list_append(cc, v) < 0)
            return NULL;
    }
    if ((t.c_lflag & ICANON) == 0) {
        KN_LIST_ITEMS(cc)[VMIN] = ob_int_from_long_long(t.c_cc[VMIN]);
        KN_LIST_ITEMS(cc)[VTIME] = ob_int_from_long_long(t.c_cc[VTIME]);
    }
    KnObject *items[7] = {
        ob_int_from_long_long(t.c_iflag), ob_int_from_long_long(t.c_oflag),
        ob_int_from_long_long(t.c_cflag), ob_int_from_long_long(t.c_lflag),
        ob_int_from_long_long(cfgetispeed(&t)), ob_int_from_long_long(cfgetospeed(&t)), cc,
    };
    for (int i = 0; i < 7; i++)
        if (items[i] == NULL)
            return NULL;
    return ob_list_from_array(items, 7);
}

/* cc[i] of a tcsetattr list: a one-byte bytes or an int. */
static int tc_cc_item(KnObject *o, cc_t *out)
{
    if (KN_BYTES_CHECK(o) && KN_SIZE(o) == 1) {
        *out = (cc_t)KN_BYTES_AS_STRING(o)[0];
        return 0;
    }
    if (KN_INT_CHECK(o)) {
        long v;
        if (ux_long_arg(o, &v) < 0)
            return -1;
        *out = (cc_t)v;
        return 0;
    }
    ob_err_set_string(ob_exc_TypeError,
                      "tcsetattr: elements of attributes must be characters or integers");
    return -1;
}

static KnObject *tc_setattr(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int fd, when;
    if (ob_args_check_positional("tcsetattr", nargs, 3, 3) < 0 || sel_fileno(args[0], &fd) < 0
        || ux_cint_arg(args[1], &when) < 0)
        return NULL;
    KnObject *attrs = args[2];
    if (!KN_LIST_CHECK(attrs) || KN_SIZE(attrs) != 7) {
        ob_err_set_string(ob_exc_TypeError, "tcsetattr, arg 3: must be 7 element list");
        return NULL;
    }
    struct termios t;
    if (tcgetattr(fd, &t) < 0)
        return tc_fail();
    long v[6];
    for (int i = 0; i < 6; i++)
        if (ux_long_arg(KN_LIST_ITEMS(attrs)[i], &v[i]) < 0)
            return NULL;
    KnObject *cc = KN_LIST_ITEMS(attrs)[6];
    if (!KN_LIST_CHECK(cc) || KN_SIZE(cc) != NCCS)
        return ob_err_format(ob_exc_TypeError, "tcsetattr: attributes[6] must be %d element list",
                             (int)NCCS);
    for (int i = 0; i < NCCS; i++)
        if (tc_cc_item(KN_LIST_ITEMS(cc)[i], &t.c_cc[i]) < 0)
            return NULL;
    t.c_iflag = (tcflag_t)v[0];
    t.c_oflag = (tcflag_t)v[1];
    t.c_cflag = (tcflag_t)v[2];
    t.c_lflag = (tcflag_t)v[3];
    if (cfsetispeed(&t, (speed_t)v[4]) < 0 || cfsetospeed(&t, (speed_t)v[5]) < 0
        || tcsetattr(fd, when, &t) < 0)
        return tc_fail();
    return KN_None;
}

/* The (fd, int) calls: tcsendbreak, tcflush, tcflow. */
static int tc_fd_int(const char *fname, KnObject *const *args, kn_ssize_t nargs, int *fd, int *v)
{
    if (ob_args_check_positional(fname, nargs, 2, 2) < 0 || sel_fileno(args[0], fd) < 0
        || ux_cint_arg(args[1], v) < 0)
        return -1;
    return 0;
}

static KnObject *tc_sendbreak(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int fd, duration;
    if (tc_fd_int("tcsendbreak", args, nargs, &fd, &duration) < 0)
        return NULL;
    return tcsendbreak(fd, duration) < 0 ? tc_fail() : KN_None;
}

static KnObject *tc_drain(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    if (sel_fileno(arg, &fd) < 0)
        return NULL;
    return tcdrain(fd) < 0 ? tc_fail() : KN_None;
}

static KnObject *tc_flush(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int fd, queue;
    if (tc_fd_int("tcflush", args, nargs, &fd, &queue) < 0)
        return NULL;
    return tcflush(fd, queue) < 0 ? tc_fail() : KN_None;
}

static KnObject *tc_flow(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int fd, action;
    if (tc_fd_int("tcflow", args, nargs, &fd, &action) < 0)
        return NULL;
    return tcflow(fd, action) < 0 ? tc_fail() : KN_None;
}

static KnObject *tc_getwinsize(KnObject *m, KnObject *arg)
{
    (void)m;
    int fd;
    struct winsize w;
    if (sel_fileno(arg, &fd) < 0)
        return NULL;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0)
        return tc_fail();
    return ob_tuple_pack(2, ob_int_from_long_long(w.ws_row), ob_int_from_long_long(w.ws_col));
}

static KnObject *tc_setwinsize(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int fd;
    if (ob_args_check_positional("tcsetwinsize", nargs, 2, 2) < 0 || sel_fileno(args[0], &fd) < 0)
        return NULL;
    KnObject *ws = args[1];
    KnSequenceMethods *sq = KN_TYPE(ws)->tp_as_sequence;
    kn_ssize_t n = sq && sq->sq_item && !KN_DICT_CHECK(ws) ? ob_length(ws) : -1;
    if (n != 2) {
        if (n < 0 && ob_err_occurred())
            ob_err_clear();
        ob_err_set_string(ob_exc_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
        return NULL;
    }
    long v[2];
    for (int i = 0; i < 2; i++) {
        KnObject *item = ob_sequence_getitem(ws, i);
        if (item == NULL || ux_long_arg(item, &v[i]) < 0)
            return NULL;
    }
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0)
        return tc_fail();
    if (v[0] < 0 || v[0] > 0xffff || v[1] < 0 || v[1] > 0xffff) {
        ob_err_set_string(ob_exc_OverflowError, "winsize value(s) out of range.");
        return NULL;
    }
    w.ws_row = (unsigned short)v[0];
    w.ws_col = (unsigned short)v[1];
    if (ioctl(fd, TIOCSWINSZ, &w) < 0)
        return tc_fail();
    return KN_None;
}

static KnMethodDef tc_methods[] = {
    {"tcgetattr", tc_getattr, KN_METH_O,
     "Get the tty attributes for file descriptor fd.\n\n"
     "Returns a list [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]\n"
     "where cc is a list of the tty special characters (each a string of\n"
     "length 1, except the items with indices VMIN and VTIME, which are\n"
     "integers when these fields are defined).  The interpretation of the\n"
     "flags and the speeds as well as the indexing in the cc array must be\n"
     "done using the symbolic constants defined in this module."},
    {"tcsetattr", UX_FC(tc_setattr), KN_METH_FASTCALL,
     "Set the tty attributes for file descriptor fd.\n\n"
     "The attributes to be set are taken from the attributes argument, which\n"
     "is a list like the one returned by tcgetattr(). The when argument\n"
     "determines when the attributes are changed: termios.TCSANOW to\n"
     "change immediately, termios.TCSADRAIN to change after transmitting all\n"
     "queued output, or termios.TCSAFLUSH to change after transmitting all\n"
     "queued output and discarding all queued input."},
    {"tcsendbreak", UX_FC(tc_sendbreak), KN_METH_FASTCALL,
     "Send a break on file descriptor fd.\n\n"
     "A zero duration sends a break for 0.25-0.5 seconds; a nonzero duration\n"
     "has a system dependent meaning."},
    {"tcdrain", tc_drain, KN_METH_O,
     "Wait until all output written to file descriptor fd has been transmitted."},
    {"tcflush", UX_FC(tc_flush), KN_METH_FASTCALL,
     "Discard queued data on file descriptor fd.\n\n"
     "The queue selector specifies which queue: termios.TCIFLUSH for the input\n"
     "queue, termios.TCOFLUSH for the output queue, or termios.TCIOFLUSH for\n"
     "both queues."},
    {"tcflow", UX_FC(tc_flow), KN_METH_FASTCALL,
     "Suspend or resume input or output on file descriptor fd.\n\n"
     "The action argument can be termios.TCOOFF to suspend output,\n"
     "termios.TCOON to restart output, termios.TCIOFF to suspend input,\n"
     "or termios.TCION to restart input."},
    {"tcgetwinsize", tc_getwinsize, KN_METH_O,
     "Get the tty winsize for file descriptor fd.\n\n"
     "Returns a tuple (ws_row, ws_col)."},
    {"tcsetwinsize", UX_FC(tc_setwinsize), KN_METH_FASTCALL,
     "Set the tty winsize for file descriptor fd.\n\n"
     "The winsize to be set is taken from the winsize argument, which\n"
     "is a two-item tuple (ws_row, ws_col) like the one returned by tcgetwinsize()."},
    {NULL, NULL, 0, NULL}
};

static const UxConst tc_consts[] = {
#define TC(n) {#n, (long long)(n)},
#include "termios_consts.def"
#undef TC
    {NULL, 0}
};

static const char tc_doc[] =
    "This module provides an interface to the Posix calls for tty I/O control.\n"
    "For a complete description of these calls, see the Posix or Unix manual\n"
    "pages. It is only available for those Unix versions that support Posix\n"
    "termios style tty I/O control.\n\n"
    "All functions in this module take a file descriptor fd as their first\n"
    "argument. This can be an integer file descriptor, such as returned by\n"
    "sys.stdin.fileno(), or a file object, such as sys.stdin itself.";

KnObject *kn_init_termios(void)
{
    if (tc_error == NULL && (tc_error = ux_new_exception("termios", "error", ob_exc_Exception)) == NULL)
        return NULL;
    KnObject *mod = ob_module_new_cstr("termios");
    if (mod == NULL || ob_module_add_functions(mod, tc_methods) < 0
        || ob_module_add_object(mod, "__doc__", ob_str_from_cstr(tc_doc)) < 0
        || ob_module_add_object(mod, "error", tc_error) < 0 || ux_add_consts(mod, tc_consts) < 0)
        return NULL;
    return mod;
}
