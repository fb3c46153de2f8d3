from django.contrib import admin

from horizont.positions.models import Decision, Poll, PollOption, Process, Proposal, Statement


class PollOptionInline(admin.TabularInline):
    model = PollOption
    extra = 3


@admin.register(Process)
class ProcessAdmin(admin.ModelAdmin):
    list_display = ["slug", "initiative", "participation", "collect_from", "outcome_from"]
    filter_horizontal = ["partners"]
    raw_id_fields = ["facilitator", "outcome_article"]


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ["question", "process", "kind", "closes_at"]
    inlines = [PollOptionInline]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["title", "process", "closes_at", "outcome_recorded_at"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["__str__", "process", "created_at"]
    raw_id_fields = ["author", "amends", "thread"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["text", "process", "is_hidden"]
    list_filter = ["is_hidden"]
