"""Command-line interface: a thin layer over the Python API.

Each sub-command lives in its own module of this package and registers itself through a
``register(subparsers)`` function; ``main`` turns every :class:`EventdeskError` into one
clear line on stderr and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from eventdesk.errors import EventdeskError

# Modules of this package that add sub-commands, in the order `--help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "eventdesk.cli.extract",
    "eventdesk.cli.flags",
    "eventdesk.cli.evaluate",
    "eventdesk.cli.corpus",
    "eventdesk.cli.report",
    "eventdesk.cli.places",
    "eventdesk.cli.actors",
    "eventdesk.cli.schema",
    "eventdesk.cli.serve",
)


def build_parser() -> argparse.ArgumentParser:
    from eventdesk import __version__

    parser = argparse.ArgumentParser(
        prog="eventdesk",
        description="Turn news about wars and diplomacy into structured, sourced events "
        "(PLOVER types, ACLED labels, actors, places, dates, casualties, evidence spans).",
    )
    parser.add_argument("--version", action="version", version=f"eventdesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a command module not written yet
            if exc.name == name:
                continue
            raise
        module.register(subparsers)
    return parser


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings reach the user as one line, without the source line that raised them."""
    print(f"eventdesk: warning: {message}", file=file or sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    import warnings

    warnings.showwarning = _show_warning
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except EventdeskError as exc:
        print(f"eventdesk: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("eventdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
