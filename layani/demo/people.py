"""Invented reporters for the demo: Indonesian names with synthetic contacts.

The NIKs follow the real structure (district code, birth date with +40 for women, serial) so that
validation and masking can be shown, but they are generated, never taken from anywhere.
"""

from __future__ import annotations

import random

from layani.intake.services import Identity

FIRST_NAMES_F = [
    "Siti",
    "Sri",
    "Dewi",
    "Rina",
    "Wulan",
    "Ayu",
    "Nurul",
    "Fitri",
    "Yuni",
    "Endang",
    "Lestari",
    "Rahayu",
    "Indah",
    "Putri",
    "Anisa",
    "Ratna",
    "Suharti",
    "Tutik",
]
FIRST_NAMES_M = [
    "Budi",
    "Agus",
    "Slamet",
    "Joko",
    "Hendra",
    "Rizky",
    "Andi",
    "Bayu",
    "Dimas",
    "Eko",
    "Sugeng",
    "Wahyu",
    "Yusuf",
    "Ahmad",
    "Heru",
    "Tri",
    "Bagus",
    "Sutrisno",
]
LAST_NAMES = [
    "",
    "Santoso",
    "Wijaya",
    "Saputra",
    "Kurniawan",
    "Pratama",
    "Susanto",
    "Setiawan",
    "Hidayat",
    "Nugraha",
    "Purnama",
    "Wibisono",
    "Hartono",
    "Suryadi",
    "Rahmawati",
]
MAIL_DOMAINS = ["example.com", "example.net", "example.org"]


def fake_identity(rng: random.Random, village_code: str, *, show_name: bool) -> Identity:
    female = rng.random() < 0.5
    first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES_M)
    last = rng.choice(LAST_NAMES)
    name = f"{first} {last}".strip()
    district = village_code.replace(".", "")[:6]
    day = rng.randint(1, 28) + (40 if female else 0)
    birth = f"{day:02d}{rng.randint(1, 12):02d}{rng.randint(60, 99):02d}"
    nik = f"{district}{birth}{rng.randint(1, 9999):04d}"
    prefix = rng.choice(["12", "13", "21", "52", "56", "57", "77", "78", "95"])
    phone = f"08{prefix}{rng.randint(10**7, 10**8 - 1)}"
    email = ""
    if rng.random() < 0.4:
        email = f"{first.lower()}.{(last or 'warga').lower()}{rng.randint(1, 99)}@{rng.choice(MAIL_DOMAINS)}"
    has_nik = rng.random() < 0.6
    return Identity(
        name=name,
        nik=nik if has_nik else "",
        phone=phone,
        email=email,
        show_name_publicly=show_name,
    )
