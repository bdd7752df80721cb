namespace Rose.Backoffice.Pages.Components.Shared;

/// <summary>The consent to identification the widget recorded when the conversation started, in words.</summary>
public static class Consent
{
    public static string Describe(bool? consent) => consent switch
    {
        true => "given",
        false => "refused",
        null => "not asked",
    };
}
