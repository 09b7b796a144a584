"""The demo deployment's organisations as data: DIY's agencies, their units, who handles which
category, and the invented staff names. Names follow the real offices' naming patterns; people are
invented. The builder is deployment.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from layani.directory.models import AgencyKind

PROVINCE = "34"
#: Regencies/cities of DIY with the approximate centre used to place demo report pins.
REGENCIES: dict[str, tuple[str, float, float]] = {
    "34.71": ("Kota Yogyakarta", -7.8014, 110.3647),
    "34.04": ("Sleman", -7.7167, 110.3556),
    "34.02": ("Bantul", -7.8881, 110.3289),
    "34.01": ("Kulon Progo", -7.8266, 110.1641),
    "34.03": ("Gunungkidul", -7.9650, 110.6004),
}
# Published demo credential.
DEMO_PASSWORD = "layani-demo"  # noqa: S105  # nosec B105
#: The demo's staff authenticator secret (base32), published like the password: add it to any
#: TOTP app (or run `oathtool --totp -b SECRET`) to pass the second factor as a demo coordinator.
DEMO_TOTP_SECRET = "LAYANIDEMOLAYANIDEMO2345"  # noqa: S105  # nosec B105

#: Units created inside each kind of office ("role" of the office → unit names).
UNITS: dict[str, list[str]] = {
    "pemda": ["Bagian Umum dan Pengaduan", "Bagian Organisasi", "Dinas Pemberdayaan Masyarakat"],
    "pu": ["Bidang Bina Marga", "Bidang Sumber Daya Air", "Bidang Cipta Karya"],
    "kesehatan": ["Bidang Pelayanan Kesehatan", "Bidang Pencegahan Penyakit", "Puskesmas Wilayah"],
    "pendidikan": ["Bidang Pembinaan SD", "Bidang Pembinaan SMP", "Bidang Sarana Prasarana"],
    "lingkungan": ["Bidang Persampahan", "Bidang Pengendalian Pencemaran", "UPT Taman"],
    "perhubungan": ["Bidang Lalu Lintas", "Bidang Angkutan", "UPT Parkir"],
    "dukcapil": ["Bidang Pendaftaran Penduduk", "Bidang Pencatatan Sipil"],
    "sosial": ["Bidang Perlindungan dan Jaminan Sosial", "Bidang Rehabilitasi Sosial"],
    "satpol": ["Bidang Ketertiban Umum", "Bidang Penegakan Perda"],
    "tenagakerja": ["Bidang Hubungan Industrial", "Bidang Penempatan Tenaga Kerja"],
    "bencana": ["Bidang Kedaruratan dan Logistik", "Bidang Rehabilitasi"],
    "pengawas": ["Irban Wilayah I", "Irban Wilayah II"],
    "desa": ["Seksi Pelayanan", "Seksi Pemerintahan"],
    "air": ["Bagian Pelayanan Pelanggan", "Bagian Distribusi"],
    "pusat": ["Direktorat Pengaduan", "Unit Layanan Terpadu"],
}


@dataclass(frozen=True)
class AgencySpec:
    slug: str
    name: str
    short_name: str
    level: str
    kind: str
    role: str  # which UNITS list and which categories it handles
    region: str | None = None
    parent: str | None = None


def _regency_offices(code: str, label: str, slug: str, full: bool) -> list[AgencySpec]:
    pemda_kind = "Pemerintah Kota" if code == "34.71" else "Pemerintah Kabupaten"
    pemda = f"pemda-{slug}"
    specs = [
        AgencySpec(
            pemda,
            f"{pemda_kind} {label}",
            f"Pemda {label}",
            "regency",
            AgencyKind.REGIONAL_GOVERNMENT,
            "pemda",
            code,
        ),
        AgencySpec(
            f"dpu-{slug}",
            f"Dinas Pekerjaan Umum, Perumahan dan Kawasan Permukiman {label}",
            f"DPUPKP {label}",
            "regency",
            AgencyKind.REGIONAL_OFFICE,
            "pu",
            code,
            pemda,
        ),
        AgencySpec(
            f"dinkes-{slug}",
            f"Dinas Kesehatan {label}",
            f"Dinkes {label}",
            "regency",
            AgencyKind.REGIONAL_OFFICE,
            "kesehatan",
            code,
            pemda,
        ),
        AgencySpec(
            f"dlh-{slug}",
            f"Dinas Lingkungan Hidup {label}",
            f"DLH {label}",
            "regency",
            AgencyKind.REGIONAL_OFFICE,
            "lingkungan",
            code,
            pemda,
        ),
    ]
    if full:
        specs += [
            AgencySpec(
                f"disdik-{slug}",
                f"Dinas Pendidikan {label}",
                f"Disdik {label}",
                "regency",
                AgencyKind.REGIONAL_OFFICE,
                "pendidikan",
                code,
                pemda,
            ),
            AgencySpec(
                f"dishub-{slug}",
                f"Dinas Perhubungan {label}",
                f"Dishub {label}",
                "regency",
                AgencyKind.REGIONAL_OFFICE,
                "perhubungan",
                code,
                pemda,
            ),
            AgencySpec(
                f"dukcapil-{slug}",
                f"Dinas Kependudukan dan Pencatatan Sipil {label}",
                f"Disdukcapil {label}",
                "regency",
                AgencyKind.REGIONAL_OFFICE,
                "dukcapil",
                code,
                pemda,
            ),
            AgencySpec(
                f"dinsos-{slug}",
                f"Dinas Sosial {label}",
                f"Dinsos {label}",
                "regency",
                AgencyKind.REGIONAL_OFFICE,
                "sosial",
                code,
                pemda,
            ),
            AgencySpec(
                f"satpolpp-{slug}",
                f"Satuan Polisi Pamong Praja {label}",
                f"Satpol PP {label}",
                "regency",
                AgencyKind.REGIONAL_OFFICE,
                "satpol",
                code,
                pemda,
            ),
            AgencySpec(
                f"inspektorat-{slug}",
                f"Inspektorat {label}",
                f"Inspektorat {label}",
                "regency",
                AgencyKind.OVERSIGHT,
                "pengawas",
                code,
                pemda,
            ),
        ]
    return specs


AGENCIES: list[AgencySpec] = [
    AgencySpec(
        "kemen-pu",
        "Kementerian Pekerjaan Umum",
        "Kementerian PU",
        "national",
        AgencyKind.MINISTRY,
        "pu",
    ),
    AgencySpec("kemenag", "Kementerian Agama", "Kemenag", "national", AgencyKind.MINISTRY, "pusat"),
    AgencySpec(
        "atr-bpn",
        "Kementerian Agraria dan Tata Ruang/BPN",
        "ATR/BPN",
        "national",
        AgencyKind.MINISTRY,
        "pusat",
    ),
    AgencySpec(
        "bpjs-kesehatan",
        "BPJS Kesehatan",
        "BPJS Kesehatan",
        "national",
        AgencyKind.NATIONAL_BODY,
        "pusat",
    ),
    AgencySpec("pln", "PT PLN (Persero)", "PLN", "national", AgencyKind.STATE_ENTERPRISE, "pusat"),
    AgencySpec(
        "ombudsman",
        "Ombudsman Republik Indonesia",
        "Ombudsman RI",
        "national",
        AgencyKind.OVERSIGHT,
        "pengawas",
    ),
    AgencySpec(
        "pemda-diy",
        "Pemerintah Daerah Daerah Istimewa Yogyakarta",
        "Pemda DIY",
        "province",
        AgencyKind.REGIONAL_GOVERNMENT,
        "pemda",
        PROVINCE,
    ),
    AgencySpec(
        "dpu-diy",
        "Dinas Pekerjaan Umum, Perumahan dan ESDM DIY",
        "DPUPESDM DIY",
        "province",
        AgencyKind.REGIONAL_OFFICE,
        "pu",
        PROVINCE,
        "pemda-diy",
    ),
    AgencySpec(
        "dinkes-diy",
        "Dinas Kesehatan DIY",
        "Dinkes DIY",
        "province",
        AgencyKind.REGIONAL_OFFICE,
        "kesehatan",
        PROVINCE,
        "pemda-diy",
    ),
    AgencySpec(
        "disdik-diy",
        "Dinas Pendidikan, Pemuda dan Olahraga DIY",
        "Disdikpora DIY",
        "province",
        AgencyKind.REGIONAL_OFFICE,
        "pendidikan",
        PROVINCE,
        "pemda-diy",
    ),
    AgencySpec(
        "dishub-diy",
        "Dinas Perhubungan DIY",
        "Dishub DIY",
        "province",
        AgencyKind.REGIONAL_OFFICE,
        "perhubungan",
        PROVINCE,
        "pemda-diy",
    ),
    AgencySpec(
        "disnaker-diy",
        "Dinas Tenaga Kerja dan Transmigrasi DIY",
        "Disnakertrans DIY",
        "province",
        AgencyKind.REGIONAL_OFFICE,
        "tenagakerja",
        PROVINCE,
        "pemda-diy",
    ),
    AgencySpec(
        "bpbd-diy",
        "Badan Penanggulangan Bencana Daerah DIY",
        "BPBD DIY",
        "province",
        AgencyKind.REGIONAL_OFFICE,
        "bencana",
        PROVINCE,
        "pemda-diy",
    ),
    AgencySpec(
        "dlh-diy",
        "Dinas Lingkungan Hidup dan Kehutanan DIY",
        "DLHK DIY",
        "province",
        AgencyKind.REGIONAL_OFFICE,
        "lingkungan",
        PROVINCE,
        "pemda-diy",
    ),
    AgencySpec(
        "inspektorat-diy",
        "Inspektorat Daerah DIY",
        "Inspektorat DIY",
        "province",
        AgencyKind.OVERSIGHT,
        "pengawas",
        PROVINCE,
        "pemda-diy",
    ),
    *_regency_offices("34.71", "Kota Yogyakarta", "kota-yogyakarta", full=True),
    *_regency_offices("34.04", "Sleman", "sleman", full=True),
    *_regency_offices("34.02", "Bantul", "bantul", full=True),
    *_regency_offices("34.01", "Kulon Progo", "kulon-progo", full=False),
    *_regency_offices("34.03", "Gunungkidul", "gunungkidul", full=False),
    AgencySpec(
        "pdam-kota-yogyakarta",
        "Perumda Air Minum Tirtamarta Kota Yogyakarta",
        "PDAM Tirtamarta",
        "regency",
        AgencyKind.STATE_ENTERPRISE,
        "air",
        "34.71",
        "pemda-kota-yogyakarta",
    ),
    AgencySpec(
        "kalurahan-sinduadi",
        "Pemerintah Kalurahan Sinduadi",
        "Kalurahan Sinduadi",
        "village",
        AgencyKind.VILLAGE_GOVERNMENT,
        "desa",
        "34.04.06.2001",
        "pemda-sleman",
    ),
    AgencySpec(
        "kalurahan-panggungharjo",
        "Pemerintah Kalurahan Panggungharjo",
        "Kalurahan Panggungharjo",
        "village",
        AgencyKind.VILLAGE_GOVERNMENT,
        "desa",
        "34.02.15.2004",
        "pemda-bantul",
    ),
]

#: Main category → the office role that handles it (at regency and province level).
HANDLER_ROLE: dict[str, str] = {
    "infrastruktur": "pu",
    "perhubungan": "perhubungan",
    "lingkungan": "lingkungan",
    "air-energi": "pu",
    "kesehatan": "kesehatan",
    "pendidikan": "pendidikan",
    "kependudukan": "dukcapil",
    "sosial": "sosial",
    "ketertiban": "satpol",
    "ekonomi": "pemda",
    "pertanian": "pemda",
    "ketenagakerjaan": "tenagakerja",
    "pemerintahan-desa": "pemda",
    "aparatur": "pemda",
    "agama": "pemda",
    "pertanahan": "pemda",
    "bencana": "bencana",
    "lainnya": "pemda",
}
#: Main or sub-category → the national agency behind it.
NATIONAL_HANDLER: dict[str, str] = {
    "infrastruktur": "kemen-pu",
    "agama": "kemenag",
    "pertanahan": "atr-bpn",
    "jaminan-kesehatan": "bpjs-kesehatan",
    "listrik": "pln",
}
#: Sub-categories handled by a specific agency in one regency.
LOCAL_OVERRIDES: list[tuple[str, str, str]] = [
    ("air-minum", "34.71", "pdam-kota-yogyakarta"),
]


STAFF_NAMES: list[tuple[str, str]] = [
    ("Ayu", "Lestari"),
    ("Bambang", "Sutrisno"),
    ("Citra", "Handayani"),
    ("Dwi", "Prasetyo"),
    ("Endah", "Wulandari"),
    ("Fajar", "Nugroho"),
    ("Galih", "Saputra"),
    ("Hesti", "Rahmawati"),
    ("Imam", "Santoso"),
    ("Joko", "Purnomo"),
    ("Kartika", "Sari"),
    ("Lukman", "Hakim"),
    ("Maya", "Anggraini"),
    ("Nur", "Hidayat"),
    ("Oktaviani", "Putri"),
    ("Puji", "Astuti"),
    ("Rina", "Kusumawati"),
    ("Slamet", "Riyadi"),
    ("Tri", "Wahyuni"),
    ("Umar", "Fauzi"),
    ("Vivi", "Oktavia"),
    ("Wahyu", "Setiawan"),
    ("Yulia", "Ningsih"),
    ("Zainal", "Arifin"),
    ("Agus", "Salim"),
    ("Bayu", "Aji"),
    ("Dewi", "Sartika"),
    ("Eko", "Wibowo"),
]
