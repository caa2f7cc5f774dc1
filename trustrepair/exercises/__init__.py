"""The tools a person uses between sessions (URL prefix /tools/).

Models (all owned by one person, reached by `public_id`, free text encrypted):
    TrustEvent                      trust history timeline (age and/or date, who, what happened, impact 0–10)
    TriggerLog                      trigger and urge log (context, urge, intensity 0–10, rode out / acted on)
    ThoughtRecord + ThoughtEmotion  CBT thought record, five steps; CustomDistortion = the person's own traps
    FearPrediction                  a fear as a prediction, confidence 0–100, outcome later
    LadderStep + LadderAttempt      trust ladder rungs (expected distress) and tries (distress before/after)
    CoreBelief + BeliefRating       a belief, its ratings 0–100 over time, evidence against, a balanced belief
    JournalEntry                    prompted or free entries; drafts autosaved on the server (is_draft)
    EvidenceBrick                   moments of reliability, honesty, care (the wall)
    SelfPromise + PromiseCheckIn    promises to myself and one check-in a day (kept or not)
    NeedStatement                   what helps me feel secure / makes me uneasy / a boundary
    CommunicationScript             the reassurance script in the person's words

Other apps read these only through `selectors` (…_for(user) lists, …_for(user, public_id) → 404 if not
theirs, and one-query aggregates for charts: urges_by_week, triggers_by_context, belief_ratings_for,
fear_base_rate, ladder_progress, bricks_by_month, promise_check_ins_by_week). Writes go through
`services`. `factories` makes realistic entries for tests, the demo and benchmarks
(`make_year_of_entries(user)` ≈ 5,000 rows). `tools.TOOLS` describes every tool once; the URLs, the
export and erasure are built from it.
"""
