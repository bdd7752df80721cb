using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Rose.Platform;

/// <summary>Validates <see cref="PlatformOptions"/> and its nested <see cref="OutboxOptions"/> at start.</summary>
internal sealed class PlatformOptionsValidator : IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        Validator.TryValidateObject(options.Outbox, new ValidationContext(options.Outbox), errors, validateAllProperties: true);
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => e.ErrorMessage ?? "Invalid Rose:Platform setting."));
    }
}
