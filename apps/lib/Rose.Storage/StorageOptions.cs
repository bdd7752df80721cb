using System.ComponentModel.DataAnnotations;

namespace Rose.Storage;

/// <summary>Configuration section <c>Rose:Storage</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Rose:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// Connection string. Empty means: for SQLite, <c>rose.db</c> in <c>Rose:DataPath</c>;
    /// for PostgreSQL, <c>ConnectionStrings:rose</c> (how Aspire hands it over).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Apply pending migrations and exit, serving nothing (<see cref="StorageHostExtensions.RunOrMigrateOnlyAsync"/>).</summary>
    public bool MigrateOnly { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Rose:Storage:Provider is PostgreSql but no connection string is set: set Rose:Storage:ConnectionString or ConnectionStrings:rose.",
                [nameof(ConnectionString)]);
        }
    }
}
