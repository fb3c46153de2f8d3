from django.urls import path

from horizont.events import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("new/", views.event_create, name="create"),
    path("calendar.ics", views.feed_all, name="feed"),
    path("initiative/<slug:slug>/calendar.ics", views.feed_initiative, name="feed_initiative"),
    path("city/<path:city>/calendar.ics", views.feed_city, name="feed_city"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/event.ics", views.event_ics, name="ics"),
    path("<int:pk>/edit/", views.event_edit, name="edit"),
    path("<int:pk>/cancel/", views.event_cancel, name="cancel"),
    path("<int:pk>/participants/", views.event_participants, name="participants"),
    path("<int:pk>/register/", views.event_register, name="register"),
    path("<int:pk>/unregister/", views.event_unregister, name="unregister"),
    path("confirm/<str:token>/", views.registration_confirm, name="registration_confirm"),
    path("leave/<str:token>/", views.registration_cancel, name="registration_cancel"),
]
