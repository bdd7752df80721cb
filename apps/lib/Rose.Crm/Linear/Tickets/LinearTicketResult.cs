using Rose.Crm.Linear.Client;

namespace Rose.Crm.Linear.Tickets;

/// <summary>The outcome of <see cref="LinearTickets.CreateAsync"/>, with the ticket when there is one and Linear's error when it failed.</summary>
public sealed record LinearTicketResult(LinearTicketOutcome Outcome, LinearIssueView? Issue = null, LinearApiException? Error = null);
