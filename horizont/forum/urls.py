from django.urls import path

from horizont.forum import views

app_name = "forum"
urlpatterns = [
    path("", views.index, name="index"),
    path("c/<slug:slug>/", views.category, name="category"),
    path("c/<slug:slug>/new/", views.thread_create, name="thread_create"),
    path("t/<int:pk>/", views.thread, name="thread"),
    path("t/<int:pk>/reply/", views.reply, name="reply"),
    path("p/<int:pk>/report/", views.report, name="report"),
    path("subscriptions/", views.subscribe, name="subscribe"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("moderation/", views.moderation, name="moderation"),
    path("moderation/p/<int:pk>/", views.moderate_post, name="moderate_post"),
    path("directory/", views.directory, name="directory"),
    path("directory/new/", views.profile_edit, name="profile_create"),
    path("directory/requests/", views.contact_requests, name="contact_requests"),
    path(
        "directory/requests/<int:pk>/decide/",
        views.contact_request_decide,
        name="contact_request_decide",
    ),
    path("directory/<int:pk>/", views.profile, name="profile"),
    path("directory/<int:pk>/edit/", views.profile_edit, name="profile_edit"),
    path("directory/<int:pk>/delete/", views.profile_delete, name="profile_delete"),
    path("directory/<int:pk>/contact/", views.contact_request, name="contact_request"),
]
