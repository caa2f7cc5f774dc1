"""Realistic entries for tests, the demo and benchmarks, without management commands.

    from trustrepair.exercises import factories
    factories.make_trigger_logs(user, 30)          # 30 entries, one a day back from today
    factories.make_year_of_entries(user)           # every tool, about a year of daily use (~5,000 rows)

Rows are created with bulk_create (encryption still applies, field by field); the crisis screen is not
run, since no person wrote these words.
"""

import datetime
import random

from django.utils import timezone

from trustrepair.exercises import distortions
from trustrepair.exercises.models import (
    BeliefRating,
    CommunicationScript,
    CoreBelief,
    EvidenceBrick,
    FearPrediction,
    JournalEntry,
    LadderAttempt,
    LadderStep,
    NeedStatement,
    PromiseCheckIn,
    SelfPromise,
    ThoughtEmotion,
    ThoughtRecord,
    TriggerLog,
    TrustEvent,
)

SITUATIONS = [
    "My partner came home an hour later than he said and didn't text.",
    "She was smiling at her phone and turned it face down when I came in.",
    "A friend cancelled our plans at the last minute.",
    "My manager asked to 'have a quick word' tomorrow without saying why.",
    "He mentioned having lunch with a colleague I have never met.",
    "My sister didn't reply to my message all day.",
    "We had a nice evening, and then I started waiting for something to go wrong.",
]
THOUGHTS = [
    "He's hiding something from me.",
    "She's losing interest and will leave.",
    "They don't really care; I'm an afterthought.",
    "I'm about to be let go and nobody will tell me the truth.",
    "If I relax, I'll be fooled again.",
]
SENSATIONS = ["Tight chest", "Stomach in a knot", "Hot face, racing heart", "Shaky hands", "Jaw clenched"]
HELPED = [
    "Box breathing for two minutes.",
    "Reminding myself of the last three times it was nothing.",
    "Going for a walk before saying anything.",
    "Writing the thought down instead of acting on it.",
    "",
]
EMOTIONS = ["anxious", "jealous", "sad", "angry", "ashamed", "lonely"]
WHO = ["Sam (partner)", "Mum", "Priya", "My manager", "Dad", "Jordan"]
MOMENTS = [
    "Texted when the train was delayed, without me asking.",
    "Told me straight away that he'd forgotten to pay the bill.",
    "Remembered the appointment I was nervous about and asked how it went.",
    "Was home exactly when she said she would be.",
    "Admitted he was wrong in the argument.",
    "Brought me tea when I was low and just sat with me.",
]
EVENTS = [
    (7, "Dad", "Promised to come to my school play and didn't turn up, again.", 7),
    (12, "Best friend", "Shared something I told her in confidence with the whole class.", 6),
    (16, "Mum", "Found out my parents had hidden their separation from us for a year.", 8),
    (23, "First long-term partner", "Discovered months of messages with someone else.", 10),
    (29, "Aunt Lena", "Kept every promise she made during a hard year; I could count on her.", 4),
]
PREDICTIONS = [
    "He will lie about where he was tonight.",
    "She will say she's 'fine' and then pull away all weekend.",
    "My friend will cancel on me again this week.",
    "He'll forget the thing I asked him to do.",
]
LADDER = [
    ("Not asking where he is when he goes out for an hour.", 20),
    ("Leaving his phone alone when it buzzes on the table.", 35),
    ("Letting her go to a friend's party without texting during it.", 50),
    ("Not checking his location for a whole evening.", 60),
    ("Telling him about my fear instead of testing him.", 70),
    ("Spending a weekend apart without asking for updates.", 85),
]
BELIEFS = [
    ("People always leave in the end.", "Priya has been my friend for eleven years.", "Some people leave; many stay."),
    ("If I trust, I'll get hurt.", "I trusted Lena and she was there for me.", "Trust can hurt and can also hold."),
    ("I'm not worth being honest with.", "Sam told me a hard truth because he respects me.", "I deserve honesty."),
]
PROMISES = ["A ten-minute walk after work.", "Bed by eleven on weeknights.", "One page of my journal a day."]
NEEDS = [
    ("secure", "Hearing when plans change, even by a short text."),
    ("secure", "A hug when I get home after a hard day."),
    ("uneasy", "Phones turned face down when I come into the room."),
    ("uneasy", "Jokes about leaving, even when they're meant kindly."),
    ("boundary", "I will ask about something that worries me instead of checking your phone."),
]
JOURNAL = [
    ("now_or_then", "When he was late tonight, the panic felt just like waiting for Dad as a kid."),
    ("shaped", "I learned early that promises are cheap. I'm starting to see where that came from."),
    ("projecting", "Sam isn't my ex. Today he did exactly what he said he would."),
    ("free", "A calmer day. I noticed the urge to check and let it pass."),
]


def _rng(user, salt: str) -> random.Random:
    return random.Random(f"{user.pk}-{salt}")  # the same user gets the same entries every run


