using Rose.Enrichment.Identification;
using Rose.Tagging.Classification;
using Rose.Tagging.Labels;
using Rose.Tagging.Scoring;
using Xunit;

namespace Rose.Tagging.Tests;

/// <summary>Scores are the sum of their factors, with reasons; weights, profile, bounds and decay.</summary>
[Collection(EmbedderCollection.Name)]
public sealed class LeadScorerTests(EmbedderFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Score_always_equals_the_sum_of_its_factors_over_the_labelled_set()
    {
        var classifier = new OfflineConversationClassifier(fixture.Embedder);
        var emails = new[] { null, "ana@northwind.com", "bob@gmail.com" };
        var company = EmailDomainCompanies.Identify("ana@northwind.com")! with { Industry = "Software", Employees = 400, Country = "FR" };
        var profile = new ScoringSettings(new IdealCustomerProfile(["software"], 200, 1000, ["FR"]), new Dictionary<string, int>(), 60);
        var scored = 0;
        foreach (var (conversation, i) in LabelledConversation.All.Select((c, i) => (c, i)))
        {
            var tags = await classifier.ClassifyAsync("acme", conversation.Transcript(), LabelSet.Default, CancellationToken.None);
            var email = emails[i % emails.Length];
            var signals = new LeadSignals(tags, conversation.Transcript(), email, email == emails[1] ? company : null, i % 4, i % 7 == 0, Now.AddDays(-(i % 40)));

            var score = LeadScorer.Score(signals, profile, Now);

            Assert.InRange(score.Value, 0, 100);
            Assert.Equal(score.Value, score.Factors.Sum(f => f.Points));
            Assert.All(score.Factors, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
            scored++;
        }

        Assert.Equal(LabelledConversation.All.Count, scored);
    }

    [Fact]
    public void Score_of_a_pricing_request_for_seats_from_a_company_in_the_profile_names_every_reason_and_applies_tenant_weights()
    {
        var transcript = Transcript("What would 200 seats cost per year?", "Please send a quote.");
        var tags = Tags((LabelSet.Pricing, LabelGroup.Intent), (LabelSet.Decision, LabelGroup.Stage));
        var company = new CompanyIdentification("test", MatchKinds.Provider, 0.9, "Northwind", "northwind.com", "Software", 400, "FR");
        var settings = new ScoringSettings(new IdealCustomerProfile(["Software"], 200, 1000, ["fr"]), new Dictionary<string, int> { ["fit.country"] = 0, ["engagement.email"] = 10 }, 60);

        var score = LeadScorer.Score(new LeadSignals(tags, transcript, "ana@northwind.com", company, 0, false, Now), settings, Now);

        Assert.Equal(
            ["intent.pricing", "stage.decision", "intent.quantity", "fit.company", "fit.industry", "fit.size", "engagement.email"],
            score.Factors.Select(f => f.Key));
        Assert.Equal(25 + 15 + 10 + 10 + 10 + 15 + 10, score.Value);
        Assert.Contains(score.Factors, f => f.Reason == "asked for pricing");
        Assert.Contains(score.Factors, f => f.Reason == "mentioned 200 seats or users");
        Assert.Contains(score.Factors, f => f.Reason == "company size 400 is in your profile (200–1000)");
    }

    [Fact]
    public void Score_over_100_is_held_at_100_by_a_bound_factor()
    {
        var tags = Tags((LabelSet.DemoRequest, LabelGroup.Intent), (LabelSet.Pricing, LabelGroup.Intent), (LabelSet.Decision, LabelGroup.Stage));
        var settings = ScoringSettings.Default with { Weights = new Dictionary<string, int> { ["intent.demo-request"] = 90 } };

        var score = LeadScorer.Score(new LeadSignals(tags, Transcript("demo and prices for 300 users"), "a@b.com", null, 0, false, Now), settings, Now);

        Assert.Equal(100, score.Value);
        var bound = Assert.Single(score.Factors, f => f.Key == ScoreWeights.Bound);
        Assert.True(bound.Points < 0);
        Assert.Equal(100, score.Factors.Sum(f => f.Points));
    }

    [Fact]
    public void Score_takes_points_for_free_mail_and_spam_and_never_goes_below_zero()
    {
        var tags = Tags((LabelSet.Other, LabelGroup.Intent), (LabelSet.Spam, LabelGroup.Spam));

        var score = LeadScorer.Score(new LeadSignals(tags, Transcript("cheap backlinks"), "x@gmail.com", null, 0, false, Now), ScoringSettings.Default, Now);

        Assert.Equal(0, score.Value);
        Assert.Contains(score.Factors, f => f is { Key: ScoreWeights.NegativeFreeMail, Points: -10, Reason: "personal e-mail domain (gmail.com)" });
        Assert.Contains(score.Factors, f => f is { Key: ScoreWeights.NegativeSpam, Points: -60 });
        Assert.Equal(0, score.Factors.Sum(f => f.Points));
    }

    [Fact]
    public void Score_decays_with_the_weeks_since_the_last_activity_at_most_by_half()
    {
        var tags = Tags((LabelSet.DemoRequest, LabelGroup.Intent), (LabelSet.Decision, LabelGroup.Stage));
        var transcript = Transcript("Can we book a demo?");

        var fresh = LeadScorer.Score(new LeadSignals(tags, transcript, null, null, 0, false, Now.AddDays(-3)), ScoringSettings.Default, Now);
        var twoWeeks = LeadScorer.Score(new LeadSignals(tags, transcript, null, null, 0, false, Now.AddDays(-15)), ScoringSettings.Default, Now);
        var year = LeadScorer.Score(new LeadSignals(tags, transcript, null, null, 0, false, Now.AddDays(-365)), ScoringSettings.Default, Now);

        Assert.Equal(45, fresh.Value);
        Assert.Equal(36, twoWeeks.Value);
        Assert.Contains(twoWeeks.Factors, f => f is { Key: ScoreWeights.Decay, Points: -9, Reason: "no activity for 2 weeks" });
        // Half of 45 is 22.5 points: 23 are taken, rounding away from zero.
        Assert.Equal(22, year.Value);
    }

    private static ConversationTranscript Transcript(params string[] visitor) =>
        new([.. visitor.Select(v => new TranscriptMessage(TranscriptMessage.Visitor, v, []))]);

    private static ConversationTags Tags(params (string Label, LabelGroup Group)[] tags) =>
        new([.. tags.Select(t => new AssignedTag(t.Label, t.Group, 0.9))], "test");
}
