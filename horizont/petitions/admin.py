from django.contrib import admin

from horizont.petitions.models import Petition


@admin.register(Petition)
class PetitionAdmin(admin.ModelAdmin):
    # Signatures are not in the admin: their data is seen only with two-factor, audited.
    list_display = ["__str__", "initiative", "status", "signature_count", "deadline"]
    list_filter = ["status"]
    readonly_fields = ["signature_count", "delivered_at", "signers_erased_at"]
