from django.urls import path

from horizont.elections import views

app_name = "elections"
urlpatterns = [
    path("", views.election_list, name="list"),
    path("import/", views.election_import, name="import"),
    path("<int:pk>/", views.election_detail, name="detail"),
    path("<int:pk>/report/", views.report_detail, name="report"),
    path("<int:pk>/report.html", views.report_html, name="report_html"),
    path("<int:pk>/report.pdf", views.report_pdf, name="report_pdf"),
    path("<int:pk>/flagged.csv", views.flagged_csv, name="flagged_csv"),
    path("<int:pk>/plots/<int:report_pk>/<slug:name>.svg", views.plot, name="plot"),
    path("<int:pk>/stations/", views.station_list, name="stations"),
    path("<int:pk>/stations/<int:station_pk>/", views.station_detail, name="station"),
    path("<int:pk>/regions/<path:region>/", views.region_detail, name="region"),
]
