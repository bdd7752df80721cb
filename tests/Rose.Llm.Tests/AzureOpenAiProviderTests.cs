using System.Text.Json;
using Microsoft.Extensions.AI;
using Rose.Llm.Configuration;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using WireMock.RequestBuilders;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class AzureOpenAiProviderTests : IDisposable
{
    private const string DeploymentPath = "/openai/deployments/rose-gpt4o/chat/completions";
    private readonly ExternalApiStub stub = new();

    [Fact]
    public async Task StreamAsync_calls_the_deployment_path_with_the_api_key_header()
    {
        stub.Server.Given(Request.Create().WithPath(DeploymentPath).UsingPost())
            .RespondWith(StubResponses.Sse(OpenAiWire.Stream(["Hosted ", "in the EU."], model: "gpt-4o")));
        await using var host = await LlmTestHost.StartAsync(Settings());

        var text = await host.Router.StreamAsync(LlmPurposes.Answer, "acme", [new ChatMessage(ChatRole.User, "Where is my data hosted?")], CancellationToken.None).JoinAsync();

        Assert.Equal("Hosted in the EU.", text);
        var request = Assert.Single(stub.Server.LogEntries).RequestMessage;
        Assert.Equal(DeploymentPath, request.Path);
        Assert.Equal("azure-secret", request.Headers!["api-key"].Single());
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal("2024-10-21", request.Query!["api-version"].Single());
        using var body = JsonDocument.Parse(request.Body!);
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task StreamAsync_retries_the_deployment_on_500_exactly_max_retries_times()
    {
        stub.Server.Status(DeploymentPath, 500);
        await using var host = await LlmTestHost.StartAsync(Settings());

        await Assert.ThrowsAsync<Routing.LlmUnavailableException>(() =>
            host.Router.StreamAsync(LlmPurposes.Answer, "acme", [new ChatMessage(ChatRole.User, "hi")], CancellationToken.None).JoinAsync());

        Assert.Equal(3, stub.CallsTo(DeploymentPath));
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Rose:Llm:Providers:azure:Kind"] = "AzureOpenAI",
        ["Rose:Llm:Providers:azure:Endpoint"] = stub.Url,
        ["Rose:Llm:Providers:azure:Deployment"] = "rose-gpt4o",
        ["Rose:Llm:Providers:azure:Model"] = "gpt-4o",
        ["Rose:Llm:Providers:azure:ApiVersion"] = "2024-10-21",
        ["Rose:Llm:Providers:azure:ApiKey"] = "azure-secret",
    };

    public void Dispose() => stub.Dispose();
}
