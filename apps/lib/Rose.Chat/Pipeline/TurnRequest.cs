using Rose.Tenancy;

namespace Rose.Chat.Pipeline;

/// <summary>A visitor's message to an existing conversation whose token was already checked.</summary>
public sealed record TurnRequest(TenantProfile Tenant, string ConversationId, string Text);
