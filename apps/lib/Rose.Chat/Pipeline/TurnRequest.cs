using System.Net;
using Rose.Tenancy;

namespace Rose.Chat.Pipeline;

/// <summary>A visitor's message to an existing conversation whose token was already checked.</summary>
/// <param name="VisitorAddress">Where the visitor's request came from: enrichment may know its company.</param>
/// <param name="VisitorConsent">The consent the conversation started with: a tenant may require it before any identification.</param>
public sealed record TurnRequest(TenantProfile Tenant, string ConversationId, string Text, IPAddress? VisitorAddress = null, bool? VisitorConsent = null);
