using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Rose.Chat;
using Rose.Chat.Data;
using Rose.Crm.Linear;
using Rose.Crm.Linear.Client;
using Rose.Crm.Linear.Connections;
using Rose.Crm.Linear.Data;
using Rose.Crm.Linear.Tickets;
using Rose.Platform.Erasure;
using Rose.Storage;
using Rose.Storage.Secrets;

namespace Rose.Crm;

public static class LinearServiceCollectionExtensions
{
    /// <summary>
    /// The Linear integration as the backoffice hosts it: the per-tenant connection (key encrypted by the
    /// tenant secret protector), the GraphQL client and the tickets made from conversations (see
    /// <c>MapLinearApi</c>). Reads transcripts through Rose.Chat's records, added here when missing.
    /// </summary>
    public static IServiceCollection AddRoseLinear(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(LinearTickets)))
        {
            return services;
        }

        services.AddOptions<LinearOptions>().Bind(configuration.GetSection(LinearOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LinearOptions>, LinearOptionsValidator>();
        services.AddRoseStorage(configuration);
        services.AddRoseTenantSecrets(configuration);
        if (!services.Any(d => d.ImplementationInstance is ModuleDatabase { Module: ChatDbContext.Module }))
        {
            services.AddRoseChatRecords();
        }

        services.AddRoseDbContext<LinearDbContext, LinearSqliteDbContext, LinearPostgresDbContext>(LinearDbContext.Module);
        services.AddTenantDataEraser<LinearTenantErasure>();
        services.TryAddSingleton(TimeProvider.System);
        var http = services.AddHttpClient<LinearClient>((sp, client) =>
        {
            var options = sp.GetRequiredService<IOptions<LinearOptions>>().Value;
            client.BaseAddress = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
            client.Timeout = options.Timeout;
        });
#pragma warning disable EXTEXP0001 // A mutation is not retried behind the clicker's back: Rose's issue id makes a second click safe instead.
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.TryAddScoped<LinearConnections>();
        services.TryAddScoped<LinearTickets>();
        return services;
    }
}
