"""Everything the adapter says to a citizen, in Bahasa Indonesia (the deployment's language).

Written in Indonesian, not English: these texts reach citizens on plain phones, where an untranslated
English fallback would be useless. Each is still wrapped in gettext so that a deployment can adapt
the wording or add a regional language. Kept short: an SMS holds 160 characters.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

CANCEL_WORDS = {"batal", "ulang", "reset", "cancel"}


def ask_description() -> str:
    return _("Silakan tulis laporan Anda: apa yang terjadi, di mana, dan sejak kapan.")


def ask_location() -> str:
    return _(
        "Terima kasih. Di mana lokasinya? Tulis nama desa/kelurahan (boleh dengan kecamatan), "
        "atau kode wilayah Kemendagri, mis. 34.04.07.2001."
    )


def place_not_found(text: str) -> str:
    return _(
        "Kami belum menemukan wilayah “%(text)s”. Coba tulis nama desa/kelurahan atau kecamatan "
        "saja, mis. “Caturtunggal” atau “Jetis, Bantul”."
    ) % {"text": text[:40]}


def place_too_vague() -> str:
    return _(
        "Ada banyak wilayah dengan nama itu. Tambahkan nama kecamatan atau kabupaten, "
        "mis. “Jetis, Bantul”."
    )


def choose_place(options: list[str]) -> str:
    lines = [f"{i}. {name}" for i, name in enumerate(options, start=1)]
    return _("Wilayah mana yang Anda maksud? Balas dengan nomornya:") + "\n" + "\n".join(lines)


def choose_category(options: list[str]) -> str:
    lines = [f"{i}. {name}" for i, name in enumerate(options, start=1)]
    return _("Laporan Anda tentang apa? Balas dengan nomornya:") + "\n" + "\n".join(lines)


def invalid_choice(count: int) -> str:
    return _("Mohon balas dengan angka 1 sampai %(n)d.") % {"n": count}


def cancelled() -> str:
    return _("Laporan dibatalkan. Kirim pesan baru kapan saja untuk melapor.")


def confirmed(tracking_id: str, access_code: str) -> str:
    return _(
        "Laporan Anda diterima. Nomor tiket: %(id)s. Kode akses: %(code)s. Simpan keduanya untuk "
        "mengikuti perkembangan laporan; jangan berikan kode akses kepada orang lain."
    ) % {"id": tracking_id, "code": access_code}


def refused(message: str) -> str:
    return _("Maaf, laporan belum dapat diterima: %(reason)s") % {"reason": message}
