using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Testing;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>
/// The standalone host as the browser tests run it: a data folder of its own, the demo tenant's public
/// key and owner password set, further settings as given; conversations driven through the widget API.
/// Disposing stops it and deletes the folder.
/// </summary>
internal sealed class BackofficeStandalone : IAsyncDisposable
{
    public const string OwnerEmail = "owner@demo.rose.test";

    private readonly StandaloneProcess process;

    private BackofficeStandalone(string dataPath, StandaloneProcess process)
    {
        DataPath = dataPath;
        this.process = process;
    }

    public string DataPath { get; }

    public Uri Address => process.Address;

    /// <summary>What the host has logged so far, to explain a failure.</summary>
    public string Output => process.Output;

    public static async Task<BackofficeStandalone> StartAsync(string publicKey, string ownerPassword, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "rose-backoffice-tests-" + Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Rose__Demo__PublicKey"] = publicKey,
            ["Rose__Demo__OwnerPassword"] = ownerPassword,
        };
        var host = new BackofficeStandalone(dataPath, StandaloneProcess.Start(dataPath, environment));
        await host.process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }

    /// <summary>Starts a conversation as the widget does, from <paramref name="page"/>; returns its id and token.</summary>
    public async Task<(string Id, string Token)> StartConversationAsync(string publicKey, string page = "https://docs.rose.test/start")
    {
        using var widget = Widget(publicKey);
        var started = await (await widget.PostAsJsonAsync("/rose/v1/conversations", new { page })).Content.ReadFromJsonAsync<JsonElement>();
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
    }

    /// <summary>Sends one visitor message and reads the streamed answer to its end.</summary>
    public async Task AskAsync(string publicKey, string id, string token, string question)
    {
        using var widget = Widget(publicKey);
        using var ask = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{id}/messages") { Content = JsonContent.Create(new { text = question }) };
        ask.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var answer = await (await widget.SendAsync(ask)).Content.ReadAsStringAsync();
        Assert.Contains("event: done", answer, StringComparison.Ordinal);
    }

    public HttpClient Widget(string publicKey)
    {
        var widget = new HttpClient { BaseAddress = Address };
        widget.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        return widget;
    }
}
