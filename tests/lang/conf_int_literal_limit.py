# Huge int literals: decimal ones past sys.get_int_max_str_digits() are a
# SyntaxError at compile/ast.parse time; hex ones have no limit.
import sys
for src in ['3'*4301, '0x' + 'f'*4000, '-' + '3'*4301, '3'*4300]:
    for how in ('compile', 'ast'):
        try:
            if how == 'compile':
                v = eval(compile(src, 's', 'eval'))
            else:
                import ast; v = ast.parse(src).body[0].value.value
            print(how, len(src), 'ok')
        except (SyntaxError, ValueError) as e:
            print(how, len(src), type(e).__name__, e, getattr(e, 'lineno', None), getattr(e, 'offset', None))
import sys; sys.set_int_max_str_digits(5000); print(len(str(eval("3"*4500))))
