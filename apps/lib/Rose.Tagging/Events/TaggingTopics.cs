namespace Rose.Tagging.Events;

/// <summary>The topics Rose.Tagging publishes. <c>components/pubsub.yaml</c> allows each and its dead-letter topic (a test checks).</summary>
public static class TaggingTopics
{
    /// <summary>A visitor's score crossed the tenant's hot threshold (once per visitor): time to hand the lead to the CRM.</summary>
    public const string LeadQualified = "lead.qualified";
}
