namespace Rose.Tagging.Scoring;

/// <summary>
/// The factors a score is made of and their default points. A tenant overrides any of them
/// (<c>PUT /api/v1/scoring</c>); the defaults follow what B2B sales teams weigh (HubSpot's and
/// Qualified's examples): explicit buying intent first, then fit, then engagement.
/// </summary>
public static class ScoreWeights
{
    public const string IntentDemo = "intent.demo-request";
    public const string IntentPricing = "intent.pricing";
    public const string IntentIntegration = "intent.integration";
    public const string IntentSecurity = "intent.security-compliance";
    public const string IntentProduct = "intent.product-question";
    public const string IntentPartnership = "intent.partnership";
    public const string IntentSupport = "intent.support";
    public const string IntentCareers = "intent.careers";
    public const string StageDecision = "stage.decision";
    public const string StageConsideration = "stage.consideration";
    public const string Quantity = "intent.quantity";
    public const string FitCompany = "fit.company";
    public const string FitIndustry = "fit.industry";
    public const string FitSize = "fit.size";
    public const string FitCountry = "fit.country";
    public const string EngagementEmail = "engagement.email";
    public const string EngagementMessages = "engagement.messages";
    public const string EngagementReturn = "engagement.return-visit";
    public const string NegativeFreeMail = "negative.free-mail";
    public const string NegativeSpam = "negative.spam";
    public const string NegativeHosting = "negative.hosting-network";

    /// <summary>Points lost per full week since the last activity, as a share of the score (at most half).</summary>
    public const string Decay = "decay";

    /// <summary>Keeps the sum within 0–100; never weighted.</summary>
    public const string Bound = "bound";

    public static IReadOnlyDictionary<string, int> Defaults { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [IntentDemo] = 30,
        [IntentPricing] = 25,
        [IntentIntegration] = 10,
        [IntentSecurity] = 10,
        [IntentProduct] = 5,
        [IntentPartnership] = 5,
        [IntentSupport] = -10,
        [IntentCareers] = -25,
        [StageDecision] = 15,
        [StageConsideration] = 8,
        [Quantity] = 10,
        [FitCompany] = 10,
        [FitIndustry] = 10,
        [FitSize] = 15,
        [FitCountry] = 5,
        [EngagementEmail] = 15,
        [EngagementMessages] = 5,
        [EngagementReturn] = 5,
        [NegativeFreeMail] = -10,
        [NegativeSpam] = -60,
        [NegativeHosting] = -15,
        [Decay] = 10,
    };
}
