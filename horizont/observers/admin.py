"""Admin of observer programmes: the programmes, their forms and courses.

Deliberately absent: volunteers' contact details, reports, incidents, photos and protocol
entries. They are other people's data, seen only by coordinators and lawyers with
two-factor through the app's own pages, which check permissions and keep the audit trail.
"""

from django.contrib import admin

from horizont.observers.models import ChecklistForm, Choice, Course, Lesson, Programme, Question


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "election", "status", "ends_on", "public_dashboard"]
    list_filter = ["status", "public_dashboard"]
    readonly_fields = ["personal_data_erased_at", "created_by"]
    raw_id_fields = ["election", "results_election"]


@admin.register(ChecklistForm)
class ChecklistFormAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "kind", "version", "current"]
    list_filter = ["kind", "current"]
    # A form changes by a new version (services.checklist_save): read only here.
    readonly_fields = ["programme", "kind", "title", "version", "fields", "current"]


class LessonInline(admin.StackedInline):
    model = Lesson
    exclude = ["image"]
    extra = 0


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    show_change_link = True


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "pass_mark", "max_attempts", "deadline"]
    inlines = [LessonInline, QuestionInline]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "course", "kind"]
    inlines = [ChoiceInline]
