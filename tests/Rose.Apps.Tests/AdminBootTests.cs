extern alias admin;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Rose.Testing;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Apps.Tests;

/// <summary>The admin app on its own: Rose staff create and read tenants, on both runtimes.</summary>
public sealed class AdminBootTests
{
    [Fact]
    public async Task Admin_on_the_embedded_runtime_creates_and_reads_a_tenant_for_staff_only()
    {
        await using var app = new RoseAppFactory<admin::Program>();

        await AssertStaffManageTenantsAsync(app);
    }

    [Fact]
    public async Task Admin_on_dapr_creates_and_reads_a_tenant_for_staff_only()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync();
        await using var app = new RoseAppFactory<admin::Program>().OnDapr(sidecar);

        await AssertStaffManageTenantsAsync(app);
    }

    private static async Task AssertStaffManageTenantsAsync(RoseAppFactory<admin::Program> app)
    {
        using var anonymous = app.CreateClient();
        using var staff = app.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<admin::Program>.StaffKey);

        var refused = await anonymous.PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "globex", name = "Globex" });
        var created = await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "globex", name = "Globex" });
        var read = await staff.GetAsync("/admin/v1/tenants/globex");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }
}
