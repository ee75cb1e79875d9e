"""Events other apps may react to, without this app knowing about them."""

from django.dispatch import Signal

# Sent after a consent's withdrawal commits; kwargs: consent, person, actor. The privacy
# app applies the team's retention rule for withdrawn consent.
consent_withdrawn = Signal()
