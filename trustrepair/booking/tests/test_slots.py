"""The pure slot generator: rules in the therapist's zone, DST, buffers, time off, notice, horizon."""

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from trustrepair.booking.slots import Busy, Rule, TimeOff, conflicts, in_zone, local_to_utc, open_slots

NY = "America/New_York"
LONG_AGO = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
MINUTES = dt.timedelta(minutes=1)


def local_times(slots, zone=NY):
    return [in_zone(s, zone).strftime("%Y-%m-%d %H:%M") for s in slots]


def test_slots_are_laid_out_from_the_rule_start_with_length_and_buffer():
    found = open_slots(
        rules=[Rule(0, dt.time(9), dt.time(11))],  # Monday
        zone=NY,
        first_day=dt.date(2026, 1, 5),
        last_day=dt.date(2026, 1, 5),
        length=50 * MINUTES,
        buffer=10 * MINUTES,
        now=LONG_AGO,
    )
    assert local_times(found) == ["2026-01-05 09:00", "2026-01-05 10:00"]
    assert all(s.tzinfo == dt.UTC for s in found)


def test_a_nine_oclock_rule_stays_nine_local_across_the_march_change():
    # The US clocks went forward on Sunday 8 March 2026.
    found = open_slots(
        rules=[Rule(d, dt.time(9), dt.time(9, 50)) for d in range(7)],
        zone=NY,
        first_day=dt.date(2026, 3, 6),
        last_day=dt.date(2026, 3, 10),
        length=50 * MINUTES,
        now=LONG_AGO,
    )
    assert [in_zone(s, NY).strftime("%H:%M") for s in found] == ["09:00"] * 5
    utc_hours = [s.hour for s in found]
    assert utc_hours == [14, 14, 13, 13, 13]  # EST (UTC-5) then EDT (UTC-4)


def test_a_nine_oclock_rule_stays_nine_local_across_the_november_change():
    # ...and back on Sunday 1 November 2026.
    found = open_slots(
        rules=[Rule(d, dt.time(9), dt.time(9, 50)) for d in range(7)],
        zone=NY,
        first_day=dt.date(2026, 10, 30),
        last_day=dt.date(2026, 11, 3),
        length=50 * MINUTES,
        now=LONG_AGO,
    )
    assert [in_zone(s, NY).strftime("%H:%M") for s in found] == ["09:00"] * 5
    assert [s.hour for s in found] == [13, 13, 14, 14, 14]


def test_a_slot_in_the_skipped_spring_hour_is_not_offered_and_the_rule_ends_at_the_jump():
    found = open_slots(
        rules=[Rule(6, dt.time(1), dt.time(3, 30))],  # Sunday 8 March 2026: 02:00-03:00 does not exist
        zone=NY,
        first_day=dt.date(2026, 3, 8),
        last_day=dt.date(2026, 3, 8),
        length=20 * MINUTES,
        step=30 * MINUTES,
        now=LONG_AGO,
    )
    assert local_times(found) == [
        "2026-03-08 01:00",
        "2026-03-08 01:30",
        "2026-03-08 03:00",
    ]
    assert local_to_utc(dt.date(2026, 3, 8), dt.time(2, 30), ZoneInfo(NY)) is None


def test_a_rule_ending_inside_the_skipped_hour_ends_when_the_clock_jumps():
    found = open_slots(
        rules=[Rule(6, dt.time(1), dt.time(2, 30))],
        zone=NY,
        first_day=dt.date(2026, 3, 8),
        last_day=dt.date(2026, 3, 8),
        length=30 * MINUTES,
        step=30 * MINUTES,
        now=LONG_AGO,
    )
    # 01:00 and 01:30 EST fit before 02:00 EST (= 03:00 EDT); nothing inside the gap.
    assert local_times(found) == ["2026-03-08 01:00", "2026-03-08 01:30"]


def test_a_slot_in_the_repeated_autumn_hour_is_offered_once_at_its_first_occurrence():
    found = open_slots(
        rules=[Rule(6, dt.time(1), dt.time(2))],  # Sunday 1 November 2026: 01:00-02:00 happens twice
        zone=NY,
        first_day=dt.date(2026, 11, 1),
        last_day=dt.date(2026, 11, 1),
        length=20 * MINUTES,
        step=30 * MINUTES,
        now=LONG_AGO,
    )
    assert local_times(found) == ["2026-11-01 01:00", "2026-11-01 01:30"]
    assert [s.utcoffset() for s in (in_zone(f, NY) for f in found)] == [dt.timedelta(hours=-4)] * 2
    assert len(set(found)) == len(found)


def test_a_client_in_london_sees_the_new_york_slots_converted():
    found = open_slots(
        rules=[Rule(1, dt.time(9), dt.time(10))],  # Tuesday
        zone=NY,
        first_day=dt.date(2026, 3, 10),
        last_day=dt.date(2026, 3, 10),
        length=50 * MINUTES,
        now=LONG_AGO,
    )
    # 10 March: New York is already on EDT (UTC-4), London still on GMT: 09:00 there is 13:00 here.
    assert [in_zone(s, "Europe/London").strftime("%H:%M") for s in found] == ["13:00"]
    # 31 March: both on summer time, so the gap is five hours again.
    later = open_slots(
        rules=[Rule(1, dt.time(9), dt.time(10))],
        zone=NY,
        first_day=dt.date(2026, 3, 31),
        last_day=dt.date(2026, 3, 31),
        length=50 * MINUTES,
        now=LONG_AGO,
    )
    assert [in_zone(s, "Europe/London").strftime("%H:%M") for s in later] == ["14:00"]


