"""Participant answers as data: what crosses from the participant's kernel to the tests.

Hidden tests never run in the participant's kernel. There, each test cell is replaced by
:func:`emit`, which encodes the values the test reads (tables, dicts, chart specs, a form's
answers) as plain JSON and shows them as one output of type :data:`MIME`. The tests then run
in a clean process on :func:`decode`'d values: the participant's code cannot change how a test
runs, only what its answers are.

Only data is encoded: functions, classes and arbitrary objects become :class:`Unsupported`,
and modules are re-imported by name only from :data:`MODULE_PREFIXES`.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import json
import math
import types
from datetime import date, datetime

MIME = "application/x-humaskit-snapshot+json"
MODULE_PREFIXES = ("humaskit", "pandas", "numpy", "altair", "math", "datetime", "re",
                   "statistics", "json")
#: Kit classes whose objects travel as their own JSON (``to_json`` / ``from_json``).
KIT_TYPES = {"humaskit.skkni.form.Isian": ("humaskit.skkni.form", "Isian")}
MAX_DEPTH = 20


class Unsupported:
    """Stands for a value that cannot travel as data (a function, a file, ...)."""

    def __init__(self, kind: str):
        self.kind = kind

    def __repr__(self) -> str:
        return f"<nilai jenis {self.kind} tidak dapat diperiksa: gunakan tabel, teks atau angka>"


class ChartSpec:
    """A chart as its Vega-Lite specification: what the checks read (``to_dict``)."""

    def __init__(self, spec: dict):
        self._spec = spec

    def to_dict(self, *args, **kwargs) -> dict:
        return json.loads(json.dumps(self._spec))


def read_names(source: str) -> list[str]:
    """Names a cell reads before defining them itself (its inputs), builtins excluded."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    stored = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)
              and isinstance(n.ctx, (ast.Store, ast.Del))}
    stored |= {(a.asname or a.name).split(".")[0] for n in ast.walk(tree)
               if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
    loaded = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name)
              and isinstance(n.ctx, ast.Load)]
    return sorted({n for n in loaded if n not in stored and not hasattr(builtins, n)})


def _type_name(value) -> str:
    kind = type(value)
    return f"{kind.__module__}.{kind.__qualname__}"


def encode(value, depth: int = 0):
    """``value`` as JSON-ready data, tagged where JSON alone would lose its type."""
    import numpy as np
    import pandas as pd

    if depth > MAX_DEPTH:
        return {"__tidak_didukung__": "struktur terlalu dalam"}
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"__float__": repr(value)}
    if isinstance(value, np.generic):
        return encode(value.item(), depth + 1)
    if isinstance(value, types.ModuleType):
        return {"__modul__": value.__name__}
    if isinstance(value, pd.DataFrame):
        return {"__tabel__": _frame(value, depth)}
    if isinstance(value, pd.Series):
        return {"__seri__": _frame(value.to_frame(), depth), "nama": encode(value.name, depth)}
    if isinstance(value, (pd.Timestamp, datetime, date)):
        return {"__waktu__": value.isoformat()}
    if isinstance(value, np.ndarray):
        return {"__larik__": encode(value.tolist(), depth + 1)}
    if isinstance(value, dict):
        return {"__kamus__": [[encode(k, depth + 1), encode(v, depth + 1)]
                              for k, v in value.items()]}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [encode(v, depth + 1) for v in value]
        return items if isinstance(value, list) else {f"__{type(value).__name__}__": items}
    if _type_name(value) in KIT_TYPES:
        return {"__kit__": _type_name(value), "json": value.to_json()}
    if hasattr(value, "to_dict") and type(value).__module__.startswith("altair"):
        return {"__grafik__": value.to_dict()}
    return {"__tidak_didukung__": _type_name(value)}


def _frame(frame, depth: int) -> dict:
    """A table column by column: labels, index, values and dtypes, exactly (no rounding)."""
    return {"kolom": encode(list(frame.columns), depth + 1),
            "nama_kolom": encode(list(frame.columns.names), depth + 1),
            "indeks": encode(list(frame.index), depth + 1),
            "nama_indeks": encode(list(frame.index.names), depth + 1),
            "tipe_indeks": str(frame.index.dtype),
            "nilai": [encode(frame.iloc[:, i].tolist(), depth + 1)
                      for i in range(frame.shape[1])],
            "tipe": [str(t) for t in frame.dtypes]}


def _restore(values: list, dtype: str):
    import pandas as pd

    series = pd.Series(values, dtype=object)
    try:
        if dtype.startswith("datetime64"):
            return pd.to_datetime(series).astype(dtype)
        return series.astype(dtype)
    except (TypeError, ValueError):
        return pd.Series(values)


def _unframe(data: dict):
    import pandas as pd

    index = pd.Index(list(_restore([_hashable(i) for i in decode(data["indeks"])],
                                   data["tipe_indeks"])))
    columns = [_restore(decode(v), t) for v, t in zip(data["nilai"], data["tipe"])]
    frame = (pd.concat(columns, axis=1, ignore_index=True) if columns
             else pd.DataFrame(index=pd.RangeIndex(len(index))))
    frame.index = index
    frame.columns = pd.Index([_hashable(c) for c in decode(data["kolom"])])
    frame.index.names = decode(data["nama_indeks"])
    frame.columns.names = decode(data["nama_kolom"])
    return frame


def decode(data):
    """The inverse of :func:`encode`, building only data (and allow-listed modules)."""
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "__float__" in data:
        return float(data["__float__"])
    if "__modul__" in data:
        name = str(data["__modul__"])
        if name.split(".")[0] in MODULE_PREFIXES:
            try:
                return importlib.import_module(name)
            except ImportError:
                pass
        return Unsupported(f"modul {name}")
    if "__tabel__" in data:
        return _unframe(data["__tabel__"])
    if "__seri__" in data:
        return _unframe(data["__seri__"]).iloc[:, 0].rename(decode(data.get("nama")))
    if "__waktu__" in data:
        import pandas as pd

        return pd.Timestamp(data["__waktu__"])
    if "__larik__" in data:
        import numpy as np

        return np.array(decode(data["__larik__"]))
    if "__kamus__" in data:
        return {_hashable(decode(k)): decode(v) for k, v in data["__kamus__"]}
    for kind, make in (("__tuple__", tuple), ("__set__", set), ("__frozenset__", frozenset)):
        if kind in data:
            return make(_hashable(decode(v)) for v in data[kind]) if "set" in kind else \
                make(decode(v) for v in data[kind])
    if "__kit__" in data and data["__kit__"] in KIT_TYPES:
        module, name = KIT_TYPES[data["__kit__"]]
        return getattr(importlib.import_module(module), name).from_json(data["json"])
    if "__grafik__" in data:
        return ChartSpec(data["__grafik__"])
    return Unsupported(str(data.get("__tidak_didukung__", "tidak dikenal")))


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value


def emit(names: list[str], namespace: dict) -> None:
    """Show the values of ``names`` from ``namespace`` as one snapshot output (run in the
    participant's kernel in place of a test cell). Missing names are left out, so that the
    test fails on them exactly as it would have."""
    from IPython.display import display

    values = {}
    for name in names:
        if name in namespace:
            try:
                values[name] = encode(namespace[name])
            except Exception as exc:  # noqa: BLE001 - a value that cannot be read is the answer's
                values[name] = {"__tidak_didukung__": f"{type(exc).__name__}"}
    display({MIME: values}, raw=True)


def load(values: dict) -> dict:
    """Decoded values of one snapshot, to run a test cell in."""
    return {str(name): decode(value) for name, value in values.items()}

