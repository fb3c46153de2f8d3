from django.urls import path

from horizont.abroad import views

app_name = "abroad"
urlpatterns = [
    path("", views.finder_page, name="finder"),
    path("v/<slug:slug>/", views.finder_page, name="vote"),
    path("v/<slug:slug>/map.json", views.finder_map_data, name="map_data"),
    path("v/<slug:slug>/live/<str:country>/", views.live_page, name="live"),
    path("v/<slug:slug>/results/", views.results_page, name="results"),
    path("v/<slug:slug>/results.csv", views.results_csv, name="results_csv"),
    path("v/<slug:slug>/results/<str:country>/", views.results_page, name="results_country"),
    path("s/<slug:slug>/", views.station_detail, name="station"),
    path("s/<slug:slug>/calendar.ics", views.station_ics, name="station_ics"),
    path("s/<slug:slug>/qr.svg", views.station_qr, name="station_qr"),
    path("s/<slug:slug>/pledge/", views.pledge, name="pledge"),
    path("s/<slug:slug>/withdraw/", views.pledge_withdraw, name="pledge_withdraw"),
    path("s/<slug:slug>/queue/", views.queue_report, name="queue_report"),
    path("s/<slug:slug>/notice/", views.notice_pin, name="notice_pin"),
    path("s/<slug:slug>/rides/new/", views.ride_new, name="ride_new"),
    path("notices/<int:pk>/remove/", views.notice_remove, name="notice_remove"),
    path("rides/<int:pk>/contact/", views.ride_contact, name="ride_contact"),
    path("rides/<int:pk>/hide/", views.ride_hide, name="ride_hide"),
    path("rides/contacts/<int:pk>/accept/", views.ride_accept, name="ride_accept"),
    path("rides/guest/<str:token>/", views.ride_new_guest, name="ride_new_guest"),
    path("rides/accept/<str:token>/", views.ride_accept_guest, name="ride_accept_guest"),
    path("confirm/<str:token>/", views.pledge_confirm, name="pledge_confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("manage/", views.manage, name="manage"),
    path("manage/<slug:slug>/", views.manage_vote, name="manage_vote"),
    path("manage/<slug:slug>/import-results/", views.import_results, name="import_results"),
    path("manage/<slug:slug>/import-csv/", views.import_csv, name="import_csv"),
    path("manage/<slug:slug>/stations/new/", views.station_edit, name="station_new"),
    path(
        "manage/<slug:slug>/stations/<slug:station_slug>/",
        views.station_edit,
        name="station_edit",
    ),
]
