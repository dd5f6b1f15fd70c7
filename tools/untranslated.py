"""List Japanese texts in the UI code that are not marked for translation.

    uv run python tools/untranslated.py [FILE ...]      (default: every kyodo_desktop/ui/*.py)

A string literal with Japanese in it must be the first argument of ``tr(``, ``self.tr(``,
``QCoreApplication.translate(ctx, `` or ``QT_TRANSLATE_NOOP(ctx, `` — or carry ``# notr`` on its
line when it is not shown to people as a text of the program (a key, a data value, a regular
expression, a style sheet, a docstring is skipped anyway). Exit code 1 when something is left.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
from pathlib import Path

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
MARKERS = ("tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP")
SKIP = {tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT}


def untranslated(path: Path) -> list[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type not in SKIP]
    docstrings: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                docstrings.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    out = []
    for i, t in enumerate(tokens):
        if t.type != tokenize.STRING or not JAPANESE.search(t.string):
            continue
        if "# notr" in lines[t.start[0] - 1]:
            continue
        if t.start[0] in docstrings:
            continue
        # implicit concatenation: look back over adjacent strings
        j = i
        while j and tokens[j - 1].type == tokenize.STRING:
            j -= 1
        before = tokens[j - 1] if j else None
        if before is not None and before.string == "(" and j >= 2 and tokens[j - 2].string in MARKERS:
            continue
        # translate(context, "…") / QT_TRANSLATE_NOOP(context, "…"): the text is the second argument
        if before is not None and before.string == "," and j >= 4 and tokens[j - 3].string == "(" \
                and tokens[j - 4].string in MARKERS and tokens[j - 2].type == tokenize.STRING:
            continue
        out.append((t.start[0], t.string if len(t.string) < 70 else t.string[:67] + "…"))
    return out


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[1]
    files = [Path(a) for a in argv] or sorted((root / "kyodo_desktop" / "ui").glob("*.py"))
    total = 0
    for f in files:
        for line, text in untranslated(f):
            print(f"{f}:{line}: {text}")
            total += 1
    print(f"{total} untranslated text(s)", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
