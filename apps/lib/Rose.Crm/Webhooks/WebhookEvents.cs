namespace Rose.Crm.Webhooks;

/// <summary>The events a tenant can subscribe an endpoint to (the <c>Rose-Event</c> header and the payload's <c>type</c>).</summary>
public static class WebhookEvents
{
    public const string ConversationEnded = "conversation.ended";
    public const string LeadCaptured = "lead.captured";
    public const string LeadQualified = "lead.qualified";
    public const string ConversionRecorded = "conversion.recorded";

    /// <summary>The payload version: bumped when a payload changes in a way a receiver could break on.</summary>
    public const int PayloadVersion = 1;

    public static readonly IReadOnlyList<string> All = [ConversationEnded, LeadCaptured, LeadQualified, ConversionRecorded];
}
