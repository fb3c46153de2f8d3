from django.urls import path

from horizont.positions import views

app_name = "positions"
urlpatterns = [
    path("", views.process_list, name="list"),
    path("new/", views.process_create, name="process_create"),
    path("moderation/", views.moderation_overview, name="moderation_overview"),
    path("<slug:slug>/", views.process, name="process"),
    path("<slug:slug>/proposals/new/", views.proposal_create, name="proposal_create"),
    path("<slug:slug>/proposals/<int:pk>/", views.proposal, name="proposal"),
    path("<slug:slug>/proposals/<int:pk>/comment/", views.comment, name="comment"),
    path("<slug:slug>/proposals/<int:pk>/support/", views.support, name="support"),
    path("<slug:slug>/decisions/new/", views.decision_create, name="decision_create"),
    path("<slug:slug>/decisions/<int:pk>/", views.decision, name="decision"),
    path("<slug:slug>/decisions/<int:pk>/outcome/", views.decision_outcome, name="outcome"),
    path("<slug:slug>/polls/new/", views.poll_create, name="poll_create"),
    path("<slug:slug>/polls/<int:pk>/", views.poll, name="poll"),
    path("<slug:slug>/polls/<int:pk>/results.csv", views.poll_csv, name="poll_csv"),
    path("<slug:slug>/statements/", views.statements, name="statements"),
    path(
        "<slug:slug>/statements/moderate/",
        views.statements_moderate,
        name="statements_moderate",
    ),
    path("<slug:slug>/moderation/", views.statements_moderate, name="moderation"),
    path(
        "<slug:slug>/<str:kind>/<int:pk>/report/",
        views.report,
        name="report",
    ),
    path("<slug:slug>/mute/<str:token>/", views.mute, name="mute"),
    path("<slug:slug>/map/", views.opinion_map, name="map"),
    path("<slug:slug>/map.svg", views.opinion_map_svg, name="map_svg"),
    path("<slug:slug>/map/refresh/", views.opinion_map_refresh, name="map_refresh"),
    path("<slug:slug>/publish/", views.outcome_publish, name="publish"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/join/<str:token>/", views.join_confirm, name="join_confirm"),
]
