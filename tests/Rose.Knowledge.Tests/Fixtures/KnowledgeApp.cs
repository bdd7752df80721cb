using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rose.Knowledge.Endpoints;
using Rose.Llm.Embeddings;
using Rose.Tenancy;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>
/// A web app composed like the hosts (tenancy, knowledge, the management API), on a SQLite file
/// in <paramref name="dataPath"/>, served in memory; documents load in the background as in production.
/// </summary>
public sealed class KnowledgeApp(WebApplication app) : IAsyncDisposable
{
    public IServiceProvider Services => app.Services;

    public static async Task<KnowledgeApp> StartAsync(string dataPath)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration["Rose:DataPath"] = dataPath;
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<ITextEmbedder>(SharedEmbedder.Instance);
        builder.Services.AddRoseTenancy(builder.Configuration);
        builder.Services.AddKnowledgeAsHosted(builder.Configuration);
        var app = builder.Build();
        app.UseRoseTenancy();
        app.MapKnowledgeApi();
        await app.StartAsync();
        return new KnowledgeApp(app);
    }

    public async Task<HttpClient> ClientForNewTenantAsync(string tenantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<TenantAdministration>().CreateAsync(new NewTenant(tenantId, tenantId), CancellationToken.None);
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.ApiKey);
        return client;
    }

    public HttpClient AnonymousClient() => app.GetTestClient();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
