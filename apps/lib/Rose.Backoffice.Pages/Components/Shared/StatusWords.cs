using Rose.Knowledge.Data;

namespace Rose.Backoffice.Pages.Components.Shared;

/// <summary>A document's loading status as the pages show it: queued, processing, indexed or failed.</summary>
public static class StatusWords
{
    public static string Of(DocumentStatus status) => status.ToString().ToLowerInvariant();
}
