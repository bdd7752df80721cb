using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Rose.Storage;

public static class StorageHostExtensions
{
    /// <summary>
    /// Runs the app — or, with <c>Rose:Storage:MigrateOnly=true</c>, applies the pending migrations of every
    /// module the app composes and returns without starting anything else (no hosted service, no server):
    /// a release's migration Job (deploy/k8s/migrations) runs each app's image that way once, so that
    /// replicas started with <c>MigrateOnStart=false</c> never race each other over the schema.
    /// </summary>
    public static async Task RunOrMigrateOnlyAsync(this IHost app)
    {
        if (!app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.MigrateOnly)
        {
            await app.RunAsync();
            return;
        }

        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }
}
