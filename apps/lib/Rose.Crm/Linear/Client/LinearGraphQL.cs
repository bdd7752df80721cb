namespace Rose.Crm.Linear.Client;

/// <summary>The GraphQL documents Rose sends to Linear, in one place.</summary>
public static class LinearGraphQL
{
    /// <summary>Where Linear's GraphQL API answers, relative to <c>Rose:Crm:Linear:BaseUrl</c>.</summary>
    public const string Path = "graphql";

    /// <summary>Checks a key and a team at once: <c>viewer</c> fails without a valid key, <c>team</c> without access to the team.</summary>
    public const string TeamQuery = "query RoseTeam($teamId: String!) { viewer { id } team(id: $teamId) { id key name } }";

    public const string IssueCreateMutation =
        "mutation RoseIssueCreate($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { id identifier url } } }";
}
