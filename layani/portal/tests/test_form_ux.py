"""The report form as a person meets it: parts with headings, required fields marked, every
description a screen reader is pointed at present on the page, categories named in English."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from layani.directory.models import Category
from layani.intake.selectors import report_counts_by_main_category

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.described: list[tuple[str, str]] = []  # (element id or tag, referenced id)
        self.legends: list[str] = []
        self._in_legend = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        for ref in str(a.get("aria-describedby") or "").split():
            self.described.append((str(a.get("id") or tag), ref))
        if tag == "legend":
            self._in_legend += 1
            self.legends.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "legend":
            self._in_legend -= 1

    def handle_data(self, data: str) -> None:
        if self._in_legend:
            self.legends[-1] += data


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture
def setup(regions, categories):
    return None


def _empty_send(client, lang: str):
    return client.post(
        reverse("portal:submit"),
        {"description": "", "province": "34", "category": "lampu-jalan", "email": "nope"},
        HTTP_ACCEPT_LANGUAGE=lang,
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_aria_describedby_points_at_an_id_on_the_page(client, setup, lang):
    pages = {
        "fresh": client.get(reverse("portal:submit"), HTTP_ACCEPT_LANGUAGE=lang),
        "errors": _empty_send(client, lang),
        "continue step": client.post(
            reverse("portal:submit"),
            {"step": "category", "category": "lampu-jalan", "description": ""},
            HTTP_ACCEPT_LANGUAGE=lang,
        ),
    }
    assert pages["errors"].status_code == 400
    for name, response in pages.items():
        page = _parse(response.content.decode())
        assert page.described, name
        missing = [(el, ref) for el, ref in page.described if ref not in page.ids]
        assert missing == [], f"{name}: {missing}"


def test_help_texts_are_announced_with_their_fields(client, setup):
    page = _parse(client.get(reverse("portal:submit")).content.decode())
    assert ("id_description", "id_description_helptext") in page.described
    assert ("id_address", "id_address_helptext") in page.described


def test_errors_are_wired_to_their_fields_and_the_summary_links_exist(client, setup):
    html = _empty_send(client, "en").content.decode()
    page = _parse(html)
    assert ("id_description", "id_description_error") in page.described
    assert ("id_name", "id_name_error") in page.described
    assert 'id="id_description" aria-invalid="true"' in html or re.search(
        r'<textarea[^>]*aria-invalid="true"[^>]*id="id_description"', html
    )
    summary = html.split('id="error-summary"')[1].split("</div>")[0]
    anchors = re.findall(r'href="#([^"]+)"', summary)
    assert anchors and all(a in page.ids for a in anchors)


def test_a_continue_round_trip_marks_nothing_invalid(client, setup):
    html = client.post(
        reverse("portal:submit"), {"step": "category", "category": "lampu-jalan"}
    ).content.decode()
    assert 'aria-invalid="true"' not in html


def test_the_form_is_in_four_titled_parts_with_a_progress_list(client, setup):
    with translation.override("en"):
        html = client.get(reverse("portal:submit"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    steps = re.findall(r'<fieldset class="form-step" id="(step-[a-z]+)"', html)
    assert steps == ["step-what", "step-where", "step-who", "step-send"]
    progress = html.split('class="form-progress"')[1].split("</nav>")[0]
    assert re.findall(r'href="#(step-[a-z]+)"', progress) == steps
    legends = " | ".join(_parse(html).legends)
    for title in ("Step 1 of 4", "What happened", "Where", "You and privacy", "Check and send"):
        assert title in legends
    # In order: the description before the region, the region before the contact, Send last.
    order = [html.index(s) for s in ('id="id_description"', 'id="id_province"', 'id="id_name"')]
    assert order == sorted(order) and html.index('id="submit-report"') > order[-1]


def test_required_fields_say_so_in_words_and_attributes(client, setup):
    html = client.get(reverse("portal:submit"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    name_label = html.split('<label for="id_name">')[1].split("</label>")[0]
    assert "Your name" in name_label and "(required)" in name_label
    assert re.search(r'<input[^>]*name="name"[^>]*aria-required="true"', html)
    assert re.search(r'<input[^>]*name="name"[^>]*required', html)
    description_label = html.split('<label for="id_description">')[1].split("</label>")[0]
    assert "(required)" in description_label
    assert re.search(r'<select[^>]*name="province"[^>]*aria-required="true"', html)
    title_label = html.split('<label for="id_title">')[1].split("</label>")[0]
    assert "(required)" not in title_label and "optional" in title_label


def test_a_signed_in_citizen_is_not_asked_for_a_name(client, setup, django_user_model):
    user = django_user_model.objects.create_user("sri@example.org", password="x-Long-pass-1")
    client.force_login(user)
    html = client.get(reverse("portal:submit")).content.decode()
    assert 'name="name"' not in html


def test_privacy_tiers_are_one_short_line_each_with_details_on_demand(client, setup):
    html = client.get(reverse("portal:submit"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    fieldset = html.split('class="field choices privacy')[1].split("</fieldset>")[0]
    shorts = re.findall(r'<p class="help" id="privacy-[a-z_]+-explain">([^<]*)</p>', fieldset)
    assert len(shorts) == 4 and all(len(s) <= 90 for s in shorts)
    details = fieldset.split("<details")[1]
    assert "<summary>" in details and "whistleblowing" in details


def test_main_categories_are_named_in_english_like_sub_categories(client, setup):
    html = client.get(reverse("portal:submit"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    groups = re.findall(r'<optgroup label="([^"]*)"', html)
    assert "Public works and spatial planning" in groups
    assert "Pekerjaan Umum dan Penataan Ruang" not in groups
    html_id = client.get(reverse("portal:submit"), HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "Pekerjaan Umum dan Penataan Ruang" in re.findall(r'<optgroup label="([^"]*)"', html_id)


def test_counts_per_main_category_are_named_in_the_language_that_shows_them(setup):
    from layani.intake.models import Report

    main = Category.objects.get(code="infrastruktur")
    sub = Category.objects.get(code="jalan-rusak")
    Report.objects.create(
        tracking_id="K7R4XA96HW",  # ten characters, as the column holds them
        access_code_hash="x",
        type="pengaduan",
        title="t",
        description="d",
        category=sub,
        region_id="34.04.07.2001",
        privacy="biasa",
        channel="web",
    )
    rows = report_counts_by_main_category()  # counted once, shown in either language
    with translation.override("en"):
        assert [(str(name), n) for name, n in rows] == [(main.name_en, 1)]
    with translation.override("id"):
        assert [(str(name), n) for name, n in rows] == [(main.name, 1)]
