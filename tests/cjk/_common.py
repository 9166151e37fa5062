"""Shared by the tests in tests/cjk: the codecs under test."""
import hashlib

CODECS = {
    "_codecs_cn": ["gb2312", "gbk", "gb18030", "hz"],
    "_codecs_jp": ["shift_jis", "cp932", "euc_jp", "shift_jis_2004", "shift_jisx0213",
                   "euc_jis_2004", "euc_jisx0213"],
    "_codecs_kr": ["euc_kr", "cp949", "johab"],
    "_codecs_tw": ["big5", "cp950"],
    "_codecs_hk": ["big5hkscs"],
    "_codecs_iso2022": ["iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004",
                        "iso2022_jp_3", "iso2022_jp_ext", "iso2022_kr"],
}
ALL = [name for names in CODECS.values() for name in names]

# A sample every codec can encode (ASCII, kana, common kanji/hanzi), and
# one per family with its own characters.
COMMON = "Python 3.11 \u306e\u4e2d\u5fc3\u306f\u4e2d\u6587\u5b57\u5178\n\u4e00\u4e8c\u4e09 abc ~\\{} \u3000\u3001\u3002"
SAMPLES = {
    "gb2312": COMMON + "\u554a\u963f\u57c3\u6328 \u2116\u2460",
    "gbk": COMMON + "\u4e02\u4e04 \u00b7",
    "gb18030": COMMON + "\u00e9\u20ac\U00010000\U0010ffff\ue5e5\u00ac",
    "hz": "ab~cd\n\u554a\u963f\nxyz~\u57c3",
    "shift_jis": COMMON + "\uff71\uff72 \u00a5\u203e",
    "cp932": COMMON + "\u2460\u2161\uff5e\u2252",
    "euc_jp": COMMON + "\uff71\u4e28\u00a5",
    "shift_jis_2004": COMMON + "\u304b\u309a\u00e6\u0300\U00020089",
    "shift_jisx0213": COMMON + "\u304b\u309a\u00e6\u0300",
    "euc_jis_2004": COMMON + "\u304b\u309a\u00e6\u0300\U00020089",
    "euc_jisx0213": COMMON + "\u304b\u309a\u00e6\u0300",
    "euc_kr": "\ud30c\uc774\uc36c \ub9c8\uc744 \uac02\ud7a3 abc",
    "cp949": "\ud30c\uc774\uc36c \ub9c8\uc744 \uac02\ud7a3 abc",
    "johab": "\ud30c\uc774\uc36c \ub9c8\uc744 \uac02\ud7a3 abc \u3131",
    "big5": COMMON[:12] + "\u4e2d\u6587\u5b57 \u3000\uff0c",
    "cp950": COMMON[:12] + "\u4e2d\u6587\u5b57 \u20ac",
    "big5hkscs": COMMON[:12] + "\u4e2d\u6587 \u00ca\u0304\u00ca\U00020021",
    "iso2022_jp": COMMON + "\xa5\u203e a\u3042\n",
    "iso2022_jp_1": COMMON + "\u4e02\xa5\u3042",
    "iso2022_jp_2": COMMON + "\uac00\u554a\xe9\u0391a\u3042",
    "iso2022_jp_2004": COMMON + "\u3406\u304b\u3042",
    "iso2022_jp_3": COMMON + "\u3406\u304ba",
    "iso2022_jp_ext": COMMON + "\uff71\uff72\xa5\u4e02",
    "iso2022_kr": "\ud30c\uc774\uc36c \ub9c8\uc744\nabc \uac00\n\uac00",
}


def digest(data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


def describe(exc):
    return "%s: %s (%r, %d, %d, %r)" % (type(exc).__name__, exc, exc.encoding, exc.start,
                                        exc.end, exc.reason)
