"""見える化 on the home page: a 年度 chooser, the activity's headline numbers and large bar charts.

The figures (``models/dashboard.py``) are computed on the database thread after the home page
is shown, so it opens as fast as before; the charts are laid out by
``export/activity_summary.layout_chart`` (the same layout as the printed 「活動のまとめ」) and
painted here with QPainter: black text on white cards, a dark blue and an orange that stay
apart for colour-blind readers and in grey, the labels at the program's text size (12 pt, or as
zoomed), each chart as tall as its bars need. Charts sit two abreast when there is room, else
one under the other; nothing is drawn over anything else.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.export.activity_summary import Box, Rule, Text, chart_height, layout_chart
from kyodo_desktop.models import dashboard as dash
from kyodo_desktop.models.errors import RegisterError
from kyodo_desktop.models.japanese import fiscal_year_label, to_wareki
from kyodo_desktop.ui import dialogs
from kyodo_desktop.ui.i18n import tr

if TYPE_CHECKING:
    from kyodo_desktop.ui.worker import DbWorker

#: the activity's headline numbers shown above the charts (the home page's cards show the register's)
HEADLINE_KEYS = ("membership_rate", "events", "participants", "helpers", "new", "open_issues")
#: characters of the label size a chart wants across (two abreast only if both get it), and needs
CHART_MIN_EMS = 26
CHART_NARROWEST_EMS = 17


def describe(chart: dash.Chart) -> str:
    """The chart's numbers in words, for screen readers and the tooltip."""
    if chart.empty():
        return tr("{title}: まだ記録がありません").format(title=chart.title)
    parts = []
    for n, label in enumerate(chart.labels):
        values = tr("・").join(f"{s.name} {chart.text(s.values[n])}" if len(chart.series) > 1 else chart.text(s.values[n])
                           for s in chart.series)
        parts.append(f"{label.replace(chr(10), ' ')}: {values}")
    return f"{chart.title}。" + "、".join(parts) + (f"。{chart.note}" if chart.note else "")


