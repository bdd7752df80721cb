using System.ComponentModel.DataAnnotations;

namespace Rose.Chat;

/// <summary>Configuration section <c>Rose:Chat</c>.</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Rose:Chat";

    /// <summary>Longer visitor messages are rejected with 400.</summary>
    [Range(100, 20_000)]
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Turns (visitor + assistant pairs) kept verbatim in memory; older ones fold into the summary.</summary>
    [Range(1, 50)]
    public int RecentTurns { get; set; } = 6;

    /// <summary>How long conversation memory lives in the state store after the last message.</summary>
    public TimeSpan MemoryTimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A conversation without a message for this long ends (<c>conversation.ended</c>).</summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Passages retrieved per question.</summary>
    [Range(1, 20)]
    public int PassagesPerAnswer { get; set; } = 5;

    /// <summary>Messages one visitor IP may send to one tenant per minute.</summary>
    [Range(1, 10_000)]
    public int MessagesPerMinutePerVisitor { get; set; } = 20;

    /// <summary>Answers streaming at once for one tenant; more get 429.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentStreamsPerTenant { get; set; } = 100;

    /// <summary>
    /// A comment line (<c>: keep-alive</c>) goes down an answer's stream whenever nothing else did for this
    /// long, so that no proxy on the way (the gateway's YARP cuts a request idle for 100 s; ingress
    /// controllers, load balancers) closes a stream that waits on a slow LLM. The widget ignores it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan StreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Conversations one visitor IP may start per minute for one tenant.</summary>
    [Range(1, 10_000)]
    public int ConversationsPerMinutePerVisitor { get; set; } = 10;
}
