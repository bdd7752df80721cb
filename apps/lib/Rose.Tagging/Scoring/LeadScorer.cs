using Rose.Enrichment.Identification;
using Rose.Tagging.Classification;
using Rose.Tagging.Labels;

namespace Rose.Tagging.Scoring;

/// <summary>
/// Scores a lead 0–100 from its signals, factor by factor: every point comes from a named factor with
/// its reason, and the factors always add up to the score (a <see cref="ScoreWeights.Bound"/> factor
/// says so when the sum had to be held within 0–100). Pure and deterministic.
/// </summary>
public static class LeadScorer
{
    private static readonly (string Label, string Key, string Reason)[] IntentFactors =
    [
        (LabelSet.DemoRequest, ScoreWeights.IntentDemo, "asked for a demo"),
        (LabelSet.Pricing, ScoreWeights.IntentPricing, "asked for pricing"),
        (LabelSet.Integration, ScoreWeights.IntentIntegration, "asked about integrations"),
        (LabelSet.SecurityCompliance, ScoreWeights.IntentSecurity, "asked about security & compliance"),
        (LabelSet.ProductQuestion, ScoreWeights.IntentProduct, "asked about the product"),
        (LabelSet.Partnership, ScoreWeights.IntentPartnership, "proposed a partnership"),
        (LabelSet.Support, ScoreWeights.IntentSupport, "asked for support (likely an existing customer)"),
        (LabelSet.Careers, ScoreWeights.IntentCareers, "asked about jobs, not buying"),
    ];

    public static LeadScore Score(LeadSignals signals, ScoringSettings settings, DateTimeOffset now)
    {
        var factors = new List<ScoreFactor>();
        void Add(string key, string reason, int? points = null)
        {
            var value = points ?? settings.Weight(key);
            if (value != 0)
            {
                factors.Add(new ScoreFactor(key, value, reason));
            }
        }

        var tags = signals.Tags;
        foreach (var (label, key, reason) in IntentFactors.Where(f => tags.Has(LabelGroup.Intent, f.Label)))
        {
            Add(key, reason);
        }

        if (tags.Has(LabelGroup.Stage, LabelSet.Decision))
        {
            Add(ScoreWeights.StageDecision, "ready to decide (decision stage)");
        }
        else if (tags.Has(LabelGroup.Stage, LabelSet.Consideration))
        {
            Add(ScoreWeights.StageConsideration, "comparing options (consideration stage)");
        }

        if (OfflineConversationClassifier.QuantityMentioned(signals.Transcript.NormalizedVisitorText) is { } quantity && quantity >= 5)
        {
            Add(ScoreWeights.Quantity, $"mentioned {quantity} seats or users");
        }

        AddFit(signals.Company, settings, Add);

        if (signals.Email is not null)
        {
            Add(ScoreWeights.EngagementEmail, "left an e-mail address");
            if (EmailDomainCompanies.IsFreeMail(signals.Email))
            {
                Add(ScoreWeights.NegativeFreeMail, $"personal e-mail domain ({EmailDomainCompanies.DomainOf(signals.Email)})");
            }
        }

        var questions = signals.Transcript.VisitorMessageCount;
        if (questions >= 3)
        {
            var points = settings.Weight(ScoreWeights.EngagementMessages) * (questions >= 6 ? 2 : 1);
            Add(ScoreWeights.EngagementMessages, $"sent {questions} messages", points);
        }

        if (signals.PreviousConversations > 0)
        {
            var visits = Math.Min(signals.PreviousConversations, 3);
            Add(ScoreWeights.EngagementReturn, signals.PreviousConversations == 1 ? "came back after an earlier conversation" : $"came back after {signals.PreviousConversations} earlier conversations",
                settings.Weight(ScoreWeights.EngagementReturn) * visits);
        }

        if (tags.IsSpam)
        {
            Add(ScoreWeights.NegativeSpam, "looks like spam or a bot");
        }

        if (signals.HostingNetwork)
        {
            Add(ScoreWeights.NegativeHosting, "came from a hosting or VPN network (a likely bot)");
        }

        AddDecay(factors, signals.LastActivityAt, settings, now);

        var sum = factors.Sum(f => f.Points);
        var value = Math.Clamp(sum, 0, 100);
        if (value != sum)
        {
            factors.Add(new ScoreFactor(ScoreWeights.Bound, value - sum, value == 100 ? "a score tops out at 100" : "a score cannot go below 0"));
        }

        return new LeadScore(value, factors);
    }

    private static void AddFit(CompanyIdentification? company, ScoringSettings settings, Action<string, string, int?> add)
    {
        if (company is null)
        {
            return;
        }

        add(ScoreWeights.FitCompany, $"company identified: {company.Name}{(company.Domain is null ? string.Empty : $" ({company.Domain})")}", null);
        var profile = settings.Profile;
        if (company.Industry is { } industry && profile.Industries.Contains(industry, StringComparer.OrdinalIgnoreCase))
        {
            add(ScoreWeights.FitIndustry, $"industry {industry} is in your profile", null);
        }

        if (company.Employees is { } size && (profile.SizeMin is not null || profile.SizeMax is not null)
            && size >= (profile.SizeMin ?? 0) && size <= (profile.SizeMax ?? int.MaxValue))
        {
            add(ScoreWeights.FitSize, $"company size {size} is in your profile ({profile.SizeMin ?? 0}–{(profile.SizeMax is { } max ? max.ToString(System.Globalization.CultureInfo.InvariantCulture) : "any")})", null);
        }

        if (company.Country is { } country && profile.Countries.Contains(country, StringComparer.OrdinalIgnoreCase))
        {
            add(ScoreWeights.FitCountry, $"country {country.ToUpperInvariant()} is in your profile", null);
        }
    }

    /// <summary>A lead cools down: a share of its points per full week without activity, at most half of them (as HubSpot's scores decay).</summary>
    private static void AddDecay(List<ScoreFactor> factors, DateTimeOffset lastActivityAt, ScoringSettings settings, DateTimeOffset now)
    {
        var weeks = (int)Math.Floor((now - lastActivityAt).TotalDays / 7);
        var sum = factors.Sum(f => f.Points);
        var percentPerWeek = settings.Weight(ScoreWeights.Decay);
        if (weeks < 1 || sum <= 0 || percentPerWeek <= 0)
        {
            return;
        }

        var share = Math.Min(0.5, weeks * percentPerWeek / 100.0);
        var points = -(int)Math.Round(sum * share, MidpointRounding.AwayFromZero);
        if (points != 0)
        {
            factors.Add(new ScoreFactor(ScoreWeights.Decay, points, weeks == 1 ? "no activity for a week" : $"no activity for {weeks} weeks"));
        }
    }
}
