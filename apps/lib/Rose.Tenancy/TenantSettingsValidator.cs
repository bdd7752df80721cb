using System.Text.RegularExpressions;
using Rose.Storage;
using Rose.Tenancy.Keys;

namespace Rose.Tenancy;

/// <summary>Checks tenant input field by field, so staff and clients get every problem at once.</summary>
internal static partial class TenantSettingsValidator
{
    public static Dictionary<string, string[]> Validate(NewTenant tenant)
    {
        var errors = new Dictionary<string, string[]>();
        if (!TenantIds.IsValid(tenant.TenantId))
        {
            errors["tenantId"] = ["Use 1 to 63 lowercase letters, digits or dashes, starting with a letter or digit."];
        }

        if (string.IsNullOrWhiteSpace(tenant.Name) || tenant.Name.Length > 200)
        {
            errors["name"] = ["A name of 1 to 200 characters is required."];
        }

        if (tenant.PublicKey is not null && !TenantKeys.IsWellFormedPublicKey(tenant.PublicKey))
        {
            errors["publicKey"] = ["A public key looks like pk_ followed by 16 to 100 letters, digits, '-' or '_'."];
        }

        if (tenant.ApiKey is not null && !TenantKeys.IsWellFormedApiKey(tenant.ApiKey))
        {
            errors["apiKey"] = ["An API key looks like rk_ followed by 16 to 100 letters, digits, '-' or '_'."];
        }

        AddOriginErrors(tenant.AllowedOrigins ?? [], errors);
        if (tenant.Widget is not null)
        {
            AddWidgetErrors(tenant.Widget, errors);
        }

        return errors;
    }

    public static void AddOriginErrors(IReadOnlyList<string> origins, Dictionary<string, string[]> errors)
    {
        var bad = origins.Where(o => o != "*" && OriginNames.Normalize(o) is null).ToArray();
        if (bad.Length > 0)
        {
            errors["allowedOrigins"] = [.. bad.Select(o => $"'{o}' is not an origin such as https://www.example.com.")];
        }
    }

    public static void AddWidgetErrors(WidgetSettingsView widget, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(widget.Name) || widget.Name.Length > 100)
        {
            errors["widget.name"] = ["A name of 1 to 100 characters is required."];
        }

        if (widget.Greeting is null || widget.Greeting.Length > 500)
        {
            errors["widget.greeting"] = ["The greeting is at most 500 characters."];
        }

        if (!Color().IsMatch(widget.PrimaryColor ?? string.Empty))
        {
            errors["widget.primaryColor"] = ["Use a colour such as #c2185b."];
        }

        if (!Color().IsMatch(widget.TextColor ?? string.Empty))
        {
            errors["widget.textColor"] = ["Use a colour such as #ffffff."];
        }

        if (!Language().IsMatch(widget.Language ?? string.Empty))
        {
            errors["widget.language"] = ["Use a language tag such as en or fr-CA."];
        }
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Color();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex Language();
}
