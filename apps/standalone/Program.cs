using Rose.Backoffice.Pages;
using Rose.Chat;
using Rose.Chat.Api;
using Rose.Llm;
using Rose.Platform;
using Rose.Knowledge;
using Rose.Knowledge.Endpoints;
using Rose.Standalone;
using Rose.Tagging;
using Rose.Tagging.Api;
using Rose.Analytics;
using Rose.Analytics.Api;
using Rose.Tenancy;
using Rose.Tenancy.Endpoints;
using Rose.Tenancy.Http;
using Rose.Widget;
using Rose.Workflows;

// standalone: every app's endpoints in one process, on the embedded runtime and SQLite.
// Settings ship next to the binary, so the host reads them wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDefaults();
builder.Services.AddOpenApi();
builder.Services.AddRoseTenancy(builder.Configuration);
builder.Services.AddRoseAnalytics(builder.Configuration);
builder.Services.AddRosePlatform(builder.Configuration);
builder.Services.AddRoseLlm(builder.Configuration);
builder.Services.AddRoseKnowledge(builder.Configuration);
builder.Services.AddRoseKnowledgeWorkflows();
builder.Services.AddRoseWorkflows(builder.Configuration, workflows => workflows.AddDocumentLoading());
builder.Services.AddRoseChat(builder.Configuration);
builder.AddRoseBackoffice();
builder.Services.AddRoseTagging(builder.Configuration);
builder.Services.AddDemoTenant(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRoseTenancy();
app.UseRateLimiter();
app.MapRosePlatform();
app.MapOpenApi();
app.MapAnalyticsApi();
app.MapChatApi();
app.MapSkillsApi();
app.MapConversationReportsApi();
app.MapLeadsApi();
app.MapRoseWidget();
app.MapDemoDocs();
app.MapTenantManagementApi();
app.MapKnowledgeApi();
app.MapTenantAdminApi();
app.MapRoseBackoffice();
app.MapGroup("/admin/v1").RequireStaffKey().MapDeadLetterAdmin();
app.Run();

public partial class Program;
