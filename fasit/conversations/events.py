"""Events other apps may react to, without this app knowing about them."""

from django.dispatch import Signal

# Sent after a transcript's listening analysis is stored (status done), inside no
# transaction of the sender; kwargs: analysis (ListeningAnalysis).
transcript_analysed = Signal()
