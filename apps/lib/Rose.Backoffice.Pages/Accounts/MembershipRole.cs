namespace Rose.Backoffice.Pages.Accounts;

/// <summary>What a user may do in one tenant; stored and shown as these lowercase words.</summary>
public static class MembershipRole
{
    public const string Owner = "owner";
    public const string Member = "member";

    public static bool IsKnown(string? role) => role is Owner or Member;
}
