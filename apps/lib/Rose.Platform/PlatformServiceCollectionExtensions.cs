using Dapr.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rose.Platform.Bindings;
using Rose.Platform.Dapr;
using Rose.Platform.Dapr.DeadLetters;
using Rose.Platform.Embedded;
using Rose.Platform.Embedded.PubSub;
using Rose.Platform.Embedded.Workflows;
using Rose.Platform.Erasure;
using Rose.Platform.Invocation;
using Rose.Platform.PubSub;
using Rose.Platform.State;
using Rose.Platform.Workflows;
using Rose.Storage;

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
        // The transactional outbox: events staged with a module's changes, or published on their own,
        // wait in the database's rose_outbox table until the drainer hands them to the runtime.
        services.AddRoseStorage(configuration);
        services.TryAddSingleton<IEventPublisher, StagingEventPublisher>();
        services.TryAddSingleton<OutboxDrainer>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDrainer>());
        services.AddTenantDataEraser<OutboxTenantErasure>();
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
    /// Fails at start-up, naming <paramref name="module"/>, when the app has not composed Rose.Platform
    /// first: a module that publishes, subscribes or keeps state cannot work without its ports.
    /// </summary>
    public static IServiceCollection RequireRosePlatform(this IServiceCollection services, string module) =>
        services.Any(d => d.ServiceType == typeof(SubscriptionCatalog))
            ? services
            : throw new InvalidOperationException($"{module} needs Rose.Platform: call AddRosePlatform(configuration) before adding {module}.");

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

    /// <summary>
    /// For the app that owns dead letters (admin): on the Dapr runtime, subscribes to the
    /// <c>{topic}.dead-letter</c> topic, on <see cref="DaprComponents.PubSub"/>, of each of <paramref name="topics"/> (the topics the modules
    /// events send on that component: admin composes no module, so it names them; a test holds them equal to
    /// <c>components/</c>, which a test holds equal to the modules) and stores what the sidecar forwards
    /// there, for <c>MapDeadLetterAdmin</c> to list and replay. On the embedded runtime dead letters are
    /// already kept by the in-process delivery, and this adds nothing.
    /// </summary>
    public static IServiceCollection AddRoseDeadLetterReader(this IServiceCollection services, IConfiguration configuration, params string[] topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (ReadRuntime(configuration) != PlatformRuntime.Dapr)
        {
            return services;
        }

        var byDeadLetterTopic = topics.Distinct(StringComparer.Ordinal).ToDictionary(Topics.DeadLetterFor, t => t, StringComparer.Ordinal);
        services.AddRoseStorage(configuration);
        services.AddRoseDbContext<DeadLetterDbContext, DeadLetterSqliteDbContext, DeadLetterPostgresDbContext>(DeadLetterDbContext.Module);
        services.AddSingleton(new DeadLetterTopics(byDeadLetterTopic));
        services.TryAddSingleton<DaprDeadLetterStore>();
        services.AddSingleton<IDeadLetterStore>(provider => provider.GetRequiredService<DaprDeadLetterStore>());
        services.AddTenantDataEraser<DeadLetterTenantErasure>();
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
            // This app's sidecar drives these workflows: talk to it, not to the worker's API.
            services.Replace(ServiceDescriptor.Singleton<IWorkflowScheduler, DaprWorkflowScheduler>());
        }

        return services;
    }

    /// <summary>
    /// Workflows that the worker hosts, started from this app (backoffice, admin). On Dapr this app's
    /// sidecar drives none: <see cref="IWorkflowScheduler"/> calls the worker's workflow API by service
    /// invocation. On the embedded runtime there is no other process, so they are hosted here.
    /// </summary>
    public static IServiceCollection AddRoseWorkflowsOfWorker(this IServiceCollection services, IConfiguration configuration, Action<WorkflowRegistrations> register) =>
        ReadRuntime(configuration) == PlatformRuntime.Dapr
            ? services.RequireRosePlatform("the worker's workflows")
            : services.AddRoseWorkflows(configuration, register);

    /// <summary>Registered by <see cref="AddRoseWorkflows"/>: this app hosts workflows (and, on Dapr, serves the workflow API).</summary>
    internal sealed class WorkflowsHostedMarker;

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
        services.TryAddSingleton<IOutboxTransport, DaprOutboxTransport>();
        services.TryAddSingleton<IBlobStore, DaprBlobStore>();
        services.TryAddSingleton<IServiceInvoker, DaprServiceInvoker>();
        // Apps that host no workflow reach the worker's; AddRoseWorkflows replaces this in the worker.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWorkflowScheduler, WorkerWorkflowScheduler>();
    }

    private static void AddEmbeddedAdapters(IServiceCollection services)
    {
        services.TryAddSingleton<PlatformDatabase>();
        services.TryAddSingleton<SqliteStateStore>();
        services.TryAddSingleton<IStateStore>(provider => provider.GetRequiredService<SqliteStateStore>());
        services.AddTenantDataEraser<EmbeddedRuntimeTenantErasure>();
        services.AddHostedService<ExpiredStateSweeper>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<DeadLetterStore>();
        services.TryAddSingleton<IDeadLetterStore>(provider => provider.GetRequiredService<DeadLetterStore>());
        services.TryAddSingleton<IOutboxTransport, InProcessOutboxTransport>();
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
