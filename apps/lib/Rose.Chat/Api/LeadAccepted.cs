using Rose.Chat.Data;
using Rose.Chat.Skills;

namespace Rose.Chat.Api;

public sealed record LeadAccepted(string Id);
