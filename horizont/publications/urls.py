from django.urls import path

from horizont.publications import feeds, views

app_name = "publications"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("mine/", views.my_articles, name="mine"),
    path("new/", views.article_create, name="create"),
    path("feeds/rss/", feeds.AllArticlesRss(), name="feed_rss"),
    path("feeds/atom/", feeds.AllArticlesAtom(), name="feed_atom"),
    path(
        "feeds/initiative/<slug:slug>/rss/",
        feeds.InitiativeArticlesRss(),
        name="initiative_feed_rss",
    ),
    path(
        "feeds/initiative/<slug:slug>/atom/",
        feeds.InitiativeArticlesAtom(),
        name="initiative_feed_atom",
    ),
    path("feeds/tag/<str:slug>/rss/", feeds.TagArticlesRss(), name="tag_feed_rss"),
    path("feeds/tag/<str:slug>/atom/", feeds.TagArticlesAtom(), name="tag_feed_atom"),
    path("<int:pk>/", views.article_detail, name="article"),
    path("<int:pk>/edit/", views.article_edit, name="edit"),
    path("<int:pk>/versions/add/", views.version_edit, name="version_add"),
    path("<int:pk>/versions/<str:language>/edit/", views.version_edit, name="version_edit"),
    path("<int:pk>/versions/<str:language>/delete/", views.version_delete, name="version_delete"),
    path("<int:pk>/<str:language>/<str:slug>/", views.article_version, name="version"),
]
