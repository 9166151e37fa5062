/* test_parser.c — the parser (src/parser.c, src/parse_*.c) against results
 * CPython 3.11 gives for the same sources: trees (ast.dump with
 * attributes), error messages and locations, coding cookies, nesting
 * limits, and inputs the fuzzer once crashed on (libparse/fuzz/).
 * The whole-stdlib comparison is tools/parse-check.py. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "libparse/dump.h"
#include "libparse/parser.h"

struct dump_case {
    ps_mode mode;
    const char *src;
    size_t len;
    const char *want;
};

struct error_case {
    const char *src;
    size_t len;
    const char *want;   /* "LINE:OFFSET: Kind: message" or "Kind: message" */
};

/* Expected results: printed by /usr/bin/python3.11 (ast.dump(tree,
 * include_attributes=True), or the SyntaxError as LINE:OFFSET: Kind: msg). */
static const struct dump_case dump_cases[] = {
    {PS_MODE_EXEC, "x = 1\n", sizeof "x = 1\n" - 1,
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], type_ignores=[])"},
    {PS_MODE_EXEC, "def f(a, /, b=2, *c, d, **e) -> int:\n    return a\n", sizeof "def f(a, /, b=2, *c, d, **e) -> int:\n    return a\n" - 1,
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a', lineno=1, col_offset=6, end_lineno=1, end_col_offset=7)], args=[arg(arg='b', lineno=1, col_offset=12, end_lineno=1, end_col_offset=13)], vararg=arg(arg='c', lineno=1, col_offset=18, end_lineno=1, end_col_offset=19), kwonlyargs=[arg(arg='d', lineno=1, col_offset=21, end_lineno=1, end_col_offset=22)], kw_defaults=[None], kwarg=arg(arg='e', lineno=1, col_offset=26, end_lineno=1, end_col_offset=27), defaults=[Constant(value=2, lineno=1, col_offset=14, end_lineno=1, end_col_offset=15)]), body=[Return(value=Name(id='a', ctx=Load(), lineno=2, col_offset=11, end_lineno=2, end_col_offset=12), lineno=2, col_offset=4, end_lineno=2, end_col_offset=12)], decorator_list=[], returns=Name(id='int', ctx=Load(), lineno=1, col_offset=32, end_lineno=1, end_col_offset=35), lineno=1, col_offset=0, end_lineno=2, end_col_offset=12)], type_ignores=[])"},
    {PS_MODE_EXEC, "async def f():\n    async with a as b, c:\n        await x\n", sizeof "async def f():\n    async with a as b, c:\n        await x\n" - 1,
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load(), lineno=2, col_offset=15, end_lineno=2, end_col_offset=16), optional_vars=Name(id='b', ctx=Store(), lineno=2, col_offset=20, end_lineno=2, end_col_offset=21)), withitem(context_expr=Name(id='c', ctx=Load(), lineno=2, col_offset=23, end_lineno=2, end_col_offset=24))], body=[Expr(value=Await(value=Name(id='x', ctx=Load(), lineno=3, col_offset=14, end_lineno=3, end_col_offset=15), lineno=3, col_offset=8, end_lineno=3, end_col_offset=15), lineno=3, col_offset=8, end_lineno=3, end_col_offset=15)], lineno=2, col_offset=4, end_lineno=3, end_col_offset=15)], decorator_list=[], lineno=1, col_offset=0, end_lineno=3, end_col_offset=15)], type_ignores=[])"},
    {PS_MODE_EXEC, "match p:\n    case [1, *rest] | {\"k\": v, **kw} if v: pass\n    case C(x=1): pass\n", sizeof "match p:\n    case [1, *rest] | {\"k\": v, **kw} if v: pass\n    case C(x=1): pass\n" - 1,
     "Module(body=[Match(subject=Name(id='p', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), cases=[match_case(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchValue(value=Constant(value=1, lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), MatchStar(name='rest', lineno=2, col_offset=13, end_lineno=2, end_col_offset=18)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=19), MatchMapping(keys=[Constant(value='k', lineno=2, col_offset=23, end_lineno=2, end_col_offset=26)], patterns=[MatchAs(name='v', lineno=2, col_offset=28, end_lineno=2, end_col_offset=29)], rest='kw', lineno=2, col_offset=22, end_lineno=2, end_col_offset=36)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=36), guard=Name(id='v', ctx=Load(), lineno=2, col_offset=40, end_lineno=2, end_col_offset=41), body=[Pass(lineno=2, col_offset=43, end_lineno=2, end_col_offset=47)]), match_case(pattern=MatchClass(cls=Name(id='C', ctx=Load(), lineno=3, col_offset=9, end_lineno=3, end_col_offset=10), patterns=[], kwd_attrs=['x'], kwd_patterns=[MatchValue(value=Constant(value=1, lineno=3, col_offset=13, end_lineno=3, end_col_offset=14), lineno=3, col_offset=13, end_lineno=3, end_col_offset=14)], lineno=3, col_offset=9, end_lineno=3, end_col_offset=15), body=[Pass(lineno=3, col_offset=17, end_lineno=3, end_col_offset=21)])], lineno=1, col_offset=0, end_lineno=3, end_col_offset=21)], type_ignores=[])"},
    {PS_MODE_EXEC, "f\"{a!r:>{w}} {b=}\"\n", sizeof "f\"{a!r:>{w}} {b=}\"\n" - 1,
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), conversion=114, format_spec=JoinedStr(values=[Constant(value='>', lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), FormattedValue(value=Name(id='w', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), Constant(value=' b=', lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=14, end_lineno=1, end_col_offset=15), conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=18), lineno=1, col_offset=0, end_lineno=1, end_col_offset=18)], type_ignores=[])"},
    {PS_MODE_EXEC, "try:\n    pass\nexcept* E as e:\n    pass\n", sizeof "try:\n    pass\nexcept* E as e:\n    pass\n" - 1,
     "Module(body=[TryStar(body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], handlers=[ExceptHandler(type=Name(id='E', ctx=Load(), lineno=3, col_offset=8, end_lineno=3, end_col_offset=9), name='e', body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8)], orelse=[], finalbody=[], lineno=1, col_offset=0, end_lineno=4, end_col_offset=8)], type_ignores=[])"},
    {PS_MODE_EXEC, "x = [y async for y in z if y]\n", sizeof "x = [y async for y in z if y]\n" - 1,
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=ListComp(elt=Name(id='y', ctx=Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), generators=[comprehension(target=Name(id='y', ctx=Store(), lineno=1, col_offset=17, end_lineno=1, end_col_offset=18), iter=Name(id='z', ctx=Load(), lineno=1, col_offset=22, end_lineno=1, end_col_offset=23), ifs=[Name(id='y', ctx=Load(), lineno=1, col_offset=27, end_lineno=1, end_col_offset=28)], is_async=1)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=29), lineno=1, col_offset=0, end_lineno=1, end_col_offset=29)], type_ignores=[])"},
    {PS_MODE_EVAL, "lambda x, *, y=1: (x, y)", sizeof "lambda x, *, y=1: (x, y)" - 1,
     "Expression(body=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x', lineno=1, col_offset=7, end_lineno=1, end_col_offset=8)], kwonlyargs=[arg(arg='y', lineno=1, col_offset=13, end_lineno=1, end_col_offset=14)], kw_defaults=[Constant(value=1, lineno=1, col_offset=15, end_lineno=1, end_col_offset=16)], defaults=[]), body=Tuple(elts=[Name(id='x', ctx=Load(), lineno=1, col_offset=19, end_lineno=1, end_col_offset=20), Name(id='y', ctx=Load(), lineno=1, col_offset=22, end_lineno=1, end_col_offset=23)], ctx=Load(), lineno=1, col_offset=18, end_lineno=1, end_col_offset=24), lineno=1, col_offset=0, end_lineno=1, end_col_offset=24))"},
    {PS_MODE_EXEC, "# coding: koi8-r\ns = \"\360\322\311\327\305\324\"\n", sizeof "# coding: koi8-r\ns = \"\360\322\311\327\305\324\"\n" - 1,
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1)], value=Constant(value='\320\237\321\200\320\270\320\262\320\265\321\202', lineno=2, col_offset=4, end_lineno=2, end_col_offset=18), lineno=2, col_offset=0, end_lineno=2, end_col_offset=18)], type_ignores=[])"},
    {PS_MODE_EXEC, "# -*- coding: cp1252 -*-\ns = \"\200\231\"\n", sizeof "# -*- coding: cp1252 -*-\ns = \"\200\231\"\n" - 1,
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1)], value=Constant(value='\342\202\254\342\204\242', lineno=2, col_offset=4, end_lineno=2, end_col_offset=12), lineno=2, col_offset=0, end_lineno=2, end_col_offset=12)], type_ignores=[])"},
    {PS_MODE_EXEC, "# vim: set fileencoding=mac-roman :\ns = \"\245\"\n", sizeof "# vim: set fileencoding=mac-roman :\ns = \"\245\"\n" - 1,
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=2, col_offset=0, end_lineno=2, end_col_offset=1)], value=Constant(value='\342\200\242', lineno=2, col_offset=4, end_lineno=2, end_col_offset=9), lineno=2, col_offset=0, end_lineno=2, end_col_offset=9)], type_ignores=[])"},
    {PS_MODE_EXEC, "\357\273\277s = \"\303\251\"\n", sizeof "\357\273\277s = \"\303\251\"\n" - 1,
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value='\303\251', lineno=1, col_offset=4, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], type_ignores=[])"},
    {PS_MODE_EXEC, "a = 1 if b else 2 if c else 3\n", sizeof "a = 1 if b else 2 if c else 3\n" - 1,
     "Module(body=[Assign(targets=[Name(id='a', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=IfExp(test=Name(id='b', ctx=Load(), lineno=1, col_offset=9, end_lineno=1, end_col_offset=10), body=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), orelse=IfExp(test=Name(id='c', ctx=Load(), lineno=1, col_offset=21, end_lineno=1, end_col_offset=22), body=Constant(value=2, lineno=1, col_offset=16, end_lineno=1, end_col_offset=17), orelse=Constant(value=3, lineno=1, col_offset=28, end_lineno=1, end_col_offset=29), lineno=1, col_offset=16, end_lineno=1, end_col_offset=29), lineno=1, col_offset=4, end_lineno=1, end_col_offset=29), lineno=1, col_offset=0, end_lineno=1, end_col_offset=29)], type_ignores=[])"},
    {PS_MODE_EXEC, "\357\274\241 = 1\n", sizeof "\357\274\241 = 1\n" - 1,
     "Module(body=[Assign(targets=[Name(id='A', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=3)], value=Constant(value=1, lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), lineno=1, col_offset=0, end_lineno=1, end_col_offset=7)], type_ignores=[])"},
};

