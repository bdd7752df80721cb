using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Rose.Testing;

namespace Rose.Admin.Tests;

/// <summary>Clients of the admin app as Rose staff or as nobody in particular.</summary>
public static class StaffClient
{
    public static HttpClient Staff(this WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
        return client;
    }
}
