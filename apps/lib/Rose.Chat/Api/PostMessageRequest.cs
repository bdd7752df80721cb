namespace Rose.Chat.Api;

/// <summary>A visitor's message.</summary>
public sealed record PostMessageRequest(string? Text);
