using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Xunit;

namespace Rose.AppHost.Tests;

public sealed class AppHostStartTests : IDisposable
{
    private readonly string pgFolder = Directory.CreateTempSubdirectory("rose-apphost-start-").FullName;

    [Fact]
    public async Task Local_binaries_mode_starts_and_the_standalone_host_answers_health()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Rose_AppHost>(
            ["--Rose:AppHost:Infrastructure=Local", $"--Rose:AppHost:LocalDataPath={pgFolder}", "--Rose:AppHost:Daprd="],
            timeout.Token);
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        await app.ResourceNotifications.WaitForResourceHealthyAsync("standalone", timeout.Token);
        using var client = app.CreateHttpClient("standalone");
        var response = await client.GetAsync("/health", timeout.Token);

        Assert.True(response.IsSuccessStatusCode, $"/health answered {(int)response.StatusCode}");
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(timeout.Token));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(pgFolder, recursive: true);
        }
        catch (IOException)
        {
            // PostgreSQL may still be removing its socket; the temp folder is cleaned by the OS.
        }
    }
}
