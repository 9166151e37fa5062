/* python-bin/src/main.c — the `python` program: CPython 3.11's command
 * line, handed to libjit (jit_configure, jit_init, jit_run_*).
 *
 *   python [option] ... [-c cmd | -m mod | file | -] [arg] ...
 *
 * Options are parsed as CPython does: short flags may be combined
 * ("-uB"), -c/-m/-W/-X take the rest of their word or the next word, and
 * the first non-option ends the options (it and everything after it is
 * sys.argv).  A terminal on stdin without a program, or -i, gives the
 * interactive prompt (jit_run_interactive).  -m runs runpy's
 * _run_module_as_main, as CPython does. */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libjit/jit.h"
#include "libobject/hash.h"
#include "libobject/libobject.h"
#include "stdlib/modules.h"
#include "stdlib/atexit.h"
#include "stdlib/ast.h"

#define PY_VERSION "3.11.2"

static const char *prog;

static void usage_hint(void)
{
    fprintf(stderr, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                    "Try `python -h' for more information.\n", prog);
}

static void help(void)
{
    printf("usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", prog);
    fputs("Kiln, a Python " PY_VERSION " implementation.  Options:\n"
          "-b     : warn about str(bytes) and bytes/str comparison (-bb: errors)\n"
          "-B     : do not write .pyc files on import\n"
          "-c cmd : program passed in as a string (terminates the option list)\n"
          "-d     : turn on parser debugging output\n"
          "-E     : ignore PYTHON* environment variables\n"
          "-h     : print this help message and exit (also -? or --help)\n"
          "-i     : inspect interactively after running the script\n"
          "-I     : isolate from the user's environment (implies -E, -P and -s)\n"
          "-m mod : run library module as a script (terminates the option list)\n"
          "-O     : remove assert and __debug__-dependent statements (-OO: docstrings too)\n"
          "-P     : do not prepend a potentially unsafe path to sys.path\n"
          "-q     : do not print version and copyright messages on interactive start-up\n"
          "-s     : do not add the user site directory to sys.path\n"
          "-S     : do not imply 'import site' on initialisation\n"
          "-u     : unbuffered binary stdout and stderr\n"
          "-v     : verbose (trace import statements)\n"
          "-V     : print the Python version number and exit (also --version; -VV: more)\n"
          "-W arg : warning control (sys.warnoptions)\n"
          "-x     : skip the first line of the source\n"
          "-X opt : implementation-specific option (sys._xoptions); Kiln's debug switches:\n"
          "         -X dis: print the main program's Kiln bytecode on stderr before it runs\n"
          "         -X dis=all: print every code object compiled from source (imports too)\n"
          "         -X specstats: print the inline-cache specialisation report at exit\n"
          "file   : program read from a script file\n"
          "-      : program read from stdin (default when stdin is not a terminal)\n"
          "arg ...: arguments passed to the program in sys.argv[1:]\n",
          stdout);
}

/* The stdlib's C modules become built-in modules (before jit_init). */
static void add_stdlib_modules(void)
{
    for (const stdlib_module *m = stdlib_modules; m->name != NULL; m++)
        jit_import_add_builtin(m->name, m->init);
    jit_set_exit_hook(kn_atexit_run);
    jit_set_ast_hook(kn_ast_from_source);
    jit_set_ast_tree_hook(kn_ast_tree_hook);
}

/* -m: runpy._run_module_as_main(module) in __main__, as CPython does.
 * The call binds no name in __main__'s namespace (runpy fills it). */
static int run_module(const char *module)
{
    size_t n = strlen(module);
    char *src = malloc(4 * n + 128);
    if (src == NULL)
        return 1;
    char *p = src + sprintf(src, "__import__('runpy')._run_module_as_main('");
    for (const char *c = module; *c; c++) {
        if (*c == '\\' || *c == '\'')
            *p++ = '\\';
        if ((unsigned char)*c < 0x20) {
            p += sprintf(p, "\\x%02x", (unsigned char)*c);
            continue;
        }
        *p++ = *c;
    }
    strcpy(p, "', True)\n");
    int status = jit_run_string(src, "<run_module>");
    free(src);
    return status;
}

