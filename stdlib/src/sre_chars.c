/*
 * sre_chars.c — character classes, case mappings and character sets of
 * the regular-expression code (ASCII, C-locale and Unicode variants).
 */
#include "libobject/unicode.h"
#include "sre_internal.h"

uint32_t sre_lower_ascii(uint32_t ch)
{
    return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

static uint32_t upper_ascii(uint32_t ch)
{
    return ch >= 'a' && ch <= 'z' ? ch - 32 : ch;
}

/* CPython's one-code-point mappings (_PyUnicode_ToLowercase/ToUppercase):
 * the first code point of the full mapping (U+00DF uppercases to 'S',
 * U+0130 lowercases to 'i'). */
uint32_t sre_lower_unicode(uint32_t ch)
{
    if (ch < 128)
        return sre_lower_ascii(ch);
    uint32_t out[3];
    return ob_unicode_to_lower(ch, out) >= 1 ? out[0] : ch;
}

uint32_t sre_upper_unicode(uint32_t ch)
{
    if (ch < 128)
        return upper_ascii(ch);
    uint32_t out[3];
    return ob_unicode_to_upper(ch, out) >= 1 ? out[0] : ch;
}

/* Kiln runs with the C locale's ctype for bytes: ASCII rules. */
uint32_t sre_lower_locale(uint32_t ch)
{
    return ch < 256 ? sre_lower_ascii(ch) : ch;
}

uint32_t sre_upper_locale(uint32_t ch)
{
    return ch < 256 ? upper_ascii(ch) : ch;
}

static int is_digit(uint32_t ch)
{
    return ch >= '0' && ch <= '9';
}

static int is_space(uint32_t ch)
{
    return (ch >= 9 && ch <= 13) || ch == ' ';
}

static int is_word(uint32_t ch)
{
    return ch < 128 && (is_digit(ch) || (ch | 32) - 'a' < 26 || ch == '_');
}

static int uni_word(uint32_t ch)
{
    return ob_unicode_isalnum(ch) || ch == '_';
}

int sre_category(uint32_t cat, uint32_t ch)
{
    switch (cat) {
    case SRE_CAT_DIGIT: return is_digit(ch);
    case SRE_CAT_NOT_DIGIT: return !is_digit(ch);
    case SRE_CAT_SPACE: return is_space(ch);
    case SRE_CAT_NOT_SPACE: return !is_space(ch);
    case SRE_CAT_WORD: return is_word(ch);
    case SRE_CAT_NOT_WORD: return !is_word(ch);
    case SRE_CAT_LINEBREAK: return ch == '\n';
    case SRE_CAT_NOT_LINEBREAK: return ch != '\n';
    case SRE_CAT_LOC_WORD: return is_word(ch);
    case SRE_CAT_LOC_NOT_WORD: return !is_word(ch);
    case SRE_CAT_UNI_DIGIT: return ob_unicode_isdecimal(ch);
    case SRE_CAT_UNI_NOT_DIGIT: return !ob_unicode_isdecimal(ch);
    case SRE_CAT_UNI_SPACE: return ob_unicode_isspace(ch);
    case SRE_CAT_UNI_NOT_SPACE: return !ob_unicode_isspace(ch);
    case SRE_CAT_UNI_WORD: return uni_word(ch);
    case SRE_CAT_UNI_NOT_WORD: return !uni_word(ch);
    case SRE_CAT_UNI_LINEBREAK: return ob_unicode_islinebreak(ch);
    case SRE_CAT_UNI_NOT_LINEBREAK: return !ob_unicode_islinebreak(ch);
    default: return 0;
    }
}

#define C(i) ((i) < n ? code[i] : 0u)

int sre_charset(const uint32_t *code, kn_ssize_t n, kn_ssize_t pc, uint32_t ch)
{
    int ok = 1;
    for (;;) {
        if (pc >= n)
            return 0;
        switch (code[pc++]) {
        case SRE_OP_FAILURE:
            return !ok;
        case SRE_OP_LITERAL:
            if (ch == C(pc))
                return ok;
            pc++;
            break;
        case SRE_OP_CATEGORY:
            if (sre_category(C(pc), ch))
                return ok;
            pc++;
            break;
        case SRE_OP_CHARSET:
            if (pc + 8 > n)
                return 0;
            if (ch < 256 && (code[pc + ch / 32] & (1u << (ch & 31))))
                return ok;
            pc += 8;
            break;
        case SRE_OP_RANGE:
            if (C(pc) <= ch && ch <= C(pc + 1))
                return ok;
            pc += 2;
            break;
        case SRE_OP_RANGE_UNI_IGNORE: {
            if (C(pc) <= ch && ch <= C(pc + 1))
                return ok;
            uint32_t up = sre_upper_unicode(ch);
            if (C(pc) <= up && up <= C(pc + 1))
                return ok;
            pc += 2;
            break;
        }
        case SRE_OP_NEGATE:
            ok = !ok;
            break;
        case SRE_OP_BIGCHARSET: {
            /* <count> 64 words of block numbers (bytes, native order),
             * then count blocks of 8 words */
            uint32_t count = C(pc);
            pc++;
            if (pc + 64 + (kn_ssize_t)count * 8 > n)
                return 0;
            if (ch < 0x10000) {
                uint32_t block = ((const unsigned char *)(code + pc))[ch >> 8];
                if (block < count) {
                    const uint32_t *bits = code + pc + 64 + block * 8;
                    if (bits[(ch & 255) / 32] & (1u << (ch & 31)))
                        return ok;
                }
            }
            pc += 64 + (kn_ssize_t)count * 8;
            break;
        }
        default:
            return 0;       /* malformed set: no match */
        }
    }
}

int sre_charset_loc_ignore(const uint32_t *code, kn_ssize_t n, kn_ssize_t pc, uint32_t ch)
{
    if (sre_charset(code, n, pc, ch))
        return 1;
    uint32_t lo = sre_lower_locale(ch);
    if (lo != ch && sre_charset(code, n, pc, lo))
        return 1;
    uint32_t up = sre_upper_locale(ch);
    return up != ch && up != lo && sre_charset(code, n, pc, up);
}
