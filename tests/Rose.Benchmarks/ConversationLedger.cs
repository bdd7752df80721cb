namespace Rose.Benchmarks;

/// <summary>
/// What one visitor's conversation had accepted, as the visitor saw it: turns answered (<c>done</c>),
/// turns refused with an <c>error</c> event (nothing may be stored of them), and turns whose end the
/// visitor never saw (connection cut, timed out), which may or may not have been stored.
/// </summary>
internal sealed class ConversationLedger(string id, string token)
{
    public string Id { get; } = id;

    public string Token { get; } = token;

    public int Answered { get; set; }

    public int Refused { get; set; }

    public int Unknown { get; set; }
}
