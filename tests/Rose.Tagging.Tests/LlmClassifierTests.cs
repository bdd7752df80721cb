using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Tagging.Classification;
using Rose.Tagging.Labels;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Tagging.Tests;

/// <summary>The LLM classifier through Rose.Llm's real OpenAI-compatible client, against a local server speaking that wire protocol.</summary>
public sealed class LlmClassifierTests : IAsyncLifetime
{
    private readonly ExternalApiStub llm = new();
    private RoseAppFactory<Program> app = null!;

    private static ConversationTranscript Transcript { get; } = new(
    [
        new(TranscriptMessage.Visitor, "We're an agency; what would 40 seats cost for our clients?", []),
        new("assistant", "Our plans are listed on the pricing page [1].", ["Pricing"]),
    ]);

    public Task InitializeAsync()
    {
        app = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .WithStubLlm(llm.Url, "tagging");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        llm.Dispose();
    }

    [Fact]
    public async Task A_valid_reply_gives_the_llm_labels_and_the_cited_topics()
    {
        Reply("""{"intents": ["partnership", "pricing"], "stage": "consideration", "sentiment": "neutral", "language": "en", "spam": false}""");

        var tags = await ClassifyAsync();

        Assert.Equal("main/stub-model", tags.Classifier);
        Assert.Equal(["partnership", "pricing"], tags.Tags.Where(t => t.Group == LabelGroup.Intent).Select(t => t.Label));
        Assert.Equal(LabelSet.Consideration, tags.Stage);
        Assert.Contains(tags.Tags, t => t is { Group: LabelGroup.Topic, Label: "Pricing" });
        var request = JsonDocument.Parse(llm.Server.LogEntries.Single().RequestMessage.Body!).RootElement.GetProperty("messages");
        Assert.Contains("demo-request: The visitor wants a demo", request[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("Visitor: We're an agency", request[1].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_reply_is_asked_for_once_more_with_what_was_wrong()
    {
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost()).InScenario("retry").WillSetStateTo("asked")
            .RespondWith(Completion("""{"intents": ["buy-now"], "stage": "decision", "sentiment": "neutral", "language": "en"}"""));
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost()).InScenario("retry").WhenStateIs("asked")
            .RespondWith(Completion("```json\n{\"intents\": [\"pricing\"], \"stage\": \"decision\", \"sentiment\": \"positive\", \"language\": \"en\", \"spam\": false}\n```"));

        var tags = await ClassifyAsync();

        Assert.Equal(2, llm.CallsTo("/v1/chat/completions"));
        Assert.Equal("main/stub-model", tags.Classifier);
        Assert.Equal(LabelSet.Pricing, tags.Intent);
        Assert.Equal(LabelSet.Positive, tags.Tags.Single(t => t.Group == LabelGroup.Sentiment).Label);
        var retry = llm.Server.LogEntries[^1].RequestMessage.Body!;
        Assert.Contains("unknown intent label(s): buy-now", retry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_invalid_replies_fall_back_to_the_offline_classifier()
    {
        Reply("I think this visitor wants pricing.");

        var tags = await ClassifyAsync();

        Assert.Equal(2, llm.CallsTo("/v1/chat/completions"));
        Assert.Equal(OfflineConversationClassifier.Name, tags.Classifier);
        Assert.Equal(LabelSet.Pricing, tags.Intent);
    }

    [Fact]
    public async Task A_provider_error_falls_back_to_the_offline_classifier()
    {
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"error": {"message": "overloaded"}}"""));

        var tags = await ClassifyAsync();

        Assert.True(llm.CallsTo("/v1/chat/completions") >= 1);
        Assert.Equal(OfflineConversationClassifier.Name, tags.Classifier);
        Assert.Equal(LabelSet.Pricing, tags.Intent);
    }

    private static IResponseBuilder Completion(string content) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(OpenAiWire.Completion(content, model: "stub-model"));

    private void Reply(string content) =>
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost()).RespondWith(Completion(content));

    private async Task<ConversationTags> ClassifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var classifier = scope.ServiceProvider.GetRequiredService<IConversationClassifier>();
        Assert.IsType<LlmConversationClassifier>(classifier);
        return await classifier.ClassifyAsync("acme", Transcript, LabelSet.Default, CancellationToken.None);
    }
}
