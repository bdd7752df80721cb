using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Rose app shares: telemetry, health, service discovery, resilience, error reporting
/// and RFC 7807 problem details. Kept in the Microsoft.Extensions.Hosting namespace, like Aspire's
/// template, so that each Program.cs needs no extra using.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Tag on health checks that must pass for the process to count as alive.</summary>
    public const string LiveTag = "live";

    /// <summary>Activity sources and meters Rose's modules write to; all start with this prefix.</summary>
    public const string TelemetryPrefix = "Rose.";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBasicServiceDefaults();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>Defaults for a host without outgoing HTTP: telemetry, health, problem details, Sentry.</summary>
    public static TBuilder AddBasicServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Every environment, not only Development: a host that misses a registration fails at start,
        // naming the service, instead of answering a visitor's first message with a 500.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = RoseProblemDetails.Customize);
        builder.AddSentryWhenConfigured();
        builder.AddTrustedProxies();
        return builder;
    }

    /// <summary>Believes <c>X-Forwarded-For</c> only from <c>Rose:Network:TrustedProxies</c> (none by default); see <see cref="ForwardedHeadersStartupFilter"/>.</summary>
    public static TBuilder AddTrustedProxies<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<NetworkOptions>().Bind(builder.Configuration.GetSection(NetworkOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<NetworkOptions>, NetworkOptionsValidator>();
        builder.Services.AddTransient<IStartupFilter, ForwardedHeadersStartupFilter>();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryPrefix + "*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetryPrefix + "*")
                .AddAspNetCoreInstrumentation(o =>
                    // Health probes would drown the traces that matter.
                    o.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                                          && !context.Request.Path.StartsWithSegments("/alive"))
                .AddHttpClientInstrumentation());
        builder.AddLangfuseExportWhenConfigured();

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// With <c>Rose:Observability:Langfuse</c> configured, a second OTLP/HTTP exporter sends the LLM spans
    /// (GenAI conventions) to Langfuse's OpenTelemetry endpoint. Built here rather than through
    /// <c>AddOtlpExporter</c>, which cannot be combined with <c>UseOtlpExporter</c>.
    /// </summary>
    public static TBuilder AddLangfuseExportWhenConfigured<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<LangfuseOptions>().Bind(builder.Configuration.GetSection(LangfuseOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<LangfuseOptions>, LangfuseOptionsValidator>();
        var langfuse = builder.Configuration.GetSection(LangfuseOptions.SectionName).Get<LangfuseOptions>();
        if (langfuse is not { IsConfigured: true })
        {
            return builder;
        }

        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{langfuse.PublicKey}:{langfuse.SecretKey}"));
        var exporter = new OtlpTraceExporter(new OtlpExporterOptions
        {
            Endpoint = langfuse.TracesEndpoint,
            Protocol = OtlpExportProtocol.HttpProtobuf,
            Headers = $"Authorization=Basic {credentials}",
        });
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddProcessor(
            new SourceFilteringBatchExportProcessor(langfuse.SourcesOrDefault, exporter)));
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (every check) and <c>/alive</c> (liveness checks only).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) });
        return app;
    }

    /// <summary><c>rose@{informational version}</c> of the entry assembly (the build's version, with its commit when the SDK stamped one).</summary>
    public static string DefaultRelease()
    {
        var assembly = Assembly.GetEntryAssembly() ?? typeof(ServiceDefaultsExtensions).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        return $"rose@{version}";
    }

    private static void AddSentryWhenConfigured(this IHostApplicationBuilder builder)
    {
        var dsn = builder.Configuration["SENTRY_DSN"];
        if (string.IsNullOrWhiteSpace(dsn) || builder is not WebApplicationBuilder web)
        {
            return;
        }

        web.WebHost.UseSentry(options =>
        {
            options.Dsn = dsn;
            // Every event says which build and which environment it came from, and which app.
            options.Release = builder.Configuration["SENTRY_RELEASE"] is { Length: > 0 } release ? release : DefaultRelease();
            options.Environment = builder.Configuration["SENTRY_ENVIRONMENT"] is { Length: > 0 } environment ? environment : builder.Environment.EnvironmentName.ToLowerInvariant();
            options.DefaultTags["rose.app"] = builder.Environment.ApplicationName;
            options.SendDefaultPii = false;
            options.TracesSampleRate = 0.1;
        });
    }
}
