from django.contrib import admin

from horizont.events.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "initiative", "kind", "start", "city", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "city"]
    raw_id_fields = ["initiative", "created_by"]
    date_hierarchy = "start"
    # Registrations are deliberately not in the admin: the RSVP list is for organizers.
