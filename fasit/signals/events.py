"""Events other apps may react to (a search index), without this app knowing about
them."""

from django.dispatch import Signal

# Sent when themes were rewritten in ways a row's own save does not show: statements
# moved between themes by bulk updates (a merge, a split, a regrouping) or a theme
# dismissed. kwargs: team, theme_ids (the themes whose statements or state changed; None
# for every theme of the team, after a regrouping). Themes deleted on the way are gone
# by then (their own post_delete has been sent).
themes_changed = Signal()
