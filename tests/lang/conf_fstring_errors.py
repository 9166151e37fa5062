# f-string error wording, backslashes before braces, invalid-escape
# DeprecationWarnings reaching the warnings machinery, "(**x)".
import warnings


def check(src):
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset)
    else:
        print(repr(src), "-> ok")


for src in ["f'{}'", "f'{ }'", "f'{!r}'", "f'{ !r}'", "f'{!}'", "f'{!x:a}'", "f'{!'",
            "f'{:}'", "f'{ :!}'", "f'{:2}'", "f'{:'", "f'{=}'", "f'{ =}'", "f'{   =!}'",
            "f'''{\t\f\r\n=}'''", "f'{**a}'", "f'{*a}'", "(**a)", "print((**a, 1))",
            "f'{a!r=}'", "f'{10:{ }}'"]:
    check(src)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(eval(r"f'\{6*7}'"), eval(r"f'a\}}'"), eval(r"'\d'"), eval(r"f'\d{1}'"))
    print(f'\\{6*7}', fr'\{6*7}')
for w in caught:
    print(w.category.__name__, w.message, w.lineno)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in [r"f'\{6*7}'", r"'\d'", r"b'\d'", "1 is 1"]:
        check(src)
