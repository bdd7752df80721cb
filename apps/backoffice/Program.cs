using Rose.Storage;
using Rose.Backoffice.Pages;
using Rose.Chat;
using Rose.Chat.Api;
using Rose.Knowledge;
using Rose.Knowledge.Endpoints;
using Rose.Analytics;
using Rose.Analytics.Api;
using Rose.Llm;
using Rose.Platform;
using Rose.Tagging;
using Rose.Tagging.Api;
using Rose.Tenancy;
using Rose.Tenancy.Endpoints;
using Rose.Workflows;

// backoffice: the client's dashboard (/backoffice, signed-in team members) and its management API (/api/v1, bearer API key).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOpenApi();
builder.Services.AddRoseTenancy(builder.Configuration);
builder.Services.AddRoseAnalytics(builder.Configuration);
builder.Services.AddRosePlatform(builder.Configuration);
builder.Services.AddRoseLlm(builder.Configuration);
builder.Services.AddRoseKnowledge(builder.Configuration);
builder.Services.AddRoseKnowledgeWorkflows();
builder.Services.AddRoseWorkflowsOfWorker(builder.Configuration, workflows => workflows.AddDocumentLoading());
builder.Services.AddRoseChatRecords();
builder.AddRoseBackoffice();
builder.Services.AddRoseTaggingRecords(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRoseTenancy();
app.MapRosePlatform();
app.MapOpenApi();
app.MapAnalyticsApi();
app.MapTenantManagementApi();
app.MapKnowledgeApi();
app.MapSkillsApi();
app.MapConversationReportsApi();
app.MapLeadsApi();
app.MapRoseBackoffice();
await app.RunOrMigrateOnlyAsync();

public partial class Program;
