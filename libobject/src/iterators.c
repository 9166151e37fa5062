/*
 * iterators.c — pieces shared by every built-in iterator, the sequence
 * iterator (iter() of a class with only __getitem__) and the callable
 * iterator (iter(callable, sentinel)).
 */
#include "containers.h"

KnObject *ob_iter_self(KnObject *o)
{
    return o;
}
