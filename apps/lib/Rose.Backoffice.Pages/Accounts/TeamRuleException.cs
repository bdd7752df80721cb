namespace Rose.Backoffice.Pages.Accounts;

/// <summary>A team change that is refused (the last owner, an address already in the team…), with a sentence for the page.</summary>
public sealed class TeamRuleException(string message) : Exception(message);
