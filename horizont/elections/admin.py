from django.contrib import admin

from horizont.elections.models import Election


@admin.register(Election)
class ElectionAdmin(admin.ModelAdmin):
    list_display = ("name", "date", "kind", "status", "stations", "created_at")
    list_filter = ("status", "kind", "country")
    search_fields = ("name", "source_name")
    fields = ("name", "date", "kind", "country", "status")
