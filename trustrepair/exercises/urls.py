from django.urls import path

from trustrepair.exercises import views
from trustrepair.exercises.tools import TOOLS

app_name = "exercises"


def _tool_urls(tool):
    urls = [
        path(f"{tool.slug}/", views.make_list(tool), name=f"{tool.key}_list"),
        path(f"{tool.slug}/<uuid:public_id>/", views.make_detail(tool), name=f"{tool.key}_detail"),
        path(f"{tool.slug}/<uuid:public_id>/delete/", views.make_delete(tool), name=f"{tool.key}_delete"),
    ]
    if not tool.own_new_and_edit:
        urls += [
            path(f"{tool.slug}/new/", views.make_new(tool), name=f"{tool.key}_new"),
            path(f"{tool.slug}/<uuid:public_id>/edit/", views.make_edit(tool), name=f"{tool.key}_edit"),
        ]
    return urls


urlpatterns = [
    path("", views.index, name="index"),
    path("thought-records/new/", views.thought_record_new, name="thought_record_new"),
    path("thought-records/<uuid:public_id>/step/<int:step>/", views.thought_record_step, name="thought_record_step"),
    path("journal/new/", views.journal_entry_new, name="journal_entry_new"),
    path("journal/autosave/", views.journal_autosave, name="journal_autosave"),
    path("journal/<uuid:public_id>/edit/", views.journal_entry_edit, name="journal_entry_edit"),
    path("core-beliefs/<uuid:public_id>/rate/", views.core_belief_rate, name="core_belief_rate"),
    path(
        "core-beliefs/<uuid:public_id>/rate/remove-latest/",
        views.core_belief_rating_remove,
        name="core_belief_rating_remove",
    ),
    path("trust-ladder/<uuid:public_id>/try/remove-latest/", views.ladder_attempt_remove, name="ladder_attempt_remove"),
    path("fears/<uuid:public_id>/outcome/", views.fear_prediction_outcome, name="fear_prediction_outcome"),
    path("trust-ladder/<uuid:public_id>/try/", views.ladder_step_attempt, name="ladder_step_attempt"),
    path("promises/<uuid:public_id>/check-in/", views.self_promise_check_in, name="self_promise_check_in"),
    path("promises/<uuid:public_id>/restart/", views.self_promise_restart, name="self_promise_restart"),
    path("needs/share/", views.need_statement_share, name="need_statement_share"),
    path("scripts/preview/", views.script_preview, name="script_preview"),
    path("check-in/", views.check_in, name="check_in"),
    path("reminder/", views.reminder, name="reminder"),
    path("timers/", views.timer_index, name="timer_index"),
    path("timers/<slug:slug>/", views.timer, name="timer"),
]
for _tool in TOOLS:
    urlpatterns += _tool_urls(_tool)
