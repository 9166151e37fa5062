/*
 * posixsubprocess_internal.h — the plan fork_exec's parent prepares for
 * the child (everything converted to C before fork(), so the child does
 * not allocate).
 */
#ifndef STDLIB_POSIXSUBPROCESS_INTERNAL_H
#define STDLIB_POSIXSUBPROCESS_INTERNAL_H

#include <sys/types.h>

#include "libobject/object.h"

typedef struct PspPlan {
    char **argv;              /* NULL-terminated */
    char **envp;              /* NULL: inherit (execv) */
    char **exec_list;         /* candidate paths */
    int nexec;
    const char *cwd;          /* NULL: stay */
    int close_fds;
    int *keep;                /* sorted pass_fds (with errpipe_write) */
    int nkeep;
    int max_fd;               /* highest descriptor when close_range fails */
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite;
    int errpipe_read, errpipe_write;
    int restore_signals, call_setsid;
    pid_t pgid_to_set;        /* -1: leave */
    int has_gid, has_uid, has_groups;
    gid_t gid;
    uid_t uid;
    gid_t *groups;
    int ngroups;
    int child_umask;          /* -1: leave */
    KnObject *preexec_fn;     /* NULL: none */
} PspPlan;

/* Runs in the child after fork(); never returns. */
void psp_child(const PspPlan *p) __attribute__((noreturn));

#endif /* STDLIB_POSIXSUBPROCESS_INTERNAL_H */
