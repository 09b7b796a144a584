"""SP4N-LAPOR!: the `<lapor>` XML documents (the one module to replace with the real contract).

Modelled on older public client code for LAPOR!, which posts one XML document with a token, the
reporter's e-mail, phone, first and last name, and the report with its `rahasia` and `anonim`
flags and its text, and receives a tracking ID. The same envelope carries, in this adapter, the
follow-ups and closure pushed back for a report LAPOR! disposed here, and LAPOR!'s dispositions
and follow-ups sent to us:

    <lapor><token>…</token>
      <user><email/><phone/><first_name/><last_name/></user>
      <laporan><rahasia>0|1</rahasia><anonim>0|1</anonim><judul/><isi/><lokasi/><kategori/>
               <referensi>(sender's tracking ID)</referensi></laporan>
    </lapor>                                     → <lapor><tracking_id>…</tracking_id></lapor>

    <lapor><token>…</token>
      <tindak_lanjut><tracking_id>(the recipient's)</tracking_id><referensi>(sender's)</referensi>
        <kunci>(idempotency key)</kunci><jenis>(wire.EVENTS)</jenis><isi/><hasil/><nilai/>
      </tindak_lanjut>
    </lapor>                                     → <lapor><status>ok</status></lapor>

Parsing is safe without defusedxml (not installed here): a document must be UTF-8 and any
markup declaration (`<!`: DOCTYPE, ENTITY, CDATA) is refused before parsing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # nosec B405 - parse() refuses every "<!" first
from typing import Any

from django.utils.translation import gettext as _

from . import EVENTS, Message, WireError

MAX_BODY_BYTES = 256 * 1024
REPORT_PATH = "/api/lapor"  # where the simulator (and, once configured, LAPOR!) takes documents


def _refuse(*_args: Any) -> None:
    raise WireError("xml_dtd_refused", "body", _("Document type declarations are not accepted."))


def parse(body: bytes) -> ET.Element:
    """The document's root, refusing DTDs and entities (billion laughs, external entities)."""
    if len(body) > MAX_BODY_BYTES:
        raise WireError("too_large", "body", _("The message is too large."))
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise WireError("invalid_xml", "body", _("The message is not valid XML.")) from None
    # No "<!" at all: no DOCTYPE, so no entity declarations (billion laughs, external entities);
    # decoded first so another encoding cannot hide it. Undefined entities fail to parse.
    if "<!" in text:
        _refuse()
    try:
        root = ET.fromstring(body)  # noqa: S314  # nosec B314 - no "<!" at all, so no DTD or entity
    except ET.ParseError:
        raise WireError("invalid_xml", "body", _("The message is not valid XML.")) from None
    if root.tag != "lapor":
        raise WireError("invalid_xml", "lapor", _("The document must be a <lapor> element."))
    return root


def _sub(parent: ET.Element, tag: str, text: str | int | None) -> None:
    ET.SubElement(parent, tag).text = "" if text is None else str(text)


def _get(element: ET.Element | None, tag: str, limit: int = 10000) -> str:
    if element is None:
        return ""
    value = (element.findtext(tag) or "").strip()
    if len(value) > limit:
        raise WireError("too_long", tag, _("The field %(field)s is too long.") % {"field": tag})
    return value


def _flag(element: ET.Element, tag: str) -> bool:
    value = _get(element, tag, 5)
    if value not in ("", "0", "1"):
        raise WireError(
            "invalid_field", tag, _("The field %(field)s is not valid.") % {"field": tag}
        )
    return value == "1"


def _split_name(name: str) -> tuple[str, str]:
    first, _sep, last = name.strip().partition(" ")
    return first, last


