"""Which category a message is about: a guess from the category keywords, or the citizen's pick.

`suggest_category` is the seam for the routing app's classifier: when it exists, this is the one
function to point at it. Until then a sub-category is guessed only when its keywords clearly win;
one whose questions must be answered gives way to its main category, since a text message cannot
fill in a form.
"""

from __future__ import annotations

import re

from layani.directory.models import Category, CategoryQuestion


def main_categories() -> list[Category]:
    return list(
        Category.objects.filter(parent__isnull=True, is_active=True).order_by("order", "name")
    )


def suggest_category(text: str) -> Category | None:
    """The category whose keywords `text` matches best, or None when none or several tie."""
    words = text.lower()
    scores: dict[int, int] = {}
    categories = {
        c.pk: c
        for c in Category.objects.filter(
            is_active=True, parent__isnull=False, parent__is_active=True
        )
        .exclude(keywords="")
        .select_related("parent")
    }
    for category in categories.values():
        # Longer phrases say more ("jalan berlubang" beats "pasar"), so a hit weighs its length.
        hits = sum(
            len(k)
            for k in category.keyword_list()
            if re.search(rf"\b{re.escape(k.lower())}\b", words)
        )
        if hits:
            scores[category.pk] = hits
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    best = categories[ranked[0][0]]
    if CategoryQuestion.objects.filter(category=best, required=True).exists():
        return best.parent
    return best
