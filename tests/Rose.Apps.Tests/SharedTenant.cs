extern alias backoffice;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Tenancy;
using Rose.Testing;
using Xunit;

namespace Rose.Apps.Tests;

/// <summary>
/// A data folder holding one tenant with one indexed document, made the way a client makes it: the
/// tenant created, then a Markdown page uploaded through the backoffice's management API and loaded
/// by DocumentLoadingWorkflow (in process: the backoffice on the embedded runtime hosts it).
/// </summary>
public sealed class SharedTenant : IAsyncLifetime
{
    public const string TenantId = "acme";
    public const string DocumentUrl = "https://acme.test/docs/pricing";

    public string DataPath { get; } = Directory.CreateTempSubdirectory("rose-apps-").FullName;

    public string PublicKey { get; private set; } = string.Empty;

    public string ApiKey { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await using var app = new RoseAppFactory<backoffice::Program>().OnData(DataPath);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<TenantAdministration>().CreateAsync(new NewTenant(TenantId, "Acme"), CancellationToken.None);
            PublicKey = created.Tenant.PublicKey;
            ApiKey = created.ApiKey;
        }

        using var management = app.CreateClient();
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        var response = await management.PostAsJsonAsync("/api/v1/knowledge/documents", new
        {
            title = "Pricing",
            url = DocumentUrl,
            contentType = "text/markdown",
            content = "# Pricing\n\nThe Classroom kit costs 390 euros per year for up to 30 pupils. Schools pay by invoice within 30 days.",
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var view = await management.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/documents/{Uri.EscapeDataString(id)}", timeout.Token);
            var status = view.GetProperty("status").GetString();
            Assert.NotEqual("failed", status, StringComparer.OrdinalIgnoreCase);
            if (string.Equals(status, "indexed", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataPath, recursive: true);
        return Task.CompletedTask;
    }
}
