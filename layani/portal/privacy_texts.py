"""What each privacy tier means for the citizen, in two lengths: one short line beside the choice,
and the full answer to "who will see what?" (product.md's table) behind a <details> on demand."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from layani.intake.models import PrivacyTier

#: One line per tier, read out with the radio button (its aria-describedby).
PRIVACY_SUMMARIES = {
    PrivacyTier.BIASA: _("Public report; your name and contact stay hidden from the public."),
    PrivacyTier.ANONIM: _("Public report; nobody but the coordinator knows who you are."),
    PrivacyTier.RAHASIA: _("Not public; only the coordinator and the agency read it."),
    PrivacyTier.ANONIM_RAHASIA: _(
        "Not public, and the agency does not know who you are (for reporting wrongdoing)."
    ),
}

#: Plain-language answers to "who will see what?" for each privacy tier (product.md's table).
PRIVACY_EXPLANATIONS = {
    PrivacyTier.BIASA: _(
        "Everyone can read what you write (personal data such as phone numbers is masked). "
        "Your name stays hidden unless you tick the box below. The agency handling it sees your "
        "name and contact details so it can reach you."
    ),
    PrivacyTier.ANONIM: _(
        "Everyone can read what you write, but nobody sees who you are — not the public and not "
        "the agency handling it. Only the complaint coordinator knows, to contact you if needed. "
        "Your photos reach the agency only after the coordinator has checked them."
    ),
    PrivacyTier.RAHASIA: _(
        "The public sees nothing of this report. Only the coordinator and the agency handling it "
        "read it; the agency also sees your name and contact details."
    ),
    PrivacyTier.ANONIM_RAHASIA: _(
        "For reporting wrongdoing (whistleblowing): the public sees nothing and the agency "
        "handling it reads the report without knowing who you are. Only the coordinator knows."
    ),
}
