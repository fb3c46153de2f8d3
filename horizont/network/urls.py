from django.urls import path

from horizont.network import views

app_name = "network"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("map/", views.map_page, name="map"),
    path("map/data.json", views.map_data, name="map_data"),
    path("map/cities.json", views.map_cities, name="map_cities"),
    path("graph/", views.graph_page, name="graph"),
    path("graph/data.json", views.graph_data, name="graph_data"),
    path("new/", views.initiative_create, name="create"),
    path("mine/", views.mine, name="mine"),
    path("review/", views.review_queue, name="review"),
    path("<slug:slug>/", views.initiative_detail, name="initiative"),
    path("<slug:slug>/edit/", views.initiative_edit, name="edit"),
    path("<slug:slug>/edit/<str:language>/", views.translation_edit, name="translation"),
    path("<slug:slug>/review/", views.review_decide, name="review_decide"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/links/", views.links, name="links"),
    path("<slug:slug>/links/<int:pk>/confirm/", views.link_confirm, name="link_confirm"),
    path("<slug:slug>/links/<int:pk>/end/", views.link_end, name="link_end"),
]
