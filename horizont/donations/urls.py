from django.urls import path

from horizont.donations import views

app_name = "donations"
urlpatterns = [
    path("<slug:slug>/", views.donation_page, name="page"),
    path("<slug:slug>/accounts/<int:pk>/code.svg", views.payment_code, name="code"),
    path("<slug:slug>/report/", views.yearly_report, name="report"),
    path("<slug:slug>/manage/", views.manage, name="manage"),
    path("<slug:slug>/accounts/new/", views.account_edit, name="account_add"),
    path("<slug:slug>/accounts/<int:pk>/edit/", views.account_edit, name="account_edit"),
    path("<slug:slug>/accounts/<int:pk>/delete/", views.account_delete, name="account_delete"),
    path("<slug:slug>/books/", views.books, name="books"),
    path("<slug:slug>/books/new/", views.entry_add, name="entry_add"),
    path("<slug:slug>/books/import/", views.statement_import, name="import"),
    path("<slug:slug>/books/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("<slug:slug>/books/<int:pk>/delete/", views.entry_delete, name="entry_delete"),
]
