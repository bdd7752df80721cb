namespace Rose.Crm.HubSpot.Client;

/// <summary>The contact properties Rose writes; created in the tenant's portal on connect when missing.</summary>
public static class RoseContactProperties
{
    public const string LeadScore = "rose_lead_score";
    public const string Intent = "rose_intent";
    public const string Stage = "rose_stage";
    public const string LastConversationUrl = "rose_last_conversation_url";
    public const string FirstQuestion = "rose_first_question";

    /// <summary>HubSpot's group for contact properties that every portal has.</summary>
    private const string Group = "contactinformation";

    internal static readonly IReadOnlyList<PropertyDefinition> Definitions =
    [
        new(LeadScore, "Rose lead score", "number", "number", Group, "Rose's 0-100 lead score of the visitor's latest scored conversation."),
        new(Intent, "Rose intent", "string", "text", Group, "What the visitor wanted, as Rose tagged the conversation."),
        new(Stage, "Rose buying stage", "string", "text", Group, "The visitor's buying stage, as Rose tagged the conversation."),
        new(LastConversationUrl, "Rose last conversation", "string", "text", Group, "The transcript of the visitor's latest conversation in Rose's backoffice."),
        new(FirstQuestion, "Rose first question", "string", "textarea", Group, "The first question the visitor asked Rose's website agent."),
    ];
}
