using System.Text.Json;

namespace Rose.Analytics.Api;

public sealed record WidgetEventInput(string? Type, string? ConversationId, JsonElement? Data, DateTimeOffset? At);
