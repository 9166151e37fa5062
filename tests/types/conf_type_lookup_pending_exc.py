# A failing __getattribute__ leaves AttributeError pending while the slot
# looks for __getattr__ along the MRO; that lookup must keep the exception
# (it used to be dropped on a method-cache miss: SystemError).
class M(type):
    def __getattribute__(cls, name):
        return super().__getattribute__(name)


class X(metaclass=M):
    a = 1


for i in range(3):
    M.extra = i        # a new version tag: the next lookups on M miss the cache
    try:
        getattr(X, 'nope')
    except AttributeError as e:
        print(i, 'AttributeError', e)
print(getattr(X, 'nope', 'default'), X.a)


class G(M):
    def __getattr__(cls, name):
        return 'fallback ' + name


class Y(metaclass=G):
    pass


G.extra = 1
print(Y.missing)
