using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Rose.Knowledge.VectorStores;

/// <summary>
/// Checks what data annotations cannot: with MongoDB, a connection string the driver can parse and
/// the names it needs. Run on start, so a misconfigured replica fails at deployment, not at the
/// first question.
/// </summary>
public sealed class VectorStoreOptionsValidator : IValidateOptions<VectorStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, VectorStoreOptions options)
    {
        if (options.Provider != VectorStoreProvider.MongoDb)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{VectorStoreOptions.SectionName}:ConnectionString is required when the provider is MongoDb.");
        }
        else
        {
            try
            {
                _ = MongoUrl.Create(options.ConnectionString);
            }
            catch (Exception e) when (e is MongoConfigurationException or FormatException or ArgumentException)
            {
                // The message of the driver may quote the string, password included: say only that it is wrong.
                failures.Add($"{VectorStoreOptions.SectionName}:ConnectionString is not a valid MongoDB connection string.");
            }
        }

        foreach (var (key, value) in new[] { ("Database", options.Database), ("Collection", options.Collection), ("IndexName", options.IndexName) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{VectorStoreOptions.SectionName}:{key} is required when the provider is MongoDb.");
            }
        }

        if (options.SearchTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{VectorStoreOptions.SectionName}:SearchTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
