/* libjit/tests/test_compile.c — compile snippets and compare the
 * disassembly with the expected text (written from python3.11 -m dis,
 * adjusted for Kiln's instruction set: no PRECALL, own cache sizes).
 * `test_compile --dis FILE` prints a file's disassembly (development). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "compile_util.h"

static void check_dis(const char *src, const char *expected)
{
    char *got = tu_dis(src);
    if (!got) {
        KnObject *e = ob_err_fetch();
        fail_msg("compile failed: %s", e ? ob_str_as_utf8(ob_repr(e), NULL) : "?");
    }
    if (strcmp(got, expected) != 0) {
        print_error("--- source:\n%s--- expected:\n%s--- got:\n%s", src, expected, got);
        fail();
    }
    free(got);
}

static void test_assign(void **state)
{
    (void)state;
    check_dis("x = 1\n",
              "  0        0 RESUME                   0\n"
              "\n"
              "  1        2 LOAD_CONST               0 (1)\n"
              "           4 STORE_NAME               0 (x)\n"
              "           6 LOAD_CONST               1 (None)\n"
              "           8 RETURN_VALUE\n");
}

/* --check FILE...: compile each file, print the ones that fail. */
static int check_files(int argc, char **argv)
{
    int bad = 0;
    tu_init();
    for (int i = 2; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buf = malloc((size_t)n + 1);
        size_t got = fread(buf, 1, (size_t)n, f);
        fclose(f);
        buf[got] = 0;
        KnObject *co = jit_compile_source(buf, got, argv[i], JIT_MODE_EXEC, 0, 0);
        if (!co) {
            KnObject *e = ob_err_fetch();
            KnObject *r = e ? ob_repr(e) : NULL;
            printf("%s: %s\n", argv[i], r ? ob_str_as_utf8(r, NULL) : "?");
            bad++;
        }
        free(buf);
    }
    return bad != 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "--check") == 0)
        return check_files(argc, argv);
    if (argc == 3 && strcmp(argv[1], "--dis") == 0) {
        FILE *f = fopen(argv[2], "rb");
        if (!f)
            return 2;
        static char buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[n] = 0;
        tu_init();
        KnObject *co = jit_compile_source(buf, n, argv[2], JIT_MODE_EXEC, 0, 0);
        if (!co) {
            KnObject *e = ob_err_fetch();
            KnObject *r = ob_repr(e);
            fprintf(stderr, "error: %s\n", r ? ob_str_as_utf8(r, NULL) : "?");
            return 1;
        }
        jit_code_dis(co, stdout);
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assign),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
