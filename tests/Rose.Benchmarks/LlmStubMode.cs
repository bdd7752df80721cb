namespace Rose.Benchmarks;

/// <summary>How the LLM stub behaves at the moment: the faults run switches it while visitors talk.</summary>
internal enum LlmStubMode
{
    /// <summary>Answers after 100 ms, as a fast provider.</summary>
    Normal,

    /// <summary>Answers after several seconds.</summary>
    Slow,

    /// <summary>Answers 503 at once, as a provider in an outage.</summary>
    Failing,

    /// <summary>Accepts the call and never answers (until the caller gives up).</summary>
    Hanging,
}
