namespace Rose.Chat.Memory;

/// <summary>A question and its answer, as the agent remembers them.</summary>
public sealed record MemoryTurn(string Question, string Answer, DateTimeOffset At);
