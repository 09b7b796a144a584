from django.contrib import admin

from layani.audit.admin import ReadOnlyAdmin

from .models import Agency, Boundary, Category, CategoryQuestion, Region, Responsibility, Unit


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "timezone", "postal_code"]
    list_filter = ["level", "timezone"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent"]
    show_full_result_count = False


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0
    raw_id_fields = ["parent"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "level", "kind", "region", "is_active"]
    list_filter = ["level", "kind", "is_active"]
    search_fields = ["name", "short_name", "slug"]
    raw_id_fields = ["region", "parent"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [UnitInline]


class SubCategoryInline(admin.TabularInline):
    model = Category
    fk_name = "parent"
    extra = 0
    fields = ["code", "name", "name_en", "default_service_class", "order", "is_active"]


class QuestionInline(admin.StackedInline):
    model = CategoryQuestion
    extra = 0


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "parent", "default_level", "default_service_class", "is_active"]
    list_filter = ["parent", "default_level", "is_active"]
    search_fields = ["name", "name_en", "code", "keywords"]

    def get_inlines(self, request, obj):
        # Only main categories hold sub-categories.
        if obj is None or obj.parent_id is None:
            return [SubCategoryInline, QuestionInline]
        return [QuestionInline]


@admin.register(Responsibility)
class ResponsibilityAdmin(admin.ModelAdmin):
    list_display = ["category", "level", "region", "agency"]
    list_filter = ["level", "category__parent"]
    search_fields = ["category__name", "agency__name", "region__name"]
    raw_id_fields = ["region", "agency", "category"]


@admin.register(Boundary)
class BoundaryAdmin(ReadOnlyAdmin):
    """Read-only: boundaries come from `layani load_boundaries` (docs/geography.md), whole
    provinces at a time, so that the lookup index and the data never disagree."""

    list_display = ["region", "level", "source"]
    list_filter = ["level"]
    search_fields = ["region__code", "region__name"]
    exclude = ["polygon"]
