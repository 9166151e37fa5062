/*
 * zoneinfo_module.c — the `_zoneinfo` module: zoneinfo.ZoneInfo, the
 * IANA time zone tzinfo (PEP 615), with its instance caches.
 *
 * datetime.tzinfo is a Python class under Kiln, so the class users see is
 * made at import: ZoneInfo(_ZoneInfoBase, datetime.tzinfo), a heap class
 * whose state and methods all live in the static _ZoneInfoBase type.
 * Caches: ZoneInfo(key) looks in a weak-value dictionary (one object per
 * key while it lives) and keeps the 8 most recent keys alive in an
 * OrderedDict; each subclass gets its own pair from __init_subclass__
 * (the class attribute _weak_cache; the strong one is kept here).
 */
#include "libobject/libobject.h"
#include "libobject/args.h"
#include "libobject/descr.h"
#include "zoneinfo_internal.h"

KnObject *kn_init__zoneinfo(void);

#define ZI(o) ((ZoneInfoObject *)(o))
#define ZI_STRONG_SIZE 8

static KnTypeObject zi_base_type;
static KnObject *zi_class;          /* zoneinfo.ZoneInfo */
static KnObject *zi_weak, *zi_strong;
static KnObject *zi_sub_strong;     /* subclass -> its strong cache */
static int zi_creating;

static KnObject *zi_call_name(const char *module, const char *name)
{
    KnObject *m = zi_import(module);
    KnObject *f = m ? ob_getattr_str(m, name) : NULL;
    return f ? ob_call_noargs(f) : NULL;
}

static int zi_new_caches(KnObject **weak, KnObject **strong)
{
    *weak = zi_call_name("weakref", "WeakValueDictionary");
    *strong = *weak ? zi_call_name("collections", "OrderedDict") : NULL;
    return *strong == NULL ? -1 : 0;
}

static int zi_caches(KnObject *cls, KnObject **weak, KnObject **strong)
{
    if (cls == zi_class) {
        *weak = zi_weak;
        *strong = zi_strong;
        return 0;
    }
    *weak = ob_getattr_str(cls, "_weak_cache");
    if (*weak == NULL)
        return -1;
    *strong = ob_dict_getitem(zi_sub_strong, cls);
    if (*strong == NULL && !ob_err_occurred())
        ob_err_format(ob_exc_TypeError, "%s has no ZoneInfo cache", ((KnTypeObject *)cls)->tp_name);
    return *strong == NULL ? -1 : 0;
}

static ZoneInfoObject *zi_alloc(KnTypeObject *cls, KnObject *key)
{
    ZoneInfoObject *zi = (ZoneInfoObject *)ob_type_generic_alloc(cls, 0);
    if (zi != NULL)
        zi->key = key;
    return zi;
}

/* A new, uncached instance for key, read from TZPATH or the tzdata
 * package (zoneinfo._tzpath and zoneinfo._common do the finding). */
static KnObject *zi_load_key(KnTypeObject *cls, KnObject *key)
{
    KnObject *tzpath = zi_import("zoneinfo._tzpath");
    KnObject *find = tzpath ? ob_getattr_str(tzpath, "find_tzfile") : NULL;
    KnObject *path = find ? ob_call_onearg(find, key) : NULL;
    if (path == NULL)
        return NULL;
    KnObject *fobj;
    if (path == KN_None) {
        KnObject *common = zi_import("zoneinfo._common");
        KnObject *load = common ? ob_getattr_str(common, "load_tzdata") : NULL;
        fobj = load ? ob_call_onearg(load, key) : NULL;
    } else {
        KnObject *io = zi_import("io");
        KnObject *open = io ? ob_getattr_str(io, "open") : NULL;
        fobj = open ? ob_call(open, ob_tuple_pack(2, path, ob_str_from_cstr("rb")), NULL) : NULL;
    }
    ZoneInfoObject *zi = fobj ? zi_alloc(cls, key) : NULL;
    if (zi == NULL)
        return NULL;
    int r = zi_load_file(zi, fobj);
    KnObject *pending = r < 0 ? ob_err_fetch() : NULL;
    KnObject *closed = ob_call_method(fobj, "close", 0);
    if (pending != NULL) {
        ob_err_restore(pending);
        return NULL;
    }
    return closed == NULL ? NULL : (KnObject *)zi;
}

