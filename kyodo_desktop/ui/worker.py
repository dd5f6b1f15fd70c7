"""One thread owns the register's connection; the GUI thread hands it work.

``call`` runs a quick function on the database thread and waits for it (a few ms).
``run`` runs long work there and delivers the result to the GUI thread; a progress dialog
appears only if it takes longer than about half a second.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kyodo_desktop.models.register import Register, RegisterError, translate_sqlite_error

PROGRESS_DELAY_MS = 500


def _total_changes(reg: Register) -> int:
    return reg.conn.total_changes


class DbWorker(QObject):
    _finished = Signal(object, object, object)  # callback, result, error

    def __init__(self, pool: ThreadPoolExecutor | None = None) -> None:
        """``pool``: the single-thread executor to use, made before Qt was loaded (the program starts
        unlocking on it meanwhile, see :meth:`adopt_open`); by default a new one."""
        super().__init__()
        self._pool = pool or ThreadPoolExecutor(max_workers=1, thread_name_prefix="kyodo-db")
        self.register: Register | None = None
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # -- the register ------------------------------------------------------------------------

    def open(self, opener: Callable[[], Register]) -> Register:
        """Open (or create) the register on the database thread."""
        return self.finish_open(self.start_open(opener))

    def start_open(self, opener: Callable[[], Register]) -> Future:
        """Begin opening on the database thread; the GUI thread may prepare meanwhile."""

        def open_it() -> Register:
            reg = opener()
            self.register = reg
            return reg

        return self._pool.submit(open_it)

    def adopt_open(self, opening: Future) -> Future:
        """Take over the register that ``opening`` opens: a job queued on this worker's thread
        before the worker existed (the program starts unlocking while Qt loads). Returns a future
        for :meth:`finish_open`, done as soon as the opening is (not after jobs queued behind it)."""
        adopted: Future = Future()

        def take(done: Future) -> None:  # on the database thread, or here if already done
            error = done.exception()
            if error is not None:
                adopted.set_exception(error)
                return
            self.register = done.result()
            adopted.set_result(self.register)

        opening.add_done_callback(take)
        return adopted

    def finish_open(self, future: Future) -> Register:
        """Wait for :meth:`start_open`; raises what the opener raised."""
        return future.result()

    def close_register(self) -> None:
        """Close the register after the work already queued for it (e.g. a backup) is done."""

        def close() -> None:
            reg, self.register = self.register, None
            if reg is not None:
                reg.close()

        self._pool.submit(close).result()

    def shutdown(self) -> None:
        self.close_register()
        self._pool.shutdown(wait=True)

    # -- work --------------------------------------------------------------------------------

    def _with_register(self, fn: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
        reg = self.register
        if reg is None:
            raise RegisterError(self.tr("台帳が開かれていません。"))
        try:
            return fn(reg, *args, **kwargs)
        except (sqlite3.Error, OSError) as exc:  # e.g. the file vanished under a read
            raise translate_sqlite_error(exc, reg.path, "処理") from exc  # notr: into the model's message

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``fn(register, *args)`` on the database thread and return its result."""
        return self.submit(fn, *args, **kwargs).result()

    def call_responsive(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Like :meth:`call` for work of up to a second or so (key derivation): the window keeps
        painting meanwhile; user input waits."""
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        future = self.submit(fn, *args, **kwargs)
        while True:
            try:
                return future.result(timeout=0.02)
            except TimeoutError:
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def call_with_progress(self, fn: Callable[..., Any], *args: Any, label: str, parent: QWidget | None = None,
                           **kwargs: Any) -> Any:
        """Run ``fn(register, *args, progress=…)`` on the database thread with a progress dialog
        (after :data:`PROGRESS_DELAY_MS`) whose 「中止」 makes ``progress`` return False; ``fn``
        then stops (raising) and, for writes, rolls back. Returns ``fn``'s result."""
        import threading

        from PySide6.QtCore import QElapsedTimer, QEventLoop
        from PySide6.QtWidgets import QApplication

        state = {"done": 0, "total": 1}
        cancel = threading.Event()

        def progress(done: int, total: int) -> bool:
            state["done"], state["total"] = done, total
            return not cancel.is_set()

        future = self.submit(fn, *args, progress=progress, **kwargs)
        dialog: QProgressDialog | None = None
        clock = QElapsedTimer()
        clock.start()
        try:
            while True:
                try:
                    return future.result(timeout=0.03)
                except TimeoutError:
                    pass
                if dialog is None and clock.elapsed() > PROGRESS_DELAY_MS:
                    dialog = QProgressDialog(label, self.tr("中止"), 0, 100, parent)
                    dialog.setWindowTitle(self.tr("協働デスク"))
                    dialog.setWindowModality(Qt.WindowModality.WindowModal)
                    dialog.setMinimumDuration(0)
                    dialog.canceled.connect(cancel.set)
                    dialog.show()
                if dialog is not None:
                    if dialog.wasCanceled():
                        cancel.set()
                    dialog.setMaximum(max(state["total"], 1))
                    dialog.setValue(min(state["done"], state["total"]))
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        finally:
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        """Queue ``fn(register, *args)`` on the database thread without waiting (prefetching
        what a page will show while the GUI thread builds it)."""
        return self._pool.submit(self._with_register, fn, args, kwargs)

    def call_preloaded(self, future: Future | None, fn: Callable[..., Any]) -> Any:
        """The result of a :meth:`prefetch` of ``fn`` if nothing was written since, else ``fn`` now."""
        if future is not None and future.exception() is None:
            changes, result = future.result()
            reg = self.register
            # total_changes may be read from this thread; it counts every row written since opening
            if reg is not None and changes == reg.conn.total_changes:
                return result
        return self.call(fn)

    def prefetch(self, fn: Callable[..., Any]) -> Future:
        """Queue ``fn(register)``, remembering how many rows had been changed when it ran."""
        return self.submit(lambda reg: (_total_changes(reg), fn(reg)))

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        parent: QWidget | None = None,
        label: str | None = None,
        **kwargs: Any,
    ) -> Future:
        """Run ``fn(register, *args)`` in the background; callbacks come on the GUI thread."""
        text = self.tr("処理しています…") if label is None else label
        dialog: list[QProgressDialog] = []
        timer = QTimer(self)
        timer.setSingleShot(True)

        def show_progress() -> None:
            d = QProgressDialog(text, "", 0, 0, parent)
            d.setCancelButton(None)
            d.setWindowTitle(self.tr("協働デスク"))
            d.setWindowModality(Qt.WindowModality.WindowModal)
            d.setMinimumDuration(0)
            d.show()
            dialog.append(d)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            timer.stop()
            timer.deleteLater()
            for d in dialog:
                d.close()
                d.deleteLater()
            callback(value)

        timer.timeout.connect(show_progress)
        timer.start(PROGRESS_DELAY_MS)
        future = self._pool.submit(self._with_register, fn, args, kwargs)

        def done(f: Future) -> None:
            exc = f.exception()
            if exc is not None:
                self._finished.emit(lambda e: finish(on_error, e), None, exc)
            else:
                self._finished.emit(lambda r: finish(on_done, r), f.result(), None)

        future.add_done_callback(done)
        return future

    def _deliver(self, callback: Callable[[Any], None], result: Any, error: Any) -> None:
        callback(error if error is not None else result)
