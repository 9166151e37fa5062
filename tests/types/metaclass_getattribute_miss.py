# A metaclass __getattribute__ that delegates to type's: a missing name must
# come back as AttributeError (getattr's default, hasattr False) even when
# the lookup of __getattr__ misses the type attribute cache (many classes).
class Dep(type):
    def __getattribute__(cls, name):
        return super().__getattribute__(name)


class Holder(metaclass=Dep):
    IO = 1


classes = [type("C%d" % i, (), {"_fields": (), "__doc__": "x"}) for i in range(300)]
for i in range(3):
    print(getattr(Holder, "__warningregistry__", None), hasattr(Holder, "missing%d" % i))
    try:
        Holder.nothing_here
    except AttributeError as e:
        print("AttributeError:", e)
print(Holder.IO, len(classes))
