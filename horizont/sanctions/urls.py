from django.urls import path

from horizont.sanctions import views

app_name = "sanctions"
urlpatterns = [
    path("", views.screen, name="screen"),
    path("batch/", views.batch, name="batch"),
    path("batch/<uuid:job_id>/", views.batch_result, name="batch_result"),
    path("entities/<path:entity_id>/", views.entity, name="entity"),
    path("partners/", views.partners, name="partners"),
    path("lists/", views.lists, name="lists"),
    path("lists/refresh/", views.lists_refresh, name="lists_refresh"),
    path("lists/<slug:list_id>/diff/", views.list_diff, name="list_diff"),
    path("cases/", views.cases, name="cases"),
    path("cases/new/", views.case_new, name="case_new"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/edit/", views.case_edit, name="case_edit"),
    path("cases/<int:pk>/status/", views.case_status, name="case_status"),
    path("cases/<int:pk>/publish/", views.case_publish, name="case_publish"),
    path("cases/<int:pk>/team/", views.case_member_add, name="case_member_add"),
    path(
        "cases/<int:pk>/team/<int:member_pk>/remove/",
        views.case_member_remove,
        name="case_member_remove",
    ),
    path("cases/<int:pk>/subjects/", views.case_subject_add, name="case_subject_add"),
    path(
        "cases/<int:pk>/subjects/<int:subject_pk>/remove/",
        views.case_subject_remove,
        name="case_subject_remove",
    ),
    path("cases/<int:pk>/evidence/", views.evidence_add, name="evidence_add"),
    path(
        "cases/<int:pk>/evidence/<int:evidence_pk>/remove/",
        views.evidence_remove,
        name="evidence_remove",
    ),
    path(
        "cases/<int:pk>/evidence/<int:evidence_pk>/photo/",
        views.evidence_photo,
        name="evidence_photo",
    ),
    path("cases/<int:pk>/letters/", views.letter_new, name="letter_new"),
    path("cases/<int:pk>/letters/<int:letter_pk>/", views.letter, name="letter"),
    path(
        "cases/<int:pk>/letters/<int:letter_pk>/letter.pdf",
        views.letter_download,
        name="letter_pdf",
    ),
]
