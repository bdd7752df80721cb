using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rose.Analytics.Events;
using Rose.Chat;
using Rose.Chat.Data;
using Rose.Chat.Events;
using Rose.Crm.Webhooks.Data;
using Rose.Crm.Webhooks.EventHandling;
using Rose.Knowledge.Sources;
using Rose.Platform;
using Rose.Storage;
using Rose.Storage.Secrets;
using Rose.Tagging.Events;
using Rose.Tenancy;
using Rose.Platform.Erasure;

namespace Rose.Crm.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Outbound webhooks as the worker runs them: delivers <c>conversation.ended</c>, <c>lead.captured</c>,
    /// <c>lead.qualified</c> and <c>conversion.recorded</c> to the tenants' endpoints, and retries by cron
    /// (<see cref="WebhookJobs.Deliveries"/>). Includes <see cref="AddRoseWebhookRegistry"/>. Needs Rose.Platform added before it.
    /// </summary>
    public static IServiceCollection AddRoseWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.RequireRosePlatform("Rose.Crm webhooks");
        services.AddRoseWebhookRegistry(configuration);
        if (!services.Any(d => d.ImplementationInstance is ModuleDatabase { Module: ChatDbContext.Module }))
        {
            services.AddRoseChatRecords();
        }

        services.TryAddScoped<WebhookFanOut>();
        services.TryAddScoped<WebhookDispatcher>();
        services.TryAddScoped<WebhookRelay>();
#pragma warning disable EXTEXP0001
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateAddresses;
                return new SocketsHttpHandler
                {
                    // A redirect could lead anywhere, inside included: a 3xx is a failed attempt.
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    ConnectCallback = (context, ct) => PublicAddressConnector.ConnectAsync(context, allowPrivate, ct),
                };
            })
            // Retries are the dispatcher's (logged, backed off over hours), not a resilience handler's hidden ones.
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddRoseEventHandler<ConversationEnded, ConversationEndedWebhooks>();
        services.AddRoseEventHandler<LeadCaptured, LeadCapturedWebhooks>();
        services.AddRoseEventHandler<LeadQualified, LeadQualifiedWebhooks>();
        services.AddRoseEventHandler<ConversionRecorded, ConversionRecordedWebhooks>();
        services.AddRoseCronJob<WebhookDeliveryJob>(WebhookJobs.Deliveries);
        return services;
    }

    /// <summary>What the management API needs (the backoffice): <c>/api/v1/webhooks</c>' registry, with the URL guard and the secret key ring.</summary>
    public static IServiceCollection AddRoseWebhookRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(TenantDirectory)))
        {
            services.AddRoseTenancy(configuration);
        }

        services.AddRoseTenantSecrets(configuration);
        if (!services.Any(d => d.ImplementationInstance is ModuleDatabase { Module: WebhookDbContext.Module }))
        {
            services.AddRoseDbContext<WebhookDbContext, WebhookSqliteDbContext, WebhookPostgresDbContext>(WebhookDbContext.Module);
            services.AddTenantDataEraser<WebhooksTenantErasure>();
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookUrlGuard>();
        services.TryAddScoped<WebhookRegistry>();
        return services;
    }
}