static const struct error_case error_cases[] = {
    {"x = (\n", sizeof "x = (\n" - 1,
     "1:5: SyntaxError: '(' was never closed"},
    {"f(**a, *b)\n", sizeof "f(**a, *b)\n" - 1,
     "1:3: SyntaxError: iterable argument unpacking follows keyword argument unpacking"},
    {"def f():\nreturn\n", sizeof "def f():\nreturn\n" - 1,
     "2:1: IndentationError: expected an indented block after function definition on line 1"},
    {"if x:\n\011pass\n        pass\n", sizeof "if x:\n\011pass\n        pass\n" - 1,
     "3:1: TabError: inconsistent use of tabs and spaces in indentation"},
    {"x = \"\n", sizeof "x = \"\n" - 1,
     "1:5: SyntaxError: unterminated string literal (detected at line 1)"},
    {"1 = x\n", sizeof "1 = x\n" - 1,
     "1:1: SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?"},
    {"f\"{}\"\n", sizeof "f\"{}\"\n" - 1,
     "1:6: SyntaxError: f-string: empty expression not allowed"},
    {"x = 1 +\n", sizeof "x = 1 +\n" - 1,
     "1:8: SyntaxError: invalid syntax"},
    {"print \"x\"\n", sizeof "print \"x\"\n" - 1,
     "1:1: SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?"},
    {"# coding: koi8-r-x\n", sizeof "# coding: koi8-r-x\n" - 1,
     "0:-1: SyntaxError: unknown encoding: koi8-r-x"},
    {"# coding: rot13\nx = 1\n", sizeof "# coding: rot13\nx = 1\n" - 1,
     "0:-1: SyntaxError: 'rot13' is not a text encoding; use codecs.decode() to handle arbitrary codecs"},
    {"# coding: undefined\n", sizeof "# coding: undefined\n" - 1,
     "0:-1: SyntaxError: decoding with 'undefined' codec failed (UnicodeError: undefined encoding)"},
    {"# coding: cp1252\nx = \"\201\"\n", sizeof "# coding: cp1252\nx = \"\201\"\n" - 1,
     "0:-1: SyntaxError: 'charmap' codec can't decode byte 0x81 in position 22: character maps to <undefined>"},
    {"# coding: utf8\nx = 1  # \377\n", sizeof "# coding: utf8\nx = 1  # \377\n" - 1,
     "0:-1: SyntaxError: 'utf-8' codec can't decode byte 0xff in position 24: invalid start byte"},
    {"# coding: ascii\nx = \"\351\"\n", sizeof "# coding: ascii\nx = \"\351\"\n" - 1,
     "0:-1: SyntaxError: 'ascii' codec can't decode byte 0xe9 in position 21: ordinal not in range(128)"},
    {"\357\273\277# coding: latin-1\n", sizeof "\357\273\277# coding: latin-1\n" - 1,
     "0:-1: SyntaxError: encoding problem: iso-8859-1 with BOM"},
    {"# coding: utf-8\nx = \"abc\201\"\n", sizeof "# coding: utf-8\nx = \"abc\201\"\n" - 1,
     "2:9: SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0x81 in position 3: invalid start byte"},
    {"x = \"abc\201\"\n", sizeof "x = \"abc\201\"\n" - 1,
     "1:11: SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0x81 in position 3: invalid start byte"},
    {"x = 1\000\n", sizeof "x = 1\000\n" - 1,
     "ValueError: source code string cannot contain null bytes"},
    /* fuzz_parser: a tokenizer error after an f-string leaked its text */
    {"x = rb\"\\x00\" + f\"{\226!r\"} +0o\n", sizeof "x = rb\"\\x00\" + f\"{\226!r\"} +0o\n" - 1,
     "1:23: SyntaxError: unmatched '}'"},
    {"f\"{x:{y:{z}}}\"\n", sizeof "f\"{x:{y:{z}}}\"\n" - 1,
     "1:15: SyntaxError: f-string: expressions nested too deeply"},
    /* which error wins, and where (found by diffing the fuzz corpus
     * against CPython: tools/parse-corpus-check.py) */
    {"x y\n\377\n", sizeof "x y\n\377\n" - 1,
     "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
    {"x y\n  z\n w\n", sizeof "x y\n  z\n w\n" - 1,
     "1:3: SyntaxError: invalid syntax"},
    {" x\n1abc\n", sizeof " x\n1abc\n" - 1,
     "1:1: IndentationError: unexpected indent"},
    {"class A:\n    def f(self):\n        # c\nx = 1\n", sizeof "class A:\n    def f(self):\n        # c\nx = 1\n" - 1,
     "4:0: IndentationError: expected an indented block after function definition on line 2"},
    {"x = (1,\n2 3\n\\a)\n", sizeof "x = (1,\n2 3\n\\a)\n" - 1,
     "3:2: SyntaxError: unexpected character after line continuation character"},
    {"if x:\n  pass\n pass\n(\n", sizeof "if x:\n  pass\n pass\n(\n" - 1,
     "3:6: IndentationError: unindent does not match any outer indentation level"},
    {"with a as b\n  pass\n", sizeof "with a as b\n  pass\n" - 1,
     "1:12: SyntaxError: expected ':'"},
    {"with (a as b)\n  pass\n", sizeof "with (a as b)\n  pass\n" - 1,
     "1:14: SyntaxError: expected ':'"},
    {"if x:\n  if y:\n    @d\n  x = 1\n", sizeof "if x:\n  if y:\n    @d\n  x = 1\n" - 1,
     "4:2: IndentationError: unexpected unindent"},
    {"if a =c=d:\n  pass\n", sizeof "if a =c=d:\n  pass\n" - 1,
     "1:6: SyntaxError: invalid syntax"},
    {"x = (Non~)\n", sizeof "x = (Non~)\n" - 1,
     "1:9: SyntaxError: invalid syntax"},
    {"files = (f for p i  def r(self):\n", sizeof "files = (f for p i  def r(self):\n" - 1,
     "1:16: SyntaxError: invalid syntax. Perhaps you forgot a comma?"},
    {"x = 1\nf\"{1_}\"\n", sizeof "x = 1\nf\"{1_}\"\n" - 1,
     "2:3: SyntaxError: invalid decimal literal"},
    {"x = 1\nf\"{k\375= 42}\"\n", sizeof "x = 1\nf\"{k\375= 42}\"\n" - 1,
     "2:0: SyntaxError: f-string: (unicode error) 'utf-8' codec can't decode byte 0xfd in position 1: invalid start byte"},
    {"a != \"w\":\n", sizeof "a != \"w\":\n" - 1,
     "1:9: SyntaxError: invalid syntax"},
    {"a < b: int\n", sizeof "a < b: int\n" - 1,
     "1:1: SyntaxError: illegal target for annotation"},
    /* were accepted before */
    {"for (a in b) in c: pass\n", sizeof "for (a in b) in c: pass\n" - 1,
     "1:14: SyntaxError: invalid syntax"},
    {"a in b = 3\n", sizeof "a in b = 3\n" - 1,
     "1:1: SyntaxError: cannot assign to comparison"},
    {"def f():\n      u in pt = g()\n        h()\n", sizeof "def f():\n      u in pt = g()\n        h()\n" - 1,
     "2:7: SyntaxError: cannot assign to comparison"},
    {"class X:\n   p {{{{{aAss\n", sizeof "class X:\n   p {{{{{aAss\n" - 1,
     "2:10: SyntaxError: '{' was never closed"},
    {"class A:\n  def g(self):\n\n", sizeof "class A:\n  def g(self):\n\n" - 1,
     "3:1: IndentationError: expected an indented block after function definition on line 2"},
    {"if x:\n  try:\n    pass\n", sizeof "if x:\n  try:\n    pass\n" - 1,
     "3:9: SyntaxError: expected 'except' or 'finally' block"},
    {"def f():\n    try:\n        pass\nx = 1\n", sizeof "def f():\n    try:\n        pass\nx = 1\n" - 1,
     "4:0: SyntaxError: expected 'except' or 'finally' block"},
    {"for lambda: x in y: pass\n", sizeof "for lambda: x in y: pass\n" - 1,
     "1:5: SyntaxError: cannot assign to lambda"},
    {"for-*=x\n", sizeof "for-*=x\n" - 1,
     "1:4: SyntaxError: invalid syntax"},
    {"[a for not x in y]\n", sizeof "[a for not x in y]\n" - 1,
     "1:8: SyntaxError: cannot assign to expression"},
    {"x = f\"ab\303\251\377{a}\"\n", sizeof "x = f\"ab\303\251\377{a}\"\n" - 1,
     "1:16: SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"},
    {"x=1\nf\"{a b}\"\n", sizeof "x=1\nf\"{a b}\"\n" - 1,
     "2:2: SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?"},
    {"x=1\nf\"\"\"\n{a b}\"\"\"\n", sizeof "x=1\nf\"\"\"\n{a b}\"\"\"\n" - 1,
     "3:2: SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?"},
};

/* The result of parsing src as pyparse prints it: the dump, or the error
 * in the format of error_cases.  malloc'd. */
static char *outcome(const char *src, size_t len, ps_mode mode)
{
    ps_arena *arena = ps_arena_new();
    assert_non_null(arena);
    ps_error err;
    ps_error_init(&err);
    ps_mod *mod = ps_parse(src, len, "<test>", mode, 0, arena, &err);
    char *out;
    if (mod) {
        out = ps_dump_mod(mod, PS_DUMP_ATTRIBUTES, NULL);
        assert_int_equal(err.kind, PS_ERR_NONE);
    } else {
        out = malloc(PS_ERROR_MSG_MAX + 64);
        assert_non_null(out);
        if (err.kind == PS_ERR_VALUE || err.kind == PS_ERR_MEMORY
            || err.kind == PS_ERR_UNICODE_DECODE)
            snprintf(out, PS_ERROR_MSG_MAX + 64, "%s: %s", ps_error_kind_name(err.kind), err.msg);
        else
            snprintf(out, PS_ERROR_MSG_MAX + 64, "%d:%d: %s: %s", err.lineno, err.offset,
                     ps_error_kind_name(err.kind), err.msg);
    }
    assert_non_null(out);
    ps_error_clear(&err);
    ps_arena_free(arena);
    return out;
}

static void test_dumps(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof dump_cases / sizeof dump_cases[0]; i++) {
        const struct dump_case *c = &dump_cases[i];
        char *got = outcome(c->src, c->len, c->mode);
        if (strcmp(got, c->want) != 0)
            fail_msg("case %zu (%s):\n want %s\n got  %s", i, c->src, c->want, got);
        free(got);
    }
}

