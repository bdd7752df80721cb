using Microsoft.AspNetCore.Identity;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>A person of a client's team who signs in to the backoffice; the e-mail is the user name.</summary>
public sealed class BackofficeUser : IdentityUser
{
}
