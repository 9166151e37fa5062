/* libobject/libobject.h — every public libobject header. */
#ifndef LIBOBJECT_LIBOBJECT_H
#define LIBOBJECT_LIBOBJECT_H

#include "libobject/object.h"
#include "libobject/tstate.h"
#include "libobject/errors.h"
#include "libobject/exceptions.h"
#include "libobject/abstract.h"
#include "libobject/args.h"
#include "libobject/type.h"
#include "libobject/descr.h"
#include "libobject/module.h"
#include "libobject/singletons.h"
#include "libobject/runtime.h"
#include "libobject/int.h"
#include "libobject/float.h"
#include "libobject/str.h"
#include "libobject/bytes.h"
#include "libobject/tuple.h"
#include "libobject/list.h"
#include "libobject/dict.h"

#endif /* LIBOBJECT_LIBOBJECT_H */
