from django.contrib import admin

from fasit.conversations import services
from fasit.conversations.models import (
    Conversation,
    FollowUp,
    ListeningAnalysis,
    TranscriptFile,
    TranscriptSpeaker,
)
from fasit.core.admin import TeamScopedAdmin


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0


@admin.register(Conversation)
class ConversationAdmin(TeamScopedAdmin):
    list_display = ("occurred_at", "team", "account", "kind", "initiated_by")
    list_filter = ("kind", "initiated_by")
    search_fields = ("subject", "notes", "account__name")
    raw_id_fields = ("account", "people")
    inlines = [FollowUpInline]
    delete_service = staticmethod(
        lambda conversation, actor: services.conversation_delete(
            conversation=conversation, actor=actor
        )
    )


@admin.register(TranscriptFile)
class TranscriptFileAdmin(TeamScopedAdmin):
    list_display = ("name", "conversation", "size", "uploaded_at")
    exclude = ("content",)


class TranscriptSpeakerInline(admin.TabularInline):
    model = TranscriptSpeaker
    extra = 0
    raw_id_fields = ("user", "person")


@admin.register(ListeningAnalysis)
class ListeningAnalysisAdmin(TeamScopedAdmin):
    list_display = ("conversation", "status", "language", "seller_talk_share", "analysed_at")
    list_filter = ("status", "language")
    raw_id_fields = ("conversation", "transcript")
    exclude = ("metrics",)
    inlines = [TranscriptSpeakerInline]