class ChartView(QWidget):
    """One chart on a white card, as tall as its bars need at the current text size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: dash.Chart | None = None
        self._metrics: dict[tuple[int, bool], tuple[QFont, QFontMetricsF]] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_chart(self, chart: dash.Chart) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title)
        text = describe(chart)
        self.setAccessibleDescription(text)
        self.setToolTip(text if len(text) < 600 else text[:600] + "…")
        self.updateGeometry()
        self.update()

    def label_size(self) -> float:
        """The labels' pixel size: the widget's font (the program's text size)."""
        return float(QFontInfo(self.font()).pixelSize() or 16)

    def _pad(self) -> float:
        return self.label_size() * 0.8

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        size = self.label_size()
        width = int(size * CHART_MIN_EMS)
        if self.chart is None:
            return QSize(width, int(size * 10))
        return QSize(width, int(chart_height(self.chart, size) + 2 * self._pad()) + 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = self.sizeHint()  # as tall as the bars need; narrower if the window is (200 % text)
        return QSize(int(self.label_size() * CHART_NARROWEST_EMS), hint.height())

    def _font(self, size: float, bold: bool = False) -> tuple[QFont, QFontMetricsF]:
        key = (max(1, round(size)), bold)
        found = self._metrics.get(key)
        if found is None:
            font = QFont(self.font())
            font.setPixelSize(key[0])
            font.setBold(bold)
            found = self._metrics[key] = (font, QFontMetricsF(font))
        return found

    def measure(self, text: str, size: float) -> float:
        # bold text is measured as it is drawn, a little wider than regular: the layout keeps slack
        return self._font(size, True)[1].horizontalAdvance(text)

    def changeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self._metrics.clear()  # the font (text size) changed
        super().changeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(rect, QColor(255, 255, 255))
        painter.setPen(QPen(QColor(120, 120, 120), 1))
        painter.drawRect(rect)
        if self.chart is None:
            painter.end()
            return
        pad = self._pad()
        shapes = layout_chart(self.chart, self.width() - 2 * pad, self.height() - 2 * pad, self.measure,
                              size=self.label_size())
        painter.translate(pad, pad)
        for shape in shapes:
            if isinstance(shape, Box):
                painter.fillRect(QRectF(shape.x, shape.y, shape.w, shape.h), QColor(*shape.color))
            elif isinstance(shape, Rule):
                painter.setPen(QPen(QColor(*shape.color), shape.width))
                painter.drawLine(QPointF(shape.x1, shape.y1), QPointF(shape.x2, shape.y2))
            elif isinstance(shape, Text):
                font, metrics = self._font(shape.size, shape.bold)
                w = metrics.horizontalAdvance(shape.text)
                x = shape.x - (w if shape.align == "right" else w / 2 if shape.align == "center" else 0)
                painter.setFont(font)
                painter.setPen(QColor(*shape.color))
                painter.drawText(QPointF(x, shape.y), shape.text)
        painter.end()


class DashboardWidget(QWidget):
    """The 年度 chooser, the activity's headline numbers and the charts; saves the summary."""

    _arrived = Signal(int, object)  # request number, the finished Future

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.figures: dash.Figures | None = None
        self._request = 0
        self._pending: Future | None = None
        self._changes: int | None = None
        self._columns = 0
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        heading = QLabel(self.tr("活動の見える化"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        top.addWidget(heading)
        top.addSpacing(16)
        year_label = QLabel(self.tr("年度:"))
        top.addWidget(year_label)
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("表示する年度"))
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        year_label.setBuddy(self.year)
        self.year.activated.connect(self._year_chosen)
        top.addWidget(self.year)
        top.addStretch(1)
        layout.addLayout(top)
        actions = QHBoxLayout()  # a row of their own: beside the 年度 they would not fit at 150 %
        self.pdf_btn = QPushButton(self.tr("活動のまとめ（PDF）…"))
        self.pdf_btn.setToolTip(self.tr("この年度の数とグラフを、総会や回覧に使えるA4 1枚のPDFにします"))
        self.pdf_btn.clicked.connect(self.save_pdf)
        self.xlsx_btn = QPushButton(self.tr("Excelに書き出す…"))
        self.xlsx_btn.setToolTip(self.tr("同じ数をExcelの表にします"))
        self.xlsx_btn.clicked.connect(self.save_xlsx)
        actions.addWidget(self.pdf_btn)
        actions.addWidget(self.xlsx_btn)
        actions.addStretch(1)
        layout.addLayout(actions)
        for control in (self.year, self.pdf_btn, self.xlsx_btn):
            control.setEnabled(False)  # until the figures arrive
        self.status = QLabel(self.tr("グラフを準備しています…"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.headline_grid = QGridLayout()
        self.headlines: dict[str, tuple[QLabel, QLabel]] = {}
        self._headline_boxes: dict[str, QFrame] = {}
        for key in HEADLINE_KEYS:
            box = self._headline_boxes[key] = QFrame(self)
            box.setFrameShape(QFrame.Shape.StyledPanel)
            v = QVBoxLayout(box)
            cap = QLabel()
            cap.setWordWrap(True)
            value = QLabel("—")
            f = value.font()
            f.setPointSizeF(f.pointSizeF() * 1.6)
            f.setBold(True)
            value.setFont(f)
            v.addWidget(cap)
            v.addWidget(value)
            self.headlines[key] = (cap, value)
            box.hide()  # until the figures arrive
        layout.addLayout(self.headline_grid)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(12)
        layout.addLayout(self.grid)
        self.views: list[ChartView] = []
        self._place()

    # -- loading ---------------------------------------------------------------------------------

    def chosen_year(self) -> int | None:
        data = self.year.currentData()
        return int(data) if data is not None else None

    def refresh(self) -> None:
        """Load the figures unless those shown are still current (nothing written since)."""
        reg = self.worker.register
        if self._pending is not None:
            return
        if self.figures is not None and reg is not None and self._changes == reg.conn.total_changes:
            return
        self.load(self.chosen_year())

    def load(self, fiscal_year: int | None = None) -> Future:
        """Compute the figures on the database thread; they are shown when they arrive."""
        self._request += 1
        request = self._request
        future = self.worker.prefetch(lambda reg: dash.figures(reg, fiscal_year))
        self._pending = future

        def arrived(f: Future) -> None:
            with contextlib.suppress(RuntimeError):  # the page was closed meanwhile
                self._arrived.emit(request, f)

        future.add_done_callback(arrived)
        return future

    def loading(self) -> bool:
        """Figures asked for and not shown yet."""
        return self._pending is not None

    def _year_chosen(self, _index: int) -> None:
        self.load(self.chosen_year())

    def _show(self, request: int, future: Future) -> None:
        if request != self._request:
            return  # an older request (another 年度 was chosen since)
        self._pending = None
        error = future.exception()
        if error is not None:
            self.status.setText(self.tr("グラフを表示できませんでした: {error}").format(error=error))
            return
        self._changes, figures = future.result()
        self.set_figures(figures)

    # -- showing ---------------------------------------------------------------------------------

    def set_figures(self, fig: dash.Figures) -> None:
        self.figures = fig
        self.year.blockSignals(True)
        self.year.clear()
        for y in fig.years:
            self.year.addItem(fiscal_year_label(y), y)
        self.year.setCurrentIndex(max(self.year.findData(fig.fiscal_year), 0))
        self.year.blockSignals(False)
        start, end, as_of = (date.fromisoformat(x) for x in (fig.start, fig.end, fig.as_of))
        scope = self.tr("（{scope}の分）").format(scope=fig.scope) if fig.scope else ""
        self.status.setText(self.tr("{label}（{start}〜{end}）の行事の記録と、{as_of}現在の名簿から{scope}").format(
            label=fig.label, start=to_wareki(start), end=to_wareki(end), as_of=to_wareki(as_of), scope=scope))
        values = {key: (label, value) for key, label, value in dash.headlines(fig)}
        for key, (cap, value) in self.headlines.items():
            cap.setText(values[key][0])
            value.setText(values[key][1])
            value.setAccessibleName(values[key][0])
        charts = dash.charts(fig)
        while len(self.views) < len(charts):
            self.views.append(ChartView())
        for view, chart in zip(self.views, charts, strict=False):
            view.set_chart(chart)
        reg = self.worker.register
        can_output = reg is not None and reg.session.can("output")
        self.pdf_btn.setEnabled(can_output)
        self.xlsx_btn.setEnabled(can_output)
        self.year.setEnabled(True)
        for box in self._headline_boxes.values():
            box.show()
        self._columns = 0
        self._place()

    def _chart_columns(self) -> int:
        size = QFontInfo(self.font()).pixelSize() or 16
        return 2 if self.width() >= 2 * size * CHART_MIN_EMS + self.grid.horizontalSpacing() else 1

    def _place(self) -> None:
        """Put the headline cards and the charts in as many columns as fit."""
        columns = self._chart_columns()
        if columns == self._columns:
            return
        self._columns = columns
        for grid in (self.grid, self.headline_grid):
            while grid.count():
                grid.takeAt(0)
        per_row = 6 if columns == 2 else 3
        for n, key in enumerate(HEADLINE_KEYS):
            self.headline_grid.addWidget(self._headline_boxes[key], n // per_row, n % per_row)
        for n, view in enumerate(v for v in self.views if v.chart is not None):
            self.grid.addWidget(view, n // columns, n % columns)
            view.show()  # now, not on the layout's next turn: the page is drawn whole
        for c in range(2):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place()

    # -- the summary as a file -------------------------------------------------------------------

    def _save(self, kind: str) -> Path | None:
        from kyodo_desktop.export.activity_summary import (
            write_activity_summary,
            write_activity_summary_xlsx,
        )

        fig = self.figures
        if fig is None:
            return None
        suffix, what = (".pdf", "PDF") if kind == "pdf" else (".xlsx", "Excel")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("活動のまとめの保存先"), self.tr("活動のまとめ_{label}").format(label=fig.label) + suffix,
            f"{what} (*{suffix})")
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        try:
            if kind == "pdf":
                result = self.worker.call(write_activity_summary, target, fiscal_year=fig.fiscal_year)
                warning = result.warning
            else:
                self.worker.call(write_activity_summary_xlsx, target, fiscal_year=fig.fiscal_year)
                warning = ""
        except RegisterError as exc:
            dialogs.show_error(self, self.tr("活動のまとめ"), str(exc))
            return None
        dialogs.show_info(self, self.tr("活動のまとめ"),
                          self.tr("保存しました: {path}").format(path=target) + (f"\n\n{warning}" if warning else ""))
        return target

    def save_pdf(self) -> Path | None:
        return self._save("pdf")

    def save_xlsx(self) -> Path | None:
        return self._save("xlsx")
