"""Every read in the program. Each one filters by owner; another person's object is a 404."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.utils import timezone

from trustrepair.exercises import selectors as tools
from trustrepair.measures import registry as measures_registry
from trustrepair.measures import selectors as measures_selectors
from trustrepair.program import curriculum, pathway, phase_story
from trustrepair.program.models import Enrolment, LessonCompletion, Setback


def enrolment_for(user) -> Enrolment | None:
    return Enrolment.objects.filter(owner=user).first()


def completed_keys(user) -> set[str]:
    return set(LessonCompletion.objects.filter(owner=user).values_list("lesson_key", flat=True))


def completions_for(user) -> dict[str, object]:
    """lesson key → when it was marked done."""
    return dict(LessonCompletion.objects.filter(owner=user).values_list("lesson_key", "completed_at"))


def reflections_for(user, lesson_key: str) -> list:
    """The person's journal entries answering this lesson's reflection prompt, newest first (at most 3)."""
    return list(tools.lesson_reflections_for(user, lesson_key)[:3])


def phase_story_for(user, phase: curriculum.Phase) -> phase_story.PhaseStory | None:
    """The person's own numbers for a phase they have finished (None until every lesson in it is done)."""
    completions = completions_for(user)
    keys = [lesson.key for lesson in phase.lessons]
    if any(key not in completions for key in keys):
        return None
    tz = timezone.get_current_timezone()

    def day(moment):
        return moment.astimezone(tz).date()

    use_days = tools.tool_use_days(user, tz)
    use_days["daily_check_in"] = list(tools.urge_strength_by_day(user))
    phases = curriculum.phases()
    following = phases[phase.number] if phase.number < len(phases) else None
    measures = [
        phase_story.Measure(title=instrument.short_title, completed_on=day(a.completed_at), total=a.total, band=a.band)
        for a in measures_selectors.current_history_for(user)
        if (instrument := measures_registry.get(a.instrument_id)) is not None
    ]
    return phase_story.phase_story(
        title=phase.title,
        lesson_keys=keys,
        completions={key: day(at) for key, at in completions.items()},
        reflection_keys=tools.journal_entries_for(user).exclude(lesson_key="").values_list("lesson_key", flat=True),
        use_days=use_days,
        thought_records=[(day(at), ratings) for at, ratings in tools.thought_record_ratings(user)],
        ladder_tries=[(day(at), before, after) for at, before, after in tools.ladder_try_ratings(user)],
        measures=measures,
        next_title=following.title if following else "",
        next_summary=following.summary if following else "",
    )


def setback_for(user, public_id) -> Setback:
    return get_object_or_404(Setback, owner=user, public_id=public_id)


def setbacks_for(user, limit: int | None = None):
    qs = Setback.objects.filter(owner=user)
    return qs[:limit] if limit else qs


def latest_setback(user) -> Setback | None:
    return Setback.objects.filter(owner=user).order_by("-created_at").first()


def suggested_start_phase(user) -> str | None:
    """The phase the trust profile suggests, or None before the person has answered anything that informs it."""
    slug = MEASURES_PHASE_NAMES.get(measures_selectors.suggested_start_phase(user))
    return slug if slug in curriculum.phase_slugs() else None


# measures names the phases with its own short keys; the program's slugs are the content folder names.
MEASURES_PHASE_NAMES = {
    "trust_history": "trust-history",
    "core_beliefs": "core-beliefs",
    "regulation": "regulation-and-safety",
    "rebuilding": "gradual-rebuilding",
}


def latest_measures(user) -> list[dict]:
    """The person's latest questionnaire scores, for the printable summary."""
    return [
        {
            "title": measures_registry.get(instrument_id).title,
            "total": administration.total,
            "band": administration.band,
            "completed_at": administration.completed_at,
        }
        for instrument_id, administration in measures_selectors.latest_by_instrument(user, with_answers=False).items()
    ]


@dataclass(frozen=True)
class Today:
    enrolment: Enrolment
    step: pathway.NextStep
    progress: list[pathway.PhaseProgress]
    welcome_back: bool
    days_away: int | None
    setback: Setback | None
    in_setback_care: bool
    last_done: curriculum.Lesson | None


def today_for(user, enrolment: Enrolment, previous_visit, *, now=None) -> Today:
    """Everything the today page shows, in a fixed number of queries however much the person has done."""
    now = now or timezone.now()
    completions = completions_for(user)
    done = set(completions)
    phases = curriculum.phases()
    setback = latest_setback(user)
    last_key = max(completions, key=completions.get) if completions else None
    return Today(
        enrolment=enrolment,
        step=pathway.next_step(phases, done, enrolment.current_phase),
        progress=pathway.progress(phases, done, enrolment.current_phase),
        welcome_back=pathway.is_welcome_back(previous_visit, now),
        days_away=pathway.days_between(previous_visit, now),
        setback=setback,
        in_setback_care=pathway.is_in_setback_care(setback.created_at if setback else None, now),
        last_done=curriculum.lesson_by_key(last_key) if last_key else None,
    )


def progress_for(user) -> list[pathway.PhaseProgress]:
    enrolment = enrolment_for(user)
    current = enrolment.current_phase if enrolment else ""
    return pathway.progress(curriculum.phases(), completed_keys(user), current)
