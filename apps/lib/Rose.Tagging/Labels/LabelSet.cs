namespace Rose.Tagging.Labels;

/// <summary>
/// The labels conversations are tagged with. <see cref="Version"/> is stored with every tagging, so a
/// change of the set (or of the classifier behind it) is what makes the retag job tag a conversation
/// again; the same version never tags one conversation twice.
/// </summary>
public sealed class LabelSet
{
    public const string Pricing = "pricing";
    public const string DemoRequest = "demo-request";
    public const string ProductQuestion = "product-question";
    public const string Integration = "integration";
    public const string SecurityCompliance = "security-compliance";
    public const string Support = "support";
    public const string Careers = "careers";
    public const string Partnership = "partnership";
    public const string Other = "other";
    public const string Awareness = "awareness";
    public const string Consideration = "consideration";
    public const string Decision = "decision";
    public const string Positive = "positive";
    public const string Neutral = "neutral";
    public const string Negative = "negative";
    public const string Spam = "spam";

    public LabelSet(string version, IReadOnlyList<LabelDefinition> labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Version = version;
        Labels = labels;
    }

    /// <summary>The set every tenant starts with. Bump the version whenever a label or the offline rules change.</summary>
    public static LabelSet Default { get; } = new("v1",
    [
        new(Pricing, LabelGroup.Intent, "The visitor asks what it costs: prices, plans, quotes, licences, seats, discounts or billing."),
        new(DemoRequest, LabelGroup.Intent, "The visitor wants a demo, a trial, a meeting or a call with sales to see the product."),
        new(ProductQuestion, LabelGroup.Intent, "The visitor asks what the product does, how a feature works or whether it can do something."),
        new(Integration, LabelGroup.Intent, "The visitor asks how the product connects to other tools: APIs, webhooks, CRM, Slack, imports and exports."),
        new(SecurityCompliance, LabelGroup.Intent, "The visitor asks about security, GDPR, SOC 2, ISO 27001, encryption, single sign-on or where data is hosted."),
        new(Support, LabelGroup.Intent, "An existing customer needs help: an error, a bug, a login problem, an account or a ticket."),
        new(Careers, LabelGroup.Intent, "The visitor asks about jobs, internships, hiring or applying to work at the company."),
        new(Partnership, LabelGroup.Intent, "The visitor proposes a partnership: reselling, an agency, affiliates, referrals or co-marketing."),
        new(Other, LabelGroup.Intent, "Greetings, small talk or anything that is none of the other intents."),
        new(Awareness, LabelGroup.Stage, "Learning what the company or product is."),
        new(Consideration, LabelGroup.Stage, "Comparing options: pricing in general, integrations, security, alternatives."),
        new(Decision, LabelGroup.Stage, "Ready to buy: a demo, a quote for a quantity, a contract, a start date."),
        new(Positive, LabelGroup.Sentiment, "The visitor is pleased or thankful."),
        new(Neutral, LabelGroup.Sentiment, "Neither pleased nor unhappy."),
        new(Negative, LabelGroup.Sentiment, "The visitor is frustrated, disappointed or angry."),
        new(Spam, LabelGroup.Spam, "Advertising, SEO or crypto offers, gibberish or an automated bot rather than a prospect."),
    ]);

    public string Version { get; }

    public IReadOnlyList<LabelDefinition> Labels { get; }

    public IEnumerable<LabelDefinition> InGroup(LabelGroup group) => Labels.Where(l => l.Group == group);

    public bool Contains(LabelGroup group, string name) => Labels.Any(l => l.Group == group && l.Name == name);
}
