using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Llm.Configuration;

namespace Rose.Llm.Resilience;

/// <summary>One breaker per provider, shared by every purpose and tenant of the process.</summary>
public sealed class CircuitBreakerRegistry(IOptions<LlmOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, CircuitBreaker> breakers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger logger = loggers.CreateLogger<CircuitBreaker>();

    public CircuitBreaker For(string provider) =>
        breakers.GetOrAdd(provider, name => new CircuitBreaker(name, options.Value.Resilience, time, logger));
}
