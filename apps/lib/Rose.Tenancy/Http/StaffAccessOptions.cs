using System.ComponentModel.DataAnnotations;

namespace Rose.Tenancy.Http;

/// <summary>Configuration section <c>Rose:Admin</c>. Without a key the staff API answers 401 to everyone.</summary>
public sealed class StaffAccessOptions
{
    public const string SectionName = "Rose:Admin";

    [MinLength(24, ErrorMessage = "Rose:Admin:ApiKey must be at least 24 characters.")]
    public string? ApiKey { get; set; }
}
