/*
 * bench_alloc.c -- allocation throughput of libgc's entry points.
 *
 *     build/release/bench/libgc/bench_alloc [count] [size] [threads]
 *
 * Allocates `count` objects of `size` bytes (default 50M x 32) through each
 * entry point, writing one word of every object (the way an interpreter
 * fills a fresh int or float), and prints the wall-clock time per entry
 * point, twice.  With threads > 1 every thread allocates `count` objects at once.
 */
#define GC_THREADS 1
#define GC_NO_THREAD_REDIRECTS 1
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <gc/gc.h>
#include <libgc/gc.h>

struct run {
    void *(*fn)(size_t);
    long count;
    size_t size;
};

static volatile uintptr_t sink;

static void *loop(void *arg)
{
    struct run *r = arg;
    uintptr_t acc = 0;
    for (long i = 0; i < r->count; i++) {
        intptr_t *p = r->fn(r->size);
        if (p == NULL) {
            fprintf(stderr, "allocation failed\n");
            exit(1);
        }
        p[1] = i;
        acc += (uintptr_t)p;
    }
    sink = acc;
    return NULL;
}

static void *thread_main(void *arg)
{
    kgc_thread_register();
    loop(arg);
    kgc_thread_unregister();
    return NULL;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *plain_gc_malloc(size_t n) { return GC_malloc(n); }

static void bench(const char *name, struct run *r, int threads)
{
    double t0 = now();
    if (threads <= 1) {
        loop(r);
    } else {
        pthread_t tid[64];
        for (int i = 0; i < threads && i < 64; i++)
            pthread_create(&tid[i], NULL, thread_main, r);
        for (int i = 0; i < threads && i < 64; i++)
            pthread_join(tid[i], NULL);
    }
    double t = now() - t0;
    printf("%-26s %ld x %zu bytes x %d thread(s): %.3f s  (%.1f ns/alloc)\n",
           name, r->count, r->size, threads, t,
           t * 1e9 / (double)r->count / (threads > 1 ? threads : 1));
}

int main(int argc, char **argv)
{
    long count = argc > 1 ? atol(argv[1]) : 50000000L;
    size_t size = argc > 2 ? (size_t)atol(argv[2]) : 32;
    int threads = argc > 3 ? atoi(argv[3]) : 1;
    kgc_init();
    struct { const char *name; void *(*fn)(size_t); } eps[] = {
        { "kgc_alloc_object", kgc_alloc_object },
        { "kgc_alloc_weakref_object", kgc_alloc_weakref_object },
        { "kgc_alloc", kgc_alloc },
        { "kgc_alloc_atomic", kgc_alloc_atomic },
        { "GC_malloc (reference)", plain_gc_malloc },
    };
    /* Two passes: the first also grows the heap to its working size. */
    for (int pass = 1; pass <= 2; pass++) {
        printf("pass %d\n", pass);
        for (size_t i = 0; i < sizeof eps / sizeof eps[0]; i++) {
            struct run r = { eps[i].fn, count, size };
            bench(eps[i].name, &r, threads);
        }
    }
    return 0;
}