static KnObject *zi_cached(KnObject *cls, KnObject *key)
{
    KnObject *weak, *strong;
    if (zi_caches(cls, &weak, &strong) < 0)
        return NULL;
    KnObject *inst = ob_call_method(weak, "get", 2, key, KN_None);
    if (inst == NULL)
        return NULL;
    if (inst == KN_None) {
        KnObject *fresh = zi_load_key((KnTypeObject *)cls, key);
        if (fresh == NULL || (inst = ob_call_method(weak, "setdefault", 2, key, fresh)) == NULL)
            return NULL;
        if (ob_type_is_subtype(KN_TYPE(inst), &zi_base_type))
            ZI(inst)->from_cache = 1;
    }
    KnObject *held = ob_call_method(strong, "pop", 2, key, inst);
    if (held == NULL || ob_setitem(strong, key, held) < 0)
        return NULL;
    if (ob_length(strong) > ZI_STRONG_SIZE) {
        KnObject *kw = ob_dict_new();
        KnObject *popitem = ob_getattr_str(strong, "popitem");
        if (kw == NULL || popitem == NULL || ob_dict_setitem_str(kw, "last", KN_False) < 0
            || ob_call(popitem, ob_tuple_pack(0), kw) == NULL)
            return NULL;
    }
    return inst;
}

static KnObject *zi_new(KnTypeObject *cls, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"key", NULL};
    static const KnArgSpec spec = {"ZoneInfo", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    return zi_cached((KnObject *)cls, a[0]);
}

static KnObject *zi_no_cache(KnObject *cls, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"key", NULL};
    static const KnArgSpec spec = {"no_cache", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    KnObject *zi = zi_load_key((KnTypeObject *)cls, a[0]);
    if (zi != NULL)
        ZI(zi)->from_cache = 0;
    return zi;
}

static KnObject *zi_from_file(KnObject *cls, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"", "key", NULL};
    static const KnArgSpec spec = {"from_file", names, 1, 2, 0};
    KnObject *a[2] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    KnObject *file_repr = ob_repr(a[0]);
    ZoneInfoObject *zi = file_repr ? zi_alloc((KnTypeObject *)cls, a[1] ? a[1] : KN_None) : NULL;
    if (zi == NULL || zi_load_file(zi, a[0]) < 0)
        return NULL;
    zi->file_repr = file_repr;
    return (KnObject *)zi;
}

static KnObject *zi_clear_cache(KnObject *cls, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"only_keys", NULL};
    static const KnArgSpec spec = {"clear_cache", names, 0, 0, 0};
    KnObject *a[1] = {0}, *weak, *strong;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || zi_caches(cls, &weak, &strong) < 0)
        return NULL;
    if (a[0] == NULL || a[0] == KN_None) {
        if (ob_call_method(weak, "clear", 0) == NULL || ob_call_method(strong, "clear", 0) == NULL)
            return NULL;
        return KN_None;
    }
    KnObject *it = ob_get_iter(a[0]), *key;
    if (it == NULL)
        return NULL;
    while ((key = ob_iter_next(it)) != NULL)
        if (ob_call_method(weak, "pop", 2, key, KN_None) == NULL
            || ob_call_method(strong, "pop", 2, key, KN_None) == NULL)
            return NULL;
    return ob_err_occurred() ? NULL : KN_None;
}

static KnObject *zi_unpickle(KnObject *cls, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("_unpickle", nargs, 2, 2) < 0)
        return NULL;
    int from_cache = ob_is_true(args[1]);
    if (from_cache < 0)
        return NULL;
    if (from_cache)
        return zi_cached(cls, args[0]);
    return zi_no_cache(cls, args, 1, NULL);
}

