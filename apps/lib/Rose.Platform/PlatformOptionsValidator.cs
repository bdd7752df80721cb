using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Rose.Platform;

/// <summary>Validates <see cref="PlatformOptions"/> and its nested <see cref="OutboxOptions"/> and <see cref="BlobBindingOptions"/> at start.</summary>
internal sealed class PlatformOptionsValidator : IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        Validator.TryValidateObject(options.Outbox, new ValidationContext(options.Outbox), errors, validateAllProperties: true);
        if (!BlobBindingOptions.Kinds.Contains(options.BlobBinding.Kind, StringComparer.Ordinal))
        {
            errors.Add(new ValidationResult(
                $"Rose:Platform:BlobBinding:Kind is '{options.BlobBinding.Kind}'; use one of {string.Join(", ", BlobBindingOptions.Kinds)} (the type of components/blobstore.yaml).",
                [nameof(PlatformOptions.BlobBinding)]));
        }

        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => e.ErrorMessage ?? "Invalid Rose:Platform setting."));
    }
}
