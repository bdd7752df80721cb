namespace Rose.Llm.Answering;

/// <summary>
/// One step of a streamed answer: a text delta to send on, or, as the very last update, the finished
/// answer (<see cref="Completed"/>, with an empty <see cref="Delta"/>).
/// </summary>
public sealed record AnswerUpdate(string Delta, GroundedAnswer? Completed = null);
