using Dapr.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rose.Platform.Bindings;
using Rose.Platform.Dapr;
using Rose.Platform.Embedded;
using Rose.Platform.Embedded.PubSub;
using Rose.Platform.Embedded.Workflows;
using Rose.Platform.Invocation;
using Rose.Platform.PubSub;
using Rose.Platform.State;
using Rose.Platform.Workflows;

namespace Rose.Platform;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>
    /// The building-block ports (<see cref="IStateStore"/>, <see cref="IEventPublisher"/>,
    /// <see cref="IServiceInvoker"/>, <see cref="IBlobStore"/>, <see cref="IWorkflowScheduler"/> on the
    /// embedded runtime) with the adapters <c>Rose:Runtime</c> names: <c>Embedded</c> (default) or <c>Dapr</c>.
    /// </summary>
    public static IServiceCollection AddRosePlatform(this IServiceCollection services, IConfiguration configuration)
    {
        var runtime = ReadRuntime(configuration);
        services.AddOptions<PlatformOptions>()
            .Bind(configuration.GetSection(PlatformOptions.SectionName))
            .Configure(options => options.Runtime = runtime)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformOptions>, PlatformOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SubscriptionCatalog>();
        services.TryAddSingleton<EventDispatcher>();
        services.TryAddSingleton<HandledEvents>();
        if (runtime == PlatformRuntime.Dapr)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformOptions>, DaprAppTokenValidator>());
            AddDaprAdapters(services);
        }
        else
        {
            AddEmbeddedAdapters(services);
        }

        return services;
    }

    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> to the topic of <typeparamref name="TEvent"/>.
    /// <paramref name="subscriber"/> (default: the handler's class name) keys its idempotency records.
    /// </summary>
    public static IServiceCollection AddRoseEventHandler<TEvent, THandler>(this IServiceCollection services, string? subscriber = null)
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new EventSubscription(
            Topics.For<TEvent>(),
            typeof(TEvent),
            subscriber ?? typeof(THandler).Name,
            (provider, integrationEvent, ct) => provider.GetRequiredService<THandler>().HandleAsync((TEvent)integrationEvent, ct)));
        return services;
    }

    /// <summary>Runs <typeparamref name="TJob"/> on <paramref name="job"/>'s schedule (a Dapr cron binding, or Cronos in process).</summary>
    public static IServiceCollection AddRoseCronJob<TJob>(this IServiceCollection services, CronJobDefinition job)
        where TJob : class, ICronJob
    {
        var existing = services
            .Select(d => d.ImplementationInstance)
            .OfType<CronJobRegistration>()
            .FirstOrDefault(r => r.Definition.Name == job.Name);
        if (existing is not null)
        {
            // Registering the same job twice (a module and its host) is harmless; two jobs under one name are not.
            return existing.JobType == typeof(TJob) && existing.Definition == job
                ? services
                : throw new InvalidOperationException($"Cron job '{job.Name}' is already registered with {existing.JobType.Name} on '{existing.Definition.Schedule}'.");
        }

        services.TryAddScoped<TJob>();
        services.AddSingleton(new CronJobRegistration(job, typeof(TJob)));
        return services;
    }

    /// <summary>
    /// Hosts the workflows and activities <paramref name="register"/> adds, on Dapr's workflow worker
    /// or the embedded runner, and the <see cref="CronJobs.WorkflowPurge"/> job that deletes old
    /// finished instances. Call it once per app, in the app that runs them (worker, standalone).
    /// </summary>
    public static IServiceCollection AddRoseWorkflows(this IServiceCollection services, IConfiguration configuration, Action<WorkflowRegistrations> register)
    {
        if (services.Any(d => d.ServiceType == typeof(WorkflowsHostedMarker)))
        {
            throw new InvalidOperationException("AddRoseWorkflows was called twice: register every workflow and activity in one call.");
        }

        var registrations = new WorkflowRegistrations();
        register(registrations);
        services.AddSingleton<WorkflowsHostedMarker>();
        // Replaces the empty set AddRosePlatform registers for apps that host no workflow.
        services.RemoveAll<WorkflowRegistrations>();
        services.AddSingleton(registrations);
        services.AddRoseCronJob<WorkflowPurgeJob>(CronJobs.WorkflowPurge);
        if (ReadRuntime(configuration) == PlatformRuntime.Dapr)
        {
            services.AddDaprWorkflow(options => DaprWorkflowRegistration.Apply(registrations, options));
            services.TryAddSingleton<IWorkflowScheduler, DaprWorkflowScheduler>();
        }

        return services;
    }

    private sealed class WorkflowsHostedMarker;

    private static PlatformRuntime ReadRuntime(IConfiguration configuration)
    {
        var value = configuration[PlatformOptions.RuntimeKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return PlatformRuntime.Embedded;
        }

        return Enum.TryParse<PlatformRuntime>(value, ignoreCase: true, out var runtime) && Enum.IsDefined(runtime)
            ? runtime
            : throw new OptionsValidationException(PlatformOptions.RuntimeKey, typeof(PlatformOptions), [$"Rose:Runtime is '{value}'; use Dapr or Embedded."]);
    }

    private static void AddDaprAdapters(IServiceCollection services)
    {
        // Reads DAPR_GRPC_ENDPOINT / DAPR_HTTP_ENDPOINT / DAPR_API_TOKEN from configuration.
        services.AddDaprClient();
        services.TryAddSingleton<IStateStore, DaprStateStore>();
        services.TryAddSingleton<IEventPublisher, DaprEventPublisher>();
        services.TryAddSingleton<IBlobStore, DaprBlobStore>();
        services.TryAddSingleton<IServiceInvoker, DaprServiceInvoker>();
    }

    private static void AddEmbeddedAdapters(IServiceCollection services)
    {
        services.TryAddSingleton<PlatformDatabase>();
        services.TryAddSingleton<SqliteStateStore>();
        services.TryAddSingleton<IStateStore>(provider => provider.GetRequiredService<SqliteStateStore>());
        services.AddHostedService<ExpiredStateSweeper>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<DeadLetterStore>();
        services.TryAddSingleton<IEventPublisher, OutboxEventPublisher>();
        services.AddHostedService<OutboxDispatcher>();
        services.TryAddSingleton<IBlobStore, FileBlobStore>();
        services.AddHttpClient(LoopbackServiceInvoker.ClientName);
        services.TryAddSingleton<IServiceInvoker, LoopbackServiceInvoker>();
        services.AddHostedService<CronScheduler>();
        services.TryAddSingleton(new WorkflowRegistrations());
        services.TryAddSingleton<WorkflowJournal>();
        services.TryAddSingleton<EmbeddedWorkflowRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<EmbeddedWorkflowRunner>());
        services.TryAddSingleton<IWorkflowScheduler, EmbeddedWorkflowScheduler>();
    }
}
