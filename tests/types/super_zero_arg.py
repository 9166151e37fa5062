# Zero-argument super(): how the __class__ cell and the first argument are
# found, and the RuntimeErrors when they are not.
import types


def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


class Base:
    def __init__(self, *args, **kw):
        self.init_args = (args, kw)

    def who(self):
        return 'Base.who'

    @classmethod
    def cm(cls):
        return 'Base.cm ' + cls.__name__

    @staticmethod
    def sm():
        return 'Base.sm'


class Child(Base):
    def __init__(self, *args, **kw):
        super().__init__(*args, extra=1, **kw)

    def who(self):
        return 'Child>' + super().who()

    @classmethod
    def cm(cls):
        return 'Child>' + super().cm()

    @staticmethod
    def sm_no_args():
        return super().sm()

    @staticmethod
    def sm_with_arg(x):
        return super().who()

    def nested(self):
        def inner():
            return super().who()
        return inner()

    def nested_with_self(self):
        def inner(me):
            return super().who()
        return inner(self)

    def in_comprehension(self):
        return [super().who() for _ in range(2)]

    def in_genexp(self):
        return list(super().who() for _ in range(2))

    def in_lambda(self):
        return (lambda: super().who())()

    def deleted_self(self):
        del self
        return super().who()

    def deleted_self_cell(self):
        def keep():
            return self
        del self
        return super().who()

    def rebound_self(self):
        self = 42
        return super().who()

    def self_as_cell(self):
        def get():
            return self
        return super().who() + ' ' + type(get()).__name__

    def varargs_only(*args):
        return super().who()

    def kwonly_only(*, me):
        return super().who()

    def class_used_too(self):
        return __class__.__name__ + ' ' + super().who()


c = Child(1, k=2)
print(c.init_args)
show('who', c.who)
show('classmethod', Child.cm)
show('classmethod via instance', c.cm)
show('staticmethod no args', Child.sm_no_args)
show('staticmethod with arg', Child.sm_with_arg, c)
show('staticmethod wrong arg', Child.sm_with_arg, 3)
show('nested no args', c.nested)
show('nested with arg', c.nested_with_self)
show('comprehension', c.in_comprehension)
show('genexp', c.in_genexp)
show('lambda', c.in_lambda)
show('deleted self', c.deleted_self)
show('deleted self cell', c.deleted_self_cell)
show('rebound self', c.rebound_self)
show('self as cell', c.self_as_cell)
show('varargs only', c.varargs_only)
show('kwonly only', Child.kwonly_only, me=c)
show('__class__ used too', c.class_used_too)


def outside():
    return super()


def outside_arg(x):
    return super()


show('module level, no args', outside)
show('module level, one arg', outside_arg, 1)

# An empty __class__ cell: super() called while the class body runs.
try:
    class Early(Base):
        def m(self):
            return super().who()
        show('empty cell', m, Base())
except Exception as e:
    print('class body', type(e).__name__, e)


# __class__ not a type: a function rebuilt with a foreign closure cell.
def not_a_type_cell(value):
    fn = Child.who
    cell = types.CellType(value)
    return types.FunctionType(fn.__code__, fn.__globals__, 'who', None, (cell,))


show('__class__ is an int', not_a_type_cell(5), c)
show('__class__ unrelated type', not_a_type_cell(int), c)
show('__class__ other class', not_a_type_cell(Child), Child())

# A code object whose names are not the compiler's interned strings.
code = Child.who.__code__
fresh = ''.join(['__cla', 'ss__'])
renamed = code.replace(co_freevars=(fresh,))
f = types.FunctionType(renamed, Child.who.__globals__, 'who', None, Child.who.__closure__)
show('rebuilt code, equal name', f, c)
other = code.replace(co_freevars=('__klass__',))
f = types.FunctionType(other, Child.who.__globals__, 'who', None, Child.who.__closure__)
show('rebuilt code, other name', f, c)
other = code.replace(co_freevars=('_x_class__',))
f = types.FunctionType(other, Child.who.__globals__, 'who', None, Child.who.__closure__)
show('rebuilt code, same length name', f, c)


# Many free variables around __class__.
class Many(Base):
    def m(self):
        a = b = z = _ = 1
        def inner(me):
            return a + b + z + _ + len(super().who())
        return inner(self)


show('many free vars', Many().m)


# Deep hierarchy and repeated calls (the hot path).
class A1(Base):
    def __init__(self, n):
        super().__init__(n)


class A2(A1):
    def __init__(self, n):
        super().__init__(n + 1)


class A3(A2):
    def __init__(self, n):
        super().__init__(n + 1)


print(sum(A3(i).init_args[0][0] for i in range(1000)))
