from django.contrib import admin

from horizont.publications.models import Article, ArticleTranslation, Tag


class ArticleTranslationInline(admin.StackedInline):
    model = ArticleTranslation
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "initiative", "kind", "status", "published_at"]
    list_filter = ["status", "kind", "original_language"]
    raw_id_fields = ["initiative", "author"]
    inlines = [ArticleTranslationInline]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
