namespace Rose.Platform;

/// <summary>
/// The Dapr app-ids, which are also the folders under <c>apps/</c> and the Aspire resource names.
/// <c>dapr.yaml</c> and the <c>scopes</c> in <c>components/</c> must list exactly these (a test checks).
/// </summary>
public static class AppIds
{
    public const string Search = "search";
    public const string Admin = "admin";
    public const string Backoffice = "backoffice";
    public const string Gateway = "gateway";
    public const string Worker = "worker";

    public static IReadOnlyList<string> All { get; } = [Search, Admin, Backoffice, Gateway, Worker];
}
