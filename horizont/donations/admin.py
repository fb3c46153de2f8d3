from django.contrib import admin
from django.http import HttpRequest

from horizont.donations.models import BankAccount


@admin.register(BankAccount)
class BankAccountAdmin(admin.ModelAdmin):
    list_display = ["holder", "initiative", "iban", "currency", "is_active"]
    list_filter = ["currency", "is_active"]
    search_fields = ["holder", "iban", "initiative__name"]
    raw_id_fields = ["initiative"]
    # Read-only here: changes go through the organizers' form, which checks the IBAN and
    # BIC and writes the audit log. Book entries are not in the admin at all.
    readonly_fields = [f.name for f in BankAccount._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
