from django.contrib import admin

from fasit.core.admin import TeamScopedAdmin
from fasit.customers import services
from fasit.customers.models import (
    Account,
    AccountRevenue,
    CustomerCategory,
    FamilyMember,
    ImportantDate,
    Interest,
    LifeEvent,
    Person,
    PersonRole,
)


class RevenueInline(admin.TabularInline):
    model = AccountRevenue
    extra = 0


class RoleInline(admin.TabularInline):
    model = PersonRole
    extra = 0
    autocomplete_fields = ("account",)


@admin.register(CustomerCategory)
class CustomerCategoryAdmin(TeamScopedAdmin):
    list_display = ("name", "team")
    delete_service = staticmethod(
        lambda category, actor: services.category_delete(category=category, actor=actor)
    )


@admin.register(Account)
class AccountAdmin(TeamScopedAdmin):
    list_display = ("name", "team", "tier", "country", "category", "owner")
    list_filter = ("tier", "country")
    search_fields = ("name", "org_number")
    inlines = [RevenueInline]
    delete_service = staticmethod(
        lambda account, actor: services.account_delete(account=account, actor=actor)
    )


class ProfileInline(admin.TabularInline):
    extra = 0


@admin.register(Person)
class PersonAdmin(TeamScopedAdmin):
    list_display = ("name", "team", "email", "phone", "legal_basis")
    search_fields = ("name", "email")
    delete_service = staticmethod(
        lambda person, actor: services.person_delete(person=person, actor=actor)
    )
    inlines = [
        RoleInline,
        type("FamilyInline", (ProfileInline,), {"model": FamilyMember}),
        type("InterestInline", (ProfileInline,), {"model": Interest}),
        type("LifeEventInline", (ProfileInline,), {"model": LifeEvent}),
        type("DateInline", (ProfileInline,), {"model": ImportantDate}),
    ]
