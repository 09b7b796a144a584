"""State changes in the directory that carry rules."""

from __future__ import annotations

from django.db import transaction

from .default_categories import DEFAULT_CATEGORIES, DEFAULT_QUESTIONS
from .models import Category, CategoryQuestion


@transaction.atomic
def load_default_categories() -> int:
    """Create the default taxonomy, or bring its names and descriptions back to the defaults.

    Matched by code, so a deployment's own categories and its keyword edits on other codes are kept;
    keywords of default categories are only filled in when empty. Also adds the default extra
    questions where missing. Returns the number of categories.
    """
    count = 0
    for order, main in enumerate(DEFAULT_CATEGORIES, start=1):
        parent, _ = Category.objects.update_or_create(
            code=main["code"],
            defaults={
                "parent": None,
                "name": main["name"],
                "name_en": main["name_en"],
                "description": main["description"],
                "default_level": main["level"],
                "order": order,
            },
        )
        _fill_keywords(parent, main["keywords"])
        count += 1
        for sub_order, sub in enumerate(main["subs"], start=1):
            child, _ = Category.objects.update_or_create(
                code=sub["code"],
                defaults={
                    "parent": parent,
                    "name": sub["name"],
                    "name_en": sub["name_en"],
                    "default_service_class": sub["service_class"],
                    "order": sub_order,
                },
            )
            _fill_keywords(child, sub.get("keywords", []))
            count += 1
    for order, spec in enumerate(DEFAULT_QUESTIONS, start=1):
        CategoryQuestion.objects.get_or_create(
            category=Category.objects.get(code=spec["category"]),
            code=spec["code"],
            defaults={
                "label": spec["label"],
                "type": spec["type"],
                "required": spec.get("required", False),
                "help_text": spec.get("help_text", ""),
                "choices": spec.get("choices", []),
                "order": order,
            },
        )
    return count


def _fill_keywords(category: Category, keywords: list[str]) -> None:
    if not category.keywords and keywords:
        category.keywords = "\n".join(keywords)
        category.save(update_fields=["keywords"])
