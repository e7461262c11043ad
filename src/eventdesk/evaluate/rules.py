"""Which trigger rules fire on the gold files, and to what effect.

Every event records the rule that made its trigger (``Evidence.rule``: "<lexicon entry
id>/<pattern id>"). Over scored documents this module counts, per rule, the documents and
events it fired in and how those events scored: matched to a gold event (tp), matched to an
optional gold event (opt) or unmatched (fp). With the lexicon's full list of rules it also
names the rules that never fire, and those that fire in one document only: the candidates
for a test of their own, or for pruning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventdesk.evaluate.score import DocResult
from eventdesk.records import Event


@dataclass(slots=True)
class RuleUse:
    """What one rule did over the scored documents."""

    rule: str
    docs: list[tuple[str, str]] = field(default_factory=list)  # (gold file, doc id), in order
    events: int = 0  # events whose trigger evidence names the rule
    primary: int = 0  # ... as the event's own trigger (not a further trigger word)
    tp: int = 0
    fp: int = 0
    optional: int = 0

    @property
    def n_docs(self) -> int:
        return len(self.docs)

    def outcome(self) -> str:
        bits = [f"tp {self.tp}"] if self.tp else []
        bits += [f"fp {self.fp}"] if self.fp else []
        bits += [f"opt {self.optional}"] if self.optional else []
        return ", ".join(bits) or "-"


def event_rules(event: Event) -> list[str]:
    """The rules of an event's trigger evidence, its own trigger's first (no repeats)."""
    out: list[str] = []
    for ev in event.evidence:
        if ev.role == "trigger" and ev.rule and ev.rule not in out:
            out.append(ev.rule)
    return out


def primary_rule(event: Event) -> str:
    rules = event_rules(event)
    return rules[0] if rules else ""


def rule_usage(results: Iterable[tuple[str, DocResult]]) -> dict[str, RuleUse]:
    """Per rule, its use over (gold file name, scored document) pairs."""
    usage: dict[str, RuleUse] = {}
    for name, result in results:
        status: dict[int, str] = {j: "fp" for j in result.false_positives}
        for pair in result.pairs:
            status[pair.pred_index] = "optional" if pair.optional else "tp"
        for j, event in enumerate(result.predicted):
            for k, rule in enumerate(event_rules(event)):
                use = usage.setdefault(rule, RuleUse(rule))
                where = (name, result.doc.id)
                if where not in use.docs:
                    use.docs.append(where)
                use.events += 1
                use.primary += k == 0
                outcome = status.get(j)
                if outcome is not None:
                    setattr(use, outcome, getattr(use, outcome) + 1)
    return usage


@dataclass(frozen=True, slots=True)
class RuleReport:
    rules: tuple[str, ...]  # every rule of the lexicon ((): unknown)
    usage: dict[str, RuleUse]

    @property
    def never(self) -> list[str]:
        return [r for r in self.rules if r not in self.usage]

    @property
    def once(self) -> list[RuleUse]:
        return sorted((u for u in self.usage.values() if u.n_docs == 1), key=lambda u: u.rule)

    @property
    def unknown(self) -> list[str]:
        """Rules named by events that the lexicon does not hold (an outdated store, a
        different lexicon)."""
        return sorted(set(self.usage) - set(self.rules)) if self.rules else []


def rule_report(results: Iterable[tuple[str, DocResult]], rules: Sequence[str] = ()) -> RuleReport:
    return RuleReport(tuple(rules), rule_usage(results))


def format_rule_report(report: RuleReport) -> str:
    usage = report.usage
    lines = ["== trigger rules"]
    if report.rules:
        lines.append(f"{len(report.rules)} rules in the lexicon; {len(usage)} fired; "
                     f"{len(report.never)} never fired; {len(report.once)} fired in one "
                     "document only")
    else:
        lines.append(f"{len(usage)} rules fired (the pipeline does not list its lexicon)")
    if report.rules:
        lines.append("")
        lines.append(f"never fired: no event's trigger named them ({len(report.never)})")
        lines.extend(f"  {r}" for r in report.never)
    lines.append("")
    lines.append(f"fired in one document only: rule [events: how they scored] file:document "
                 f"({len(report.once)})")
    for u in report.once:
        (name, doc), = u.docs
        lines.append(f"  {u.rule}  [{u.events} event{'s' * (u.events != 1)}: {u.outcome()}]  "
                     f"{name}:{doc}")
    if report.unknown:
        lines.append("")
        lines.append(f"named by events but not in the lexicon ({len(report.unknown)})")
        lines.extend(f"  {r}" for r in report.unknown)
    lines.append("")
    lines.append(f"{'docs':>5} {'events':>6} {'own':>5} {'tp':>5} {'fp':>5} {'opt':>5}  rule")
    for u in sorted(usage.values(), key=lambda u: (-u.n_docs, -u.events, u.rule)):
        lines.append(f"{u.n_docs:>5} {u.events:>6} {u.primary:>5} {u.tp:>5} {u.fp:>5} "
                     f"{u.optional:>5}  {u.rule}")
    return "\n".join(lines)


def rule_report_json(report: RuleReport) -> dict[str, Any]:
    return {
        "rules": len(report.rules) or None,
        "never_fired": report.never,
        "fired": [{"rule": u.rule, "docs": u.n_docs, "events": u.events, "primary": u.primary,
                   "tp": u.tp, "fp": u.fp, "optional": u.optional,
                   "documents": [f"{n}:{d}" for n, d in u.docs]}
                  for u in sorted(report.usage.values(), key=lambda u: u.rule)],
        "one_document": [u.rule for u in report.once],
        "unknown": report.unknown,
    }
