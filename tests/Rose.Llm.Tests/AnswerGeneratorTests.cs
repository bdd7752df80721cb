using System.Text.Json;
using Rose.Llm.Answering;
using Rose.Llm.Composer;
using Rose.Llm.Prompts;
using Rose.Llm.Routing;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using WireMock.RequestBuilders;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class AnswerGeneratorTests : IDisposable
{
    private readonly ExternalApiStub stub = new();
    private readonly IReadOnlyList<GroundingPassage> passages = Fixtures.Passages("acme-en");

    [Fact]
    public async Task StreamAnswerAsync_composes_offline_when_no_provider_is_configured()
    {
        await using var host = await LlmTestHost.StartAsync(new Dictionary<string, string?>());

        var updates = await host.Answers.StreamAnswerAsync(new AnswerRequest("acme", "How much does the Pro plan cost?", passages), CancellationToken.None).ToListAsync();

        var completed = updates[^1].Completed;
        Assert.NotNull(completed);
        Assert.All(updates[..^1], u => Assert.Null(u.Completed));
        Assert.Equal(completed.Text, string.Concat(updates.Select(u => u.Delta)));
        Assert.Equal(AnswerSource.Offline, completed.Source);
        Assert.Equal(OfflineReason.NotConfigured, completed.OfflineReason);
        Assert.Contains("49 euros", completed.Text, StringComparison.Ordinal);
        Assert.Equal("acme:pricing", Assert.Single(completed.Citations).Passage.DocumentId);
    }

    [Fact]
    public async Task StreamAnswerAsync_streams_the_llm_answer_with_its_citations_and_the_tenants_voice()
    {
        stub.Server.OpenAiStream("The Pro plan costs ", "49 euros per user [1].");
        await using var host = await LlmTestHost.StartAsync(TestSettings.OpenAiCompatible("main", stub.Url));
        var request = new AnswerRequest("acme", "How much does the Pro plan cost?", passages)
        {
            Voice = new TenantVoice(AssistantName: "Ava", Tone: "warm and playful"),
        };

        var answer = await host.Answers.AnswerAsync(request, CancellationToken.None);

        Assert.Equal(AnswerSource.Llm, answer.Source);
        Assert.Equal("main", answer.Provider);
        Assert.Equal("The Pro plan costs 49 euros per user [1].", answer.Text);
        Assert.Equal("acme:pricing", Assert.Single(answer.Citations).Passage.DocumentId);
        using var body = JsonDocument.Parse(Assert.Single(stub.Server.LogEntries).RequestMessage.Body!);
        var system = body.RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!;
        Assert.StartsWith("You are Ava,", system, StringComparison.Ordinal);
        Assert.Contains("warm and playful", system, StringComparison.Ordinal);
        Assert.Contains("[2] Security and hosting", system, StringComparison.Ordinal);
        Assert.Contains("Frankfurt", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAnswerAsync_composes_offline_without_an_error_when_every_provider_fails()
    {
        stub.Server.Status(StubResponses.ChatPath, 503);
        await using var host = await LlmTestHost.StartAsync(TestSettings.OpenAiCompatible("main", stub.Url));

        var answer = await host.Answers.AnswerAsync(new AnswerRequest("acme", "Where is my data hosted?", passages), CancellationToken.None);

        Assert.Equal(AnswerSource.Offline, answer.Source);
        Assert.Equal(OfflineReason.ProvidersFailed, answer.OfflineReason);
        Assert.Contains("Frankfurt", answer.Text, StringComparison.Ordinal);
        Assert.Equal(3, stub.CallsTo(StubResponses.ChatPath));
    }

    [Fact]
    public async Task StreamAnswerAsync_declines_without_calling_the_llm_when_retrieval_is_not_relevant()
    {
        stub.Server.OpenAiStream("should not be asked");
        var settings = TestSettings.OpenAiCompatible("main", stub.Url);
        settings["Rose:Llm:Composer:CheckConfidenceBeforeLlm"] = "true";
        await using var host = await LlmTestHost.StartAsync(settings);

        var answer = await host.Answers.AnswerAsync(new AnswerRequest("acme", "Can I order a pizza with extra cheese?", passages), CancellationToken.None);

        Assert.True(answer.Declined);
        Assert.True(answer.OfferContact);
        Assert.Equal(OfflineReason.LowConfidence, answer.OfflineReason);
        Assert.Equal(0, stub.CallsTo(StubResponses.ChatPath));
    }

    [Fact]
    public async Task StreamAnswerAsync_fails_the_turn_when_the_llm_breaks_off_mid_answer()
    {
        stub.Server.Given(Request.Create().WithPath(StubResponses.ChatPath).UsingPost())
            .RespondWith(StubResponses.Sse(OpenAiWire.BrokenAfterFirstToken("The Pro plan ")));
        await using var host = await LlmTestHost.StartAsync(TestSettings.OpenAiCompatible("main", stub.Url));
        var deltas = new List<string>();

        await Assert.ThrowsAsync<LlmStreamInterruptedException>(async () =>
        {
            await foreach (var update in host.Answers.StreamAnswerAsync(new AnswerRequest("acme", "How much does the Pro plan cost?", passages), CancellationToken.None))
            {
                deltas.Add(update.Delta);
            }
        });

        Assert.Equal(["The Pro plan "], deltas);
    }

    public void Dispose() => stub.Dispose();
}
