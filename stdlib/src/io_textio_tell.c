/*
 * io_textio_tell.c — TextIOWrapper.tell(): which byte offset corresponds to
 * the next character to be returned.
 *
 * Kiln's cookie is a plain byte offset at which decoding restarts from a
 * clean state (no cut character, no held-back '\r').  To find it we replay
 * the snapshot — the bytes decoded since chars[0], which began in a clean
 * state — step by step with io_codec_step and the newline rules, counting
 * the characters produced, and take the last step boundary where
 * exactly `charpos` characters came out and no '\r' is held (past input
 * that decodes to nothing, such as bytes under errors='ignore', as
 * CPython's cookie is).
 */
#include "io_textio.h"

kn_ssize_t io_text_snapshot_offset(IoText *t)
{
    kn_ssize_t target = t->charpos;
    if (target == 0)
        return 0;
    const uint8_t *s = (const uint8_t *)t->snap.data;
    kn_ssize_t n = t->snap.len, i = 0, o = 0, best = -1;
    int held = 0;
    while (i < n && o <= target) {
        if (t->bom_len > 0 && i == t->bom_at) {
            i += t->bom_len;            /* a BOM gives no character */
            continue;
        }
        uint32_t out[16];
        int k, step = io_codec_step(&t->codec, t->err, s + i, n - i, t->eof, out, &k);
        if (step <= 0)
            break;
        for (int j = 0; j < k; j++) {
            uint32_t c = out[j];
            if (t->readuniversal) {
                if (held) {
                    held = 0;
                    if (c == '\n' && t->readtranslate) {
                        o++;
                        continue;
                    }
                    o++;                    /* the '\r' comes out now */
                    if (o == target && j == 0)
                        best = i;
                    if (c == '\n') {
                        o++;
                        continue;
                    }
                }
                if (c == '\r') {
                    held = 1;
                    continue;
                }
            }
            o++;
        }
        i += step;
        if (o == target && !held)
            best = i;
    }
    if (held && t->eof && o + 1 == target)
        best = i;
    if (best >= 0)
        return best;
    ob_err_set_string(ob_exc_OSError, "can't reconstruct logical file position");
    return -1;
}