def _days_ago(n: int, hour: int = 20) -> datetime.datetime:
    return timezone.now().replace(hour=hour, minute=0, second=0, microsecond=0) - datetime.timedelta(days=n)


def make_trust_events(user, n: int = 5) -> list[TrustEvent]:
    rows = []
    for i in range(n):
        age, who, what, impact = EVENTS[i % len(EVENTS)]
        rows.append(TrustEvent(owner=user, age=age + i // len(EVENTS), who=who, what_happened=what, impact=impact))
    return TrustEvent.objects.bulk_create(rows)


def make_trigger_logs(user, n: int = 20, *, days: int | None = None) -> list[TriggerLog]:
    """`n` entries spread over the last `days` days (one a day by default)."""
    rng = _rng(user, "trigger")
    span = days or n
    rows = []
    for i in range(n):
        back = (n - 1 - i) * span // n
        rode_out = rng.random() < min(0.8, 0.3 + i / max(n, 1) * 0.5)  # better over time
        rows.append(
            TriggerLog(
                owner=user,
                occurred_at=_days_ago(back, hour=rng.randint(8, 22)),
                created_at=_days_ago(back),
                context=rng.choice(TriggerLog.Context.values),
                situation=rng.choice(SITUATIONS),
                body_sensation=rng.choice(SENSATIONS),
                thought=rng.choice(THOUGHTS),
                urge=rng.choice(TriggerLog.Urge.values[:-1]),
                intensity=rng.randint(3, 9),
                response=TriggerLog.Response.RODE_OUT if rode_out else TriggerLog.Response.ACTED_ON,
                what_helped=rng.choice(HELPED),
            )
        )
    return TriggerLog.objects.bulk_create(rows)


def make_thought_records(user, n: int = 10) -> list[ThoughtRecord]:
    rng = _rng(user, "thought")
    records = ThoughtRecord.objects.bulk_create(
        [
            ThoughtRecord(
                owner=user,
                created_at=_days_ago(n - 1 - i),
                situation=rng.choice(SITUATIONS),
                automatic_thought=rng.choice(THOUGHTS),
                distortions=rng.sample([d.slug for d in distortions.BUILT_IN], 2),
                evidence_for="He was late and didn't text.",
                evidence_against="He has been late before because of the trains, and it was nothing.",
                balanced_thought="He's probably stuck on the train; I can ask calmly when he's home.",
                last_step=5,
                completed_at=_days_ago(n - 1 - i),
            )
            for i in range(n)
        ]
    )
    emotions = []
    for record in records:
        for name in rng.sample(EMOTIONS, 2):
            before = rng.randint(55, 95)
            emotions.append(
                ThoughtEmotion(
                    record=record, name=name, intensity_before=before, intensity_after=before - rng.randint(10, 40)
                )
            )
    ThoughtEmotion.objects.bulk_create(emotions)
    return records


def make_fear_predictions(user, n: int = 10) -> list[FearPrediction]:
    rng = _rng(user, "fear")
    rows = []
    for i in range(n):
        known = i < n - 2
        outcome = rng.choices(["came_true", "partly", "did_not"], weights=[1, 2, 7])[0] if known else "pending"
        rows.append(
            FearPrediction(
                owner=user,
                created_at=_days_ago(n - 1 - i),
                prediction=rng.choice(PREDICTIONS),
                confidence=rng.randint(50, 95),
                outcome=outcome,
                what_happened="" if not known else "He was where he said; the meeting ran late.",
                outcome_recorded_at=_days_ago(n - 2 - i) if known else None,
            )
        )
    return FearPrediction.objects.bulk_create(rows)


def make_ladder_steps(user, n: int = 6, attempts_per_step: int = 2) -> list[LadderStep]:
    rng = _rng(user, "ladder")
    climbed = n // 2
    steps = LadderStep.objects.bulk_create(
        [
            LadderStep(
                owner=user,
                act=LADDER[i % len(LADDER)][0],
                expected_distress=min(100, LADDER[i % len(LADDER)][1] + (i // len(LADDER))),
                climbed_at=_days_ago(n - i) if i < climbed else None,
            )
            for i in range(n)
        ]
    )
    attempts = []
    for i, step in enumerate(steps[: climbed + 1]):
        for k in range(attempts_per_step):
            before = min(100, step.expected_distress + rng.randint(-10, 10))
            attempts.append(
                LadderAttempt(
                    step=step,
                    tried_at=_days_ago(n - i + k),
                    distress_before=max(0, before),
                    distress_after=max(0, before - rng.randint(5, 30)),
                    notes="Harder at first, then it eased.",
                )
            )
    LadderAttempt.objects.bulk_create(attempts)
    return steps


def make_core_beliefs(user, n: int = 3, ratings_per_belief: int = 6) -> list[CoreBelief]:
    beliefs = CoreBelief.objects.bulk_create(
        [
            CoreBelief(
                owner=user,
                belief=BELIEFS[i % len(BELIEFS)][0],
                evidence_against=BELIEFS[i % len(BELIEFS)][1],
                balanced_belief=BELIEFS[i % len(BELIEFS)][2],
            )
            for i in range(n)
        ]
    )
    span = max(ratings_per_belief - 1, 1)
    BeliefRating.objects.bulk_create(
        [
            BeliefRating(belief=b, strength=max(10, 90 - k * 8), rated_at=_days_ago((span - k) * 7))
            for b in beliefs
            for k in range(ratings_per_belief)
        ]
    )
    return beliefs


def make_journal_entries(user, n: int = 10) -> list[JournalEntry]:
    return JournalEntry.objects.bulk_create(
        [
            JournalEntry(
                owner=user,
                created_at=_days_ago(n - 1 - i),
                prompt=JOURNAL[i % len(JOURNAL)][0],
                body=JOURNAL[i % len(JOURNAL)][1],
                is_draft=False,
            )
            for i in range(n)
        ]
    )


def make_evidence_bricks(user, n: int = 20) -> list[EvidenceBrick]:
    rng = _rng(user, "brick")
    return EvidenceBrick.objects.bulk_create(
        [
            EvidenceBrick(
                owner=user,
                kind=rng.choice(EvidenceBrick.Kind.values),
                moment=rng.choice(MOMENTS),
                who=rng.choice(WHO),
                happened_on=timezone.localdate() - datetime.timedelta(days=n - 1 - i),
            )
            for i in range(n)
        ]
    )


def make_self_promises(user, n: int = 2, days: int = 30) -> list[SelfPromise]:
    rng = _rng(user, "promise")
    promises = SelfPromise.objects.bulk_create(
        [SelfPromise(owner=user, promise=PROMISES[i % len(PROMISES)]) for i in range(n)]
    )
    today = timezone.localdate()
    PromiseCheckIn.objects.bulk_create(
        [
            PromiseCheckIn(promise=p, day=today - datetime.timedelta(days=d), kept=rng.random() < 0.75)
            for p in promises
            for d in range(1, days + 1)
        ]
    )
    return promises


def make_need_statements(user, n: int = 5) -> list[NeedStatement]:
    return NeedStatement.objects.bulk_create(
        [NeedStatement(owner=user, kind=NEEDS[i % len(NEEDS)][0], statement=NEEDS[i % len(NEEDS)][1]) for i in range(n)]
    )


def make_communication_scripts(user, n: int = 2) -> list[CommunicationScript]:
    return CommunicationScript.objects.bulk_create(
        [
            CommunicationScript(
                owner=user,
                title=["When he's late home", "After a hard day"][i % 2],
                feeling=["insecure", "on edge"][i % 2],
                because=["past experiences", "what happened in my last relationship"][i % 2],
                not_responsible="what happened to me before",
                need=["some reassurance", "a hug and to hear that we're okay"][i % 2],
            )
            for i in range(n)
        ]
    )


def make_year_of_entries(user, days: int = 365) -> dict[str, int]:
    """About a year of daily use in every tool: roughly 5,000 rows for 365 days. Returns rows per table."""
    made = {
        "trust_events": len(make_trust_events(user, 20)),
        "trigger_logs": len(make_trigger_logs(user, days * 3, days=days)),
        "thought_records": len(make_thought_records(user, days)),
        "fear_predictions": len(make_fear_predictions(user, days)),
        "ladder_steps": len(make_ladder_steps(user, 30, attempts_per_step=4)),
        "core_beliefs": len(make_core_beliefs(user, 6, ratings_per_belief=52)),
        "journal_entries": len(make_journal_entries(user, days)),
        "evidence_bricks": len(make_evidence_bricks(user, days)),
        "self_promises": len(make_self_promises(user, 3, days=days)),
        "need_statements": len(make_need_statements(user, 15)),
        "communication_scripts": len(make_communication_scripts(user, 6)),
    }
    return made


def make_daily_check_ins(user, n: int = 7, *, today=None):
    """One check-in a local day for the last `n` days, newest today."""
    from trustrepair.exercises.models import DailyCheckIn

    rng = random.Random(f"check-ins-{user.pk}")
    today = today or timezone.localdate()
    moods = [m for m, _ in DailyCheckIn.Mood.choices]
    urges = [u for u, _ in DailyCheckIn.Urge.choices]
    rows = []
    for i in range(n):
        urge = rng.choice(urges)
        rows.append(
            DailyCheckIn(
                owner=user,
                day=today - datetime.timedelta(days=i),
                moods=rng.sample(moods, rng.randint(1, 3)),
                trust=rng.randint(3, 8),
                urge=urge,
                urge_strength=0 if urge == "none" else rng.randint(2, 8),
                note="A calmer evening than I expected." if i % 3 == 0 else "",
            )
        )
    return DailyCheckIn.objects.bulk_create(rows)
