from django.contrib import admin

from horizont.abroad.models import Station, Vote


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    list_display = ("name", "first_day", "last_day", "is_demo")


@admin.register(Station)
class StationAdmin(admin.ModelAdmin):
    list_display = ("number", "vote", "country", "city", "host")
    list_filter = ("vote", "country")
