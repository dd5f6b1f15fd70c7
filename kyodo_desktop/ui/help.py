"""Help in plain Japanese: one page per screen (F1 shows the page of the screen in front), and a
short guided tour for the first start.

The texts are written for officers who have not used such a program before: what the screen is
for, the few things most people do there, and where to go when something goes wrong. No jargon
(「レコード」「インポート」 …): the words of the screens themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.ui.i18n import tr

_COMMON = QT_TRANSLATE_NOOP(
    "", "<h3>困ったときは</h3><ul>"
    "<li>まちがえて変えてしまったときは、世帯の画面なら <b>Ctrl+Z</b> で元に戻せます。"
    "それでも戻らないときは「ファイル」→「バックアップから復元…」。台帳は開くたび・閉じるたびに自動で保存されています。</li>"
    "<li>文字が小さいときは「設定」→「表示」で大きくできます（200%まで）。</li>"
    "<li>席を離れるときは <b>Ctrl+L</b> で画面をロックしてください。名簿は個人情報です。</li></ul>"
)

#: page key (main_window.NAV) → (title, body as simple HTML)
PAGES: dict[str, tuple[str, str]] = {
    "home": (QT_TRANSLATE_NOOP("", "ホーム"), QT_TRANSLATE_NOOP("",
        "<p>町会の今の様子をひと目で見る画面です。世帯数・会員数・65歳以上・75歳以上の人数、班ごとの数、最近の変更が出ます。</p>"
        "<p>下の「活動の見える化」では、年度を選ぶと、年齢の分布、加入率の移り変わり、行事への参加などのグラフが出ます。"
        "同じ内容を「活動のまとめ」として1枚に印刷し、総会や回覧に使えます（名前は出ません）。</p>"
        "<p>災害のときは右上の大きな <b>「安否確認」</b> ボタンから、すぐに安否確認の画面へ移れます。</p>")),
    "register": (QT_TRANSLATE_NOOP("", "名簿"), QT_TRANSLATE_NOOP("",
        "<p>世帯と会員の名簿です。上の欄に名前かフリガナを入れると、入れたそばから絞り込まれます"
        "（ひらがな・カタカナ、髙と高のような字の違いは気にしなくてかまいません）。</p>"
        "<ul><li>世帯を開くには、行をダブルクリックするか、選んで Enter キー。</li>"
        "<li>新しい世帯は「世帯を追加」。転出・死亡は世帯の画面で日付とともに記録します（消しません）。</li>"
        "<li>回覧の順番は「回覧順を上へ／下へ」で変えられます。</li>"
        "<li>班長さんには、自分の班だけが見えます。</li></ul>")),
    "events": (QT_TRANSLATE_NOOP("", "行事"), QT_TRANSLATE_NOOP("",
        "<p>行事・担い手・協力団体・地域課題を記録する画面です。上のタブで切り替えます。</p>"
        "<ul><li><b>行事</b>: 年度ごとの行事。参加者は名簿から選びます。個人ごとの記録に同意していない人は、"
        "年代ごとの人数だけが残ります。受付名簿と出欠表を班ごとに印刷できます。</li>"
        "<li><b>担い手</b>: 手伝える人の得意なこと・都合のよい曜日。「誰に頼めそう？」で候補が出ます。</li>"
        "<li><b>協力団体</b>: 公民館・社協・学校・NPO・商店など。</li>"
        "<li><b>地域課題</b>: 困りごとの記録と、市への要望とその回答。</li></ul>")),
    "rosters": (QT_TRANSLATE_NOOP("", "当番表"), QT_TRANSLATE_NOOP("",
        "<p>ごみステーション・防犯パトロール・清掃などの当番を、公平に順番で決める画面です。"
        "前回の続きから決めるので、年や月が変わっても順番は飛びません。</p>"
        "<ul><li>「○月○日まで決める」（たとえば「3月31日まで決める」）で、その日までの当番を決めます。決めた当番は後から書き換わりません。</li>"
        "<li>都合が悪い人の代わりを立てると、次はその人が代わりを返します（「交代の返し」）。</li>"
        "<li>名簿が変わると「決め直す」の印が付きます。</li>"
        "<li>当番表（A4）と当番札を印刷できます。</li></ul>")),
    "disaster": (QT_TRANSLATE_NOOP("", "防災・連絡網"), QT_TRANSLATE_NOOP("",
        "<p>災害への備えの画面です。</p>"
        "<ul><li><b>安否確認</b>: 始めると、班ごとに全員の一覧が出ます。「無事」「けが」「不明」などを"
        "キー1つで記録できます。訓練でも使えます。</li>"
        "<li><b>連絡網</b>: 名簿から自動で作られます。班長→回覧順に次の世帯へ、最後の世帯は会長へ報告します。</li>"
        "<li><b>要支援者</b>: 避難に手助けが要る人の名簿です。見られる人は限られ、見たことは記録されます。</li>"
        "<li><b>資機材</b>: 防災倉庫の中身と点検日。</li></ul>")),
    "circulars": (QT_TRANSLATE_NOOP("", "回覧"), QT_TRANSLATE_NOOP("",
        "<p>回覧板の表紙と押印欄を作る画面です。班ごとに、回覧順で世帯の名前が並びます。</p>"
        "<p>印刷の前に、画面で仕上がりを確かめられます（印刷プレビュー）。名簿を印刷するときは、"
        "表紙に取扱いの注意が付きます。配り終えた名簿は回収するか、細かく裁断してください。</p>")),
    "accounts": (QT_TRANSLATE_NOOP("", "会計・報告"), QT_TRANSLATE_NOOP("",
        "<p>会費・金銭出納簿・予算と決算・年次報告の画面です。</p>"
        "<ul><li><b>会費</b>: 年度の会費を世帯に割り当て、入金を記録します。班でまとめての入金もできます。"
        "会費集金簿（班長さん用）と領収書を印刷できます。</li>"
        "<li><b>出納簿</b>: お金の出入りを1件ずつ記帳します。まちがえたときは消さずに「取り消し」の記帳をします。</li>"
        "<li><b>予算・決算</b>: 科目ごとの予算と決算、収支予算書・収支決算書・会計監査報告書の印刷。"
        "年度を締めると、その年度は変えられなくなり、残りのお金が次の年度へ繰り越されます。</li>"
        "<li><b>年次報告</b>: 市や校下に出す報告を Excel と PDF で作ります。市の様式の Excel があれば、"
        "一度だけ「どの項目をどのセルに」を対応づけると、翌年からは自動で埋まります。</li>"
        "<li><b>補助金</b>: 申請ごとに、補助額の計算・手続きの段階・期限・添付書類・入金を記録し、実績報告書を作ります。</li>"
        "<li><b>設定</b>: 会費の種類と額、科目、口座、校下の負担金の率。</li></ul>"
        "<p>新しい年度に役員・班長が替わるときは「ファイル」→「年度替わり・引継ぎ…」を使います。</p>")),
    "settings": (QT_TRANSLATE_NOOP("", "設定"), QT_TRANSLATE_NOOP("",
        "<p>自分のアカウント（パスワード・PIN）、表示（文字の大きさ・配色）、役員のアカウント、操作の記録、"
        "記録の整理の画面です。見える項目は役割によって違います。</p>"
        "<p>パスワードを全員が忘れたときは、最初に印刷した「復旧シート」の復旧コードで開けます。"
        "復旧シートは金庫など、名簿とは別の場所に保管してください。</p>")),
}

#: the guided tour for the first start: (title, text)
TOUR: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("", "協働デスクへようこそ"),
     QT_TRANSLATE_NOOP("", "この案内は5ページです。「次へ」で進みます。あとから「ヘルプ」→「使い方の案内」でいつでも見られます。")),
    (QT_TRANSLATE_NOOP("", "左の一覧で画面を切り替えます"),
     QT_TRANSLATE_NOOP("", "ホーム・名簿・行事・当番表・防災・連絡網・回覧・会計・報告・設定。"
                       "キーボードでは Ctrl+1〜Ctrl+8 で移れます。")),
    (QT_TRANSLATE_NOOP("", "名前で探す"),
     QT_TRANSLATE_NOOP("", "名簿の画面の上の欄に、名前かフリガナを1文字入れるだけで絞り込まれます。")),
    (QT_TRANSLATE_NOOP("", "印刷する"),
     QT_TRANSLATE_NOOP("", "「ファイル」→「印刷」（Ctrl+P）。印刷の前に画面で仕上がりを確かめられます。")),
    (QT_TRANSLATE_NOOP("", "困ったら F1"),
     QT_TRANSLATE_NOOP("", "どの画面でも F1 キーを押すと、その画面の説明が出ます。文字が小さいときは「設定」→「表示」。"
                       "台帳は自動でバックアップされています。")),
)


def help_html(key: str) -> str:
    title, body = PAGES.get(key, PAGES["home"])
    return f"<h2>{tr(title)}</h2>{tr(body)}{tr(_COMMON)}"


class HelpDialog(QDialog):
    """The help page of one screen, large and plain; Esc or 閉じる closes it."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = PAGES.get(key, PAGES["home"])[0]
        self.setWindowTitle(self.tr("ヘルプ — {0}").format(tr(title)))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setHtml(help_html(key))
        self.text.setOpenExternalLinks(False)
        layout.addWidget(self.text, 1)
        close = QPushButton(self.tr("閉じる"))
        close.clicked.connect(self.accept)
        close.setDefault(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        width = self.fontMetrics().horizontalAdvance("あ") * 40  # notr: a width measure
        self.resize(width, int(width * 0.8))


class TourDialog(QDialog):
    """The first-start tour: a few pages with 戻る / 次へ / 終わる."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使い方の案内"))
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        for n, (title, text) in enumerate(TOUR, start=1):
            page = QWidget()
            v = QVBoxLayout(page)
            head = QLabel(self.tr("{0}/{1}　{2}").format(n, len(TOUR), tr(title)))
            font = head.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            head.setFont(font)
            head.setWordWrap(True)
            body = QLabel(tr(text))
            body.setWordWrap(True)
            body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            v.addWidget(head)
            v.addWidget(body, 1)
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)
        row = QHBoxLayout()
        self.back = QPushButton(self.tr("戻る"))
        self.next = QPushButton(self.tr("次へ"))
        self.done_button = QPushButton(self.tr("終わる"))
        self.back.clicked.connect(lambda: self._go(-1))
        self.next.clicked.connect(lambda: self._go(1))
        self.done_button.clicked.connect(self.accept)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.next)
        row.addWidget(self.done_button)
        layout.addLayout(row)
        width = self.fontMetrics().horizontalAdvance("あ") * 34  # notr: a width measure
        self.resize(width, int(width * 0.55))
        self._go(0)

    def _go(self, step: int) -> None:
        n = max(0, min(self.pages.count() - 1, self.pages.currentIndex() + step))
        self.pages.setCurrentIndex(n)
        self.back.setEnabled(n > 0)
        self.next.setEnabled(n < self.pages.count() - 1)
        (self.next if n < self.pages.count() - 1 else self.done_button).setDefault(True)
        (self.next if n < self.pages.count() - 1 else self.done_button).setFocus()