static int version(int verbose)
{
    if (verbose < 2) {
        printf("Python " PY_VERSION "\n");
        return 0;
    }
    /* -VV prints sys.version, which libjit builds. */
    char *argv0[] = { (char *)prog, NULL };
    add_stdlib_modules();
    if (jit_init(1, argv0) < 0)
        return 1;
    KnObject *imp = ob_dict_getitem_str(jit_builtins_dict(), "__import__");
    KnObject *sys = imp ? ob_call_onearg(imp, ob_str_from_cstr("sys")) : NULL;
    KnObject *v = sys ? ob_getattr_str(sys, "version") : NULL;
    const char *text = v ? ob_str_as_utf8(v, NULL) : NULL;
    if (text == NULL)
        return 1;
    printf("Python %s\n", text);
    return 0;
}

/* The start-up banner of the interactive prompt (on stderr). */
static void banner(void)
{
    KnObject *imp = ob_dict_getitem_str(jit_builtins_dict(), "__import__");
    KnObject *sys = imp ? ob_call_onearg(imp, ob_str_from_cstr("sys")) : NULL;
    KnObject *v = sys ? ob_getattr_str(sys, "version") : NULL;
    const char *text = v ? ob_str_as_utf8(v, NULL) : NULL;
    if (text == NULL) {
        ob_err_clear();
        return;
    }
    /* sys.version names Kiln ("[Kiln x.y.z, GCC ...]"); help, copyright,
     * credits and license come from site, as in CPython. */
    fprintf(stderr, "Python %s on linux\n"
                    "Type \"help\", \"copyright\", \"credits\" or \"license\" for more "
                    "information.\n", text);
}

