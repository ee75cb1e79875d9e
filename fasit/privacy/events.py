"""Events other apps may react to (webhooks, a search index), without this app knowing
about them."""

from django.dispatch import Signal

# Sent after an erasure commits; kwargs: team, person_id, actor (a user or None) and
# entry (the RegisterEntry). The person's rows are gone by then: only the id remains.
person_erased = Signal()
