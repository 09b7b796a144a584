"""Tracking IDs: well-formed, typo-detecting, unambiguous when read aloud, not guessable."""

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from layani.intake.tracking import (
    ALPHABET,
    access_code_matches,
    format_tracking_id,
    hash_access_code,
    new_access_code,
    new_tracking_id,
    normalize_tracking_id,
)

# Indonesian letter names that rhyme or look like digits must never be in the alphabet.
CONFUSABLE = set("BCDEGPTVWYFNSZOQIJL")


def test_alphabet_is_prime_sized_and_free_of_confusable_letters():
    assert len(ALPHABET) == 17
    assert not CONFUSABLE & set(ALPHABET)


def test_new_ids_are_well_formed_and_valid():
    for _ in range(1000):
        tid = new_tracking_id()
        assert len(tid) == 10
        assert set(tid) <= set(ALPHABET)
        assert normalize_tracking_id(tid) == tid


def test_ids_always_hold_a_letter_so_they_never_read_as_a_phone_number(monkeypatch):
    from layani.audit import guards
    from layani.intake import tracking

    draws = iter(["081234567", "08123456A"])
    monkeypatch.setattr(tracking, "_random_symbols", lambda _count: next(draws))
    tid = new_tracking_id()
    assert tid[:9] == "08123456A"  # the all-digit draw was thrown away
    guards.check_references(
        action="report.submitted", actor_ref="citizen", object_type="report", object_ref=tid
    )


def test_symbols_are_drawn_fairly(monkeypatch):
    from layani.intake import tracking

    # 255 would map to symbol 0 a sixteenth time: such bytes are thrown away, not folded in.
    draws = iter([bytes([255, 0, 255, 16, 255, 255, 255]), bytes([35, 255, 1, 2, 3, 4, 5])])
    monkeypatch.setattr(tracking.secrets, "token_bytes", lambda _n: next(draws))
    assert tracking._random_symbols(3) == "0" + ALPHABET[16] + ALPHABET[35 % 17]
    monkeypatch.undo()
    counts = Counter(tracking._random_symbols(170_000))
    assert set(counts) == set(ALPHABET)
    # 10,000 expected per symbol; a fair draw stays within ±5 % (about 5 standard deviations).
    assert all(9_500 < n < 10_500 for n in counts.values()), counts


def test_ids_do_not_repeat_in_a_large_sample():
    sample = {new_tracking_id() for _ in range(50_000)}
    assert len(sample) == 50_000


def test_display_form_and_sloppy_input_round_trip():
    tid = new_tracking_id()
    shown = format_tracking_id(tid)
    assert shown.count("-") == 2
    assert normalize_tracking_id(shown.lower()) == tid
    assert normalize_tracking_id(" " + shown.replace("-", " ") + " ") == tid


def test_letters_that_look_like_digits_are_read_as_those_digits():
    body = "012568012"
    valid = next(body + c for c in ALPHABET if normalize_tracking_id(body + c))
    typed = valid.replace("0", "O").replace("1", "I").replace("2", "Z").replace("5", "S")
    typed = typed.replace("6", "G").replace("8", "B")
    assert normalize_tracking_id(typed) == valid


@given(st.integers(min_value=0, max_value=9), st.data())
def test_every_single_symbol_typo_is_rejected(position, data):
    tid = new_tracking_id()
    wrong = data.draw(st.sampled_from([c for c in ALPHABET if c != tid[position]]))
    typo = tid[:position] + wrong + tid[position + 1 :]
    assert normalize_tracking_id(typo) is None


def test_every_swap_of_two_different_neighbours_is_rejected():
    for _ in range(300):
        tid = new_tracking_id()
        for i in range(9):
            if tid[i] != tid[i + 1]:
                swapped = tid[:i] + tid[i + 1] + tid[i] + tid[i + 2 :]
                assert normalize_tracking_id(swapped) is None


def test_wrong_length_and_foreign_symbols_are_rejected():
    assert normalize_tracking_id("") is None
    assert normalize_tracking_id("ABC") is None
    assert normalize_tracking_id("K7R-4XA-96HW-9") is None
    assert normalize_tracking_id("PPPPPPPPPP") is None


def test_access_codes_are_secret_and_compared_by_hmac():
    code = new_access_code()
    assert len(code) == 10
    stored = hash_access_code(code)
    assert code not in stored
    assert access_code_matches(code.lower(), stored)
    assert not access_code_matches(new_access_code(), stored)


def test_id_space_is_large_enough_not_to_be_enumerated():
    # 17^9 random bodies: about 1.2e11; at ten million reports a random guess hits ~1 in 12,000.
    assert len(ALPHABET) ** 9 > 1e11
