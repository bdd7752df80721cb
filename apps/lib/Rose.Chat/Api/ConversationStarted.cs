using Rose.Chat.Data;
using Rose.Chat.Skills;

namespace Rose.Chat.Api;

public sealed record ConversationStarted(string ConversationId, string Token);
