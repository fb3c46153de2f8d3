from django.urls import path

from horizont.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/status.json", views.status, name="status"),
]