static KnObject *zi_init_subclass(KnObject *cls, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)args;
    if (ob_args_check_positional("__init_subclass__", nargs, 0, 0) < 0
        || ob_args_no_keywords("__init_subclass__", kw) < 0)
        return NULL;
    if (zi_creating)
        return KN_None;
    KnObject *weak, *strong;
    if (zi_new_caches(&weak, &strong) < 0 || ob_setattr_str(cls, "_weak_cache", weak) < 0
        || ob_dict_setitem(zi_sub_strong, cls, strong) < 0)
        return NULL;
    return KN_None;
}

static KnObject *zi_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (ZI(self)->file_repr != NULL) {
        KnObject *pickle = zi_import("pickle");
        KnObject *err = pickle ? ob_getattr_str(pickle, "PicklingError") : NULL;
        if (err != NULL)
            ob_err_set_string((KnTypeObject *)err, "Cannot pickle a ZoneInfo file from a file stream.");
        return NULL;
    }
    KnObject *unpickle = ob_getattr_str((KnObject *)KN_TYPE(self), "_unpickle");
    if (unpickle == NULL)
        return NULL;
    return ob_tuple_pack(2, unpickle, ob_tuple_pack(2, ZI(self)->key, ob_int_from_long_long(ZI(self)->from_cache)));
}

/* The type for dt (None: only fixed-offset zones answer); which = 0
 * utcoffset, 1 dst, 2 tzname. */
static KnObject *zi_lookup(KnObject *self, KnObject *dt, int which)
{
    static const char *const rule_attr[] = {"utcoff", "dstoff", "tzname"};
    ZoneInfoObject *zi = ZI(self);
    ZiType *t;
    if (dt == KN_None) {
        if (!zi->fixed_offset)
            return KN_None;
        t = zi->after;
    } else {
        KnObject *rule;
        if (zi_find(zi, dt, &t, &rule) < 0)
            return NULL;
        if (rule != NULL)
            return ob_getattr_str(rule, rule_attr[which]);
    }
    if (t == NULL)
        return KN_None;
    return which == 0 ? t->utcoff : which == 1 ? t->dstoff : t->tzname;
}

static KnObject *zi_utcoffset(KnObject *self, KnObject *dt) { return zi_lookup(self, dt, 0); }
static KnObject *zi_dst(KnObject *self, KnObject *dt) { return zi_lookup(self, dt, 1); }
static KnObject *zi_tzname(KnObject *self, KnObject *dt) { return zi_lookup(self, dt, 2); }

static KnObject *zi_fromutc_meth(KnObject *self, KnObject *dt)
{
    KnObject *dtmod = zi_import("datetime");
    KnObject *dtcls = dtmod ? ob_getattr_str(dtmod, "datetime") : NULL;
    int ok = dtcls ? ob_isinstance(dt, dtcls) : -1;
    if (ok < 0)
        return NULL;
    if (!ok) {
        ob_err_set_string(ob_exc_TypeError, "fromutc: argument must be a datetime");
        return NULL;
    }
    KnObject *tz = ob_getattr_str(dt, "tzinfo");
    if (tz == NULL)
        return NULL;
    if (tz != self) {
        ob_err_set_string(ob_exc_ValueError, "fromutc: dt.tzinfo is not self");
        return NULL;
    }
    return zi_fromutc(ZI(self), dt);
}

static const char *zi_type_name(KnObject *self)
{
    return (KnObject *)KN_TYPE(self) == zi_class ? "zoneinfo.ZoneInfo" : KN_TYPE(self)->tp_name;
}

static KnObject *zi_repr(KnObject *self)
{
    if (ZI(self)->key != KN_None)
        return ob_str_from_format("%s(key=%R)", zi_type_name(self), ZI(self)->key);
    return ob_str_from_format("%s.from_file(%U)", zi_type_name(self), ZI(self)->file_repr);
}

