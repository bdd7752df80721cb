namespace Rose.Platform.Dapr.DeadLetters;

/// <summary>The <c>{topic}.dead-letter</c> topics this app reads, by dead-letter topic, with the topic each came from.</summary>
public sealed record DeadLetterTopics(IReadOnlyDictionary<string, string> OriginalByDeadLetterTopic);
