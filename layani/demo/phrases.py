"""Phrase data for the demo report text generator (`layani.demo.texts`).

Everything here is data: Indonesian sentence fragments that the generator combines into citizen
reports. Templates may contain slots in braces that the generator fills in per report:

    {place}       the village or street the report is about ("Desa Sumberadi")
    {dur}         a duration ("3 minggu", "2 bulan")
    {since}       a starting point ("sejak lebaran kemarin")
    {date}        a past date ("tanggal 12 Maret", "Senin kemarin")
    {time}        a time of day ("jam 9 malam")
    {n} / {nn}    small (2-9) and medium (10-60) numbers
    {amount}      a small money amount ("Rp 50.000", "50rb")
    {big_amount}  a large money amount ("Rp 2.500.000", "3 juta")
    {wage}        a monthly wage ("Rp 1.200.000", "1,5 juta")
    {rt}          a neighbourhood unit ("RT 03/RW 05")
    {house}       a house number ("no. 17")
    {official}    a local official or office ("pak dukuh", "pihak kalurahan")
    {name}        an invented first name with honorific ("Pak Slamet")
    {landmark}    a nearby landmark ("masjid", "pos ronda")

Topic texts are written lower-case-first where they are clauses that the generator may prefix
("saya ingin melaporkan bahwa ..."), without final punctuation; the generator adds punctuation,
casing and informal spelling. Every problem, wish and question should carry at least one of the
sub-category's router keywords (see `layani.directory.default_categories`), so that a classifier
trained on demo data learns the words citizens actually use.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """Phrases for one sub-category."""

    titles: tuple[str, ...]  # formal complaint title nouns, Title Case, 2-6 words
    problems: tuple[str, ...]  # the core complaint clause
    details: tuple[str, ...]  # supporting facts
    impacts: tuple[str, ...]  # consequences for citizens
    requests: tuple[str, ...]  # topic-specific asks ("mohon segera ditambal")
    wishes: tuple[str, ...]  # proposal clauses that fit after "usul agar ..."
    wish_titles: tuple[str, ...]  # aspiration title nouns ("Pengecoran Jalan")
    questions: tuple[str, ...]  # information requests, without the question mark
    info_titles: tuple[str, ...]  # information title nouns ("Jadwal Perbaikan Jalan")


# --- Slot values --------------------------------------------------------------------------------

OFFICIALS = (
    "pak RT",
    "pak RW",
    "pak dukuh",
    "pak lurah",
    "pihak kalurahan",
    "kantor kapanewon",
    "dinas terkait",
    "bu RT",
    "pak carik",
    "kantor kelurahan",
    "babinsa",
)
NAMES = (
    "Pak Slamet",
    "Bu Sri",
    "Mas Anton",
    "Pak Heru",
    "Bu Yanti",
    "Mbak Rina",
    "Pak Bambang",
    "Bu Tri",
    "Mas Dwi",
    "Pak Joko",
    "Bu Endang",
    "Mas Yoga",
)
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
TIMES = (
    "jam 9 malam",
    "jam 2 pagi",
    "jam 10 malam",
    "sekitar jam 7 pagi",
    "jam 4 sore",
    "jam 11 malam",
    "menjelang subuh",
    "habis maghrib",
    "jam 1 siang",
    "sekitar jam 8 pagi",
)
FIXED_DURATIONS = (
    "seminggu",
    "sebulan",
    "setahun",
    "setengah tahun",
    "sebulan lebih",
    "hampir setahun",
)
FIXED_SINCE = (
    "sejak lebaran kemarin",
    "sejak musim hujan kemarin",
    "sejak akhir tahun lalu",
    "sejak bulan lalu",
    "sejak awal tahun",
    "sejak sebelum puasa",
    "dari tahun kemarin",
)
FIXED_DATES = (
    "kemarin sore",
    "tadi malam",
    "minggu lalu",
    "awal bulan ini",
    "kemarin pagi",
    "dua hari yang lalu",
)
SMALL_AMOUNTS = (5000, 10000, 15000, 20000, 25000, 30000, 50000, 75000, 100000, 150000, 200000)
WAGES = (800000, 900000, 1000000, 1200000, 1500000, 1750000, 1800000, 2000000)
BIG_AMOUNTS = (1500000, 2000000, 2500000, 3000000, 3500000, 5000000, 7500000, 10000000, 25000000)

# --- Complaint (pengaduan) pieces ---------------------------------------------------------------

GREETINGS_FORMAL = (
    "Dengan hormat",
    "Yth. Bapak/Ibu petugas",
    "Assalamualaikum wr. wb",
    "Selamat pagi Bapak/Ibu",
    "Selamat siang Bapak/Ibu",
    "Kepada Yth. instansi terkait",
    "Salam sejahtera",
)
GREETINGS_CASUAL = (
    "Assalamualaikum",
    "Pagi min",
    "Siang min",
    "Permisi min",
    "Nuwun sewu",
    "Sugeng enjing",
    "Halo min",
    "Sore min",
    "Kulonuwun",
    "Malam min",
    "Sugeng siang",
    "Selamat pagi",
)
LEADS_FORMAL = (
    "saya ingin melaporkan bahwa",
    "bersama ini saya sampaikan bahwa",
    "kami warga {rt} ingin melaporkan bahwa",
    "saya hendak menyampaikan pengaduan bahwa",
    "izin melaporkan,",
    "saya ingin menyampaikan keluhan bahwa",
)
LEADS_CASUAL = (
    "mau lapor min,",
    "lapor,",
    "izin lapor,",
    "mau ngadu nih,",
    "numpang lapor lur,",
    "mau laporin,",
    "ini mau lapor ya,",
    "lapor pak,",
    "mau lapor nggih,",
    "badhe lapor,",
    "min,",
)
SELF_INTROS = (
    "Saya warga {rt} {place}",
    "Saya tinggal tidak jauh dari lokasi",
    "Kami warga {rt} yang tiap hari merasakan langsung masalah ini",
    "Saya salah satu warga di {place}",
    "Perkenalkan, saya warga {place}",
)
LANDMARKS = (
    "masjid",
    "SD negeri",
    "balai padukuhan",
    "pos ronda",
    "makam",
    "warung bakso",
    "pertigaan",
    "lapangan voli",
    "gereja",
    "angkringan",
    "rumah {house}",
    "gapura masuk kampung",
)
LOCATION_HINTS = (
    "Lokasinya persis di depan {landmark}",
    "Tepatnya di dekat {landmark}",
    "Titiknya sekitar {nn}0 meter dari {landmark}",
    "Patokannya {landmark}, sebelah utaranya sedikit",
    "Lokasi: {place}, dekat {landmark}",
)
# Topics about a physical spot, where a landmark hint ("di depan masjid") makes sense.
LOCATED_TOPICS = frozenset(
    {
        "jalan-rusak",
        "jembatan",
        "drainase",
        "banjir-genangan",
        "bangunan-tata-ruang",
        "trotoar-fasum",
        "lampu-jalan",
        "lampu-lalu-lintas",
        "parkir-liar",
        "kemacetan",
        "sampah",
        "pencemaran",
        "pohon-rth",
        "kebisingan",
        "air-minum",
        "listrik",
        "pkl",
        "reklame",
        "gangguan-ketertiban",
        "keamanan-kriminal",
        "irigasi",
        "longsor-gempa",
        "kebakaran",
    }
)
DURATIONS_FORMAL = (
    "Kondisi ini sudah berlangsung sekitar {dur}",
    "Hal tersebut sudah terjadi {since}",
    "Permasalahan ini sudah berlangsung kurang lebih {dur} tanpa penanganan",
    "Keadaan seperti ini sudah {dur} dan belum ada perbaikan",
    "Masalah ini sudah ada {since} dan tidak kunjung selesai",
)
DURATIONS_CASUAL = (
    "Udah {dur} kayak gini",
    "sudah {dur} dibiarkan begitu saja",
    "Sudah {dur} lho ini",
    "dari {since} sampai sekarang masih sama saja",
    "sudah {dur} gak ada perubahan",
    "Ini sudah lebih dari {dur}",
    "Sudah {dur} tidak ada yang peduli",
    "pokoknya sudah {dur} begini terus",
    "{since} sampai sekarang belum beres",
)
ATTACHMENTS = (
    "Foto kondisinya sudah saya lampirkan",
    "Bukti foto terlampir",
    "Videonya ada kalau dibutuhkan",
    "Foto saya ambil {date}",
    "Ada rekaman videonya dari warga",
    "Fotonya kurang jelas karena diambil malam hari",
)
PRIORS_FORMAL = (
    "Kami sudah menyampaikan hal ini kepada {official}, namun belum ada tindak lanjut",
    "Sebelumnya sudah pernah dilaporkan {date}, tetapi belum ada respon",
    "Masalah ini juga sudah dibahas di pertemuan warga, namun belum ada solusi",
    "Sudah kami sampaikan secara lisan ke {official} tetapi belum ada kejelasan",
    "Sudah pernah kami laporkan ke {name} selaku ketua RT, namun belum ada perkembangan",
)
PRIORS_CASUAL = (
    "Udah lapor ke {official} tapi katanya suruh lapor ke sini",
    "sudah pernah lapor tapi tidak ada kabar sampai sekarang",
    "{official} katanya sudah diteruskan ke atas tapi ya begitu saja",
    "Lapor ke {official} jawabannya cuma nanti-nanti terus",
    "Sudah tak laporke {official} tapi mboten wonten tanggapan",
    "Sudah lapor {n} kali tapi dicuekin",
    "Kemarin sudah lapor lewat WA tapi cuma dibaca",
    "kata {official} tidak ada anggaran",
)
IMPACTS_FORMAL = (
    "Hal ini sangat meresahkan warga sekitar",
    "Kondisi tersebut sangat merugikan masyarakat",
    "Keadaan ini membahayakan keselamatan warga",
    "Warga sekitar merasa sangat terganggu",
)
IMPACTS_CASUAL = (
    "Warga jadi resah",
    "Kasihan warga terutama yang sudah sepuh",
    "Bikin emosi tiap hari",
    "Warga sini sudah capek",
    "Kasihan banget anak-anak",
    "Kami yang kecil ini yang kena dampaknya",
)
REQUESTS_FORMAL = (
    "Mohon segera ditindaklanjuti",
    "Mohon kiranya dapat segera ditangani oleh instansi terkait",
    "Besar harapan kami agar laporan ini segera ditindaklanjuti",
    "Mohon perhatian dan tindak lanjut dari pihak yang berwenang",
    "Kami mohon petugas dapat segera meninjau lokasi",
    "Mohon ditindaklanjuti sebagaimana mestinya",
)
REQUESTS_CASUAL = (
    "Tolong segera ditangani ya",
    "Mohon dicek ke lokasi min",
    "Tolong banget ini segera diurus",
    "Jangan cuma didiamkan",
    "Monggo dicek langsung ke lapangan",
    "Mohon ditindaklanjuti nggih",
    "Tolong dong lur",
    "Tolong diperhatikan",
    "Segera ditindak ya min",
    "Mohon bantuannya nggih",
    "Tolong gercep ya",
)
FRUSTRATIONS = (
    ("Mau nunggu ada korban dulu", "?"),
    ("Pemerintah ke mana saja", "?"),
    ("Capek lapor terus tidak ada hasilnya", "!"),
    ("Kami ini bayar pajak lho", "!"),
    ("Kapan mau ditangani", "?"),
    ("Sudah kesal sekali warga sini", "!"),
    ("Jangan cuma janji-janji", "!"),
    ("Sampai kapan harus begini terus", "?"),
    ("Ora mutu tenan pelayanannya", "!"),
)
CLOSINGS_FORMAL = (
    "Atas perhatian dan tindak lanjutnya kami ucapkan terima kasih",
    "Demikian laporan ini saya sampaikan, terima kasih",
    "Terima kasih atas perhatiannya",
    "Wassalamualaikum wr. wb",
    "Atas perhatian Bapak/Ibu saya ucapkan terima kasih",
)
CLOSINGS_CASUAL = (
    "Terima kasih min",
    "Matur nuwun",
    "Matur nuwun sanget",
    "Suwun",
    "Makasih ya",
    "Nuwun",
    "Makasih sebelumnya",
    "Matur suwun lur",
    "Terima kasih banyak",
)
SHORT_TAILS = (
    "tolong",
    "mohon dicek",
    "mohon ditindaklanjuti",
    "tolong segera",
    "kapan ditangani?",
    "pls",
    "tolong ya min",
    "monggo dicek",
    "sudah {dur}",
    "udah {dur} min",
    "mohon perhatiannya",
    "tolong bgt",
    "mohon dicek nggih",
    "",
)

# --- Aspiration (aspirasi) pieces ---------------------------------------------------------------

ASP_LEADS_FORMAL = (
    "Kami warga {place} ingin menyampaikan aspirasi",
    "Melalui kanal ini saya ingin menyampaikan usulan",
    "Izin menyampaikan aspirasi warga {rt}",
    "Bersama ini kami sampaikan usulan warga",
    "Saya ingin memberikan masukan untuk kemajuan wilayah kami",
)
ASP_LEADS_CASUAL = (
    "Usul min",
    "Sekadar usulan",
    "Mau kasih masukan nih",
    "Mau usul nggih",
    "Numpang usul lur",
    "Ini cuma usul ya",
    "Min, ada aspirasi dari warga",
)
ASP_CONTEXT_PREFIXES = ("", "Selama ini ", "Saat ini ", "Soalnya ", "Kondisi sekarang ")
WISH_FRAMES_FORMAL = (
    ("Saya mengusulkan agar {w}", "."),
    ("Alangkah baiknya apabila {w}", "."),
    ("Mohon kiranya {w}", "."),
    ("Harapan kami {w}", "."),
    ("Kami berharap {w}", "."),
    ("Besar harapan warga agar {w}", "."),
    ("Kami mengusulkan supaya {w}", "."),
    ("Akan lebih baik jika {w}", "."),
)
WISH_FRAMES_CASUAL = (
    ("Usul aja, gimana kalau {w}", "?"),
    ("Alangkah baiknya kalau {w}", "."),
    ("Mbok ya {w}", "."),
    ("Pengennya sih {w}", "."),
    ("Semoga {w}", "."),
    ("Tolong dong {w}", "."),
    ("Kalau bisa {w}", "."),
    ("Usul {w}", "."),
    ("Apa tidak sebaiknya {w}", "?"),
)
WISH_FRAMES_SHORT = (
    "usul {w}",
    "mohon {w}",
    "usul min, {w}",
    "mbok ya {w}",
    "harapannya {w}",
    "kalau bisa {w} 🙏",
    "usul: {w}",
)
SECOND_WISH_FRAMES = (
    "Selain itu, kalau bisa {w}",
    "Satu lagi, mohon {w}",
    "Kalau memungkinkan, sekalian {w}",
    "Usul tambahan, {w}",
)
BENEFITS = (
    "Supaya warga lebih nyaman dan aman",
    "Biar bermanfaat untuk warga banyak",
    "Dengan begitu warga tidak perlu jauh-jauh",
    "Ini demi kebaikan bersama",
    "Agar anak cucu kita juga bisa merasakan manfaatnya",
    "Saya yakin ini akan sangat membantu warga",
    "Biar tidak terus-terusan jadi keluhan warga",
)
SUPPORTS = (
    "Warga siap gotong royong kalau dibutuhkan",
    "Usulan ini sudah dibahas di pertemuan RT bulan lalu",
    "Kami bersedia membantu tenaga",
    "Sudah pernah diusulkan di musrenbang tapi belum terealisasi",
    "Banyak warga yang setuju dengan usulan ini",
    "Pak dukuh juga sudah mendukung usulan ini",
)

# --- Information request (informasi) pieces -----------------------------------------------------

INFO_LEADS_FORMAL = (
    "Saya ingin memohon informasi",
    "Izin bertanya",
    "Saya ingin menanyakan beberapa hal",
    "Mohon informasi",
    "Mohon izin bertanya",
)
INFO_LEADS_CASUAL = (
    "Mau tanya min",
    "Mohon info",
    "Nanya dong min",
    "Badhe tanglet",
    "Numpang tanya",
    "Min mau nanya",
    "Mau tanya lur",
    "Mau nanya nih",
)
INFO_SHORT_PREFIXES = (
    "min, ",
    "mau tanya, ",
    "mohon info ",
    "tanya min ",
    "numpang tanya, ",
    "mohon infonya, ",
    "lur, ",
    "permisi, ",
)
INFO_SHORT_TAILS = (
    "makasih",
    "mksh min",
    "nuwun",
    "🙏",
    "mohon infonya",
    "matur nuwun",
    "ditunggu",
)
INFO_CONTEXTS = (
    "Saya warga {rt} {place}",
    "Saya tinggal di {place}",
    "Saya warga {place}",
    "Kami dari {place}",
)
INFO_REASONS = (
    "Soalnya banyak warga yang menanyakan",
    "Karena saya belum paham prosedurnya",
    "Informasi di grup WA warga simpang siur",
    "Sudah tanya ke {official} tapi beliau juga kurang tahu",
    "Saya cari di internet tapi informasinya beda-beda",
    "Ini penting buat keluarga kami",
)
INFO_FOLLOWUPS = (
    ("Mohon penjelasannya", "."),
    ("Ke mana saya harus bertanya untuk hal ini", "?"),
    ("Kira-kira kapan ada kepastiannya", "?"),
    ("Apakah ada petugas yang bisa ditanya langsung", "?"),
    ("Pripun niki", "?"),
    ("Mohon dibalas nggih", "."),
    ("Apakah informasinya diumumkan di website resmi", "?"),
)
INFO_CLOSINGS = (
    "Terima kasih atas informasinya",
    "Ditunggu jawabannya",
    "Makasih min",
    "Matur nuwun infonya",
    "Terima kasih sebelumnya",
    "Nuwun",
)

# --- Titles -------------------------------------------------------------------------------------
# {t} is the title noun as written, {l} the same in lower case, {place} the place.

TITLE_FORMS_FORMAL = {
    "pengaduan": ("{t} di {place}", "Laporan {t} di {place}", "Pengaduan {t}", "{t}"),
    "aspirasi": ("Usulan {t} di {place}", "Usulan {t}", "Permohonan {t}", "Aspirasi Warga: {t}"),
    "informasi": ("Permohonan Informasi {t}", "Informasi {t}", "Pertanyaan Terkait {t}"),
}
TITLE_FORMS_CASUAL = {
    "pengaduan": (
        "{l} tolong",
        "{l} di {place}",
        "{l} mohon dicek",
        "{l}!!",
        "{l} min",
        "{l} gimana ini",
        "{l} sudah lama",
        "{l} tolong bgt",
        "{l} 😡",
        "{l} lur",
        "{l} parah",
        "{l} kok dibiarkan",
    ),
    "aspirasi": (
        "usul {l}",
        "mohon {l} dong",
        "usulan {l} buat {place}",
        "{l} kapan ya",
        "usul {l} 🙏",
        "butuh {l}",
    ),
    "informasi": (
        "tanya {l}",
        "mau tanya {l}",
        "info {l} dong",
        "{l}??",
        "nanya soal {l}",
        "tanya {l} min",
    ),
}
TITLE_FALLBACKS = {"pengaduan": "Laporan {t}", "aspirasi": "Usulan {t}", "informasi": "Info {t}"}

# --- Informal spelling ----------------------------------------------------------------------------

WORD_SUBSTITUTIONS: dict[str, tuple[str, ...]] = {
    "yang": ("yg",),
    "tidak": ("tdk", "gak", "nggak", "ga", "ndak", "enggak"),
    "sudah": ("sdh", "udh", "udah", "dah"),
    "dengan": ("dgn", "dg"),
    "karena": ("krn", "karna"),
    "tapi": ("tp",),
    "tetapi": ("tp", "tapi"),
    "belum": ("blm", "belom"),
    "saya": ("sy", "aku"),
    "jalan": ("jln",),
    "sama": ("sm",),
    "kemarin": ("kmrn", "kemaren"),
    "padahal": ("pdhl",),
    "banget": ("bgt",),
    "sekali": ("bgt", "banget"),
    "saja": ("aja",),
    "untuk": ("utk", "buat"),
    "sampai": ("sampe", "smp"),
    "bagaimana": ("gimana", "gmn", "gmana"),
    "kenapa": ("knp", "napa"),
    "sekarang": ("skrg", "skr"),
    "juga": ("jg",),
    "lagi": ("lg",),
    "tolong": ("tlg",),
    "mohon": ("mhn",),
    "banyak": ("byk",),
    "harus": ("hrs",),
    "orang": ("org",),
    "bisa": ("bs",),
    "tahu": ("tau",),
    "kalau": ("kalo", "klo"),
    "jika": ("kalo",),
    "apabila": ("kalo",),
    "hanya": ("cuma", "cm"),
    "cuma": ("cm",),
    "seperti": ("kayak", "kyk"),
    "dari": ("dr",),
    "rumah": ("rmh",),
    "setiap": ("tiap",),
    "bulan": ("bln",),
    "minggu": ("mgg",),
    "pagi": ("pg",),
    "malam": ("mlm",),
    "sendiri": ("sndiri",),
    "mau": ("mo",),
    "terus": ("trs",),
    "dulu": ("dl",),
    "semua": ("smua",),
    "kasihan": ("kasian",),
    "memang": ("emang",),
}
PHRASE_SUBSTITUTIONS: dict[str, tuple[str, ...]] = {
    "terima kasih": ("makasih", "mksh", "trims", "trimakasih", "tq"),
    "tidak ada": ("gak ada", "ga ada", "gada"),
    "bagaimana ini": ("gmn nih", "gimana nih"),
    "matur nuwun": ("mtr nwn", "maturnuwun"),
}
COMMON_TYPOS: dict[str, tuple[str, ...]] = {
    "sudah": ("sudha", "suadh"),
    "tolong": ("tolonh", "tlong"),
    "segera": ("segra", "segerq"),
    "diperbaiki": ("diperbaikin", "di perbaiki", "diperbaikii"),
    "terima": ("trima",),
    "warga": ("wrga", "wagra"),
    "karena": ("karan",),
    "mohon": ("mohin", "monon"),
    "selama": ("slama",),
    "bahaya": ("bahya",),
    "ditindaklanjuti": ("di tindak lanjuti", "ditindak lanjuti"),
    "dicek": ("di cek", "dicel"),
    "sekali": ("sekli",),
    "sekarang": ("sekrang",),
    "dibantu": ("di bantu",),
    "diangkut": ("di angkut",),
    "ditangani": ("di tangani",),
    "diperhatikan": ("di perhatikan",),
    "kemarin": ("kemaren", "kemarn"),
    "bapak": ("bpk",),
    "sampai": ("sampi",),
    "petugas": ("petgas",),
    "laporan": ("lapran",),
}
EMOJI = {
    "plea": ("🙏", "🙏🙏", "🙏🏻"),
    "angry": ("😡", "😤", "😡😡"),
    "sad": ("😭", "😢", "😔"),
}


# --- Topics ---------------------------------------------------------------------------------------

TOPICS: dict[str, Topic] = {}

# Pekerjaan umum dan penataan ruang

TOPICS["jalan-rusak"] = Topic(
    titles=(
        "Jalan Berlubang",
        "Jalan Rusak Parah",
        "Aspal Jalan Mengelupas",
        "Jalan Ambles",
        "Kerusakan Jalan",
    ),
    problems=(
        "jalan di {place} rusak parah dan banyak lubang",
        "ada jalan berlubang cukup dalam di {place}",
        "aspal jalan di {place} sudah mengelupas dan berlubang di mana-mana",
        "jalan rusak di {place} sampai sekarang belum juga diperbaiki",
        "sebagian badan jalan di {place} ambles dan retak",
        "lubang di tengah jalan di {place} makin lama makin besar",
        "aspal jalan kabupaten yang lewat {place} hancur",
        "jln ke {place} rusak berat, aspalnya tinggal kerikil",
    ),
    details=(
        "Lubangnya ada sekitar {n} titik, yang paling besar diameternya hampir satu meter",
        "Kalau hujan lubangnya tertutup air jadi tidak kelihatan",
        "Dulu pernah ditambal tapi hanya bertahan {dur}",
        "Retaknya memanjang kurang lebih {nn} meter di dekat rumah {house}",
        "Jalan ini akses utama warga ke pasar dan sekolah",
        "Truk material proyek tiap hari lewat sini sehingga aspalnya cepat rusak",
        "Kedalaman lubangnya kira-kira {nn} cm",
    ),
    impacts=(
        "Sudah ada {n} pengendara motor yang jatuh di sini",
        "Minggu lalu ada ibu-ibu bonceng anak jatuh gara-gara lubang ini",
        "Kendaraan harus zig-zag menghindari lubang dan rawan tabrakan",
        "Kalau malam sangat berbahaya karena jalannya juga gelap",
        "Ban dan velg motor warga banyak yang rusak",
    ),
    requests=(
        "Mohon segera ditambal sebelum ada korban",
        "Tolong jalannya diaspal ulang",
        "Mohon jalan rusak ini diperbaiki secepatnya",
    ),
    wishes=(
        "jalan rusak di {place} dicor beton supaya lebih awet",
        "aspal jalan di {place} diperlebar sekalian diperbaiki",
        "perbaikan jalan rusak di {place} dimasukkan ke anggaran tahun depan",
        "dipasang rambu peringatan di sekitar lubang jalan sambil menunggu perbaikan",
        "pengaspalan jalan di {place} memakai aspal yang lebih tebal supaya tidak cepat retak",
    ),
    wish_titles=(
        "Pengecoran Jalan",
        "Perbaikan Jalan Rusak",
        "Pengaspalan Ulang Jalan",
        "Pelebaran Jalan Desa",
    ),
    questions=(
        "kapan jadwal perbaikan jalan rusak di {place}",
        "apakah jalan berlubang di {place} sudah masuk rencana perbaikan tahun ini",
        "bagaimana cara mengusulkan perbaikan jalan rusak di desa ke dinas PU",
        "jalan rusak di {place} itu jalan kabupaten atau jalan provinsi",
        "siapa yang harus menambal lubang di jalan di {place}, kalurahan atau kabupaten",
    ),
    info_titles=("Jadwal Perbaikan Jalan", "Status Jalan Rusak", "Anggaran Pengaspalan Jalan"),
)

TOPICS["jembatan"] = Topic(
    titles=(
        "Jembatan Rusak",
        "Jembatan Rapuh dan Berbahaya",
        "Jembatan Putus",
        "Kerusakan Jembatan Gantung",
    ),
    problems=(
        "jembatan di {place} kondisinya rapuh dan papannya banyak yang lepas",
        "jembatan penghubung di {place} putus diterjang arus sungai",
        "jembatan gantung di {place} sudah miring dan talinya berkarat",
        "pagar pengaman jembatan di {place} patah dan belum diganti",
        "fondasi jembatan di {place} tergerus air dan mulai retak",
        "jembatan kecil di {place} ambrol separuh",
    ),
    details=(
        "Papan kayunya sudah lapuk, kalau diinjak bunyi krek-krek",
        "Jembatan ini satu-satunya akses warga {n} padukuhan ke jalan besar",
        "Setiap hari anak-anak sekolah lewat jembatan ini",
        "Sejak jembatan putus warga harus memutar sekitar {n} km",
        "Besi penyangganya sudah keropos dimakan karat",
    ),
    impacts=(
        "Motor sudah tidak berani lewat, terpaksa jalan kaki",
        "Kemarin ada warga yang kakinya terperosok di sela papan jembatan",
        "Hasil panen jadi susah diangkut ke pasar",
        "Anak-anak sekolah harus menyeberang sungai kalau airnya surut",
    ),
    requests=(
        "Mohon jembatannya segera diperbaiki sebelum ada korban",
        "Tolong dicek kekuatan jembatannya",
        "Mohon dibangun jembatan darurat dulu",
    ),
    wishes=(
        "dibangun jembatan permanen dari beton di {place}",
        "jembatan gantung di {place} diganti dengan jembatan yang bisa dilewati mobil",
        "jembatan di {place} diberi pagar pengaman dan lampu",
        "jembatan di {place} diperlebar supaya dua motor bisa berpapasan",
    ),
    wish_titles=("Pembangunan Jembatan Permanen", "Pelebaran Jembatan", "Pagar Pengaman Jembatan"),
    questions=(
        "kapan jembatan putus di {place} akan dibangun kembali",
        "apakah perbaikan jembatan di {place} sudah dianggarkan tahun ini",
        "jembatan di {place} itu tanggung jawab kabupaten atau kalurahan",
        "bagaimana cara mengusulkan pembangunan jembatan baru di kampung kami",
    ),
    info_titles=(
        "Jadwal Perbaikan Jembatan",
        "Anggaran Pembangunan Jembatan",
        "Status Jembatan Putus",
    ),
)

TOPICS["drainase"] = Topic(
    titles=("Selokan Mampet", "Gorong-gorong Tersumbat", "Drainase Buruk", "Saluran Air Meluap"),
    problems=(
        "selokan di {place} mampet penuh sampah dan lumpur",
        "gorong-gorong di {place} tersumbat sehingga air tidak bisa mengalir",
        "drainase di sepanjang {place} dangkal dan tidak berfungsi",
        "got depan rumah warga di {place} meluap setiap hujan",
        "parit di {place} tertutup bangunan warga sehingga airnya mampet",
        "saluran drainase di {place} jebol dan airnya merembes ke jalan",
    ),
    details=(
        "Airnya hitam dan baunya menyengat sampai ke dalam rumah",
        "Tutup gorong-gorongnya ada yang jebol, lubangnya menganga",
        "Sedimennya sudah setinggi kurang lebih {nn} cm",
        "Terakhir dikeruk {since}",
        "Banyak warga yang membuang sampah ke selokan",
    ),
    impacts=(
        "Jadi sarang nyamuk dan banyak warga yang kena demam",
        "Kalau hujan deras airnya masuk ke rumah warga",
        "Jalan jadi tergenang dan licin",
    ),
    requests=(
        "Mohon selokannya segera dikeruk",
        "Tolong gorong-gorongnya dibersihkan",
        "Mohon drainasenya dinormalisasi",
    ),
    wishes=(
        "drainase di {place} diperdalam dan diperlebar",
        "gorong-gorong di {place} diganti dengan ukuran yang lebih besar",
        "selokan di {place} diberi tutup beton supaya tidak jadi tempat buang sampah",
        "ada jadwal rutin pengerukan got dan parit di {place}",
    ),
    wish_titles=("Normalisasi Drainase", "Pelebaran Selokan", "Penggantian Gorong-gorong"),
    questions=(
        "kapan jadwal pengerukan selokan di {place}",
        "apakah ada program normalisasi drainase untuk wilayah {place}",
        "kalau gorong-gorong tersumbat, warga harus melapor ke dinas mana",
        "bolehkah warga menutup parit di depan rumah untuk akses kendaraan",
    ),
    info_titles=("Jadwal Pengerukan Selokan", "Program Normalisasi Drainase"),
)

TOPICS["banjir-genangan"] = Topic(
    titles=("Banjir Setiap Hujan", "Genangan Air di Jalan", "Jalan Tergenang", "Luapan Sungai"),
    problems=(
        "setiap hujan deras {place} selalu banjir",
        "ada genangan air setinggi lutut di {place} yang tidak surut-surut",
        "jalan di {place} tergenang setiap sore kalau hujan",
        "luapan sungai masuk ke permukiman warga di {place}",
        "semalam air naik sampai masuk rumah warga di {place}",
        "banjir di {place} makin parah sejak ada perumahan baru di atasnya",
    ),
    details=(
        "Tinggi air mencapai kurang lebih {nn} cm",
        "Genangannya baru surut setelah {n} jam",
        "Ada sekitar {nn} rumah yang kemasukan air",
        "Banjir seperti ini sudah terjadi {n} kali bulan ini",
        "Airnya membawa lumpur dan sampah dari hulu",
    ),
    impacts=(
        "Perabot dan barang-barang warga banyak yang rusak",
        "Anak-anak tidak bisa berangkat sekolah",
        "Motor yang lewat banyak yang mogok",
        "Warga harus mengungsi ke masjid",
    ),
    requests=(
        "Mohon segera ditangani sebelum puncak musim hujan",
        "Tolong dicarikan solusi supaya tidak banjir lagi",
        "Mohon dikirim pompa untuk menyedot genangan",
    ),
    wishes=(
        "dibangun tanggul di sepanjang sungai dekat {place} untuk mencegah banjir",
        "dibuat sumur resapan di {place} supaya genangan cepat surut",
        "sungai di dekat {place} dinormalisasi supaya tidak ada luapan lagi",
        "ada pompa air permanen di titik banjir di {place}",
    ),
    wish_titles=("Pembangunan Tanggul Banjir", "Sumur Resapan Warga", "Normalisasi Sungai"),
    questions=(
        "apakah ada rencana penanganan banjir di {place}",
        "ke mana warga harus melapor kalau air naik tengah malam",
        "apakah ada peta rawan banjir untuk wilayah {place}",
        "bagaimana cara mendapatkan bantuan korban banjir",
    ),
    info_titles=("Penanganan Banjir", "Peta Rawan Banjir"),
)

TOPICS["bangunan-tata-ruang"] = Topic(
    titles=(
        "Bangunan Liar",
        "Bangunan Tanpa Izin",
        "Pelanggaran Tata Ruang",
        "Bangunan di Sempadan Sungai",
    ),
    problems=(
        "ada bangunan liar berdiri di {place}",
        "ada bangunan di sempadan sungai dekat {place} yang menutup aliran air",
        "pembangunan ruko di {place} diduga belum punya PBG",
        "gedung baru di {place} melanggar tata ruang karena berdiri di jalur hijau",
        "tetangga membangun sampai menutup jalan umum di {place} tanpa IMB",
        "perumahan baru di {place} dibangun di sawah lestari, apakah sesuai tata ruang",
    ),
    details=(
        "Bangunannya sudah {n} lantai dan terus ditambah",
        "Tidak ada papan informasi PBG di lokasi proyek",
        "Katanya tanahnya milik kas desa",
        "Pembangunannya dikerjakan malam hari",
    ),
    impacts=(
        "Akses jalan warga jadi sempit",
        "Air hujan jadi tidak bisa mengalir ke sungai",
        "Rumah warga di sebelahnya jadi retak",
    ),
    requests=(
        "Mohon dicek izin bangunannya",
        "Tolong ditertibkan sesuai aturan tata ruang",
        "Mohon pembangunannya dihentikan dulu sampai izinnya jelas",
    ),
    wishes=(
        "pemerintah lebih tegas menertibkan bangunan liar di {place}",
        "rencana tata ruang wilayah {place} dipasang di papan informasi kalurahan",
        "pengurusan PBG dipermudah supaya warga tidak membangun tanpa izin",
        "ada sosialisasi aturan sempadan sungai untuk warga {place}",
    ),
    wish_titles=("Penertiban Bangunan Liar", "Sosialisasi Tata Ruang", "Kemudahan Pengurusan PBG"),
    questions=(
        "bagaimana cara mengurus PBG untuk rumah tinggal",
        "apakah lahan di {place} termasuk zona permukiman menurut rencana tata ruang",
        "berapa jarak sempadan sungai yang tidak boleh dibangun",
        "apa bedanya IMB dengan PBG sekarang",
    ),
    info_titles=("Cara Mengurus PBG", "Zonasi Tata Ruang", "Aturan Sempadan Sungai"),
)

TOPICS["trotoar-fasum"] = Topic(
    titles=(
        "Trotoar Rusak",
        "Halte Tidak Terawat",
        "Fasilitas Umum Rusak",
        "Taman Kotor dan Rusak",
    ),
    problems=(
        "trotoar di {place} banyak yang pecah dan berlubang",
        "halte di {place} atapnya bocor dan kursinya hilang",
        "taman di {place} tidak terawat, ayunannya patah",
        "fasilitas umum di {place} rusak dan dibiarkan begitu saja",
        "trotoar di {place} dipakai untuk parkir motor sehingga pejalan kaki turun ke jalan",
        "lahan fasum di perumahan di {place} malah dipagari pengembang",
    ),
    details=(
        "Guiding block untuk tunanetra juga banyak yang copot",
        "Lampunya mati dan banyak coretan",
        "Paving trotoarnya ambles di {n} titik",
        "Bangku tamannya sudah keropos",
    ),
    impacts=(
        "Pejalan kaki terpaksa jalan di badan jalan",
        "Anak-anak jadi tidak punya tempat bermain yang aman",
        "Penumpang menunggu bus sambil kepanasan",
    ),
    requests=(
        "Mohon trotoarnya diperbaiki",
        "Tolong fasilitas umum ini dirawat",
        "Mohon haltenya direnovasi",
    ),
    wishes=(
        "trotoar di {place} diperlebar dan dibuat ramah difabel",
        "dibangun halte yang layak di {place}",
        "lahan kosong di {place} dijadikan taman bermain anak",
        "fasum di {place} dilengkapi lampu dan tempat sampah",
    ),
    wish_titles=("Pelebaran Trotoar", "Pembangunan Halte", "Taman Bermain Anak"),
    questions=(
        "siapa yang bertanggung jawab merawat halte di {place}",
        "apakah fasum perumahan di {place} sudah diserahkan ke pemda",
        "kapan perbaikan trotoar di {place} dimulai",
        "bolehkah warga memakai taman di {place} untuk acara kampung",
    ),
    info_titles=(
        "Perawatan Fasilitas Umum",
        "Penyerahan Fasum Perumahan",
        "Jadwal Perbaikan Trotoar",
    ),
)

# Perhubungan

TOPICS["lampu-jalan"] = Topic(
    titles=("Lampu Jalan Mati", "PJU Padam", "Jalan Gelap Gulita", "Penerangan Jalan Kurang"),
    problems=(
        "lampu jalan di {place} mati semua",
        "PJU di {place} sudah padam dan jalannya gelap gulita",
        "ada {n} titik lampu mati di sepanjang {place}",
        "penerangan jalan di {place} sangat kurang, hanya ada satu lampu",
        "lampu jalan di {place} kedip-kedip lalu mati kalau malam",
        "jalan di {place} gelap banget karena lampu PJU rusak",
    ),
    details=(
        "Tiang PJU nomor {nn} miring dan kabelnya menjuntai",
        "Lampu di sini kadang nyala siang hari tapi malah mati waktu malam",
        "Jarak antar lampu jalan lebih dari {nn} meter",
        "Warga sampai memasang lampu sendiri dari rumah",
    ),
    impacts=(
        "Jalanan jadi gelap dan rawan begal",
        "Ibu-ibu yang pulang kerja malam jadi takut lewat",
        "Kemarin ada motor menabrak pembatas karena gelap",
    ),
    requests=(
        "Mohon lampunya segera diganti",
        "Tolong PJU-nya diperbaiki",
        "Mohon lampu jalan yang mati segera dinyalakan lagi",
    ),
    wishes=(
        "dipasang lampu jalan tambahan di {place}",
        "PJU di {place} diganti lampu LED tenaga surya",
        "penerangan di {place} ditambah karena jalannya gelap",
        "ada pengecekan rutin lampu jalan supaya tidak menunggu laporan warga",
    ),
    wish_titles=("Penambahan Lampu Jalan", "PJU Tenaga Surya", "Penerangan Jalan Kampung"),
    questions=(
        "bagaimana cara mengajukan pemasangan PJU baru",
        "lampu jalan mati di {place} itu dilaporkan ke dishub atau PLN",
        "kapan jadwal perbaikan lampu jalan di {place}",
        "apakah penerangan jalan kampung bisa diusulkan lewat dana desa",
    ),
    info_titles=("Pengajuan PJU Baru", "Jadwal Perbaikan Lampu Jalan"),
)

TOPICS["lampu-lalu-lintas"] = Topic(
    titles=(
        "Lampu Merah Mati",
        "Traffic Light Rusak",
        "Rambu Lalu Lintas Hilang",
        "Marka Jalan Pudar",
    ),
    problems=(
        "lampu merah di simpang di {place} mati sejak pagi",
        "traffic light di {place} error, hijau semua dari dua arah",
        "rambu dilarang belok di {place} roboh tertabrak",
        "marka jalan di {place} sudah pudar dan tidak kelihatan",
        "APILL di perempatan di {place} durasinya aneh, merahnya lama sekali",
        "lampu merah di {place} berkedip kuning terus",
    ),
    details=(
        "Lampu hijaunya cuma {n} detik, yang lolos paling dua motor",
        "Rambunya tertutup dahan pohon jadi tidak terlihat",
        "Zebra cross di depan sekolah juga sudah hilang catnya",
        "Countdown timernya mati",
    ),
    impacts=(
        "Kendaraan jadi saling serobot dan hampir tabrakan",
        "Pengendara dari luar kota sering salah arah",
        "Anak sekolah kesulitan menyeberang",
    ),
    requests=(
        "Mohon lampu merahnya segera diperbaiki",
        "Tolong rambunya dipasang lagi",
        "Mohon durasi lampunya diatur ulang",
    ),
    wishes=(
        "dipasang lampu merah di simpang di {place} yang ramai",
        "marka dan zebra cross di {place} dicat ulang",
        "ditambah rambu peringatan sekolah di dekat {place}",
        "traffic light di {place} dilengkapi tombol penyeberangan",
    ),
    wish_titles=("Pemasangan Lampu Merah", "Pengecatan Ulang Marka", "Rambu Zona Sekolah"),
    questions=(
        "apakah traffic light di {place} sudah dilaporkan rusak",
        "bagaimana cara mengajukan pemasangan rambu di jalan kampung",
        "siapa yang mengatur durasi lampu merah di {place}",
    ),
    info_titles=("Pengajuan Rambu Lalu Lintas", "Pengaturan Lampu Merah"),
)

TOPICS["parkir-liar"] = Topic(
    titles=(
        "Parkir Liar",
        "Jukir Minta Tarif Mahal",
        "Parkir Sembarangan di Bahu Jalan",
        "Tukang Parkir Tanpa Karcis",
    ),
    problems=(
        "banyak parkir liar di {place} sampai makan setengah badan jalan",
        "jukir di {place} minta tarif {amount} untuk motor",
        "tukang parkir di minimarket di {place} tidak pernah memberi karcis parkir",
        "mobil parkir sembarangan di {place} menghalangi jalan keluar warga",
        "ada parkir liar di trotoar di {place} setiap malam minggu",
        "jukir liar di {place} memaksa bayar padahal cuma berhenti sebentar",
    ),
    details=(
        "Padahal di minimarket ada tulisan bebas parkir",
        "Kalau ditanya karcis parkir jukirnya malah marah",
        "Parkirnya sampai {n} lapis",
        "Tarif resminya cuma {amount} tapi ditarik lebih",
    ),
    impacts=(
        "Jalan jadi macet dan pejalan kaki tidak kebagian tempat",
        "Ambulans pernah tertahan karena jalannya tertutup mobil",
        "Wisatawan merasa dipalak",
    ),
    requests=(
        "Mohon ditertibkan parkir liarnya",
        "Tolong jukir liar ditindak",
        "Mohon diderek mobil yang parkir sembarangan",
    ),
    wishes=(
        "disediakan kantong parkir resmi di sekitar {place} supaya tidak ada parkir liar",
        "jukir resmi diwajibkan memberi karcis parkir dan memakai rompi",
        "pembayaran parkir di {place} pakai nontunai supaya tarif jukir jelas",
    ),
    wish_titles=("Kantong Parkir Resmi", "Penertiban Juru Parkir", "Parkir Nontunai"),
    questions=(
        "berapa tarif resmi tukang parkir untuk motor di {place}",
        "bagaimana membedakan jukir resmi dan tukang parkir liar",
        "apakah parkir di bahu jalan di {place} itu resmi atau parkir liar",
    ),
    info_titles=("Tarif Parkir Resmi", "Daftar Jukir Resmi"),
)

TOPICS["angkutan-umum"] = Topic(
    titles=(
        "Bus Trans Jarang Lewat",
        "Angkot Ngetem Sembarangan",
        "Sopir Bus Ugal-ugalan",
        "Tarif Angkutan Tidak Sesuai",
    ),
    problems=(
        "bus Trans Jogja jalur ke {place} lama sekali datangnya",
        "angkot sering ngetem lama di {place} sampai bikin macet",
        "sopir bus yang lewat {place} ugal-ugalan dan sering menurunkan penumpang sembarangan",
        "tarif angkutan ke {place} dinaikkan sepihak jadi {amount}",
        "halte bus trans di {place} sudah lama tidak disinggahi bus",
        "bus sekolah gratis tidak lagi lewat {place}",
    ),
    details=(
        "Saya menunggu lebih dari {nn} menit di halte",
        "Busnya penuh sesak dan AC-nya mati",
        "Sopirnya merokok sambil menyetir",
        "Kernetnya kasar ke penumpang",
    ),
    impacts=(
        "Banyak pekerja dan pelajar yang terlambat",
        "Penumpang lansia kesulitan karena busnya tidak merapat ke halte",
    ),
    requests=(
        "Mohon sopirnya ditegur",
        "Tolong jadwal busnya diperbaiki",
        "Mohon angkot yang ngetem ditertibkan",
    ),
    wishes=(
        "rute bus Trans Jogja diperpanjang sampai {place}",
        "jadwal bus trans ditambah pada jam berangkat kerja",
        "ada angkot feeder dari {place} ke terminal",
        "ada aplikasi untuk melihat posisi bus secara langsung",
    ),
    wish_titles=("Penambahan Rute Bus", "Angkutan Feeder", "Penambahan Armada Bus Trans"),
    questions=(
        "jam berapa bus trans terakhir yang lewat {place}",
        "berapa tarif angkutan resmi untuk pelajar",
        "apakah ada rencana rute bus baru ke {place}",
        "ke mana melaporkan sopir angkot yang ugal-ugalan",
    ),
    info_titles=("Jadwal Bus Trans", "Tarif Angkutan Pelajar"),
)

TOPICS["kemacetan"] = Topic(
    titles=("Macet Parah Setiap Pagi", "Kemacetan di Simpang", "Antrean Kendaraan Panjang"),
    problems=(
        "setiap pagi macet parah di simpang di {place}",
        "kemacetan di {place} makin parah sejak ada proyek galian",
        "antrean kendaraan di {place} mengular sampai {n} km pada jam pulang kerja",
        "jalan di {place} macet total karena pasar tumpah",
        "simpang di {place} selalu macet karena tidak ada yang mengatur",
        "tiap akhir pekan {place} macet karena bus wisata parkir di jalan",
    ),
    details=(
        "Dari ujung ke ujung bisa sampai {nn} menit padahal jaraknya dekat",
        "Banyak kendaraan putar balik sembarangan di dekat simpang",
        "Tidak pernah ada petugas yang mengatur di jam sibuk",
    ),
    impacts=(
        "Anak sekolah dan pekerja sering terlambat",
        "Ambulans juga ikut terjebak macet",
    ),
    requests=(
        "Mohon ditempatkan petugas di jam sibuk",
        "Tolong dicarikan solusi kemacetan ini",
    ),
    wishes=(
        "ditempatkan petugas pengatur lalu lintas di simpang di {place} pada jam sibuk",
        "dibuat jalur alternatif untuk mengurai kemacetan di {place}",
        "simpang di {place} dipasang lampu lalu lintas supaya tidak macet",
    ),
    wish_titles=("Rekayasa Lalu Lintas", "Petugas di Simpang", "Jalur Alternatif"),
    questions=(
        "sampai kapan proyek galian di {place} yang bikin macet ini",
        "apakah ada rekayasa lalu lintas di {place} untuk mengurai kemacetan",
        "jalur alternatif mana yang disarankan kalau simpang di {place} macet",
    ),
    info_titles=("Rekayasa Lalu Lintas", "Jadwal Proyek Galian"),
)

# Lingkungan hidup dan kebersihan

TOPICS["sampah"] = Topic(
    titles=(
        "Sampah Menumpuk",
        "Sampah Belum Diangkut",
        "TPS Penuh dan Bau",
        "Truk Sampah Tidak Datang",
    ),
    problems=(
        "sampah di TPS di {place} numpuk dan belum diangkut",
        "truk sampah sudah {n} hari tidak datang ke {place}",
        "ada pembuangan sampah liar di pinggir jalan di {place}",
        "sampah di {place} menggunung sampai meluber ke jalan",
        "TPS di {place} penuh sejak TPA Piyungan ditutup",
        "sampah rumah tangga di {place} belum diangkut sejak {since}",
    ),
    details=(
        "Baunya menyengat sampai radius {nn} meter",
        "Banyak lalat dan tikus di sekitar tumpukan sampah",
        "Kami tetap bayar iuran sampah {amount} per bulan",
        "Ada yang membakar sampah di sana malam-malam",
        "Tumpukannya sudah setinggi orang dewasa",
    ),
    impacts=(
        "Warga yang rumahnya dekat TPS sampai tidak bisa makan karena bau",
        "Anak-anak banyak yang diare",
        "Air lindinya mengalir ke selokan",
    ),
    requests=(
        "Mohon sampahnya segera diangkut",
        "Tolong jadwal truk sampah diperjelas",
        "Mohon pembuang sampah liar ditindak",
    ),
    wishes=(
        "dibangun TPS3R di {place} supaya sampah bisa dipilah dan diolah",
        "ada bank sampah di setiap padukuhan",
        "jadwal pengangkutan sampah di {place} ditambah jadi dua kali seminggu",
        "dipasang CCTV di lokasi pembuangan sampah liar",
    ),
    wish_titles=("Pembangunan TPS3R", "Bank Sampah Padukuhan", "Tambahan Jadwal Angkut Sampah"),
    questions=(
        "kapan jadwal truk sampah lewat {place}",
        "bagaimana cara daftar layanan angkut sampah untuk rumah tangga",
        "sampah residu sekarang dibuang ke TPA mana setelah Piyungan tutup",
        "apakah ada pelatihan pengolahan sampah organik untuk warga",
    ),
    info_titles=("Jadwal Angkut Sampah", "Layanan Sampah Rumah Tangga", "Pengolahan Sampah"),
)

TOPICS["pencemaran"] = Topic(
    titles=("Pencemaran Sungai", "Limbah Pabrik", "Asap Pembakaran", "Bau Busuk dari Peternakan"),
    problems=(
        "limbah pabrik dibuang langsung ke sungai dekat {place}",
        "sungai tercemar di {place}, airnya hitam dan berbusa",
        "asap dari cerobong pabrik di {place} masuk ke rumah warga",
        "ada bau busuk dari kandang ayam di {place}",
        "terjadi pencemaran sumur warga di {place} akibat limbah laundry",
        "limbah tahu di {place} dibuang ke parit dan baunya ke mana-mana",
    ),
    details=(
        "Ikan-ikan di sungai banyak yang mati mengambang",
        "Pembuangan limbahnya biasanya {time}",
        "Air sumur warga jadi berminyak dan berbau",
        "Asapnya hitam pekat dan bikin mata perih",
    ),
    impacts=(
        "Warga sesak napas dan anak-anak batuk terus",
        "Sumur tidak bisa dipakai lagi untuk minum",
        "Petani tidak bisa lagi memakai air sungai untuk sawah",
    ),
    requests=(
        "Mohon pabriknya diperiksa",
        "Tolong diuji kualitas airnya",
        "Mohon pembuangan limbah ini dihentikan",
    ),
    wishes=(
        "pabrik di sekitar {place} diwajibkan punya IPAL sebelum membuang limbah",
        "dilakukan uji kualitas air sungai di {place} secara rutin untuk mencegah pencemaran",
        "ada patroli pencemaran sungai bersama warga",
        "kandang ternak besar dipindah jauh dari permukiman supaya tidak ada bau busuk",
    ),
    wish_titles=("Pengawasan Limbah Pabrik", "Uji Kualitas Air Sungai"),
    questions=(
        "bagaimana cara melaporkan pencemaran limbah secara resmi",
        "apakah pabrik di {place} sudah punya izin lingkungan dan IPAL untuk limbah",
        "di mana warga bisa memeriksakan air sumur yang diduga tercemar limbah",
    ),
    info_titles=("Izin Lingkungan Pabrik", "Uji Air Sumur"),
)

TOPICS["pohon-rth"] = Topic(
    titles=(
        "Pohon Tumbang",
        "Dahan Pohon Rawan Patah",
        "Perawatan Taman Kota",
        "RTH Tidak Terawat",
    ),
    problems=(
        "ada pohon tumbang melintang di jalan di {place}",
        "dahan pohon besar di {place} sudah lapuk dan rawan patah",
        "ranting pohon di {place} menyentuh kabel listrik",
        "taman kota di {place} tidak terawat dan rumputnya tinggi",
        "RTH di {place} malah dijadikan tempat parkir",
        "pohon tumbang di {place} menimpa pagar rumah warga",
    ),
    details=(
        "Pohonnya beringin tua, tingginya sekitar {nn} meter",
        "Kalau angin kencang dahannya bergoyang-goyang",
        "Sisa batang pohon tumbang belum dibersihkan sampai sekarang",
        "Akarnya sudah membongkar trotoar",
    ),
    impacts=(
        "Pengendara takut lewat waktu hujan angin",
        "Sudah ada atap rumah warga yang tertimpa ranting",
    ),
    requests=(
        "Mohon dahan pohonnya dipangkas",
        "Tolong pohon tumbangnya segera dievakuasi",
    ),
    wishes=(
        "dilakukan pemangkasan rutin dahan pohon di {place} sebelum musim hujan",
        "lahan kosong di {place} dijadikan RTH untuk warga",
        "taman kota di {place} ditambah bangku dan lampu",
    ),
    wish_titles=("Pemangkasan Pohon Rutin", "Ruang Terbuka Hijau Baru", "Penataan Taman Kota"),
    questions=(
        "ke mana lapor kalau ada pohon tumbang di malam hari",
        "apakah warga boleh memangkas sendiri dahan pohon di pinggir jalan",
        "kapan jadwal pemangkasan ranting pohon di {place}",
    ),
    info_titles=("Jadwal Pemangkasan Pohon", "Pengelolaan RTH"),
)

TOPICS["kebisingan"] = Topic(
    titles=(
        "Kebisingan Malam Hari",
        "Sound System Terlalu Keras",
        "Suara Bising Pabrik",
        "Tetangga Berisik",
    ),
    problems=(
        "ada sound system hajatan di {place} bunyi sampai jam 2 pagi",
        "suara keras dari bengkel las di {place} tiap hari",
        "mesin pabrik di {place} bising sekali siang malam",
        "kafe di {place} berisik karena live music sampai larut malam",
        "knalpot brong di {place} berisik tiap malam",
        "ada suara keras dari karaoke di rumah tetangga di {place} sampai tengah malam",
    ),
    details=(
        "Volumenya sampai kaca jendela bergetar",
        "Sudah ditegur baik-baik tapi malah dibesarkan",
        "Bisingnya mulai {time}",
    ),
    impacts=(
        "Bayi dan lansia tidak bisa tidur",
        "Anak-anak jadi susah belajar",
    ),
    requests=(
        "Mohon ditegur pemiliknya",
        "Tolong dibatasi jam operasionalnya",
    ),
    wishes=(
        "ada aturan jam malam untuk penggunaan sound system di {place}",
        "tempat usaha yang bising di {place} diwajibkan memasang peredam suara",
        "ada patroli malam untuk menertibkan knalpot brong yang berisik",
    ),
    wish_titles=("Aturan Jam Malam Sound System", "Peredam Suara Tempat Usaha"),
    questions=(
        "sampai jam berapa sound system hajatan boleh dinyalakan",
        "apakah ada batas suara bising untuk bengkel di permukiman",
        "ke mana melaporkan suara keras dari tempat hiburan malam",
    ),
    info_titles=("Aturan Kebisingan", "Batas Jam Hiburan"),
)

# Air minum, listrik dan energi

TOPICS["air-minum"] = Topic(
    titles=("Air PDAM Mati", "Air Keruh", "Pipa PDAM Bocor", "Tagihan Meteran Tidak Wajar"),
    problems=(
        "air PDAM di {place} mati sudah {n} hari",
        "air keruh dan berbau keluar dari kran di {place}",
        "air tidak mengalir di {place} {since}",
        "ada pipa bocor PDAM di pinggir jalan di {place} airnya muncrat terus",
        "tagihan PDAM saya naik jadi {amount} padahal meteran tidak berputar",
        "air mati terus di {place} tiap siang",
    ),
    details=(
        "Airnya cuma menetes kalau malam sekitar {time}",
        "Warnanya coklat seperti teh",
        "Petugas pencatat meteran tidak pernah datang, tagihannya ditaksir",
        "Tidak ada pemberitahuan sebelumnya dari PDAM",
    ),
    impacts=(
        "Warga terpaksa beli air galon untuk mandi",
        "Air bersih terbuang percuma tiap hari",
        "Anak-anak gatal-gatal setelah mandi",
    ),
    requests=(
        "Mohon pipanya segera diperbaiki",
        "Tolong dicek meterannya",
        "Mohon dikirim tangki air bersih",
    ),
    wishes=(
        "jaringan pipa PDAM diperluas sampai {place}",
        "ada jadwal pemberitahuan kalau air mati karena perbaikan",
        "PDAM menyediakan tangki air saat air tidak mengalir lebih dari sehari",
    ),
    wish_titles=("Perluasan Jaringan PDAM", "Pemberitahuan Gangguan Air"),
    questions=(
        "kapan air PDAM di {place} normal kembali",
        "bagaimana cara pasang sambungan baru PDAM",
        "berapa tarif PDAM per meter kubik untuk rumah tangga",
        "kenapa air keruh terus di {place}, apakah aman dipakai",
    ),
    info_titles=("Pasang Baru PDAM", "Gangguan Air PDAM", "Tarif PDAM"),
)

TOPICS["listrik"] = Topic(
    titles=(
        "Listrik Padam Berulang",
        "Mati Lampu Terus",
        "Tiang Listrik Miring",
        "Kabel Listrik Menjuntai",
    ),
    problems=(
        "listrik padam di {place} hampir setiap malam",
        "mati lampu di {place} sudah {n} jam tanpa pemberitahuan",
        "tiang listrik di {place} miring hampir roboh",
        "kabel PLN di {place} menjuntai rendah sampai bisa dipegang",
        "token listrik yang sudah saya beli {amount} tidak masuk ke meteran",
        "tegangan listrik di {place} naik turun dan sering mati lampu",
    ),
    details=(
        "Dalam seminggu bisa mati {n} kali",
        "Kabel listriknya terkelupas dan kadang memercikkan api",
        "Sudah telepon PLN tapi katanya gangguan jaringan",
    ),
    impacts=(
        "Kulkas dan televisi warga ada yang rusak",
        "Usaha jahit saya jadi berhenti",
        "Anak-anak belajar pakai lilin",
    ),
    requests=(
        "Mohon PLN segera turun ke lokasi",
        "Tolong tiangnya segera diganti",
        "Mohon kabelnya dirapikan sebelum ada yang kesetrum",
    ),
    wishes=(
        "jaringan listrik PLN di {place} diperkuat karena sering padam",
        "ada pemberitahuan dari PLN lewat pengumuman kalurahan sebelum listrik padam",
        "kabel listrik di {place} dirapikan supaya tidak menjuntai",
    ),
    wish_titles=("Penguatan Jaringan Listrik", "Pengumuman Jadwal Padam"),
    questions=(
        "kapan jadwal listrik padam bergilir di {place}",
        "bagaimana cara mengajukan pasang baru listrik PLN untuk rumah",
        "kalau token sudah dibeli tapi tidak masuk, harus mengadu ke mana",
    ),
    info_titles=("Jadwal Pemadaman Listrik", "Pasang Baru PLN"),
)

TOPICS["bbm-gas"] = Topic(
    titles=("Gas Melon Langka", "Harga LPG Mahal", "Antrean Solar di SPBU", "Pertalite Habis"),
    problems=(
        "gas melon di {place} langka sudah {dur}",
        "harga gas elpiji 3 kg di warung di {place} sampai {amount}",
        "SPBU di {place} sering kehabisan pertalite",
        "antrean solar di SPBU di {place} mengular sampai ke jalan",
        "pangkalan LPG di {place} menjual gas melon ke orang mampu dan pengecer",
        "BBM di SPBU di {place} diduga dioplos",
    ),
    details=(
        "Saya sudah keliling {n} warung tapi kosong semua",
        "Katanya harus pakai KTP tapi tetap tidak kebagian",
        "Ada jeriken-jeriken yang diisi solar di SPBU",
    ),
    impacts=(
        "Ibu-ibu tidak bisa masak dan warung makan tutup",
        "Nelayan dan petani tidak bisa kerja karena tidak ada BBM",
    ),
    requests=(
        "Mohon pasokan gas melon ditambah",
        "Tolong pangkalan nakal ditindak",
    ),
    wishes=(
        "ada operasi pasar LPG di {place} saat gas melon langka",
        "pembelian BBM bersubsidi di SPBU diawasi lebih ketat",
        "pangkalan gas elpiji resmi ditambah di {place}",
    ),
    wish_titles=("Operasi Pasar LPG", "Pengawasan BBM Subsidi"),
    questions=(
        "di mana daftar pangkalan resmi LPG 3 kg di {place}",
        "berapa HET gas melon di wilayah DIY",
        "apakah beli pertalite sekarang harus daftar QR code",
    ),
    info_titles=("Pangkalan Resmi LPG", "HET Gas Melon"),
)

# Kesehatan

TOPICS["layanan-faskes"] = Topic(
    titles=(
        "Pelayanan Puskesmas Lambat",
        "Antre Lama di RSUD",
        "Pasien Ditolak IGD",
        "Perawat Tidak Ramah",
    ),
    problems=(
        "pelayanan di puskesmas di {place} lambat sekali, antre dari pagi",
        "ibu saya ditolak di IGD RSUD dengan alasan kamar penuh",
        "dokter di puskesmas di {place} sering datang terlambat",
        "perawat di rumah sakit dekat {place} judes ke pasien lansia",
        "harus antre {n} jam di RS hanya untuk ambil nomor",
        "puskesmas di {place} sudah tutup padahal belum jam pulang",
    ),
    details=(
        "Saya datang {time} dan baru dipanggil siang hari",
        "Pasien sudah lemas tapi disuruh menunggu di kursi",
        "Papan informasi jadwal dokter tidak sesuai kenyataan",
        "Loket pendaftaran cuma buka satu",
    ),
    impacts=(
        "Kondisi pasien jadi makin parah karena terlambat ditangani",
        "Warga jadi enggan berobat ke puskesmas",
    ),
    requests=(
        "Mohon pelayanannya dievaluasi",
        "Tolong ditambah dokternya",
    ),
    wishes=(
        "ada pendaftaran online untuk puskesmas di {place} supaya tidak antre lama",
        "puskesmas di {place} buka layanan sore hari untuk pekerja",
        "ruang tunggu IGD diberi kursi dan kipas yang layak",
        "dokter spesialis di RSUD ditambah supaya antrean tidak berbulan-bulan",
    ),
    wish_titles=(
        "Pendaftaran Online Puskesmas",
        "Layanan Sore Puskesmas",
        "Penambahan Dokter Spesialis",
    ),
    questions=(
        "jam berapa poli umum puskesmas di {place} buka",
        "bagaimana cara daftar online di RSUD supaya tidak antre",
        "apakah puskesmas di {place} melayani pasien umum tanpa BPJS",
        "apakah IGD boleh menolak pasien gawat darurat",
    ),
    info_titles=("Jadwal Layanan Puskesmas", "Pendaftaran Online RSUD"),
)

TOPICS["jaminan-kesehatan"] = Topic(
    titles=(
        "BPJS Tidak Aktif",
        "Kartu KIS Dinonaktifkan",
        "Rujukan BPJS Dipersulit",
        "Iuran BPJS Menunggak",
    ),
    problems=(
        "kartu BPJS PBI saya tiba-tiba tidak aktif waktu mau berobat",
        "KIS keluarga kami dinonaktifkan tanpa pemberitahuan",
        "rujukan BPJS dari faskes pertama di {place} dipersulit",
        "saya disuruh bayar obat padahal peserta JKN",
        "iuran BPJS mandiri saya menunggak {n} bulan dan dendanya besar",
        "pasien BPJS di RS dekat {place} disuruh pulang padahal belum sembuh",
    ),
    details=(
        "Petugas bilang data saya tidak ada di sistem",
        "Saya sudah bolak-balik ke kantor BPJS {n} kali",
        "Katanya harus pindah faskes dulu baru bisa dirujuk",
    ),
    impacts=(
        "Anak saya yang sakit jadi tertunda pengobatannya",
        "Kami terpaksa bayar umum {amount}",
    ),
    requests=(
        "Mohon BPJS saya diaktifkan kembali",
        "Tolong dibantu prosesnya",
    ),
    wishes=(
        "ada petugas BPJS di setiap puskesmas untuk membantu warga",
        "warga miskin yang KIS-nya dinonaktifkan diberi pemberitahuan sebelumnya",
        "pengurusan rujukan BPJS dibuat online semua",
    ),
    wish_titles=("Petugas BPJS di Puskesmas", "Pemberitahuan Penonaktifan KIS"),
    questions=(
        "bagaimana cara mengaktifkan kembali BPJS PBI yang dinonaktifkan",
        "apakah iuran BPJS yang menunggak bisa dicicil",
        "bagaimana cara pindah faskes BPJS",
        "apakah peserta JKN boleh berobat di luar kota",
    ),
    info_titles=("Reaktivasi BPJS PBI", "Pindah Faskes BPJS", "Cicilan Tunggakan BPJS"),
)

TOPICS["obat-alkes"] = Topic(
    titles=(
        "Stok Obat Kosong",
        "Obat Tidak Tersedia",
        "Alat Kesehatan Rusak",
        "Obat Keras Dijual Bebas",
    ),
    problems=(
        "stok obat di puskesmas di {place} sering kosong",
        "obat rutin hipertensi ibu saya tidak tersedia di apotek RS",
        "alat kesehatan di puskesmas di {place} rusak dan tidak diperbaiki",
        "pasien disuruh beli obat sendiri di apotek luar",
        "ada apotek di {place} yang menjual obat keras tanpa resep",
    ),
    details=(
        "Katanya stok obat dari dinas belum turun",
        "Harga obatnya di luar sampai {amount}",
        "Alat rontgennya sudah rusak {dur}",
    ),
    impacts=(
        "Pasien kronis jadi putus minum obat",
        "Warga kurang mampu keberatan harus beli obat sendiri",
    ),
    requests=(
        "Mohon stok obatnya dilengkapi",
        "Tolong alat kesehatannya diperbaiki",
    ),
    wishes=(
        "stok obat penyakit kronis di puskesmas di {place} selalu tersedia",
        "ada sistem cek stok obat online sebelum pasien datang",
        "alat kesehatan puskesmas di {place} diperbarui",
    ),
    wish_titles=("Ketersediaan Obat Kronis", "Cek Stok Obat Online", "Pembaruan Alat Kesehatan"),
    questions=(
        "apakah obat untuk pasien BPJS memang harus beli di apotek luar",
        "di mana bisa cek stok obat di puskesmas di {place}",
        "bagaimana cara melaporkan apotek yang menjual obat tanpa resep",
    ),
    info_titles=("Ketersediaan Obat Puskesmas", "Pengawasan Apotek"),
)

TOPICS["wabah-penyakit"] = Topic(
    titles=(
        "Kasus DBD Meningkat",
        "Permohonan Fogging",
        "Wabah Diare",
        "Banyak Nyamuk di Permukiman",
    ),
    problems=(
        "sudah ada {n} warga kena DBD di {place} bulan ini",
        "banyak nyamuk di {place} dan belum pernah ada fogging",
        "ada wabah diare di {place} setelah banjir kemarin",
        "tetangga kami positif TBC tapi tidak ada pendampingan dari puskesmas",
        "anak saya opname karena demam berdarah, di {place} sudah banyak kasus",
    ),
    details=(
        "Jentik nyamuk banyak di bak mandi dan kaleng bekas",
        "Salah satu pasien sampai masuk ICU",
        "Katanya fogging baru bisa kalau sudah ada {n} kasus",
    ),
    impacts=(
        "Warga jadi takut dan khawatir dengan anak-anak",
        "Banyak yang tidak bisa kerja karena sakit",
    ),
    requests=(
        "Mohon segera dilakukan fogging",
        "Tolong petugas kesehatan turun ke lokasi",
    ),
    wishes=(
        "ada gerakan PSN dan fogging rutin di {place} sebelum musim hujan",
        "kader jumantik di {place} diaktifkan lagi untuk memantau jentik nyamuk",
        "ada penyuluhan pencegahan TBC dan diare di {place}",
    ),
    wish_titles=("Fogging Rutin", "Kader Jumantik", "Penyuluhan Pencegahan Wabah"),
    questions=(
        "bagaimana cara mengajukan fogging untuk wilayah {place}",
        "berapa kasus DBD di kapanewon kami bulan ini",
        "apakah pengobatan TBC di puskesmas gratis",
    ),
    info_titles=("Pengajuan Fogging", "Data Kasus DBD"),
)

TOPICS["gizi-stunting"] = Topic(
    titles=(
        "Balita Gizi Buruk",
        "Posyandu Tidak Aktif",
        "PMT Tidak Dibagikan",
        "Penanganan Stunting",
    ),
    problems=(
        "ada balita gizi buruk di {place} yang belum ditangani",
        "posyandu di {place} sudah {dur} tidak aktif",
        "PMT untuk balita di {place} tidak dibagikan semua",
        "anak tetangga kami terindikasi stunting tapi tidak ada pendampingan",
        "timbangan di posyandu di {place} rusak jadi balita tidak ditimbang",
    ),
    details=(
        "Berat badannya cuma {n} kg di umur 2 tahun",
        "Isi PMT-nya cuma biskuit dan sudah mendekati kedaluwarsa",
        "Kader posyandu tinggal {n} orang",
    ),
    impacts=(
        "Orang tuanya kurang mampu dan tidak tahu harus ke mana",
        "Angka stunting di kampung kami bisa naik",
    ),
    requests=(
        "Mohon balita tersebut segera diperiksa",
        "Tolong posyandunya diaktifkan kembali",
    ),
    wishes=(
        "PMT untuk balita di {place} berupa makanan bergizi lokal, bukan hanya biskuit",
        "kader posyandu di {place} diberi pelatihan dan insentif",
        "ada kelas gizi untuk ibu hamil dan ibu balita untuk cegah stunting",
    ),
    wish_titles=("Insentif Kader Posyandu", "PMT Lokal Bergizi", "Kelas Gizi Ibu Balita"),
    questions=(
        "kapan jadwal posyandu balita di {place}",
        "bagaimana cara mendaftarkan balita stunting ke program pendampingan",
        "apakah PMT untuk balita gizi kurang dibagikan setiap bulan",
    ),
    info_titles=("Jadwal Posyandu", "Program Penanganan Stunting"),
)

# Pendidikan dan kebudayaan

TOPICS["penerimaan-murid"] = Topic(
    titles=(
        "Masalah Zonasi PPDB",
        "SPMB Jalur Afirmasi",
        "Pendaftaran Sekolah Error",
        "Kecurangan Zonasi",
    ),
    problems=(
        "anak saya tidak diterima lewat zonasi padahal rumah kami dekat sekali dengan sekolah",
        "situs SPMB error terus waktu pendaftaran sekolah dibuka",
        "ada yang numpang KK di {place} supaya lolos zonasi PPDB",
        "pendaftaran jalur afirmasi anak saya ditolak padahal kami punya KIP",
        "sistem PPDB salah menghitung jarak rumah kami di {place}",
    ),
    details=(
        "Jarak rumah ke sekolah cuma {nn}0 meter tapi tergeser",
        "Sudah mengadu ke panitia tapi disuruh menunggu",
        "Titik koordinat rumah di sistem meleset jauh",
    ),
    impacts=(
        "Anak saya terancam tidak dapat sekolah negeri",
        "Kami tidak mampu kalau harus masuk sekolah swasta",
    ),
    requests=(
        "Mohon diverifikasi ulang datanya",
        "Tolong diusut kecurangan zonasinya",
    ),
    wishes=(
        "kuota jalur afirmasi SPMB ditambah untuk keluarga kurang mampu",
        "ada posko bantuan pendaftaran sekolah di setiap kapanewon",
        "perhitungan jarak zonasi diverifikasi langsung ke lapangan",
    ),
    wish_titles=("Posko Pendaftaran Sekolah", "Penambahan Kuota Afirmasi"),
    questions=(
        "kapan jadwal pendaftaran SPMB SMP tahun ini",
        "apa saja syarat jalur afirmasi",
        "bagaimana cara cek titik koordinat rumah untuk zonasi",
    ),
    info_titles=("Jadwal SPMB", "Syarat Jalur Afirmasi"),
)

TOPICS["pungutan-sekolah"] = Topic(
    titles=(
        "Pungutan di Sekolah Negeri",
        "Uang Gedung Mahal",
        "Wajib Beli Seragam di Sekolah",
        "Iuran Komite Memberatkan",
    ),
    problems=(
        "sekolah negeri di {place} menarik uang gedung {big_amount}",
        "siswa diwajibkan beli seragam di sekolah dengan harga {amount}",
        "ada iuran komite {amount} per bulan yang katanya wajib",
        "guru menjual LKS ke murid padahal sudah dilarang",
        "ada pungli sekolah untuk pengambilan ijazah di SMP di {place}",
        "sekolah anak saya di {place} menarik pungutan untuk study tour",
    ),
    details=(
        "Kalau belum bayar, rapor anak ditahan",
        "Tidak ada rincian penggunaan uangnya",
        "Pungutan disampaikan lewat grup WA wali murid",
    ),
    impacts=(
        "Orang tua yang tidak mampu merasa sangat terbebani",
        "Anak saya malu karena namanya disebut belum bayar",
    ),
    requests=(
        "Mohon pungutan ini diperiksa",
        "Tolong sekolahnya ditegur",
    ),
    wishes=(
        "ada transparansi penggunaan iuran komite di setiap sekolah",
        "pembelian seragam dan LKS tidak diwajibkan di sekolah",
        "dinas membuka kanal aduan pungutan sekolah yang menjamin kerahasiaan pelapor",
    ),
    wish_titles=("Transparansi Iuran Komite", "Larangan Wajib Beli Seragam"),
    questions=(
        "apakah sekolah negeri boleh menarik uang gedung",
        "bedanya sumbangan dan pungutan di sekolah apa",
        "apakah iuran komite itu wajib dibayar",
    ),
    info_titles=("Aturan Pungutan Sekolah", "Iuran Komite Sekolah"),
)

TOPICS["bantuan-pendidikan"] = Topic(
    titles=(
        "Dana PIP Belum Cair",
        "KIP Tidak Diterima",
        "Beasiswa Dipotong",
        "Dana BOS Tidak Transparan",
    ),
    problems=(
        "dana PIP anak saya belum cair padahal namanya sudah masuk",
        "anak saya punya KIP tapi tidak pernah menerima bantuan",
        "beasiswa siswa di {place} dipotong {amount} oleh pihak sekolah",
        "penggunaan dana BOS di SD di {place} tidak transparan",
        "bantuan sekolah untuk anak yatim di {place} tidak sampai",
    ),
    details=(
        "Buku tabungannya ditahan oleh sekolah",
        "Katanya untuk uang administrasi",
        "Teman sekelasnya yang mampu malah dapat",
    ),
    impacts=(
        "Kami kesulitan beli perlengkapan sekolah",
        "Anak saya hampir putus sekolah",
    ),
    requests=(
        "Mohon dicek data PIP anak saya",
        "Tolong diusut pemotongannya",
    ),
    wishes=(
        "penerima PIP dan KIP diumumkan secara terbuka di sekolah",
        "pencairan beasiswa langsung ke rekening siswa tanpa lewat sekolah",
        "ada laporan penggunaan dana BOS yang bisa dilihat wali murid",
    ),
    wish_titles=("Transparansi Penerima PIP", "Laporan Dana BOS Terbuka"),
    questions=(
        "bagaimana cara cek status PIP anak saya",
        "kapan jadwal pencairan KIP kuliah tahap berikutnya",
        "syarat mendapatkan beasiswa untuk siswa kurang mampu apa saja",
    ),
    info_titles=("Cek Status PIP", "Pencairan KIP"),
)

TOPICS["sarana-sekolah"] = Topic(
    titles=(
        "Atap Kelas Bocor",
        "Gedung Sekolah Rusak",
        "Toilet Sekolah Tidak Layak",
        "Bangku Kelas Rusak",
    ),
    problems=(
        "atap bocor di SD di {place} sudah parah",
        "gedung sekolah di {place} retak-retak dan plafonnya jebol",
        "ada {n} kelas rusak di SD di {place} yang tidak bisa dipakai",
        "toilet sekolah di SMP di {place} rusak dan airnya tidak ada",
        "bangku dan meja di kelas anak saya banyak yang patah",
    ),
    details=(
        "Kalau hujan, murid dipindah ke mushola",
        "Plafonnya sudah melengkung dan pernah ada yang jatuh",
        "Satu toilet dipakai untuk {nn}0 murid",
    ),
    impacts=(
        "Anak-anak belajar tidak nyaman dan takut tertimpa",
        "Murid perempuan terpaksa pulang kalau mau ke toilet",
    ),
    requests=(
        "Mohon segera direhab",
        "Tolong dicek kondisi gedungnya",
    ),
    wishes=(
        "gedung sekolah SD di {place} direhabilitasi total tahun depan",
        "dibangun toilet sekolah yang layak dan terpisah laki-laki perempuan",
        "bangku dan meja kelas diganti yang baru",
    ),
    wish_titles=("Rehabilitasi Gedung Sekolah", "Pembangunan Toilet Sekolah"),
    questions=(
        "apakah SD di {place} sudah masuk daftar rehab gedung sekolah tahun ini",
        "bagaimana sekolah mengajukan bantuan perbaikan kelas rusak",
        "dana perbaikan atap bocor sekolah itu dari BOS atau dari dinas",
    ),
    info_titles=("Jadwal Rehab Sekolah", "Pengajuan Perbaikan Kelas"),
)

TOPICS["guru-tendik"] = Topic(
    titles=(
        "Guru Jarang Masuk",
        "Gaji Guru Honorer Telat",
        "Tunjangan Guru Belum Cair",
        "Masalah Sertifikasi Guru",
    ),
    problems=(
        "ada guru jarang masuk di SD di {place}, murid sering dibiarkan",
        "gaji guru honorer di {place} telat {n} bulan",
        "tunjangan guru sertifikasi belum cair {since}",
        "guru honorer di sekolah kami hanya digaji {amount} per bulan",
        "guru kelas anak saya sering main HP saat jam mengajar",
    ),
    details=(
        "Dalam seminggu gurunya cuma datang {n} kali",
        "Murid disuruh mencatat saja lalu gurunya pergi",
        "Sudah mengabdi lebih dari {nn} tahun tapi belum diangkat",
    ),
    impacts=(
        "Pelajaran anak-anak jadi tertinggal",
        "Banyak guru honorer yang terpaksa kerja sampingan",
    ),
    requests=(
        "Mohon gurunya ditegur",
        "Tolong diperhatikan nasib guru honorer",
    ),
    wishes=(
        "guru honorer yang sudah lama mengabdi diprioritaskan diangkat PPPK",
        "tunjangan guru dicairkan tepat waktu setiap triwulan",
        "ada pengawasan kehadiran guru di sekolah di {place}",
    ),
    wish_titles=("Pengangkatan Guru Honorer", "Pencairan Tunjangan Guru"),
    questions=(
        "kapan pencairan tunjangan sertifikasi guru triwulan ini",
        "bagaimana cara guru honorer mendaftar seleksi PPPK",
        "ke mana melaporkan guru yang jarang masuk",
    ),
    info_titles=("Pencairan Tunjangan Guru", "Seleksi PPPK Guru"),
)

TOPICS["kekerasan-sekolah"] = Topic(
    titles=(
        "Anak Korban Bullying",
        "Perundungan di Sekolah",
        "Siswa Dipukul Guru",
        "Dugaan Pelecehan di Sekolah",
    ),
    problems=(
        "anak saya jadi korban bullying oleh kakak kelas di SMP di {place}",
        "ada perundungan di sekolah di {place} yang direkam dan disebar",
        "anak saya dipukul oleh oknum guru di kelas",
        "ada dugaan pelecehan terhadap siswi oleh pelatih ekstrakurikuler",
        "terjadi kekerasan antar siswa di SD di {place} tapi sekolah menutupi",
    ),
    details=(
        "Anak saya sampai tidak mau berangkat sekolah",
        "Kejadiannya {date} di belakang kelas",
        "Wali kelas bilang itu cuma bercanda",
    ),
    impacts=(
        "Anak saya trauma dan sering menangis",
        "Orang tua murid lain juga khawatir",
    ),
    requests=(
        "Mohon kasus ini ditangani serius",
        "Tolong anak saya didampingi psikolog",
    ),
    wishes=(
        "setiap sekolah punya satgas pencegahan kekerasan dan bullying yang aktif",
        "ada kanal aduan perundungan yang aman untuk siswa",
        "guru dilatih menangani kasus kekerasan di sekolah",
    ),
    wish_titles=("Satgas Anti Kekerasan Sekolah", "Kanal Aduan Perundungan"),
    questions=(
        "ke mana orang tua bisa melapor kasus bullying di sekolah",
        "apakah ada pendampingan psikolog gratis untuk korban kekerasan di sekolah",
        "bagaimana prosedur penanganan perundungan oleh dinas pendidikan",
    ),
    info_titles=("Pelaporan Kasus Bullying", "Pendampingan Korban Kekerasan"),
)

# Administrasi kependudukan

TOPICS["ktp-el"] = Topic(
    titles=("KTP Belum Jadi", "Blangko KTP Habis", "Rekam KTP Anak", "E-KTP Rusak"),
    problems=(
        "KTP belum jadi padahal sudah rekam {since}",
        "blangko KTP di dukcapil katanya habis terus",
        "sudah rekam KTP {dur} lalu tapi belum dicetak",
        "e-KTP saya patah dan mau cetak ulang dipersulit",
        "anak saya yang baru 17 tahun belum bisa rekam KTP karena alat rusak",
    ),
    details=(
        "Tiap ditanya jawabannya suruh kembali minggu depan",
        "Sudah bolak-balik ke kantor kapanewon {n} kali",
        "Ada yang bilang kalau mau cepat bayar {amount}",
    ),
    impacts=(
        "Saya tidak bisa melamar kerja karena tidak punya KTP",
        "Urusan bank dan BPJS jadi tertunda",
    ),
    requests=(
        "Mohon KTP saya segera dicetak",
        "Tolong dibantu prosesnya",
    ),
    wishes=(
        "ada layanan jemput bola rekam KTP ke {place} untuk lansia dan difabel",
        "stok blangko KTP di setiap kapanewon dicukupi",
        "ada notifikasi kalau e-KTP sudah jadi",
    ),
    wish_titles=("Jemput Bola Rekam KTP", "Notifikasi KTP Jadi"),
    questions=(
        "bagaimana cara cek apakah KTP saya sudah jadi",
        "apa syarat cetak ulang e-KTP yang rusak",
        "kapan jadwal rekam KTP keliling di {place}",
    ),
    info_titles=("Status Cetak KTP", "Syarat Cetak Ulang E-KTP"),
)

TOPICS["kartu-keluarga"] = Topic(
    titles=(
        "Kartu Keluarga Salah Data",
        "Pisah KK Dipersulit",
        "Tambah Anggota KK",
        "KK Belum Jadi",
    ),
    problems=(
        "data di kartu keluarga saya salah, nama anak keliru",
        "pengajuan pisah KK saya sudah {dur} belum selesai",
        "mau tambah anggota di KK untuk bayi baru tapi ditolak",
        "KK yang saya ajukan di {place} belum jadi sampai sekarang",
        "status perkawinan di kartu keluarga belum diperbarui",
    ),
    details=(
        "Sudah melampirkan semua berkas yang diminta",
        "Disuruh bolak-balik minta surat pengantar",
        "Katanya sistemnya sedang gangguan",
    ),
    impacts=(
        "Anak saya tidak bisa daftar sekolah karena KK belum beres",
        "Pengurusan BPJS jadi tertunda",
    ),
    requests=(
        "Mohon data KK saya diperbaiki",
        "Tolong dipercepat prosesnya",
    ),
    wishes=(
        "pengurusan kartu keluarga bisa lewat online tanpa harus datang",
        "ada petugas dukcapil keliling di {place} untuk urusan KK",
        "KK bisa dicetak sendiri dalam bentuk PDF",
    ),
    wish_titles=("Layanan KK Online", "Dukcapil Keliling"),
    questions=(
        "apa syarat pisah KK setelah menikah",
        "bagaimana cara tambah anggota KK untuk bayi baru lahir",
        "berapa lama proses cetak kartu keluarga baru",
    ),
    info_titles=("Syarat Pisah KK", "Tambah Anggota KK"),
)

TOPICS["akta"] = Topic(
    titles=(
        "Akta Kelahiran Belum Jadi",
        "Kesalahan Nama di Akte",
        "Pengurusan Akta Kematian",
        "Akta Lahir Terlambat",
    ),
    problems=(
        "akta kelahiran anak saya belum jadi sudah {dur}",
        "nama di akte anak saya salah ketik",
        "pengurusan akta kematian bapak saya dipersulit",
        "akta lahir untuk anak yang lahir di rumah ditolak",
        "saya mau urus akte kelahiran terlambat tapi disuruh ke pengadilan",
    ),
    details=(
        "Surat keterangan lahir dari bidan sudah saya lampirkan",
        "Petugas minta saksi {n} orang",
        "Akta kematian dibutuhkan untuk mengurus warisan dan pensiun",
    ),
    impacts=(
        "Anak saya tidak bisa didaftarkan sekolah",
        "Urusan pensiun janda jadi tertunda",
    ),
    requests=(
        "Mohon aktanya segera diterbitkan",
        "Tolong dibetulkan datanya",
    ),
    wishes=(
        "akta kelahiran langsung diterbitkan di puskesmas atau rumah sakit tempat melahirkan",
        "ada layanan akta kematian jemput bola di {place}",
        "pengurusan akte bisa sepenuhnya online",
    ),
    wish_titles=("Akta Lahir di Faskes", "Layanan Akta Online"),
    questions=(
        "apa syarat membuat akta kelahiran untuk anak yang sudah besar",
        "berapa lama proses akta kematian",
        "bagaimana cara membetulkan salah nama di akte",
    ),
    info_titles=("Syarat Akta Kelahiran", "Proses Akta Kematian"),
)

TOPICS["pindah-datang"] = Topic(
    titles=(
        "Surat Pindah Belum Terbit",
        "NIK Ganda",
        "NIK Tidak Terdaftar",
        "Pindah Domisili Dipersulit",
    ),
    problems=(
        "NIK tidak terdaftar waktu saya mau daftar BPJS dan bank",
        "data saya ternyata ganda, NIK ganda dengan orang lain",
        "surat pindah dari kabupaten asal sudah {dur} belum diproses di sini",
        "pengurusan pindah domisili ke {place} berbelit-belit",
        "ada data ganda di sistem dukcapil atas nama istri saya",
    ),
    details=(
        "Kata petugas harus dihapus dulu data di daerah asal",
        "Saya sudah bawa SKPWNI dari daerah asal",
        "NIK saya dipakai orang di provinsi lain",
    ),
    impacts=(
        "Saya tidak bisa menerima bansos",
        "Anak saya tidak bisa daftar sekolah di sini",
    ),
    requests=(
        "Mohon data saya dibereskan",
        "Tolong dipercepat proses pindahnya",
    ),
    wishes=(
        "pengurusan pindah domisili antar daerah bisa selesai online",
        "ada layanan cepat untuk membereskan data ganda",
        "dukcapil memberi nomor antrean online untuk urusan surat pindah",
    ),
    wish_titles=("Layanan Pindah Domisili Online", "Penyelesaian Data Ganda"),
    questions=(
        "apa syarat pindah domisili dari luar DIY ke {place}",
        "bagaimana cara mengatasi NIK tidak terdaftar",
        "berapa lama proses surat pindah datang",
    ),
    info_titles=("Syarat Pindah Domisili", "Penyelesaian NIK Ganda"),
)

# Sosial dan kesejahteraan

TOPICS["bansos"] = Topic(
    titles=("Bansos Salah Sasaran", "Tidak Dapat Bantuan PKH", "BPNT Belum Cair", "Pemotongan BLT"),
    problems=(
        "bansos di {place} salah sasaran, yang mampu malah dapat",
        "keluarga kami miskin tapi tidak dapat bantuan PKH",
        "BPNT saya belum cair sudah {n} bulan",
        "BLT di {place} dipotong {amount} oleh oknum",
        "paket sembako dari bansos diganti isinya dan kualitasnya jelek",
    ),
    details=(
        "Tetangga yang punya mobil malah terdaftar",
        "Nama saya hilang dari daftar penerima tanpa alasan",
        "Berasnya berkutu dan telurnya tidak ada",
    ),
    impacts=(
        "Kami kesulitan memenuhi kebutuhan sehari-hari",
        "Warga jadi saling curiga",
    ),
    requests=(
        "Mohon data penerima bansos dicek ulang",
        "Tolong saya didata lagi",
    ),
    wishes=(
        "daftar penerima bansos di {place} ditempel di balai padukuhan",
        "penyaluran BPNT dan PKH dilakukan langsung ke rekening tanpa perantara",
        "ada musyawarah warga untuk verifikasi penerima bansos",
    ),
    wish_titles=("Transparansi Penerima Bansos", "Verifikasi Ulang Penerima"),
    questions=(
        "bagaimana cara cek apakah saya terdaftar penerima bansos",
        "kapan jadwal pencairan PKH tahap berikutnya",
        "bagaimana cara mendaftar agar dapat BPNT",
    ),
    info_titles=("Cek Penerima Bansos", "Jadwal Pencairan PKH"),
)

TOPICS["data-kesejahteraan"] = Topic(
    titles=(
        "Tidak Masuk DTKS",
        "Desil DTSEN Tidak Sesuai",
        "Usulan DTKS Tidak Diproses",
        "Data Miskin Tidak Akurat",
    ),
    problems=(
        "keluarga kami tidak masuk DTKS padahal penghasilan tidak tetap",
        "desil kami di DTSEN tidak sesuai, tertulis desil 6 padahal kami miskin",
        "usulan DTKS dari {place} tidak diproses {since}",
        "data miskin di {place} tidak akurat, banyak yang sudah meninggal masih tercatat",
        "saya sudah mengajukan usulan DTKS lewat kalurahan tapi ditolak tanpa alasan",
    ),
    details=(
        "Rumah kami masih berlantai tanah",
        "Petugas survei tidak pernah datang ke rumah",
        "Katanya harus menunggu musdes",
    ),
    impacts=(
        "Kami tidak bisa dapat bantuan apa pun",
        "Anak kami tidak bisa dapat KIP",
    ),
    requests=(
        "Mohon data kami dicek ulang",
        "Tolong disurvei ulang",
    ),
    wishes=(
        "pemutakhiran DTSEN melibatkan RT dan dukuh supaya data miskin akurat",
        "warga bisa cek dan mengajukan sanggahan desil secara online",
        "hasil musdes usulan DTKS diumumkan ke warga",
    ),
    wish_titles=("Pemutakhiran Data Miskin", "Sanggahan Desil Online"),
    questions=(
        "bagaimana cara cek desil keluarga saya di DTSEN",
        "bagaimana cara mengajukan usulan DTKS",
        "kapan jadwal pemutakhiran data miskin di {place}",
    ),
    info_titles=("Cek Desil DTSEN", "Usulan DTKS Baru"),
)

TOPICS["disabilitas-lansia"] = Topic(
    titles=(
        "Aksesibilitas Difabel",
        "Bantuan Kursi Roda",
        "Lansia Terlantar",
        "Layanan untuk Disabilitas",
    ),
    problems=(
        "kantor pelayanan di {place} tidak ada aksesibilitas untuk pengguna kursi roda",
        "ada lansia hidup sendiri di {place} yang tidak terurus",
        "anak saya penyandang disabilitas tapi belum pernah dapat bantuan",
        "pengajuan kursi roda untuk bapak saya belum ada kabar",
        "trotoar dan halte di {place} tidak ramah difabel",
    ),
    details=(
        "Tidak ada ramp, hanya tangga curam",
        "Beliau sudah berumur 8{n} tahun dan sakit-sakitan",
        "Kartu penyandang disabilitas belum diterbitkan",
    ),
    impacts=(
        "Difabel kesulitan mengurus administrasi sendiri",
        "Lansia tersebut sering tidak makan",
    ),
    requests=(
        "Mohon dibantu",
        "Tolong didata dan dikunjungi",
    ),
    wishes=(
        "semua kantor layanan di {place} dilengkapi ramp dan toilet difabel",
        "ada program makanan bergizi untuk lansia yang hidup sendiri",
        "pemberian alat bantu seperti kursi roda dipercepat untuk disabilitas",
    ),
    wish_titles=("Aksesibilitas Kantor Layanan", "Program Lansia Mandiri"),
    questions=(
        "bagaimana cara mengajukan bantuan kursi roda",
        "apakah ada bantuan untuk lansia yang hidup sendiri",
        "di mana mengurus kartu penyandang disabilitas",
    ),
    info_titles=("Bantuan Alat Bantu Difabel", "Program Bantuan Lansia"),
)

TOPICS["anak-perempuan"] = Topic(
    titles=("Dugaan KDRT", "Kekerasan Anak", "Anak Terlantar", "Pernikahan Dini"),
    problems=(
        "ada dugaan KDRT di rumah tetangga kami di {place}",
        "kami melihat ada kekerasan anak oleh orang tuanya sendiri",
        "ada anak terlantar di {place} yang tidur di emperan toko",
        "akan ada pernikahan dini anak umur 15 tahun di {place}",
        "terjadi pelecehan terhadap anak perempuan di lingkungan {place}",
    ),
    details=(
        "Sering terdengar teriakan dan suara barang dibanting",
        "Anaknya sering terlihat lebam",
        "Ibunya takut melapor karena diancam",
    ),
    impacts=(
        "Korban butuh perlindungan segera",
        "Anak tersebut putus sekolah",
    ),
    requests=(
        "Mohon segera ditangani dan korban dilindungi",
        "Tolong identitas pelapor dirahasiakan",
    ),
    wishes=(
        "ada rumah aman untuk korban KDRT di setiap kabupaten",
        "sosialisasi pencegahan pernikahan dini digencarkan di {place}",
        "ada pendamping anak terlantar di setiap kapanewon",
    ),
    wish_titles=("Rumah Aman Korban KDRT", "Pencegahan Pernikahan Dini"),
    questions=(
        "ke mana harus melapor kalau ada KDRT di lingkungan kami",
        "apakah pelapor kekerasan anak dijamin kerahasiaannya",
        "bagaimana prosedur dispensasi nikah, apakah pernikahan dini bisa dicegah",
    ),
    info_titles=("Pelaporan KDRT", "Perlindungan Anak"),
)

# Ketenteraman dan ketertiban umum

TOPICS["pkl"] = Topic(
    titles=(
        "PKL di Trotoar",
        "Lapak Pedagang Kaki Lima",
        "Penataan PKL",
        "PKL Digusur Tanpa Relokasi",
    ),
    problems=(
        "banyak PKL jualan di trotoar di {place} sampai pejalan kaki tidak bisa lewat",
        "lapak pedagang kaki lima di {place} makin banyak dan semrawut",
        "PKL di {place} membuang sampah ke selokan",
        "pedagang kaki lima di {place} digusur tanpa diberi tempat relokasi",
        "ada lapak permanen didirikan di bahu jalan di {place}",
    ),
    details=(
        "Mereka buka dari sore sampai tengah malam",
        "Ada yang menarik iuran lapak {amount} per malam",
        "Tenda-tendanya dipasang pakai paku di aspal",
    ),
    impacts=(
        "Jalan jadi sempit dan macet",
        "Pedagang kecil kehilangan mata pencaharian",
    ),
    requests=(
        "Mohon PKL ditata",
        "Tolong diberi solusi tempat berjualan",
    ),
    wishes=(
        "PKL di {place} direlokasi ke lahan khusus yang ramai pembeli",
        "ada zona dan jam khusus untuk pedagang kaki lima",
        "lapak PKL ditata seragam seperti di Malioboro",
    ),
    wish_titles=("Penataan PKL", "Zona Khusus Pedagang Kaki Lima"),
    questions=(
        "apakah boleh jualan di trotoar di {place} di malam hari",
        "bagaimana cara mendaftar lapak resmi untuk PKL",
        "apakah ada rencana relokasi PKL di {place}",
    ),
    info_titles=("Izin Lapak PKL", "Rencana Relokasi PKL"),
)

TOPICS["reklame"] = Topic(
    titles=(
        "Baliho Liar",
        "Spanduk Menutupi Rambu",
        "Reklame Hampir Roboh",
        "Poster Liar di Tiang",
    ),
    problems=(
        "baliho besar di {place} hampir roboh tertiup angin",
        "spanduk di {place} dipasang menutupi rambu lalu lintas",
        "banyak poster liar ditempel di tiang listrik di {place}",
        "reklame tanpa izin berdiri di trotoar di {place}",
        "baliho bekas pilkada di {place} belum dicopot sampai sekarang",
    ),
    details=(
        "Rangka besinya sudah berkarat",
        "Posternya iklan sedot WC dan pinjol",
        "Ukurannya kira-kira {n} x {n} meter",
    ),
    impacts=(
        "Membahayakan pengendara yang lewat di bawahnya",
        "Kota jadi kelihatan kumuh",
    ),
    requests=(
        "Mohon dicopot",
        "Tolong ditertibkan",
    ),
    wishes=(
        "ada titik khusus pemasangan spanduk dan baliho di {place}",
        "reklame tanpa izin langsung dibongkar oleh Satpol PP",
        "warga dilibatkan dalam pembersihan poster liar",
    ),
    wish_titles=("Penataan Titik Reklame", "Penertiban Baliho"),
    questions=(
        "bagaimana cara mengurus izin pasang spanduk acara",
        "apakah baliho di {place} itu sudah berizin",
        "berapa pajak reklame untuk papan nama toko",
    ),
    info_titles=("Izin Pasang Spanduk", "Pajak Reklame"),
)

TOPICS["gangguan-ketertiban"] = Topic(
    titles=("Balap Liar Tiap Malam", "Pesta Miras", "Tawuran Remaja", "Kos-kosan Meresahkan"),
    problems=(
        "ada balap liar di {place} setiap malam minggu",
        "sekelompok pemuda pesta miras dan mabuk di pos ronda di {place}",
        "terjadi tawuran pelajar di {place}",
        "ada judi kartu dan judi online di warung di {place}",
        "kos-kosan di {place} sering ramai sampai pagi dan tamunya keluar masuk",
        "anak punk sering nongkrong dan minta uang di perempatan di {place}",
    ),
    details=(
        "Biasanya mulai {time}",
        "Botol-botol miras berserakan di pinggir jalan",
        "Mereka bawa senjata tajam",
    ),
    impacts=(
        "Warga takut keluar rumah malam hari",
        "Anak-anak muda di kampung ikut-ikutan",
    ),
    requests=(
        "Mohon ditertibkan",
        "Tolong patroli di malam hari",
    ),
    wishes=(
        "ada patroli gabungan Satpol PP dan polisi di {place} tiap malam minggu untuk mencegah balap liar",
        "pemilik kos-kosan diwajibkan lapor penghuni ke RT",
        "ada kegiatan positif untuk remaja supaya tidak ikut tawuran",
    ),
    wish_titles=("Patroli Malam", "Pendataan Penghuni Kos-kosan"),
    questions=(
        "ke mana melapor kalau ada balap liar tengah malam",
        "apakah pemilik kos-kosan wajib melaporkan penghuninya",
        "apa sanksi untuk penjual miras tanpa izin",
    ),
    info_titles=("Pelaporan Balap Liar", "Aturan Kos-kosan"),
)

TOPICS["keamanan-kriminal"] = Topic(
    titles=(
        "Maraknya Pencurian",
        "Begal di Jalan Sepi",
        "Curanmor Meresahkan",
        "Preman Meresahkan",
    ),
    problems=(
        "sering ada pencurian di {place} dalam sebulan terakhir",
        "ada begal yang beraksi di jalan sepi di {place}",
        "motor tetangga hilang, sudah {n} kasus curanmor di {place}",
        "ada preman yang minta jatah ke pedagang di {place}",
        "kami curiga ada transaksi narkoba di rumah kontrakan di {place}",
        "maling masuk rumah warga di {place} waktu ditinggal mudik",
    ),
    details=(
        "Kejadiannya sekitar {time}",
        "Pelakunya dua orang berboncengan tanpa plat",
        "Sudah lapor polsek tapi belum ada perkembangan",
    ),
    impacts=(
        "Warga jadi takut dan harus ronda tiap malam",
        "Pedagang rugi karena tiap hari dipalak",
    ),
    requests=(
        "Mohon patroli ditingkatkan",
        "Tolong pelakunya diusut",
    ),
    wishes=(
        "dipasang CCTV di titik rawan begal dan maling di {place}",
        "ronda malam di {place} dihidupkan lagi untuk mencegah maling dan begal",
        "ada patroli rutin polisi di jalan sepi di {place} untuk mencegah curanmor",
    ),
    wish_titles=("Pemasangan CCTV", "Ronda Malam Bersama Polisi"),
    questions=(
        "bagaimana cara melaporkan curanmor secara online",
        "apakah ada layanan darurat untuk melapor begal",
        "bagaimana prosedur melaporkan dugaan peredaran narkoba secara rahasia",
    ),
    info_titles=("Pelaporan Curanmor", "Pelaporan Narkoba"),
)

# Ekonomi, perdagangan dan UMKM

TOPICS["pasar"] = Topic(
    titles=(
        "Pasar Becek dan Kumuh",
        "Retribusi Pasar Naik",
        "Pembagian Kios Tidak Adil",
        "Atap Los Pasar Bocor",
    ),
    problems=(
        "pasar di {place} becek dan kotor kalau hujan",
        "retribusi pasar dinaikkan jadi {amount} per hari tanpa sosialisasi",
        "pembagian kios di pasar baru dekat {place} tidak adil",
        "atap los sayur di pasar di {place} bocor",
        "toilet pasar di {place} jorok dan airnya mati",
    ),
    details=(
        "Karcis retribusinya tidak sesuai dengan yang ditarik",
        "Pedagang lama malah dapat los di belakang yang sepi",
        "Saluran airnya mampet sehingga pasar becek",
    ),
    impacts=(
        "Pembeli jadi malas ke pasar",
        "Dagangan pedagang banyak yang rusak",
    ),
    requests=(
        "Mohon pasar diperbaiki",
        "Tolong retribusinya ditinjau ulang",
    ),
    wishes=(
        "pasar di {place} direvitalisasi tanpa menaikkan sewa kios",
        "ada pembayaran retribusi pasar nontunai supaya transparan",
        "pembagian los pasar diundi secara terbuka",
    ),
    wish_titles=("Revitalisasi Pasar", "Retribusi Pasar Nontunai"),
    questions=(
        "berapa tarif retribusi pasar resmi per hari",
        "bagaimana cara mendapatkan kios di pasar di {place}",
        "kapan revitalisasi pasar di {place} selesai",
    ),
    info_titles=("Tarif Retribusi Pasar", "Pendaftaran Kios Pasar"),
)

TOPICS["harga-pokok"] = Topic(
    titles=("Harga Beras Naik", "Cabai Mahal", "Minyak Goreng Langka", "Stok Bahan Pokok Kosong"),
    problems=(
        "harga beras di {place} naik terus, sekarang {amount} per kilo",
        "harga cabai rawit mahal sekali sampai {amount} per kg",
        "minyak goreng murah langka di warung-warung di {place}",
        "stok gula di toko sekitar {place} kosong",
        "beras SPHP langka dan katanya dijual di atas HET",
    ),
    details=(
        "Minggu lalu masih {amount}",
        "Warung-warung cuma dapat jatah sedikit",
        "Ada yang menimbun di gudang",
    ),
    impacts=(
        "Ibu rumah tangga kesulitan mengatur belanja",
        "Pedagang angkringan terpaksa menaikkan harga",
    ),
    requests=(
        "Mohon harga dikendalikan",
        "Tolong diadakan operasi pasar",
    ),
    wishes=(
        "ada operasi pasar murah di {place} saat harga beras mahal",
        "pemerintah mengawasi stok di distributor supaya tidak ada penimbunan",
        "informasi harga bahan pokok harian diumumkan di pasar supaya tahu mana yang mahal",
    ),
    wish_titles=("Operasi Pasar Murah", "Informasi Harga Harian"),
    questions=(
        "kapan ada operasi pasar minyak goreng di {place}",
        "berapa HET beras medium sekarang, kok harga beras mahal",
        "di mana bisa melihat harga cabai dan bahan pokok harian",
    ),
    info_titles=("Jadwal Operasi Pasar", "HET Beras"),
)

TOPICS["perizinan-usaha"] = Topic(
    titles=(
        "Pengurusan NIB Sulit",
        "Izin Usaha Lama",
        "Sertifikat Halal UMKM",
        "PIRT Belum Terbit",
    ),
    problems=(
        "pengurusan izin usaha saya di DPMPTSP sudah {dur} belum selesai",
        "sistem OSS error terus waktu mau daftar NIB",
        "PIRT untuk produk keripik saya belum terbit",
        "pengajuan sertifikat halal gratis untuk UMKM tidak ada kabar",
        "saya diminta bayar {amount} untuk bantu mengurus NIB padahal gratis",
    ),
    details=(
        "Sudah mengisi semua data di OSS",
        "Petugas menyuruh pakai jasa biro",
        "Produk saya dijual di toko oleh-oleh di {place}",
    ),
    impacts=(
        "Produk saya tidak bisa masuk minimarket",
        "Usaha saya tidak bisa berkembang",
    ),
    requests=(
        "Mohon dibantu prosesnya",
        "Tolong ditindak oknum yang minta bayaran",
    ),
    wishes=(
        "ada pendampingan gratis pengurusan NIB dan PIRT di {place}",
        "klinik izin usaha DPMPTSP buka di setiap kapanewon",
        "kuota sertifikat halal gratis untuk UMKM ditambah",
    ),
    wish_titles=("Pendampingan Izin Usaha", "Kuota Halal Gratis"),
    questions=(
        "bagaimana cara membuat NIB lewat OSS",
        "apa syarat mengurus PIRT untuk makanan rumahan",
        "apakah sertifikat halal untuk UMKM masih ada yang gratis",
    ),
    info_titles=("Cara Membuat NIB", "Syarat PIRT"),
)

TOPICS["umkm-koperasi"] = Topic(
    titles=(
        "Pengajuan KUR Ditolak",
        "Koperasi Bermasalah",
        "Bantuan Modal UMKM",
        "Dana Koperasi Tidak Kembali",
    ),
    problems=(
        "pengajuan KUR saya ditolak tanpa alasan jelas",
        "koperasi simpan pinjam di {place} tidak bisa mengembalikan uang anggota",
        "bantuan modal usaha untuk UMKM di {place} tidak merata",
        "pinjaman koperasi di {place} bunganya mencekik",
        "pelatihan UMKM cuma untuk orang-orang dekat pengurus",
    ),
    details=(
        "Simpanan saya di koperasi ada {big_amount}",
        "Bank minta agunan padahal katanya KUR mikro tidak perlu",
        "Pengurusnya sekarang susah dihubungi",
    ),
    impacts=(
        "Usaha saya jadi macet",
        "Banyak anggota yang uangnya untuk biaya sekolah anak",
    ),
    requests=(
        "Mohon koperasinya diperiksa",
        "Tolong dibantu akses modal",
    ),
    wishes=(
        "ada pendampingan UMKM di {place} untuk pemasaran online",
        "koperasi simpan pinjam diawasi lebih ketat oleh dinas",
        "syarat KUR mikro dipermudah untuk pedagang kecil",
    ),
    wish_titles=("Pendampingan UMKM", "Pengawasan Koperasi"),
    questions=(
        "bagaimana cara mengajukan KUR untuk usaha kecil",
        "apakah koperasi di {place} terdaftar resmi",
        "apakah ada program bantuan modal usaha untuk UMKM tahun ini",
    ),
    info_titles=("Pengajuan KUR", "Legalitas Koperasi"),
)

# Pertanian, peternakan dan perikanan

TOPICS["pupuk"] = Topic(
    titles=(
        "Pupuk Langka",
        "Pupuk Subsidi Mahal",
        "Kartu Tani Tidak Bisa Dipakai",
        "Tidak Masuk RDKK",
    ),
    problems=(
        "pupuk langka di kios di {place} saat musim tanam",
        "harga pupuk urea subsidi di kios dijual {amount} per sak",
        "kartu tani saya tidak bisa dipakai menebus pupuk",
        "nama saya tidak masuk RDKK padahal punya sawah",
        "jatah pupuk NPK kelompok tani kami dikurangi",
    ),
    details=(
        "Katanya stok pupuk belum dikirim distributor",
        "Harus beli pupuk non subsidi yang harganya dua kali lipat",
        "Sawah saya luasnya sekitar {n}000 meter persegi",
    ),
    impacts=(
        "Tanaman padi jadi kuning dan hasil panen turun",
        "Petani rugi besar",
    ),
    requests=(
        "Mohon pupuk segera didistribusikan",
        "Tolong kios nakal ditindak",
    ),
    wishes=(
        "penyaluran pupuk subsidi di {place} diawasi supaya sesuai HET",
        "pendataan RDKK melibatkan semua petani penggarap",
        "penebusan pupuk bisa pakai KTP tanpa kartu tani",
    ),
    wish_titles=("Pengawasan Pupuk Subsidi", "Pendataan RDKK"),
    questions=(
        "berapa HET pupuk urea subsidi sekarang",
        "bagaimana cara masuk RDKK",
        "kapan pupuk subsidi datang di kios di {place}",
    ),
    info_titles=("HET Pupuk Subsidi", "Pendaftaran RDKK"),
)

TOPICS["irigasi"] = Topic(
    titles=("Saluran Irigasi Rusak", "Sawah Kering", "Pintu Air Macet", "Bendung Bocor"),
    problems=(
        "saluran irigasi di {place} jebol sehingga air tidak sampai ke sawah",
        "sawah kering di {place} karena air irigasi tidak mengalir",
        "pintu air di {place} macet tidak bisa dibuka",
        "bendung di dekat {place} retak dan bocor",
        "saluran irigasi tersier di {place} penuh sedimen",
    ),
    details=(
        "Luas sawah yang terdampak sekitar {nn} hektare",
        "Pembagian air tidak adil, yang di hilir tidak kebagian",
        "Tanggul salurannya longsor sepanjang {nn} meter",
    ),
    impacts=(
        "Petani gagal tanam musim ini",
        "Tanaman padi mulai layu",
    ),
    requests=(
        "Mohon saluran segera diperbaiki",
        "Tolong pintu airnya diganti",
    ),
    wishes=(
        "saluran irigasi di {place} dibeton supaya tidak bocor",
        "ada jadwal gilir air irigasi yang adil untuk hulu dan hilir",
        "dibangun embung untuk cadangan air saat sawah kering",
    ),
    wish_titles=("Betonisasi Saluran Irigasi", "Pembangunan Embung"),
    questions=(
        "kapan jadwal pengeringan saluran irigasi",
        "bagaimana cara mengajukan perbaikan saluran irigasi",
        "apakah bendung di {place} kewenangan kabupaten atau BBWS",
    ),
    info_titles=("Jadwal Gilir Air Irigasi", "Perbaikan Saluran Irigasi"),
)

TOPICS["ternak"] = Topic(
    titles=(
        "Ternak Terkena PMK",
        "Sapi Mati Mendadak",
        "Vaksin Hewan Belum Ada",
        "Anjing Diduga Rabies",
    ),
    problems=(
        "sapi di {place} banyak yang kena PMK",
        "ada {n} kambing mati mendadak di {place}, takut antraks",
        "belum ada vaksin hewan untuk ternak di {place}",
        "ada anjing liar diduga rabies menggigit warga di {place}",
        "petugas kesehatan hewan sulit dihubungi waktu ternak sakit",
    ),
    details=(
        "Gejalanya mulut berbusa dan kuku luka",
        "Bangkai ternak ada yang dikubur sembarangan",
        "Harga sapi anjlok",
    ),
    impacts=(
        "Peternak rugi besar",
        "Warga takut tertular",
    ),
    requests=(
        "Mohon petugas segera datang",
        "Tolong ternak diperiksa",
    ),
    wishes=(
        "ada vaksinasi ternak gratis keliling di {place}",
        "ada asuransi ternak untuk peternak sapi kecil",
        "dokter hewan puskeswan bisa dipanggil ke kandang kalau ternak sakit",
    ),
    wish_titles=("Vaksinasi Ternak Keliling", "Asuransi Ternak"),
    questions=(
        "kapan jadwal vaksin hewan di {place}",
        "bagaimana cara melapor ternak mati mendadak",
        "apakah daging sapi dari daerah PMK aman dikonsumsi",
    ),
    info_titles=("Jadwal Vaksin Hewan", "Pelaporan Ternak Sakit"),
)

TOPICS["perikanan"] = Topic(
    titles=(
        "Solar Nelayan Langka",
        "Bantuan Kapal Nelayan",
        "Tambak Tercemar",
        "Harga Ikan Anjlok",
    ),
    problems=(
        "solar nelayan di pantai dekat {place} langka",
        "bantuan kapal untuk nelayan di {place} tidak tepat sasaran",
        "tambak udang di {place} tercemar limbah",
        "harga ikan di TPI dekat {place} anjlok",
        "nelayan kecil di {place} kesulitan mengurus pas kecil kapal",
    ),
    details=(
        "Kapal-kapalnya tidak bisa melaut {n} hari",
        "Bantuan kapal malah diterima orang yang bukan nelayan",
        "Ikan di tambak mati mendadak",
    ),
    impacts=(
        "Nelayan tidak punya penghasilan",
        "Petambak rugi besar",
    ),
    requests=(
        "Mohon dibantu",
        "Tolong diperiksa penyalurannya",
    ),
    wishes=(
        "ada SPBU khusus nelayan di dekat {place}",
        "ada pelatihan pengolahan ikan untuk istri nelayan",
        "bantuan mesin kapal disalurkan lewat kelompok nelayan",
    ),
    wish_titles=("SPBU Nelayan", "Pelatihan Olahan Ikan"),
    questions=(
        "bagaimana cara mendapat rekomendasi solar nelayan",
        "apakah ada bantuan kapal untuk nelayan kecil tahun ini",
        "bagaimana cara mengurus izin tambak",
    ),
    info_titles=("Rekomendasi Solar Nelayan", "Bantuan Kapal Nelayan"),
)

# Ketenagakerjaan

TOPICS["upah-phk"] = Topic(
    titles=("Gaji di Bawah UMR", "PHK Sepihak", "THR Tidak Dibayar", "Pesangon Tidak Diberikan"),
    problems=(
        "perusahaan di {place} membayar gaji di bawah UMR",
        "saya kena PHK sepihak tanpa pesangon",
        "THR karyawan di toko tempat saya kerja tidak dibayar",
        "upah lembur di pabrik di {place} tidak dibayar sesuai aturan",
        "gaji saya sudah telat {n} bulan",
    ),
    details=(
        "Gaji sebulan cuma {wage}",
        "Sudah bekerja {n} tahun",
        "Kontraknya diperpanjang terus tanpa diangkat",
    ),
    impacts=(
        "Saya kesulitan menghidupi keluarga",
        "Banyak teman kerja yang takut melapor",
    ),
    requests=(
        "Mohon perusahaan diperiksa",
        "Tolong dimediasi",
    ),
    wishes=(
        "pengawasan upah sesuai UMK di {place} lebih ketat",
        "ada posko pengaduan THR setiap menjelang lebaran",
        "pekerja yang kena PHK mendapat pelatihan kerja gratis",
    ),
    wish_titles=("Posko Pengaduan THR", "Pengawasan Upah"),
    questions=(
        "berapa UMK Sleman dan UMP DIY tahun ini",
        "bagaimana cara menghitung pesangon PHK",
        "ke mana mengadu kalau THR tidak dibayar",
    ),
    info_titles=("Besaran UMK", "Perhitungan Pesangon"),
)

TOPICS["jamsostek"] = Topic(
    titles=(
        "Klaim JHT Dipersulit",
        "Iuran BPJS Ketenagakerjaan Tidak Disetor",
        "Klaim JKK Ditolak",
    ),
    problems=(
        "klaim JHT saya sudah {dur} belum cair",
        "perusahaan memotong gaji untuk BPJS Ketenagakerjaan tapi tidak disetorkan",
        "klaim JKK kecelakaan kerja saya ditolak",
        "saldo JHT saya tidak sesuai",
        "kartu BPJS Ketenagakerjaan saya tidak aktif padahal masih bekerja",
    ),
    details=(
        "Waktu dicek, iuran terakhir tercatat {n} bulan lalu",
        "Berkas sudah lengkap tapi disuruh melengkapi lagi",
        "Saya kecelakaan waktu berangkat kerja",
    ),
    impacts=(
        "Saya butuh dananya untuk modal usaha setelah PHK",
        "Biaya rumah sakit jadi ditanggung sendiri",
    ),
    requests=(
        "Mohon dibantu pencairannya",
        "Tolong perusahaannya ditindak",
    ),
    wishes=(
        "pekerja bisa cek setoran BPJS Ketenagakerjaan dari perusahaan setiap bulan",
        "klaim JHT bisa diproses sepenuhnya online",
        "pekerja informal di {place} dibantu ikut BPJS Ketenagakerjaan",
    ),
    wish_titles=("Klaim JHT Online", "BPJS Ketenagakerjaan Pekerja Informal"),
    questions=(
        "apa syarat klaim JHT setelah resign",
        "bagaimana cara cek apakah perusahaan menyetor BPJS Ketenagakerjaan",
        "berapa lama proses klaim JKK",
    ),
    info_titles=("Syarat Klaim JHT", "Cek Iuran BPJS Ketenagakerjaan"),
)

TOPICS["pekerja-migran"] = Topic(
    titles=("Penyalur TKI Ilegal", "Calo Pekerja Migran", "PMI Bermasalah di Luar Negeri"),
    problems=(
        "ada penyalur TKI ilegal merekrut warga {place}",
        "adik saya PMI di Malaysia gajinya tidak dibayar",
        "calo pekerja migran minta uang {big_amount} ke warga {place}",
        "keluarga kami pekerja migran di Taiwan tidak bisa dihubungi",
    ),
    details=(
        "Dijanjikan kerja di pabrik tapi paspornya ditahan",
        "Perusahaan penyalurnya tidak terdaftar",
        "Sudah {n} bulan tidak ada kabar",
    ),
    impacts=(
        "Keluarga di rumah sangat khawatir",
        "Banyak warga tertipu dan terlilit utang",
    ),
    requests=(
        "Mohon dibantu pemulangannya",
        "Tolong penyalurnya diperiksa",
    ),
    wishes=(
        "ada sosialisasi migrasi aman untuk calon PMI di {place}",
        "daftar penyalur resmi pekerja migran diumumkan di kalurahan",
        "ada pelatihan bahasa gratis untuk calon pekerja migran",
    ),
    wish_titles=("Sosialisasi Migrasi Aman", "Daftar Penyalur Resmi"),
    questions=(
        "bagaimana cara cek penyalur PMI resmi",
        "apa syarat menjadi pekerja migran lewat jalur resmi",
        "ke mana keluarga melapor kalau TKI di luar negeri bermasalah",
    ),
    info_titles=("Cek Penyalur Resmi", "Syarat Pekerja Migran"),
)

# Pembangunan dan pemerintahan desa

TOPICS["dana-desa"] = Topic(
    titles=("Dugaan Penyelewengan Dana Desa", "APBDes Tidak Transparan", "BLT DD Dipotong"),
    problems=(
        "ada dugaan penyelewengan dana desa di {place}",
        "APBDes di {place} tidak pernah dipasang di papan informasi",
        "BLT DD di {place} dipotong {amount} per penerima",
        "proyek jalan dari dana desa di {place} kualitasnya buruk",
        "penggunaan ADD di {place} untuk kegiatan yang tidak jelas",
    ),
    details=(
        "Baru {n} bulan dibangun sudah retak",
        "Warga tidak pernah diajak musyawarah",
        "Papan proyek tidak mencantumkan anggaran",
    ),
    impacts=(
        "Warga kehilangan kepercayaan pada pemerintah kalurahan",
        "Pembangunan tidak dirasakan masyarakat",
    ),
    requests=(
        "Mohon diaudit",
        "Tolong diperiksa inspektorat",
    ),
    wishes=(
        "APBDes di {place} dipasang di baliho depan kantor kalurahan",
        "warga dilibatkan dalam pengawasan proyek dana desa",
        "laporan realisasi dana desa diumumkan setiap tahun",
    ),
    wish_titles=("Transparansi APBDes", "Pengawasan Dana Desa"),
    questions=(
        "berapa besar dana desa untuk {place} tahun ini",
        "bagaimana warga bisa melihat rincian APBDes",
        "siapa yang berhak menerima BLT DD",
    ),
    info_titles=("Rincian APBDes", "Penerima BLT DD"),
)

TOPICS["pelayanan-desa"] = Topic(
    titles=("Kantor Desa Sering Tutup", "Surat Pengantar Dipersulit", "Pelayanan Kelurahan Lambat"),
    problems=(
        "kantor desa di {place} sering tutup di jam kerja",
        "minta surat pengantar dari pak RT saja susah",
        "pembuatan surat keterangan tidak mampu di kelurahan di {place} berbelit",
        "petugas kantor desa minta uang {amount} untuk surat keterangan",
        "pelayanan di kelurahan di {place} lambat, harus menunggu berjam-jam",
    ),
    details=(
        "Saya datang jam 10 pagi kantornya sudah kosong",
        "Pak RT jarang di rumah",
        "Katanya yang tanda tangan sedang rapat",
    ),
    impacts=(
        "Urusan sekolah anak jadi tertunda",
        "Saya harus izin kerja berkali-kali",
    ),
    requests=(
        "Mohon pelayanannya diperbaiki",
        "Tolong jam layanannya ditaati",
    ),
    wishes=(
        "ada layanan surat pengantar online di kalurahan di {place}",
        "jam layanan kantor desa ditempel di depan kantor",
        "kelurahan buka layanan Sabtu pagi untuk warga yang bekerja",
    ),
    wish_titles=("Surat Pengantar Online", "Layanan Sabtu Kelurahan"),
    questions=(
        "jam berapa pelayanan kantor desa di {place} buka",
        "apa syarat surat keterangan tidak mampu",
        "apakah surat pengantar harus dari pak RT dulu",
    ),
    info_titles=("Jam Layanan Kantor Desa", "Syarat Surat Keterangan"),
)

TOPICS["perangkat-desa"] = Topic(
    titles=("Perangkat Desa Jarang Masuk", "Pengangkatan Perangkat Bermasalah", "Perilaku Lurah"),
    problems=(
        "pengangkatan perangkat desa di {place} diduga ada permainan",
        "lurah di {place} jarang ngantor",
        "sekdes di {place} bersikap kasar ke warga",
        "kades memakai mobil dinas untuk keperluan pribadi",
        "perangkat desa di {place} merangkap jadi makelar tanah",
    ),
    details=(
        "Yang lolos seleksi ternyata keluarga pejabat kalurahan",
        "Nilai ujiannya tidak diumumkan",
        "Saya punya foto-fotonya",
    ),
    impacts=(
        "Warga tidak percaya lagi",
        "Pelayanan desa jadi terbengkalai",
    ),
    requests=(
        "Mohon diperiksa",
        "Tolong dievaluasi kinerjanya",
    ),
    wishes=(
        "seleksi pengangkatan perangkat desa diumumkan terbuka dengan nilai ujian",
        "ada evaluasi kinerja perangkat desa oleh warga",
        "lurah di {place} rutin mengadakan pertemuan dengan warga",
    ),
    wish_titles=("Seleksi Perangkat Transparan", "Evaluasi Kinerja Perangkat"),
    questions=(
        "bagaimana mekanisme pengangkatan perangkat desa",
        "apa syarat mendaftar perangkat desa",
        "ke mana melaporkan lurah yang melanggar aturan",
    ),
    info_titles=("Seleksi Perangkat Desa", "Pengaduan Perilaku Lurah"),
)

# Aparatur dan pelayanan publik

TOPICS["pungli"] = Topic(
    titles=("Pungli Pengurusan Surat", "Calo di Kantor Layanan", "Uang Pelicin", "Pungutan Liar"),
    problems=(
        "ada pungli di kantor layanan di {place} untuk urusan surat",
        "oknum petugas minta uang pelicin {amount} supaya cepat",
        "calo berkeliaran di kantor samsat dekat {place}",
        "ada pungutan liar di pos masuk wisata di {place}",
        "petugas minta uang rokok padahal layanannya gratis",
    ),
    details=(
        "Saya punya bukti transfernya",
        "Kalau tidak bayar, berkas tidak diproses",
        "Calo menawarkan jasa {amount} di depan loket",
    ),
    impacts=(
        "Warga kecil sangat dirugikan",
        "Yang tidak bayar dilayani paling akhir",
    ),
    requests=(
        "Mohon oknumnya ditindak",
        "Tolong dibuat efek jera",
    ),
    wishes=(
        "ada saber pungli di setiap kantor layanan di {place}",
        "semua biaya layanan dipasang di papan pengumuman supaya tidak ada pungli",
        "pembayaran layanan publik nontunai supaya tidak ada pungutan liar",
    ),
    wish_titles=("Papan Informasi Biaya Layanan", "Pembayaran Nontunai"),
    questions=(
        "apakah mengurus surat di kalurahan memang ada biayanya atau itu pungli",
        "ke mana melaporkan pungli dengan aman",
        "bagaimana cara membedakan biaya resmi dengan pungutan liar",
    ),
    info_titles=("Biaya Resmi Layanan", "Pelaporan Pungli"),
)

TOPICS["perilaku-asn"] = Topic(
    titles=("Pegawai Tidak Ramah", "ASN Bolos di Jam Kerja", "Pelayanan Petugas Judes"),
    problems=(
        "pegawai di kantor di {place} tidak ramah dan membentak warga",
        "banyak ASN nongkrong di warung saat jam kerja",
        "petugas loket di {place} judes sekali",
        "oknum PNS di {place} bolos kerja",
        "pegawai kapanewon main HP terus saat melayani",
    ),
    details=(
        "Kejadiannya {date} sekitar {time}",
        "Saya melihat seragam dinasnya",
        "Kalau ditanya malah menjawab ketus",
    ),
    impacts=(
        "Warga jadi takut bertanya",
        "Antrean jadi panjang",
    ),
    requests=(
        "Mohon pegawainya ditegur",
        "Tolong disiplin pegawai ditingkatkan",
    ),
    wishes=(
        "ada survei kepuasan terhadap pegawai di setiap loket layanan",
        "pegawai pelayanan dilatih melayani dengan ramah",
        "kehadiran ASN di kantor di {place} dipantau dengan absensi yang ketat",
    ),
    wish_titles=("Survei Kepuasan Layanan", "Pelatihan Pelayanan Prima"),
    questions=(
        "ke mana melaporkan pegawai yang tidak ramah",
        "jam kerja ASN di kantor pelayanan itu jam berapa",
        "apakah ada sanksi untuk PNS yang bolos",
    ),
    info_titles=("Jam Kerja Pegawai", "Sanksi Disiplin ASN"),
)

TOPICS["netralitas-asn"] = Topic(
    titles=("ASN Ikut Kampanye", "Pelanggaran Netralitas ASN", "Kampanye di Kantor"),
    problems=(
        "ada ASN ikut kampanye salah satu calon pilkada di {place}",
        "kepala sekolah mengarahkan guru memilih calon tertentu saat pemilu",
        "perangkat desa memasang stiker politik di kantor",
        "ada pelanggaran netralitas ASN di acara kampanye di {place}",
    ),
    details=(
        "Ada foto dan videonya di media sosial",
        "Kejadiannya {date}",
        "Mereka memakai seragam dinas",
    ),
    impacts=(
        "Pelayanan publik jadi tidak netral",
        "Warga yang beda pilihan merasa ditekan",
    ),
    requests=(
        "Mohon ditindak sesuai aturan",
        "Tolong diproses Bawaslu",
    ),
    wishes=(
        "sosialisasi netralitas ASN menjelang pilkada digencarkan",
        "ada kanal aduan pelanggaran netralitas yang menjamin kerahasiaan pelapor",
    ),
    wish_titles=("Sosialisasi Netralitas ASN", "Kanal Aduan Netralitas"),
    questions=(
        "apa saja larangan ASN saat kampanye",
        "ke mana melaporkan pelanggaran netralitas",
        "apakah ASN boleh hadir di acara politik",
    ),
    info_titles=("Aturan Netralitas ASN", "Pelaporan Pelanggaran Pemilu"),
)

TOPICS["maladministrasi"] = Topic(
    titles=("Pelayanan Berbelit", "Penundaan Berlarut", "Prosedur Tidak Jelas"),
    problems=(
        "pengurusan izin di {place} berbelit dan tidak jelas",
        "permohonan saya mengalami penundaan berlarut sudah {dur}",
        "layanan di kantor di {place} tidak sesuai prosedur yang diumumkan",
        "prosesnya lama sekali padahal di standar layanan cuma {n} hari",
        "persyaratan berubah-ubah dan tidak jelas",
    ),
    details=(
        "Setiap datang diminta berkas tambahan",
        "Petugas saling lempar tanggung jawab",
        "Tidak ada kepastian kapan selesai",
    ),
    impacts=(
        "Saya rugi waktu dan biaya",
        "Urusan saya terbengkalai",
    ),
    requests=(
        "Mohon diberi kepastian",
        "Tolong diperiksa Ombudsman",
    ),
    wishes=(
        "standar pelayanan dipasang jelas di setiap loket supaya prosedur tidak berbelit",
        "ada pelacakan status berkas online supaya tidak lama menunggu tanpa kabar",
    ),
    wish_titles=("Pelacakan Status Berkas", "Standar Pelayanan Jelas"),
    questions=(
        "berapa lama standar waktu penyelesaian layanan ini, karena prosesnya lama sekali",
        "bagaimana cara mengadukan penundaan berlarut ke Ombudsman",
        "kenapa persyaratannya tidak jelas dan berubah-ubah",
    ),
    info_titles=("Standar Waktu Layanan", "Pengaduan ke Ombudsman"),
)

# Agama

TOPICS["haji-umrah"] = Topic(
    titles=("Travel Umroh Bermasalah", "Antrean Haji Terlalu Lama", "Jadwal Pelunasan Haji"),
    problems=(
        "travel umroh di {place} gagal memberangkatkan jamaah",
        "antrean haji ibu saya katanya masih {nn} tahun",
        "uang umrah kami {big_amount} tidak dikembalikan",
        "jadwal pelunasan haji tidak diinformasikan dengan jelas",
    ),
    details=(
        "Sudah dijanjikan berangkat {n} kali tapi batal terus",
        "Kantor travelnya sekarang tutup",
        "Ibu saya sudah lansia",
    ),
    impacts=(
        "Jamaah rugi besar",
        "Orang tua kami sangat kecewa",
    ),
    requests=(
        "Mohon dibantu",
        "Tolong izin travelnya diperiksa",
    ),
    wishes=(
        "daftar travel umroh resmi diumumkan secara luas",
        "jamaah haji lansia mendapat prioritas keberangkatan",
    ),
    wish_titles=("Daftar Travel Umroh Resmi", "Prioritas Haji Lansia"),
    questions=(
        "bagaimana cara cek nomor porsi dan estimasi antrean haji",
        "bagaimana cara mengecek izin travel umroh",
        "kapan jadwal pelunasan biaya haji tahun ini",
    ),
    info_titles=("Estimasi Antrean Haji", "Izin Travel Umroh"),
)

TOPICS["kua-nikah"] = Topic(
    titles=(
        "Pendaftaran Nikah Dipersulit",
        "Buku Nikah Belum Jadi",
        "Biaya Nikah di Luar Ketentuan",
    ),
    problems=(
        "buku nikah kami belum jadi sudah {dur}",
        "petugas KUA di {place} minta biaya nikah di luar ketentuan",
        "daftar nikah di KUA dipersulit",
        "data di buku nikah salah tulis",
    ),
    details=(
        "Diminta uang {amount}",
        "Akad nikahnya {date}",
        "Katanya blangko buku nikah habis",
    ),
    impacts=(
        "Kami tidak bisa mengurus KK baru",
        "Urusan administrasi lain jadi tertunda",
    ),
    requests=(
        "Mohon dibantu",
        "Tolong diluruskan biayanya",
    ),
    wishes=(
        "ada layanan pendaftaran nikah online di KUA",
        "bimbingan pranikah di KUA di {place} diperbanyak jadwalnya",
    ),
    wish_titles=("Pendaftaran Nikah Online", "Bimbingan Pranikah"),
    questions=(
        "berapa biaya nikah di KUA dan di luar KUA",
        "apa syarat daftar nikah di KUA di {place}",
        "bagaimana prosedur rujuk",
    ),
    info_titles=("Biaya Nikah", "Syarat Daftar Nikah"),
)

TOPICS["madrasah"] = Topic(
    titles=("Gedung Madrasah Rusak", "Insentif Guru Ngaji", "Bantuan Pesantren Tidak Merata"),
    problems=(
        "gedung madrasah di {place} rusak parah",
        "insentif guru ngaji di {place} belum cair",
        "MTs di {place} menarik biaya besar",
        "bantuan untuk pesantren kecil di {place} tidak merata",
    ),
    details=(
        "Muridnya ada {nn}0 anak",
        "Guru ngaji di sini digaji seikhlasnya",
        "Atap kelas sudah miring",
    ),
    impacts=(
        "Santri belajar di teras",
        "Orang tua keberatan dengan biayanya",
    ),
    requests=(
        "Mohon dibantu",
        "Tolong diperhatikan",
    ),
    wishes=(
        "ada bantuan rehab madrasah swasta di {place}",
        "insentif guru ngaji diberikan rutin setiap bulan",
    ),
    wish_titles=("Rehab Madrasah", "Insentif Guru Ngaji"),
    questions=(
        "bagaimana cara madrasah mengajukan bantuan rehab",
        "kapan pendaftaran siswa baru MTs negeri",
        "apakah guru ngaji TPA bisa dapat insentif",
    ),
    info_titles=("Bantuan Madrasah", "Pendaftaran MTs"),
)

# Pertanahan

TOPICS["sertifikat"] = Topic(
    titles=("Sertifikat PTSL Belum Jadi", "Balik Nama Sertifikat Lama", "Biaya PTSL Terlalu Mahal"),
    problems=(
        "sertifikat PTSL tanah saya di {place} belum jadi sudah {dur}",
        "biaya PTSL di {place} ditarik {amount} per bidang",
        "proses balik nama sertifikat di BPN lama sekali",
        "sertipikat tanah warisan belum bisa dipecah",
        "tanah kami ikut prona tapi sertifikat tidak kunjung dibagikan",
    ),
    details=(
        "Patok tanah sudah dipasang dan diukur",
        "Katanya masih ada kekurangan berkas",
        "Panitia tidak memberi kuitansi",
    ),
    impacts=(
        "Saya tidak bisa mengajukan pinjaman ke bank",
        "Pembagian warisan jadi tertunda",
    ),
    requests=(
        "Mohon diproses",
        "Tolong dijelaskan biayanya",
    ),
    wishes=(
        "program PTSL menjangkau semua bidang tanah di {place}",
        "biaya balik nama sertifikat diumumkan secara transparan",
    ),
    wish_titles=("Perluasan PTSL", "Transparansi Biaya Sertifikat"),
    questions=(
        "berapa biaya resmi PTSL per bidang",
        "bagaimana cara cek progres sertifikat",
        "apa syarat balik nama sertifikat tanah warisan",
    ),
    info_titles=("Biaya Resmi PTSL", "Syarat Balik Nama Sertifikat"),
)

TOPICS["sengketa-tanah"] = Topic(
    titles=("Sengketa Batas Tanah", "Dugaan Mafia Tanah", "Penyerobotan Lahan"),
    problems=(
        "ada sengketa batas tanah dengan tetangga di {place}",
        "tanah keluarga kami diduga diserobot mafia tanah",
        "terjadi penyerobotan lahan kas desa di {place}",
        "tanah girik warisan kakek diklaim orang lain",
    ),
    details=(
        "Patok batas dipindah tanpa izin",
        "Tiba-tiba muncul sertifikat atas nama orang lain",
        "Sudah mediasi di kalurahan {n} kali tapi buntu",
    ),
    impacts=(
        "Keluarga jadi bertengkar",
        "Kami takut kehilangan tanah satu-satunya",
    ),
    requests=(
        "Mohon dibantu penyelesaiannya",
        "Tolong diusut",
    ),
    wishes=(
        "ada mediasi sengketa tanah gratis di kalurahan",
        "pemberantasan mafia tanah di {place} diperkuat",
    ),
    wish_titles=("Mediasi Sengketa Tanah", "Pemberantasan Mafia Tanah"),
    questions=(
        "bagaimana prosedur pengaduan sengketa tanah ke BPN",
        "apakah girik masih berlaku sebagai bukti kepemilikan",
        "bagaimana cara melapor penyerobotan tanah",
    ),
    info_titles=("Pengaduan Sengketa Tanah", "Status Tanah Girik"),
)

# Penanggulangan bencana

TOPICS["longsor-gempa"] = Topic(
    titles=(
        "Tanah Longsor",
        "Retakan Tanah Meluas",
        "Rumah Rusak Akibat Gempa",
        "Dampak Erupsi Merapi",
    ),
    problems=(
        "terjadi longsor di tebing di {place} menutup jalan",
        "ada retakan tanah di {place} makin lebar setelah hujan",
        "rumah warga di {place} retak akibat gempa semalam",
        "abu erupsi Merapi menutupi {place}",
    ),
    details=(
        "Retakannya memanjang sekitar {nn} meter",
        "Ada {n} rumah terancam",
        "Tebingnya masih terus bergerak",
    ),
    impacts=(
        "Warga mengungsi ke rumah saudara",
        "Jalan tidak bisa dilewati",
    ),
    requests=(
        "Mohon BPBD segera mengecek",
        "Tolong alat berat dikirim",
    ),
    wishes=(
        "dipasang alat peringatan dini longsor di {place}",
        "ada pelatihan siaga bencana gempa untuk warga",
    ),
    wish_titles=("Peringatan Dini Longsor", "Pelatihan Siaga Bencana"),
    questions=(
        "apakah {place} termasuk zona rawan longsor",
        "ke mana melapor kalau ada retakan tanah baru",
        "bagaimana status Merapi hari ini",
    ),
    info_titles=("Zona Rawan Longsor", "Status Merapi"),
)

TOPICS["kebakaran"] = Topic(
    titles=("Kebakaran Rumah", "Damkar Terlambat Datang", "Hidran Tidak Berfungsi"),
    problems=(
        "terjadi kebakaran rumah di {place}",
        "damkar datang terlambat {nn} menit saat kebakaran di {place}",
        "hidran di {place} tidak berfungsi",
        "sering ada pembakaran sampah di {place}, api sampai merembet ke kebun warga",
    ),
    details=(
        "Apinya dari korsleting listrik",
        "Mobil damkar susah masuk gang sempit",
        "Selang hidran tidak ada airnya",
    ),
    impacts=(
        "Rumah warga habis terbakar",
        "Warga panik memadamkan api pakai ember",
    ),
    requests=(
        "Mohon dibantu korban",
        "Tolong hidran diperbaiki",
    ),
    wishes=(
        "ada pos damkar di {place}",
        "setiap RT dibekali APAR untuk memadamkan api kecil",
    ),
    wish_titles=("Pos Damkar", "APAR untuk RT"),
    questions=(
        "bagaimana cara menghubungi damkar kalau ada kebakaran",
        "apakah ada pelatihan pemadaman kebakaran untuk warga",
        "siapa yang merawat hidran umum",
    ),
    info_titles=("Layanan Damkar", "Pelatihan Pemadaman Kebakaran"),
)

TOPICS["bantuan-korban"] = Topic(
    titles=("Bantuan Korban Bencana", "Logistik Pengungsi Kurang", "Huntara Belum Dibangun"),
    problems=(
        "bantuan korban banjir di {place} belum sampai",
        "logistik bencana untuk pengungsi di {place} kurang",
        "huntara untuk korban longsor di {place} belum dibangun",
        "pembagian bantuan korban gempa tidak merata",
    ),
    details=(
        "Pengungsi ada {nn} KK",
        "Kekurangan selimut dan makanan bayi",
        "Sudah {n} hari di pengungsian",
    ),
    impacts=(
        "Pengungsi banyak yang sakit",
        "Anak-anak tidak bisa sekolah",
    ),
    requests=(
        "Mohon segera dikirim bantuan",
        "Tolong didata ulang",
    ),
    wishes=(
        "pendataan bantuan korban dilakukan transparan",
        "huntara dibangun lebih cepat untuk pengungsi",
    ),
    wish_titles=("Percepatan Huntara", "Pendataan Korban"),
    questions=(
        "bagaimana cara menyalurkan bantuan korban bencana",
        "kapan huntara selesai dibangun",
        "di mana posko logistik bencana",
    ),
    info_titles=("Penyaluran Bantuan Korban", "Posko Logistik Bencana"),
)

# Topik lainnya

TOPICS["lainnya-umum"] = Topic(
    titles=(
        "Keluhan Warga",
        "Masalah di Lingkungan",
        "Mohon Perhatian Pemerintah",
        "Laporan Warga",
    ),
    problems=(
        "ada masalah di lingkungan {place} yang belum ditangani",
        "warga {place} mengeluhkan kondisi lingkungan yang makin tidak terurus",
        "saya bingung harus melapor ke mana soal masalah di {place}",
        "ada hal yang meresahkan warga {place}",
        "ada anjing liar berkeliaran di {place}",
        "ada kerusakan fasilitas di {place} yang belum jelas milik siapa",
    ),
    details=(
        "Sudah dibicarakan di pertemuan warga",
        "Kejadiannya berulang terus",
        "Banyak warga yang mengeluhkan hal yang sama",
    ),
    impacts=(
        "Warga jadi tidak nyaman",
        "Lingkungan jadi tidak tertib",
    ),
    requests=(
        "Mohon diteruskan ke instansi yang berwenang",
        "Tolong dibantu",
    ),
    wishes=(
        "ada petugas yang rutin berkeliling ke {place}",
        "pemerintah lebih sering turun menyapa warga {place}",
        "warga dilibatkan dalam perencanaan pembangunan",
    ),
    wish_titles=("Perhatian untuk Warga", "Pelibatan Warga"),
    questions=(
        "ke mana saya harus melapor untuk masalah di {place}",
        "instansi mana yang mengurus hal seperti ini",
        "bagaimana cara mengajukan usulan warga ke pemerintah",
    ),
    info_titles=("Instansi Berwenang", "Cara Mengajukan Usulan"),
)

TOPICS["layanan-layani"] = Topic(
    titles=("Aplikasi Layani Error", "Tidak Bisa Login", "Masukan untuk Website Layani"),
    problems=(
        "aplikasi Layani error waktu saya mau kirim laporan",
        "saya tidak bisa login ke website Layani",
        "status laporan saya di Layani tidak berubah",
        "foto tidak bisa diunggah di aplikasi",
        "website Layani lambat sekali dibuka dari HP",
    ),
    details=(
        "Muncul tulisan error 500",
        "Saya pakai HP Android",
        "Kode OTP tidak masuk",
    ),
    impacts=(
        "Laporan saya jadi tertunda",
        "Warga jadi malas melapor",
    ),
    requests=(
        "Mohon diperbaiki",
        "Tolong dicek sistemnya",
    ),
    wishes=(
        "aplikasi Layani ada pilihan bahasa Jawa",
        "website Layani bisa kirim notifikasi lewat WA",
        "ada panduan cara memakai Layani untuk lansia",
    ),
    wish_titles=("Bahasa Jawa di Layani", "Notifikasi WA Layani"),
    questions=(
        "bagaimana cara reset kata sandi di Layani",
        "berapa lama laporan di aplikasi Layani biasanya ditanggapi",
        "kenapa saya tidak bisa login ke Layani",
    ),
    info_titles=("Reset Kata Sandi", "Waktu Tanggapan Laporan"),
)
