"""Checks and normal forms for a reporter's NIK and phone number.

A NIK (Nomor Induk Kependudukan) has 16 digits: the district where it was issued (province,
regency, district: 2 + 2 + 2), the holder's date of birth as DDMMYY with 40 added to the day for
women, and a four-digit serial that starts at 0001. Checking the structure catches typing slips
(a digit too many, swapped blocks) without consulting the civil registry, which Layani cannot
reach. District codes are not checked against today's regions: districts split and are renamed,
and an old NIK keeps the code it was issued under.

Phone numbers are kept in one national form, ``08…``, so that the same person is the same
number whichever way they wrote it (``+62 812-3456-7890``, ``62812…``, ``0812 3456 7890``).
"""

from __future__ import annotations

import calendar

from django.utils.translation import gettext as _

from .errors import SubmissionError

#: Province codes in use (Kemendagri): Sumatra 11–21, Java 31–36, Bali/Nusa Tenggara 51–53,
#: Kalimantan 61–65, Sulawesi 71–76, Maluku 81–82, Papua 91–96 (the 38 of Kepmendagri 2025).
_SUMATRA_JAVA_BALI_NUSA = [*range(11, 20), 21, *range(31, 37), *range(51, 54)]
_KALIMANTAN_SULAWESI_MALUKU_PAPUA = [*range(61, 66), *range(71, 77), 81, 82, *range(91, 97)]
PROVINCE_CODES = frozenset(_SUMATRA_JAVA_BALI_NUSA) | frozenset(_KALIMANTAN_SULAWESI_MALUKU_PAPUA)


def _refuse(message: str) -> SubmissionError:
    return SubmissionError("invalid_nik", "nik", message)


def _is_birth_date(day: int, month: int, yy: int) -> bool:
    """True when DD/MM/YY is a real date in the 1900s or the 2000s (the century is not stored)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return any(day <= calendar.monthrange(century + yy, month)[1] for century in (1900, 2000))


def clean_nik(value: str) -> str:
    """The NIK without spaces or dots, or a SubmissionError saying which part is wrong."""
    nik = "".join(ch for ch in value if ch not in " .-")
    if not nik:
        return ""
    if len(nik) != 16 or not nik.isdigit():
        raise _refuse(_("A NIK has exactly 16 digits."))
    if int(nik[:2]) not in PROVINCE_CODES or nik[2:4] == "00" or nik[4:6] == "00":
        raise _refuse(_("The first six digits of a NIK are a region code; these are not one."))
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        day -= 40  # women's NIKs add 40 to the day of birth
    if not _is_birth_date(day, month, yy):
        raise _refuse(_("Digits 7 to 12 of a NIK are a date of birth; these are not a real date."))
    if nik[12:] == "0000":
        raise _refuse(_("The last four digits of a NIK are a serial number starting at 0001."))
    return nik


def clean_phone(value: str) -> str:
    """The number in national form (08…), or a SubmissionError naming the problem."""
    text = value.strip()
    if not text:
        return ""
    international = text.startswith("+")
    digits = "".join(ch for ch in text if ch.isdigit())
    if any(not (ch.isdigit() or ch in " +-.()/") for ch in text) or text.count("+") > 1:
        raise SubmissionError(
            "invalid_phone", "phone", _("A phone number may only contain digits, spaces and +.")
        )
    if international and not digits.startswith("62"):
        # A foreign number stays as written (in digits, with its +): it may still reach a gateway.
        national = "+" + digits
    elif digits.startswith("62") and (international or len(digits) >= 11):
        national = "0" + digits[2:]
    else:
        national = digits
    if not 8 <= len(digits) <= 15:
        raise SubmissionError(
            "invalid_phone", "phone", _("The phone number should have 8 to 15 digits.")
        )
    return national
