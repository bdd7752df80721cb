namespace Rose.Crm.Linear.Tickets;

/// <summary>What asking for a conversation's ticket did.</summary>
public enum LinearTicketOutcome
{
    Created,

    /// <summary>The conversation already had its ticket: nothing was sent to Linear.</summary>
    AlreadyCreated,

    ConversationNotFound,

    NotConnected,

    /// <summary>Linear refused or failed; <see cref="LinearTicketResult.Error"/> says how. Asking again reuses the same issue id.</summary>
    Failed,
}