static void test_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        const struct error_case *c = &error_cases[i];
        char *got = outcome(c->src, c->len, PS_MODE_EXEC);
        if (strcmp(got, c->want) != 0)
            fail_msg("case %zu (%s):\n want %s\n got  %s", i, c->src, c->want, got);
        free(got);
    }
}

/* ---- nesting: every deep input ends in an error, never a stack overflow -- */

/* prefix * n + middle + suffix * n */
static char *repeat(const char *prefix, size_t n, const char *middle, const char *suffix,
                    size_t *len)
{
    size_t lp = strlen(prefix), lm = strlen(middle), ls = strlen(suffix);
    char *s = malloc(n * (lp + ls) + lm + 2);
    assert_non_null(s);
    char *o = s;
    for (size_t i = 0; i < n; i++, o += lp)
        memcpy(o, prefix, lp);
    memcpy(o, middle, lm);
    o += lm;
    for (size_t i = 0; i < n; i++, o += ls)
        memcpy(o, suffix, ls);
    *o++ = '\n';
    *o = '\0';
    *len = (size_t)(o - s);
    return s;
}

/* head + prefix * n + middle + suffix * n + tail */
static void expect_deep_in(const char *head, const char *prefix, size_t n, const char *middle,
                           const char *suffix, const char *tail, const char *want)
{
    size_t len, lh = strlen(head), lt = strlen(tail);
    char *body = repeat(prefix, n, middle, suffix, &len);
    char *src = malloc(lh + len + lt + 1);
    assert_non_null(src);
    memcpy(src, head, lh);
    memcpy(src + lh, body, len - 1);          /* without its newline */
    memcpy(src + lh + len - 1, tail, lt);
    src[lh + len - 1 + lt] = '\n';
    len = lh + len + lt;
    free(body);
    char *got = outcome(src, len, PS_MODE_EXEC);
    if (strcmp(got, want) != 0)
        fail_msg("%zu x '%s': want %s, got %s", n, prefix, want, got);
    free(got);
    free(src);
}

