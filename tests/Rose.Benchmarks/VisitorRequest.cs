namespace Rose.Benchmarks;

/// <summary>
/// One request a visitor made: which visitor, when (seconds since the run started), what kind (<c>message</c>,
/// <c>conversation</c>, <c>lead</c>, <c>events</c>), how it ended, time to first token and to the end
/// (ms), the HTTP status or error code, whether a 429 was intended (a hasty visitor over its limit),
/// and whether the LLM stub wrote the answer.
/// </summary>
internal sealed record VisitorRequest(
    int Visitor, double AtSeconds, string Kind, VisitorRequestOutcome Outcome, double? TtftMs, double TotalMs, string Detail, bool Hasty, bool ByLlm)
{
    /// <summary>429s meant to happen: a hasty visitor sending faster than its limit.</summary>
    public bool IntendedRefusal => Hasty && Outcome == VisitorRequestOutcome.RateLimited;

    public bool IsError => Outcome != VisitorRequestOutcome.Answered && !IntendedRefusal;
}
