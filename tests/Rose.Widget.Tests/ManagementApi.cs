using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rose.Widget.Tests;

/// <summary>The demo tenant's management API (knowledge documents, skills), as its staff would call it.</summary>
public sealed class ManagementApi : IDisposable
{
    private readonly HttpClient client;

    public ManagementApi(Uri address)
    {
        client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StandaloneHostFixture.ApiKey);
    }

    /// <summary>Submits an inline Markdown document and returns its id.</summary>
    public async Task<string> SubmitMarkdownAsync(string title, string url, string content)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/knowledge/documents", new { title, url, content, contentType = "text/markdown" });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Submitting '{title}' answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Waits, bounded, until the documents that match are indexed; fails at once if one failed to load.</summary>
    public async Task WaitUntilIndexedAsync(Func<JsonElement, bool> which, int atLeast, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var last = "";
        while (true)
        {
            var documents = await client.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/documents", deadline.Token);
            var matching = documents.EnumerateArray().Where(which).ToList();
            last = string.Join(", ", matching.Select(d => $"{d.GetProperty("title").GetString()}: {d.GetProperty("status").GetString()}"));
            if (matching.FirstOrDefault(d => d.GetProperty("status").GetString() == "failed") is { ValueKind: JsonValueKind.Object } failed)
            {
                throw new InvalidOperationException("A document failed to load: " + failed);
            }

            if (matching.Count(d => d.GetProperty("status").GetString() == "indexed") >= atLeast)
            {
                return;
            }

            try
            {
                await Task.Delay(250, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Documents not indexed after {timeout}: {last}");
            }
        }
    }

    /// <summary>Replaces the tenant's skills (the endings of answers).</summary>
    public async Task ReplaceSkillsAsync(object skills)
    {
        using var response = await client.PutAsJsonAsync("/api/v1/skills", skills);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Replacing skills answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Widget events recorded for the tenant in the last day, counted by type.</summary>
    public async Task<IReadOnlyDictionary<string, int>> EventCountsAsync()
    {
        var counts = await client.GetFromJsonAsync<JsonElement>("/api/v1/analytics/events?days=1");
        return counts.EnumerateArray()
            .GroupBy(c => c.GetProperty("type").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.GetProperty("count").GetInt32()));
    }

    public void Dispose() => client.Dispose();
}