/* Read all of stdin (the program for `python -` and piped input). */
static char *read_stdin(size_t *lenp)
{
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap + 1);
    while (buf != NULL && (n = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += n;
        if (len == cap) {
            char *nb = realloc(buf, (cap *= 2) + 1);
            if (nb == NULL) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
    }
    if (buf != NULL)
        buf[len] = '\0';
    *lenp = len;
    return buf;
}

static int env_flag(const jit_config *cfg, const char *name)
{
    if (cfg->ignore_environment)
        return 0;
    const char *v = getenv(name);
    if (v == NULL || *v == '\0')
        return 0;
    int n = atoi(v);
    return n > 0 ? n : 1;
}

/* -X faulthandler or PYTHONFAULTHANDLER: faulthandler.enable() before the
 * program runs, as CPython does. */
static int want_faulthandler(const jit_config *cfg)
{
    for (int i = 0; i < cfg->n_xoptions; i++) {
        const char *x = cfg->xoptions[i];
        if (strncmp(x, "faulthandler", 12) == 0 && (x[12] == '\0' || x[12] == '='))
            return 1;
    }
    return env_flag(cfg, "PYTHONFAULTHANDLER");
}

static void enable_faulthandler(void)
{
    KnObject *m = jit_import_module("faulthandler");
    if (m == NULL || ob_call_method(m, "enable", 0) == NULL) {
        fputs("python: cannot enable faulthandler at start-up\n", stderr);
        ob_err_clear();
    }
}

/* As CPython at start-up: LC_CTYPE from the environment, and the plain
 * C/POSIX locale coerced to C.UTF-8 (PEP 538), exported so that child
 * processes agree; locale.getpreferredencoding() then reads UTF-8. */
static void init_ctype_locale(void)
{
    const char *loc = setlocale(LC_CTYPE, "");
    if (loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") != NULL)
            setenv("LC_CTYPE", "C.UTF-8", 1);
    }
}

int main(int argc, char **argv)
{
    prog = argc > 0 ? argv[0] : "python";
    init_ctype_locale();
    static jit_config cfg;
    static const char *xopts[256], *wopts[256];
    int nx = 0, nw = 0, show_version = 0, skip_first_line = 0;
    const char *command = NULL, *module = NULL;
    int i = 1;

    cfg.int_max_str_digits = -1;
    for (; i < argc && command == NULL && module == NULL; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0)
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] == '-') {
            if (strcmp(a, "--help") == 0) {
                help();
                return 0;
            }
            if (strcmp(a, "--version") == 0) {
                show_version++;
                continue;
            }
            if (strncmp(a, "--check-hash-based-pycs", 23) == 0) {
                if (a[23] == '\0')
                    i++;
                continue;
            }
            fprintf(stderr, "unknown option %s\n", a);
            usage_hint();
            return 2;
        }
        for (const char *p = a + 1; *p; p++) {
            char c = *p;
            if (strchr("cmWX", c) != NULL) {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (val == NULL) {
                    fprintf(stderr, "Argument expected for the -%c option\n", c);
                    usage_hint();
                    return 2;
                }
                if (c == 'c')
                    command = val;
                else if (c == 'm')
                    module = val;
                else if (c == 'W' && nw < 256)
                    wopts[nw++] = val;
                else if (c == 'X' && nx < 256)
                    xopts[nx++] = val;
                break;
            }
            switch (c) {
            case 'b': cfg.bytes_warning++; break;
            case 'B': cfg.dont_write_bytecode = 1; break;
            case 'd': cfg.debug++; break;
            case 'E': cfg.ignore_environment = 1; break;
            case 'h': case '?': help(); return 0;
            case 'i': cfg.inspect = cfg.interactive = 1; break;
            case 'I': cfg.isolated = cfg.ignore_environment = cfg.no_user_site = 1;
                      cfg.safe_path = 1; break;
            case 'O': cfg.optimize++; break;
            case 'P': cfg.safe_path = 1; break;
            case 'q': cfg.quiet = 1; break;
            case 's': cfg.no_user_site = 1; break;
            case 'S': cfg.no_site = 1; break;
            case 'u': cfg.unbuffered = 1; break;
            case 'v': cfg.verbose++; break;
            case 'V': show_version++; break;
            case 'x': skip_first_line = 1; break;
            default:
                fprintf(stderr, "Unknown option: -%c\n", c);
                usage_hint();
                return 2;
            }
        }
    }
    if (show_version)
        return version(show_version);

    /* Environment variables (after the options: -E/-I turn them off). */
    if (env_flag(&cfg, "PYTHONUNBUFFERED"))
        cfg.unbuffered = 1;
    if (env_flag(&cfg, "PYTHONDONTWRITEBYTECODE"))
        cfg.dont_write_bytecode = 1;
    if (env_flag(&cfg, "PYTHONSAFEPATH"))
        cfg.safe_path = 1;
    int envopt = env_flag(&cfg, "PYTHONOPTIMIZE");
    if (envopt > cfg.optimize)
        cfg.optimize = envopt;
    /* The hash secret (libobject would read PYTHONHASHSEED lazily; -E must
     * ignore it, and a bad value is fatal as in CPython). */
    const char *seed = cfg.ignore_environment ? NULL : getenv("PYTHONHASHSEED");
    if (ob_hash_init(seed) < 0) {
        fputs("Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" "
              "or an integer in range [0; 4294967295]\nPython runtime state: preinitialized\n",
              stderr);
        return 1;
    }
    int envdebug = env_flag(&cfg, "PYTHONDEBUG");
    if (envdebug > cfg.debug)
        cfg.debug = envdebug;
    int envverbose = env_flag(&cfg, "PYTHONVERBOSE");
    if (envverbose > cfg.verbose)
        cfg.verbose = envverbose;
    cfg.xoptions = xopts;
    cfg.n_xoptions = nx;
    /* sys.warnoptions as CPython builds it, lowest precedence first (the
     * warnings module lets later entries win): the dev mode's "default",
     * PYTHONWARNINGS (comma-separated), the -W options, then -b/-bb. */
    for (int k = 0; k < nx; k++)
        if (strcmp(xopts[k], "dev") == 0)
            cfg.dev_mode = 1;
    const char *devenv = cfg.ignore_environment ? NULL : getenv("PYTHONDEVMODE");
    if (devenv != NULL && *devenv)
        cfg.dev_mode = 1;
    static const char *all_wopts[520];
    int nall = 0;
    if (cfg.dev_mode)
        all_wopts[nall++] = "default";
    const char *envw = cfg.ignore_environment ? NULL : getenv("PYTHONWARNINGS");
    if (envw != NULL && *envw) {
        char *copy = strdup(envw);
        for (char *tok = copy ? strtok(copy, ",") : NULL; tok && nall < 256;
             tok = strtok(NULL, ","))
            all_wopts[nall++] = tok;
    }
    for (int k = 0; k < nw; k++)
        all_wopts[nall++] = wopts[k];
    if (cfg.bytes_warning)
        all_wopts[nall++] = cfg.bytes_warning > 1 ? "error::BytesWarning" : "default::BytesWarning";
    cfg.warnoptions = all_wopts;
    cfg.n_warnoptions = nall;
    cfg.skip_first_line = skip_first_line;
    cfg.orig_argc = argc;
    cfg.orig_argv = argv;

    /* sys.argv and sys.path[0], as CPython sets them per mode:
     *   -c cmd args   ['-c', args...]        path0 ''
     *   file args     [file, args...]        path0 the script's directory
     *   - args        ['-', args...]         path0 ''
     *   (nothing)     ['']                   path0 '' */
    const char *script = NULL;
    char **sys_argv = argv + i;
    int sys_argc = argc - i;
    cfg.path0 = "";
    static char cwd[4096];
    if (module != NULL) {
        /* -m mod args: ['-m', args...] until runpy puts the module's file
         * in argv[0]; sys.path[0] is the current directory (full path). */
        sys_argv = malloc(sizeof(char *) * (size_t)(argc - i + 2));
        if (sys_argv == NULL)
            return 1;
        sys_argv[0] = "-m";
        for (int k = i; k < argc; k++)
            sys_argv[k - i + 1] = argv[k];
        sys_argc = argc - i + 1;
        sys_argv[sys_argc] = NULL;
        if (getcwd(cwd, sizeof cwd) != NULL)
            cfg.path0 = cwd;
    } else if (command != NULL || i >= argc) {
        sys_argv = malloc(sizeof(char *) * (size_t)(argc - i + 2));
        if (sys_argv == NULL)
            return 1;
        sys_argv[0] = command != NULL ? "-c" : "";
        for (int k = i; k < argc; k++)
            sys_argv[k - i + 1] = argv[k];
        sys_argc = argc - i + 1;
        sys_argv[sys_argc] = NULL;
    } else if (strcmp(argv[i], "-") != 0) {
        script = argv[i];
        char *dir = realpath(script, NULL);
        if (dir != NULL) {
            char *slash = strrchr(dir, '/');
            if (slash != NULL)
                *(slash == dir ? slash + 1 : slash) = '\0';
            cfg.path0 = dir;
        }
    }
    if (cfg.safe_path)
        cfg.path0 = NULL;

    /* As CPython: a closed pipe is a BrokenPipeError, not death by SIGPIPE,
     * a file over RLIMIT_FSIZE an OSError (EFBIG), not death by SIGXFSZ,
     * and Ctrl-C is a KeyboardInterrupt. */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    jit_install_sigint_handler();
    jit_configure(&cfg);
    add_stdlib_modules();
    if (jit_init(sys_argc, sys_argv) < 0)
        return 1;
    if (want_faulthandler(&cfg))
        enable_faulthandler();

    int status;
    if (module != NULL) {
        status = run_module(module);
    } else if (command != NULL) {
        status = jit_run_string(command, "<string>");
    } else if (script != NULL) {
        status = jit_run_file(script);
    } else {
        if (isatty(0) || cfg.inspect) {
            /* A terminal (or -i): the interactive prompt, as CPython. */
            if (isatty(0) && !cfg.quiet)
                banner();
            cfg.inspect = 0;
            status = jit_run_interactive();
        } else {
            size_t len = 0;
            char *src = read_stdin(&len);
            if (src == NULL) {
                fprintf(stderr, "%s: cannot read the program from stdin\n", prog);
                return 1;
            }
            status = jit_run_source_file(src, len, "<stdin>");
        }
    }
    if (cfg.inspect)
        status = jit_run_interactive();
    int fin = jit_finalize();
    if (status == 0 && fin != 0)
        status = fin;
    return status;
}
