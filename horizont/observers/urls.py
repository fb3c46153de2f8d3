from django.urls import path

from horizont.observers import training_views, views

app_name = "observers"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.programme_create, name="create"),
    path("<int:pk>/", views.programme_detail, name="programme"),
    path("<int:pk>/apply/", views.apply, name="apply"),
    path("<int:pk>/volunteers/", views.volunteers, name="volunteers"),
    path("<int:pk>/volunteers/<int:volunteer_pk>/", views.volunteer_decide, name="decide"),
    path("<int:pk>/assignments/", views.assignments, name="assignments"),
    path(
        "<int:pk>/assignments/<int:assignment_pk>/delete/",
        views.assignment_delete,
        name="assignment_delete",
    ),
    path("<int:pk>/coverage.json", views.coverage_data, name="coverage_data"),
    path("<int:pk>/me/", views.my_assignments, name="mine"),
    path("<int:pk>/me/assignment.ics", views.my_calendar, name="calendar"),
    path("<int:pk>/forms/", views.checklists, name="checklists"),
    path("<int:pk>/forms/<int:form_pk>/report/", views.report_new, name="report"),
    path("<int:pk>/incident/", views.incident_new, name="incident_new"),
    path("<int:pk>/reports/", views.reports, name="reports"),
    path("<int:pk>/incidents/<int:incident_pk>/", views.incident_detail, name="incident"),
    path("<int:pk>/photos/<int:photo_pk>/", views.incident_photo, name="photo"),
    path("<int:pk>/protocol/", views.protocol_new, name="protocol_new"),
    path("<int:pk>/protocols/", views.protocols, name="protocols"),
    path("<int:pk>/entries/<int:entry_pk>/photo/", views.entry_photo, name="entry_photo"),
    path("<int:pk>/protocols/<int:copy_pk>/resolve/", views.protocol_resolve, name="resolve"),
    path("<int:pk>/protocols/<int:copy_pk>/complaint.pdf", views.complaint, name="complaint"),
    path("<int:pk>/dashboard/", views.dashboard, name="dashboard"),
    path("<int:pk>/public/", views.public_dashboard, name="public"),
    path("<int:pk>/effect/", views.observer_effect, name="effect"),
    path("<int:pk>/courses/", training_views.courses, name="courses"),
    path("<int:pk>/courses/<int:course_pk>/edit/", training_views.course_edit, name="course_edit"),
    path("<int:pk>/courses/<int:course_pk>/", training_views.course_detail, name="course"),
    path("<int:pk>/courses/<int:course_pk>/quiz/", training_views.quiz, name="quiz"),
    path("<int:pk>/attempts/<int:attempt_pk>/", training_views.attempt_result, name="attempt"),
    path(
        "<int:pk>/attempts/<int:attempt_pk>/certificate.pdf",
        training_views.certificate,
        name="certificate",
    ),
]
