using Rose.Chat.Data;
using Rose.Chat.Skills;

namespace Rose.Chat.Api;

public sealed record ConversationHistory(string ConversationId, IReadOnlyList<HistoryMessage> Messages);