static KnObject *zi_str(KnObject *self)
{
    if (ZI(self)->key != KN_None)
        return ob_str(ZI(self)->key);
    return zi_repr(self);
}

#define ZI_FC(f) ((KnCFunction)(void (*)(void))(f))
#define ZI_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

static KnMethodDef zi_methods[] = {
    {"utcoffset", ZI_FC(zi_utcoffset), KN_METH_O, "Retrieve a timedelta representing the UTC offset in a zone at the given datetime."},
    {"dst", ZI_FC(zi_dst), KN_METH_O, "Retrieve a timedelta representing the amount of DST applied in a zone at the given datetime."},
    {"tzname", ZI_FC(zi_tzname), KN_METH_O, "Retrieve a string containing the abbreviation for the time zone that applies in a zone at a given datetime."},
    {"fromutc", ZI_FC(zi_fromutc_meth), KN_METH_O, "Given a datetime with local time in UTC, retrieve an adjusted datetime in local time."},
    {"__reduce__", ZI_FC(zi_reduce), KN_METH_NOARGS, "Function for serialization with the pickle protocol."},
    {"no_cache", ZI_FC(zi_no_cache), ZI_KW | KN_METH_CLASS, "Get a new instance of ZoneInfo, bypassing the cache."},
    {"from_file", ZI_FC(zi_from_file), ZI_KW | KN_METH_CLASS, "Create a ZoneInfo file from a file object."},
    {"clear_cache", ZI_FC(zi_clear_cache), ZI_KW | KN_METH_CLASS, "Clear the ZoneInfo cache."},
    {"_unpickle", ZI_FC(zi_unpickle), KN_METH_FASTCALL | KN_METH_CLASS, "Private method used in unpickling."},
    {"__init_subclass__", ZI_FC(zi_init_subclass), ZI_KW | KN_METH_CLASS, "Function to initialize subclasses."},
    {NULL, NULL, 0, NULL}
};

static KnMemberDef zi_members[] = {
    {"key", KN_T_OBJECT, offsetof(ZoneInfoObject, key), KN_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static KnTypeObject zi_base_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_zoneinfo.ZoneInfo",
    .tp_basicsize = sizeof(ZoneInfoObject),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "The state and methods of zoneinfo.ZoneInfo.",
    .tp_weaklistoffset = offsetof(ZoneInfoObject, weakreflist),
    .tp_methods = zi_methods,
    .tp_members = zi_members,
    .tp_repr = zi_repr,
    .tp_str = zi_str,
    .tp_new = zi_new,
};

static KnObject *zi_make_class(void)
{
    KnObject *dtmod = zi_import("datetime");
    KnObject *tzinfo = dtmod ? ob_getattr_str(dtmod, "tzinfo") : NULL;
    KnObject *dict = ob_dict_new();
    if (tzinfo == NULL || dict == NULL || ob_dict_setitem_str(dict, "__module__", ob_str_from_cstr("zoneinfo")) < 0
        || ob_dict_setitem_str(dict, "__doc__", KN_None) < 0
        || ob_dict_setitem_str(dict, "__slots__", ob_tuple_pack(0)) < 0)
        return NULL;
    zi_creating = 1;
    KnObject *cls = ob_type_new(&ob_type_type, ob_str_from_cstr("ZoneInfo"),
                                ob_tuple_pack(2, (KnObject *)&zi_base_type, tzinfo), dict);
    zi_creating = 0;
    return cls;
}

KnObject *kn_init__zoneinfo(void)
{
    if (ob_type_ready(&zi_base_type) < 0)
        return NULL;
    if (zi_class == NULL) {
        KnObject *cls = zi_make_class();
        if (cls == NULL || zi_new_caches(&zi_weak, &zi_strong) < 0 || (zi_sub_strong = ob_dict_new()) == NULL)
            return NULL;
        zi_class = cls;
    }
    KnObject *mod = ob_module_new_cstr("_zoneinfo");
    if (mod == NULL || ob_module_add_object(mod, "ZoneInfo", zi_class) < 0)
        return NULL;
    return mod;
}
