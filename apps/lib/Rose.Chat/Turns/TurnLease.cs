namespace Rose.Chat.Turns;

/// <summary>Who holds a conversation's turn, and until when.</summary>
public sealed record TurnLease(string Holder, DateTimeOffset ExpiresAt);
