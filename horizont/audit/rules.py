import rules

from horizont.accounts.rules import is_site_admin

rules.add_perm("audit.view_log", is_site_admin)
