/*
 * cjk_modules.c — the _codecs_cn, _codecs_jp, _codecs_kr, _codecs_tw and
 * _codecs_hk, _codecs_iso2022 modules: each only has getcodec(name), returning the
 * MultibyteCodec object of one of its encodings (the names the stdlib's
 * encodings/<name>.py modules ask for).
 */
#include "cjk_internal.h"

KnObject *kn_init__codecs_cn(void);
KnObject *kn_init__codecs_jp(void);
KnObject *kn_init__codecs_kr(void);
KnObject *kn_init__codecs_tw(void);
KnObject *kn_init__codecs_hk(void);
KnObject *kn_init__codecs_iso2022(void);

#define TABLE_CODEC(id) \
    static const CjkCodec codec_##id = {#id, &cjk_table_##id, cjk_table_decode, \
                                        cjk_table_encode, NULL, NULL, NULL, NULL, NULL}

TABLE_CODEC(gb2312);
TABLE_CODEC(gbk);
TABLE_CODEC(gb18030);
TABLE_CODEC(shift_jis);
TABLE_CODEC(cp932);
TABLE_CODEC(euc_jp);
TABLE_CODEC(shift_jis_2004);
TABLE_CODEC(shift_jisx0213);
TABLE_CODEC(euc_jis_2004);
TABLE_CODEC(euc_jisx0213);
TABLE_CODEC(euc_kr);
TABLE_CODEC(cp949);
TABLE_CODEC(johab);
TABLE_CODEC(big5);
TABLE_CODEC(cp950);
TABLE_CODEC(big5hkscs);

static const CjkCodec *const cn_codecs[] = {&codec_gb2312, &codec_gbk, &codec_gb18030,
                                            &cjk_codec_hz};
static const CjkCodec *const jp_codecs[] = {&codec_shift_jis, &codec_cp932, &codec_euc_jp,
                                            &codec_shift_jis_2004, &codec_shift_jisx0213,
                                            &codec_euc_jis_2004, &codec_euc_jisx0213};
static const CjkCodec *const kr_codecs[] = {&codec_euc_kr, &codec_cp949, &codec_johab};
static const CjkCodec *const tw_codecs[] = {&codec_big5, &codec_cp950};
static const CjkCodec *const hk_codecs[] = {&codec_big5hkscs};
static const CjkCodec *const iso2022_codecs[] = {
    &cjk_codec_iso2022_jp, &cjk_codec_iso2022_jp_1, &cjk_codec_iso2022_jp_2,
    &cjk_codec_iso2022_jp_2004, &cjk_codec_iso2022_jp_3, &cjk_codec_iso2022_jp_ext,
    &cjk_codec_iso2022_kr};

#define N(a) (sizeof a / sizeof a[0])
#define GETCODEC(mod, list) \
    static KnObject *getcodec_##mod(KnObject *m, KnObject *name) \
    { \
        (void)m; \
        return cjk_getcodec(list, N(list), name); \
    }

GETCODEC(cn, cn_codecs)
GETCODEC(jp, jp_codecs)
GETCODEC(kr, kr_codecs)
GETCODEC(tw, tw_codecs)
GETCODEC(hk, hk_codecs)
GETCODEC(iso2022, iso2022_codecs)

#define CJ_FC(f) ((KnCFunction)(void (*)(void))(f))

static KnObject *make_module(const char *name, KnObject *(*getcodec)(KnObject *, KnObject *),
                             KnMethodDef *defs)
{
    defs[0] = (KnMethodDef){"getcodec", CJ_FC(getcodec), KN_METH_O, NULL};
    KnObject *mod = ob_module_new_cstr(name);
    if (mod == NULL || ob_module_add_functions(mod, defs) < 0)
        return NULL;
    return mod;
}

#define INIT(mod) \
    KnObject *kn_init__codecs_##mod(void) \
    { \
        static KnMethodDef defs[2]; \
        return make_module("_codecs_" #mod, getcodec_##mod, defs); \
    }

INIT(cn)
INIT(jp)
INIT(kr)
INIT(tw)
INIT(hk)
INIT(iso2022)
