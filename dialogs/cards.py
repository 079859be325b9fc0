"""Adaptive Card building blocks (schema 1.5, what Teams renders) and a plain-text rendering."""

from __future__ import annotations

from typing import Any

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"


def card(
    body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None, **extra: Any
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "$schema": SCHEMA,
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": body,
    }
    if actions:
        out["actions"] = actions
    out.update(extra)
    return out


def heading(text: str) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "weight": "Bolder", "size": "Medium", "wrap": True}


def text(value: str, **extra: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": value, "wrap": True, **extra}


def facts(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    return {"type": "FactSet", "facts": [{"title": k, "value": v} for k, v in pairs]}


def execute(title: str, verb: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """A button answered in the invoke response (Action.Execute), so the card updates in place."""
    return {"type": "Action.Execute", "title": title, "verb": verb, "data": data or {}}


def card_to_text(content: dict[str, Any]) -> str:
    lines: list[str] = []

    def walk(elements: list[dict[str, Any]]) -> None:
        for el in elements or []:
            kind = el.get("type")
            if kind == "TextBlock":
                lines.append(str(el.get("text", "")))
            elif kind == "FactSet":
                for f in el.get("facts", []):
                    lines.append(f"{f.get('title', '')}: {f.get('value', '')}")
            elif kind in ("Container", "Column"):
                walk(el.get("items", []))
            elif kind == "ColumnSet":
                for col in el.get("columns", []):
                    walk(col.get("items", []))
            elif kind == "RichTextBlock":
                lines.append("".join(str(i.get("text", "")) for i in el.get("inlines", [])))

    walk(content.get("body", []))
    actions = [a.get("title", "") for a in content.get("actions", []) if a.get("title")]
    if actions:
        lines.append(" ".join(f"[{a}]" for a in actions))
    return "\n".join(line for line in lines if line is not None).strip()
