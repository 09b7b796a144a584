"""Layani's default category taxonomy: main categories and their sub-categories.

Modelled on the main categories citizens know from SP4N-LAPOR!, trimmed to what regional and
national agencies handle today (time-bound topics such as COVID-19 relief are left out), with plain
descriptions and the words citizens actually use, which seed the router. Deployments edit all of it
in the admin; `layani load_categories` (re)loads these defaults without touching local edits' codes.
"""

from __future__ import annotations

from typing import TypedDict


class SubCategorySpec(TypedDict, total=False):
    code: str
    name: str
    name_en: str
    service_class: str
    keywords: list[str]


class MainCategorySpec(TypedDict):
    code: str
    name: str
    name_en: str
    level: str
    description: str
    keywords: list[str]
    subs: list[SubCategorySpec]


def _sub(code: str, name: str, name_en: str, service_class: str, *keywords: str) -> SubCategorySpec:
    return {
        "code": code,
        "name": name,
        "name_en": name_en,
        "service_class": service_class,
        "keywords": list(keywords),
    }


R, N, T, B = "ringan", "normatif", "tidak_berkadar", "berkadar"

DEFAULT_CATEGORIES: list[MainCategorySpec] = [
    {
        "code": "infrastruktur",
        "name": "Pekerjaan Umum dan Penataan Ruang",
        "name_en": "Public works and spatial planning",
        "level": "regency",
        "description": "Jalan, jembatan, drainase, bangunan dan tata ruang.",
        "keywords": ["jalan", "jembatan", "aspal", "pu", "infrastruktur"],
        "subs": [
            _sub("jalan-rusak", "Jalan Rusak", "Damaged roads", B,
                 "jalan rusak", "jalan berlubang", "lubang", "aspal", "jln", "ambles", "retak"),
            _sub("jembatan", "Jembatan", "Bridges", B,
                 "jembatan", "jembatan putus", "jembatan gantung", "rapuh"),
            _sub("drainase", "Drainase dan Gorong-gorong", "Drainage and culverts", T,
                 "drainase", "gorong-gorong", "got", "selokan", "parit", "mampet", "tersumbat"),
            _sub("banjir-genangan", "Banjir dan Genangan", "Flooding and standing water", B,
                 "banjir", "genangan", "tergenang", "air naik", "luapan"),
            _sub("bangunan-tata-ruang", "Bangunan dan Tata Ruang", "Buildings and zoning", B,
                 "imb", "pbg", "bangunan liar", "tata ruang", "sempadan"),
            _sub("trotoar-fasum", "Trotoar dan Fasilitas Umum", "Pavements and public facilities", T,
                 "trotoar", "taman", "fasilitas umum", "fasum", "halte"),
        ],
    },
    {
        "code": "perhubungan",
        "name": "Perhubungan",
        "name_en": "Transport",
        "level": "regency",
        "description": "Lalu lintas, angkutan umum, parkir dan penerangan jalan.",
        "keywords": ["dishub", "lalu lintas", "angkot", "bus"],
        "subs": [
            _sub("lampu-jalan", "Lampu Penerangan Jalan Umum", "Street lighting", R,
                 "pju", "lampu jalan", "lampu mati", "gelap", "penerangan"),
            _sub("lampu-lalu-lintas", "Lampu Lalu Lintas dan Rambu", "Traffic lights and signs", R,
                 "lampu merah", "traffic light", "apill", "rambu", "marka"),
            _sub("parkir-liar", "Parkir Liar", "Illegal parking", R,
                 "parkir liar", "jukir", "tukang parkir", "parkir sembarangan", "karcis parkir"),
            _sub("angkutan-umum", "Angkutan Umum", "Public transport", N,
                 "angkot", "bus", "trans", "ngetem", "sopir", "tarif angkutan"),
            _sub("kemacetan", "Kemacetan", "Traffic congestion", T,
                 "macet", "kemacetan", "antrean kendaraan", "simpang"),
        ],
    },
    {
        "code": "lingkungan",
        "name": "Lingkungan Hidup dan Kebersihan",
        "name_en": "Environment and cleanliness",
        "level": "regency",
        "description": "Sampah, pencemaran, pohon dan ruang terbuka hijau.",
        "keywords": ["dlh", "lingkungan", "sampah"],
        "subs": [
            _sub("sampah", "Sampah dan Kebersihan", "Waste and cleanliness", R,
                 "sampah", "tpa", "tps", "numpuk", "bau", "truk sampah", "belum diangkut"),
            _sub("pencemaran", "Pencemaran Air, Udara dan Tanah", "Pollution", B,
                 "limbah", "pencemaran", "asap", "bau busuk", "sungai tercemar", "pabrik"),
            _sub("pohon-rth", "Pohon dan Ruang Terbuka Hijau", "Trees and green space", R,
                 "pohon tumbang", "dahan", "ranting", "rth", "taman kota"),
            _sub("kebisingan", "Kebisingan", "Noise", N,
                 "bising", "berisik", "suara keras", "sound system"),
        ],
    },
    {
        "code": "air-energi",
        "name": "Air Minum, Listrik dan Energi",
        "name_en": "Water, electricity and energy",
        "level": "regency",
        "description": "Layanan air minum (PDAM), listrik, gas dan BBM.",
        "keywords": ["pdam", "pln", "air", "listrik"],
        "subs": [
            _sub("air-minum", "Layanan Air Minum", "Drinking water service", N,
                 "pdam", "air mati", "air keruh", "air tidak mengalir", "pipa bocor", "meteran"),
            _sub("listrik", "Listrik", "Electricity", N,
                 "pln", "listrik padam", "mati lampu", "token", "tiang listrik", "kabel"),
            _sub("bbm-gas", "BBM dan Gas", "Fuel and LPG", N,
                 "gas elpiji", "lpg", "gas melon", "bbm", "solar", "pertalite", "spbu"),
        ],
    },
    {
        "code": "kesehatan",
        "name": "Kesehatan",
        "name_en": "Health",
        "level": "regency",
        "description": "Layanan puskesmas dan rumah sakit, jaminan kesehatan, obat dan wabah.",
        "keywords": ["kesehatan", "dinkes", "sakit"],
        "subs": [
            _sub("layanan-faskes", "Layanan Puskesmas dan Rumah Sakit", "Clinics and hospitals", N,
                 "puskesmas", "rumah sakit", "rs", "rsud", "igd", "dokter", "perawat", "antre"),
            _sub("jaminan-kesehatan", "Jaminan Kesehatan (BPJS/KIS)", "Health insurance", N,
                 "bpjs", "kis", "jkn", "iuran", "faskes", "rujukan", "pbi"),
            _sub("obat-alkes", "Obat dan Alat Kesehatan", "Medicines and equipment", N,
                 "obat", "apotek", "stok obat", "alat kesehatan"),
            _sub("wabah-penyakit", "Wabah dan Penyakit Menular", "Outbreaks", T,
                 "dbd", "demam berdarah", "fogging", "nyamuk", "diare", "wabah", "tbc"),
            _sub("gizi-stunting", "Gizi dan Stunting", "Nutrition and stunting", T,
                 "stunting", "gizi buruk", "posyandu", "balita", "pmt"),
        ],
    },
    {
        "code": "pendidikan",
        "name": "Pendidikan dan Kebudayaan",
        "name_en": "Education and culture",
        "level": "regency",
        "description": "Sekolah, penerimaan murid baru, bantuan pendidikan, guru dan kebudayaan.",
        "keywords": ["sekolah", "pendidikan", "disdik"],
        "subs": [
            _sub("penerimaan-murid", "Penerimaan Murid Baru", "School admission", N,
                 "ppdb", "spmb", "zonasi", "pendaftaran sekolah", "jalur afirmasi"),
            _sub("pungutan-sekolah", "Pungutan di Sekolah", "School fees and levies", T,
                 "pungutan", "pungli sekolah", "uang gedung", "seragam", "lks", "iuran komite"),
            _sub("bantuan-pendidikan", "Bantuan Pendidikan (KIP/PIP)", "Education aid", N,
                 "kip", "pip", "beasiswa", "bantuan sekolah", "bos"),
            _sub("sarana-sekolah", "Sarana dan Prasarana Sekolah", "School buildings", B,
                 "gedung sekolah", "atap bocor", "kelas rusak", "toilet sekolah", "bangku"),
            _sub("guru-tendik", "Guru dan Tenaga Kependidikan", "Teachers and staff", N,
                 "guru", "honorer", "tunjangan guru", "sertifikasi", "guru jarang masuk"),
            _sub("kekerasan-sekolah", "Kekerasan di Satuan Pendidikan", "Violence at school", T,
                 "bullying", "perundungan", "kekerasan", "dipukul", "pelecehan"),
        ],
    },
    {
        "code": "kependudukan",
        "name": "Administrasi Kependudukan",
        "name_en": "Civil registration",
        "level": "regency",
        "description": "KTP elektronik, kartu keluarga, akta kelahiran dan kematian, pindah datang.",
        "keywords": ["disdukcapil", "dukcapil", "capil"],
        "subs": [
            _sub("ktp-el", "KTP Elektronik", "Electronic ID card", R,
                 "ktp", "e-ktp", "ktp-el", "blangko", "rekam ktp", "ktp belum jadi"),
            _sub("kartu-keluarga", "Kartu Keluarga", "Family card", R,
                 "kk", "kartu keluarga", "pisah kk", "tambah anggota"),
            _sub("akta", "Akta Kelahiran dan Kematian", "Birth and death certificates", R,
                 "akta kelahiran", "akta kematian", "akte", "akta lahir"),
            _sub("pindah-datang", "Pindah Datang dan Data Ganda", "Moving and duplicate records", N,
                 "pindah domisili", "surat pindah", "nik ganda", "data ganda", "nik tidak terdaftar"),
        ],
    },
    {
        "code": "sosial",
        "name": "Sosial dan Kesejahteraan",
        "name_en": "Social welfare",
        "level": "regency",
        "description": "Bantuan sosial, data kesejahteraan, disabilitas, lansia dan anak terlantar.",
        "keywords": ["dinsos", "bansos", "bantuan"],
        "subs": [
            _sub("bansos", "Bantuan Sosial (PKH, BPNT, BLT)", "Social assistance", N,
                 "bansos", "pkh", "bpnt", "blt", "sembako", "tidak dapat bantuan", "salah sasaran"),
            _sub("data-kesejahteraan", "Data Kesejahteraan Sosial", "Welfare registry", N,
                 "dtks", "dtsen", "data miskin", "desil", "usulan dtks"),
            _sub("disabilitas-lansia", "Disabilitas dan Lansia", "Disability and elderly", N,
                 "disabilitas", "difabel", "lansia", "kursi roda", "aksesibilitas"),
            _sub("anak-perempuan", "Perlindungan Anak dan Perempuan", "Protection of women and children", T,
                 "kdrt", "kekerasan anak", "anak terlantar", "pernikahan dini", "pelecehan"),
        ],
    },
    {
        "code": "ketertiban",
        "name": "Ketenteraman dan Ketertiban Umum",
        "name_en": "Public order",
        "level": "regency",
        "description": "Pedagang kaki lima, reklame, keramaian, miras, gangguan ketertiban.",
        "keywords": ["satpol pp", "ketertiban", "trantib"],
        "subs": [
            _sub("pkl", "Pedagang Kaki Lima", "Street vendors", R,
                 "pkl", "pedagang kaki lima", "lapak", "jualan di trotoar"),
            _sub("reklame", "Reklame dan Baliho", "Billboards", R,
                 "baliho", "spanduk", "reklame", "poster liar"),
            _sub("gangguan-ketertiban", "Gangguan Ketertiban", "Public disturbance", N,
                 "balap liar", "miras", "mabuk", "tawuran", "judi", "kos-kosan", "anak punk"),
            _sub("keamanan-kriminal", "Keamanan dan Kriminalitas", "Security and crime", N,
                 "maling", "pencurian", "begal", "curanmor", "preman", "narkoba"),
        ],
    },
    {
        "code": "ekonomi",
        "name": "Ekonomi, Perdagangan dan UMKM",
        "name_en": "Economy, trade and small business",
        "level": "regency",
        "description": "Pasar, harga bahan pokok, perizinan usaha, koperasi dan UMKM.",
        "keywords": ["pasar", "umkm", "harga"],
        "subs": [
            _sub("pasar", "Pasar Tradisional", "Markets", N,
                 "pasar", "los", "kios", "retribusi pasar", "pasar becek"),
            _sub("harga-pokok", "Harga dan Stok Bahan Pokok", "Staple prices and supply", N,
                 "harga beras", "cabai", "minyak goreng", "mahal", "langka", "stok"),
            _sub("perizinan-usaha", "Perizinan Usaha", "Business licensing", N,
                 "nib", "oss", "izin usaha", "halal", "pirt", "dpmptsp"),
            _sub("umkm-koperasi", "UMKM dan Koperasi", "Small business and cooperatives", N,
                 "umkm", "koperasi", "kur", "pinjaman", "modal usaha"),
        ],
    },
    {
        "code": "pertanian",
        "name": "Pertanian, Peternakan dan Perikanan",
        "name_en": "Agriculture, livestock and fisheries",
        "level": "regency",
        "description": "Pupuk, irigasi, bibit, ternak, nelayan.",
        "keywords": ["petani", "pertanian", "tani"],
        "subs": [
            _sub("pupuk", "Pupuk Bersubsidi", "Subsidised fertiliser", N,
                 "pupuk", "urea", "npk", "kartu tani", "rdkk", "pupuk langka"),
            _sub("irigasi", "Irigasi", "Irrigation", B,
                 "irigasi", "saluran irigasi", "sawah kering", "bendung", "pintu air"),
            _sub("ternak", "Peternakan dan Kesehatan Hewan", "Livestock and animal health", N,
                 "sapi", "kambing", "pmk", "antraks", "ternak", "vaksin hewan", "rabies"),
            _sub("perikanan", "Perikanan dan Nelayan", "Fisheries", N,
                 "nelayan", "kapal", "ikan", "tambak", "solar nelayan"),
        ],
    },
    {
        "code": "ketenagakerjaan",
        "name": "Ketenagakerjaan",
        "name_en": "Employment",
        "level": "province",
        "description": "Upah, PHK, jaminan sosial ketenagakerjaan, pekerja migran.",
        "keywords": ["kerja", "buruh", "disnaker"],
        "subs": [
            _sub("upah-phk", "Upah dan PHK", "Wages and dismissal", T,
                 "gaji", "upah", "umr", "ump", "phk", "pesangon", "thr"),
            _sub("jamsostek", "Jaminan Sosial Ketenagakerjaan", "Employment social security", N,
                 "bpjs ketenagakerjaan", "jht", "jkk", "klaim jht"),
            _sub("pekerja-migran", "Pekerja Migran", "Migrant workers", T,
                 "tki", "pmi", "pekerja migran", "calo", "penyalur"),
        ],
    },
    {
        "code": "pemerintahan-desa",
        "name": "Pembangunan dan Pemerintahan Desa",
        "name_en": "Village development and government",
        "level": "village",
        "description": "Dana desa, BUMDes, pelayanan kantor desa/kelurahan, perangkat desa.",
        "keywords": ["desa", "kelurahan", "dana desa"],
        "subs": [
            _sub("dana-desa", "Dana Desa", "Village funds", T,
                 "dana desa", "add", "apbdes", "blt dd", "penyelewengan dana desa"),
            _sub("pelayanan-desa", "Pelayanan Kantor Desa/Kelurahan", "Village office services", R,
                 "surat pengantar", "kantor desa", "kelurahan", "pak rt", "surat keterangan"),
            _sub("perangkat-desa", "Perangkat Desa", "Village officials", N,
                 "kades", "lurah", "perangkat desa", "sekdes", "pengangkatan perangkat"),
        ],
    },
    {
        "code": "aparatur",
        "name": "Aparatur dan Pelayanan Publik",
        "name_en": "Civil service conduct",
        "level": "regency",
        "description": "Perilaku ASN, pungutan liar, netralitas, maladministrasi layanan.",
        "keywords": ["asn", "pns", "pungli", "pelayanan"],
        "subs": [
            _sub("pungli", "Pungutan Liar", "Illegal levies", T,
                 "pungli", "pungutan liar", "uang pelicin", "minta uang", "calo"),
            _sub("perilaku-asn", "Perilaku dan Disiplin ASN", "Civil servant conduct", N,
                 "pns", "asn", "pegawai", "jam kerja", "tidak ramah", "bolos", "judes"),
            _sub("netralitas-asn", "Netralitas ASN", "Political neutrality", T,
                 "netralitas", "kampanye", "pemilu", "pilkada", "politik"),
            _sub("maladministrasi", "Maladministrasi Layanan", "Maladministration", T,
                 "berbelit", "lama", "tidak jelas", "penundaan berlarut", "tidak sesuai prosedur"),
        ],
    },
    {
        "code": "agama",
        "name": "Agama",
        "name_en": "Religion",
        "level": "national",
        "description": "Haji dan umrah, pendidikan agama, KUA, rumah ibadah.",
        "keywords": ["kemenag", "agama"],
        "subs": [
            _sub("haji-umrah", "Haji dan Umrah", "Hajj and umrah", N,
                 "haji", "umrah", "umroh", "travel umroh", "antrean haji"),
            _sub("kua-nikah", "KUA dan Pencatatan Nikah", "Marriage registration", R,
                 "kua", "nikah", "buku nikah", "rujuk"),
            _sub("madrasah", "Madrasah dan Pendidikan Agama", "Religious schools", N,
                 "madrasah", "mts", "ma", "pesantren", "guru ngaji"),
        ],
    },
    {
        "code": "pertanahan",
        "name": "Pertanahan",
        "name_en": "Land",
        "level": "national",
        "description": "Sertifikat tanah, PTSL, sengketa dan mafia tanah.",
        "keywords": ["bpn", "tanah", "sertifikat"],
        "subs": [
            _sub("sertifikat", "Sertifikat dan PTSL", "Land certificates", N,
                 "sertifikat", "sertipikat", "ptsl", "prona", "balik nama"),
            _sub("sengketa-tanah", "Sengketa Tanah", "Land disputes", B,
                 "sengketa", "mafia tanah", "penyerobotan", "batas tanah", "girik"),
        ],
    },
    {
        "code": "bencana",
        "name": "Penanggulangan Bencana",
        "name_en": "Disaster management",
        "level": "regency",
        "description": "Tanah longsor, kebakaran, bantuan korban bencana, peringatan dini.",
        "keywords": ["bpbd", "bencana", "darurat"],
        "subs": [
            _sub("longsor-gempa", "Longsor, Gempa dan Erupsi", "Landslides, earthquakes, eruptions", B,
                 "longsor", "gempa", "erupsi", "merapi", "retakan tanah"),
            _sub("kebakaran", "Kebakaran", "Fires", R,
                 "kebakaran", "damkar", "hidran", "api"),
            _sub("bantuan-korban", "Bantuan Korban Bencana", "Disaster relief", N,
                 "pengungsi", "logistik bencana", "bantuan korban", "huntara"),
        ],
    },
    {
        "code": "lainnya",
        "name": "Topik Lainnya",
        "name_en": "Other topics",
        "level": "regency",
        "description": "Laporan yang belum masuk kategori lain; koordinator memilahnya.",
        "keywords": [],
        "subs": [
            _sub("lainnya-umum", "Lainnya", "Other", N),
            _sub("layanan-layani", "Masukan untuk Layani", "Feedback about Layani", R,
                 "aplikasi", "website", "layani", "error", "tidak bisa login"),
        ],
    },
]
