using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Rose.Platform.Limits;

/// <summary>
/// A Redis configuration string that does not parse stops the app. On the Dapr runtime in Production
/// (replicas behind one gateway) the app does not start without one either: in-process limits there
/// would multiply every limit by the number of replicas. A bare service provider (no host) is not checked.
/// </summary>
internal sealed class ClusterLimitsOptionsValidator(bool onDapr, IServiceProvider services) : IValidateOptions<ClusterLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterLimitsOptions options)
    {
        if (options.UsesRedis)
        {
            try
            {
                ConfigurationOptions.Parse(options.Redis!);
            }
            catch (ArgumentException e)
            {
                return ValidateOptionsResult.Fail($"{ClusterLimitsOptions.RedisKey} is not a Redis configuration string (host:port,password=…): {e.Message}");
            }

            return ValidateOptionsResult.Success;
        }

        if (onDapr && services.GetService<IHostEnvironment>() is { } environment && environment.IsProduction())
        {
            return ValidateOptionsResult.Fail(
                $"Rose:Runtime is Dapr in Production but {ClusterLimitsOptions.RedisKey} is not set: set it to the Redis the replicas share " +
                "(e.g. rose-redis:6379,password=…), so that rate limits, stream caps and LLM budgets hold across replicas.");
        }

        return ValidateOptionsResult.Success;
    }
}
