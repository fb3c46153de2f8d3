from django.urls import path

from horizont.petitions import views

app_name = "petitions"
urlpatterns = [
    path("", views.petition_list, name="list"),
    path("new/", views.petition_create, name="create"),
    path("<int:pk>/", views.petition_detail, name="detail"),
    path("<int:pk>/edit/", views.petition_edit, name="edit"),
    path("<int:pk>/text/<str:language>/", views.petition_text, name="text"),
    path("<int:pk>/addressees/", views.addressees, name="addressees"),
    path("<int:pk>/open/", views.petition_open, name="open"),
    path("<int:pk>/close/", views.petition_close, name="close"),
    path("<int:pk>/sign/", views.petition_sign, name="sign"),
    path("<int:pk>/signatures/", views.signature_list, name="signatures"),
    path("<int:pk>/signatures/<int:signature_pk>/void/", views.signature_void, name="void"),
    path("<int:pk>/signatures.csv", views.signatures_export, name="export"),
    path("<int:pk>/deliver/", views.deliver, name="deliver"),
    path("<int:pk>/package/<int:addressee_pk>.pdf", views.delivery_package, name="package"),
    path("<int:pk>/reply/", views.reply_add, name="reply"),
    path("<int:pk>/update/", views.update_add, name="update"),
    path("<int:pk>/files/<int:attachment_pk>/", views.private_file, name="file"),
    path("<int:pk>/badge.svg", views.badge, name="badge"),
    path("<int:pk>/feed.atom", views.feed, name="feed"),
    path("confirm/<str:token>/", views.signature_confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.signature_unsubscribe, name="unsubscribe"),
]
