"""Chrome in Chinese and Japanese: menus, related-post headings, comment areas, stamped lines.

The phrase rules of the other families match whole words between word boundaries;
Chinese and Japanese write no spaces, so a menu label is one long ``\\w+`` run and
those boundaries never fall. These phrases are matched anywhere inside a short block
instead: a label, a button or a heading, never a sentence of the article.
"""

from __future__ import annotations

import re

from cleaner.chrome.features import BlockFeatures
from cleaner.lexicon import CHINESE_JAPANESE_RE

#: blocks longer than this (in words; a CJK character counts half) are text, not labels
MAX_WORDS = 9
#: a label may add this many characters to its phrase ("留言列表 (12)", "分類：生活"); a
#: sentence that uses the word ("我們在山上分享了一壺熱茶") adds more
LABEL_EXTRA_CHARS = 6

#: each family's phrases, traditional and simplified Chinese and Japanese
_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("chrome:nav", (
        "首頁", "首页", "跳到主文", "跳至主要內容", "跳到主要内容", "回到頂端", "回到顶部", "返回頂部",
        "返回顶部", "上一篇", "下一篇", "上一頁", "下一頁", "上一页", "下一页", "網站導覽", "网站导航",
        "ホーム", "トップへ戻る", "ページの先頭へ", "ページトップ", "前の記事", "次の記事", "メニュー",
        "サイトマップ", "網站地圖", "网站地图", "▲top",
        # a loading indicator and an autoplay switch
        "正在加载", "加载中", "載入中", "加载更多", "載入更多", "読み込み中", "自动播放", "自動播放",
    )),
    ("chrome:related", (
        "相關文章", "相关文章", "熱門文章", "热门文章", "最新文章", "推薦文章", "推荐文章", "延伸閱讀",
        "延伸阅读", "您可能會有興趣", "你可能會有興趣", "你可能会感兴趣", "猜你喜歡", "猜你喜欢",
        "其他的文章", "其他文章", "相關新聞", "相关新闻", "熱門新聞", "热门新闻", "関連記事", "人気記事",
        "おすすめ記事", "最新記事", "新着記事", "関連ニュース",
    )),
    ("chrome:comments", (
        "留言列表", "發表留言", "发表留言", "我要留言", "發表評論", "发表评论", "評論", "评论", "回覆",
        "回复", "コメント", "コメントを書く", "返信",
    )),
    ("chrome:share", ("分享到", "分享至", "分享", "轉寄", "转发", "シェア", "ツイート", "ブックマーク")),
    ("chrome:login", ("登入", "登錄", "登录", "註冊", "注册", "ログイン", "会員登録", "新規登録")),
    ("chrome:copyright", (
        "版權所有", "版权所有", "著作權", "著作权", "隱私權", "隐私政策", "隱私政策", "免責聲明",
        "免责声明", "使用條款", "使用条款", "利用規約", "プライバシーポリシー", "無斷轉載", "禁止转载",
        "轉載須經", "转载须经", "無断転載",
    )),
    ("chrome:tags", ("全站分類", "個人分類", "個人分类", "文章分類", "文章分类", "分類：", "分类：",
                     "標籤：", "标签：", "カテゴリー", "タグ：")),
    ("chrome:ad", ("廣告", "广告", "広告", "贊助", "赞助", "スポンサー")),
)

_PATTERNS = tuple((reason, re.compile("|".join(re.escape(p) for p in phrases)))
                  for reason, phrases in _PHRASES)


def cjk_label(features: BlockFeatures) -> str | None:
    """A short block of Chinese or Japanese that names a piece of site chrome."""
    if features.words > MAX_WORDS or features.text.isascii():
        return None
    chars = len(CHINESE_JAPANESE_RE.findall(features.text))
    if not chars:
        return None
    for reason, pattern in _PATTERNS:
        match = pattern.search(features.text)
        if match and chars <= len(match.group()) + LABEL_EXTRA_CHARS:
            return reason
    return None


#: a headline linked with its source's name and a Japanese date stamp, as news lists
#: print them ("... 地域ニュース 4/12(水) 9:30"): an article's sentences end in "。"
_STAMPED_HEADLINE_RE = re.compile(r"\d{1,2}/\d{1,2}\s?[(（][月火水木金土日][)）]\s?\d{1,2}:\d{2}\W*$")
#: a Chinese article's publishing data under its headline or its editor under its text
#: ("发布时间：2021-06-01 10:15 来源：...", "责任编辑：李华")
_POST_META_RE = re.compile(
    r"^\W*(?:发稿时间|发布时间|發布時間|發佈時間|发表时间|發表時間|更新时间|更新時間|来源|來源|责任编辑|責任編輯"
    r"|编辑|編輯|最終更新|更新日時|配信日時|投稿日)\s?[：:]")
#: longest line (characters) either may be
STAMPED_MAX_CHARS = 120


def cjk_stamped_line(features: BlockFeatures) -> str | None:
    """A short Chinese or Japanese line of list or article metadata that opens or ends
    with its stamp: a linked headline with its date, the publishing data, the editor."""
    text = features.text
    if len(text) > STAMPED_MAX_CHARS or text.isascii() or not CHINESE_JAPANESE_RE.search(text):
        return None
    if _POST_META_RE.match(text):
        return "chrome:post-meta"
    if _STAMPED_HEADLINE_RE.search(text):
        return "chrome:related"
    return None


#: a page's notice that its scripts are off, in Japanese and Chinese: "JavaScriptが無効に
#: なっています", "请启用 JavaScript", "您的瀏覽器已停用 JavaScript"
_SCRIPT_NOTICE_RE = re.compile(
    r"javascript\s?(?:が|は|を|の設定を?)\s?(?:無効|有効|オフ|オン)"
    r"|(?:启用|啟用|开启|開啟|允许|允許|打开|打開|禁用|停用|关闭|關閉)\s?javascript"
    r"|javascript\s?(?:已|被)?\s?(?:禁用|停用|关闭|關閉)")
#: longest block (characters) the notice may be: a banner, markup and all
SCRIPT_NOTICE_MAX_CHARS = 400


def cjk_script_notice(features: BlockFeatures) -> str | None:
    """The banner a page prints where its scripts do not run (``chrome:embed``)."""
    text = features.text
    if len(text) > SCRIPT_NOTICE_MAX_CHARS or text.isascii() or "javascript" not in features.lower:
        return None
    return "chrome:embed" if _SCRIPT_NOTICE_RE.search(features.lower) else None


RULES = (cjk_label, cjk_stamped_line, cjk_script_notice)