static void expect_deep(const char *prefix, size_t n, const char *middle, const char *suffix,
                        const char *want)
{
    expect_deep_in("", prefix, n, middle, suffix, "", want);
}

static void test_nesting(void **state)
{
    (void)state;
    /* CPython 3.11: the tokenizer allows 200 open brackets */
    expect_deep("(", 100000, "1", ")", "1:201: SyntaxError: too many nested parentheses");
    expect_deep("[", 100000, "", "]", "1:201: SyntaxError: too many nested parentheses");
    expect_deep("{", 100000, "", "}", "1:201: SyntaxError: too many nested parentheses");
    /* Past libparse's depth limit: MemoryError, as CPython's parser gives
     * for these (or RecursionError while building the ast objects). */
    expect_deep("-", 100000, "1", "", "MemoryError: ");
    expect_deep("not ", 100000, "x", "", "MemoryError: ");
    expect_deep("lambda: ", 100000, "1", "", "MemoryError: ");
    expect_deep("1 if x else ", 100000, "2", "", "MemoryError: ");
    expect_deep("2**", 100000, "2", "", "MemoryError: ");
    expect_deep("x.a", 100000, "", "", "MemoryError: ");
    expect_deep("1+", 100000, "1", "", "MemoryError: ");
    expect_deep("", 1, "if x: pass\n", "", "Module(body=[If(test=Name(id='x', ctx=Load(), "
                "lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), body=[Pass(lineno=1, "
                "col_offset=6, end_lineno=1, end_col_offset=10)], orelse=[], lineno=1, "
                "col_offset=0, end_lineno=1, end_col_offset=10)], type_ignores=[])");
    size_t len;
    char *chain = repeat("elif x: pass\n", 100000, "", "", &len);
    char *src = malloc(len + 16);
    assert_non_null(src);
    memcpy(src, "if x: pass\n", 11);
    memcpy(src + 11, chain, len + 1);
    char *got = outcome(src, len + 11, PS_MODE_EXEC);
    assert_string_equal(got, "MemoryError: ");
    free(got);
    free(src);
    free(chain);
    /* fuzz_parser (timeout): each level's invalid_for_target re-parse used
     * to re-parse the levels inside it again, 2^60 times here */
    expect_deep("(a for f(a.b for ", 60, "", ")", "1:1021: SyntaxError: invalid syntax");
    /* the expression of an f-string counts toward the same limits */
    expect_deep_in("f'{", "-", 100000, "1", "", "}'", "MemoryError: ");
    expect_deep_in("f'{", "(", 100000, "", "", "}'",
                   "1:100006: SyntaxError: f-string: too many nested parenthesis");
    expect_deep_in("f'{", "(", 199, "1", ")", "}'",
                   "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant("
                   "value=1, lineno=1, col_offset=202, end_lineno=1, end_col_offset=203), "
                   "conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=404)], "
                   "lineno=1, col_offset=0, end_lineno=1, end_col_offset=404), lineno=1, "
                   "col_offset=0, end_lineno=1, end_col_offset=404)], type_ignores=[])");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dumps),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_nesting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