def test_existing_appointments_and_their_buffer_are_kept_free():
    busy = Busy(dt.datetime(2026, 1, 5, 15, 0, tzinfo=dt.UTC), dt.datetime(2026, 1, 5, 15, 50, tzinfo=dt.UTC))
    found = open_slots(
        rules=[Rule(0, dt.time(9), dt.time(13))],
        zone=NY,
        first_day=dt.date(2026, 1, 5),
        last_day=dt.date(2026, 1, 5),
        length=50 * MINUTES,
        buffer=10 * MINUTES,
        busy=[busy],
        now=LONG_AGO,
    )
    assert local_times(found) == ["2026-01-05 09:00", "2026-01-05 11:00", "2026-01-05 12:00"]


def test_time_off_notice_and_horizon_remove_slots():
    rules = [Rule(d, dt.time(9), dt.time(10)) for d in range(7)]
    now = dt.datetime(2026, 1, 5, 15, 0, tzinfo=dt.UTC)  # Monday 10:00 in New York
    found = open_slots(
        rules=rules,
        zone=NY,
        first_day=dt.date(2026, 1, 5),
        last_day=dt.date(2026, 1, 12),
        length=50 * MINUTES,
        time_off=[TimeOff(dt.date(2026, 1, 8), dt.date(2026, 1, 9))],
        min_notice=dt.timedelta(hours=24),
        horizon=dt.timedelta(days=5),
        now=now,
    )
    assert [d[:10] for d in local_times(found)] == ["2026-01-07", "2026-01-10"]


def test_no_slots_are_offered_in_the_past():
    now = dt.datetime(2026, 1, 5, 15, 0, tzinfo=dt.UTC)
    found = open_slots(
        rules=[Rule(0, dt.time(8), dt.time(12))],
        zone=NY,
        first_day=dt.date(2026, 1, 5),
        last_day=dt.date(2026, 1, 5),
        length=50 * MINUTES,
        now=now,
    )
    # 08:00, 08:50 and 09:40 have passed at 10:00; 11:20 would run past noon.
    assert local_times(found) == ["2026-01-05 10:30"]


# ---- properties ---------------------------------------------------------------------------------
ZONES = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "UTC", "America/Santiago"]
times = st.integers(min_value=0, max_value=24 * 4 - 1).map(lambda q: dt.time(q // 4, (q % 4) * 15))


@st.composite
def rules(draw):
    weekday = draw(st.integers(0, 6))
    start, end = sorted(draw(st.lists(times, min_size=2, max_size=2, unique=True)))
    return Rule(weekday, start, end)


@st.composite
def schedules(draw):
    zone = draw(st.sampled_from(ZONES))
    first_day = draw(st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 1)))
    days = draw(st.integers(0, 10))
    now = dt.datetime.combine(first_day, dt.time(), dt.UTC) + dt.timedelta(minutes=draw(st.integers(-3000, 15000)))
    busy = []
    for offset, minutes in draw(st.lists(st.tuples(st.integers(-2000, 16000), st.integers(5, 120)), max_size=8)):
        start = dt.datetime.combine(first_day, dt.time(), dt.UTC) + dt.timedelta(minutes=offset)
        busy.append(Busy(start, start + dt.timedelta(minutes=minutes)))
    off = []
    for offset, length in draw(st.lists(st.tuples(st.integers(-2, 12), st.integers(0, 3)), max_size=3)):
        d = first_day + dt.timedelta(days=offset)
        off.append(TimeOff(d, d + dt.timedelta(days=length)))
    return {
        "rules": draw(st.lists(rules(), min_size=1, max_size=6)),
        "zone": zone,
        "first_day": first_day,
        "last_day": first_day + dt.timedelta(days=days),
        "length": dt.timedelta(minutes=draw(st.sampled_from([20, 30, 50, 60, 90]))),
        "buffer": dt.timedelta(minutes=draw(st.sampled_from([0, 5, 10, 15]))),
        "busy": busy,
        "time_off": off,
        "now": now,
        "min_notice": dt.timedelta(hours=draw(st.integers(0, 48))),
    }


@settings(max_examples=300, deadline=None)
@given(schedules())
def test_property_slots_never_touch_appointments_or_their_buffers(case):
    for start in open_slots(**case):
        end = start + case["length"]
        assert not any(conflicts(start, end, b, case["buffer"]) for b in case["busy"])


@settings(max_examples=300, deadline=None)
@given(schedules())
def test_property_every_slot_lies_inside_a_rule_on_its_local_day(case):
    zone = ZoneInfo(case["zone"])
    for start in open_slots(**case):
        local_start = start.astimezone(zone)
        local_end = (start + case["length"]).astimezone(zone)
        day = local_start.date()
        assert case["first_day"] <= day <= case["last_day"]
        assert any(
            r.weekday == day.weekday()
            and r.start <= local_start.time()
            and local_end.date() == day
            and local_end.time() <= r.end
            for r in case["rules"]
        ) or any(
            # the one exception: a rule ending inside a skipped hour ends at the jump
            r.weekday == day.weekday() and r.start <= local_start.time() and local_to_utc(day, r.end, zone) is None
            for r in case["rules"]
        )


@settings(max_examples=300, deadline=None)
@given(schedules())
def test_property_no_slot_is_in_time_off_in_the_past_or_sooner_than_the_notice(case):
    zone = ZoneInfo(case["zone"])
    found = open_slots(**case)
    assert found == sorted(set(found))
    for start in found:
        assert start >= case["now"] + case["min_notice"]
        assert start >= case["now"]
        assert not any(off.covers(start.astimezone(zone).date()) for off in case["time_off"])