def encode_report(token: str, payload: dict[str, Any]) -> bytes:
    """A forward (federation.privacy's payload) as a LAPOR! report document."""
    root = ET.Element("lapor")
    _sub(root, "token", token)
    identity = payload.get("identity") or {}
    user = ET.SubElement(root, "user")
    first, last = _split_name(identity.get("name", ""))
    _sub(user, "email", identity.get("email", ""))
    _sub(user, "phone", identity.get("phone", ""))
    _sub(user, "first_name", first)
    _sub(user, "last_name", last)
    report = payload["report"]
    privacy = report.get("privacy", "biasa")
    laporan = ET.SubElement(root, "laporan")
    _sub(laporan, "rahasia", int("rahasia" in privacy))
    _sub(laporan, "anonim", int("anonim" in privacy))
    _sub(laporan, "judul", report.get("title", ""))
    _sub(laporan, "isi", report.get("description", ""))
    _sub(laporan, "lokasi", report.get("region_code", ""))
    _sub(laporan, "kategori", report.get("category_code", ""))
    _sub(laporan, "referensi", payload["origin"]["tracking_id"])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def encode_update(token: str, payload: dict[str, Any]) -> bytes:
    root = ET.Element("lapor")
    _sub(root, "token", token)
    update = ET.SubElement(root, "tindak_lanjut")
    _sub(update, "tracking_id", payload.get("your_tracking_id", ""))
    _sub(update, "referensi", payload["origin"]["tracking_id"])
    _sub(update, "kunci", payload["key"])
    _sub(update, "jenis", payload["event"])
    _sub(update, "isi", payload.get("text", ""))
    _sub(update, "hasil", payload.get("outcome", ""))
    _sub(update, "nilai", payload.get("rating"))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def encode_answer(tracking_id: str = "", error: str = "") -> bytes:
    root = ET.Element("lapor")
    _sub(root, "status", "error" if error else "ok")
    if tracking_id:
        _sub(root, "tracking_id", tracking_id)
    if error:
        _sub(root, "pesan", error)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def token_of(root: ET.Element) -> str:
    return _get(root, "token", 200)


def decode(root: ET.Element, *, sender: str) -> Message:
    """A disposition (`<laporan>`) or a follow-up (`<tindak_lanjut>`) from LAPOR! as a Message."""
    laporan = root.find("laporan")
    if laporan is not None:
        tracking = _get(laporan, "tracking_id", 40) or _get(laporan, "referensi", 40)
        if not tracking:
            raise WireError(
                "missing_field",
                "tracking_id",
                _("The field %(field)s is required.") % {"field": "tracking_id"},
            )
        rahasia, anonim = _flag(laporan, "rahasia"), _flag(laporan, "anonim")
        privacy = {
            (False, False): "biasa",
            (True, False): "rahasia",
            (False, True): "anonim",
            (True, True): "anonim_rahasia",
        }[(rahasia, anonim)]
        user = root.find("user")
        name = " ".join(
            p for p in (_get(user, "first_name", 100), _get(user, "last_name", 100)) if p
        )
        identity = {
            "name": name,
            "email": _get(user, "email", 254),
            "phone": _get(user, "phone", 30),
        }
        description = _get(laporan, "isi")
        if not description:
            raise WireError(
                "missing_field", "isi", _("The field %(field)s is required.") % {"field": "isi"}
            )
        return Message(
            kind="forward",
            key=f"lapor:{tracking}",
            origin_deployment=sender,
            origin_tracking_id=tracking,
            report={
                "title": _get(laporan, "judul", 200),
                "description": description,
                "region_code": _get(laporan, "lokasi", 20),
                "category_code": _get(laporan, "kategori", 80),
                "privacy": privacy,
            },
            identity=None if anonim or not any(identity.values()) else identity,
        )
    update = root.find("tindak_lanjut")
    if update is None:
        raise WireError(
            "invalid_xml", "lapor", _("The document has neither a report nor a follow-up.")
        )
    event = _get(update, "jenis", 20)
    if event not in EVENTS:
        raise WireError(
            "invalid_field", "jenis", _("The field %(field)s is not valid.") % {"field": "jenis"}
        )
    rating_text = _get(update, "nilai", 2)
    if rating_text and not rating_text.isdigit():
        raise WireError(
            "invalid_field", "nilai", _("The field %(field)s is not valid.") % {"field": "nilai"}
        )
    reference = _get(update, "referensi", 40)
    return Message(
        kind="update",
        key=_get(update, "kunci", 160) or f"lapor:{reference}:{event}:{_get(update, 'isi')[:40]}",
        origin_deployment=sender,
        origin_tracking_id=reference,
        event=event,
        your_tracking_id=_get(update, "tracking_id", 40),
        text=_get(update, "isi"),
        outcome=_get(update, "hasil", 30),
        rating=int(rating_text) if rating_text else None,
    )


def tracking_id_of_answer(body: bytes) -> str:
    root = parse(body)
    if _get(root, "status", 10) == "error":
        raise WireError("refused", "status", _get(root, "pesan", 300) or "refused")
    tracking = _get(root, "tracking_id", 40)
    if not tracking:
        raise WireError("missing_field", "tracking_id", _("The answer has no tracking ID."))
    return tracking
